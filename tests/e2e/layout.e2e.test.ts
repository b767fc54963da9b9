import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { startAppStack, type AppStack } from '../support/processes.js';
import { launchBrowser, openSignIn, screenshot, signInAs, type BrowserSession } from '../support/browser.js';
import { demo } from '../support/emulator.js';
import { ensureDemoContent } from '../../scripts/demo/firstStart.js';
import { createDocument, loadDocumentServices } from '../../src/features/documents/services/index.js';
import { buildDocumentMetadata } from '../support/factories.js';

/**
 * Layout and theme defects found by trying the product in a real browser (issue 9, "Layout and
 * themes"), each checked where only a browser can tell: what the mouse hits, how many lines a
 * cell takes, whether a control fits its box, what colours a theme paints.
 */
type Json = Record<string, unknown>;

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

async function signedIn(name: string, pathname = '', options: Parameters<typeof launchBrowser>[0] = {}): Promise<Page> {
  browser = await launchBrowser(options);
  await openSignIn(browser.page, `${stack.appUrl}${pathname}`);
  await signInAs(browser.page, name);
  return browser.page;
}

/** How many lines the text of `cell` is laid out on. */
const linesOf = (cell: Locator) =>
  cell.evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
    return tops.size;
  });

/** Relative luminance (0 black … 1 white) of a computed CSS colour `rgb(r, g, b)`. */
const luminance = (css: string) => {
  const [r, g, b] = (css.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((v) => Number(v) / 255);
  const lin = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r ?? 0) + 0.7152 * lin(g ?? 0) + 0.0722 * lin(b ?? 0);
};

describe('layout and themes in Chromium', () => {
  it('the conflict dialog’s "Reload and reapply" takes a mouse click: no fieldset lies over it', async () => {
    // Priya's own draft, whose details she may edit.
    const SITE_URL = 'https://kestrelms.sharepoint.com/sites/KestrelSMS';
    const site = (await (await stack.emulator.graph(demo.tom, '/sites/kestrelms.sharepoint.com:/sites/KestrelSMS')).json()) as Json;
    const priya = await loadDocumentServices(stack.emulator.client(demo.priya), String(site.id), SITE_URL, demo.priya);
    const title = 'Supplier Review Procedure';
    const { docId, listItemId } = await createDocument(priya, {
      metadata: buildDocumentMetadata({ title }),
      file: { name: 'supplier-review.md', bytes: new TextEncoder().encode('# Supplier review\n\nEvery supplier is reviewed yearly.\n') },
    });

    const page = await signedIn('Priya Nair', `documents/${docId}`);
    await page.getByRole('button', { name: 'Edit details' }).click();
    const dialog = page.getByRole('dialog');
    const titleBox = dialog.getByRole('textbox', { name: 'Title' });
    await titleBox.waitFor();

    // Someone saves the document in between, over Graph.
    const patched = await stack.emulator.graph(demo.priya, `/sites/${String(site.id)}/lists/SMS Documents/items/${listItemId}/fields`, { method: 'PATCH', body: JSON.stringify({ Title: title }) });
    expect(patched.status).toBe(200);

    await titleBox.fill(`${title} (revised)`);
    await dialog.getByRole('button', { name: 'Save' }).click();
    const reload = dialog.getByRole('button', { name: 'Reload and reapply' });
    await reload.waitFor();
    await screenshot(page, 'layout-conflict-dialog');
    // A real mouse click at the button's centre: Playwright refuses when another element would take it.
    await reload.click({ timeout: 5000 });
    await dialog.getByText('Reloaded: your changes are applied to the latest version. Check them and save.').waitFor();
    expect(await titleBox.inputValue()).toBe(`${title} (revised)`);
  });

  it('in Chinese, the register shows each document type and status on one line', async () => {
    const page = await signedIn('Priya Nair', 'documents');
    await page.getByLabel('Language').selectOption({ label: '中文（简体）' });
    const table = page.getByRole('table');
    await table.getByRole('row').nth(5).waitFor();
    const header = await table.getByRole('columnheader').allTextContents();
    const typeColumn = header.findIndex((h) => h.trim() === '类型');
    const statusColumn = header.findIndex((h) => h.trim() === '状态');
    expect(typeColumn).toBeGreaterThan(-1);
    expect(statusColumn).toBeGreaterThan(-1);
    await screenshot(page, 'layout-register-zh');
    const rows = table.getByRole('row');
    const count = Math.min(await rows.count(), 12);
    for (let i = 1; i < count; i++) {
      const cells = rows.nth(i).getByRole('cell');
      expect(await linesOf(cells.nth(typeColumn)), `row ${i} type`).toBe(1);
      expect(await linesOf(cells.nth(statusColumn)), `row ${i} status`).toBe(1);
    }
  });

  it('the Process field of the new-document form stays inside its group, however long a process name is', async () => {
    const page = await signedIn('Priya Nair', 'documents/new');
    const process = page.getByRole('combobox', { name: 'Process' });
    await process.waitFor();
    const longest = await process.evaluate((el) => Math.max(...[...(el as HTMLSelectElement).options].map((o) => o.text.length)));
    expect(longest).toBeGreaterThan(20);
    const select = await process.boundingBox();
    const group = await process.evaluate((el) => {
      const box = el.closest('fieldset')!.getBoundingClientRect();
      const grid = el.closest('fieldset')!.parentElement!.getBoundingClientRect();
      return { right: box.right, gridRight: grid.right };
    });
    expect(select!.x + select!.width).toBeLessThanOrEqual(group.right + 0.5);
    expect(group.right).toBeLessThanOrEqual(group.gridRight + 0.5);
    await screenshot(page, 'layout-new-document-process');
  });

  it('Home’s cards keep a visible outline in the high-contrast theme', async () => {
    const page = await signedIn('Priya Nair', '?host=teams&theme=contrast');
    const card = page.getByRole('region', { name: 'My pending acknowledgements' });
    await card.waitFor();
    const border = await card.evaluate((el) => {
      const s = getComputedStyle(el);
      return { width: parseFloat(s.borderTopWidth), style: s.borderTopStyle, color: s.borderTopColor, background: s.backgroundColor };
    });
    expect(border.width).toBeGreaterThanOrEqual(1);
    expect(border.style).toBe('solid');
    expect(border.color).not.toMatch(/rgba\(0, 0, 0, 0\)|transparent/);
    expect(Math.abs(luminance(border.color) - luminance(border.background))).toBeGreaterThan(0.5);
    await screenshot(page, 'layout-home-contrast');
  });

  it('?theme=dark darkens the app in a plain browser, and it stays dark on the next screen', async () => {
    const page = await signedIn('Priya Nair', '?theme=dark', { colorScheme: 'light' });
    const background = () => page.locator('.fui-FluentProvider').first().evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(luminance(await background())).toBeLessThan(0.1);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Documents' }).click();
    await page.getByRole('table').waitFor();
    expect(luminance(await background())).toBeLessThan(0.1);
    await screenshot(page, 'layout-plain-browser-dark');
  });
});
