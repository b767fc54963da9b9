import { describe, expect, it } from 'vitest';
import { decisionFindings, decisionTrust, publicationApproved, trustedRound, type StampedApproval } from './integrity.js';

const raj = 'raj.patel@kestrelms.onmicrosoft.com';
const priya = 'priya.nair@kestrelms.onmicrosoft.com';
const approval = (over: Partial<StampedApproval> = {}): StampedApproval => ({ title: 'SMS-PRC-031 v0.1 · Approval · Raj Patel', step: 'Approval', assigneeId: raj, decision: 'Approved', decidedBy: raj, ...over });

describe('which decisions count', () => {
  it('counts a decision its approver wrote, whatever the case of the UPN', () => {
    expect(decisionTrust(approval({ decidedBy: raj.toUpperCase() }), priya)).toBe('counts');
    expect(decisionTrust(approval({ decision: 'Pending', decidedBy: priya }), priya)).toBe('pending');
  });

  it('does not count a decision someone else wrote, an app wrote, or the author wrote for herself', () => {
    expect(decisionTrust(approval({ decidedBy: priya }), priya)).toBe('notByAssignee');
    expect(decisionTrust(approval({ decidedBy: null }), priya)).toBe('notByAssignee');
    expect(decisionTrust(approval({ assigneeId: priya, decidedBy: priya }), priya)).toBe('byAuthor');
    // A reviewer who is also the author may review (only the Approval step is segregated).
    expect(decisionTrust(approval({ step: 'Review', assigneeId: priya, decidedBy: priya }), priya)).toBe('counts');
  });

  it('lets the rules see a forged decision as still Pending, and names it', () => {
    const round = [approval({ decidedBy: priya }), approval({ title: 'x · Review · Tom', step: 'Review', assigneeId: 'tom', decidedBy: 'tom' })];
    expect(trustedRound(round, priya).map((a) => a.decision)).toEqual(['Pending', 'Approved']);
    expect(decisionFindings('SMS-PRC-031', '0.1', round, priya)).toEqual([
      { kind: 'decisionNotByAssignee', docId: 'SMS-PRC-031', versionLabel: '0.1', approval: round[0]!.title, assigneeId: raj, writtenBy: priya, decision: 'Approved' },
    ]);
  });

  it('approves a publication only on an Approval step that counts, with every decision Approved', () => {
    expect(publicationApproved([approval()], priya)).toBe(true);
    expect(publicationApproved([], priya)).toBe(false);
    expect(publicationApproved([approval({ step: 'Review' })], priya)).toBe(false);
    expect(publicationApproved([approval({ decidedBy: priya })], priya)).toBe(false);
    expect(publicationApproved([approval(), approval({ step: 'Review', decision: 'Pending' })], priya)).toBe(false);
  });
});
