import { describe, expect, it } from 'vitest';
import { deriveValues } from './derive.js';
import { DEFAULT_REGISTER_SETTINGS } from './types.js';

describe('deriveValues', () => {
  it('computes a risk’s scores and whether the owner may accept its residual', () => {
    expect(deriveValues('risks', { Likelihood: 4, Impact: 5, ResidualLikelihood: 2, ResidualImpact: 3, Title: 'Ransomware' })).toEqual({
      Likelihood: 4,
      Impact: 5,
      ResidualLikelihood: 2,
      ResidualImpact: 3,
      Title: 'Ransomware',
      InherentScore: 20,
      ResidualScore: 6,
      WithinAcceptance: true,
    });
    expect(deriveValues('risks', { Likelihood: 4, Impact: 4, ResidualLikelihood: 3, ResidualImpact: 3 })).toMatchObject({ InherentScore: 16, ResidualScore: 9, WithinAcceptance: false });
  });

  it('uses the inherent score while untreated, and nulls without ratings', () => {
    expect(deriveValues('risks', { Likelihood: 2, Impact: 3 })).toMatchObject({ InherentScore: 6, ResidualScore: 6, WithinAcceptance: true });
    expect(deriveValues('risks', { Likelihood: null })).toMatchObject({ InherentScore: null, ResidualScore: null, WithinAcceptance: null });
  });

  it('reads the acceptance limit from the settings it is given', () => {
    expect(deriveValues('risks', { Likelihood: 2, Impact: 4 }, { ...DEFAULT_REGISTER_SETTINGS, ownerMaxScore: 8 })).toMatchObject({ WithinAcceptance: true });
    expect(deriveValues('risks', { Likelihood: 2, Impact: 4 })).toMatchObject({ WithinAcceptance: false });
  });

  it('computes an improvement’s priority', () => {
    expect(deriveValues('improvements', { BenefitScore: 4, RiskReductionScore: 2, CustomerImpactScore: 4, EffortScore: 3 })).toMatchObject({ PriorityScore: 14 });
    expect(deriveValues('improvements', { BenefitScore: 4 })).toMatchObject({ PriorityScore: null });
  });

  it('leaves other registers alone', () => {
    const values = { Title: 'x', Likelihood: 3 };
    expect(deriveValues('contextIssues', values)).toBe(values);
  });
});
