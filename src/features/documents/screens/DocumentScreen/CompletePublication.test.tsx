import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp } from '../../../../../tests/support/appHarness.js';
import { createDraft, markdownFile, nodeSha256, people, sessionFor, startDocumentsHarness, type DocumentsHarness, type Fields } from '../../../../../tests/support/documentsHarness.js';
import { completePublication, completeRound, decideApproval, DocumentNotFoundError, loadDocument, submitForReview } from '../../services/index.js';

/**
 * A publication left half done, as issue 9 found it, and finished from the document page: the
 * check-in of Raj's publishing approval fails, so the records say Published 1.0 while the file is
 * still a draft checked out to him and employees get "Document not found". The page shows him what
 * is left with "Complete publication", which finishes it once; a document controller sees who holds
 * the file. And the retry of a decision whose approval went through but whose publication did not
 * ("Try again" once answered "This decision was already recorded") finishes the round.
 */
let h: DocumentsHarness;

beforeAll(async () => {
  h = await startDocumentsHarness();
}, 60_000);
afterEach(() => {
  cleanup();
  h.server.resetHandlers();
});
afterAll(() => h.close());

const releases = (docId: string): Promise<Fields[]> => h.listFields('Document Releases', `$filter=fields/DocId eq '${docId}'`);
/** The document's transitions in the audit trail (its creation aside), sorted. */
const auditOf = async (docId: string): Promise<string[]> =>
  (await h.listFields('SMS Audit Trail', `$filter=fields/EntityRef eq '${docId}'`)).filter((e) => e.FromStatus).map((e) => `${String(e.FromStatus)}→${String(e.ToStatus)}`).sort();

/** The file behind `docId`: its versions and whether someone holds it checked out (read raw as Tom). */
async function fileOf(docId: string): Promise<{ versions: string[]; level: string }> {
  const items = (await (await h.raw(people.tom, `/sites/${h.siteId}/lists/SMS Documents/items?$expand=fields&$filter=fields/DocId eq '${docId}'`)).json()) as { value: { id: string }[] };
  const drive = (await (await h.raw(people.tom, `/sites/${h.siteId}/lists/SMS Documents/items/${items.value[0]!.id}/driveItem`)).json()) as { id: string; parentReference: { driveId: string } };
  const path = `/drives/${drive.parentReference.driveId}/items/${drive.id}`;
  const versions = ((await (await h.raw(people.tom, `${path}/versions`)).json()) as { value: { id: string }[] }).value.map((v) => v.id);
  const item = (await (await h.raw(people.tom, `${path}?$select=id,publication`)).json()) as { publication: { level: string } };
  return { versions, level: item.publication.level };
}

/** What Jack (a reader) downloads of `docId`. */
async function jackReads(docId: string): Promise<{ version: string | null; bytes: Uint8Array }> {
  const jack = await h.servicesFor(people.jack);
  const snap = await loadDocument(jack, docId);
  const res = await h.raw(people.jack, `/drives/${jack.site.driveId}/items/${snap.file.driveItemId}/content`);
  return { version: snap.state.publishedVersion, bytes: new Uint8Array(await res.arrayBuffer()) };
}

