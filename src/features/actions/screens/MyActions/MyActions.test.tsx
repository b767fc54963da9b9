import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { getMyTasks, updateTask } from '../../../../../graph/planner/planner.js';
import { ensureDemoContent } from '../../../../../scripts/demo/firstStart.js';
import { CONFIG, ORIGIN, demoPerson, renderApp, startHarness, type Harness } from '../../../../../tests/support/appHarness.js';
import { installLayoutShims } from '../../../../../tests/support/jsdom.js';
import { signInToEmulator } from '../../../../app/auth/devSignIn.js';
import { APP_SCOPES } from '../../../../app/auth/scopes.js';

/**
 * "My actions" in the whole App against the emulator with the demo tenant (scripts/demo): Marcus (process owner)
 * has ACT-0160 (a document review 15 days overdue), ACT-0162 (due in 40 days) and ACT-0150 (due in 45 days); the
 * seeded Planner tasks agree with them. Sync with Planner runs when the screen opens and on the button.
 */
const marcus = demoPerson('Marcus', 'Chen');
const jack = demoPerson('Jack', 'Turner');

let harness: Harness;

beforeAll(async () => {
  installLayoutShims();
  harness = await startHarness();
  await ensureDemoContent({ origin: ORIGIN, graphBaseUrl: CONFIG.graphBaseUrl, log: () => undefined });
}, 180_000);
afterEach(() => {
  cleanup();
  harness.server.resetHandlers();
});
afterAll(() => harness.close());

const open = async (user: typeof marcus, path = '/actions', language: 'en' | 'zh-CN' = 'en') => {
  renderApp({ path, language, session: await signInToEmulator(ORIGIN, user, APP_SCOPES) });
};
const region = (name: RegExp | string) => screen.findByRole('region', { name }, { timeout: 15_000 });
const headingsIn = (el: HTMLElement) => within(el).getAllByRole('article').map((a) => within(a).getByRole('heading').textContent);
/** The outcome of the last sync (a live region), once it is in. */
const syncOutcome = async () => {
  await waitFor(() => expect(screen.getByText(/^Synced with Planner: \d+ actions? checked$/)).toBeTruthy(), { timeout: 15_000 });
  return screen.getByText(/^Synced with Planner/).closest('[role="status"]') as HTMLElement;
};

describe('My actions', () => {
  it('lists Marcus’s open actions from every source, the overdue one first and said in words, each linking to its page and its source', async () => {
    await open(marcus);
    expect(await screen.findByRole('heading', { level: 1, name: 'My actions' }, { timeout: 15_000 })).toBeTruthy();
    const mine = await region('Assigned to me (3)');
    expect(headingsIn(mine)).toEqual(['ACT-0160 Periodic review of SMS-PRC-010', 'ACT-0162 SSPR pilot with Brightwater Dental', 'ACT-0150 Cross-train 4 Manchester analysts for Lisbon cover']);
    const overdue = within(mine).getByRole('article', { name: /^ACT-0160 / });
    expect(within(overdue).getByText('Overdue')).toBeTruthy();
    expect(within(overdue).getByText(/^Was due [A-Z][a-z]{2} \d{1,2}, \d{4}$/)).toBeTruthy();
    // Where its task is in Planner, and the links: the action's page and the document it reviews.
    expect(within(overdue).getByText(/^Planner: SMS Actions › Document reviews, task ID \S+$/)).toBeTruthy();
    expect(within(overdue).getByRole('link', { name: 'Action and Planner task of ACT-0160' }).getAttribute('href')).toBe('/actions/ACT-0160');
    expect(within(overdue).getByRole('link', { name: 'Source: SMS-PRC-010' }).getAttribute('href')).toBe('/documents/SMS-PRC-010');
    const notOverdue = within(mine).getByRole('article', { name: /^ACT-0162 / });
    expect(within(notOverdue).queryByText('Overdue')).toBeNull();
    expect(within(notOverdue).getByText(/^Due [A-Z][a-z]{2} \d{1,2}, \d{4}$/)).toBeTruthy();
    expect(within(notOverdue).getByRole('link', { name: 'Source: IMP-014' }).getAttribute('href')).toMatch(/^\/registers\/improvements\/\d+$/);
    // Opening synced his actions with Planner; the seeded tasks already agreed.
    expect((await syncOutcome()).textContent).toContain('Planner and the SMS already agreed; nothing changed.');
    // A process owner also sees what he is accountable for.
    expect(await region(/^Actions I am accountable for \(\d+\)$/)).toBeTruthy();
  });

  it('says it in Chinese too', async () => {
    await open(marcus, '/actions', 'zh-CN');
    const mine = await region('分配给我（3）');
    expect(within(mine).getAllByText('已逾期')).toHaveLength(1);
  });

  it('takes the progress Marcus made in Planner on "Sync with Planner", says what changed, and the completed action leaves his open ones', async () => {
    await open(marcus);
    await region('Assigned to me (3)');
    await syncOutcome();
    // Marcus completes ACT-0162 in Planner (as the Planner app would, with his own token).
    const client = harness.clientAs(marcus.userPrincipalName);
    const task = (await getMyTasks(client)).find((t) => t.title?.startsWith('[ACT-0162]'));
    expect(task?.id).toBeTruthy();
    await updateTask(client, task!.id!, { percentComplete: 100 }, task!['@odata.etag'] ?? '');

    await userEvent.setup().click(screen.getByRole('button', { name: 'Sync with Planner' }));
    await waitFor(() => expect(screen.getByText('Progress taken from Planner: ACT-0162')).toBeTruthy(), { timeout: 15_000 });
    const mine = await region('Assigned to me (2)');
    expect(headingsIn(mine)).toEqual(['ACT-0160 Periodic review of SMS-PRC-010', 'ACT-0150 Cross-train 4 Manchester analysts for Lisbon cover']);
    // A second sync finds nothing left to change.
    await userEvent.setup().click(screen.getByRole('button', { name: 'Sync with Planner' }));
    await waitFor(() => expect(screen.getByText('Planner and the SMS already agreed; nothing changed.')).toBeTruthy(), { timeout: 15_000 });
  });

  it('tells someone with no actions so, and shows no accountable section to an employee', async () => {
    await open(jack);
    const mine = await region('Assigned to me (0)');
    expect(within(mine).getByText('No open actions')).toBeTruthy();
    expect(screen.queryByRole('region', { name: /^Actions I am accountable for/ })).toBeNull();
  });

  it('is where Home’s "My open actions" leads', async () => {
    await open(marcus, '/');
    const card = await screen.findByRole('region', { name: 'My open actions' }, { timeout: 15_000 });
    const link = within(card).getByRole('link');
    expect(link.getAttribute('href')).toBe('/actions');
    await userEvent.setup().click(link);
    expect(await screen.findByRole('heading', { level: 1, name: 'My actions' }, { timeout: 15_000 })).toBeTruthy();
  });
});
