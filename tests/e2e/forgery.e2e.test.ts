import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startAppStack, type AppStack } from '../support/processes.js';
import { expectAccessible, launchBrowser, openSignIn, screenshot, signInAs, type BrowserSession } from '../support/browser.js';
import { demo } from '../support/emulator.js';
import { ensureDemoContent } from '../../scripts/demo/firstStart.js';
import { main as verify } from '../../scripts/verify.js';

/**
 * The first attack, end to end: Priya (document controller) writes the pending approval
 * decision of SMS-PLN-001 (awaiting Eleanor Marsh) herself, straight over Graph; SharePoint accepts the
 * write but stamps her as its writer. The document page raises the integrity alert, "Complete review"
 * refuses, and `npm run verify` exits 1 naming the document.
 */
const DOC_ID = 'SMS-PLN-001';
type Json = Record<string, unknown>;

let stack: AppStack;
let browser: BrowserSession;
let page: Page;

async function graph(upn: string, p: string, init: RequestInit = {}): Promise<Json> {
  const res = await stack.emulator.graph(upn, p, init);
  expect(res.status, `${p}: ${await res.clone().text()}`).toBeLessThan(300);
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

describe('a forged approval decision', () => {
  it('raises the alert, Complete review refuses, and verify names the document', async () => {
    const site = await graph(demo.priya, '/sites/kestrelms.sharepoint.com:/sites/KestrelSMS');
    const siteId = String(site.id);
    const items = (await graph(demo.priya, `/sites/${siteId}/lists/Document Approvals/items?$expand=fields&$top=500`)).value as { id: string; fields: Json }[];
    const approval = items.find((i) => String(i.fields.Title).startsWith(`${DOC_ID} `) && i.fields.Step === 'Approval' && i.fields.Decision === 'Pending');
    expect(approval).toBeTruthy();
    await graph(demo.priya, `/sites/${siteId}/lists/Document Approvals/items/${approval!.id}/fields`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ Decision: 'Approved', DecidedOn: new Date().toISOString() }),
    });

    await page.context().clearCookies();
    await openSignIn(page, `${stack.appUrl}documents/${DOC_ID}`);
    await signInAs(page, 'Priya Nair');
    const alert = page.getByRole('alert').filter({ hasText: 'Integrity alert' });
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/recorded by Priya Nair, not by Eleanor Marsh/);
    await expectAccessible(page, `${DOC_ID} with a forged decision`);
    await screenshot(page, 'documents-forged-decision');

    await page.getByRole('button', { name: 'Complete review' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Complete review' }).click();
    await dialog.getByText(/was not recorded by its approver, so it does not count/).waitFor();
    await expectAccessible(page, 'the refused completion');

    const docs = (await graph(demo.tom, `/sites/${siteId}/lists/SMS Documents/items?$expand=fields&$filter=fields/DocId eq '${DOC_ID}'`)).value as { fields: Json }[];
    expect(docs[0]!.fields.DocStatus).toBe('In review');

    const lines: string[] = [];
    const code = await verify(['--site', `${stack.emulator.origin}/sites/KestrelSMS`], {}, (l) => lines.push(l));
    expect(code).toBe(1);
    expect(lines.filter((l) => l.startsWith(DOC_ID))).toEqual([expect.stringMatching(/written by Priya Nair, not by its approver Eleanor Marsh/)]);
    expect(browser.errors).toEqual([]);
  });
});
