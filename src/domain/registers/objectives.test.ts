import { describe, expect, it } from 'vitest';
import { objectiveProgress } from './objectives.js';

describe('objectiveProgress', () => {
  it('measures the way from baseline to target (the demo objectives)', () => {
    expect(objectiveProgress({ baseline: 91, target: 95, current: 92.8, direction: 'Higher is better' })).toEqual({ percent: 45, met: false });
    expect(objectiveProgress({ baseline: 80, target: 100, current: 88, direction: 'Higher is better' })).toEqual({ percent: 40, met: false });
    expect(objectiveProgress({ baseline: 95.5, target: 97, current: 97.4, direction: 'Higher is better' })).toEqual({ percent: 100, met: true });
    expect(objectiveProgress({ baseline: 1, target: 3, current: 2, direction: 'Higher is better' })).toEqual({ percent: 50, met: false });
  });

  it('works for lower-is-better objectives', () => {
    expect(objectiveProgress({ baseline: 10, target: 5, current: 7, direction: 'Lower is better' })).toEqual({ percent: 60, met: false });
    expect(objectiveProgress({ baseline: 10, target: 5, current: 5, direction: 'Lower is better' })).toEqual({ percent: 100, met: true });
    expect(objectiveProgress({ baseline: null, target: 5, current: 10, direction: 'Lower is better' })).toEqual({ percent: 50, met: false });
  });

  it('keeps the percentage within 0–100 when the value moved the wrong way', () => {
    expect(objectiveProgress({ baseline: 91, target: 95, current: 89, direction: 'Higher is better' })).toEqual({ percent: 0, met: false });
  });

  it('falls back to current ÷ target without a baseline, and reads a missing direction as higher is better', () => {
    expect(objectiveProgress({ baseline: null, target: 200, current: 50, direction: null })).toEqual({ percent: 25, met: false });
  });

  it('cannot tell without a target or a current value', () => {
    expect(objectiveProgress({ baseline: 1, target: null, current: 2, direction: null })).toEqual({ percent: null, met: null });
    expect(objectiveProgress({ baseline: 1, target: 3, current: null, direction: null })).toEqual({ percent: null, met: null });
  });
});
