/**
 * Glue between the services and the document rules of src/domain: the transition context (clock,
 * clause tree, people), and small compositions of domain functions the screens ask about. No rule
 * is decided here; each answer comes from a domain function.
 */
import { clauseByNumber } from '../../../../graph/schema/clauses.js';
import { canEditDocument, canPublishOrWithdraw, canSeeDocument, canSeeDrafts } from '../../../domain/documents/access.js';
import { actionsFrom, documentTransition, isReadOnly, type DocumentAction, type TransitionContext, type TransitionResult } from '../../../domain/documents/lifecycle.js';
import { samePerson, SYSTEM_ACTOR, type DocumentActor, type DocumentState, type DocumentUser } from '../../../domain/documents/types.js';
import { approvalRoundOutcome, type ApprovalRecord } from '../../../domain/documents/approvals.js';
import { DocumentRuleError, type DocumentServices } from './types.js';

/** True for a clause number of ISO/IEC 20000-1 (the clause tree in graph/schema). */
export const isValidClause = (clause: string): boolean => clauseByNumber(clause.trim()) !== undefined;

/** The context every `documentTransition` call gets. */
export function transitionContext(s: Pick<DocumentServices, 'clock' | 'people'>, approvals?: readonly ApprovalRecord[]): TransitionContext {
  return {
    now: s.clock.now(),
    today: s.clock.today(),
    isValidClause,
    userById: (id) => s.people.documentUser(id),
    ...(approvals ? { approvals } : {}),
  };
}

/** Runs one lifecycle step through the rules; a refusal throws `DocumentRuleError` (nothing changed). */
export function transitionOrThrow(
  s: Pick<DocumentServices, 'clock' | 'people'>,
  state: DocumentState,
  action: DocumentAction,
  actor: DocumentActor,
  approvals?: readonly ApprovalRecord[],
): Extract<TransitionResult, { ok: true }> {
  const result = documentTransition(state, action, actor, transitionContext(s, approvals));
  if (!result.ok) throw new DocumentRuleError(result);
  return result;
}

/**
 * May `user` change the draft's content and metadata right now: they may edit the document
 * (`canEditDocument`), it is not read-only (`isReadOnly`), and the lifecycle still allows it to be
 * submitted from its status (`actionsFrom` — Draft and Under revision), i.e. it is a working draft.
 */
export function canEditDraftNow(user: DocumentUser, state: DocumentState): boolean {
  return canEditDocument(user, state) && !isReadOnly(state) && actionsFrom(state.status).includes('submit');
}

/** What the document page offers the signed-in user, each answer from a domain function. */
export interface DocumentPermissions {
  readonly canSee: boolean;
  readonly seesDrafts: boolean;
  readonly canEditDraft: boolean;
  readonly canPublishOrWithdraw: boolean;
  readonly canEdit: boolean;
}

export function permissionsOf(user: DocumentUser, state: DocumentState): DocumentPermissions {
  return {
    canSee: canSeeDocument(user.roles, state, user),
    seesDrafts: canSeeDrafts(user.roles, state, user),
    canEditDraft: canEditDraftNow(user, state),
    canPublishOrWithdraw: canPublishOrWithdraw(user),
    canEdit: canEditDocument(user, state),
  };
}

/** Refusals that mean "not for you, not now" (the step is not offered), as opposed to "fix this first". */
const NOT_OFFERED = new Set(['notAllowedFromStatus', 'readOnly', 'notPermitted', 'systemOnly']);

/** A step the page can offer: a lifecycle action, or finishing a fully decided round (`completeRound`). */
export type OfferedAction = DocumentAction['type'] | 'completeRound';

/**
 * The lifecycle steps the page offers the user: each is asked of the rules as a dry run
 * (`documentTransition` with stand-in input). A step the rules refuse for a reason the user can
 * fix (a missing comment, incomplete metadata) is offered, and its dialog shows the reason.
 * With the latest round's approvals, `completeRound` is offered to its assignees and to document
 * controllers when every decision is in but the document is still In review, and the rules allow
 * the step it leads to.
 */
export function offeredActions(s: Pick<DocumentServices, 'me' | 'clock' | 'people'>, state: DocumentState, round: readonly ApprovalRecord[] = []): Set<OfferedAction> {
  const tries: DocumentAction[] = [
    { type: 'submit' },
    { type: 'publish' },
    { type: 'startRevision', revision: 'minor', changeSummary: '—' },
    { type: 'reviewNoChange', comment: '—' },
    { type: 'withdraw', reason: '—' },
  ];
  const out = new Set<OfferedAction>();
  for (const action of tries) {
    const r = documentTransition(state, action, s.me, transitionContext(s));
    if (r.ok || !NOT_OFFERED.has(r.reason)) out.add(action.type);
  }
  // Archiving is a step of the app, taken when a document controller or SMS manager asks for it.
  if (actionsFrom(state.status).includes('archive') && canPublishOrWithdraw(s.me)) out.add('archive');
  if (canCompleteRound(s, state, round)) out.add('completeRound');
  return out;
}

/** Dry run of `completeRound` for the signed-in user (see `offeredActions`). */
function canCompleteRound(s: Pick<DocumentServices, 'me' | 'clock' | 'people'>, state: DocumentState, round: readonly ApprovalRecord[]): boolean {
  if (state.status !== 'In review' || round.length === 0) return false;
  const outcome = approvalRoundOutcome(round);
  if (outcome === 'pending') return false;
  if (!round.some((a) => samePerson(a.assigneeId, s.me.id)) && !canPublishOrWithdraw(s.me)) return false;
  const r =
    outcome === 'approved'
      ? documentTransition(state, { type: 'approve' }, SYSTEM_ACTOR, transitionContext(s, round))
      : documentTransition(state, { type: 'requestChanges', comment: '—', outcome: outcome === 'rejected' ? 'Rejected' : 'Changes requested' }, s.me, transitionContext(s, round));
  return r.ok;
}
