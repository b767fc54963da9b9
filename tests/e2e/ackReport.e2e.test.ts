import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ensureDemoContent } from '../../scripts/demo/firstStart.js';
import { expectAccessible, launchBrowser, openSignIn, screenshot, signInAs, type BrowserSession } from '../support/browser.js';
import { startAppStack, type AppStack } from '../support/processes.js';

/**
 * The campaigns screen and a compliance report in Chromium, as Tom (SMS manager) on the demo tenant, in the light,
 * dark and high-contrast themes (a simulated Teams host sets the theme): the figures are links with names of their
 * own, the tables have headers, the Waive dialog opens from the keyboard, and axe finds nothing serious.
 */
let stack: AppStack;
let browser: BrowserSession | undefined;

beforeAll(async () => {
  stack = await startAppStack();
  await ensureDemoContent({ origin: stack.emulator.origin, graphBaseUrl: stack.emulator.graphBaseUrl, log: () => undefined });
});
afterAll(async () => {
  await stack?.close();
});
afterEach(async () => {
  await browser?.close();
  browser = undefined;
});

describe('Acknowledgement campaigns and compliance report', () => {
  for (const theme of ['default', 'dark', 'contrast'] as const) {
    it(`pass axe and work from the keyboard (${theme})`, async () => {
      browser = await launchBrowser({ colorScheme: theme === 'dark' ? 'dark' : 'light' });
      const { page } = browser;
      await openSignIn(page, `${stack.appUrl}acknowledgements/campaigns?host=teams&theme=${theme}`);
      await signInAs(page, 'Tom Whitaker');
      const campaigns = page.getByRole('table', { name: 'Acknowledgement campaigns' });
      await campaigns.waitFor({ timeout: 20_000 });
      await expectAccessible(page, `acknowledgement campaigns (${theme})`);
      await screenshot(page, `ack-campaigns-${theme}`);

      await page.getByRole('link', { name: /^Compliance report of SMS-POL-001 3\.0/ }).click();
      await page.getByRole('link', { name: 'Targeted: 16. Show these people' }).waitFor({ timeout: 20_000 });
      expect(await page.getByRole('table', { name: 'By department' }).getByRole('columnheader').count()).toBe(7);
      await expectAccessible(page, `compliance report (${theme})`);
      await screenshot(page, `ack-report-${theme}`);

      // Keyboard: focus the Waive button of Sofia's row and open its dialog with Enter.
      await page.getByRole('button', { name: 'Waive the request to Sofia Almeida' }).focus();
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: "Waive Sofia Almeida's acknowledgement?" });
      await dialog.waitFor();
      await expectAccessible(page, `waive dialog (${theme})`);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      expect(browser.errors).toEqual([]);
    });
  }
});
