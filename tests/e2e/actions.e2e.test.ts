import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ensureDemoContent } from '../../scripts/demo/firstStart.js';
import { main as runVerify } from '../../scripts/verify.js';
import { demo } from '../support/emulator.js';
import { expectAccessible, launchBrowser, openSignIn, screenshot, signInAs, type BrowserSession } from '../support/browser.js';
import { startAppStack, type AppStack } from '../support/processes.js';

/**
 * Issue 12's story in Chromium against the built app and an emulator with the demo tenant:
 * 1. Marcus raises NC-<year>-004 at /registers/nonconformities/new and, on its page, two corrective actions through
 *    "Raise action": one for David, one for Aisha; each becomes an action and a Planner task. The nonconformity
 *    goes through review, containment, root cause and plan approval, each step made by whoever the rules name.
 * 2. David completes his task in Planner (a Graph PATCH with If-Match, as David); Marcus opens the nonconformity and
 *    sees the progress the page's sync brought back from Planner.
 * 3. Aisha completes hers; the sync moves the nonconformity to Effectiveness check. Marcus, its owner, cannot close
 *    it: the page says why, and nothing changes.
 * 4. Tom verifies both actions and closes the nonconformity; `npm run verify` finds the site clean.
 * axe finds nothing serious on any screen.
 */
let stack: AppStack;
let browser: BrowserSession;
let page: Page;
let siteId: string;
let ncPath: string;
const YEAR = new Date().getUTCFullYear();
const NC_REF = `NC-${YEAR}-004`;
const NC_TITLE = 'Night-shift P2 escalations missed the on-call rota';
const ACTIONS = [
  { title: 'Restore the on-call escalation rota in the ITSM tool', assignee: 'David Kowalski', upn: () => demo.david },
  { title: 'Brief the night shift on P2 escalation', assignee: 'Aisha Rahman', upn: () => demo.aisha },
] as const;
const refs: string[] = [];

interface Item {
  id: string;
  fields: Record<string, unknown>;
}

async function graphJson<T>(upn: string, path: string, init: RequestInit = {}): Promise<{ status: number; body: T }> {
  const res = await stack.emulator.graph(upn, path, init);
  return { status: res.status, body: (await res.json().catch(() => ({}))) as T };
}

async function itemByRef(list: string, ref: string): Promise<Item> {
  const { body } = await graphJson<{ value: Item[] }>(demo.tom, `/sites/${siteId}/lists/${list}/items?$expand=fields&$top=500`);
  const item = body.value.find((i) => i.fields.Ref === ref);
  if (!item) throw new Error(`${ref} is not in ${list}`);
  return item;
}

async function signInAt(pathname: string, name: string): Promise<void> {
  await page.context().clearCookies();
  await openSignIn(page, `${stack.appUrl}${pathname.replace(/^\//, '')}`);
  await signInAs(page, name);
}

/** The record page's status line. */
const statusIs = (status: string) => page.getByText(`The record is in “${status}”.`);

/** Makes a status change on the open record page through its dialog, and waits for the new status. */
async function move(status: string, reason?: string): Promise<void> {
  await page.getByRole('button', { name: `Move to “${status}”` }).click({ timeout: 20_000 });
  const dialog = page.getByRole('dialog');
  if (reason) await dialog.getByRole('textbox').fill(reason);
  await dialog.getByRole('button', { name: `Move to “${status}”` }).click();
  await statusIs(status)
    .waitFor({ timeout: 20_000 })
    .catch(async (e: unknown) => {
      // What the dialog or page said instead, to tell a refusal from a failure.
      const said = (await dialog.count()) ? await dialog.innerText() : await page.locator('main').innerText();
      throw new Error(`${String(e)}\n${said}`);
    });
}

