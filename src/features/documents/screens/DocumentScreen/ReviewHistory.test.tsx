import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, screen, within } from '@testing-library/react';
import { http } from 'msw';
import { ORIGIN, renderApp } from '../../../../../tests/support/appHarness.js';
import { createDraft, markdownFile, people, sessionFor, startDocumentsHarness, type DocumentsHarness } from '../../../../../tests/support/documentsHarness.js';
import { decideApproval, loadDocument, loadReviewHistory, startRevision, submitForReview, uploadDraft, type DocumentServices } from '../../services/index.js';

/**
 * The review history stays on the document's page after publication (issue 9 §5), against the emulator
 * (msw, in process): each submission's note for the reviewers, and every decision with its comment,
 * who recorded it and when, per version. It is read in one `$batch` however many versions there are,
 * and a reader who may not see drafts gets no review section and no error.
 */
let h: DocumentsHarness;
let priya: DocumentServices;
let tom: DocumentServices;
let raj: DocumentServices;

beforeAll(async () => {
  h = await startDocumentsHarness();
  [priya, tom, raj] = await Promise.all([h.servicesFor(people.priya), h.servicesFor(people.tom), h.servicesFor(people.raj)]);
}, 60_000);
afterEach(() => cleanup());
afterAll(() => h.close());

async function openDocument(docId: string, name: string, upn: string) {
  renderApp({ path: `/documents/${docId}`, session: await sessionFor(name, upn) });
  await screen.findByRole('heading', { level: 1, name: new RegExp(`^${docId} `) }, { timeout: 5000 });
}

const mine = async (s: DocumentServices, docId: string) => (await loadDocument(s, docId)).approvals.find((a) => a.assigneeId === s.me.id && a.decision === 'Pending')!;

/** The cells of a decisions table: [step, assigned to, decision, comment, recorded by, decided]. */
const decisionRows = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((r) => within(r).getAllByRole('cell').map((c) => c.textContent ?? ''));

/**
 * Version 1.0: submitted with a note, Tom (reviewer) asks for changes, submitted again with another
 * note, Tom and Raj approve, published.
 */
async function reviewedTwiceAndPublished(title: string): Promise<string> {
  const docId = await createDraft(priya, { title, reviewerIds: [people.tom] }, markdownFile('procedure.md', `# ${title}\n\nFirst text.\n`));
  await submitForReview(priya, docId, 'First round: please check the contacts.');
  await decideApproval(tom, docId, (await mine(tom, docId)).itemId, 'Changes requested', 'Add the supplier contacts.');
  await uploadDraft(priya, docId, { changeSummary: 'Adds the supplier contacts.', file: markdownFile('procedure.md', `# ${title}\n\nWith contacts.\n`) });
  await submitForReview(priya, docId, 'Second round: contacts added.');
  await decideApproval(tom, docId, (await mine(tom, docId)).itemId, 'Approved', 'Looks right now.');
  const outcome = await decideApproval(raj, docId, (await mine(raj, docId)).itemId, 'Approved', 'Approved for use.');
  expect(outcome.status).toBe('Published');
  return docId;
}

