import { describe, expect, it } from 'vitest';
import { acceptanceAuthority, authorityCovers, heatMap, residualOf, riskBand, riskScore } from './risk.js';
import { DEFAULT_REGISTER_SETTINGS } from './types.js';

describe('riskScore', () => {
  it('multiplies likelihood by impact on the 1–5 scale', () => {
    expect(riskScore(4, 4)).toBe(16);
    expect(riskScore(1, 1)).toBe(1);
    expect(riskScore(5, 5)).toBe(25);
  });

  it('is null for a missing or off-scale rating', () => {
    expect(riskScore(null, 3)).toBeNull();
    expect(riskScore(3, null)).toBeNull();
    expect(riskScore(0, 3)).toBeNull();
    expect(riskScore(6, 3)).toBeNull();
    expect(riskScore(2.5, 3)).toBeNull();
  });

  it('takes the residual rating, or the inherent one while untreated', () => {
    expect(residualOf({ likelihood: 4, impact: 4, residualLikelihood: 2, residualImpact: 3 })).toBe(6);
    expect(residualOf({ likelihood: 4, impact: 4, residualLikelihood: null, residualImpact: 3 })).toBe(16);
    expect(residualOf({ likelihood: null, impact: null, residualLikelihood: null, residualImpact: null })).toBeNull();
  });
});

describe('acceptanceAuthority (§6.3 rule 4, thresholds from SMS Settings)', () => {
  it('gives the demo thresholds: owner ≤ 6, SMS manager ≤ 9, top management above', () => {
    expect(DEFAULT_REGISTER_SETTINGS).toEqual({ ownerMaxScore: 6, smsManagerMaxScore: 9, improvementCostThreshold: 5000 });
    expect(acceptanceAuthority(1, DEFAULT_REGISTER_SETTINGS)).toBe('owner');
    expect(acceptanceAuthority(6, DEFAULT_REGISTER_SETTINGS)).toBe('owner');
    expect(acceptanceAuthority(8, DEFAULT_REGISTER_SETTINGS)).toBe('smsManager');
    expect(acceptanceAuthority(9, DEFAULT_REGISTER_SETTINGS)).toBe('smsManager');
    expect(acceptanceAuthority(10, DEFAULT_REGISTER_SETTINGS)).toBe('topManagement');
    expect(acceptanceAuthority(25, DEFAULT_REGISTER_SETTINGS)).toBe('topManagement');
  });

  it('follows other settings (the §5.4 example: 8–12 SMS manager)', () => {
    const s = { ...DEFAULT_REGISTER_SETTINGS, ownerMaxScore: 6, smsManagerMaxScore: 12 };
    expect(acceptanceAuthority(12, s)).toBe('smsManager');
    expect(acceptanceAuthority(15, s)).toBe('topManagement');
  });

  it('ranks authority: top management covers everything, an owner only owner-level risks', () => {
    expect(authorityCovers('topManagement', 'smsManager')).toBe(true);
    expect(authorityCovers('smsManager', 'owner')).toBe(true);
    expect(authorityCovers('smsManager', 'topManagement')).toBe(false);
    expect(authorityCovers('owner', 'smsManager')).toBe(false);
  });
});

describe('heatMap', () => {
  it('has 25 cells from likelihood 5 down and impact 1 up, with the risks in each', () => {
    const cells = heatMap([
      { ref: 'RSK-003', likelihood: 4, impact: 4 },
      { ref: 'RSK-001', likelihood: 4, impact: 4 },
      { ref: 'RSK-002', likelihood: 3, impact: 5 },
      { ref: 'RSK-004', likelihood: null, impact: null },
      { ref: 'RSK-009', likelihood: 7, impact: 1 },
    ]);
    expect(cells).toHaveLength(25);
    expect(cells[0]).toMatchObject({ likelihood: 5, impact: 1 });
    expect(cells[24]).toMatchObject({ likelihood: 1, impact: 5 });
    expect(cells.find((c) => c.likelihood === 4 && c.impact === 4)).toEqual({ likelihood: 4, impact: 4, count: 2, refs: ['RSK-001', 'RSK-003'], band: 'high' });
    expect(cells.find((c) => c.likelihood === 3 && c.impact === 5)).toMatchObject({ count: 1, refs: ['RSK-002'], band: 'high' });
    expect(cells.reduce((n, c) => n + c.count, 0)).toBe(3);
  });

  it('bands scores 1–4 low, 5–9 medium, 10–16 high, 20–25 critical', () => {
    expect([1, 4, 5, 9, 10, 16, 20, 25].map(riskBand)).toEqual(['low', 'low', 'medium', 'medium', 'high', 'high', 'critical', 'critical']);
  });
});
