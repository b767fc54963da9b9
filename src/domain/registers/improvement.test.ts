import { describe, expect, it } from 'vitest';
import { decisionAuthority, priorityScore } from './improvement.js';
import { DEFAULT_REGISTER_SETTINGS } from './types.js';

describe('priorityScore', () => {
  it('reproduces the seeded demo priorities', () => {
    expect(priorityScore({ BenefitScore: 4, RiskReductionScore: 2, CustomerImpactScore: 4, EffortScore: 3 })).toBe(14);
    expect(priorityScore({ BenefitScore: 3, RiskReductionScore: 2, CustomerImpactScore: 3, EffortScore: 2 })).toBe(11);
    expect(priorityScore({ BenefitScore: 3, RiskReductionScore: 3, CustomerImpactScore: 2, EffortScore: 4 })).toBe(9);
  });

  it('rises with value, falls with effort, and stays within 0–26', () => {
    const base = { BenefitScore: 3, RiskReductionScore: 3, CustomerImpactScore: 3, EffortScore: 3 };
    expect(priorityScore({ ...base, BenefitScore: 4 })!).toBeGreaterThan(priorityScore(base)!);
    expect(priorityScore({ ...base, EffortScore: 4 })!).toBeLessThan(priorityScore(base)!);
    expect(priorityScore({ BenefitScore: 5, RiskReductionScore: 5, CustomerImpactScore: 5, EffortScore: 1 })).toBe(26);
    expect(priorityScore({ BenefitScore: 1, RiskReductionScore: 1, CustomerImpactScore: 1, EffortScore: 5 })).toBe(0);
  });

  it('is null until every score is given on the 1–5 scale', () => {
    expect(priorityScore({ BenefitScore: 3, CustomerImpactScore: 5, EffortScore: 2 })).toBeNull();
    expect(priorityScore({ BenefitScore: 6, RiskReductionScore: 3, CustomerImpactScore: 5, EffortScore: 2 })).toBeNull();
  });
});

describe('decisionAuthority', () => {
  it('leaves costs up to the threshold to the SMS manager and above it to top management', () => {
    expect(decisionAuthority(0, DEFAULT_REGISTER_SETTINGS)).toBe('smsManager');
    expect(decisionAuthority(5000, DEFAULT_REGISTER_SETTINGS)).toBe('smsManager');
    expect(decisionAuthority(5000.01, DEFAULT_REGISTER_SETTINGS)).toBe('topManagement');
    expect(decisionAuthority(12000, { ...DEFAULT_REGISTER_SETTINGS, improvementCostThreshold: 15000 })).toBe('smsManager');
  });
});
