import { describe, expect, it } from 'vitest';
// The copies in src/domain must equal the list schema (tests may read graph/schema; the code may not).
// eslint-disable-next-line no-restricted-imports
import { ACTION_STATUSES as SCHEMA_STATUSES, actions as actionsSchema, statusFromPercentComplete } from '../../../graph/schema/actions.js';
import type { SmsRole } from '../roles.js';
import {
  ACTION_STATUSES,
  ACTION_STEPS,
  OPEN_ACTION_STATUSES,
  byOverdueFirst,
  checkActionEdit,
  checkActionTransition,
  checkRaiseAction,
  isOverdue,
  nextActionTransitions,
  progressFromPlanner,
  type ActionStatus,
  type ActionTransitionInput,
} from './actions.js';
import type { Actor } from './types.js';

const person = (name: string, roles: SmsRole[] = []): Actor => ({ id: `${name}@contoso.test`, roles: [...roles, 'employee'], ownedProcessIds: [] });
const david = person('david', ['processOwner']);
const marcus = person('marcus', ['processOwner']);
const tom = person('tom', ['smsManager']);
const fiona = person('fiona', ['internalAuditor']);
const sam = person('sam');

const move = (from: ActionStatus, to: ActionStatus, actor: Actor | 'system', extra: Partial<ActionTransitionInput> = {}) =>
  checkActionTransition({ from, to, actor, assigneeId: david.id, sourceOwnerId: marcus.id, needsVerification: true, reason: null, ...extra });

describe('the action lifecycle', () => {
  it('uses the statuses of the Actions list and every transition it declares', () => {
    expect(ACTION_STATUSES).toEqual(SCHEMA_STATUSES);
    const steps = new Set(ACTION_STEPS.map((s) => `${s.from} → ${s.to}`));
    for (const t of actionsSchema.transitions!) expect(steps.has(`${t.from} → ${t.to}`), `${t.from} → ${t.to}`).toBe(true);
  });

  it('lets only the assignee start, complete, block and unblock their action', () => {
    expect(move('Not started', 'In progress', david)).toBeNull();
    expect(move('In progress', 'Completed', david)).toBeNull();
    expect(move('In progress', 'Completed', tom)).toEqual({ code: 'notAssignee' });
    expect(move('In progress', 'Completed', marcus)).toEqual({ code: 'notAssignee' });
    expect(move('In progress', 'Blocked', david, { reason: 'Waiting for the vendor.' })).toBeNull();
    expect(move('In progress', 'Blocked', david)).toEqual({ code: 'reasonRequired' });
    expect(move('Blocked', 'In progress', david)).toBeNull();
    expect(move('Blocked', 'In progress', sam)).toEqual({ code: 'notAssignee' });
  });

  it('compares people ignoring case', () => {
    expect(move('Not started', 'In progress', david, { assigneeId: 'David@Contoso.test' })).toBeNull();
  });

  it('never lets the assignee verify or reject their own action (§6.3 rule 2)', () => {
    expect(move('Completed', 'Verified', david)).toEqual({ code: 'assigneeCannotVerify' });
    expect(move('Completed', 'In progress', david, { reason: 'x' })).toEqual({ code: 'assigneeCannotVerify' });
    // Even an SMS manager assigned to the action.
    expect(move('Completed', 'Verified', tom, { assigneeId: tom.id })).toEqual({ code: 'assigneeCannotVerify' });
  });

  it('is verified by the source owner, an SMS manager or an internal auditor, only when it needs verification', () => {
    expect(move('Completed', 'Verified', marcus)).toBeNull();
    expect(move('Completed', 'Verified', tom)).toBeNull();
    expect(move('Completed', 'Verified', fiona)).toBeNull();
    expect(move('Completed', 'Verified', sam)).toEqual({ code: 'notVerifier' });
    expect(move('Completed', 'Verified', marcus, { needsVerification: false })).toEqual({ code: 'verificationNotNeeded' });
  });

  it('needs a reason to reject evidence and to cancel, which only the SMS manager or source owner do', () => {
    expect(move('Completed', 'In progress', marcus)).toEqual({ code: 'reasonRequired' });
    expect(move('Completed', 'In progress', marcus, { reason: 'Evidence missing.' })).toBeNull();
    expect(move('Not started', 'Cancelled', david, { reason: 'x' })).toEqual({ code: 'notManagerOrSourceOwner' });
    expect(move('Blocked', 'Cancelled', tom)).toEqual({ code: 'reasonRequired' });
    expect(move('Blocked', 'Cancelled', tom, { reason: 'Superseded.' })).toBeNull();
    expect(move('Completed', 'Cancelled', tom, { reason: 'x' })).toEqual({ code: 'transitionNotAllowed', params: { from: 'Completed', to: 'Cancelled' } });
    expect(move('Verified', 'In progress', tom, { reason: 'x' })).toEqual({ code: 'transitionNotAllowed', params: { from: 'Verified', to: 'In progress' } });
  });

  it('lets the app carry Planner progress over, and nothing else', () => {
    expect(move('Not started', 'In progress', 'system')).toBeNull();
    expect(move('In progress', 'Completed', 'system')).toBeNull();
    expect(move('Not started', 'Completed', 'system')).toBeNull();
    expect(move('Blocked', 'Completed', 'system')).toBeNull();
    expect(move('In progress', 'Not started', 'system')).toBeNull();
    expect(move('Completed', 'Verified', 'system')).toEqual({ code: 'notSystemTransition', params: { from: 'Completed', to: 'Verified' } });
    expect(move('Completed', 'In progress', 'system')).toEqual({ code: 'notSystemTransition', params: { from: 'Completed', to: 'In progress' } });
    expect(move('In progress', 'Cancelled', 'system')).toEqual({ code: 'notSystemTransition', params: { from: 'In progress', to: 'Cancelled' } });
    expect(move('In progress', 'Blocked', 'system')).toEqual({ code: 'notSystemTransition', params: { from: 'In progress', to: 'Blocked' } });
    // The Planner-only steps are not a person's to make in the app.
    expect(move('Not started', 'Completed', david)).toEqual({ code: 'systemOnly', params: { from: 'Not started', to: 'Completed' } });
  });

  it('lists the next steps for a person and for the app', () => {
    expect(nextActionTransitions({ from: 'In progress', actor: david, assigneeId: david.id, sourceOwnerId: marcus.id, needsVerification: true }).map((t) => [t.to, t.refusal?.code ?? null])).toEqual([
      ['Completed', null],
      ['Blocked', 'reasonRequired'],
      ['Cancelled', 'notManagerOrSourceOwner'],
    ]);
    expect(nextActionTransitions({ from: 'In progress', actor: 'system', assigneeId: david.id, sourceOwnerId: marcus.id, needsVerification: true }).map((t) => t.to)).toEqual([
      'Completed',
      'Not started',
    ]);
  });
});

