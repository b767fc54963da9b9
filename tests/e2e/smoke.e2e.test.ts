import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startAppStack, type AppStack } from '../support/processes.js';
import { expectAccessible, launchBrowser, openSignIn, screenshot, signInAs, signOut, type BrowserSession } from '../support/browser.js';
import { demo } from '../support/emulator.js';

let stack: AppStack;
let browser: BrowserSession | undefined;

beforeAll(async () => {
  stack = await startAppStack();
});
afterAll(async () => {
  await stack.close();
});
afterEach(async () => {
  await browser?.close();
  browser = undefined;
});

const meCalls = () => stack.emulator.emulator.emu.requests.list().filter((r) => r.method === 'GET' && r.path === '/v1.0/me');

describe('smoke: sign in to the emulator and read /me', () => {
  it('signs in as Priya Nair, signs out, signs in as Jack Turner; accessible throughout', async () => {
    browser = await launchBrowser();
    const { page } = browser;

    await openSignIn(page, stack.appUrl);
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    // The list shows every demo user with job title and role groups.
    const priyaButton = page.getByRole('button', { name: /^Priya Nair\b/ });
    expect(await priyaButton.textContent()).toContain('Quality & Compliance Coordinator');
    expect(await priyaButton.textContent()).toContain('Document controller');
    expect(await page.getByRole('list', { name: 'Demo users' }).getByRole('listitem').count()).toBe(16);
    await expectAccessible(page, 'the sign-in page');
    await screenshot(page, 'smoke-sign-in');

    await signInAs(page, 'Priya Nair');
    expect(await page.getByText(/^Signed in as /).textContent()).toBe(`Signed in as Priya Nair (${demo.priya})`);
    expect(meCalls().map((r) => r.status)).toEqual([200]);
    await expectAccessible(page, 'the signed-in page');
    await screenshot(page, 'smoke-signed-in-priya');

    // The token lives in memory only: nothing in web storage, nothing in the console.
    const stored = await page.evaluate(() => ({ local: localStorage.length, session: sessionStorage.length }));
    expect(stored).toEqual({ local: 0, session: 0 });
    expect(browser.consoleMessages.filter((m) => m.includes('eyJ'))).toEqual([]);

    await signOut(page);
    expect(await page.getByText(/^Signed in as /).count()).toBe(0);

    await signInAs(page, 'Jack Turner');
    expect(await page.getByText(/^Signed in as /).textContent()).toBe(`Signed in as Jack Turner (${demo.jack})`);
    expect(meCalls().map((r) => r.status)).toEqual([200, 200]);
    await expectAccessible(page, 'the signed-in page (Jack)');
    expect(browser.errors).toEqual([]);
  });

  it('shows an error with a retry when Graph keeps throttling, and recovers on retry', async () => {
    browser = await launchBrowser();
    const { page } = browser;
    await openSignIn(page, stack.appUrl);
    // Every request and each of graph/core's three retries is throttled.
    const faults = (patch: object) =>
      fetch(`${stack.emulator.origin}/_dev/faults`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(patch) });
    await faults({ force429Count: 1000, retryAfterSeconds: 0 });
    await page.getByRole('button', { name: /^Priya Nair\b/ }).click();
    await page.getByText('Microsoft 365 is busy').waitFor();
    await page.getByRole('main').getByText('Could not load your work from Microsoft 365.').waitFor();
    await expectAccessible(page, 'the throttled error state');
    await screenshot(page, 'smoke-me-error');

    await faults({ force429Count: 0 });
    await page.getByRole('main').getByRole('button', { name: 'Try again' }).click();
    await page.getByText(`Signed in as Priya Nair (${demo.priya})`).waitFor();
  });

  it('follows a dark colour scheme and a Chinese browser language, still accessible', async () => {
    browser = await launchBrowser({ locale: 'zh-CN', colorScheme: 'dark' });
    const { page } = browser;
    await page.goto(stack.appUrl);
    await page.getByRole('heading', { level: 1, name: '登录' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await expectAccessible(page, 'the zh-CN dark sign-in page');
    await screenshot(page, 'smoke-sign-in-zh-dark');
  });
});
