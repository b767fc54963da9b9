import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ensureDemoContent } from '../../scripts/demo/firstStart.js';
import { main as runJobs } from '../../scripts/jobs.js';
import { decideApproval, loadDocument, loadDocumentServices, startRevision, submitForReview } from '../../src/features/documents/services/index.js';
import { demo } from '../support/emulator.js';
import { expectAccessible, launchBrowser, openSignIn, screenshot, signInAs, type BrowserSession } from '../support/browser.js';
import { startAppStack, type AppStack } from '../support/processes.js';

/**
 * Issue 11's story in Chromium against the built app and an emulator with the demo tenant:
 * 1. the daily job runs (`npm run jobs -- acknowledgements`); Jack signs in and sees SMS-POL-001 3.0 pending, and
 *    the emulator's dev view of the Teams activity feed has his notification;
 * 2. he opens the policy and acknowledges it;
 * 3. the compliance figure of SMS-POL-001 on Tom's Home rises by one (14 → 15 of 16);
 * 4. Priya starts version 4.0 and submits it, Raj reviews it and Eleanor's approval publishes it (the same verbs the
 *    document page runs), and Jack is asked again, for 4.0.
 * axe finds nothing serious on any screen.
 */
let stack: AppStack;
let browser: BrowserSession;
let page: Page;

async function signInAt(pathname: string, name: string): Promise<void> {
  await page.context().clearCookies();
  await openSignIn(page, `${stack.appUrl}${pathname}`);
  await signInAs(page, name);
}

/** Tom's Home: the line of SMS-POL-001 in the "Acknowledgement compliance" card. */
async function tomsPolicyFigure(): Promise<string> {
  await signInAt('', 'Tom Whitaker');
  const card = page.getByRole('region', { name: 'Acknowledgement compliance' });
  const line = card.getByRole('link', { name: /^SMS-POL-001 3\.0: / });
  await line.waitFor({ timeout: 20_000 });
  return (await line.innerText()).replace(/\s+/g, ' ').trim();
}

beforeAll(async () => {
  stack = await startAppStack();
  await ensureDemoContent({ origin: stack.emulator.origin, graphBaseUrl: stack.emulator.graphBaseUrl, log: () => undefined });
  browser = await launchBrowser();
  page = browser.page;
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

describe('policy acknowledgement in Chromium', () => {
  it('the daily job notifies Jack, who sees SMS-POL-001 3.0 pending; the dev view shows the notification', async () => {
    const lines: string[] = [];
    expect(await runJobs(['acknowledgements', '--site', `${stack.emulator.origin}/sites/KestrelSMS`], {}, (l) => lines.push(l))).toBe(0);
    expect(lines.some((l) => l.startsWith('SMS-POL-001 3.0'))).toBe(true);

    // The dev view, in a tab of its own (the emulator serves no favicon, which the browser reports as an error).
    const devView = await browser.context.newPage();
    await devView.goto(`${stack.emulator.origin}/_dev/notifications.html`);
    await devView.getByText(/Jack Turner/).first().waitFor();
    await screenshot(devView, 'acknowledgements-dev-notifications');
    await devView.close();
    const notices = (await (await fetch(`${stack.emulator.origin}/_dev/notifications?recipient=${encodeURIComponent(demo.jack)}`)).json()) as { activityType: string; text: string; topic: { value: string; webUrl: string } }[];
    const policy = notices.find((n) => n.topic.value === 'SMS-POL-001 3.0');
    expect(policy).toMatchObject({ activityType: 'acknowledgementRequested' });
    expect(policy!.topic.webUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/entity\//);

    await signInAt('acknowledgements', 'Jack Turner');
    const pending = page.getByRole('region', { name: /^To acknowledge/ });
    await pending.waitFor({ timeout: 20_000 });
    await pending.getByRole('article', { name: /^SMS-POL-001 / }).getByText('3.0', { exact: false }).first().waitFor();
    await expectAccessible(page, 'My acknowledgements (Jack)');
    await screenshot(page, 'acknowledgements-jack-pending');

  });

  it("Jack acknowledges it, and SMS-POL-001's figure on Tom's Home rises by one", async () => {
    const before = await tomsPolicyFigure();
    expect(before).toContain('14 of 16 acknowledged');

    await signInAt('acknowledgements', 'Jack Turner');
    await page.getByRole('button', { name: 'Read and acknowledge SMS-POL-001 version 3.0' }).click({ timeout: 20_000 });
    await page.getByTitle('SMS-POL-001 version 3.0').waitFor({ timeout: 20_000 });
    await page.getByText(/I have read and understood version 3\.0 of SMS-POL-001/).first().waitFor();
    await page.waitForFunction(() => [...document.querySelectorAll('button')].some((b) => b.textContent === 'Acknowledge' && !b.disabled), undefined, { timeout: 20_000 });
    await expectAccessible(page, 'SMS-POL-001 3.0 open to acknowledge (Jack)');
    await page.getByRole('button', { name: 'Acknowledge', exact: true }).click();
    const history = page.getByRole('region', { name: 'Acknowledged' });
    await history.getByText(/SMS-POL-001/).first().waitFor({ timeout: 20_000 });
    await screenshot(page, 'acknowledgements-jack-done');

    const after = await tomsPolicyFigure();
    expect(after).toContain('15 of 16 acknowledged');
    await expectAccessible(page, "Tom's Home with the compliance card");
    await screenshot(page, 'acknowledgements-tom-home');
    expect(browser.errors).toEqual([]);
  });

  it('Priya starts 4.0, it is approved and published, and Jack is pending again, for 4.0', async () => {
    const site = await (await stack.emulator.graph(demo.tom, '/sites/kestrelms.sharepoint.com:/sites/KestrelSMS')).json() as { id: string; webUrl: string };
    const servicesOf = (upn: string) => loadDocumentServices(stack.emulator.client(upn), site.id, site.webUrl, upn);
    const [priya, raj, eleanor] = await Promise.all([servicesOf(demo.priya), servicesOf(demo.raj), servicesOf(demo.eleanor)]);
    const text = new TextEncoder().encode('# Service Management Policy\n\nVersion 4.0: the policy now covers the service in transition (SVC-06).\n');
    await startRevision(priya, 'SMS-POL-001', 'major', { changeSummary: 'Covers SVC-06.', file: { name: 'SMS-POL-001.md', bytes: text } });
    await submitForReview(priya, 'SMS-POL-001');
    for (const [who, upn] of [[raj, demo.raj], [eleanor, demo.eleanor]] as const) {
      const mine = (await loadDocument(who, 'SMS-POL-001')).approvals.find((a) => a.assigneeId === upn && a.decision === 'Pending');
      expect(mine, upn).toBeTruthy();
      await decideApproval(who, 'SMS-POL-001', mine!.itemId, 'Approved', null);
    }
    expect((await loadDocument(priya, 'SMS-POL-001')).state.publishedVersion).toBe('4.0');

    await signInAt('acknowledgements', 'Jack Turner');
    const pending = page.getByRole('region', { name: /^To acknowledge/ });
    await pending.waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Read and acknowledge SMS-POL-001 version 4.0' }).waitFor({ timeout: 20_000 });
    // 3.0, acknowledged, stays in his history.
    await page.getByRole('region', { name: 'Acknowledged' }).getByText(/SMS-POL-001/).first().waitFor();
    await expectAccessible(page, 'My acknowledgements after 4.0 (Jack)');
    await screenshot(page, 'acknowledgements-jack-4-0');
    expect(browser.errors).toEqual([]);
  });
});
