/**
 * The lifecycle of a controlled document (domain §5.4, statuses and transitions of the
 * `SMS Documents` schema). `documentTransition` either returns the next state plus the effects
 * the app must carry out (release records, approvals, acknowledgements, library version steps,
 * audit-trail entry), or refuses with a code and a message and changes nothing.
 *
 * | From           | Action         | To             | Who (§5.4, §6.2)                                         |
 * |----------------|----------------|----------------|----------------------------------------------------------|
 * | Draft          | submit         | In review      | editor: SMS manager, document controller, process owner (own) |
 * | In review      | requestChanges | Draft          | a reviewer or approver of the document                   |
 * | In review      | approve        | Approved       | the app, once every required approval is recorded        |
 * | Approved       | publish        | Published      | SMS manager / document controller (today), or the app on the planned effective date |
 * | Published      | startRevision  | Under revision | editor                                                   |
 * | Under revision | submit         | In review      | editor                                                   |
 * | Published      | reviewNoChange | Published      | editor                                                   |
 * | Published      | withdraw       | Withdrawn      | the document's approver, SMS manager, document controller |
 * | Withdrawn      | archive        | Archived       | the app                                                  |
 *
 * Withdrawal: §5.4 names the approver, §6.2 gives "publish / withdraw" to the SMS manager and the
 * document controller (top management only R). Both are honoured: the person named as the
 * document's approver may withdraw it, and so may SMS managers and document controllers; any
 * other top manager may not.
 */
import { canApproveContent, canEditDocument, canPublishOrWithdraw, policyLevel } from './access.js';
import { approvalRoundOutcome, type ApprovalRecord } from './approvals.js';
import { DEFAULT_REVIEW_CYCLE_MONTHS, type ApprovalStep, type ChangeType, type DocStatus, type VersionStatus } from './constants.js';
import { addDays, daysBetween, isIsoDate, isValidReviewCycle, nextReviewDate } from './dates.js';
import { validateDocumentMetadata, type DocumentMetadataInput, type FieldError } from './metadata.js';
import { refuse, type Refusal } from './results.js';
import {
  includesPerson,
  isSystemActor,
  samePerson,
  type AuditEntry,
  type DocumentActor,
  type DocumentState,
  type DocumentUser,
  type ReleaseRecord,
} from './types.js';
import { compareVersionLabels, isVersionLabel, nextVersionLabel, parseVersionLabel } from './versions.js';

export type DocumentAction =
  /** Draft / Under revision → In review. */
  | { readonly type: 'submit'; readonly comment?: string }
  /** In review → Draft: a reviewer or approver asks for changes (or rejects the version). */
  | { readonly type: 'requestChanges'; readonly comment: string; readonly outcome?: 'Changes requested' | 'Rejected' }
  /** In review → Approved (the app). */
  | { readonly type: 'approve' }
  /**
   * Approved → Published. A person publishes with effect from today (leave `effectiveDate` out or
   * pass today); the app publishes a scheduled release with the planned `effectiveDate` once it
   * has arrived.
   */
  | { readonly type: 'publish'; readonly effectiveDate?: string }
  /**
   * Published → Under revision: a new draft, minor (2.1 → 2.2, the default) or major (2.1 → 3.0).
   * The author defaults to the actor.
   */
  | { readonly type: 'startRevision'; readonly revision?: 'minor' | 'major'; readonly changeSummary?: string; readonly authorId?: string }
  /** Published → Published: periodic review found nothing to change. */
  | { readonly type: 'reviewNoChange'; readonly comment?: string }
  /** Published → Withdrawn. */
  | { readonly type: 'withdraw'; readonly reason: string }
  /** Withdrawn → Archived (the app, when retention starts). */
  | { readonly type: 'archive'; readonly comment?: string };

export type DocumentActionType = DocumentAction['type'];

export interface DocumentTransitionRule {
  readonly action: DocumentActionType;
  readonly from: DocStatus;
  readonly to: DocStatus;
}

