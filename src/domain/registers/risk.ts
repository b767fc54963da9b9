/**
 * Risk scoring and acceptance (domain §5.4 Risk, clause 6.1; §6.3 rule 4): scores on a 5 × 5 scale,
 * who may accept a residual score (thresholds from SMS Settings), and the heat map of a register.
 */
import type { RegisterSettings } from './types.js';

/** Who may accept a residual risk, from the least to the most authority. */
export type AcceptanceAuthority = 'owner' | 'smsManager' | 'topManagement';

/** Likelihood and impact are whole numbers 1–5. */
export function isRiskRating(n: number | null | undefined): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 5;
}

/** Likelihood × impact (1–25), or null when either is missing or off the 1–5 scale. */
export function riskScore(likelihood: number | null, impact: number | null): number | null {
  return isRiskRating(likelihood) && isRiskRating(impact) ? likelihood * impact : null;
}

/**
 * Who may accept a residual score: up to `ownerMaxScore` the risk owner, up to `smsManagerMaxScore`
 * the SMS manager, above that top management only (§5.4, §6.3 rule 4).
 */
export function acceptanceAuthority(residual: number, s: RegisterSettings): AcceptanceAuthority {
  if (residual <= s.ownerMaxScore) return 'owner';
  if (residual <= s.smsManagerMaxScore) return 'smsManager';
  return 'topManagement';
}

const RANK: Readonly<Record<AcceptanceAuthority, number>> = { owner: 0, smsManager: 1, topManagement: 2 };

/** True when someone with authority `held` may act where `needed` is required. */
export function authorityCovers(held: AcceptanceAuthority, needed: AcceptanceAuthority): boolean {
  return RANK[held] >= RANK[needed];
}

export type RiskBand = 'low' | 'medium' | 'high' | 'critical';

/** The band of a score on the 5 × 5 matrix: 1–4 low, 5–9 medium, 10–16 high, 20–25 critical. */
export function riskBand(score: number): RiskBand {
  if (score <= 4) return 'low';
  if (score <= 9) return 'medium';
  if (score <= 16) return 'high';
  return 'critical';
}

export interface HeatCell {
  likelihood: number;
  impact: number;
  count: number;
  /** Refs of the risks in the cell, sorted. */
  refs: string[];
  band: RiskBand;
}

/**
 * The 25 cells of the likelihood × impact matrix (likelihood 5 → 1, then impact 1 → 5: the order a
 * heat map is read top-left to bottom-right), each with the risks that sit in it. Rows without a
 * valid likelihood and impact are left out.
 */
export function heatMap(rows: readonly { ref: string; likelihood: number | null; impact: number | null }[]): HeatCell[] {
  const cells: HeatCell[] = [];
  for (let likelihood = 5; likelihood >= 1; likelihood--) {
    for (let impact = 1; impact <= 5; impact++) {
      const refs = rows
        .filter((r) => r.likelihood === likelihood && r.impact === impact)
        .map((r) => r.ref)
        .sort((a, b) => a.localeCompare(b));
      cells.push({ likelihood, impact, count: refs.length, refs, band: riskBand(likelihood * impact) });
    }
  }
  return cells;
}

/** The residual score of a risk: its residual rating, or (not treated yet) its inherent rating. */
export function residualOf(r: {
  likelihood: number | null;
  impact: number | null;
  residualLikelihood: number | null;
  residualImpact: number | null;
}): number | null {
  return riskScore(r.residualLikelihood, r.residualImpact) ?? riskScore(r.likelihood, r.impact);
}
