import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startAppStack, type AppStack } from '../support/processes.js';
import { expectAccessible, launchBrowser, screenshot, waitForShell, type BrowserSession } from '../support/browser.js';
import { ensureDemoContent } from '../../scripts/demo/firstStart.js';

/**
 * Hosting in Chromium, in emulator mode: the Teams tabs with `?host=teams` (static tabs, the
 * configurable tab's configuration page and its channel tab) and the SharePoint web parts with
 * `?host=sharepoint`, each in the default, dark and high-contrast themes, with screenshots and axe;
 * and a Teams deep link to a document. One browser for the whole file. Sign-in lives in page
 * memory only, so the test signs in once per page load and moves between pages as an in-app link
 * would (history + popstate), which keeps the session.
 */
let stack: AppStack;
let browser: BrowserSession;
let page: Page;

const THEMES = ['default', 'dark', 'contrast'] as const;
type Theme = (typeof THEMES)[number];

beforeAll(async () => {
  stack = await startAppStack();
  // The demo SMS site with its documents (the document register web part shows them).
  await ensureDemoContent({ origin: stack.emulator.origin, graphBaseUrl: stack.emulator.graphBaseUrl, log: () => undefined });
  browser = await launchBrowser();
  page = browser.page;
});
afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

/** Opens `path` (a fresh page load) and signs in as Priya Nair from the demo-user list, by keyboard. */
async function openSignedIn(path: string): Promise<void> {
  await page.goto(new URL(path, stack.appUrl).href);
  const users = page.getByRole('list', { name: /^(Demo users|演示用户)$/ });
  await users.waitFor();
  await users.getByRole('button', { name: /^Priya Nair\b/ }).focus();
  await page.keyboard.press('Enter');
  await users.waitFor({ state: 'detached' });
}

/** Moves to `path` the way an in-app link does (pushState + popstate), keeping the signed-in session. */
async function go(path: string): Promise<void> {
  await page.evaluate((to) => {
    window.history.pushState(null, '', to);
    window.dispatchEvent(new PopStateEvent('popstate', { state: null }));
  }, path);
}

const h1 = (name: string | RegExp) => page.getByRole('heading', { level: 1, name });

