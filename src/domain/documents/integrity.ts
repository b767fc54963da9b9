/**
 * Which evidence counts (docs/ARCHITECTURE.md, "Trust what the server stamps"). A decision on a
 * Document Approvals record counts only when the server stamped its designated approver as the one
 * who wrote it (the item's `lastModifiedBy`, set from the caller's token) and that person is not the
 * author of the version; anything else is a decision someone wrote for them, shown as a finding and
 * never acted on. A release counts only if the decisions of its approval round count.
 *
 * Pure functions over what the app read: the document page, "Complete review", publication and
 * `npm run verify` share them.
 */
import type { ApprovalDecision, ApprovalStep } from './constants.js';
import { samePerson } from './types.js';

/** An approval record as read, with the person the server stamped as its last writer. */
export interface StampedApproval {
  readonly title: string;
  readonly step: ApprovalStep;
  readonly assigneeId: string;
  readonly decision: ApprovalDecision;
  /**
   * Person id (lower-case UPN) of the item's `lastModifiedBy`; null when the stamp names no person
   * (an application, or someone unknown to the directory).
   */
  readonly decidedBy: string | null;
}

/** Whether a recorded decision counts. */
export type DecisionTrust = 'pending' | 'counts' | 'notByAssignee' | 'byAuthor';

/** Whether `a`'s decision counts, for a version written by `authorId` (see the file comment). */
export function decisionTrust(a: StampedApproval, authorId: string | null): DecisionTrust {
  if (a.decision === 'Pending') return 'pending';
  if (!samePerson(a.decidedBy, a.assigneeId)) return 'notByAssignee';
  if (a.step === 'Approval' && samePerson(a.decidedBy, authorId)) return 'byAuthor';
  return 'counts';
}

/** True when `a` holds a decision that does not count. */
export const isUntrustedDecision = (a: StampedApproval, authorId: string | null): boolean => {
  const t = decisionTrust(a, authorId);
  return t === 'notByAssignee' || t === 'byAuthor';
};

/** The round as the rules may act on it: a decision that does not count is still Pending. */
export function trustedRound<A extends StampedApproval>(round: readonly A[], authorId: string | null): A[] {
  return round.map((a) => (isUntrustedDecision(a, authorId) ? { ...a, decision: 'Pending' as const } : a));
}

/** What is wrong with a document's records, as the document page and `verify` name it (audit entries: src/platform/auditTrail.ts). */
export type IntegrityFinding =
  | { readonly kind: 'decisionNotByAssignee'; readonly docId: string; readonly versionLabel: string; readonly approval: string; readonly assigneeId: string; readonly writtenBy: string | null; readonly decision: ApprovalDecision }
  | { readonly kind: 'decisionByAuthor'; readonly docId: string; readonly versionLabel: string; readonly approval: string; readonly assigneeId: string; readonly decision: ApprovalDecision }
  | { readonly kind: 'publishedWithoutApprovals'; readonly docId: string; readonly versionLabel: string }
  | { readonly kind: 'hashMismatch'; readonly docId: string; readonly versionLabel: string; readonly recorded: string; readonly actual: string }
  | { readonly kind: 'fileCheckedOut'; readonly docId: string; readonly checkedOutTo: string | null };

/** The decision findings of one approval round of `docId` version `versionLabel`. */
export function decisionFindings(docId: string, versionLabel: string, round: readonly StampedApproval[], authorId: string | null): IntegrityFinding[] {
  const out: IntegrityFinding[] = [];
  for (const a of round) {
    const trust = decisionTrust(a, authorId);
    if (trust === 'notByAssignee') out.push({ kind: 'decisionNotByAssignee', docId, versionLabel, approval: a.title, assigneeId: a.assigneeId, writtenBy: a.decidedBy, decision: a.decision });
    if (trust === 'byAuthor') out.push({ kind: 'decisionByAuthor', docId, versionLabel, approval: a.title, assigneeId: a.assigneeId, decision: a.decision });
  }
  return out;
}

/**
 * True when a published version's approvals count: at least one Approval step in `approvals` (all
 * rounds of the version), and the last round holds only decisions that count and are Approved.
 */
export function publicationApproved(lastRound: readonly StampedApproval[], authorId: string | null): boolean {
  const approvals = lastRound.filter((a) => a.step === 'Approval');
  return approvals.length > 0 && lastRound.every((a) => decisionTrust(a, authorId) === 'counts' && (a.step === 'Review' || a.decision === 'Approved'));
}
