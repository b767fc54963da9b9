/**
 * Rules on a record's values that span columns or go beyond a column's type (the platform's form
 * schema checks types, required columns, choices and number bounds: src/platform/registers/validation.ts).
 * Each problem is a `FieldIssue`; the UI shows `registers.validation.<code>`.
 *
 * | Code                       | Params     | Meaning                                                      |
 * |----------------------------|------------|--------------------------------------------------------------|
 * | ratingRange                | min, max   | A rating or score is a whole number from 1 to 5              |
 * | dateOrder                  | other      | This date comes before the `other` column's date              |
 * | notNegative                |            | A cost or count below zero                                   |
 * | residualAboveInherent      |            | The residual rating is worse than the inherent one           |
 * | treatmentNotForThreat      |            | Exploit / Enhance treat opportunities, not threats           |
 * | treatmentNotForOpportunity |            | Reduce / Avoid treat threats, not opportunities              |
 */
import { numberIn, textIn } from './access.js';
import { isRiskRating, riskScore } from './risk.js';
import type { FieldIssue, Values } from './types.js';

/** Every validation code of this file (the platform adds its own: src/platform/registers/validation.ts). */
export const DOMAIN_VALIDATION_CODES = ['ratingRange', 'dateOrder', 'notNegative', 'residualAboveInherent', 'treatmentNotForThreat', 'treatmentNotForOpportunity'] as const;

/** Rating columns (1–5 whole numbers) per register. */
const RATINGS: Readonly<Record<string, readonly string[]>> = {
  risks: ['Likelihood', 'Impact', 'ResidualLikelihood', 'ResidualImpact'],
  improvements: ['BenefitScore', 'RiskReductionScore', 'CustomerImpactScore', 'EffortScore'],
};

/** Date pairs `[earlier, later]` per register: the later may not come before the earlier. */
const DATE_ORDER: Readonly<Record<string, readonly (readonly [string, string])[]>> = {
  serviceAgreements: [['StartDate', 'EndDate']],
  suppliers: [['ContractStart', 'ContractEnd']],
  objectives: [['StartDate', 'DueDate']],
  nonconformities: [
    ['RaisedOn', 'CorrectionDoneOn'],
    ['RaisedOn', 'EffectivenessCheckDate'],
    ['RaisedOn', 'ClosedOn'],
  ],
  improvements: [['LoggedOn', 'DueDate']],
  competenceRecords: [['CompletedOn', 'ExpiresOn']],
};

const NON_NEGATIVE: Readonly<Record<string, readonly string[]>> = {
  improvements: ['CostEstimate'],
  services: ['RTOHours', 'RPOHours'],
};

const OPPORTUNITY_ONLY = ['Exploit', 'Enhance'];
const THREAT_ONLY = ['Reduce', 'Avoid'];

/** The record's problems beyond its column types, in column order of the checks above. */
export function recordIssues(register: string, values: Values): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const column of RATINGS[register] ?? []) {
    const v = values[column];
    if (v === null || v === undefined) continue;
    if (typeof v !== 'number' || !isRiskRating(v)) issues.push({ column, code: 'ratingRange', params: { min: 1, max: 5 } });
  }
  for (const [earlier, later] of DATE_ORDER[register] ?? []) {
    const a = textIn(values, earlier);
    const b = textIn(values, later);
    if (a && b && b < a) issues.push({ column: later, code: 'dateOrder', params: { other: earlier } });
  }
  for (const column of NON_NEGATIVE[register] ?? []) {
    const n = numberIn(values, column);
    if (n !== null && n < 0) issues.push({ column, code: 'notNegative' });
  }
  if (register === 'risks') {
    const inherent = riskScore(numberIn(values, 'Likelihood'), numberIn(values, 'Impact'));
    const residual = riskScore(numberIn(values, 'ResidualLikelihood'), numberIn(values, 'ResidualImpact'));
    if (inherent !== null && residual !== null && residual > inherent) issues.push({ column: 'ResidualImpact', code: 'residualAboveInherent' });
    const kind = textIn(values, 'RiskKind');
    const option = textIn(values, 'TreatmentOption');
    if (option && kind === 'Threat' && OPPORTUNITY_ONLY.includes(option)) issues.push({ column: 'TreatmentOption', code: 'treatmentNotForThreat' });
    if (option && kind === 'Opportunity' && THREAT_ONLY.includes(option)) issues.push({ column: 'TreatmentOption', code: 'treatmentNotForOpportunity' });
  }
  return issues;
}
