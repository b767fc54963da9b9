import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ensureDemoContent } from '../../../../scripts/demo/firstStart.js';
import { CONFIG, ORIGIN, demoPerson, renderApp, startHarness, type Harness } from '../../../../tests/support/appHarness.js';
import { installLayoutShims } from '../../../../tests/support/jsdom.js';
import { signInToEmulator } from '../../../app/auth/devSignIn.js';
import { APP_SCOPES } from '../../../app/auth/scopes.js';

/** The document page's acknowledgement figure (controllers and managers only), and the release report it opens. */
const priya = demoPerson('Priya', 'Nair');
const jack = demoPerson('Jack', 'Turner');

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
  await ensureDemoContent({ origin: ORIGIN, graphBaseUrl: CONFIG.graphBaseUrl, log: () => undefined });
}, 120_000);
afterEach(() => cleanup());
afterAll(() => harness.close());

async function openDocument(user: typeof priya, docId: string) {
  installLayoutShims();
  renderApp({ path: `/documents/${docId}`, session: await signInToEmulator(ORIGIN, user, APP_SCOPES) });
  await screen.findByRole('heading', { level: 1, name: new RegExp(`^${docId}`) }, { timeout: 15_000 });
}

describe("The document page's acknowledgement status", () => {
  it("shows Priya (document controller) the published version's live figure, linking to the release's report", async () => {
    const user = userEvent.setup();
    await openDocument(priya, 'SMS-POL-001');
    const part = await screen.findByRole('region', { name: 'Acknowledgement status' }, { timeout: 15_000 });
    const figure = await within(part).findByRole('link', { name: 'SMS-POL-001 3.0: 14 of 16 acknowledged (87%)' }, { timeout: 10_000 });
    expect(within(part).getByText('1 overdue')).toBeTruthy();
    expect(figure.getAttribute('href')).toMatch(/^\/acknowledgements\/releases\/\d+$/);

    await user.click(figure);
    expect(await screen.findByRole('heading', { level: 1, name: 'Compliance report: SMS-POL-001 3.0' }, { timeout: 15_000 })).toBeTruthy();
    expect(await screen.findByRole('link', { name: 'Targeted: 16. Show these people' }, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByText(/· 1 campaign$/)).toBeTruthy();
  }, 60_000);

  it('says so when no campaign asked about the published version', async () => {
    await openDocument(priya, 'SMS-PLN-002');
    const part = await screen.findByRole('region', { name: 'Acknowledgement status' }, { timeout: 15_000 });
    expect(await within(part).findByText(/^No campaign has asked anyone to acknowledge version /, undefined, { timeout: 10_000 })).toBeTruthy();
  }, 60_000);

  it('is not shown to an employee, who sees their own request there instead', async () => {
    await openDocument(jack, 'SMS-POL-001');
    // Jack's own part (his pending request) appears; the figure part never does for staff.
    await screen.findByRole('button', { name: /^Acknowledge/ }, { timeout: 15_000 });
    expect(screen.queryByRole('region', { name: 'Acknowledgement status' })).toBeNull();
  }, 60_000);
});
