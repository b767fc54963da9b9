import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ensureDemoContent } from '../../scripts/demo/firstStart.js';
import { expectAccessible, launchBrowser, openSignIn, screenshot, signInAs, type BrowserSession } from '../support/browser.js';
import { startAppStack, type AppStack } from '../support/processes.js';

/**
 * The Registers area in Chromium as Tom (SMS manager) on the demo tenant: the index, a register's list
 * and a record's page pass axe in the light, dark and high-contrast themes (a simulated Teams host sets
 * the theme), a transition dialog opens from the keyboard, and at 320 px wide no page scrolls sideways
 * (a wide table scrolls inside its own box).
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

/** Moves the mouse off the page's content, so axe sees no hover state (a hovered row) left by the last click. */
const moveMouseAway = (page: Page) => page.mouse.move(0, 0);

/** The page is no wider than the window: nothing makes the whole page scroll sideways. */
const pageOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('Registers', () => {
  for (const theme of ['default', 'dark', 'contrast'] as const) {
    it(`index, list and record pass axe and work from the keyboard (${theme})`, async () => {
      browser = await launchBrowser({ colorScheme: theme === 'dark' ? 'dark' : 'light' });
      const { page } = browser;
      await openSignIn(page, `${stack.appUrl}registers?host=teams&theme=${theme}`);
      await signInAs(page, 'Tom Whitaker');
      await page.getByRole('link', { name: 'Nonconformities' }).waitFor({ timeout: 20_000 });
      await moveMouseAway(page);
      await expectAccessible(page, `register index (${theme})`);

      await page.getByRole('link', { name: 'Nonconformities' }).click();
      const table = page.getByRole('table', { name: 'Nonconformities' });
      await table.waitFor({ timeout: 20_000 });
      await moveMouseAway(page);
      await expectAccessible(page, `nonconformities list (${theme})`);
      await screenshot(page, `registers-list-${theme}`);

      await table.getByRole('link', { name: 'NC-2025-004' }).click();
      await page.getByRole('heading', { level: 1, name: /^NC-2025-004: / }).waitFor({ timeout: 20_000 });
      await page.getByRole('list', { name: 'Versions of this record, newest first' }).waitFor({ timeout: 20_000 });
      await page.getByRole('button', { name: 'Edit' }).waitFor({ timeout: 20_000 });
      await moveMouseAway(page);
      await expectAccessible(page, `nonconformity page (${theme})`);
      await screenshot(page, `registers-record-${theme}`);

      await page.getByRole('button', { name: 'Edit' }).focus();
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: 'Edit NC-2025-004' });
      await dialog.waitFor();
      await expectAccessible(page, `edit dialog (${theme})`);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      expect(browser.errors).toEqual([]);
    });
  }

  it('fits 320 px: no page scrolls sideways', async () => {
    browser = await launchBrowser();
    const { page } = browser;
    await page.setViewportSize({ width: 320, height: 800 });
    await openSignIn(page, `${stack.appUrl}registers`);
    await signInAs(page, 'Tom Whitaker');
    await page.getByRole('link', { name: 'Nonconformities' }).waitFor({ timeout: 20_000 });
    expect(await pageOverflow(page)).toBeLessThanOrEqual(0);

    await page.getByRole('link', { name: 'Nonconformities' }).click();
    await page.getByRole('table', { name: 'Nonconformities' }).waitFor({ timeout: 20_000 });
    expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'registers-list-320');

    await page.getByRole('link', { name: 'NC-2025-003' }).click();
    await page.getByRole('list', { name: 'Versions of this record, newest first' }).waitFor({ timeout: 20_000 });
    expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'registers-record-320');

    await page.getByRole('link', { name: 'Back to Nonconformities' }).click();
    await page.getByRole('link', { name: 'New record' }).click();
    await page.getByRole('button', { name: 'Create record' }).waitFor({ timeout: 20_000 });
    expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
  });
});
