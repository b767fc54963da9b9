import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Document as WordDocument, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import type { Page } from 'playwright-core';
import { startAppStack, type AppStack } from '../support/processes.js';
import { expectAccessible, launchBrowser, openSignIn, screenshot, signInAs, type BrowserSession } from '../support/browser.js';
import { demo } from '../support/emulator.js';
import { ensureDemoContent } from '../../scripts/demo/firstStart.js';

/**
 * The document lifecycle end to end, in Chromium against the built app and an emulator with the
 * demo content: Priya (document controller) creates SMS-PRC-031 from a Word file and submits it;
 * Raj (top management) approves it from his Planner-tasked review and it is published as 1.0;
 * Jack (employee) reads 1.0 and never sees the 1.1 draft Priya starts next. Every screen is
 * checked with axe and photographed into test-results/.
 */
const DOC_ID = 'SMS-PRC-031';
const TITLE = 'Change Evaluation Procedure';
const V1_TEXT = 'Every normal change is evaluated by the CAB before it is scheduled.';
const V11_TEXT = 'Draft 1.1: emergency changes are evaluated by the ECAB within four hours.';

type Json = Record<string, unknown>;

let stack: AppStack;
let browser: BrowserSession;
let page: Page;
let dir: string;

async function docx(version: string, text: string): Promise<string> {
  const doc = new WordDocument({
    sections: [
      {
        children: [
          new Paragraph({ text: TITLE, heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ children: [new TextRun(`Version ${version}`)] }),
          new Paragraph({ children: [new TextRun(text)] }),
        ],
      },
    ],
  });
  const file = path.join(dir, `change-evaluation-${version}.docx`);
  await fs.writeFile(file, await Packer.toBuffer(doc));
  return file;
}

/** A Graph GET as a demo user, straight to the emulator (checks what Microsoft 365 holds). */
async function graph(upn: string, p: string): Promise<Json> {
  const res = await stack.emulator.graph(upn, p);
  expect(res.status, `${p}: ${await res.clone().text()}`).toBe(200);
  return (await res.json()) as Json;
}

/** Waits until the dialog's opening animation has finished (axe measures colours as shown). */
async function settled(dialog: ReturnType<Page['getByRole']>): Promise<void> {
  await dialog.waitFor();
  await dialog.evaluate(async (el) => {
    const surface = el.closest('.fui-DialogSurface') ?? el;
    const root = surface.parentElement ?? surface;
    await Promise.all(root.getAnimations({ subtree: true }).map((a) => a.finished.catch(() => undefined)));
  });
}

async function signInAt(pathname: string, name: string): Promise<void> {
  await page.context().clearCookies();
  await openSignIn(page, `${stack.appUrl}${pathname}`);
  await signInAs(page, name);
}

