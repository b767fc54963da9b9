import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ensureDemoContent } from '../../scripts/demo/firstStart.js';
import { expectAccessible, launchBrowser, openSignIn, screenshot, signInAs, type BrowserSession } from '../support/browser.js';
import { startAppStack, type AppStack } from '../support/processes.js';

/**
 * "My acknowledgements" in Chromium at phone width (320 px, the narrowest WCAG reflow width): one column,
 * no horizontal scrolling, with a request open on its published version; axe finds nothing serious in
 * the light and dark themes. Sofia (demo tenant) is overdue on SMS-POL-001 3.0 and SMS-POL-002 4.0.
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

/** How far the page is wider than the viewport (0: no horizontal scrolling). */
const overflow = (page: Page) => page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - window.innerWidth);

describe('My acknowledgements at phone width', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`stacks in one column with no horizontal scrolling, a request open, and passes axe (${colorScheme})`, async () => {
      browser = await launchBrowser({ colorScheme });
      const { page } = browser;
      await page.setViewportSize({ width: 320, height: 800 });
      await openSignIn(page, `${stack.appUrl}acknowledgements`);
      await signInAs(page, 'Sofia Almeida');
      const pending = page.getByRole('region', { name: 'To acknowledge (2)' });
      await pending.waitFor({ timeout: 20_000 });
      expect(await pending.getByText('Overdue', { exact: true }).count()).toBe(2);
      expect(await overflow(page)).toBeLessThanOrEqual(0);

      await page.getByRole('button', { name: 'Read and acknowledge SMS-POL-001 version 3.0' }).click();
      await page.getByTitle('SMS-POL-001 version 3.0').waitFor({ timeout: 20_000 });
      const acknowledge = page.getByRole('button', { name: 'Acknowledge', exact: true });
      await acknowledge.waitFor();
      await page.waitForFunction(() => [...document.querySelectorAll('button')].some((b) => b.textContent === 'Acknowledge' && !b.disabled), undefined, { timeout: 20_000 });
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      // The cards sit one below the other, each within the viewport.
      const boxes = await pending.getByRole('article').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as { left: number; right: number; top: number; bottom: number }));
      expect(boxes).toHaveLength(2);
      for (const b of boxes) expect(b.right).toBeLessThanOrEqual(320);
      expect(boxes[1]!.top).toBeGreaterThanOrEqual(boxes[0]!.bottom);
      await screenshot(page, `my-acknowledgements-320-${colorScheme}`);
      await expectAccessible(page, `My acknowledgements at 320 px (${colorScheme})`);
      expect(browser.errors).toEqual([]);
    });
  }
});
