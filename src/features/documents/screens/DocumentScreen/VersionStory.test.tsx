import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp } from '../../../../../tests/support/appHarness.js';
import { createDraft, markdownFile, people, sessionFor, startDocumentsHarness, type DocumentsHarness } from '../../../../../tests/support/documentsHarness.js';
import { decideApproval, loadDocument, submitForReview, uploadDraft, type DocumentServices } from '../../services/index.js';

/**
 * One version label per state of a document (issue 9 §5), on the document's page against the emulator
 * (msw, in process): a draft uploaded several times, submitted, approved and published shows the same
 * version in the header, the content, the history and the approval dialog at every step, and the
 * history names each revision's state (never "(draft) Published"). A file changed after submission is
 * shown as such to the approver.
 */
let h: DocumentsHarness;
let priya: DocumentServices;
let raj: DocumentServices;

beforeAll(async () => {
  h = await startDocumentsHarness();
  priya = await h.servicesFor(people.priya);
  raj = await h.servicesFor(people.raj);
}, 60_000);
afterEach(() => cleanup());
afterAll(() => h.close());

async function openDocument(docId: string, name: string, upn: string) {
  renderApp({ path: `/documents/${docId}`, session: await sessionFor(name, upn) });
  await screen.findByRole('heading', { level: 1, name: new RegExp(`^${docId} `) }, { timeout: 5000 });
}

/** The history's rows as [version, revision, state] once it has loaded. */
async function historyRows(docId: string): Promise<string[][]> {
  const table = await screen.findByRole('table', { name: `Version history of ${docId}` }, { timeout: 5000 });
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((r) =>
      within(r)
        .getAllByRole('cell')
        .slice(0, 3)
        .map((c) => c.textContent ?? ''),
    );
}

