import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, screen, within } from '@testing-library/react';
import { getSiteByUrl } from '../../../../../graph/sites/sites.js';
import { ensureDemoContent } from '../../../../../scripts/demo/firstStart.js';
import { CONFIG, ORIGIN, demoPerson, renderApp, startHarness, type Harness } from '../../../../../tests/support/appHarness.js';
import { signInToEmulator } from '../../../../app/auth/devSignIn.js';
import { APP_SCOPES } from '../../../../app/auth/scopes.js';
import { DEMO_SMS_SITE_URL } from '../../../../app/config.js';
import { acknowledge } from '../../../../platform/acknowledgements/acknowledge.js';
import { loadMyAcknowledgements } from '../../../../platform/acknowledgements/read.js';

/**
 * Home's "Acknowledgement compliance" card (SMS managers and document controllers): each open campaign's stored
 * figures brought up to date with the acknowledgements created since, read inside Home's one `$batch`.
 */
const tom = demoPerson('Tom', 'Whitaker');
const jack = demoPerson('Jack', 'Turner');

let harness: Harness;
let siteId: string;
beforeAll(async () => {
  harness = await startHarness();
  await ensureDemoContent({ origin: ORIGIN, graphBaseUrl: CONFIG.graphBaseUrl, log: () => undefined });
  siteId = (await getSiteByUrl(harness.clientAs(tom.userPrincipalName), DEMO_SMS_SITE_URL)).id!;
}, 120_000);
afterEach(() => cleanup());
afterAll(() => harness.close());

const card = () => screen.findByRole('region', { name: 'Acknowledgement compliance' }, { timeout: 15_000 });

/** Graph round trips Home made (a `$batch` counts once), after the session-start batch. */
const homeBatches = () => harness.emulator.emu.requests.list().filter((e) => !e.inBatch && e.method === 'POST' && e.path.endsWith('/$batch')).length;

describe('Home: acknowledgement compliance', () => {
  it("shows Tom each open campaign's figure, and counts Jack's acknowledgement made since the figures were stored", async () => {
    renderApp({ session: await signInToEmulator(ORIGIN, tom, APP_SCOPES) });
    const before = await card();
    const pol001 = within(before).getByRole('link', { name: 'SMS-POL-001 3.0: 14 of 16 acknowledged (87%)' });
    expect(pol001.getAttribute('href')).toMatch(/^\/acknowledgements\/campaigns\/\d+$/);
    expect(within(pol001.closest('li')!).getByText('1 overdue')).toBeTruthy();
    expect(within(before).getByRole('link', { name: 'SMS-POL-002 4.0: 12 of 16 acknowledged (75%)' })).toBeTruthy();
    expect(within(before).getByRole('link', { name: 'All campaigns' }).getAttribute('href')).toBe('/acknowledgements/campaigns');
    cleanup();

    // Jack acknowledges SMS-POL-001 3.0 with his own token; no campaign has been reconciled since.
    const jackClient = harness.clientAs(jack.userPrincipalName);
    const site = { siteId, listIds: {} };
    const mine = await loadMyAcknowledgements(jackClient, site, jack.userPrincipalName, { today: new Date().toISOString().slice(0, 10) });
    const request = mine.views.find((v) => v.request.docId === 'SMS-POL-001' && v.status === 'Pending')!.request;
    await acknowledge(jackClient, site, { userId: request.userId, upn: jack.userPrincipalName }, request, { attestation: 'I have read and understood version 3.0 of SMS-POL-001.', fileHash: 'a'.repeat(64) }, { now: new Date().toISOString() });

    const batchesBefore = homeBatches();
    renderApp({ session: await signInToEmulator(ORIGIN, tom, APP_SCOPES) });
    const after = await card();
    const pol001After = within(after).getByRole('link', { name: 'SMS-POL-001 3.0: 15 of 16 acknowledged (93%)' });
    // Jack was pending (a new joiner): Sofia is still the one overdue.
    expect(within(pol001After.closest('li')!).getByText('1 overdue')).toBeTruthy();
    // The card costs no round trip of its own: Home's counts and the card come in one `$batch` (plus the session's first).
    expect(homeBatches() - batchesBefore).toBeLessThanOrEqual(2);
  }, 60_000);

  it('is not shown to employees', async () => {
    renderApp({ session: await signInToEmulator(ORIGIN, jack, APP_SCOPES) });
    await screen.findByRole('region', { name: 'My open actions' }, { timeout: 15_000 });
    expect(screen.queryByRole('region', { name: 'Acknowledgement compliance' })).toBeNull();
  }, 60_000);
});
