/**
 * Document Approvals (domain §5.4): Pending → Approved | Changes requested | Rejected, by the
 * assignee only; a comment is required to request changes or reject; for Step = Approval the
 * assignee must not be the author of the version (§6.3 rule 1) — whatever roles they hold — and
 * must hold the authority to approve the content (`canApproveContent`).
 */
import { canApproveContent, policyLevel } from './access.js';
import type { ApprovalDecision, ApprovalStep, DocType, VersionStatus } from './constants.js';
import { refuse, type Refusal } from './results.js';
import { isSystemActor, samePerson, type ApprovalState, type AuditEntry, type DocumentActor } from './types.js';

/** The document version an approval belongs to, with what the rules need to know about it. */
export interface VersionUnderApproval {
  readonly docId: string;
  readonly versionLabel: string;
  readonly versionStatus: VersionStatus;
  /** `VersionAuthor` of the version. */
  readonly authorId: string | null;
  readonly docType: DocType;
  readonly mandatoryItem: string;
  readonly processId: string | null;
}

export type FinalDecision = Exclude<ApprovalDecision, 'Pending'>;

/** What the assignee decided, and when (ISO date-time; the caller's clock). */
export interface ApprovalDecisionInput {
  readonly decision: FinalDecision;
  readonly comment?: string | null;
  readonly decidedOn: string;
}

export type ApprovalEffect =
  | { readonly type: 'audit'; readonly entry: AuditEntry }
  /**
   * The document goes back to Draft (the app runs `documentTransition` with `requestChanges`
   * for the deciding assignee); `Rejected` also marks the release Rejected.
   */
  | { readonly type: 'returnDocumentToDraft'; readonly outcome: 'Changes requested' | 'Rejected'; readonly comment: string };

export type ApprovalResult = { readonly ok: true; readonly next: ApprovalState; readonly effects: readonly ApprovalEffect[] } | Refusal;

const FINAL: readonly string[] = ['Approved', 'Changes requested', 'Rejected'];

/**
 * Records the assignee's decision on one approval, or refuses it with nothing changed:
 * `invalidDecision`, `notPending` (already decided), `versionNotInReview`, `notAssignee`,
 * `segregationOfDuties` (author deciding an Approval step), `commentRequired`,
 * `topManagementApproverRequired` / `approverLacksAuthority` (approving without authority).
 */
export function decideApproval(approval: ApprovalState, decision: ApprovalDecisionInput, actor: DocumentActor, version: VersionUnderApproval): ApprovalResult {
  if (!FINAL.includes(decision.decision)) {
    return refuse('invalidDecision', `"${decision.decision}" is not a decision; choose Approved, Changes requested or Rejected.`);
  }
  if (approval.decision !== 'Pending') {
    return refuse('notPending', `This ${approval.step.toLowerCase()} was already decided (${approval.decision}); decisions are final.`);
  }
  if (version.versionStatus !== 'In review') {
    return refuse('versionNotInReview', `Version ${version.versionLabel} of ${version.docId} is ${version.versionStatus}, not In review.`);
  }
  if (isSystemActor(actor) || !samePerson(actor.id, approval.assigneeId)) {
    return refuse('notAssignee', 'Only the person this approval is assigned to can decide it.');
  }
  if (approval.step === 'Approval' && samePerson(actor.id, version.authorId)) {
    return refuse('segregationOfDuties', `You wrote version ${version.versionLabel} of ${version.docId}, so you cannot approve it (segregation of duties).`);
  }
  const comment = decision.comment?.trim() ?? '';
  if (decision.decision !== 'Approved' && comment === '') {
    return refuse('commentRequired', `Say why: a comment is required for "${decision.decision}".`);
  }
  if (approval.step === 'Approval' && decision.decision === 'Approved' && !canApproveContent(actor, version)) {
    return policyLevel(version.docType, version.mandatoryItem)
      ? refuse('topManagementApproverRequired', `${version.docId} is a policy-level document: only top management can approve it.`)
      : refuse('approverLacksAuthority', `You cannot approve ${version.docId}: approval needs the SMS manager, the owner of its process, or top management.`);
  }

  const next: ApprovalState = { ...approval, decision: decision.decision, comment: comment === '' ? null : comment, decidedOn: decision.decidedOn };
  const effects: ApprovalEffect[] = [
    {
      type: 'audit',
      entry: {
        eventType: 'Transition',
        entityType: 'DocumentApproval',
        entityRef: `${version.docId} ${version.versionLabel} ${approval.step}`,
        actorId: actor.id,
        at: decision.decidedOn,
        fromStatus: 'Pending',
        toStatus: decision.decision,
        comment: next.comment,
      },
    },
  ];
  if (decision.decision !== 'Approved') effects.push({ type: 'returnDocumentToDraft', outcome: decision.decision, comment });
  return { ok: true, next, effects };
}

export type RoundOutcome = 'pending' | 'approved' | 'changesRequested' | 'rejected';

/** A decision of the current round, as `documentTransition` reads it. */
export interface ApprovalRecord {
  readonly step: ApprovalStep;
  readonly assigneeId: string;
  readonly decision: ApprovalDecision;
}

/**
 * Where a round of reviews and approvals stands: `rejected` if anyone rejected, else
 * `changesRequested` if anyone asked for changes, else `pending` while any decision is open or no
 * Approval step exists, else `approved`.
 */
export function approvalRoundOutcome(approvals: readonly ApprovalRecord[]): RoundOutcome {
  if (approvals.some((a) => a.decision === 'Rejected')) return 'rejected';
  if (approvals.some((a) => a.decision === 'Changes requested')) return 'changesRequested';
  if (approvals.some((a) => a.decision === 'Pending')) return 'pending';
  return approvals.some((a) => a.step === 'Approval') ? 'approved' : 'pending';
}