/** The heading of the content section (the viewer). */
const contentHeading = () => screen.findByRole('heading', { level: 2, name: /^Content \(/ });

/** A draft uploaded twice more after its creation. */
async function draftUploadedThrice(title: string): Promise<string> {
  const docId = await createDraft(priya, { title }, markdownFile('procedure.md', `# ${title}\n\nFirst text.\n`));
  await uploadDraft(priya, docId, { changeSummary: 'Adds the contacts.', file: markdownFile('procedure.md', `# ${title}\n\nSecond text.\n`) });
  await uploadDraft(priya, docId, { changeSummary: 'Adds the escalation steps.', file: markdownFile('procedure.md', `# ${title}\n\nThird text.\n`) });
  return docId;
}

describe('one version label per state', () => {
  it('names the draft, the version in review and the published version alike in the header, the content, the history and the dialog', async () => {
    const docId = await draftUploadedThrice('Incident Escalation Procedure');

    // Draft being edited: version 1.0 (the draft release is recorded as 0.1 and released as 1.0).
    await openDocument(docId, 'Priya Nair', people.priya);
    expect(await screen.findByText('Not published yet · draft 1.0 in progress')).toBeTruthy();
    expect((await contentHeading()).textContent).toBe('Content (version 1.0, Draft)');
    let rows = await historyRows(docId);
    expect(rows.length).toBeGreaterThan(3);
    expect(rows[0]!.slice(0, 1).concat(rows[0]![2]!)).toEqual(['1.0 (current)', 'Draft']);
    expect(rows.map((r) => r[0]!.replace(' (current)', ''))).toEqual(rows.map(() => '1.0'));
    expect(rows.map((r) => r[2])).toEqual(rows.map(() => 'Draft'));
    cleanup();

    // In review, as the approver sees it before deciding.
    await submitForReview(priya, docId, 'Please check the escalation steps.');
    await openDocument(docId, 'Raj Patel', people.raj);
    expect(await screen.findByText('Not published yet · version 1.0 in review')).toBeTruthy();
    expect(await screen.findByRole('heading', { level: 2, name: 'Reviews and approvals of version 1.0' })).toBeTruthy();
    expect((await contentHeading()).textContent).toBe('Content (version 1.0, In review)');
    rows = await historyRows(docId);
    expect([rows[0]![0], rows[0]![2]]).toEqual(['1.0 (current)', 'In review']);
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Review and decide' }));
    expect(within(await screen.findByRole('dialog')).getByText(`Your decision on ${docId} version 1.0`)).toBeTruthy();
    cleanup();

    // Published: the version the approver approved.
    const approval = (await loadDocument(raj, docId)).approvals.find((a) => a.assigneeId === people.raj)!;
    expect((await decideApproval(raj, docId, approval.itemId, 'Approved', 'Clear and complete.')).status).toBe('Published');
    await openDocument(docId, 'Priya Nair', people.priya);
    expect(await screen.findByText('Published version 1.0')).toBeTruthy();
    expect((await contentHeading()).textContent).toBe('Content (version 1.0, Published)');
    rows = await historyRows(docId);
    expect(rows[0]).toEqual(['1.0 (current)', '1.0', 'Published']);
    // Every revision belongs to version 1.0; only the published revision is "Published", no draft is.
    expect(rows.map((r) => r[0]!.replace(' (current)', ''))).toEqual(rows.map(() => '1.0'));
    expect(rows.filter((r) => r[2] === 'Published').map((r) => r[1])).toEqual(['1.0']);
    expect(rows.map((r) => r[2])).toContain('In review');
    expect(screen.queryByText(/\(draft\)/)).toBeNull();
    // The release record shows the same version.
    const releases = await screen.findByRole('table', { name: 'Releases of the document' });
    expect(within(releases).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell')[0]!.textContent)).toEqual(['1.0']);
   }, 60_000);

  it('shows an approved version waiting for its effective date as "1.0 approved" everywhere', async () => {
    const docId = await createDraft(priya, { title: 'Supplier Onboarding Procedure' });
    const item = await loadDocument(priya, docId);
    // A later planned effective date keeps the approved document from being published at once.
    const planned = await h.raw(people.priya, `/sites/${h.siteId}/lists/SMS Documents/items/${item.listItemId}/fields`, { method: 'PATCH', headers: { 'if-match': item.eTag }, body: JSON.stringify({ EffectiveDate: '2099-01-01' }) });
    expect(planned.status).toBe(200);
    await submitForReview(priya, docId);
    const approval = (await loadDocument(raj, docId)).approvals[0]!;
    expect((await decideApproval(raj, docId, approval.itemId, 'Approved', null)).status).toBe('Approved');

    await openDocument(docId, 'Priya Nair', people.priya);
    expect(await screen.findByText('Not published yet · version 1.0 approved, not yet published')).toBeTruthy();
    expect((await contentHeading()).textContent).toBe('Content (version 1.0, Approved)');
    const rows = await historyRows(docId);
    expect([rows[0]![0], rows[0]![2]]).toEqual(['1.0 (current)', 'Approved']);
    expect(rows.map((r) => r[2])).toContain('In review');
  });

  it('tells the approver when the file changed after it was submitted for review', async () => {
    const docId = await createDraft(priya, { title: 'Problem Review Procedure' }, markdownFile('procedure.md', '# Problem reviews\n\nAs submitted.\n'));
    await submitForReview(priya, docId);
    // The file is replaced behind the app's back (SharePoint or Graph) while the version is in review.
    const snap = await loadDocument(priya, docId);
    const put = await h.raw(people.priya, `/drives/${priya.site.driveId}/items/${snap.file.driveItemId}/content`, {
      method: 'PUT',
      headers: { 'content-type': 'text/markdown' },
      body: '# Problem reviews\n\nChanged after submission.\n',
    });
    expect(put.status).toBeLessThan(300);

    await openDocument(docId, 'Raj Patel', people.raj);
    expect(await screen.findByText('Changed after submission', {}, { timeout: 5000 })).toBeTruthy();
    const rows = await historyRows(docId);
    expect(rows[0]![2]).toBe('In review · changed after submission');
    // The revision that was submitted is not flagged.
    expect(rows[1]![2]).toBe('In review');
    await waitFor(() => expect(screen.getByText(/Version 1\.0 was changed after it was submitted for review \(revision /)).toBeTruthy());
    // And in the dialog where the approver decides.
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Review and decide' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('Changed after submission')).toBeTruthy();
    cleanup();

    // Approved anyway: the published version keeps saying so in the history.
    const approval = (await loadDocument(raj, docId)).approvals[0]!;
    expect((await decideApproval(raj, docId, approval.itemId, 'Approved', null)).status).toBe('Published');
    await openDocument(docId, 'Priya Nair', people.priya);
    const after = await historyRows(docId);
    expect(after[0]).toEqual(['1.0 (current)', '1.0', 'Published · changed after submission']);
  }, 60_000);
});
