import { describe, expect, it } from 'vitest';
// eslint-disable-next-line no-restricted-imports
import en from '../../app/i18n/en.json';
// eslint-disable-next-line no-restricted-imports
import zh from '../../app/i18n/zh-CN.json';
import { REFUSAL_CODES, refuse } from './refusals.js';

describe('refusals', () => {
  it('carries params only when there are some', () => {
    expect(refuse('reasonRequired')).toEqual({ code: 'reasonRequired' });
    expect(refuse('fieldRequired', { column: 'Grade' })).toEqual({ code: 'fieldRequired', params: { column: 'Grade' } });
  });

  it('has an English and a Chinese text for every refusal code, using the same params', () => {
    const catalogs = [en as Record<string, string>, zh as Record<string, string>];
    expect(new Set(REFUSAL_CODES).size).toBe(REFUSAL_CODES.length);
    for (const code of REFUSAL_CODES) {
      const [english, chinese] = catalogs.map((c) => c[`registers.refusal.${code}`]);
      expect(english, code).toBeTruthy();
      expect(chinese, code).toBeTruthy();
      const params = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
      expect(params(chinese!), code).toEqual(params(english!));
    }
  });
});