/** Every allowed transition; anything else is refused. */
export const DOCUMENT_TRANSITIONS: readonly DocumentTransitionRule[] = [
  { action: 'submit', from: 'Draft', to: 'In review' },
  { action: 'requestChanges', from: 'In review', to: 'Draft' },
  { action: 'approve', from: 'In review', to: 'Approved' },
  { action: 'publish', from: 'Approved', to: 'Published' },
  { action: 'startRevision', from: 'Published', to: 'Under revision' },
  { action: 'submit', from: 'Under revision', to: 'In review' },
  { action: 'reviewNoChange', from: 'Published', to: 'Published' },
  { action: 'withdraw', from: 'Published', to: 'Withdrawn' },
  { action: 'archive', from: 'Withdrawn', to: 'Archived' },
];

/** What the app must do after a transition, in order. */
export type DocumentEffect =
  | { readonly type: 'audit'; readonly entry: AuditEntry }
  /** Create a `Document Releases` item. */
  | { readonly type: 'createRelease'; readonly release: ReleaseRecord }
  /** Change the release item with this label whose status is one of `fromStatuses`. */
  | { readonly type: 'updateRelease'; readonly versionLabel: string; readonly fromStatuses: readonly VersionStatus[]; readonly changes: Partial<ReleaseRecord> }
  /** Published releases with this label become Superseded. */
  | { readonly type: 'supersedeRelease'; readonly versionLabel: string; readonly supersededOn: string }
  /** Create `Document Approvals` items (Pending) for this version. */
  | { readonly type: 'requestApprovals'; readonly versionLabel: string; readonly approvals: readonly { readonly step: ApprovalStep; readonly assigneeId: string }[] }
  /** Approvals of this version still Pending are no longer needed (close their tasks). */
  | { readonly type: 'cancelPendingApprovals'; readonly versionLabel: string }
  /** Library: start a new minor (draft) version; readers keep seeing the last major one. */
  | { readonly type: 'startMinorVersion' }
  /** Library: publish the file, which makes the next major version. */
  | { readonly type: 'publishMajorVersion'; readonly versionLabel: string }
  /** Write the PDF rendition of the release to `SMS Records`. */
  | { readonly type: 'writeRendition'; readonly versionLabel: string }
  /** One Acknowledgement per member of the audience, due on `dueDate`. */
  | { readonly type: 'requestAcknowledgements'; readonly versionLabel: string; readonly audience: readonly string[]; readonly dueDate: string }
  /** Pending or overdue acknowledgements of this older release become Superseded. */
  | { readonly type: 'supersedeAcknowledgements'; readonly versionLabel: string }
  /** Pending or overdue acknowledgements of this release become Cancelled. */
  | { readonly type: 'cancelAcknowledgements'; readonly versionLabel: string; readonly reason: string }
  /** The document item and file become read-only. */
  | { readonly type: 'makeReadOnly' }
  /** Retention of the archived document starts (disposal review later). */
  | { readonly type: 'startRetention' };

export type TransitionResult = { readonly ok: true; readonly next: DocumentState; readonly effects: readonly DocumentEffect[] } | Refusal;

/** What a transition may need besides the document and the actor. */
export interface TransitionContext {
  /** Current time, ISO 8601 (timestamps of effects). */
  readonly now: string;
  /** Current date in the organisation, `YYYY-MM-DD` (effective and review dates). */
  readonly today: string;
  /** True for a clause number of ISO/IEC 20000-1 (graph/schema `clauseByNumber`). */
  readonly isValidClause: (clause: string) => boolean;
  /** Roles and owned processes of a person (approver authority checks). */
  readonly userById: (id: string) => DocumentUser | undefined;
  /**
   * Decisions of the current round of the draft version (the Document Approvals items created
   * at its latest submission). Needed by `approve`; also lets an assignee not (or no longer)
   * listed on the document request changes.
   */
  readonly approvals?: readonly ApprovalRecord[];
}