async function openDocumentAs(name: string): Promise<void> {
  await signInAt(`documents/${DOC_ID}`, name);
  await page.getByRole('heading', { level: 1, name: `${DOC_ID} ${TITLE}` }).waitFor();
}

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sms365-docs-e2e-'));
  stack = await startAppStack();
  await ensureDemoContent({ origin: stack.emulator.origin, graphBaseUrl: stack.emulator.graphBaseUrl, log: () => undefined });
  browser = await launchBrowser();
  page = browser.page;
});
afterAll(async () => {
  await browser?.close();
  await stack?.close();
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

describe('document lifecycle in Chromium', () => {
  it('Priya creates SMS-PRC-031 from a Word file and submits it for review', async () => {
    await signInAt('documents/new', 'Priya Nair');
    await page.getByRole('heading', { level: 1, name: 'New document' }).waitFor();
    await expectAccessible(page, 'the new-document form');
    await page.getByLabel('File (Word, PDF or Markdown)').setInputFiles(await docx('1.0', V1_TEXT));
    await page.getByRole('textbox', { name: 'Title' }).fill(TITLE);
    await page.getByRole('combobox', { name: 'Document type' }).selectOption('Procedure');
    await page.getByRole('combobox', { name: 'Approver' }).selectOption({ label: 'Raj Patel' });
    await page.getByRole('combobox', { name: 'Primary clause' }).fill('8.5.1');
    await page.getByRole('textbox', { name: 'Change summary' }).fill('First issue: how changes are evaluated.');
    await screenshot(page, 'documents-new-filled');
    await page.getByRole('button', { name: 'Create document' }).click();

    await page.getByRole('heading', { level: 1, name: `${DOC_ID} ${TITLE}` }).waitFor();
    await page.getByText('Not published yet').waitFor();
    // The Word draft is previewed in a sandboxed frame.
    const frame = page.getByTitle(new RegExp(`^Preview of ${DOC_ID}, version`));
    await frame.waitFor();
    expect(await frame.getAttribute('sandbox')).toContain('allow-scripts');
    await page.frameLocator('iframe').getByText(V1_TEXT).waitFor();
    await expectAccessible(page, `${DOC_ID} as a draft (Priya)`);
    await screenshot(page, 'documents-draft-priya');

    await page.getByRole('button', { name: 'Submit for review' }).click();
    const dialog = page.getByRole('dialog');
    await settled(dialog);
    await dialog.getByText(/Raj Patel/).waitFor();
    await expectAccessible(page, 'the submit dialog');
    await dialog.getByRole('button', { name: 'Submit', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('table', { name: 'Reviews and approvals of the version in review' }).getByText('Pending').waitFor();
    await screenshot(page, 'documents-in-review-priya');

    // Raj has a Planner task in "Document reviews" that links back to the document.
    const tasks = (await graph(demo.raj, '/me/planner/tasks')).value as Json[];
    const task = tasks.find((t) => String(t.title).startsWith(`[${DOC_ID}]`));
    expect(task).toBeTruthy();
    const details = await graph(demo.raj, `/planner/tasks/${String(task!.id)}/details`);
    expect(Object.keys(details.references as Json).join(' ')).toContain(`documents/${DOC_ID}`);
    expect(browser.errors).toEqual([]);
  });

  it('Raj approves it and it is published as 1.0 with the SHA-256 of the file', async () => {
    await openDocumentAs('Raj Patel');
    await page.getByRole('button', { name: 'Review and decide' }).click();
    const dialog = page.getByRole('dialog');
    await settled(dialog);
    await dialog.getByRole('radio', { name: 'Approve' }).check();
    await expectAccessible(page, 'the approval dialog (Raj)');
    await screenshot(page, 'documents-approve-raj');
    await dialog.getByRole('button', { name: 'Record decision' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Published version 1.0').waitFor();
    await expectAccessible(page, `${DOC_ID} published (Raj)`);
    await screenshot(page, 'documents-published-raj');

    const site = await graph(demo.tom, '/sites/kestrelms.sharepoint.com:/sites/KestrelSMS');
    const releases = (await graph(demo.tom, `/sites/${String(site.id)}/lists/Document Releases/items?$expand=fields&$filter=fields/DocId eq '${DOC_ID}'`)).value as { fields: Json }[];
    expect(releases.map((r) => r.fields)).toEqual([expect.objectContaining({ VersionLabel: '1.0', VersionStatus: 'Published', FileHash: expect.stringMatching(/^[0-9a-f]{64}$/) })]);
    expect(browser.errors).toEqual([]);
  });

  it('Jack sees 1.0 and never the 1.1 draft Priya starts next', async () => {
    await openDocumentAs('Jack Turner');
    await page.getByText('Published version 1.0').waitFor();
    await page.frameLocator('iframe').getByText(V1_TEXT).waitFor();
    expect(await page.getByRole('group', { name: 'Document actions' }).count()).toBe(0);

    // Priya starts revision 1.1 with a new Word file.
    await openDocumentAs('Priya Nair');
    await page.getByRole('button', { name: 'Start revision' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('New draft file').setInputFiles(await docx('1.1', V11_TEXT));
    await dialog.getByRole('textbox', { name: 'Change summary' }).fill('Adds the emergency change evaluation.');
    await dialog.getByRole('button', { name: 'Start revision' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText(/draft 1\.1 in progress/).waitFor();
    await page.frameLocator('iframe').getByText(V11_TEXT).waitFor();
    await screenshot(page, 'documents-revision-priya');

    await openDocumentAs('Jack Turner');
    await page.getByText('Published version 1.0').waitFor();
    await page.frameLocator('iframe').getByText(V1_TEXT).waitFor();
    expect(await page.frameLocator('iframe').getByText(V11_TEXT).count()).toBe(0);
    expect(await page.getByText(/1\.1/).count()).toBe(0);
    expect(await page.getByText('Adds the emergency change evaluation.').count()).toBe(0);
    const history = page.getByRole('table', { name: `Version history of ${DOC_ID}` });
    expect((await history.getByRole('row').allTextContents()).slice(1).map((r) => r.trim())).toEqual([expect.stringMatching(/^1\.0 \(current\)1\.0Published/)]);
    await expectAccessible(page, `${DOC_ID} as Jack reads it`);
    await screenshot(page, 'documents-reader-jack');
    expect(browser.errors).toEqual([]);
  });
});
