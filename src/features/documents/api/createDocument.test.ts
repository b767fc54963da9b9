import { describe, expect, it } from 'vitest';
import { buildDocumentMetadata } from '../../../../tests/support/factories.js';
import { nodeSha256, useDocumentsHarness } from '../../../../tests/support/documentsHarness.js';
import { loadDocument, versionBytes, type UploadProgress } from '../services/index.js';
import { createDocument } from './createDocument.js';

/** `createDocument` against the emulator (msw, in process): a large file through an upload session with progress. */
const bed = useDocumentsHarness();

describe('createDocument with a large file', () => {
  it('uploads a file over 4 MB through an upload session and reports progress until all bytes are in', async () => {
    const { priya } = bed;
    const bytes = new Uint8Array(5 * 1024 * 1024 + 123);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31) % 251;
    bytes.set(new TextEncoder().encode('%PDF-1.4\n'), 0);
    const progress: UploadProgress[] = [];
    const { docId } = await createDocument(priya, { metadata: buildDocumentMetadata({ title: 'Data Centre Access Instruction' }), file: { name: 'access.pdf', bytes } }, { onProgress: (p) => progress.push(p) });

    expect(progress.length).toBeGreaterThan(1);
    expect(progress.every((p) => p.total === bytes.length)).toBe(true);
    expect(progress[progress.length - 1]!.uploaded).toBe(bytes.length);
    expect(progress.map((p) => p.uploaded)).toEqual([...progress.map((p) => p.uploaded)].sort((a, b) => a - b));
    const snap = await loadDocument(priya, docId);
    expect(snap.file).toMatchObject({ size: bytes.length, mimeType: 'application/pdf' });
    expect(nodeSha256(await versionBytes(priya, snap, null))).toBe(nodeSha256(bytes));
  });
});