const ACTION_NAMES: Readonly<Record<DocumentActionType, string>> = {
  submit: 'Submit for review',
  requestChanges: 'Request changes',
  approve: 'Approve',
  publish: 'Publish',
  startRevision: 'Start a revision',
  reviewNoChange: 'Record a periodic review with no change',
  withdraw: 'Withdraw',
  archive: 'Archive',
};

/** The actions the lifecycle allows from a status (ignoring who asks and guards). */
export function actionsFrom(status: DocStatus): DocumentActionType[] {
  return DOCUMENT_TRANSITIONS.filter((t) => t.from === status).map((t) => t.action);
}

/** True when the document can no longer change (Withdrawn or Archived). */
export function isReadOnly(doc: Pick<DocumentState, 'status'>): boolean {
  return doc.status === 'Withdrawn' || doc.status === 'Archived';
}

/** New, Minor revision or Major revision: how the draft label relates to the published one. */
export function changeTypeOf(doc: Pick<DocumentState, 'publishedVersion' | 'draftVersion'>): ChangeType {
  if (doc.publishedVersion === null || doc.draftVersion === null) return 'New';
  const p = parseVersionLabel(doc.publishedVersion);
  const d = parseVersionLabel(doc.draftVersion);
  return p && d && d.major > p.major ? 'Major revision' : 'Minor revision';
}

/**
 * The label the draft is released under: the draft's own label for a revision; for a first
 * publication 1.0, unless the draft already carries a release label (≥ 1.0).
 */
export function releaseLabelOf(doc: Pick<DocumentState, 'publishedVersion' | 'draftVersion'>): string | undefined {
  if (doc.draftVersion === null || !isVersionLabel(doc.draftVersion)) return undefined;
  if (doc.publishedVersion === null) {
    return parseVersionLabel(doc.draftVersion)!.major >= 1 ? doc.draftVersion : nextVersionLabel(null, 'major');
  }
  if (!isVersionLabel(doc.publishedVersion)) return undefined;
  return compareVersionLabels(doc.draftVersion, doc.publishedVersion) > 0 ? doc.draftVersion : undefined;
}

function audit(doc: DocumentState, actor: DocumentActor, to: DocStatus, now: string, comment: string | null | undefined): DocumentEffect {
  const c = comment?.trim();
  return {
    type: 'audit',
    entry: {
      eventType: 'Transition',
      entityType: 'ControlledDocument',
      entityRef: doc.docId,
      actorId: actor.id,
      at: now,
      fromStatus: doc.status,
      toStatus: to,
      comment: c ? c : null,
    },
  };
}

const text = (s: string | null | undefined): string => s?.trim() ?? '';

/**
 * Applies one lifecycle step to a document (see the table above), or refuses it:
 * `readOnly` (withdrawn/archived), `notAllowedFromStatus`, `notPermitted`, `systemOnly`, then the
 * step's guards (`metadataIncomplete`, `segregationOfDuties`, `topManagementApproverRequired`,
 * `approverLacksAuthority`, `approvalsIncomplete`, `commentRequired`, `reasonRequired`,
 * `notYetEffective`, `invalidVersion`). A refusal changes nothing and has no effects.
 */
export function documentTransition(doc: DocumentState, action: DocumentAction, actor: DocumentActor, ctx: TransitionContext): TransitionResult {
  const name = ACTION_NAMES[action.type] ?? String(action.type);
  const rule = DOCUMENT_TRANSITIONS.find((t) => t.action === action.type && t.from === doc.status);
  if (!rule) {
    if (isReadOnly(doc)) return refuse('readOnly', `${doc.docId} is ${doc.status} and read-only: "${name}" is not possible.`);
    const allowed = actionsFrom(doc.status).map((a) => ACTION_NAMES[a]);
    return refuse('notAllowedFromStatus', `"${name}" is not possible while ${doc.docId} is ${doc.status}. Possible now: ${allowed.join('; ')}.`);
  }
  switch (action.type) {
    case 'submit':
      return submit(doc, action, actor, ctx, rule.to);
    case 'requestChanges':
      return requestChanges(doc, action, actor, ctx, rule.to);
    case 'approve':
      return approve(doc, actor, ctx, rule.to);
    case 'publish':
      return publish(doc, action, actor, ctx, rule.to);
    case 'startRevision':
      return startRevision(doc, action, actor, ctx, rule.to);
    case 'reviewNoChange':
      return reviewNoChange(doc, action, actor, ctx, rule.to);
    case 'withdraw':
      return withdraw(doc, action, actor, ctx, rule.to);
    case 'archive':
      if (!isSystemActor(actor)) return refuse('systemOnly', `Archiving is done by the app when retention of ${doc.docId} starts.`);
      return { ok: true, next: { ...doc, status: rule.to }, effects: [{ type: 'startRetention' }, audit(doc, actor, rule.to, ctx.now, action.comment)] };
  }
}

