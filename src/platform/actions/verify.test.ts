import { describe, expect, it } from 'vitest';
import { DEFAULT_REGISTER_SETTINGS } from '../../domain/registers/types.js';
import type { SmsRole } from '../../domain/roles.js';
import { holdsAuthority, improvementFindings, ncFindings, riskFindings, type ItemHistory, type PersonOf } from '../registers/verify.js';
import { actionFindings } from './verify.js';

/**
 * The pure rules of `npm run verify` for registers and actions, on histories as the item versions give them (oldest
 * first, each with its server-stamped writer). scripts/verify.test.ts forges each case over the emulator.
 */
const DAVID = 'david@x';
const TOM = 'tom@x';
const MARCUS = 'marcus@x';
const RAJ = 'raj@x';
const ROLES: Record<string, readonly SmsRole[]> = { [TOM]: ['smsManager', 'employee'], [RAJ]: ['topManagement', 'employee'], [DAVID]: ['processOwner', 'employee'], [MARCUS]: ['processOwner', 'employee'] };
const rolesOf = (id: string) => ROLES[id] ?? ['employee'];
/** Person columns hold the UPN directly in these histories. */
const personOf: PersonOf = (fields, column) => (typeof fields[column] === 'string' ? (fields[column] as string) : null);

function history(ref: string, steps: [writer: string | null, fields: Record<string, unknown>][]): ItemHistory {
  let fields: Record<string, unknown> = {};
  return {
    itemId: '1',
    ref,
    versions: steps.map(([writer, change], i) => {
      fields = { ...fields, ...change };
      return { label: `${i + 1}.0`, writerId: writer, writer: writer ?? 'app Jobs', fields };
    }),
  };
}

describe('action checks', () => {
  const started = [TOM, { Status: 'Not started', AssignedTo: DAVID }] as [string, Record<string, unknown>];

  it('counts a completion by the version its assignee wrote, or by the Planner task its assignee completed', () => {
    const bySync = history('ACT-1', [started, [TOM, { Status: 'Completed' }]]);
    expect(actionFindings(bySync, { completedById: DAVID, completedBy: DAVID }, personOf)).toEqual([]);
    expect(actionFindings(history('ACT-1', [started, [DAVID, { Status: 'Completed' }]]), null, personOf)).toEqual([]);
    expect(actionFindings(bySync, { completedById: TOM, completedBy: TOM }, personOf)).toEqual([
      { kind: 'actionCompletedNotByAssignee', ref: 'ACT-1', version: '2.0', status: 'Completed', writtenBy: TOM, assignee: DAVID, taskCompletedBy: TOM },
    ]);
  });

  it('judges only the completion that stands: one reopened (evidence rejected) and done again by the assignee is not reported', () => {
    const redone = history('ACT-2', [started, [TOM, { Status: 'Completed' }], [TOM, { Status: 'In progress' }], [DAVID, { Status: 'Completed' }]]);
    expect(actionFindings(redone, { completedById: null, completedBy: null }, personOf)).toEqual([]);
    const reopened = history('ACT-2', [started, [TOM, { Status: 'Completed' }], [TOM, { Status: 'In progress' }]]);
    expect(actionFindings(reopened, null, personOf)).toEqual([]);
  });

  it('reports an action verified by its assignee, and one moved straight to Verified, skipping its completion', () => {
    const own = history('ACT-3', [started, [DAVID, { Status: 'Completed' }], [DAVID, { Status: 'Verified' }]]);
    expect(actionFindings(own, null, personOf)).toEqual([{ kind: 'actionVerifiedByAssignee', ref: 'ACT-3', version: '3.0', assignee: DAVID }]);
    const skipped = history('ACT-4', [started, [TOM, { Status: 'Verified' }]]);
    expect(actionFindings(skipped, null, personOf)).toMatchObject([{ kind: 'actionCompletedNotByAssignee', version: '2.0', status: 'Verified', writtenBy: TOM }]);
  });
});

