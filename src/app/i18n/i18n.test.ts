import { describe, expect, it, vi } from 'vitest';
import en from './en.json';
import zhCN from './zh-CN.json';
import { createI18n, pickLanguage } from './i18n.js';

describe('catalogs', () => {
  it('has a zh-CN translation for every English string, and no extra keys', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
  });

  it('keeps the same {{slots}} in both languages', () => {
    const slots = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const [key, value] of Object.entries(en)) {
      expect(slots(zhCN[key as keyof typeof zhCN]), key).toEqual(slots(value));
    }
  });

  it('really translates: Chinese strings differ from English except names and numbers', () => {
    const same = Object.keys(en).filter((k) => en[k as keyof typeof en] === zhCN[k as keyof typeof zhCN]);
    expect(same.sort()).toEqual(['app.name', 'home.countMore', 'language.en', 'language.zh-CN']);
  });
});

describe('createI18n', () => {
  it('fills slots, switches language, and sets the document language', async () => {
    const i18n = createI18n('en');
    expect(i18n.t('home.signedInAs', { name: 'Priya Nair', upn: 'priya@x' })).toBe('Signed in as Priya Nair (priya@x)');
    expect(document.documentElement.lang).toBe('en');
    await i18n.changeLanguage('zh-CN');
    expect(i18n.t('shell.signOut')).toBe('注销');
    expect(document.documentElement.lang).toBe('zh-CN');
  });

  it('keeps instances apart', () => {
    const a = createI18n('zh-CN');
    const b = createI18n('en');
    expect(a.t('nav.home')).toBe('首页');
    expect(b.t('nav.home')).toBe('Home');
  });
});

/**
 * The test setup (tests/support/i18nCatalogs.ts) has already fetched zh-CN for this module; a
 * fresh copy of it starts as a page does, with only English in the bundle.
 */
async function freshI18nModule(): Promise<typeof import('./i18n.js')> {
  vi.resetModules();
  return import('./i18n.js');
}

describe('catalogs loaded on demand', () => {
  it('fetches zh-CN before showing it: ensureLanguage resolves with the Chinese strings in place', async () => {
    const fresh = await freshI18nModule();
    const i18n = fresh.createI18n('zh-CN');
    expect(fresh.languageReady(i18n)).toBe(false);
    await fresh.ensureLanguage(i18n, 'zh-CN');
    expect(fresh.languageReady(i18n)).toBe(true);
    expect(i18n.resolvedLanguage).toBe('zh-CN');
    expect(i18n.t('nav.home')).toBe(zhCN['nav.home']);
  });

  it('keeps English until changeLanguage has fetched the new catalog, then switches', async () => {
    const fresh = await freshI18nModule();
    const i18n = fresh.createI18n('en');
    expect(fresh.languageReady(i18n)).toBe(true);
    const switching = i18n.changeLanguage('zh-CN');
    expect(i18n.language).toBe('en');
    expect(i18n.t('shell.signOut')).toBe(en['shell.signOut']);
    await switching;
    expect(i18n.language).toBe('zh-CN');
    expect(i18n.t('shell.signOut')).toBe(zhCN['shell.signOut']);
  });

  it('starts ready, without waiting, in a language already fetched in the page', async () => {
    const fresh = await freshI18nModule();
    await fresh.preloadLanguage('zh-CN');
    const i18n = fresh.createI18n('zh-CN');
    expect(fresh.languageReady(i18n)).toBe(true);
    expect(i18n.t('nav.home')).toBe(zhCN['nav.home']);
  });
});

describe('pickLanguage', () => {
  it('maps Teams and browser language tags', () => {
    expect(pickLanguage('zh-Hans-CN')).toBe('zh-CN');
    expect(pickLanguage('zh-cn')).toBe('zh-CN');
    expect(pickLanguage('en-GB')).toBe('en');
    expect(pickLanguage('pt-PT')).toBe('en');
    expect(pickLanguage(undefined)).toBe('en');
  });
});
