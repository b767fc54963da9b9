/**
 * Finishing an approval round whose decisions are all in while the document is still In review.
 * Reads the document, asks the rules for the step the round leads to, and only then writes; a
 * refusal throws `DocumentRuleError` before anything is.
 */
import { approvalRoundOutcome, decideApproval as decideApprovalRule, type FinalDecision } from '../../../domain/documents/approvals.js';
import { refuse } from '../../../domain/documents/results.js';
import { loadDocument } from '../services/load.js';
import { applyRecordEffects, closeTasks } from '../services/records.js';
import { applyFollowUp, followUpOf, refuseUntrustedDecisions, versionUnderApproval, type DecisionOutcome } from '../services/rounds.js';
import { targetOf } from '../services/steps.js';
import { DocumentRuleError, type DocumentServices, type DocumentSnapshot } from '../services/types.js';

/** True when every decision of the latest round is in but the document is still In review. */
export function roundToComplete(snap: DocumentSnapshot): boolean {
  return snap.state.status === 'In review' && snap.approvals.length > 0 && approvalRoundOutcome(snap.approvals) !== 'pending';
}

/**
 * Finishes a round whose decisions are all recorded while the document is still In review (a
 * decision whose later steps failed): the app approves it (and publishes it as `decideApproval`
 * would), or returns it to Draft with the deciding comment. Each decision's audit entry and task
 * closure are redone where the signed-in user made it (both are idempotent).
 */
export async function completeRound(s: DocumentServices, docId: string): Promise<DecisionOutcome> {
  const snap = await loadDocument(s, docId);
  if (!roundToComplete(snap)) {
    throw new DocumentRuleError(refuse('approvalsIncomplete', `${docId} has no finished round of approvals waiting to be completed.`));
  }
  const round = snap.approvals;
  // A decision that its approver did not write (server-stamped lastModifiedBy) never completes a round.
  refuseUntrustedDecisions(s, snap);
  const next = followUpOf(s, snap, round);
  const mine = round.filter((a) => a.decision !== 'Pending' && a.assigneeId.toLowerCase() === s.me.id.toLowerCase());
  const warnings = await closeTasks(s, mine);
  for (const a of mine) {
    // The audit entry the decision made (same time and comment), from the rule run as if still Pending.
    const again = decideApprovalRule({ ...a, decision: 'Pending' }, { decision: a.decision as FinalDecision, comment: a.comment, decidedOn: a.decidedOn ?? s.clock.now() }, s.me, versionUnderApproval(snap));
    if (again.ok) await applyRecordEffects(s, targetOf(snap), again.effects.filter((e) => e.type === 'audit'), { dedupeAudit: true });
  }
  const decisive = round.find((a) => a.decision === 'Rejected') ?? round.find((a) => a.decision === 'Changes requested') ?? round.find((a) => a.decision === 'Approved');
  return applyFollowUp(s, docId, snap, round, next, (decisive?.decision ?? 'Approved') as FinalDecision, warnings);
}
