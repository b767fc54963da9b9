import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp } from '../../../../../tests/support/appHarness.js';
import { documentSentBack } from '../../../../../tests/support/approvalFixtures.js';
import { createDraft, markdownFile, people, publishedDocument, sessionFor, useDocumentsHarness } from '../../../../../tests/support/documentsHarness.js';
import { startRevision, submitForReview } from '../../services/index.js';

/**
 * The register's "Awaiting my decision" filter against the emulator, with the SMS site provisioned
 * and real review rounds. Raj (top management) sees only documents in force in the register, yet the
 * filter shows him what he must decide whatever its status: a never-published draft in review and a
 * revision of a published document; not one a reviewer sent back for changes (his record of that
 * round stays Pending, but the release is a draft again). It reads the few documents it needs by
 * DocId, never the library.
 */
const bed = useDocumentsHarness();
afterEach(() => cleanup());

let draft: string;
let revision: string;
let decided: string;
let sentBack: string;

beforeAll(async () => {
  const { priya, raj, tom } = bed;
  sentBack = await documentSentBack(priya, tom, { title: 'Sent Back Procedure' });
  decided = await publishedDocument(priya, raj, { title: 'Decided Procedure' });
  revision = await publishedDocument(priya, raj, { title: 'Revised Procedure' });
  await startRevision(priya, revision, 'minor', { changeSummary: 'Adds the rollback check.', file: markdownFile('revised.md', '# Revised\n\nRollback check.\n') });
  await submitForReview(priya, revision);
  draft = await createDraft(priya, { title: 'Never Published Procedure' });
  await submitForReview(priya, draft);
}, 90_000);

const table = () => screen.findByRole('table', { name: 'Document register' }, { timeout: 5000 });
const docIds = (t: HTMLElement) => within(t).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell')[0]!.textContent);

describe('register filter: Awaiting my decision', () => {
  it('lists the documents an approver must decide, drafts not in force included, each linking to its page', async () => {
    const u = userEvent.setup();
    renderApp({ path: '/documents', session: await sessionFor('Raj Patel', people.raj) });
    // Without the filter, Raj sees the documents in force: not the never-published draft.
    const inForce = docIds(await table());
    expect(inForce).toEqual(expect.arrayContaining([decided, revision]));
    expect(inForce).not.toContain(draft);

    await u.click(screen.getByRole('checkbox', { name: 'Awaiting my decision' }));
    await waitFor(async () => expect(docIds(await table())).toEqual([revision, draft].sort()), { timeout: 5000 });
    expect(docIds(await table())).not.toContain(sentBack);
    const row = within(await table()).getAllByRole('row').find((r) => within(r).queryByRole('link', { name: draft }))!;
    expect(within(row).getByRole('link', { name: draft }).getAttribute('href')).toBe(`/documents/${draft}`);
    expect(screen.getByText(/with a review or approval of yours still to decide/)).toBeTruthy();

    await u.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(async () => expect(docIds(await table())).not.toContain(draft), { timeout: 5000 });
  });

  it('reads only the documents awaiting, by DocId, after one $batch for the approvals and releases', async () => {
    const { h } = bed;
    const session = await sessionFor('Raj Patel', people.raj);
    renderApp({ path: '/documents?filter=awaitingMyDecision', session });
    await table();
    // Wait for the session-start and the people directory reads to settle, then measure the filter alone.
    await waitFor(async () => expect(docIds(await table())).toEqual([revision, draft].sort()), { timeout: 5000 });
    cleanup();
    h.emulator.emu.requests.clear();
    renderApp({ path: '/documents?filter=awaitingMyDecision', session });
    await waitFor(async () => expect(docIds(await table())).toEqual([revision, draft].sort()), { timeout: 5000 });
    const log = h.emulator.emu.requests.list();
    const library = log.filter((e) => /\/lists\/SMS(%20| )Documents\/items\?/.test(e.path));
    expect(library).toHaveLength(1);
    const [first, second] = [revision, draft].sort();
    expect(new URL(library[0]!.path, 'https://x.test').searchParams.get('$filter')).toBe(`(fields/DocId eq '${first}') or (fields/DocId eq '${second}')`);
    const lists = (inBatch: boolean) =>
      log.filter((e) => e.inBatch === inBatch && /\/lists\/[^/]+\/items\?/.test(e.path)).map((e) => decodeURIComponent(e.path.match(/\/lists\/([^/]+)\/items/)![1]!));
    expect(lists(true).sort()).toEqual(['Document Approvals', 'Document Releases']);
    expect(lists(false).filter((l) => l.startsWith('Document '))).toEqual([]);
  });

  it('shows an employee, who may not read the approval lists, no documents rather than an error', async () => {
    const u = userEvent.setup();
    renderApp({ path: '/documents', session: await sessionFor('Jack Turner', people.jack) });
    await table();
    await u.click(screen.getByRole('checkbox', { name: 'Awaiting my decision' }));
    expect(await screen.findByText('No documents match these filters.', undefined, { timeout: 5000 })).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('names the filter in Simplified Chinese', async () => {
    renderApp({ path: '/documents?filter=awaitingMyDecision', session: await sessionFor('Raj Patel', people.raj), language: 'zh-CN' });
    expect(await screen.findByRole('checkbox', { name: '待我决定' }, { timeout: 5000 })).toHaveProperty('checked', true);
  });
});
