import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import en from '../../src/app/i18n/en.json';
import zhCN from '../../src/app/i18n/zh-CN.json';
import { startAppStack, type AppStack } from '../support/processes.js';
import { launchBrowser, type BrowserSession } from '../support/browser.js';

/**
 * Only English is in the first download; the Chinese catalog is its own chunk, fetched when the
 * language is asked for (src/app/i18n/i18n.ts). A Chinese user must never see English first, and
 * an English user must not download the Chinese strings.
 */
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

/** English strings the boot screen, the frame and the sign-in page show before anything else. */
const EARLY_ENGLISH = [en['boot.loading'], en['shell.skipToContent'], en['app.fullName'], en['language.label']];

/** Records, from the first byte on, every early English string that ever appears in the page. */
async function watchForEnglish(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript((strings: string[]) => {
    const seen = new Set<string>();
    (window as unknown as { englishSeen: Set<string> }).englishSeen = seen;
    new MutationObserver(() => {
      const text = document.body?.textContent ?? '';
      for (const s of strings) if (text.includes(s)) seen.add(s);
    }).observe(document, { childList: true, subtree: true, characterData: true });
  }, EARLY_ENGLISH);
  return () => page.evaluate(() => [...(window as unknown as { englishSeen: Set<string> }).englishSeen]);
}

/** The paths of the JS files the page fetched whose name says they are the zh-CN catalog. */
function zhChunkRequests(page: Page): string[] {
  const paths: string[] = [];
  page.on('request', (r) => {
    const p = new URL(r.url()).pathname;
    if (/\/assets\/zh-CN-[^/]*\.js$/.test(p)) paths.push(p);
  });
  return paths;
}

describe('the Chinese catalog, loaded on demand', () => {
  it('a Chinese browser fetches it before showing anything, and never shows English first', async () => {
    browser = await launchBrowser({ locale: 'zh-CN' });
    const { page } = browser;
    const english = await watchForEnglish(page);
    const chunks = zhChunkRequests(page);
    await page.goto(stack.appUrl);
    await page.getByRole('list', { name: zhCN['signIn.usersLabel'] }).waitFor();
    expect(await english()).toEqual([]);
    expect(chunks).toHaveLength(1);
    expect(browser.errors).toEqual([]);
  });

  it('an English browser does not fetch it until the user switches to Chinese', async () => {
    browser = await launchBrowser({ locale: 'en-GB' });
    const { page } = browser;
    const english = await watchForEnglish(page);
    const chunks = zhChunkRequests(page);
    await page.goto(stack.appUrl);
    await page.getByRole('list', { name: en['signIn.usersLabel'] }).waitFor();
    // The watcher does see English when it is shown (so the empty lists above and below mean something).
    expect(await english()).toContain(en['language.label']);
    expect(chunks).toEqual([]);
    await page.getByLabel(en['language.label']).selectOption({ label: zhCN['language.zh-CN'] });
    await page.getByRole('list', { name: zhCN['signIn.usersLabel'] }).waitFor();
    expect(chunks).toHaveLength(1);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
  });

  it('the privacy page with ?locale=zh-CN appears in Chinese only', async () => {
    browser = await launchBrowser({ locale: 'en-GB' });
    const { page } = browser;
    const english = await watchForEnglish(page);
    await page.goto(new URL('/privacy?locale=zh-CN', stack.appUrl).href);
    await page.getByRole('heading', { level: 1, name: zhCN['tabs.privacy.heading'] }).waitFor();
    expect(await english()).toEqual([]);
  });
});
