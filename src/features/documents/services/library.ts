/**
 * File steps on `SMS Documents`: uploading (one request up to 4 MB, an upload session with
 * progress above that), check-out → change → check-in (a minor version, or a major version with
 * `checkInAs: 'published'`), metadata writes with `If-Match`, and reading a file's bytes.
 */
import type { DriveItem } from '@microsoft/microsoft-graph-types';
import { checkin, checkout, getItemListItem, replaceContent, SIMPLE_UPLOAD_MAX_BYTES, updateListItemFields, uploadLarge, uploadSmall, type UploadProgress } from '../../../../graph/drive/drive.js';
import type { DocumentServices } from './types.js';

export type { UploadProgress } from '../../../../graph/drive/drive.js';

/** MIME types of the files a controlled document may be. */
export const DOCUMENT_FILE_TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  md: 'text/markdown',
} as const;
export type DocumentFileKind = keyof typeof DOCUMENT_FILE_TYPES;

/** The kind of a file by its name (`.docx`, `.pdf`, `.md`/`.markdown`), or null for anything else. */
export function fileKindOf(name: string): DocumentFileKind | null {
  const ext = /\.([^.]+)$/.exec(name.toLowerCase())?.[1];
  if (ext === 'docx') return 'docx';
  if (ext === 'pdf') return 'pdf';
  if (ext === 'md' || ext === 'markdown') return 'md';
  return null;
}

/** A file the user chose or the app generated. */
export interface FileInput {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export interface UploadOptions {
  readonly onProgress?: (progress: UploadProgress) => void;
  readonly signal?: AbortSignal;
}

/**
 * The same bytes in a `Uint8Array` of this realm: bytes read from a `File` of another frame (or a
 * test DOM) are otherwise not recognised as binary and would be sent as JSON.
 */
function ownBytes(file: FileInput): FileInput {
  return file.bytes instanceof Uint8Array && file.bytes.constructor === Uint8Array ? file : { name: file.name, bytes: Uint8Array.from(file.bytes) };
}

/** Characters SharePoint refuses in file names, replaced by `-`. */
export function safeFileName(name: string): string {
  return name.replace(/["*:<>?/\\|#%]/g, '-').replace(/\s+/g, ' ').trim().replace(/[. ]+$/, '');
}

/**
 * Uploads a file to the library root under `name` (a file of that name is replaced: names start
 * with the DocId, so it can only be this document's own file from an earlier attempt). Files over
 * 4 MB go through an upload session and report progress; smaller ones report once when done.
 */
export async function uploadToLibrary(s: DocumentServices, name: string, input: FileInput, opts: UploadOptions = {}): Promise<DriveItem> {
  const file = ownBytes(input);
  const kind = fileKindOf(file.name);
  const contentType = kind ? DOCUMENT_FILE_TYPES[kind] : 'application/octet-stream';
  if (file.bytes.byteLength <= SIMPLE_UPLOAD_MAX_BYTES) {
    const item = await uploadSmall(s.client, s.site.driveId, 'root', name, file.bytes, contentType, opts.signal);
    opts.onProgress?.({ uploaded: file.bytes.byteLength, total: file.bytes.byteLength });
    return item;
  }
  return uploadLarge(s.client, s.site.driveId, 'root', name, file.bytes, { onProgress: opts.onProgress, signal: opts.signal, conflictBehavior: 'replace' });
}

/** Replaces the bytes of an existing file (a new minor version while checked out). */
export async function replaceFile(s: DocumentServices, driveItemId: string, currentName: string, input: FileInput, opts: UploadOptions = {}): Promise<void> {
  const file = ownBytes(input);
  if (file.bytes.byteLength <= SIMPLE_UPLOAD_MAX_BYTES) {
    const kind = fileKindOf(file.name);
    await replaceContent(s.client, s.site.driveId, driveItemId, file.bytes, { contentType: kind ? DOCUMENT_FILE_TYPES[kind] : undefined, signal: opts.signal });
    opts.onProgress?.({ uploaded: file.bytes.byteLength, total: file.bytes.byteLength });
    return;
  }
  await uploadLarge(s.client, s.site.driveId, 'root', currentName, file.bytes, { onProgress: opts.onProgress, signal: opts.signal, conflictBehavior: 'replace' });
}

/** The current eTag of the list item behind a file. */
export async function currentETag(s: DocumentServices, driveItemId: string): Promise<string> {
  const li = await getItemListItem(s.client, s.site.driveId, driveItemId);
  return li['@odata.etag'] ?? '';
}

/** Writes library columns of a file with `If-Match: eTag` (412 → `GraphConflictError`). */
export async function patchLibraryFields(s: DocumentServices, driveItemId: string, fields: Record<string, unknown>, eTag: string): Promise<void> {
  if (Object.keys(fields).length === 0) return;
  await updateListItemFields(s.client, s.site.driveId, driveItemId, fields, eTag);
}

/**
 * Check out → `change(eTag)` → check in. With `publish` the check-in makes the next major version
 * (what readers see); otherwise the changes stay a minor (draft) version. Checking out a file the
 * user already has checked out (an interrupted earlier attempt) is harmless. The eTag passed to
 * `change` is read after check-out: the check-out itself keeps everyone else from writing.
 */
export async function withCheckout(
  s: DocumentServices,
  driveItemId: string,
  opts: { comment: string; publish: boolean },
  change: (eTag: string) => Promise<void>,
): Promise<void> {
  await checkout(s.client, s.site.driveId, driveItemId);
  await change(await currentETag(s, driveItemId));
  await checkin(s.client, s.site.driveId, driveItemId, { comment: opts.comment, publish: opts.publish });
}