function editorOnly(doc: DocumentState, actor: DocumentActor, what: string): Refusal | DocumentUser {
  if (isSystemActor(actor)) return refuse('notPermitted', `The app does not ${what} on anyone's behalf.`);
  if (!canEditDocument(actor, doc)) {
    return refuse('notPermitted', `Only the SMS manager, a document controller or the owner of ${doc.docId} (or of its process) can ${what}.`);
  }
  return actor;
}

const isRefusal = (x: Refusal | DocumentUser): x is Refusal => 'ok' in x;

/** Approver problems that metadata alone cannot see: authority for the content (§6.2). */
function approverAuthorityErrors(doc: DocumentState, ctx: TransitionContext): { policy: boolean; errors: FieldError[] } {
  const policy = policyLevel(doc.docType, doc.mandatoryItem);
  const errors: FieldError[] = [];
  for (const id of doc.approverIds) {
    const user = ctx.userById(id);
    if (user && canApproveContent(user, doc)) continue;
    errors.push({
      field: 'approverIds',
      code: policy ? 'approver.notTopManagement' : 'approver.noAuthority',
      value: id,
      message: policy
        ? `${id} is not top management; a policy-level document needs a top-management approver.`
        : `${id} cannot approve ${doc.docId}: choose the SMS manager, the owner of its process, or top management.`,
    });
  }
  return { policy, errors };
}

function submit(doc: DocumentState, action: { comment?: string }, actor: DocumentActor, ctx: TransitionContext, to: DocStatus): TransitionResult {
  const user = editorOnly(doc, actor, 'submit this document for review');
  if (isRefusal(user)) return user;
  if (doc.draftVersion === null || !isVersionLabel(doc.draftVersion)) {
    return refuse('invalidVersion', `${doc.docId} has no valid draft version to submit.`);
  }
  const input: DocumentMetadataInput = doc;
  const errors = validateDocumentMetadata(input, {
    isValidClause: ctx.isValidClause,
    requireDocId: true,
    requireAuthor: true,
    requireChangeSummary: doc.publishedVersion !== null,
  });
  if (errors.some((e) => e.code === 'approver.isAuthor')) {
    return refuse('segregationOfDuties', `The author of version ${doc.draftVersion} cannot be its approver; choose another approver.`, errors);
  }
  if (errors.length > 0) return refuse('metadataIncomplete', `Complete the document details first: ${errors.map((e) => e.message).join(' ')}`, errors);
  const authority = approverAuthorityErrors(doc, ctx);
  if (authority.errors.length > 0) {
    return authority.policy
      ? refuse('topManagementApproverRequired', `${doc.docId} is policy-level: every approver must be top management.`, authority.errors)
      : refuse('approverLacksAuthority', `An approver of ${doc.docId} cannot approve its content.`, authority.errors);
  }
  const label = doc.draftVersion;
  const approvals: { step: ApprovalStep; assigneeId: string }[] = [
    ...doc.approverIds.map((id) => ({ step: 'Approval' as const, assigneeId: id })),
    ...doc.reviewerIds
      .filter((id) => !includesPerson(doc.approverIds, id) && !samePerson(id, doc.authorId))
      .map((id) => ({ step: 'Review' as const, assigneeId: id })),
  ];
  return {
    ok: true,
    next: { ...doc, status: to },
    effects: [
      {
        type: 'updateRelease',
        versionLabel: label,
        fromStatuses: ['Draft'],
        changes: { versionStatus: 'In review', submittedOn: ctx.now, changeSummary: doc.changeSummary, authorId: doc.authorId },
      },
      { type: 'requestApprovals', versionLabel: label, approvals },
      audit(doc, actor, to, ctx.now, action.comment),
    ],
  };
}

