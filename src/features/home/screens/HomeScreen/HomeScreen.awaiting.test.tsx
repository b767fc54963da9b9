import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { getHomeCounts } from '../../../../../graph/home/homeCounts.js';
import { renderApp } from '../../../../../tests/support/appHarness.js';
import { documentInReview, documentSentBack } from '../../../../../tests/support/approvalFixtures.js';
import { people, sessionFor, useDocumentsHarness } from '../../../../../tests/support/documentsHarness.js';

/**
 * Home's "Awaiting my decision" card (the approver's inbox) against the emulator with the SMS site
 * provisioned and real document rounds: Raj (top management, not a document controller) has one
 * document to decide; a document whose review a reviewer sent back for changes is not one (his
 * approval record stays Pending, but the release is a draft again); Tom decided his review; Jack
 * (employee) approves nothing and may not read the approval lists.
 */
const bed = useDocumentsHarness();
afterEach(() => cleanup());

let waiting: string;
let sentBack: string;

beforeAll(async () => {
  const { priya, tom } = bed;
  waiting = await documentInReview(priya, { title: 'Inbox Procedure' });
  sentBack = await documentSentBack(priya, tom, { title: 'Sent Back Procedure' });
}, 60_000);

const card = () => screen.findByRole('region', { name: 'Awaiting my decision' }, { timeout: 5000 });

describe('Home: Awaiting my decision', () => {
  it('shows an approver who is not a document controller how many documents await them, linking to the register filtered to them', async () => {
    renderApp({ session: await sessionFor('Raj Patel', people.raj) });
    const inbox = await card();
    const link = within(inbox).getByRole('link', { name: '1' });
    expect(link.getAttribute('href')).toBe('/documents?filter=awaitingMyDecision');

    await userEvent.setup().click(link);
    expect(await screen.findByRole('checkbox', { name: 'Awaiting my decision' }, { timeout: 5000 })).toHaveProperty('checked', true);
    const table = await screen.findByRole('table', { name: 'Document register' }, { timeout: 5000 });
    const ids = within(table).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell')[0]!.textContent);
    expect(ids).toEqual([waiting]);
    expect(ids).not.toContain(sentBack);
  });

  it('says nothing is waiting when every decision is made', async () => {
    renderApp({ session: await sessionFor('Tom Whitaker', people.tom) });
    const inbox = await card();
    expect(within(inbox).getByText('0')).toBeTruthy();
    expect(within(inbox).getByText('Nothing is waiting for your decision.')).toBeTruthy();
    expect(within(inbox).queryByRole('link')).toBeNull();
  });

  it('says it in Simplified Chinese too', async () => {
    renderApp({ session: await sessionFor('Raj Patel', people.raj), language: 'zh-CN' });
    const inbox = await screen.findByRole('region', { name: '待我决定' }, { timeout: 5000 });
    expect(within(inbox).getByRole('link', { name: '1' })).toBeTruthy();
  });

  it('keeps Home clean for an employee: no card, no error, and the approval lists are never asked for', async () => {
    const { h } = bed;
    const session = await sessionFor('Jack Turner', people.jack);
    h.emulator.emu.requests.clear();
    renderApp({ session });
    await screen.findByRole('region', { name: 'My pending acknowledgements' }, { timeout: 5000 });
    expect(screen.queryByRole('region', { name: 'Awaiting my decision' })).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
    const asked = h.emulator.emu.requests.list().map((e) => decodeURIComponent(e.path));
    expect(asked.filter((p) => p.includes('/lists/Document Approvals') || p.includes('/lists/Document Releases'))).toEqual([]);
  });

  it('counts nothing, rather than failing, for someone who may not read the approval lists (403)', async () => {
    const { h } = bed;
    const counts = await getHomeCounts(h.clientAs(people.jack), { siteId: h.siteId, upn: people.jack, today: { year: 2026, month: 12, day: 7 }, awaitingDecision: true });
    expect(counts.awaitingDecision).toEqual({ state: 'noAccess' });
    expect(counts.pendingAcknowledgements?.state).toBe('counted');
  });
});
