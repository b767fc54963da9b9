/**
 * An approver's decision on their approval. Reads the document, asks the rules
 * (`decideApproval`, then the document step the round leads to), and only then writes; a refusal
 * throws `DocumentRuleError` before anything is.
 */
import { updateItemFields } from '../../../../graph/lists/items.js';
import { decideApproval as decideApprovalRule, type FinalDecision } from '../../../domain/documents/approvals.js';
import { trustedRound } from '../../../domain/documents/integrity.js';
import { refuse } from '../../../domain/documents/results.js';
import { loadDocument } from '../services/load.js';
import { approveAndPublish, planFinalApproval } from '../services/publish.js';
import { applyRecordEffects, closeTasks } from '../services/records.js';
import { applyFollowUp, followUpOf, publishesNow, versionUnderApproval, type DecisionOutcome } from '../services/rounds.js';
import { targetOf } from '../services/steps.js';
import { DocumentRuleError, type ApprovalRow, type DocumentServices, type DocumentSnapshot } from '../services/types.js';
import { completeRound, roundToComplete } from './completeRound.js';
import { completePublication } from './completePublication.js';
import { isAmbiguousFailure, unfinishedPublicationOf } from '../services/resume.js';

export type { DecisionOutcome } from '../services/rounds.js';

/**
 * What the rules would say to the signed-in user deciding `decision` on their approval, without
 * writing anything: null when allowed, else the refusal (e.g. the author approving).
 */
export function checkDecision(s: Pick<DocumentServices, 'me' | 'clock'>, snap: DocumentSnapshot, approval: ApprovalRow, decision: FinalDecision, comment: string | null) {
  const r = decideApprovalRule(approval, { decision, comment, decidedOn: s.clock.now() }, s.me, versionUnderApproval(snap));
  return r.ok ? null : r;
}

/**
 * Records the signed-in user's decision and takes the round as far as it goes (`recordDecision`
 * below). After an ambiguous failure (../services/resume.ts: a 503/504 or a timeout, when a write
 * may have happened) nothing is re-sent blindly: the document is read again, and if the decision
 * was recorded, `completePublication` finishes the round and the publication from the stage it
 * reached; if it was not, the failure is thrown and the user tries again.
 */
export async function decideApproval(s: DocumentServices, docId: string, approvalItemId: string, decision: FinalDecision, comment: string | null): Promise<DecisionOutcome> {
  try {
    return await recordDecision(s, docId, approvalItemId, decision, comment);
  } catch (e) {
    if (!isAmbiguousFailure(e)) throw e;
    return completePublication(s, docId, decision, { approvalItemId, failure: e });
  }
}

/**
 * Records the signed-in user's decision on their approval (`decideApproval`; `If-Match` on the
 * record). Changes requested or rejected: the document returns to Draft. Approved, and every
 * required decision recorded: the app approves the document and, unless a later effective date is
 * planned, publishes it through `publishDocument`. The document step that follows is asked of the
 * rules before the decision is written; if a later write fails, retrying the same decision (the
 * approval is no longer Pending) finishes the round through `completeRound`, or, once the document
 * is Approved or Published, the publication through `completePublication`.
 */
async function recordDecision(s: DocumentServices, docId: string, approvalItemId: string, decision: FinalDecision, comment: string | null): Promise<DecisionOutcome> {
  const snap = await loadDocument(s, docId);
  // Decisions someone other than their approver wrote do not count: the rules see them as Pending, so
  // the approver can still record their own, and they never complete a round (domain integrity.ts).
  const trusted = trustedRound(snap.approvals, versionUnderApproval(snap).authorId);
  const approval = trusted.find((a) => a.itemId === approvalItemId);
  // A retry after the decision was recorded and the document moved on: finish what is left (issue 9 §4).
  if (!approval && snap.state.status === 'Published') return completePublication(s, docId, decision);
  if (!approval) throw new DocumentRuleError(refuse('notAssignee', 'This approval is not part of the current review of the document.'));
  if (approval.decision !== 'Pending' && roundToComplete(snap)) return completeRound(s, docId);
  if (approval.decision !== 'Pending' && unfinishedPublicationOf(s, snap)) return completePublication(s, docId, decision);
  const ruled = decideApprovalRule(approval, { decision, comment, decidedOn: s.clock.now() }, s.me, versionUnderApproval(snap));
  if (!ruled.ok) throw new DocumentRuleError(ruled);
  const round = trusted.map((a) => (a.itemId === approval.itemId ? { ...a, decision: ruled.next.decision, comment: ruled.next.comment, decidedBy: s.me.id } : a));
  const next = followUpOf(s, snap, round);
  const decisionFields = { Decision: ruled.next.decision, Comment: ruled.next.comment, DecidedOn: ruled.next.decidedOn };

  // The last decision of a round that publishes now: the whole step in six round trips (services/publish.ts).
  if (next.kind === 'approve' && publishesNow(s, snap)) {
    const final = { approval, decisionFields, decisionEffects: ruled.effects, approved: next.result };
    const plan = planFinalApproval(s, snap, final);
    if (plan) {
      const { published, warnings } = await approveAndPublish(s, snap, final, plan);
      return { decision, status: 'Published', published, warnings };
    }
  }

  await updateItemFields(
    s.client,
    s.site.siteId,
    s.site.approvalsListId,
    approval.itemId,
    decisionFields,
    approval.eTag,
  );
  const warnings = await closeTasks(s, [approval]);
  await applyRecordEffects(s, targetOf(snap), ruled.effects.filter((e) => e.type === 'audit'), { dedupeAudit: true });
  return applyFollowUp(s, docId, snap, round, next, decision, warnings);
}
