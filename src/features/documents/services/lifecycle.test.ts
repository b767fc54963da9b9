import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { http } from 'msw';
import { GraphConflictError } from '../../../../graph/core/errors.js';
import { ORIGIN } from '../../../app/testing/appHarness.js';
import { markdownFile, nodeSha256, people, startDocumentsHarness, type DocumentsHarness } from '../testing/documentsHarness.js';
import {
  assignDocId,
  createDocument,
  decideApproval,
  DocumentRuleError,
  loadDocument,
  loadVersionHistory,
  restoreAsDraft,
  startRevision,
  submitForReview,
  versionBytes,
  withdrawDocument,
  type DocumentServices,
  type UploadProgress,
} from './index.js';
import type { DocumentMetadata } from './mapping.js';

/**
 * Lifecycle services against the emulator (msw, in process): DocIds from SMS Sequences under
 * contention, a large file through an upload session with progress, restoring an old version as
 * a new draft without touching history, and refusals that change nothing.
 */
type Json = Record<string, unknown>;

let h: DocumentsHarness;
let priya: DocumentServices;
let tom: DocumentServices;
let raj: DocumentServices;

beforeAll(async () => {
  h = await startDocumentsHarness();
  [priya, tom, raj] = await Promise.all([h.servicesFor(people.priya), h.servicesFor(people.tom), h.servicesFor(people.raj)]);
}, 60_000);
afterAll(() => h.close());

const meta = (title: string, over: Partial<DocumentMetadata> = {}): DocumentMetadata => ({
  title,
  docType: 'Work instruction',
  ownerId: people.priya,
  approverIds: [people.tom],
  reviewerIds: [],
  processId: null,
  primaryClause: null,
  clauseRefs: [],
  mandatoryItem: 'None',
  classification: 'Internal',
  reviewCycleMonths: 24,
  ackRequired: false,
  ackAudience: [],
  ackDueDays: 14,
  externalOrigin: false,
  issuer: null,
  changeSummary: null,
  ...over,
});

async function sequence(name: string): Promise<Json | undefined> {
  const res = await h.raw(people.tom, `/sites/${h.siteId}/lists/SMS Sequences/items?$expand=fields&$filter=fields/SequenceName eq '${name}'`);
  return ((await res.json()) as { value: { fields: Json }[] }).value[0]?.fields;
}

describe('DocIds from SMS Sequences', () => {
  it('never gives two controllers the same number, however their requests interleave', async () => {
    const ids = await Promise.all([
      assignDocId(priya, 'Contract', null),
      assignDocId(tom, 'Contract', null),
      assignDocId(priya, 'Contract', null),
      assignDocId(tom, 'Contract', null),
      assignDocId(priya, 'Contract', null),
    ]);
    expect(new Set(ids).size).toBe(5);
    expect([...ids].sort()).toEqual(['SMS-CON-001', 'SMS-CON-002', 'SMS-CON-003', 'SMS-CON-004', 'SMS-CON-005']);
    expect(await sequence('SMS-CON')).toMatchObject({ NextNumber: 6, Prefix: 'SMS-CON-' });
  });

  it('numbers the scope document (mandatory item D1) in its own sequence', async () => {
    expect(await assignDocId(priya, 'Policy', 'D1')).toBe('SMS-SCP-001');
    expect(await assignDocId(priya, 'Policy', 'None')).toBe('SMS-POL-001');
  });
});

describe('large files', () => {
  it('uploads a file over 4 MB through an upload session and reports progress until all bytes are in', async () => {
    const bytes = new Uint8Array(5 * 1024 * 1024 + 123);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31) % 251;
    bytes.set(new TextEncoder().encode('%PDF-1.4\n'), 0);
    const progress: UploadProgress[] = [];
    const { docId } = await createDocument(priya, { metadata: meta('Data Centre Access Instruction'), file: { name: 'access.pdf', bytes } }, { onProgress: (p) => progress.push(p) });

    expect(progress.length).toBeGreaterThan(1);
    expect(progress.every((p) => p.total === bytes.length)).toBe(true);
    expect(progress[progress.length - 1]!.uploaded).toBe(bytes.length);
    expect(progress.map((p) => p.uploaded)).toEqual([...progress.map((p) => p.uploaded)].sort((a, b) => a - b));
    const snap = await loadDocument(priya, docId);
    expect(snap.file).toMatchObject({ size: bytes.length, mimeType: 'application/pdf' });
    expect(nodeSha256(await versionBytes(priya, snap, null))).toBe(nodeSha256(bytes));
  });
});