describe('progressFromPlanner (§5.7: Planner → SharePoint for progress only)', () => {
  it('maps 0 / 1–99 / 100 % to Not started / In progress / Completed', () => {
    expect(progressFromPlanner('Not started', 50)).toBe('In progress');
    expect(progressFromPlanner('Not started', 100)).toBe('Completed');
    expect(progressFromPlanner('In progress', 100)).toBe('Completed');
    expect(progressFromPlanner('In progress', 0)).toBe('Not started');
  });

  it('returns null when nothing changes', () => {
    expect(progressFromPlanner('Not started', 0)).toBeNull();
    expect(progressFromPlanner('In progress', 50)).toBeNull();
  });

  it('never changes Verified, Cancelled or Completed, and Blocked only to Completed at 100 %', () => {
    for (const p of [0, 50, 100]) {
      expect(progressFromPlanner('Verified', p)).toBeNull();
      expect(progressFromPlanner('Cancelled', p)).toBeNull();
      expect(progressFromPlanner('Completed', p)).toBeNull();
    }
    expect(progressFromPlanner('Blocked', 0)).toBeNull();
    expect(progressFromPlanner('Blocked', 50)).toBeNull();
    expect(progressFromPlanner('Blocked', 100)).toBe('Completed');
  });

  it('only proposes changes the app may make, and agrees with the schema mapping where it changes', () => {
    for (const current of ACTION_STATUSES) {
      for (const p of [0, 25, 50, 99, 100]) {
        const next = progressFromPlanner(current, p);
        if (next === null) continue;
        expect(move(current, next, 'system'), `${current} at ${p} %`).toBeNull();
        expect(next).toBe(statusFromPercentComplete(p, current));
      }
    }
  });
});