function requestChanges(
  doc: DocumentState,
  action: { comment: string; outcome?: 'Changes requested' | 'Rejected' },
  actor: DocumentActor,
  ctx: TransitionContext,
  to: DocStatus,
): TransitionResult {
  const assignees = (ctx.approvals ?? []).map((a) => a.assigneeId);
  const involved =
    !isSystemActor(actor) && (includesPerson(doc.approverIds, actor.id) || includesPerson(doc.reviewerIds, actor.id) || includesPerson(assignees, actor.id));
  if (!involved) return refuse('notPermitted', `Only a reviewer or approver of ${doc.docId} can request changes.`);
  const comment = text(action.comment);
  if (comment === '') return refuse('commentRequired', 'Say what needs to change: a comment is required.');
  if (doc.draftVersion === null) return refuse('invalidVersion', `${doc.docId} has no draft version in review.`);
  const rejected = action.outcome === 'Rejected';
  const label = doc.draftVersion;
  const effects: DocumentEffect[] = [
    { type: 'updateRelease', versionLabel: label, fromStatuses: ['In review'], changes: { versionStatus: rejected ? 'Rejected' : 'Draft' } },
  ];
  if (rejected) {
    effects.push({
      type: 'createRelease',
      release: { versionLabel: label, versionStatus: 'Draft', changeType: changeTypeOf(doc), changeSummary: doc.changeSummary, authorId: doc.authorId },
    });
  }
  effects.push({ type: 'cancelPendingApprovals', versionLabel: label }, audit(doc, actor, to, ctx.now, comment));
  return { ok: true, next: { ...doc, status: to }, effects };
}

function approve(doc: DocumentState, actor: DocumentActor, ctx: TransitionContext, to: DocStatus): TransitionResult {
  if (!isSystemActor(actor)) {
    return refuse('systemOnly', `The app approves ${doc.docId} once every required approval is recorded; record your decision on your approval task instead.`);
  }
  if (doc.draftVersion === null) return refuse('invalidVersion', `${doc.docId} has no draft version in review.`);
  const round = ctx.approvals ?? [];
  const outcome = approvalRoundOutcome(round);
  if (outcome !== 'approved') {
    const why = { pending: 'some decisions are still pending', changesRequested: 'changes were requested', rejected: 'the version was rejected' }[outcome];
    return refuse('approvalsIncomplete', `${doc.docId} cannot be approved yet: ${why}.`);
  }
  const approving = round.filter((a) => a.step === 'Approval' && a.decision === 'Approved');
  const missing = doc.approverIds.filter((id) => !approving.some((a) => samePerson(a.assigneeId, id)));
  if (missing.length > 0) return refuse('approvalsIncomplete', `${doc.docId} still needs the approval of ${missing.join(', ')}.`);
  if (approving.some((a) => samePerson(a.assigneeId, doc.authorId))) {
    return refuse('segregationOfDuties', `The author of version ${doc.draftVersion} approved it; that approval does not count (segregation of duties).`);
  }
  const policy = policyLevel(doc.docType, doc.mandatoryItem);
  for (const a of approving) {
    const user = ctx.userById(a.assigneeId);
    if (user && canApproveContent(user, doc)) continue;
    return policy
      ? refuse('topManagementApproverRequired', `${doc.docId} is policy-level and ${a.assigneeId} is not top management.`)
      : refuse('approverLacksAuthority', `${a.assigneeId} cannot approve the content of ${doc.docId}.`);
  }
  return {
    ok: true,
    next: { ...doc, status: to },
    effects: [
      {
        type: 'updateRelease',
        versionLabel: doc.draftVersion,
        fromStatuses: ['In review'],
        changes: { versionStatus: 'Approved', approvedBy: approving.map((a) => a.assigneeId), approvedOn: ctx.now },
      },
      audit(doc, actor, to, ctx.now, null),
    ],
  };
}