describe('restore as a new draft', () => {
  it('makes the old content a new draft version and keeps every earlier version as it was', async () => {
    const { docId } = await createDocument(priya, { metadata: meta('Patch Instruction'), file: markdownFile('patch.md', '# Patch\n\nMonthly.\n') });
    await submitForReview(priya, docId);
    const first = await loadDocument(tom, docId);
    await decideApproval(tom, docId, first.approvals[0]!.itemId, 'Approved', null);
    await startRevision(priya, docId, 'minor', { changeSummary: 'Weekly patching.', file: markdownFile('patch.md', '# Patch\n\nWeekly.\n') });

    const before = await loadDocument(priya, docId);
    const history = await loadVersionHistory(priya, before);
    const published = history.find((v) => v.major && v.releaseLabel === '1.0')!;
    const idsBefore = history.map((v) => v.id);
    await restoreAsDraft(priya, docId, published.id, published.releaseLabel!);

    const after = await loadDocument(priya, docId);
    const historyAfter = await loadVersionHistory(priya, after);
    // Nothing was rewritten: every earlier version is still there, and new ones came on top.
    expect(historyAfter.map((v) => v.id).slice(historyAfter.length - idsBefore.length)).toEqual(idsBefore);
    expect(historyAfter.length).toBeGreaterThan(idsBefore.length);
    expect(new TextDecoder().decode(await versionBytes(priya, after, null))).toBe('# Patch\n\nMonthly.\n');
    // The restored draft keeps the document's current lifecycle state and says what happened.
    expect(after.state).toMatchObject({ status: 'Under revision', publishedVersion: '1.0', changeSummary: 'Restored the content of version 1.0.' });
    // Readers still get the published 1.0.
    const jack = await h.servicesFor(people.jack);
    const asJack = await loadDocument(jack, docId);
    expect(new TextDecoder().decode(await versionBytes(jack, asJack, null))).toBe('# Patch\n\nMonthly.\n');
    expect((await loadVersionHistory(jack, asJack)).map((v) => v.id)).toEqual(['1.0']);
  });
});

describe('refusals change nothing', () => {
  it('refuses to submit a published document and to let a top manager start a revision', async () => {
    const { docId } = await createDocument(priya, { metadata: meta('Backup Restore Instruction'), file: markdownFile('b.md', '# Backup\n') });
    await submitForReview(priya, docId);
    const snap = await loadDocument(tom, docId);
    await decideApproval(tom, docId, snap.approvals[0]!.itemId, 'Approved', null);
    const published = await loadDocument(priya, docId);

    const again = await submitForReview(priya, docId).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(DocumentRuleError);
    expect((again as DocumentRuleError).refusal.reason).toBe('notAllowedFromStatus');
    const revision = await startRevision(raj, docId, 'minor', { changeSummary: 'Raj edits' }).catch((e: unknown) => e);
    expect((revision as DocumentRuleError).refusal.reason).toBe('notPermitted');

    const after = await loadDocument(priya, docId);
    expect(after.eTag).toBe(published.eTag);
    expect(after.releases).toEqual(published.releases);
  });
});

describe('a decision whose later steps fail', () => {
  it('is finished by retrying it: the document moves on and the approval is recorded once', async () => {
    const { docId } = await createDocument(priya, { metadata: meta('Firewall Change Instruction'), file: markdownFile('fw.md', '# Firewall\n') });
    await submitForReview(priya, docId);
    const snap = await loadDocument(tom, docId);
    const approvalId = snap.approvals[0]!.itemId;

    // Let the approval record be written, then fail the next request to the SMS site (Planner aside).
    let approvalWritten = false;
    let failed = false;
    h.server.use(
      http.all(`${ORIGIN}/*`, async ({ request }) => {
        if (approvalWritten && !failed && !request.url.includes('/planner/')) {
          failed = true;
          return new Response(JSON.stringify({ error: { code: 'generalException', message: 'Injected failure' } }), { status: 500, headers: { 'content-type': 'application/json' } });
        }
        const res = await h.emulator.handle(request);
        if (request.method === 'PATCH' && request.url.includes(`/lists/${tom.site.approvalsListId}/items/${approvalId}`)) approvalWritten = res.status < 300;
        return res;
      }),
    );
    await expect(decideApproval(tom, docId, approvalId, 'Approved', null)).rejects.toMatchObject({ status: 500 });
    h.server.resetHandlers();
    expect(failed).toBe(true);
    expect((await loadDocument(priya, docId)).state.status).toBe('In review');

    const outcome = await decideApproval(tom, docId, approvalId, 'Approved', null);
    expect(outcome).toMatchObject({ decision: 'Approved', status: 'Published' });
    expect((await loadDocument(priya, docId)).state.status).toBe('Published');
    const res = await h.raw(people.tom, `/sites/${h.siteId}/lists/Document Approvals/items?$expand=fields`);
    const approvals = ((await res.json()) as { value: { id: string; fields: Json }[] }).value.filter((i) => String(i.fields.Title ?? '').includes(docId));
    expect(approvals).toHaveLength(1);
    expect(approvals[0]).toMatchObject({ id: approvalId, fields: expect.objectContaining({ Decision: 'Approved' }) });
  });
});