describe('register checks', () => {
  it('reports a nonconformity closed by its owner or with its effectiveness recorded by an action assignee, not by an independent verifier', () => {
    const nc = history('NC-1', [
      [MARCUS, { Status: 'Reported', Owner: MARCUS }],
      [DAVID, { Status: 'Effectiveness check', EffectivenessResult: 'Not effective' }],
      [MARCUS, { Status: 'Closed', EffectivenessResult: 'Effective' }],
    ]);
    expect(ncFindings(nc, new Set([DAVID]), personOf)).toMatchObject([
      { version: '2.0', closed: false, effectivenessResult: 'Not effective', writtenBy: DAVID, as: 'actionAssignee' },
      { version: '3.0', closed: true, effectivenessResult: 'Effective', writtenBy: MARCUS, as: 'owner' },
    ]);
    const fine = history('NC-2', [[MARCUS, { Status: 'Effectiveness check', Owner: MARCUS }], [TOM, { Status: 'Closed', EffectivenessResult: 'Effective' }]]);
    expect(ncFindings(fine, new Set([DAVID]), personOf)).toEqual([]);
  });

  it('measures a risk acceptance against the residual score of the version that accepted it (owner ≤ 6, SMS manager ≤ 9, top management above)', () => {
    const risk = (writer: string, likelihood: number, impact: number) =>
      history('RSK-1', [[TOM, { Status: 'Assessed', Owner: MARCUS, ResidualLikelihood: likelihood, ResidualImpact: impact }], [writer, { Status: 'Accepted' }]]);
    expect(riskFindings(risk(MARCUS, 2, 3), DEFAULT_REGISTER_SETTINGS, rolesOf, personOf)).toEqual([]);
    expect(riskFindings(risk(MARCUS, 2, 4), DEFAULT_REGISTER_SETTINGS, rolesOf, personOf)).toMatchObject([{ residual: 8, acceptedBy: MARCUS, needed: 'smsManager' }]);
    expect(riskFindings(risk(TOM, 3, 3), DEFAULT_REGISTER_SETTINGS, rolesOf, personOf)).toEqual([]);
    expect(riskFindings(risk(TOM, 3, 4), DEFAULT_REGISTER_SETTINGS, rolesOf, personOf)).toMatchObject([{ residual: 12, needed: 'topManagement' }]);
    expect(riskFindings(risk(RAJ, 5, 5), DEFAULT_REGISTER_SETTINGS, rolesOf, personOf)).toEqual([]);
    // Someone else's risk: a process owner has no authority over it.
    expect(riskFindings(risk(DAVID, 1, 2), DEFAULT_REGISTER_SETTINGS, rolesOf, personOf)).toMatchObject([{ residual: 2, needed: 'owner' }]);
  });

  it('reports an improvement decided above the decider’s cost threshold, once per decision', () => {
    const imp = (writer: string, cost: number) => history('IMP-1', [[TOM, { Status: 'Under evaluation', Decision: 'Pending', CostEstimate: cost }], [writer, { Status: 'Approved', Decision: 'Approved' }]]);
    expect(improvementFindings(imp(TOM, 5000), DEFAULT_REGISTER_SETTINGS, rolesOf)).toEqual([]);
    expect(improvementFindings(imp(TOM, 5001), DEFAULT_REGISTER_SETTINGS, rolesOf)).toEqual([
      { kind: 'improvementDecidedWithoutAuthority', ref: 'IMP-1', version: '2.0', decision: 'Approved', cost: 5001, decidedBy: TOM, needed: 'topManagement' },
    ]);
    expect(improvementFindings(imp(RAJ, 50_000), DEFAULT_REGISTER_SETTINGS, rolesOf)).toEqual([]);
    expect(improvementFindings(imp(MARCUS, 10), DEFAULT_REGISTER_SETTINGS, rolesOf)).toMatchObject([{ decidedBy: MARCUS, needed: 'smsManager' }]);
  });

  it('ranks authority: top management covers all, the SMS manager up to his, an owner only their own', () => {
    expect(holdsAuthority('topManagement', ['smsManager'], true)).toBe(false);
    expect(holdsAuthority('smsManager', ['smsManager'], false)).toBe(true);
    expect(holdsAuthority('owner', ['processOwner'], true)).toBe(true);
    expect(holdsAuthority('owner', ['processOwner'], false)).toBe(false);
  });
});
