import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startAppStack, type AppStack } from '../support/processes.js';
import { launchBrowser, openSignIn, screenshot, signInAs, type BrowserSession } from '../support/browser.js';
import { demo } from '../support/emulator.js';
import { ensureDemoContent } from '../../scripts/demo/firstStart.js';

/**
 * An older version of a document, opened in Chromium from the document page's history (issue 10,
 * item 5). Graph answers `…/versions/{id}/content` with a 302 to a pre-authenticated URL that a
 * browser cannot follow (the download host refuses the CORS preflight the redirected request needs);
 * the app must still deliver the exact bytes of that version. Jack (a reader) opens SMS-POL-001,
 * published as 1.0, 2.0 and 3.0, views 1.0 and downloads it; the file is the one whose SHA-256 the
 * 1.0 release recorded.
 */
const DOC_ID = 'SMS-POL-001';

type Json = Record<string, unknown>;

let stack: AppStack;
let browser: BrowserSession;
let page: Page;

async function graph(upn: string, p: string): Promise<Json> {
  const res = await stack.emulator.graph(upn, p);
  expect(res.status, `${p}: ${await res.clone().text()}`).toBe(200);
  return (await res.json()) as Json;
}

beforeAll(async () => {
  stack = await startAppStack();
  await ensureDemoContent({ origin: stack.emulator.origin, graphBaseUrl: stack.emulator.graphBaseUrl, log: () => undefined });
  browser = await launchBrowser();
  page = browser.page;
});
afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

describe('older versions in Chromium', () => {
  it('the emulator answers the browser a 302 whose download URL refuses a CORS preflight', async () => {
    const site = await graph(demo.tom, '/sites/kestrelms.sharepoint.com:/sites/KestrelSMS');
    const drives = (await graph(demo.tom, `/sites/${String(site.id)}/drives`)).value as Json[];
    const drive = drives.find((d) => d.name === 'SMS Documents')!;
    const children = (await graph(demo.jack, `/drives/${String(drive.id)}/root/children`)).value as Json[];
    const item = children.find((c) => String(c.name).startsWith(DOC_ID))!;
    const res = await stack.emulator.graph(demo.jack, `/drives/${String(drive.id)}/items/${String(item.id)}/versions/1.0/content`, {
      redirect: 'manual',
      headers: { Origin: stack.appUrl.replace(/\/$/, '') },
    });
    expect(res.status).toBe(302);
    const location = res.headers.get('location')!;
    const preflight = await fetch(location, {
      method: 'OPTIONS',
      headers: { Origin: new URL(stack.appUrl).origin, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const simple = await fetch(location, { headers: { Origin: new URL(stack.appUrl).origin } });
    expect(simple.status).toBe(200);
    expect(simple.headers.get('access-control-allow-origin')).toBe(new URL(stack.appUrl).origin);
  });

  it('Jack views version 1.0 of SMS-POL-001 from the history and downloads exactly that version', async () => {
    await page.context().clearCookies();
    await openSignIn(page, `${stack.appUrl}documents/${DOC_ID}`);
    await signInAs(page, 'Jack Turner');
    await page.getByRole('heading', { level: 1, name: new RegExp(`^${DOC_ID} `) }).waitFor();
    const history = page.getByRole('table', { name: `Version history of ${DOC_ID}` });
    await history.getByRole('button', { name: 'View version 1.0' }).click();
    // The viewer offers the older Word version as a download (the history row has its own "Download").
    const downloadButton = page.getByRole('button').filter({ hasText: 'Download version 1.0' });
    await downloadButton.waitFor();
    await screenshot(page, 'documents-older-version-jack');

    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 20_000 }), downloadButton.click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^${DOC_ID} .*\\(v1\\.0\\)\\.docx$`));
    const bytes = await fs.readFile((await download.path())!);
    const sha256 = createHash('sha256').update(bytes).digest('hex');

    const site = await graph(demo.tom, '/sites/kestrelms.sharepoint.com:/sites/KestrelSMS');
    const releases = (await graph(demo.tom, `/sites/${String(site.id)}/lists/Document Releases/items?$expand=fields&$filter=fields/DocId eq '${DOC_ID}'`)).value as { fields: Json }[];
    const v1 = releases.map((r) => r.fields).find((f) => f.VersionLabel === '1.0')!;
    const v3 = releases.map((r) => r.fields).find((f) => f.VersionLabel === '3.0')!;
    expect(sha256).toBe(v1.FileHash);
    expect(sha256).not.toBe(v3.FileHash);
    expect(browser.errors).toEqual([]);
  });
});
