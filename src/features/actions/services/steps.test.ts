import { describe, expect, it } from 'vitest';
import type { Actor } from '../../../domain/registers/types.js';
import type { ActionRow } from '../../../platform/actions/types.js';
import { offeredSteps } from './steps.js';

const row = (over: Partial<ActionRow>): ActionRow => ({
  id: '7', eTag: '"1"', webUrl: null, ref: 'ACT-0143', title: 'Briefing', actionType: 'Corrective action', sourceType: 'Nonconformity', sourceItemId: 3, sourceRef: 'NC-2025-003',
  sourceRegister: 'nonconformities', description: null, assigneeId: 'david@x', ownerId: 'laura@x', dueDate: '2026-01-10', priority: 'Medium', status: 'Completed', completedOn: '2026-01-08',
  needsVerification: true, verifiedById: null, verifiedOn: null, plannerTaskId: 't1', plannerPlanId: 'p1', plannerETag: null, lastSyncedAt: null, overdue: false, ...over,
});
const person = (id: string, roles: Actor['roles'] = ['employee']): Actor => ({ id, roles, ownedProcessIds: [] });
const summary = (r: ActionRow, a: Actor) => offeredSteps(r, a).map((s) => [s.kind, s.refusal?.code ?? null]);

describe('the steps the action page offers', () => {
  it('offers verification and rejection of a completed action, refused to its assignee (§6.3 rule 2)', () => {
    expect(summary(row({}), person('david@x'))).toEqual([['verify', 'assigneeCannotVerify'], ['rejectEvidence', 'assigneeCannotVerify']]);
    expect(summary(row({}), person('tom@x', ['smsManager', 'employee']))).toEqual([['verify', null], ['rejectEvidence', null]]);
  });

  it('does not offer to verify what needs no verification', () => {
    expect(summary(row({ needsVerification: false }), person('tom@x', ['smsManager', 'employee'])).map(([k]) => k)).toEqual(['rejectEvidence']);
  });

  it('offers block and cancel on an action in progress, plus its due date and assignee to the source owner, each asking for a reason', () => {
    const steps = offeredSteps(row({ status: 'In progress', completedOn: null }), person('laura@x'));
    expect(steps.map((s) => [s.kind, s.refusal?.code ?? null, s.needsReason])).toEqual([
      ['block', 'notAssignee', true],
      ['cancel', null, true],
      ['changeDueDate', null, true],
      ['changeAssignee', null, true],
    ]);
  });

  it('offers nothing on a verified or cancelled action', () => {
    expect(offeredSteps(row({ status: 'Verified' }), person('tom@x', ['smsManager', 'employee']))).toEqual([]);
    expect(offeredSteps(row({ status: 'Cancelled' }), person('tom@x', ['smsManager', 'employee']))).toEqual([]);
  });
});