describe('Complete publication', () => {
  it('after a failed check-in, shows what is left to whoever can finish it, and finishing it publishes once', { timeout: 60_000 }, async () => {
    const priya = await h.servicesFor(people.priya);
    const docId = await createDraft(priya, { title: 'Service Continuity Procedure' }, markdownFile('continuity.md', '# Continuity\n\nTested twice a year.\n'));
    await submitForReview(priya, docId);

    // Raj approves on the page; the check-in that would publish the file fails (once).
    const fault = h.failOnceAfter(
      () => true,
      (request) => request.method === 'POST' && request.url.endsWith('/checkin'),
    );
    const u = userEvent.setup();
    renderApp({ path: `/documents/${docId}`, session: await sessionFor('Raj Patel', people.raj) });
    await u.click(await screen.findByRole('button', { name: 'Review and decide' }, { timeout: 10_000 }));
    const dialog = await screen.findByRole('dialog');
    await u.click(within(dialog).getByRole('radio', { name: 'Approve' }));
    await u.click(within(dialog).getByRole('button', { name: 'Record decision' }));

    // The page shows what was recorded: no decision left to make, and the unfinished publication.
    const banner = await screen.findByText('The publication of version 1.0 did not finish', {}, { timeout: 10_000 });
    expect(fault.failed).toBe(true);
    h.server.resetHandlers();
    expect(screen.queryByRole('button', { name: 'Review and decide' })).toBeNull();
    expect(screen.getByText(/its file was not checked in/)).toBeTruthy();
    // Employees cannot read it yet, and the file is held by Raj.
    await expect(jackReads(docId)).rejects.toBeInstanceOf(DocumentNotFoundError);
    expect((await fileOf(docId)).level).toBe('checkout');
    cleanup();

    // Priya (a document controller) is told who can finish it, with no action of her own.
    renderApp({ path: `/documents/${docId}`, session: await sessionFor('Priya Nair', people.priya) });
    expect(await screen.findByText(/The file is checked out to Raj Patel; only they can complete the publication\./)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Complete publication' })).toBeNull();
    cleanup();

    renderApp({ path: `/documents/${docId}`, session: await sessionFor('Raj Patel', people.raj) });
    expect(banner).toBeTruthy();
    await u.click(await screen.findByRole('button', { name: 'Complete publication' }));
    const confirm = await screen.findByRole('dialog');
    await u.click(within(confirm).getByRole('button', { name: 'Complete publication' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    await waitFor(() => expect(screen.queryByText('The publication of version 1.0 did not finish')).toBeNull());

    // Published once: readers get 1.0, the file is checked in as one major version, one release, one entry per step.
    const read = await jackReads(docId);
    expect(read.version).toBe('1.0');
    expect(await fileOf(docId)).toMatchObject({ level: 'published' });
    expect((await fileOf(docId)).versions.filter((v) => v.endsWith('.0'))).toEqual(['1.0']);
    const records = await releases(docId);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ VersionLabel: '1.0', VersionStatus: 'Published', FileHash: nodeSha256(read.bytes) });
    expect(await auditOf(docId)).toEqual(['Approved→Published', 'Draft→In review', 'In review→Approved']);

    // Completing it again (another tab still showing the banner) changes nothing.
    expect(await completePublication(await h.servicesFor(people.raj), docId)).toMatchObject({ status: 'Published' });
    expect(await releases(docId)).toHaveLength(1);
    expect(await auditOf(docId)).toEqual(['Approved→Published', 'Draft→In review', 'In review→Approved']);
  });

  it('"Try again" on a decision that was recorded while the publication was not finishes the round instead of "already recorded"', async () => {
    const [priya, raj] = await Promise.all([h.servicesFor(people.priya), h.servicesFor(people.raj)]);
    const docId = await createDraft(priya, { title: 'Supplier Review Procedure' }, markdownFile('suppliers.md', '# Suppliers\n\nReviewed yearly.\n'));
    await submitForReview(priya, docId);
    const approvalId = (await loadDocument(raj, docId)).approvals[0]!.itemId;

    // The state the issue found: the decision recorded, the document Approved, the "In review → Approved"
    // entry lost and nothing published. (Raj's decision fails right after it is written; completing the
    // round then fails right after DocStatus became Approved.)
    h.failOnceAfter(
      (request, res) => request.method === 'PATCH' && request.url.includes(`/lists/${raj.site.approvalsListId}/items/${approvalId}`) && res.status < 300,
      (request) => !request.url.includes('/planner/'),
    );
    await expect(decideApproval(raj, docId, approvalId, 'Approved', null)).rejects.toMatchObject({ status: 500 });
    h.server.resetHandlers();
    h.failOnceAfter((request, res) => request.method === 'PATCH' && request.url.includes('/listItem/fields') && res.status < 300);
    await expect(completeRound(raj, docId)).rejects.toMatchObject({ status: 500 });
    h.server.resetHandlers();
    const stuck = await loadDocument(raj, docId);
    expect(stuck.state.status).toBe('Approved');
    expect(await auditOf(docId)).toEqual(['Draft→In review']);

    // "Try again" in Raj's dialog sends the same decision: it finishes the approval and the publication.
    const outcome = await decideApproval(raj, docId, approvalId, 'Approved', null);
    expect(outcome).toMatchObject({ status: 'Published', published: { versionLabel: '1.0' } });
    expect(await auditOf(docId)).toEqual(['Approved→Published', 'Draft→In review', 'In review→Approved']);
    const records = await releases(docId);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ VersionLabel: '1.0', VersionStatus: 'Published', FileHash: nodeSha256((await jackReads(docId)).bytes) });
  });
});