function publish(doc: DocumentState, action: { effectiveDate?: string }, actor: DocumentActor, ctx: TransitionContext, to: DocStatus): TransitionResult {
  let effectiveDate: string;
  if (isSystemActor(actor)) {
    if (!isIsoDate(action.effectiveDate)) return refuse('notYetEffective', `The app publishes ${doc.docId} automatically only on a planned effective date.`);
    if (daysBetween(action.effectiveDate, ctx.today) < 0) {
      return refuse('notYetEffective', `${doc.docId} takes effect on ${action.effectiveDate}; it is published automatically on that day.`);
    }
    effectiveDate = action.effectiveDate;
  } else {
    if (!canPublishOrWithdraw(actor)) return refuse('notPermitted', `Only a document controller or the SMS manager can publish ${doc.docId}.`);
    if (action.effectiveDate !== undefined && action.effectiveDate !== ctx.today) {
      return refuse('notYetEffective', `Publishing now takes effect today (${ctx.today}); a later effective date is published automatically on the day.`);
    }
    effectiveDate = ctx.today;
  }
  const label = releaseLabelOf(doc);
  if (label === undefined || doc.draftVersion === null) {
    return refuse('invalidVersion', `The approved version of ${doc.docId} (${doc.draftVersion ?? 'none'}) does not follow the published version ${doc.publishedVersion ?? 'none'}.`);
  }
  if (!isValidReviewCycle(doc.reviewCycleMonths)) {
    const errors = validateDocumentMetadata(doc, { isValidClause: ctx.isValidClause }).filter((e) => e.field === 'reviewCycleMonths');
    return refuse('metadataIncomplete', 'Set a review cycle of 1–60 months before publishing.', errors);
  }
  const previous = doc.publishedVersion;
  const ackDueDate = doc.ackRequired && Number.isInteger(doc.ackDueDays) && doc.ackDueDays >= 0 ? addDays(ctx.today, doc.ackDueDays) : undefined;
  if (doc.ackRequired && (ackDueDate === undefined || doc.ackAudience.length === 0)) {
    const errors = validateDocumentMetadata(doc, { isValidClause: ctx.isValidClause }).filter((e) => e.field === 'ackAudience' || e.field === 'ackDueDays');
    return refuse('metadataIncomplete', 'Set who must acknowledge the document and within how many days before publishing.', errors);
  }
  const ack = ackDueDate !== undefined ? { ackRequired: true, ackAudience: doc.ackAudience, ackDueDays: doc.ackDueDays, ackDueDate } : { ackRequired: false };
  const changes: Partial<ReleaseRecord> = {
    ...(label !== doc.draftVersion ? { versionLabel: label } : {}),
    versionStatus: 'Published',
    publishedOn: ctx.now,
    ...ack,
  };
  const effects: DocumentEffect[] = [
    { type: 'publishMajorVersion', versionLabel: label },
    { type: 'updateRelease', versionLabel: doc.draftVersion, fromStatuses: ['Approved'], changes },
  ];
  if (previous !== null) {
    effects.push({ type: 'supersedeRelease', versionLabel: previous, supersededOn: ctx.now });
    if (doc.ackRequired) effects.push({ type: 'supersedeAcknowledgements', versionLabel: previous });
  }
  if (ackDueDate !== undefined) effects.push({ type: 'requestAcknowledgements', versionLabel: label, audience: doc.ackAudience, dueDate: ackDueDate });
  effects.push({ type: 'writeRendition', versionLabel: label }, audit(doc, actor, to, ctx.now, `Version ${label} effective ${effectiveDate}`));
  return {
    ok: true,
    next: {
      ...doc,
      status: to,
      publishedVersion: label,
      draftVersion: null,
      authorId: null,
      changeSummary: null,
      effectiveDate,
      nextReviewDate: nextReviewDate(effectiveDate, doc.reviewCycleMonths),
    },
    effects,
  };
}