describe('review history', () => {
  it('keeps each submission note and every decision with its comment, decider and date after publication', async () => {
    const docId = await reviewedTwiceAndPublished('Supplier Contacts Procedure');

    await openDocument(docId, 'Priya Nair', people.priya);
    const section = await screen.findByRole('region', { name: 'Review history' });
    const version = await within(section).findByRole('region', { name: 'Version 1.0 (Published)' }, { timeout: 5000 });
    expect(within(version).getByText('Note for the reviewers: First round: please check the contacts.')).toBeTruthy();
    expect(within(version).getByText('Note for the reviewers: Second round: contacts added.')).toBeTruthy();
    const submissions = within(version).getAllByText((_, el) => el?.tagName === 'P' && /^Submission \d · /.test(el.textContent ?? ''));
    expect(submissions.map((p) => /^Submission \d · Submitted by Priya Nair, /.test(p.textContent ?? ''))).toEqual([true, true]);

    const first = decisionRows(within(version).getByRole('table', { name: 'Decisions on version 1.0, submission 1' }));
    expect(first.map((r) => r.slice(0, 5))).toEqual([
      ['Review', 'Tom Whitaker', 'Changes requested', 'Add the supplier contacts.', 'Tom Whitaker'],
      ['Approval', 'Raj Patel', 'Not decided (the submission ended)', '—', '—'],
    ]);
    expect(first[0]![5]).not.toBe('—');
    const second = decisionRows(within(version).getByRole('table', { name: 'Decisions on version 1.0, submission 2' }));
    expect(second.map((r) => r.slice(0, 5))).toEqual([
      ['Review', 'Tom Whitaker', 'Approved', 'Looks right now.', 'Tom Whitaker'],
      ['Approval', 'Raj Patel', 'Approved', 'Approved for use.', 'Raj Patel'],
    ]);
    expect(second.every((r) => r[5] !== '—')).toBe(true);
   }, 60_000);

  it('reads every version in one $batch, and shows a reader who may not see drafts no review section and no error', async () => {
    const docId = await reviewedTwiceAndPublished('Capacity Planning Procedure');
    await startRevision(priya, docId, 'minor', { changeSummary: 'Adds quarterly forecasts.', file: markdownFile('procedure.md', '# Capacity\n\nQuarterly.\n') });
    await submitForReview(priya, docId, 'Forecasts added.');

    const snap = await loadDocument(priya, docId);
    h.emulator.emu.requests.clear();
    const history = await loadReviewHistory(priya, snap);
    expect(history.versions.map((v) => [v.label, v.release.versionStatus, v.rounds.map((r) => r.note)])).toEqual([
      ['1.1', 'In review', ['Forecasts added.']],
      ['1.0', 'Published', ['First round: please check the contacts.', 'Second round: contacts added.']],
    ]);
    const sent = h.emulator.emu.requests.list().filter((e) => e.path.startsWith('/v1.0/'));
    // One round trip: the $batch, with the approvals of both releases and the audit entries inside it.
    expect(sent.filter((e) => !e.inBatch).map((e) => `${e.method} ${e.path}`)).toEqual(['POST /v1.0/$batch']);
    expect(sent.filter((e) => e.inBatch && e.path.includes(`/lists/${priya.site.approvalsListId}/items`))).toHaveLength(2);

    // Jack reads the published 1.0 only: no review history, no error.
    await openDocument(docId, 'Jack Turner', people.jack);
    expect(await screen.findByText('Published version 1.0')).toBeTruthy();
    await screen.findByRole('table', { name: `Version history of ${docId}` }, { timeout: 5000 });
    expect(screen.queryByRole('region', { name: 'Review history' })).toBeNull();
    expect(screen.queryByText('Could not load the review history.')).toBeNull();
    expect(screen.queryByText(/Forecasts added|please check the contacts|Approved for use/)).toBeNull();
  });

  it('leaves out the decisions for someone the service refuses them to (403 on Document Approvals), without an error', async () => {
    const docId = await reviewedTwiceAndPublished('Service Continuity Procedure');
    // Document Approvals is being restricted to people who see drafts: the service answers 403 accessDenied to
    // anyone else. The inner answers of the $batch are rewritten so (the emulator answers the rest).
    h.server.use(
      http.post(`${ORIGIN}/v1.0/$batch`, async ({ request }) => {
        const res = await h.emulator.handle(request);
        const body = (await res.json()) as { responses: { id: string; status: number; headers?: Record<string, string>; body?: unknown }[] };
        const denied = { error: { code: 'accessDenied', message: 'Access denied. You do not have permission to perform this action or access this resource.' } };
        return Response.json({ responses: body.responses.map((r) => (r.id.startsWith('approvals-') ? { ...r, status: 403, headers: { 'content-type': 'application/json' }, body: denied } : r)) });
      }),
    );
    const history = await loadReviewHistory(priya, await loadDocument(priya, docId));
    expect(history.decisionsHidden).toBe(true);
    expect(history.versions.map((v) => [v.label, v.rounds.map((r) => [r.note, r.decisions.length])])).toEqual([
      ['1.0', [['First round: please check the contacts.', 0], ['Second round: contacts added.', 0]]],
    ]);

    await openDocument(docId, 'Priya Nair', people.priya);
    const section = await screen.findByRole('region', { name: 'Review history' });
    expect(await within(section).findByText("The reviewers' decisions are visible only to people who may see drafts.", {}, { timeout: 5000 })).toBeTruthy();
    expect(within(section).getByText('Note for the reviewers: Second round: contacts added.')).toBeTruthy();
    expect(screen.queryByText('Could not load the review history.')).toBeNull();
  });
});
