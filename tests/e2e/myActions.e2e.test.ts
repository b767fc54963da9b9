import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ensureDemoContent } from '../../scripts/demo/firstStart.js';
import { demo } from '../support/emulator.js';
import { expectAccessible, launchBrowser, openSignIn, screenshot, signInAs, type BrowserSession } from '../support/browser.js';
import { startAppStack, type AppStack } from '../support/processes.js';

/**
 * "My actions" and an action's page in Chromium at phone width (320 px, the narrowest WCAG reflow width), in
 * the light, dark and high-contrast themes: one column, no horizontal scrolling, the overdue action first and
 * said in words, and axe finds nothing serious. Marcus (demo tenant) has ACT-0160 overdue, ACT-0162 and ACT-0150.
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

/** The SMS site's id, as Tom reads it. */
async function siteIdOf(): Promise<string> {
  const res = await stack.emulator.graph(demo.tom, '/sites/kestrelms.sharepoint.com:/sites/KestrelSMS');
  return ((await res.json()) as { id: string }).id;
}

/** How far the page is wider than the viewport (0: no horizontal scrolling). */
const overflow = (page: Page) => page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - window.innerWidth);

describe('My actions at phone width', () => {
  for (const theme of ['default', 'dark', 'contrast'] as const) {
    it(`stacks in one column with no horizontal scrolling, the overdue action first, and passes axe; so does an action's page (${theme})`, async () => {
      browser = await launchBrowser({ colorScheme: theme === 'dark' ? 'dark' : 'light' });
      const { page } = browser;
      await page.setViewportSize({ width: 320, height: 800 });
      await openSignIn(page, `${stack.appUrl}actions?theme=${theme}`);
      await signInAs(page, 'Marcus Chen');
      const mine = page.getByRole('region', { name: 'Assigned to me (3)' });
      await mine.waitFor({ timeout: 20_000 });
      await page.getByText(/^Synced with Planner: \d+ actions? checked$/).waitFor({ timeout: 20_000 });
      const cards = mine.getByRole('article');
      expect(await cards.first().getByRole('heading').textContent()).toBe('ACT-0160 Periodic review of SMS-PRC-010');
      expect(await cards.first().getByText('Overdue', { exact: true }).count()).toBe(1);
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      const boxes = await cards.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as { right: number; top: number; bottom: number }));
      expect(boxes).toHaveLength(3);
      for (const b of boxes) expect(b.right).toBeLessThanOrEqual(320);
      expect(boxes[1]!.top).toBeGreaterThanOrEqual(boxes[0]!.bottom);
      await screenshot(page, `my-actions-320-${theme}`);
      await expectAccessible(page, `My actions at 320 px (${theme})`);

      await cards.first().getByRole('link', { name: 'Action and Planner task of ACT-0160' }).click();
      await page.getByRole('heading', { level: 1, name: 'Action ACT-0160' }).waitFor({ timeout: 20_000 });
      await page.getByRole('region', { name: 'What you can do' }).waitFor({ timeout: 20_000 });
      await page.getByText('Synced with Planner: 1 action checked').waitFor({ timeout: 20_000 });
      expect(await overflow(page)).toBeLessThanOrEqual(0);
      await screenshot(page, `action-page-320-${theme}`);
      await expectAccessible(page, `the action page at 320 px (${theme})`);
      expect(browser.errors).toEqual([]);
    });
  }
});

describe('Raise action at phone width', () => {
  it('opens from a nonconformity, shows its problems next to the fields, and passes axe', async () => {
    const items = (await (await stack.emulator.graph(demo.tom, `/sites/${await siteIdOf()}/lists/Nonconformities/items?$expand=fields&$top=100`)).json()) as { value: { id: string; fields: { Ref?: string } }[] };
    const nc = items.value.find((i) => i.fields.Ref === 'NC-2025-003')!;
    browser = await launchBrowser({ colorScheme: 'light' });
    const { page } = browser;
    await page.setViewportSize({ width: 320, height: 800 });
    await openSignIn(page, `${stack.appUrl}registers/nonconformities/${nc.id}`);
    await signInAs(page, 'Tom Whitaker');
    await page.getByText(/^Synced with Planner: \d+ actions? checked$/).waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Raise action' }).click();
    const dialog = page.getByRole('dialog', { name: 'Raise an action on NC-2025-003' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Raise action' }).click();
    await dialog.getByText('Check the fields marked below.').waitFor();
    expect(await overflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'raise-action-320');
    await expectAccessible(page, 'the Raise action dialog at 320 px');
    expect(browser.errors).toEqual([]);
  });
});