function startRevision(
  doc: DocumentState,
  action: { revision?: 'minor' | 'major'; changeSummary?: string; authorId?: string },
  actor: DocumentActor,
  ctx: TransitionContext,
  to: DocStatus,
): TransitionResult {
  const user = editorOnly(doc, actor, 'start a revision');
  if (isRefusal(user)) return user;
  const revision = action.revision ?? 'minor';
  if (revision !== 'minor' && revision !== 'major') return refuse('invalidVersion', 'Choose a minor or a major revision.');
  if (doc.publishedVersion === null || !isVersionLabel(doc.publishedVersion)) {
    return refuse('invalidVersion', `${doc.docId} has no valid published version to revise.`);
  }
  const draft = nextVersionLabel(doc.publishedVersion, revision);
  const authorId = text(action.authorId) || user.id;
  const summary = text(action.changeSummary) || null;
  return {
    ok: true,
    next: { ...doc, status: to, draftVersion: draft, authorId, changeSummary: summary },
    effects: [
      { type: 'startMinorVersion' },
      {
        type: 'createRelease',
        release: { versionLabel: draft, versionStatus: 'Draft', changeType: revision === 'major' ? 'Major revision' : 'Minor revision', changeSummary: summary, authorId },
      },
      audit(doc, actor, to, ctx.now, summary),
    ],
  };
}

function reviewNoChange(doc: DocumentState, action: { comment?: string }, actor: DocumentActor, ctx: TransitionContext, to: DocStatus): TransitionResult {
  const user = editorOnly(doc, actor, 'record a periodic review');
  if (isRefusal(user)) return user;
  if (doc.publishedVersion === null || !isVersionLabel(doc.publishedVersion)) {
    return refuse('invalidVersion', `${doc.docId} has no valid published version to review.`);
  }
  if (!isValidReviewCycle(doc.reviewCycleMonths)) {
    const errors = validateDocumentMetadata(doc, { isValidClause: ctx.isValidClause }).filter((e) => e.field === 'reviewCycleMonths');
    return refuse('metadataIncomplete', 'Set a review cycle of 1–60 months first.', errors);
  }
  const comment = text(action.comment) || 'Periodic review: no change needed.';
  return {
    ok: true,
    next: { ...doc, nextReviewDate: nextReviewDate(ctx.today, doc.reviewCycleMonths) },
    effects: [
      {
        type: 'createRelease',
        release: {
          versionLabel: doc.publishedVersion,
          versionStatus: 'Published',
          changeType: 'Reviewed – no change',
          changeSummary: comment,
          authorId: user.id,
          ackRequired: false,
        },
      },
      audit(doc, actor, to, ctx.now, comment),
    ],
  };
}

function withdraw(doc: DocumentState, action: { reason: string }, actor: DocumentActor, ctx: TransitionContext, to: DocStatus): TransitionResult {
  const allowed = !isSystemActor(actor) && (canPublishOrWithdraw(actor) || includesPerson(doc.approverIds, actor.id));
  if (!allowed) return refuse('notPermitted', `Only the approver of ${doc.docId}, a document controller or the SMS manager can withdraw it.`);
  const reason = text(action.reason);
  if (reason === '') return refuse('reasonRequired', `Give the reason for withdrawing ${doc.docId}.`);
  if (doc.publishedVersion === null) return refuse('invalidVersion', `${doc.docId} has no published version to withdraw.`);
  const label = doc.publishedVersion;
  return {
    ok: true,
    next: { ...doc, status: to },
    effects: [
      { type: 'updateRelease', versionLabel: label, fromStatuses: ['Published'], changes: { versionStatus: 'Withdrawn' } },
      { type: 'createRelease', release: { versionLabel: label, versionStatus: 'Withdrawn', changeType: 'Withdrawal', changeSummary: reason, authorId: actor.id } },
      { type: 'cancelAcknowledgements', versionLabel: label, reason },
      { type: 'makeReadOnly' },
      audit(doc, actor, to, ctx.now, reason),
    ],
  };
}

