import { describe, expect, it } from 'vitest';
import en from '../../../app/i18n/en.json';
import zhCN from '../../../app/i18n/zh-CN.json';
import { createI18n } from '../../../app/i18n/i18n.js';
import { REGISTERS } from '../services/catalog.js';
import { columnLabel, issueText, refusalText, registerName, statusLabel } from './labels.js';

const catalogs = { en: en as Record<string, string>, zh: zhCN as Record<string, string> };

describe('register labels', () => {
  it('names every register, column and status of the catalog in English and Chinese', () => {
    for (const config of REGISTERS) {
      for (const [lang, c] of Object.entries(catalogs)) {
        expect(c[`registers.name.${config.key}`], `${lang} name ${config.key}`).toBeTruthy();
        for (const column of config.schema.columns) expect(c[`registers.column.${column.name}`], `${lang} column ${column.name}`).toBeTruthy();
        for (const s of config.schema.statuses ?? []) expect(c[`registers.status.${s}`], `${lang} status ${s}`).toBeTruthy();
      }
    }
  });

  it('falls back to the schema’s display name and the stored status when the catalogs lack them', () => {
    const t = createI18n('zh-CN').t;
    expect(columnLabel(t, { name: 'NotInCatalog', displayName: 'Not in catalog' })).toBe('Not in catalog');
    expect(columnLabel(t, { name: 'Owner', displayName: 'Owner' })).toBe('负责人');
    expect(statusLabel(t, 'Some new status')).toBe('Some new status');
    expect(registerName(t, { key: 'nonconformities', displayName: 'Nonconformities' })).toBe('不符合项');
  });

  it('words a refusal and a validation problem with translated statuses and column names', () => {
    const t = createI18n('en').t;
    expect(refusalText(t, { code: 'transitionNotAllowed', params: { from: 'Root cause analysis', to: 'Closed' } })).toBe('This record cannot go from Root cause analysis to Closed.');
    expect(refusalText(t, { code: 'columnNotEditable', params: { column: 'EffectivenessResult' } })).toBe('You cannot change Effectiveness result.');
    const risks = REGISTERS.find((r) => r.key === 'risks')!.schema;
    expect(issueText(t, risks, { column: 'Likelihood', code: 'tooLarge', params: { max: 5 } })).toBe('Likelihood must be at most 5.');
    expect(refusalText(t, { code: 'someFutureCode' })).toBe('The rules do not allow this (someFutureCode).');
  });
});
