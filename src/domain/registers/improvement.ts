/**
 * Continual improvement (domain §4.4, §5.4 Improvement, clause 10.2): the priority of an opportunity
 * from its evaluation scores, and who decides it (SMS manager up to the cost threshold in SMS
 * Settings, top management above).
 */
import { numberIn } from './access.js';
import { isRiskRating } from './risk.js';
import type { RegisterSettings, Values } from './types.js';

/** The evaluation scores (1–5 each) that make up the priority. */
export const IMPROVEMENT_SCORE_COLUMNS = ['BenefitScore', 'RiskReductionScore', 'CustomerImpactScore', 'EffortScore'] as const;

/**
 * The priority of an improvement: 2 × (benefit + risk reduction + customer impact) − effort − 3,
 * at least 0, so value counts twice as much as effort and the range is 0–26. §5.4 leaves the formula
 * to the organisation; this one reproduces the priorities seeded on the demo site (IMP-014 = 14,
 * IMP-015 = 11, IMP-016 = 9). Null until all four scores are given on the 1–5 scale.
 */
export function priorityScore(values: Values): number | null {
  const [benefit, riskReduction, customerImpact, effort] = IMPROVEMENT_SCORE_COLUMNS.map((c) => numberIn(values, c));
  if (![benefit, riskReduction, customerImpact, effort].every((n) => isRiskRating(n))) return null;
  return Math.max(0, 2 * (benefit! + riskReduction! + customerImpact!) - effort! - 3);
}

/** Who decides an improvement of this estimated cost: the SMS manager up to the threshold (inclusive), top management above. */
export function decisionAuthority(cost: number, s: RegisterSettings): 'smsManager' | 'topManagement' {
  return cost <= s.improvementCostThreshold ? 'smsManager' : 'topManagement';
}