/** A new document as the create form gives it; the author is the creating user. */
export interface NewDocumentInput {
  readonly docId: string;
  readonly title: string;
  readonly docType: DocumentState['docType'];
  readonly ownerId: string | null;
  readonly approverIds?: readonly string[];
  readonly reviewerIds?: readonly string[];
  readonly processId?: string | null;
  readonly primaryClause?: string | null;
  readonly clauseRefs?: readonly string[];
  readonly mandatoryItem?: string;
  readonly classification?: DocumentState['classification'];
  readonly reviewCycleMonths?: number;
  readonly ackRequired?: boolean;
  readonly ackAudience?: readonly string[];
  readonly ackDueDays?: number;
  readonly externalOrigin?: boolean;
  readonly issuer?: string | null;
  readonly changeSummary?: string | null;
}

export type NewDocumentResult = TransitionResult;

/**
 * A new controlled document in Draft with draft version 0.1 authored by `actor`, or a refusal:
 * `notPermitted` (only editors create: SMS manager, document controller, a process owner for a
 * document they own or of their process), `segregationOfDuties` (the author named as approver),
 * `metadataIncomplete` (an approver may still be missing; submission requires one). Defaults
 * follow the library columns: classification Internal, review cycle 12 months, ack due 14 days.
 */
export function draftNewDocument(input: NewDocumentInput, actor: DocumentActor, ctx: Pick<TransitionContext, 'now' | 'isValidClause'>): NewDocumentResult {
  const doc: DocumentState = {
    docId: input.docId,
    title: input.title,
    docType: input.docType,
    status: 'Draft',
    ownerId: input.ownerId,
    approverIds: input.approverIds ?? [],
    reviewerIds: input.reviewerIds ?? [],
    processId: input.processId ?? null,
    primaryClause: input.primaryClause ?? null,
    clauseRefs: input.clauseRefs ?? [],
    mandatoryItem: input.mandatoryItem ?? 'None',
    classification: input.classification ?? 'Internal',
    publishedVersion: null,
    draftVersion: nextVersionLabel(null, 'minor'),
    authorId: isSystemActor(actor) ? null : actor.id,
    changeSummary: input.changeSummary ?? null,
    effectiveDate: null,
    reviewCycleMonths: input.reviewCycleMonths ?? DEFAULT_REVIEW_CYCLE_MONTHS,
    nextReviewDate: null,
    ackRequired: input.ackRequired ?? false,
    ackAudience: input.ackAudience ?? [],
    ackDueDays: input.ackDueDays ?? 14,
    externalOrigin: input.externalOrigin ?? false,
    issuer: input.issuer ?? null,
  };
  if (isSystemActor(actor) || !canEditDocument(actor, doc)) {
    return refuse('notPermitted', 'Only the SMS manager, a document controller or a process owner (for their own documents) can create a controlled document.');
  }
  const errors = validateDocumentMetadata(doc, { isValidClause: ctx.isValidClause, requireDocId: true }).filter((e) => e.code !== 'approver.required');
  if (errors.some((e) => e.code === 'approver.isAuthor')) {
    return refuse('segregationOfDuties', 'You are the author of this document, so you cannot also be its approver.', errors);
  }
  if (errors.length > 0) return refuse('metadataIncomplete', `Complete the document details first: ${errors.map((e) => e.message).join(' ')}`, errors);
  return {
    ok: true,
    next: doc,
    effects: [
      {
        type: 'createRelease',
        release: { versionLabel: doc.draftVersion!, versionStatus: 'Draft', changeType: 'New', changeSummary: doc.changeSummary, authorId: doc.authorId },
      },
      {
        type: 'audit',
        entry: { eventType: 'Created', entityType: 'ControlledDocument', entityRef: doc.docId, actorId: actor.id, at: ctx.now, fromStatus: null, toStatus: 'Draft', comment: null },
      },
    ],
  };
}
