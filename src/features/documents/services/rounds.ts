/**
 * An approval round and the document step it leads to, shared by `decideApproval` and
 * `completeRound` (`../api/`): the version the decisions are about, the follow-up the rules allow
 * once every decision is in (back to Draft, or approved), and applying it — approved documents are
 * published through `publishDocument` unless a later effective date is planned.
 */
import { approvalRoundOutcome, type FinalDecision } from '../../../domain/documents/approvals.js';
import { decisionFindings } from '../../../domain/documents/integrity.js';
import { refuse } from '../../../domain/documents/results.js';
import { daysBetween } from '../../../domain/documents/dates.js';
import { SYSTEM_ACTOR } from '../../../domain/documents/types.js';
import { publishDocument } from '../api/publishDocument.js';
import { patchLibraryFields } from './library.js';
import type { PublishedRelease } from './publish.js';
import { applyRecordEffects } from './records.js';
import { transitionOrThrow } from './rules.js';
import { targetOf } from './steps.js';
import { DocumentRuleError, type ApprovalRow, type DocumentServices, type DocumentSnapshot } from './types.js';

export interface DecisionOutcome {
  readonly decision: FinalDecision;
  /** The document's status afterwards. */
  readonly status: string;
  /** Set when the decision completed the approvals and the app published the document. */
  readonly published: PublishedRelease | null;
  readonly warnings: readonly string[];
}

/** The version the approval is about, as the rules' `decideApproval` reads it. */
export function versionUnderApproval(snap: DocumentSnapshot) {
  return {
    docId: snap.state.docId,
    versionLabel: snap.draftRelease?.versionLabel ?? snap.state.draftVersion ?? '',
    versionStatus: snap.draftRelease?.versionStatus ?? 'Draft',
    authorId: snap.draftRelease?.authorId ?? snap.state.authorId,
    docType: snap.state.docType,
    mandatoryItem: snap.state.mandatoryItem,
    processId: snap.state.processId,
  } as const;
}

/** The document step a round's decisions lead to, asked of the rules before anything is written. */
export type FollowUp =
  | { readonly kind: 'none' }
  | { readonly kind: 'back'; readonly result: ReturnType<typeof transitionOrThrow> }
  | { readonly kind: 'approve'; readonly result: ReturnType<typeof transitionOrThrow> };

/**
 * Dry run of what `round` leads to: changes requested / rejected → `requestChanges` (as `actor`,
 * with the deciding comment), every decision approved → `approve` (a system step), else nothing.
 * A refusal throws `DocumentRuleError`.
 */
export function followUpOf(s: DocumentServices, snap: DocumentSnapshot, round: readonly ApprovalRow[]): FollowUp {
  const outcome = approvalRoundOutcome(round);
  if (outcome === 'rejected' || outcome === 'changesRequested') {
    const decider = round.find((a) => a.decision === (outcome === 'rejected' ? 'Rejected' : 'Changes requested'));
    const action = { type: 'requestChanges', comment: decider?.comment ?? '', outcome: outcome === 'rejected' ? 'Rejected' : 'Changes requested' } as const;
    return { kind: 'back', result: transitionOrThrow(s, snap.state, action, s.me, round) };
  }
  if (outcome === 'approved') return { kind: 'approve', result: transitionOrThrow(s, snap.state, { type: 'approve' }, SYSTEM_ACTOR, round) };
  return { kind: 'none' };
}

/** True unless a later effective date is planned (then a controller or the day publishes the approved document). */
export function publishesNow(s: DocumentServices, snap: DocumentSnapshot): boolean {
  const planned = snap.state.effectiveDate;
  return planned === null || daysBetween(s.clock.today(), planned) <= 0;
}

/** Applies a follow-up step (records, DocStatus, audit) and, once approved, publishes unless a later effective date is planned. */
export async function applyFollowUp(s: DocumentServices, docId: string, snap: DocumentSnapshot, round: readonly ApprovalRow[], next: FollowUp, decision: FinalDecision, warnings: readonly string[]): Promise<DecisionOutcome> {
  if (next.kind === 'none') return { decision, status: snap.state.status, published: null, warnings };
  const target = targetOf(snap);
  const { result } = next;
  const records = await applyRecordEffects(s, target, result.effects.filter((e) => e.type !== 'audit'), { approvals: round });
  await patchLibraryFields(s, snap.file.driveItemId, { DocStatus: result.next.status }, snap.eTag);
  await applyRecordEffects(s, target, result.effects.filter((e) => e.type === 'audit'), { dedupeAudit: true });
  const all = [...warnings, ...records.warnings];
  if (next.kind === 'back') return { decision, status: result.next.status, published: null, warnings: all };

  // Published at once unless a later effective date is planned (then a controller or the day publishes it).
  if (!publishesNow(s, snap)) return { decision, status: result.next.status, published: null, warnings: all };
  const published = await publishDocument(s, docId, { actor: 'system', effectiveDate: s.clock.today() });
  return { decision, status: 'Published', published, warnings: all };
}

/**
 * Refuses (`untrustedDecision`, nothing written) when a decision of the round under approval was not
 * recorded by its approver, or was recorded by the author (domain integrity.ts): a round completes,
 * and a version is published, only on decisions that count.
 */
export function refuseUntrustedDecisions(s: Pick<DocumentServices, 'people'>, snap: DocumentSnapshot): void {
  const version = versionUnderApproval(snap);
  const untrusted = decisionFindings(snap.state.docId, version.versionLabel, snap.approvals, version.authorId);
  if (untrusted.length === 0) return;
  const who = untrusted.map((u) => ('assigneeId' in u ? `${u.approval} (${s.people.nameOf(u.assigneeId)})` : '')).join(', ');
  throw new DocumentRuleError(refuse('untrustedDecision', `${snap.state.docId}: the decision on ${who} was not recorded by its approver and does not count.`));
}
