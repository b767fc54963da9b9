/**
 * Values the app computes and stores so they can be indexed, filtered and sorted (domain §5.4:
 * "app-computed"): a risk's inherent and residual scores and whether the residual is within the
 * acceptance criteria; an improvement's priority.
 */
import { numberIn } from './access.js';
import { priorityScore } from './improvement.js';
import { residualOf, riskScore } from './risk.js';
import { DEFAULT_REGISTER_SETTINGS, type RegisterSettings, type Values } from './types.js';

/**
 * The record's values with the computed columns set:
 * - risks: `InherentScore` = likelihood × impact; `ResidualScore` = residual likelihood × residual
 *   impact, or the inherent score while no residual rating is given (untreated); `WithinAcceptance`
 *   = the residual is one the risk owner may accept (≤ `ownerMaxScore`, SMS Settings);
 * - improvements: `PriorityScore` (improvement.ts).
 * Each is null when its inputs are missing. Other registers' values come back unchanged.
 */
export function deriveValues(register: string, values: Values, settings: RegisterSettings = DEFAULT_REGISTER_SETTINGS): Values {
  switch (register) {
    case 'risks': {
      const rating = {
        likelihood: numberIn(values, 'Likelihood'),
        impact: numberIn(values, 'Impact'),
        residualLikelihood: numberIn(values, 'ResidualLikelihood'),
        residualImpact: numberIn(values, 'ResidualImpact'),
      };
      const residual = residualOf(rating);
      return {
        ...values,
        InherentScore: riskScore(rating.likelihood, rating.impact),
        ResidualScore: residual,
        WithinAcceptance: residual === null ? null : residual <= settings.ownerMaxScore,
      };
    }
    case 'improvements':
      return { ...values, PriorityScore: priorityScore(values) };
    default:
      return values;
  }
}
