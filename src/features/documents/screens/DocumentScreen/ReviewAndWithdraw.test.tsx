import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp } from '../../../../../tests/support/appHarness.js';
import { clockShiftedBy, markdownFile, people, sessionFor, startDocumentsHarness, type DocumentsHarness, type Fields } from '../../../../../tests/support/documentsHarness.js';
import { buildDocumentMetadata } from '../../../../../tests/support/factories.js';
import { createDocument, decideApproval, loadDocument, recordReviewNoChange, submitForReview, uploadDraft, type DocumentServices } from '../../services/index.js';

/**
 * Periodic review and withdrawal on a document's page, against the emulator: an overdue review is
 * counted on Home and "reviewed, no change" moves NextReviewDate on and records a release entry;
 * withdrawing needs a reason, leaves the document readable to document controllers only, and
 * read-only.
 */
let h: DocumentsHarness;

/**
 * Only `Date` is fixed (timers run as usual): midday UTC on 15 June 2025 is 15 June in every time
 * zone from UTC−11 to UTC+11, so a 12-month cycle reviewed today is next due on 2026-06-15.
 */
const TODAY = new Date('2025-06-15T12:00:00Z');
const NEXT_REVIEW = '2026-06-15';

const procedure = (title: string) => buildDocumentMetadata({ title, primaryClause: '8.2.5', clauseRefs: [] });

/** A procedure published 13 months ago with a 12-month cycle: its review is a month overdue. */
async function overdueDocument(title: string): Promise<string> {
  const past = clockShiftedBy(-396);
  const priya: DocumentServices = await h.servicesFor(people.priya, { clock: past });
  const raj: DocumentServices = await h.servicesFor(people.raj, { clock: past });
  const { docId: id } = await createDocument(priya, { metadata: procedure(title), file: markdownFile('demand.md', '# Demand\n\nQuarterly forecast.\n') });
  await submitForReview(priya, id);
  const snap = await loadDocument(raj, id);
  await decideApproval(raj, id, snap.approvals[0]!.itemId, 'Approved', null);
  return id;
}

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(TODAY);
  h = await startDocumentsHarness();
}, 60_000);
afterEach(() => cleanup());
afterAll(async () => {
  await h.close();
  vi.useRealTimers();
});

const releases = (docId: string): Promise<Fields[]> => h.listFields('Document Releases', `$filter=fields/DocId eq '${docId}'`);

const dueCard = () => screen.findByRole('region', { name: 'Document reviews due within 30 days or overdue' });

describe('periodic review', () => {
  it('counts the overdue review on Home, and "reviewed, no change" moves the next review on with a release entry', async () => {
    const docId = await overdueDocument('Demand Management Procedure');
    renderApp({ path: '/', session: await sessionFor('Priya Nair', people.priya) });
    expect(within(await dueCard()).getByText('1')).toBeTruthy();
    cleanup();

    const u = userEvent.setup();
    renderApp({ path: `/documents/${docId}`, session: await sessionFor('Priya Nair', people.priya) });
    await u.click(await screen.findByRole('button', { name: 'Reviewed, no change' }));
    const dialog = await screen.findByRole('dialog');
    await u.type(within(dialog).getByRole('textbox', { name: /^Review notes/ }), 'Still accurate after the Q3 demand review.');
    await u.click(within(dialog).getByRole('button', { name: 'Record review' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());

    expect(await screen.findByText(NEXT_REVIEW)).toBeTruthy();
    const entries = await releases(docId);
    expect(entries.filter((r) => r.ChangeType === 'Reviewed – no change')).toEqual([
      expect.objectContaining({ VersionLabel: '1.0', VersionStatus: 'Published', ChangeSummary: 'Still accurate after the Q3 demand review.' }),
    ]);
    // Readers see the new date too (it was checked in as a published version).
    const asJack = await loadDocument(await h.servicesFor(people.jack), docId);
    expect(asJack.state.nextReviewDate).toBe(NEXT_REVIEW);
    cleanup();

    renderApp({ path: '/', session: await sessionFor('Priya Nair', people.priya) });
    expect(within(await dueCard()).getByText('0')).toBeTruthy();
  });
});

describe('withdrawal', () => {
  it('needs a reason; withdraws the release itself (also after a periodic review); afterwards only document controllers see it, and nobody can edit it', async () => {
    const docId = await overdueDocument('Capacity Planning Procedure');
    // A periodic review first: its "Reviewed – no change" entry also carries label 1.0 and status Published.
    await recordReviewNoChange(await h.servicesFor(people.priya), docId, 'Reviewed before replacement.');
    const u = userEvent.setup();
    renderApp({ path: `/documents/${docId}`, session: await sessionFor('Priya Nair', people.priya) });
    await u.click(await screen.findByRole('button', { name: 'Withdraw' }));
    const dialog = await screen.findByRole('dialog');
    await u.click(within(dialog).getByRole('button', { name: 'Withdraw' }));
    expect(await within(dialog).findByText('Give the reason: it is required.')).toBeTruthy();
    expect((await loadDocument(await h.servicesFor(people.priya), docId)).state.status).toBe('Published');

    await u.type(within(dialog).getByRole('textbox', { name: /^Reason/ }), 'Replaced by the capacity and demand procedure.');
    await u.click(within(dialog).getByRole('button', { name: 'Withdraw' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await screen.findByText(/it is kept for the record and can no longer be changed/)).toBeTruthy();
    const actions = screen.getByRole('group', { name: 'Document actions' });
    expect(within(actions).getAllByRole('button').map((b) => b.textContent)).toEqual(['Archive']);
    const after = await releases(docId);
    expect(after.filter((r) => r.ChangeType === 'New')).toEqual([expect.objectContaining({ VersionLabel: '1.0', VersionStatus: 'Withdrawn' })]);
    expect(after.filter((r) => r.ChangeType === 'Withdrawal')).toEqual([
      expect.objectContaining({ VersionLabel: '1.0', VersionStatus: 'Withdrawn', ChangeSummary: 'Replaced by the capacity and demand procedure.' }),
    ]);
    cleanup();

    // An employee is told it is not available.
    renderApp({ path: `/documents/${docId}`, session: await sessionFor('Jack Turner', people.jack) });
    expect(await screen.findByText('This document is not available')).toBeTruthy();
    expect(screen.queryByText('Capacity Planning Procedure')).toBeNull();

    // Editing is refused by the rules, whoever asks and however.
    const priya = await h.servicesFor(people.priya);
    await expect(uploadDraft(priya, docId, { changeSummary: 'Sneaky edit', file: markdownFile('demand.md', '# changed') })).rejects.toMatchObject({ refusal: { reason: 'readOnly' } });
  });
});
