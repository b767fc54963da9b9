import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { f } from '../../../../../graph/core/filter.js';
import { getMe } from '../../../../../graph/directory/me.js';
import { listAllItems, type ListItem } from '../../../../../graph/lists/items.js';
import { getSiteByUrl } from '../../../../../graph/sites/sites.js';
import { ensureDemoContent } from '../../../../../scripts/demo/firstStart.js';
import { CONFIG, ORIGIN, demoPerson, renderApp, startHarness, type Harness } from '../../../../../tests/support/appHarness.js';
import { installLayoutShims } from '../../../../../tests/support/jsdom.js';
import { signInToEmulator } from '../../../../app/auth/devSignIn.js';
import { APP_SCOPES } from '../../../../app/auth/scopes.js';
import { DEMO_SMS_SITE_URL } from '../../../../app/config.js';
import en from '../../../../app/i18n/en.json';

/**
 * The action page against the emulator with the demo tenant: ACT-0143 (a corrective action of NC-2025-003,
 * assigned to David) is Completed and waits for verification; David may not verify his own action (§6.3 rule 2),
 * Tom (SMS manager) may.
 */
const david = demoPerson('David', 'Kowalski');
const tom = demoPerson('Tom', 'Whitaker');

let harness: Harness;
let siteId: string;

beforeAll(async () => {
  installLayoutShims();
  harness = await startHarness();
  await ensureDemoContent({ origin: ORIGIN, graphBaseUrl: CONFIG.graphBaseUrl, log: () => undefined });
  siteId = (await getSiteByUrl(harness.clientAs(tom.userPrincipalName), DEMO_SMS_SITE_URL)).id!;
}, 180_000);
afterEach(() => {
  cleanup();
  harness.server.resetHandlers();
});
afterAll(() => harness.close());

const open = async (user: typeof david, path: string) => {
  renderApp({ path, session: await signInToEmulator(ORIGIN, user, APP_SCOPES) });
};

/** The action's item as Tom reads it, with its server stamps. */
async function actionItem(ref: string): Promise<ListItem> {
  const items = await listAllItems(harness.clientAs(tom.userPrincipalName), siteId, 'Actions', { filter: f.eq('fields/Ref', ref) });
  expect(items).toHaveLength(1);
  return items[0]!;
}

const stepsRegion = () => screen.findByRole('region', { name: 'What you can do' }, { timeout: 15_000 });
/** What the register rules say for a refusal code (H1's catalog), as the page shows it. */
const refusalText = (code: string) => (en as Record<string, string>)[`registers.refusal.${code}`] ?? `The SMS rules do not allow this (rule ${code}). Nothing was changed.`;

describe('the action page', () => {
  it('shows the action, where its task is in Planner, and syncs it when it opens', async () => {
    await open(david, '/actions/ACT-0143');
    expect(await screen.findByRole('heading', { level: 1, name: 'Action ACT-0143' }, { timeout: 15_000 })).toBeTruthy();
    const details = await screen.findByRole('region', { name: 'Details' }, { timeout: 15_000 });
    expect(screen.getByText('Briefing for all change implementers')).toBeTruthy();
    expect(within(details).getByText(/^Planner: SMS Actions › Corrective actions, task ID \S+$/)).toBeTruthy();
    expect(within(details).getByRole('link', { name: 'Source: NC-2025-003' }).getAttribute('href')).toMatch(/^\/registers\/nonconformities\/\d+$/);
    await waitFor(() => expect(screen.getByText('Synced with Planner: 1 action checked')).toBeTruthy(), { timeout: 15_000 });
  });

  it('refuses David the verification of his own action, says why, and changes nothing', async () => {
    const before = await actionItem('ACT-0143');
    await open(david, '/actions/ACT-0143');
    const steps = await stepsRegion();
    const verify = within(steps).getByRole('button', { name: 'Verify' });
    expect(verify).toHaveProperty('disabled', true);
    const reason = document.getElementById(verify.getAttribute('aria-describedby') ?? '');
    expect(reason?.textContent).toBe(refusalText('assigneeCannotVerify'));
    const after = await actionItem('ACT-0143');
    expect(after.fields?.Status).toBe('Completed');
    expect(after.eTag).toBe(before.eTag);
  });

  it('asks Tom for the reason before rejecting the evidence, and sends nothing without one', async () => {
    const before = await actionItem('ACT-0143');
    await open(tom, '/actions/ACT-0143');
    const steps = await stepsRegion();
    await userEvent.setup().click(within(steps).getByRole('button', { name: 'Reject evidence' }));
    const dialog = await screen.findByRole('dialog', {}, { timeout: 5000 });
    await userEvent.setup().click(within(dialog).getByRole('button', { name: 'Reject evidence' }));
    expect(await within(dialog).findAllByText("Give the reason; it is kept in the action's history.")).not.toHaveLength(0);
    await userEvent.setup().click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect((await actionItem('ACT-0143')).eTag).toBe(before.eTag);
  });

  it('lets Tom verify ACT-0143: VerifiedBy is Tom, and verify is no longer offered', async () => {
    await open(tom, '/actions/ACT-0143');
    const steps = await stepsRegion();
    await userEvent.setup().click(within(steps).getByRole('button', { name: 'Verify' }));
    const dialog = await screen.findByRole('dialog', {}, { timeout: 5000 });
    await userEvent.setup().click(within(dialog).getByRole('button', { name: 'Verify' }));
    const done = await screen.findByText('ACT-0143 is verified.', {}, { timeout: 15_000 });
    expect(done.closest('[role="status"]')).toBeTruthy();
    const item = await actionItem('ACT-0143');
    expect(item.fields?.Status).toBe('Verified');
    const tomsLookupId = (await listAllItems(harness.clientAs(tom.userPrincipalName), siteId, 'User Information List', { select: ['UserName'] })).find(
      (u) => String(u.fields?.UserName ?? '').toLowerCase() === tom.userPrincipalName.toLowerCase(),
    )?.id;
    expect(String(item.fields?.VerifiedByLookupId)).toBe(String(tomsLookupId));
    expect((item.lastModifiedBy?.user as { id?: string } | undefined)?.id?.toLowerCase()).toBe((await getMe(harness.clientAs(tom.userPrincipalName))).id!.toLowerCase());
    const after = await stepsRegion();
    await waitFor(() => expect(within(after).queryByRole('button', { name: 'Verify' })).toBeNull(), { timeout: 15_000 });
    expect(within(after).getByText('Nothing can be done on an action that is Verified.')).toBeTruthy();
  });

  it('says so for a reference that is no action', async () => {
    await open(tom, '/actions/ACT-9999');
    expect(await screen.findByText('No such action', {}, { timeout: 15_000 })).toBeTruthy();
    expect(screen.getByText(/There is no action ACT-9999 in the SMS/)).toBeTruthy();
  });
});
