import { describe, expect, it } from 'vitest';
// eslint-disable-next-line no-restricted-imports
import en from '../../app/i18n/en.json';
// eslint-disable-next-line no-restricted-imports
import zh from '../../app/i18n/zh-CN.json';
import { DOMAIN_VALIDATION_CODES, recordIssues } from './validation.js';

describe('recordIssues', () => {
  it('keeps ratings and scores whole numbers from 1 to 5', () => {
    expect(recordIssues('risks', { Likelihood: 6, Impact: 2.5, ResidualLikelihood: null })).toEqual([
      { column: 'Likelihood', code: 'ratingRange', params: { min: 1, max: 5 } },
      { column: 'Impact', code: 'ratingRange', params: { min: 1, max: 5 } },
    ]);
    expect(recordIssues('improvements', { EffortScore: 0 })).toEqual([{ column: 'EffortScore', code: 'ratingRange', params: { min: 1, max: 5 } }]);
    expect(recordIssues('risks', { Likelihood: 5, Impact: 1 })).toEqual([]);
  });

  it('keeps end dates on or after start dates', () => {
    expect(recordIssues('serviceAgreements', { StartDate: '2026-02-01', EndDate: '2026-01-31' })).toEqual([{ column: 'EndDate', code: 'dateOrder', params: { other: 'StartDate' } }]);
    expect(recordIssues('serviceAgreements', { StartDate: '2026-02-01', EndDate: '2026-02-01' })).toEqual([]);
    expect(recordIssues('competenceRecords', { CompletedOn: '2026-05-01', ExpiresOn: '2026-04-30' })).toEqual([{ column: 'ExpiresOn', code: 'dateOrder', params: { other: 'CompletedOn' } }]);
    expect(recordIssues('suppliers', { ContractStart: '2026-05-01', ContractEnd: null })).toEqual([]);
    expect(recordIssues('nonconformities', { RaisedOn: '2026-05-01', ClosedOn: '2026-04-01' })).toEqual([{ column: 'ClosedOn', code: 'dateOrder', params: { other: 'RaisedOn' } }]);
  });

  it('refuses negative costs and durations', () => {
    expect(recordIssues('improvements', { CostEstimate: -1 })).toEqual([{ column: 'CostEstimate', code: 'notNegative' }]);
    expect(recordIssues('services', { RTOHours: -4 })).toEqual([{ column: 'RTOHours', code: 'notNegative' }]);
  });

  it('keeps a residual rating no worse than the inherent one and treatments to their kind of risk', () => {
    expect(recordIssues('risks', { Likelihood: 2, Impact: 2, ResidualLikelihood: 3, ResidualImpact: 2 })).toEqual([{ column: 'ResidualImpact', code: 'residualAboveInherent' }]);
    expect(recordIssues('risks', { RiskKind: 'Threat', TreatmentOption: 'Exploit' })).toEqual([{ column: 'TreatmentOption', code: 'treatmentNotForThreat' }]);
    expect(recordIssues('risks', { RiskKind: 'Opportunity', TreatmentOption: 'Reduce' })).toEqual([{ column: 'TreatmentOption', code: 'treatmentNotForOpportunity' }]);
    expect(recordIssues('risks', { RiskKind: 'Opportunity', TreatmentOption: 'Exploit' })).toEqual([]);
    expect(recordIssues('risks', { RiskKind: 'Threat', TreatmentOption: 'Transfer/Share' })).toEqual([]);
  });

  it('has an English and a Chinese text for every code', () => {
    for (const code of DOMAIN_VALIDATION_CODES) {
      expect((en as Record<string, string>)[`registers.validation.${code}`], code).toBeTruthy();
      expect((zh as Record<string, string>)[`registers.validation.${code}`], code).toBeTruthy();
    }
  });
});