/** Relative luminance (0 black … 1 white) of a computed CSS colour. */
function luminance(rgb: string): number {
  const [r = 0, g = 0, b = 0] = (rgb.match(/\d+(\.\d+)?/g) ?? []).map(Number).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Checks what a user sees of the theme on an element: light, dark, or black-and-white high contrast. */
async function expectTheme(selector: string, theme: Theme): Promise<void> {
  const { background, color } = await page.locator(selector).first().evaluate((el) => {
    const style = getComputedStyle(el);
    return { background: style.backgroundColor, color: style.color };
  });
  if (theme === 'contrast') {
    expect(background).toBe('rgb(0, 0, 0)');
    expect(color).toBe('rgb(255, 255, 255)');
  } else if (theme === 'dark') {
    expect(luminance(background)).toBeLessThan(0.1);
    expect(luminance(color)).toBeGreaterThan(0.8);
  } else {
    expect(luminance(background)).toBeGreaterThan(0.9);
    expect(luminance(color)).toBeLessThan(0.1);
  }
}

/** Waits for running CSS transitions (e.g. a button turning enabled) so axe sees the settled colours. */
async function settled(): Promise<void> {
  await page.evaluate(() => Promise.all(document.getAnimations().filter((a) => a.effect?.getTiming().iterations !== Infinity).map((a) => a.finished.catch(() => undefined))));
}

async function check(what: string, name: string): Promise<void> {
  await settled();
  await expectAccessible(page, what);
  await screenshot(page, name);
}

describe('Teams tabs (simulated Teams host)', () => {
  for (const theme of THEMES) {
    it(`static tabs, configuration page and channel tab in the ${theme} theme`, async () => {
      const q = `host=teams&theme=${theme}`;
      await openSignedIn(`/tab/home?${q}&sub={page.subPageId}&locale={app.locale}`);
      await waitForShell(page, 'Priya Nair');
      await h1('Welcome, Priya Nair').waitFor();
      await page.getByText(/^Simulated Teams/).waitFor();
      await page.getByRole('region', { name: 'My pending acknowledgements' }).waitFor();
      await expectTheme('header', theme);
      await check(`/tab/home (${theme})`, `hosting-teams-home-${theme}`);

      await go(`/tab/my?${q}`);
      await h1('My SMS').waitFor();
      // The Actions area's own "My actions": Priya has no action assigned in the demo.
      await page.getByRole('region', { name: 'My actions' }).getByText('No open actions').waitFor();
      await check(`/tab/my (${theme})`, `hosting-teams-my-${theme}`);

      await go(`/tab/config?${q}&team=Kestrel%20SMS&channel=Service%20desk`);
      await h1('Set up the SMS tab').waitFor();
      await page.getByText('For the channel Service desk of Kestrel SMS.').waitFor();
      await page.getByRole('radio', { name: 'One register' }).check();
      await page.getByRole('combobox', { name: 'Register' }).selectOption({ label: 'Nonconformities' });
      await page.getByText('The tab will be called “SMS register: Nonconformities”.').waitFor();
      await check(`/tab/config (${theme})`, `hosting-teams-config-${theme}`);

      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByText('Saved: the tab “SMS register: Nonconformities” is ready.').waitFor();
      await page.getByRole('link', { name: 'Open the tab' }).click();
      await h1('Nonconformities').waitFor();
      const channelTab = new URL(page.url());
      expect(channelTab.pathname).toBe('/tab/channel');
      expect(Object.fromEntries(channelTab.searchParams)).toEqual({ host: 'teams', view: 'register', list: 'nonconformities', theme });
      // The Registers area's register view of the demo's nonconformities.
      await page.getByRole('link', { name: /NC-2025-003/ }).first().waitFor();
      await check(`/tab/channel register (${theme})`, `hosting-teams-channel-register-${theme}`);

      await go(`/tab/channel?${q}&view=dashboard`);
      await h1('Welcome, Priya Nair').waitFor();
      await page.getByRole('region', { name: 'Upcoming audits' }).waitFor();
      await check(`/tab/channel dashboard (${theme})`, `hosting-teams-channel-dashboard-${theme}`);

      expect(browser.errors).toEqual([]);
    });
  }

  it('a deep link with sub=doc:SMS-POL-001 lands on the document, in the language Teams asks for', async () => {
    await openSignedIn('/tab/home?host=teams&sub=doc%3ASMS-POL-001&locale=zh-CN&theme=default');
    await page.waitForURL((url) => url.pathname === '/documents/SMS-POL-001');
    await waitForShell(page, 'Priya Nair');
    await page.getByRole('navigation', { name: '主导航' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    // The Documents area's page of that document (its own tests check the page itself).
    await h1(/^SMS-POL-001\b/).waitFor();
    await screenshot(page, 'hosting-teams-deep-link-document');
    expect(browser.errors).toEqual([]);
  });
});

describe('SharePoint web parts (?host=sharepoint)', () => {
  it('each web part in the default, dark and high-contrast themes', async () => {
    await openSignedIn('/webparts/document-register?host=sharepoint&theme=default');
    for (const theme of THEMES) {
      await page.emulateMedia({ colorScheme: theme === 'dark' ? 'dark' : 'light' });
      const q = `host=sharepoint&theme=${theme}`;

      await go(`/webparts/document-register?${q}`);
      await h1('Document register').waitFor();
      await page.getByRole('table', { name: 'Document register' }).getByText('SMS-POL-001').waitFor();
      // A web part brings no app banner or navigation of its own.
      expect(await page.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
      await expectTheme('.fui-FluentProvider:has(> main)', theme);
      await check(`document register web part (${theme})`, `hosting-webpart-document-register-${theme}`);

      await go(`/webparts/acknowledgement-status?${q}&doc=SMS-POL-001`);
      await h1('Acknowledgement status').waitFor();
      await page.getByText('Document: SMS-POL-001').waitFor();
      // The demo: 16 staff asked to acknowledge SMS-POL-001 3.0, 14 did.
      await page.getByRole('link', { name: 'SMS-POL-001 3.0: 14 of 16 acknowledged (87%)' }).waitFor();
      await check(`acknowledgement status web part (${theme})`, `hosting-webpart-acknowledgement-status-${theme}`);

      await go(`/webparts/my-acknowledgements?${q}`);
      await h1('My acknowledgements').waitFor();
      await page.getByRole('region', { name: 'Acknowledged' }).getByText('SMS-POL-001 Service Management Policy').waitFor();
      await expectTheme('.fui-FluentProvider:has(> main)', theme);
      await check(`my acknowledgements web part (${theme})`, `hosting-webpart-my-acknowledgements-${theme}`);

      await go(`/webparts/register-view?${q}&register=nonconformities`);
      await h1('Register view').waitFor();
      await page.getByText('Register: Nonconformities').waitFor();
      await check(`register view web part (${theme})`, `hosting-webpart-register-view-${theme}`);

      await go(`/webparts/my-actions?${q}`);
      await h1('My actions').waitFor();
      // The Actions area's "My actions": Priya has no action assigned in the demo.
      await page.getByText('No open actions').waitFor();
      await expectTheme('.fui-FluentProvider:has(> main)', theme);
      await check(`my actions web part (${theme})`, `hosting-webpart-my-actions-${theme}`);
    }
    expect(browser.errors).toEqual([]);
  });
});

describe('the manifest’s public pages', () => {
  it('privacy and terms open without signing in', async () => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(new URL('/privacy', stack.appUrl).href);
    await h1('Privacy').waitFor();
    expect(await page.getByRole('list', { name: 'Demo users' }).count()).toBe(0);
    await check('/privacy', 'hosting-privacy');
    await page.getByRole('link', { name: 'Terms of use' }).click();
    await h1('Terms of use').waitFor();
    expect(new URL(page.url()).pathname).toBe('/terms');
    await check('/terms', 'hosting-terms');
    expect(browser.errors).toEqual([]);
  });
});
