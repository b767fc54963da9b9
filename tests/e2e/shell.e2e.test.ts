import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startAppStack, type AppStack } from '../support/processes.js';
import { expectAccessible, launchBrowser, navigationLinks, openSignIn, screenshot, signInAs, waitForShell, type BrowserSession } from '../support/browser.js';
import { demo } from '../support/emulator.js';
import { createGraphClient } from '../../graph/core/client.js';
import { getSiteByUrl } from '../../graph/sites/sites.js';
import { addHomeItem, createHomeLists, homeAckRequest } from '../support/homeFixtures.js';
import { getMe } from '../../graph/directory/me.js';

/**
 * The app shell in Chromium against the built app and an emulator: role-based navigation for
 * Priya Nair (document controller, process owner, internal auditor) and Jack Turner (employee),
 * the language switch, light and dark, Home's counts from one $batch, and axe on every screen.
 */
let stack: AppStack;
let browser: BrowserSession | undefined;

const EVERYONE = ['Home', 'Documents', 'Acknowledgements', 'Registers', 'Actions'];
const PRIYA = [...EVERYONE, 'Reviews', 'Audits', 'Compliance'];

function inDays(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

beforeAll(async () => {
  stack = await startAppStack();
  // The SMS lists Home reads, with a little of Priya's work in them (provisioning proper is another module's job).
  const tom = createGraphClient({ baseUrl: stack.emulator.graphBaseUrl, getToken: () => stack.emulator.token(demo.tom) });
  const siteId = (await getSiteByUrl(tom, 'https://kestrelms.sharepoint.com/sites/KestrelSMS')).id!;
  await createHomeLists(tom, siteId);
  const priyaId = (await getMe(createGraphClient({ baseUrl: stack.emulator.graphBaseUrl, getToken: () => stack.emulator.token(demo.priya) }))).id!;
  for (const release of [1, 2]) await addHomeItem(tom, siteId, 'ackRequests', homeAckRequest({ userId: priyaId, upn: demo.priya }, release));
  await addHomeItem(tom, siteId, 'actions', { Title: 'Review supplier SLAs', AssignedToUPN: demo.priya, Status: 'Not started' });
  await addHomeItem(tom, siteId, 'managementReviews', { Title: 'Management review Q3', MeetingDate: inDays(21), Status: 'Planned' });
  await addHomeItem(tom, siteId, 'audits', { Title: 'Incident management audit', PlannedStart: inDays(7), Status: 'Scheduled' });
});
afterAll(async () => {
  await stack.close();
});
afterEach(async () => {
  await browser?.close();
  browser = undefined;
});

const card = (name: string) => browser!.page.getByRole('region', { name });
const countOf = async (name: string) => (await card(name).getByText(/^\d+\+?$/).textContent())?.trim();

describe('app shell in Chromium', () => {
  it('Priya Nair (document controller) sees her areas and her real counts after two $batch round trips; accessible in light', async () => {
    browser = await launchBrowser({ colorScheme: 'light' });
    const { page } = browser;
    await openSignIn(page, stack.appUrl);
    await expectAccessible(page, 'the sign-in page (light)');
    await fetch(`${stack.emulator.origin}/_dev/requests`, { method: 'DELETE' });

    await signInAs(page, 'Priya Nair');
    expect(await navigationLinks(page)).toEqual(PRIYA);
    await card('My pending acknowledgements').waitFor();
    expect(await countOf('My pending acknowledgements')).toBe('2');
    expect(await countOf('My open actions')).toBe('1');
    expect(await countOf('Upcoming management reviews')).toBe('1');
    expect(await countOf('Upcoming audits')).toBe('1');

    const roundTrips = stack.emulator.emulator.emu.requests.list().filter((r) => !r.inBatch);
    // After sign-in: one $batch for who she is, her groups and the site, then one $batch of counts.
    expect(roundTrips.filter((r) => r.path.startsWith('/v1.0/')).map((r) => `${r.method} ${r.path}`)).toEqual(['POST /v1.0/$batch', 'POST /v1.0/$batch']);

    await expectAccessible(page, 'Home (Priya, light)');
    await screenshot(page, 'shell-home-priya-light');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Compliance' }).click();
    await page.getByRole('heading', { level: 1, name: 'Compliance' }).waitFor();
    await expectAccessible(page, 'the Compliance placeholder');
    await screenshot(page, 'shell-compliance-placeholder');

    expect(await page.evaluate(() => ({ local: localStorage.length, session: sessionStorage.length }))).toEqual({ local: 0, session: 0 });
    expect(browser.errors).toEqual([]);
  });

  it('Jack Turner (employee) has no Reviews, Audits or Compliance, and is told so at their address', async () => {
    browser = await launchBrowser();
    const { page } = browser;
    await openSignIn(page, `${stack.appUrl}audits`);
    await signInAs(page, 'Jack Turner');
    expect(await navigationLinks(page)).toEqual(EVERYONE);
    await page.getByText('Not available for your role').waitFor();
    await expectAccessible(page, 'the not-available message (Jack)');
    await screenshot(page, 'shell-jack-audits-not-available');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).click();
    await card('Upcoming audits').waitFor();
    expect(await countOf('My pending acknowledgements')).toBe('0');
    expect(await card('Upcoming audits').getByRole('link').count()).toBe(0);
    await expectAccessible(page, 'Home (Jack)');
    await screenshot(page, 'shell-home-jack');
    expect(browser.errors).toEqual([]);
  });

  it('switches to 中文 and shows Chinese navigation; accessible in dark', async () => {
    browser = await launchBrowser({ colorScheme: 'dark' });
    const { page } = browser;
    await openSignIn(page, stack.appUrl);
    await signInAs(page, 'Priya Nair');
    await card('My pending acknowledgements').waitFor();
    await expectAccessible(page, 'Home (Priya, dark)');
    await screenshot(page, 'shell-home-priya-dark');

    await page.getByLabel('Language').selectOption({ label: '中文（简体）' });
    await page.getByRole('navigation', { name: '主导航' }).waitFor();
    expect(await navigationLinks(page)).toEqual(['首页', '文件', '阅读确认', '登记册', '措施', '管理评审', '审核', '合规']);
    await page.getByRole('heading', { level: 1, name: '欢迎，Priya Nair' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await waitForShell(page, 'Priya Nair');
    await expectAccessible(page, 'Home in Chinese (dark)');
    await screenshot(page, 'shell-home-priya-zh-dark');
    expect(browser.errors).toEqual([]);
  });
});
