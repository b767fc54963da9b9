import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { PROJECT_ROOT } from './processes.js';

/**
 * Browser helpers for e2e tests: Debian's Chromium driven by playwright-core (launched as
 * ../shared/stack-notes.md prescribes), demo sign-in, screenshots and axe checks.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = path.join(PROJECT_ROOT, 'test-results');

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface BrowserSession {
  context: BrowserContext;
  page: Page;
  /** Uncaught page errors and `console.error` messages seen so far. */
  errors: string[];
  /** Every console message the page printed (to check that no secret is ever logged). */
  consoleMessages: string[];
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** BCP 47 tag the page sees as `navigator.language` (default `en-GB`). */
  locale?: string;
  colorScheme?: 'light' | 'dark';
}

/** Launches Chromium with a fresh profile directory (removed on close) and returns its first page. */
export async function launchBrowser(options: LaunchOptions = {}): Promise<BrowserSession> {
  try {
    await fs.access(CHROMIUM_PATH);
  } catch {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: run apt-get update && apt-get install -y chromium`);
  }
  const profileDir = await fs.mkdtemp(path.join(os.tmpdir(), 'sms365-chromium-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    locale: options.locale ?? 'en-GB',
    colorScheme: options.colorScheme ?? 'light',
    viewport: { width: 1280, height: 900 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  const consoleMessages: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    consoleMessages.push(m.text());
    if (m.type() === 'error') errors.push(m.text());
  });
  return {
    context,
    page,
    errors,
    consoleMessages,
    async close() {
      await context.close();
      await fs.rm(profileDir, { recursive: true, force: true });
    },
  };
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Opens the app and waits for the demo-user sign-in list. */
export async function openSignIn(page: Page, appUrl: string): Promise<void> {
  await page.goto(appUrl);
  await page.getByRole('list', { name: 'Demo users' }).waitFor();
}

/**
 * Signs in as a demo user from the sign-in page (by keyboard, like a user would: focus the
 * button, press Enter) and waits for the app shell: the main navigation, with the user's roles
 * read from Graph (the navigation's "loading roles" status line has gone).
 */
export async function signInAs(page: Page, displayName: string): Promise<void> {
  const button = page.getByRole('button', { name: new RegExp(`^${escapeRegExp(displayName)}\\b`) });
  await button.focus();
  await page.keyboard.press('Enter');
  await waitForShell(page, displayName);
}

/** Waits until the signed-in shell shows `displayName` and the role-dependent navigation has settled. */
export async function waitForShell(page: Page, displayName: string): Promise<void> {
  await page.getByRole('group', { name: /^(Signed-in user|已登录用户)$/ }).getByText(displayName, { exact: true }).waitFor();
  const nav = page.getByRole('navigation', { name: /^(Main|主导航)$/ });
  await nav.waitFor();
  await nav.getByRole('status').waitFor({ state: 'detached' });
}

/** The names of the main navigation's links, in order. */
export async function navigationLinks(page: Page): Promise<string[]> {
  const links = page.getByRole('navigation', { name: /^(Main|主导航)$/ }).getByRole('link');
  return (await links.allTextContents()).map((t) => t.trim());
}

/** Clicks "Sign out" and waits for the sign-in list again. */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('list', { name: 'Demo users' }).waitFor();
}

/** Saves a full-page screenshot as `test-results/<name>.png` and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await fs.mkdir(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * Runs axe on the page and fails with a readable list if there is any serious or critical
 * violation. Only Fluent's focus-trap helpers (`[data-tabster-dummy]`) are excluded.
 */
export async function expectAccessible(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).exclude('[data-tabster-dummy]').analyze();
  const blocking = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (blocking.length === 0) return;
  const report = blocking
    .map((v) => `- [${v.impact}] ${v.id}: ${v.help}\n${v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary ?? ''}`).join('\n')}`)
    .join('\n');
  throw new Error(`axe found ${blocking.length} serious/critical violation(s) on ${what}:\n${report}`);
}