describe('someone else changes the document between loading it and checking it out', () => {
  it('a withdrawal stops with a conflict and neither overwrites nor publishes the other edit', async () => {
    const { docId } = await createDocument(priya, { metadata: meta('Printer Setup Instruction'), file: markdownFile('p.md', '# Printer\n') });
    await submitForReview(priya, docId);
    const inReview = await loadDocument(tom, docId);
    await decideApproval(tom, docId, inReview.approvals[0]!.itemId, 'Approved', null);
    const published = await loadDocument(priya, docId);
    expect(published.state.status).toBe('Published');

    // Tom renames the document just before Priya's check-out reaches the library.
    let tomsEdit: Json | null = null;
    let labelAfterTomsEdit = '';
    h.server.use(
      http.all(`${ORIGIN}/*`, async ({ request }) => {
        if (tomsEdit === null && request.method === 'POST' && request.url.endsWith(`/items/${published.file.driveItemId}/checkout`)) {
          const res = await h.raw(people.tom, `/sites/${h.siteId}/lists/${tom.site.documentsListId}/items/${published.listItemId}/fields`, {
            method: 'PATCH',
            body: JSON.stringify({ Title: 'Printer Setup Instruction (renamed by Tom)' }),
          });
          tomsEdit = (await res.json()) as Json;
          const seen = await h.raw(people.tom, `/sites/${h.siteId}/lists/${tom.site.documentsListId}/items/${published.listItemId}?$expand=fields`);
          labelAfterTomsEdit = String(((await seen.json()) as { fields: Json }).fields._UIVersionString);
        }
        return h.emulator.handle(request);
      }),
    );
    const err = await withdrawDocument(priya, docId, 'Printers replaced').catch((e: unknown) => e);
    h.server.resetHandlers();
    expect(tomsEdit).toMatchObject({ Title: 'Printer Setup Instruction (renamed by Tom)' });
    expect(err).toBeInstanceOf(GraphConflictError);
    expect((err as GraphConflictError).status).toBe(412);

    // Still Published, Tom's title kept, no version beyond the one Tom's edit made, the file not left checked out.
    const after = await loadDocument(priya, docId);
    expect(after.state).toMatchObject({ status: 'Published', title: 'Printer Setup Instruction (renamed by Tom)' });
    expect(labelAfterTomsEdit).toMatch(/^1\.\d+$/);
    expect(after.file.versionLabel).toBe(labelAfterTomsEdit);
    const item = (await (await h.raw(people.priya, `/drives/${priya.site.driveId}/items/${published.file.driveItemId}?$select=id,publication`)).json()) as Json;
    expect(item.publication).toMatchObject({ level: 'published' });
    expect(after.releases.map((r) => r.versionStatus)).toEqual(published.releases.map((r) => r.versionStatus));

    // Reloaded, the withdrawal goes through.
    const withdrawn = await withdrawDocument(priya, docId, 'Printers replaced');
    expect(withdrawn.state).toMatchObject({ status: 'Withdrawn', title: 'Printer Setup Instruction (renamed by Tom)' });
  });
});

describe('a step that fails while the file is checked out', () => {
  it('gives the check-out back, so the file is not left locked, and the retry goes through', async () => {
    const { docId } = await createDocument(priya, { metadata: meta('Badge Access Instruction'), file: markdownFile('b.md', '# Badges\n') });
    await submitForReview(priya, docId);
    const inReview = await loadDocument(tom, docId);
    await decideApproval(tom, docId, inReview.approvals[0]!.itemId, 'Approved', null);
    const published = await loadDocument(priya, docId);

    // Fail the first write to another list once the file is checked out.
    let checkedOut = false;
    let failed = false;
    h.server.use(
      http.all(`${ORIGIN}/*`, async ({ request }) => {
        if (checkedOut && !failed && request.method !== 'GET' && request.url.includes('/lists/') && !request.url.includes(published.file.driveItemId)) {
          failed = true;
          return new Response(JSON.stringify({ error: { code: 'generalException', message: 'Injected failure' } }), { status: 500, headers: { 'content-type': 'application/json' } });
        }
        const res = await h.emulator.handle(request);
        if (request.method === 'POST' && request.url.endsWith(`/items/${published.file.driveItemId}/checkout`)) checkedOut = res.status === 204;
        return res;
      }),
    );
    const err = await withdrawDocument(priya, docId, 'Badges replaced').catch((e: unknown) => e);
    h.server.resetHandlers();
    expect(failed).toBe(true);
    expect(err).toMatchObject({ status: 500 });

    // Not locked to Priya: Tom can check the file out (and give it back).
    const tomCheckout = await h.raw(people.tom, `/drives/${priya.site.driveId}/items/${published.file.driveItemId}/checkout`, { method: 'POST' });
    expect(tomCheckout.status).toBe(204);
    expect((await h.raw(people.tom, `/drives/${priya.site.driveId}/items/${published.file.driveItemId}/discardCheckout`, { method: 'POST' })).status).toBe(204);

    const withdrawn = await withdrawDocument(priya, docId, 'Badges replaced');
    expect(withdrawn.state.status).toBe('Withdrawn');
  });
});