/** Sets a Planner task's progress as `upn`, with the task's eTag, as Planner's own client would. */
async function completeInPlanner(upn: string, taskId: string): Promise<void> {
  const task = await graphJson<Record<string, unknown>>(upn, `/planner/tasks/${taskId}`);
  expect(task.status).toBe(200);
  const res = await stack.emulator.graph(upn, `/planner/tasks/${taskId}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', 'If-Match': String(task.body['@odata.etag']) },
    body: JSON.stringify({ percentComplete: 100 }),
  });
  expect(res.status).toBeLessThan(300);
}

/** The action card of `ref` on the record page. */
const actionCard = (ref: string) => page.getByRole('article', { name: new RegExp(`^${ref} `) });

beforeAll(async () => {
  stack = await startAppStack();
  await ensureDemoContent({ origin: stack.emulator.origin, graphBaseUrl: stack.emulator.graphBaseUrl, log: () => undefined });
  siteId = (await graphJson<{ id: string }>(demo.tom, '/sites/kestrelms.sharepoint.com:/sites/KestrelSMS')).body.id;
  browser = await launchBrowser();
  page = browser.page;
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

describe('a nonconformity and its actions in Chromium', () => {
  it(`Marcus raises ${NC_REF} with two actions, each a Planner task`, async () => {
    await signInAt('/registers/nonconformities/new', 'Marcus Chen');
    await page.getByRole('heading', { name: 'New record: Nonconformities' }).waitFor({ timeout: 20_000 });
    await page.getByLabel('Title').fill(NC_TITLE);
    await page.getByLabel('Owner').selectOption({ label: 'Marcus Chen' });
    await page.getByRole('combobox', { name: /^Source/ }).selectOption('Self-identified');
    await page.getByLabel('Grade').selectOption('Minor');
    await page.getByLabel('Requirement not met').fill('P2 incidents are escalated to the on-call engineer within 30 minutes, day and night.');
    await page.getByLabel('Correction', { exact: true }).fill('The three open P2 incidents were escalated by hand.');
    await page.getByLabel('Root cause', { exact: true }).fill('The night rota was not loaded into the ITSM escalation rules after the October change.');
    await page.getByLabel('Extent of condition').selectOption('None found');
    await page.getByLabel('Effectiveness criteria').fill('Every P2 at night escalated within 30 minutes for four weeks.');
    await expectAccessible(page, 'New nonconformity (Marcus)');
    await page.getByRole('button', { name: 'Create record' }).click();
    await page.getByRole('heading', { name: `${NC_REF}: ${NC_TITLE}` }).waitFor({ timeout: 30_000 });
    ncPath = new URL(page.url()).pathname;
    await statusIs('Reported').waitFor();

    for (const [i, a] of ACTIONS.entries()) {
      await page.getByRole('button', { name: 'Raise action', exact: true }).click({ timeout: 20_000 });
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Title').fill(a.title);
      await dialog.getByLabel('Type').selectOption('Corrective action');
      await dialog.getByLabel('Assignee').selectOption(a.upn().toLowerCase());
      const due = new Date(Date.now() + (14 + 7 * i) * 86_400_000).toISOString().slice(0, 10);
      await dialog.getByLabel('Due date').fill(due);
      if (i === 0) await expectAccessible(page, 'Raise action dialog (Marcus)');
      await dialog.getByRole('button', { name: 'Raise action' }).click();
      const done = page.getByText(new RegExp(`^(ACT-\\d+) was raised and assigned to ${a.assignee} in Planner\\.$`));
      await done.waitFor({ timeout: 30_000 });
      await dialog.waitFor({ state: 'detached' });
      refs.push(/^(ACT-\d+)/.exec(await done.innerText())![1]!);
    }
    for (const ref of refs) await actionCard(ref).waitFor();
    await screenshot(page, 'actions-nc-raised');

    // Each action is an item of the Actions list with its Planner task, assigned to its assignee.
    for (const [i, ref] of refs.entries()) {
      const item = await itemByRef('Actions', ref);
      expect(item.fields).toMatchObject({ SourceType: 'Nonconformity', SourceRef: NC_REF, Status: 'Not started', AssignedToUPN: ACTIONS[i]!.upn() });
      const task = await graphJson<{ title: string; assignments: Record<string, unknown> }>(ACTIONS[i]!.upn(), `/planner/tasks/${String(item.fields.PlannerTaskId)}`);
      expect(task.status).toBe(200);
      expect(task.body.title).toBe(`[${ref}] ${ACTIONS[i]!.title}`);
    }
    expect(browser.errors).toEqual([]);
  });

  it('goes through review, containment, root cause and plan approval, each step by whoever the rules name', async () => {
    await signInAt(ncPath, 'Tom Whitaker');
    await move('Under review');
    await move('Containment');
    await signInAt(ncPath, 'Marcus Chen');
    await move('Root cause analysis');
    await move('Action planned');
    await signInAt(ncPath, 'Tom Whitaker');
    await move('Actions in progress');
    await expectAccessible(page, `${NC_REF} in progress (Tom)`);
    expect(browser.errors).toEqual([]);
  });

  it('David completes his task in Planner; Marcus sees the progress on the nonconformity', async () => {
    const first = await itemByRef('Actions', refs[0]!);
    await completeInPlanner(demo.david, String(first.fields.PlannerTaskId));

    await signInAt(ncPath, 'Marcus Chen');
    await page.getByText(`Progress taken from Planner: ${refs[0]}`).waitFor({ timeout: 30_000 });
    await actionCard(refs[0]!).getByText('Completed', { exact: true }).waitFor();
    await actionCard(refs[1]!).getByText('Not started', { exact: true }).waitFor();
    await statusIs('Actions in progress').waitFor();
    await expectAccessible(page, `${NC_REF} with one action done (Marcus)`);
    await screenshot(page, 'actions-nc-progress');
    expect((await itemByRef('Actions', refs[0]!)).fields.Status).toBe('Completed');
    expect(browser.errors).toEqual([]);
  });

  it('Aisha completes hers; the nonconformity moves to the effectiveness check, which Marcus, its owner, cannot close', async () => {
    const second = await itemByRef('Actions', refs[1]!);
    await completeInPlanner(demo.aisha, String(second.fields.PlannerTaskId));

    await signInAt(ncPath, 'Marcus Chen');
    await page.getByText(`All actions done, moved to effectiveness check: ${NC_REF}`).waitFor({ timeout: 30_000 });
    await statusIs('Effectiveness check').waitFor({ timeout: 20_000 });
    await actionCard(refs[1]!).getByText('Completed', { exact: true }).waitFor();
    // He may not close it: no button, and the page says why.
    await page.getByRole('listitem').filter({ hasText: /^Closed — / }).getByText("The nonconformity's owner cannot verify its effectiveness or close it (segregation of duties).").waitFor();
    expect(await page.getByRole('button', { name: 'Move to “Closed”' }).count()).toBe(0);
    await expectAccessible(page, `${NC_REF} at the effectiveness check (Marcus)`);
    await screenshot(page, 'actions-nc-owner-cannot-close');
    const nc = await itemByRef('Nonconformities', NC_REF);
    expect(nc.fields.Status).toBe('Effectiveness check');
    expect(nc.fields.EffectivenessResult ?? null).toBeNull();
    expect(browser.errors).toEqual([]);
  });

  it('Tom verifies both actions and closes the nonconformity; npm run verify finds the site clean', async () => {
    for (const [i, ref] of refs.entries()) {
      await signInAt(`/actions/${ref}`, 'Tom Whitaker');
      await page.getByRole('heading', { name: new RegExp(`^Action ${ref}`) }).waitFor({ timeout: 20_000 });
      await page.getByRole('button', { name: 'Verify', exact: true }).click({ timeout: 20_000 });
      if (i === 0) await expectAccessible(page, `Verify ${ref} (Tom)`);
      await page.getByRole('dialog').getByRole('button', { name: 'Verify', exact: true }).click();
      await page.getByText(`${ref} is verified.`).waitFor({ timeout: 20_000 });
    }
    await signInAt(ncPath, 'Tom Whitaker');
    await move('Closed', 'Sampled four weeks of night P2 incidents: every one escalated within 30 minutes.');
    await expectAccessible(page, `${NC_REF} closed (Tom)`);
    await screenshot(page, 'actions-nc-closed');

    const nc = await itemByRef('Nonconformities', NC_REF);
    expect(nc.fields).toMatchObject({ Status: 'Closed', EffectivenessResult: 'Effective' });
    for (const ref of refs) expect((await itemByRef('Actions', ref)).fields.Status).toBe('Verified');

    const lines: string[] = [];
    const code = await runVerify(['--site', `${stack.emulator.origin}/sites/KestrelSMS`], {}, (l) => lines.push(l));
    expect(lines.filter((l) => l.startsWith(NC_REF) || refs.some((r) => l.startsWith(r))), lines.join('\n')).toEqual([]);
    expect(code, lines.join('\n')).toBe(0);
    expect(browser.errors).toEqual([]);
  });
});
