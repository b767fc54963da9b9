/**
 * Service management objectives (domain §4.6, §5.4 Objective, clause 6.2): how far an objective has
 * come from its baseline towards its target, and whether the target is met.
 */

export type ObjectiveDirection = 'Higher is better' | 'Lower is better';

export interface ObjectiveProgressInput {
  readonly baseline: number | null;
  readonly target: number | null;
  readonly current: number | null;
  /** Higher is better unless stated otherwise. */
  readonly direction: string | null;
}

export interface ObjectiveProgress {
  /** 0–100 (whole number): the share of the way from baseline to target; null when it cannot be worked out. */
  readonly percent: number | null;
  /** Whether the current value meets the target; null without a current value and a target. */
  readonly met: boolean | null;
}

const clamp = (n: number) => Math.round(Math.min(100, Math.max(0, n)));

/**
 * Progress of an objective. `met`: current ≥ target (higher is better) or ≤ target (lower is
 * better). `percent`: (current − baseline) / (target − baseline), 0–100; without a baseline, the
 * current value as a share of the target (higher is better) or the target as a share of the current
 * value (lower is better). A met target is always 100 %.
 */
export function objectiveProgress(input: ObjectiveProgressInput): ObjectiveProgress {
  const { baseline, target, current } = input;
  const lower = input.direction === 'Lower is better';
  if (target === null || current === null || !Number.isFinite(target) || !Number.isFinite(current)) return { percent: null, met: null };
  const met = lower ? current <= target : current >= target;
  if (met) return { percent: 100, met };
  if (baseline !== null && Number.isFinite(baseline) && baseline !== target) {
    return { percent: clamp(((current - baseline) / (target - baseline)) * 100), met };
  }
  if (baseline !== null && baseline === target) return { percent: 0, met };
  if (lower) return { percent: current > 0 && target >= 0 ? clamp((target / current) * 100) : null, met };
  return { percent: target > 0 && current >= 0 ? clamp((current / target) * 100) : null, met };
}
