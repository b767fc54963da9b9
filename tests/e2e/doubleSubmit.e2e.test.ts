import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startAppStack, type AppStack } from '../support/processes.js';
import { launchBrowser, openSignIn, screenshot, signInAs, type BrowserSession } from '../support/browser.js';
import { demo } from '../support/emulator.js';
import { ensureDemoContent } from '../../scripts/demo/firstStart.js';

/**
 * Double submission (issue 9, §4), in Chromium against the built app and an emulator with the
 * demo content: Priya double-clicks "Create document" on the new-document form, as people do.
 * What Microsoft 365 holds afterwards is read over Graph: one document with that title, one
 * release record and one "Created" audit entry, and no DocId taken twice.
 */
const TITLE = 'Known Error Handling Procedure';

type Json = Record<string, unknown>;

let stack: AppStack;
let browser: BrowserSession;
let page: Page;
let dir: string;
let siteId: string;

/** Every item of a list of the SMS site, with its fields, as Tom reads them over Graph. */
async function items(list: string): Promise<Json[]> {
  const out: Json[] = [];
  let next: string | null = `/sites/${siteId}/lists/${list}/items?$expand=fields&$top=500`;
  while (next) {
    const res = await stack.emulator.graph(demo.tom, next);
    expect(res.status, `${list}: ${await res.clone().text()}`).toBe(200);
    const body = (await res.json()) as { value: { fields: Json }[]; '@odata.nextLink'?: string };
    out.push(...body.value.map((v) => v.fields));
    next = body['@odata.nextLink'] ?? null;
  }
  return out;
}

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sms365-double-submit-'));
  stack = await startAppStack();
  await ensureDemoContent({ origin: stack.emulator.origin, graphBaseUrl: stack.emulator.graphBaseUrl, log: () => undefined });
  const site = await stack.emulator.graph(demo.tom, '/sites/kestrelms.sharepoint.com:/sites/KestrelSMS');
  siteId = String(((await site.json()) as Json).id);
  browser = await launchBrowser();
  page = browser.page;
});
afterAll(async () => {
  await browser?.close();
  await stack?.close();
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

describe('a double click on "Create document"', () => {
  it('makes exactly one document, with one release and one audit entry', async () => {
    const before = await items('SMS Documents');
    const sequencesBefore = await items('SMS Sequences');
    // A file of a few megabytes, so that reading it in the browser takes as long as it does for real documents.
    const file = path.join(dir, 'known-errors.md');
    await fs.writeFile(file, `# ${TITLE}\n\n${'Known errors are recorded with their workaround before the incident is closed.\n'.repeat(40_000)}`);

    await openSignIn(page, `${stack.appUrl}documents/new`);
    await signInAs(page, 'Priya Nair');
    await page.getByRole('heading', { level: 1, name: 'New document' }).waitFor();
    await page.getByLabel('File (Word, PDF or Markdown)').setInputFiles(file);
    await page.getByRole('textbox', { name: 'Title' }).fill(TITLE);
    await page.getByRole('combobox', { name: 'Document type' }).selectOption('Procedure');
    await page.getByRole('combobox', { name: 'Approver' }).selectOption({ label: 'Raj Patel' });
    await page.getByRole('combobox', { name: 'Primary clause' }).fill('8.6.3');
    await page.getByRole('textbox', { name: 'Change summary' }).fill('First issue.');

    await page.getByRole('button', { name: 'Create document' }).dblclick();

    const heading = page.getByRole('heading', { level: 1, name: new RegExp(`^SMS-PRC-\\d{3} ${TITLE}$`) });
    await heading.waitFor();
    const docId = (await heading.textContent())!.slice(0, 'SMS-PRC-000'.length);
    // A second create the double click may have started keeps running after the page changed: let it end.
    await page.waitForLoadState('networkidle');
    await screenshot(page, 'documents-double-click-created');

    const created = (await items('SMS Documents')).filter((d) => !before.some((b) => b.id === d.id));
    expect(created.map((d) => [d.DocId, d.Title])).toEqual([[docId, TITLE]]);
    const releases = (await items('Document Releases')).filter((r) => String(r.DocId).startsWith('SMS-PRC-') && !before.some((b) => b.DocId === r.DocId));
    expect(releases.map((r) => [r.DocId, r.VersionLabel])).toEqual([[docId, '0.1']]);
    const audit = (await items('SMS Audit Trail')).filter((a) => a.EventType === 'Created' && String(a.EntityRef).startsWith('SMS-PRC-') && !before.some((b) => b.DocId === a.EntityRef));
    expect(audit.map((a) => a.EntityRef)).toEqual([docId]);
    // One number taken from the counter of procedures.
    const moved = (await items('SMS Sequences')).flatMap((q) => {
      const was = sequencesBefore.find((b) => b.SequenceName === q.SequenceName);
      return Number(q.NextNumber) !== Number(was?.NextNumber ?? 1) ? [[q.SequenceName, Number(q.NextNumber) - Number(was?.NextNumber ?? 1)]] : [];
    });
    expect(moved).toEqual([[expect.stringContaining('PRC'), 1]]);
    expect(browser.errors).toEqual([]);
  });
});
