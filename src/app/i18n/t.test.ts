import { afterEach, describe, expect, it } from 'vitest';
import en from './en.json';
import zhCN from './zh-CN.json';
import { pickLanguage, setLanguage, t } from './t.js';

afterEach(() => setLanguage('en'));

describe('t()', () => {
  it('has a zh-CN translation for every English string, and no extra keys', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
  });

  it('keeps the same {slots} in both languages', () => {
    const slots = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, value] of Object.entries(en)) {
      expect(slots(zhCN[key as keyof typeof zhCN]), key).toEqual(slots(value));
    }
  });

  it('fills slots and switches language', () => {
    expect(t('me.signedInAs', { name: 'Priya Nair', upn: 'priya@x' })).toBe('Signed in as Priya Nair (priya@x)');
    setLanguage('zh-CN');
    expect(t('me.signOut')).toBe('注销');
  });

  it('maps browser language tags', () => {
    expect(pickLanguage('zh-Hans-CN')).toBe('zh-CN');
    expect(pickLanguage('en-GB')).toBe('en');
    expect(pickLanguage('pt-PT')).toBe('en');
    expect(pickLanguage(undefined)).toBe('en');
  });
});
