import { describe, expect, it } from 'vitest';
import { approvalRoundOutcome, decideApproval, type ApprovalDecisionInput, type VersionUnderApproval } from './approvals.js';
import { deepFreeze, people } from './fixtures.js';
import { SYSTEM_ACTOR, type ApprovalState } from './types.js';

const NOW = '2025-03-01T09:30:00Z';

const pending = (assigneeId: string, step: ApprovalState['step'] = 'Approval'): ApprovalState =>
  deepFreeze({ step, assigneeId, decision: 'Pending', comment: null, decidedOn: null });

const procedureVersion: VersionUnderApproval = deepFreeze({
  docId: 'SMS-PRC-010',
  versionLabel: '2.1',
  versionStatus: 'In review',
  authorId: people.marcus.id,
  docType: 'Procedure',
  mandatoryItem: 'D15',
  processId: 'PRC-13',
});

const policyVersion: VersionUnderApproval = deepFreeze({
  docId: 'SMS-POL-001',
  versionLabel: '4.0',
  versionStatus: 'In review',
  authorId: people.tom.id,
  docType: 'Policy',
  mandatoryItem: 'D2',
  processId: 'PRC-01',
});

const approve: ApprovalDecisionInput = { decision: 'Approved', decidedOn: NOW };

describe('decideApproval', () => {
  it('records the assignee’s decision with time and trimmed comment', () => {
    const r = decideApproval(pending(people.raj.id), { decision: 'Approved', comment: '  Fine.  ', decidedOn: NOW }, people.raj, procedureVersion);
    expect(r).toEqual({
      ok: true,
      next: { step: 'Approval', assigneeId: people.raj.id, decision: 'Approved', comment: 'Fine.', decidedOn: NOW },
      effects: [
        {
          type: 'audit',
          entry: {
            eventType: 'Transition',
            entityType: 'DocumentApproval',
            entityRef: 'SMS-PRC-010 2.1 Approval',
            actorId: people.raj.id,
            at: NOW,
            fromStatus: 'Pending',
            toStatus: 'Approved',
            comment: 'Fine.',
          },
        },
      ],
    });
  });

  it('lets only the assignee decide (no one on their behalf, not the app)', () => {
    for (const actor of [people.tom, people.eleanor, people.priya, SYSTEM_ACTOR]) {
      const r = decideApproval(pending(people.raj.id), approve, actor, procedureVersion);
      expect(r, actor.id).toMatchObject({ ok: false, reason: 'notAssignee' });
    }
  });

  it('never lets the author approve their own version, even as top management', () => {
    const authoredByEleanor = { ...policyVersion, authorId: people.eleanor.id };
    const r = decideApproval(pending(people.eleanor.id), approve, people.eleanor, authoredByEleanor);
    expect(r).toMatchObject({ ok: false, reason: 'segregationOfDuties' });
    const again = decideApproval(pending(people.eleanor.id), { decision: 'Rejected', comment: 'No', decidedOn: NOW }, people.eleanor, authoredByEleanor);
    expect(again).toMatchObject({ ok: false, reason: 'segregationOfDuties' });
  });

  it('compares author and assignee ids case-insensitively', () => {
    const r = decideApproval(pending(people.marcus.id.toUpperCase()), approve, people.marcus, procedureVersion);
    expect(r).toMatchObject({ ok: false, reason: 'segregationOfDuties' });
  });

  it('applies the author rule to Approval steps only (Step = Review has no such guard in §5.4)', () => {
    const r = decideApproval(pending(people.marcus.id, 'Review'), approve, people.marcus, procedureVersion);
    expect(r.ok).toBe(true);
  });

  it('refuses a policy-level approval by anyone but top management', () => {
    for (const who of [people.raj, people.eleanor]) expect(decideApproval(pending(who.id), approve, who, policyVersion).ok, who.id).toBe(true);
    for (const who of [people.priya, people.marcus, people.omar]) {
      expect(decideApproval(pending(who.id), approve, who, policyVersion), who.id).toMatchObject({ ok: false, reason: 'topManagementApproverRequired' });
    }
    const smsManagerApprover = decideApproval(pending(people.tom.id), approve, people.tom, { ...policyVersion, authorId: people.gareth.id });
    expect(smsManagerApprover).toMatchObject({ ok: false, reason: 'topManagementApproverRequired' });
  });

  it('lets someone without authority send a version back, but not approve it', () => {
    const r = decideApproval(pending(people.david.id), { decision: 'Changes requested', comment: 'Section 3 is unclear.', decidedOn: NOW }, people.david, procedureVersion);
    expect(r.ok && r.effects).toContainEqual({ type: 'returnDocumentToDraft', outcome: 'Changes requested', comment: 'Section 3 is unclear.' });
    expect(decideApproval(pending(people.david.id), approve, people.david, procedureVersion)).toMatchObject({ ok: false, reason: 'approverLacksAuthority' });
    expect(decideApproval(pending(people.priya.id), approve, people.priya, procedureVersion)).toMatchObject({ ok: false, reason: 'approverLacksAuthority' });
    expect(decideApproval(pending(people.tom.id), approve, people.tom, procedureVersion).ok).toBe(true);
  });

  it('requires a comment to request changes or reject', () => {
    for (const decision of ['Changes requested', 'Rejected'] as const) {
      for (const comment of [undefined, null, '', '   ']) {
        const r = decideApproval(pending(people.raj.id), { decision, comment, decidedOn: NOW }, people.raj, procedureVersion);
        expect(r, `${decision} ${String(comment)}`).toMatchObject({ ok: false, reason: 'commentRequired' });
      }
    }
    const rejected = decideApproval(pending(people.raj.id), { decision: 'Rejected', comment: 'Wrong scope.', decidedOn: NOW }, people.raj, procedureVersion);
    expect(rejected.ok && rejected.next.decision).toBe('Rejected');
    expect(rejected.ok && rejected.effects).toContainEqual({ type: 'returnDocumentToDraft', outcome: 'Rejected', comment: 'Wrong scope.' });
  });

  it('decides only once, only while the version is in review, and only with a final decision', () => {
    const decided: ApprovalState = { ...pending(people.raj.id), decision: 'Approved', decidedOn: NOW };
    expect(decideApproval(decided, { decision: 'Rejected', comment: 'Changed my mind', decidedOn: NOW }, people.raj, procedureVersion)).toMatchObject({
      ok: false,
      reason: 'notPending',
    });
    for (const versionStatus of ['Draft', 'Approved', 'Published', 'Rejected'] as const) {
      expect(decideApproval(pending(people.raj.id), approve, people.raj, { ...procedureVersion, versionStatus }), versionStatus).toMatchObject({
        ok: false,
        reason: 'versionNotInReview',
      });
    }
    const bogus = { decision: 'Pending', decidedOn: NOW } as unknown as ApprovalDecisionInput;
    expect(decideApproval(pending(people.raj.id), bogus, people.raj, procedureVersion)).toMatchObject({ ok: false, reason: 'invalidDecision' });
  });
});

describe('approvalRoundOutcome', () => {
  const a = (decision: ApprovalState['decision'], step: ApprovalState['step'] = 'Approval') => ({ step, assigneeId: 'x', decision });

  it('is approved only when every decision is Approved and there is an Approval step', () => {
    expect(approvalRoundOutcome([a('Approved'), a('Approved', 'Review')])).toBe('approved');
    expect(approvalRoundOutcome([a('Approved', 'Review')])).toBe('pending');
    expect(approvalRoundOutcome([])).toBe('pending');
    expect(approvalRoundOutcome([a('Approved'), a('Pending', 'Review')])).toBe('pending');
  });

  it('puts rejection before requested changes before pending', () => {
    expect(approvalRoundOutcome([a('Pending'), a('Changes requested', 'Review')])).toBe('changesRequested');
    expect(approvalRoundOutcome([a('Changes requested'), a('Rejected')])).toBe('rejected');
  });
});