describe('overdue', () => {
  it('is an open action due before today', () => {
    expect(isOverdue({ status: 'In progress', dueDate: '2026-12-06' }, '2026-12-07')).toBe(true);
    expect(isOverdue({ status: 'Blocked', dueDate: '2026-12-06' }, '2026-12-07')).toBe(true);
    expect(isOverdue({ status: 'Not started', dueDate: '2026-12-07' }, '2026-12-07')).toBe(false);
    expect(isOverdue({ status: 'Completed', dueDate: '2026-01-01' }, '2026-12-07')).toBe(false);
    expect(isOverdue({ status: 'Verified', dueDate: '2026-01-01' }, '2026-12-07')).toBe(false);
    expect(isOverdue({ status: 'Cancelled', dueDate: '2026-01-01' }, '2026-12-07')).toBe(false);
    expect(isOverdue({ status: 'In progress', dueDate: null }, '2026-12-07')).toBe(false);
    expect(OPEN_ACTION_STATUSES).toEqual(['Not started', 'In progress', 'Blocked']);
  });

  it('sorts overdue first, then by due date (none last), then by Ref', () => {
    const rows = [
      { ref: 'ACT-5', status: 'Not started', dueDate: null },
      { ref: 'ACT-4', status: 'In progress', dueDate: '2026-12-20' },
      { ref: 'ACT-3', status: 'Completed', dueDate: '2026-11-01' },
      { ref: 'ACT-2', status: 'In progress', dueDate: '2026-12-01' },
      { ref: 'ACT-1', status: 'Blocked', dueDate: '2026-11-15' },
      { ref: 'ACT-0', status: 'In progress', dueDate: '2026-12-20' },
    ];
    expect([...rows].sort(byOverdueFirst('2026-12-07')).map((r) => r.ref)).toEqual(['ACT-1', 'ACT-2', 'ACT-3', 'ACT-0', 'ACT-4', 'ACT-5']);
  });
});

describe('changing and raising actions', () => {
  const edit = (actor: Actor | 'system', changed: Parameters<typeof checkActionEdit>[0]['changed'], extra: Partial<Parameters<typeof checkActionEdit>[0]> = {}) =>
    checkActionEdit({ actor, status: 'In progress', assigneeId: david.id, sourceOwnerId: marcus.id, changed, reason: null, ...extra });

  it('lets the source owner or an SMS manager re-plan, with a reason for a new due date (§6.3 rule 6)', () => {
    expect(edit(marcus, ['assigneeId', 'priority'])).toBeNull();
    expect(edit(tom, ['dueDate'])).toEqual({ code: 'reasonRequired' });
    expect(edit(tom, ['dueDate'], { reason: 'Vendor slipped a week.' })).toBeNull();
  });

  it('lets the assignee change only the description, and nobody change a verified or cancelled action', () => {
    expect(edit(david, ['description'])).toBeNull();
    expect(edit(david, ['dueDate'], { reason: 'I am busy.' })).toEqual({ code: 'columnNotEditable', params: { column: 'dueDate' } });
    expect(edit(sam, ['description'])).toEqual({ code: 'notManagerOrSourceOwner' });
    expect(edit(tom, ['title'], { status: 'Verified' })).toEqual({ code: 'recordClosed', params: { status: 'Verified' } });
    expect(edit('system', ['title'])).toEqual({ code: 'notSystemTransition' });
    expect(edit(sam, [])).toBeNull();
  });

  it('lets the record owner, SMS managers and top management raise actions', () => {
    expect(checkRaiseAction({ actor: marcus, sourceOwnerId: marcus.id })).toBeNull();
    expect(checkRaiseAction({ actor: tom, sourceOwnerId: marcus.id })).toBeNull();
    expect(checkRaiseAction({ actor: person('eleanor', ['topManagement']), sourceOwnerId: marcus.id })).toBeNull();
    expect(checkRaiseAction({ actor: david, sourceOwnerId: marcus.id })).toEqual({ code: 'cannotRaiseAction' });
  });
});
