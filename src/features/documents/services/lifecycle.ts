/**
 * The lifecycle steps of a controlled document other than creation and publication (see
 * create.ts and publish.ts). Each one reads the document, asks the rules (`documentTransition`,
 * `decideApproval`), and only then writes: release and approval records, the library file and its
 * metadata, the audit trail. A refusal throws `DocumentRuleError` before anything is written.
 *
 * Library versions: changes to a draft are minor versions (readers keep the last major version);
 * changes readers must see (periodic review date, withdrawal) are checked in as a major version.
 */
import { restoreVersion as restoreDriveVersion } from '../../../../graph/drive/drive.js';
import { updateItemFields } from '../../../../graph/lists/items.js';
import { canPublishOrWithdraw } from '../../../domain/documents/access.js';
import { approvalRoundOutcome, decideApproval as decideApprovalRule, type FinalDecision } from '../../../domain/documents/approvals.js';
import { validateDocumentMetadata, type FieldError } from '../../../domain/documents/metadata.js';
import { refuse } from '../../../domain/documents/results.js';
import { SYSTEM_ACTOR } from '../../../domain/documents/types.js';
import { daysBetween } from '../../../domain/documents/dates.js';
import { currentETag, patchLibraryFields, replaceFile, withCheckout, type FileInput, type UploadProgress } from './library.js';
import { loadDocument, readApprovals } from './load.js';
import { metadataFields, metadataOf, toDocumentState, type DocumentMetadata } from './mapping.js';
import { publishDocument, type PublishedRelease } from './publish.js';
import { applyRecordEffects, closeTasks, type EffectTarget } from './records.js';
import { canEditDraftNow, isValidClause, transitionOrThrow } from './rules.js';
import { DocumentRuleError, type ApprovalRow, type DocumentServices, type DocumentSnapshot } from './types.js';

const targetOf = (snap: DocumentSnapshot): EffectTarget => ({
  docId: snap.state.docId,
  title: snap.state.title,
  listItemId: snap.listItemId,
  fileWebUrl: snap.file.webUrl,
  releases: [...snap.releases],
});

async function allApprovalsOf(s: DocumentServices, snap: DocumentSnapshot): Promise<ApprovalRow[]> {
  return snap.draftRelease ? readApprovals(s, snap.draftRelease.itemId) : [];
}

// ---------- submit ----------

/** Draft / Under revision → In review: approval records (and Planner tasks for approvers), then the status. */
export async function submitForReview(s: DocumentServices, docId: string, comment?: string): Promise<DocumentSnapshot> {
  const snap = await loadDocument(s, docId);
  const result = transitionOrThrow(s, snap.state, { type: 'submit', ...(comment ? { comment } : {}) }, s.me);
  const target = targetOf(snap);
  const approvals = await allApprovalsOf(s, snap);
  const records = result.effects.filter((e) => e.type !== 'audit');
  await applyRecordEffects(s, target, records, { approvals });
  await patchLibraryFields(s, snap.file.driveItemId, { DocStatus: result.next.status }, snap.eTag);
  await applyRecordEffects(s, target, result.effects.filter((e) => e.type === 'audit'), { dedupeAudit: true });
  return loadDocument(s, docId);
}

// ---------- decisions ----------

export interface DecisionOutcome {
  readonly decision: FinalDecision;
  /** The document's status afterwards. */
  readonly status: string;
  /** Set when the decision completed the approvals and the app published the document. */
  readonly published: PublishedRelease | null;
  readonly warnings: readonly string[];
}

/** The version the approval is about, as `decideApproval` reads it. */
function versionUnderApproval(snap: DocumentSnapshot) {
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

/**
 * What the rules would say to the signed-in user deciding `decision` on their approval, without
 * writing anything: null when allowed, else the refusal (e.g. the author approving).
 */
export function checkDecision(s: Pick<DocumentServices, 'me' | 'clock'>, snap: DocumentSnapshot, approval: ApprovalRow, decision: FinalDecision, comment: string | null) {
  const r = decideApprovalRule(approval, { decision, comment, decidedOn: s.clock.now() }, s.me, versionUnderApproval(snap));
  return r.ok ? null : r;
}

/** The document step a round's decisions lead to, asked of the rules before anything is written. */
type FollowUp =
  | { readonly kind: 'none' }
  | { readonly kind: 'back'; readonly result: ReturnType<typeof transitionOrThrow> }
  | { readonly kind: 'approve'; readonly result: ReturnType<typeof transitionOrThrow> };

/**
 * Dry run of what `round` leads to: changes requested / rejected → `requestChanges` (as `actor`,
 * with the deciding comment), every decision approved → `approve` (a system step), else nothing.
 * A refusal throws `DocumentRuleError`.
 */
function followUpOf(s: DocumentServices, snap: DocumentSnapshot, round: readonly ApprovalRow[]): FollowUp {
  const outcome = approvalRoundOutcome(round);
  if (outcome === 'rejected' || outcome === 'changesRequested') {
    const decider = round.find((a) => a.decision === (outcome === 'rejected' ? 'Rejected' : 'Changes requested'));
    const action = { type: 'requestChanges', comment: decider?.comment ?? '', outcome: outcome === 'rejected' ? 'Rejected' : 'Changes requested' } as const;
    return { kind: 'back', result: transitionOrThrow(s, snap.state, action, s.me, round) };
  }
  if (outcome === 'approved') return { kind: 'approve', result: transitionOrThrow(s, snap.state, { type: 'approve' }, SYSTEM_ACTOR, round) };
  return { kind: 'none' };
}

/** Applies a follow-up step (records, DocStatus, audit) and, once approved, publishes unless a later effective date is planned. */
async function applyFollowUp(s: DocumentServices, docId: string, snap: DocumentSnapshot, round: readonly ApprovalRow[], next: FollowUp, decision: FinalDecision, warnings: readonly string[]): Promise<DecisionOutcome> {
  if (next.kind === 'none') return { decision, status: snap.state.status, published: null, warnings };
  const target = targetOf(snap);
  const { result } = next;
  const records = await applyRecordEffects(s, target, result.effects.filter((e) => e.type !== 'audit'), { approvals: round });
  await patchLibraryFields(s, snap.file.driveItemId, { DocStatus: result.next.status }, snap.eTag);
  await applyRecordEffects(s, target, result.effects.filter((e) => e.type === 'audit'), { dedupeAudit: true });
  const all = [...warnings, ...records.warnings];
  if (next.kind === 'back') return { decision, status: result.next.status, published: null, warnings: all };

  // Published at once unless a later effective date is planned (then a controller or the day publishes it).
  const planned = snap.state.effectiveDate;
  if (planned !== null && daysBetween(s.clock.today(), planned) > 0) return { decision, status: result.next.status, published: null, warnings: all };
  const published = await publishDocument(s, docId, { actor: 'system', effectiveDate: s.clock.today() });
  return { decision, status: 'Published', published, warnings: all };
}

/**
 * Records the signed-in user's decision on their approval (`decideApproval`; `If-Match` on the
 * record). Changes requested or rejected: the document returns to Draft. Approved, and every
 * required decision recorded: the app approves the document and, unless a later effective date is
 * planned, publishes it through `publishDocument`. The document step that follows is asked of the
 * rules before the decision is written; if a later write fails, retrying the same decision (the
 * approval is no longer Pending) finishes the round through `completeRound`.
 */
export async function decideApproval(s: DocumentServices, docId: string, approvalItemId: string, decision: FinalDecision, comment: string | null): Promise<DecisionOutcome> {
  const snap = await loadDocument(s, docId);
  const approval = snap.approvals.find((a) => a.itemId === approvalItemId);
  if (!approval) throw new DocumentRuleError(refuse('notAssignee', 'This approval is not part of the current review of the document.'));
  if (approval.decision !== 'Pending' && roundToComplete(snap)) return completeRound(s, docId);
  const ruled = decideApprovalRule(approval, { decision, comment, decidedOn: s.clock.now() }, s.me, versionUnderApproval(snap));
  if (!ruled.ok) throw new DocumentRuleError(ruled);
  const round = snap.approvals.map((a) => (a.itemId === approval.itemId ? { ...a, decision: ruled.next.decision, comment: ruled.next.comment } : a));
  const next = followUpOf(s, snap, round);

  await updateItemFields(
    s.client,
    s.site.siteId,
    s.site.approvalsListId,
    approval.itemId,
    { Decision: ruled.next.decision, Comment: ruled.next.comment, DecidedOn: ruled.next.decidedOn },
    approval.eTag,
  );
  const warnings = await closeTasks(s, [approval]);
  await applyRecordEffects(s, targetOf(snap), ruled.effects.filter((e) => e.type === 'audit'), { dedupeAudit: true });
  return applyFollowUp(s, docId, snap, round, next, decision, warnings);
}

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

// ---------- revisions and drafts ----------

export interface DraftUpload {
  readonly file?: FileInput | null;
  readonly changeSummary: string;
  readonly onProgress?: (progress: UploadProgress) => void;
}

/**
 * Published → Under revision: checks the file out, records the change summary (and uploads the
 * new draft, if given) and checks it in as a minor version; the release record of the new draft
 * label (minor or major revision) is created. Readers keep seeing the published version.
 */
export async function startRevision(s: DocumentServices, docId: string, revision: 'minor' | 'major', upload: DraftUpload): Promise<DocumentSnapshot> {
  const snap = await loadDocument(s, docId);
  const result = transitionOrThrow(s, snap.state, { type: 'startRevision', revision, changeSummary: upload.changeSummary }, s.me);
  await withCheckout(s, snap.file.driveItemId, snap, { comment: upload.changeSummary, publish: false }, async ({ eTag }) => {
    // Once the check-out found the document unchanged: the draft release first (idempotent), so a
    // failure before the status changes leaves the document Published, and a retry reuses the record.
    await applyRecordEffects(s, targetOf(snap), result.effects.filter((e) => e.type !== 'audit'));
    await patchLibraryFields(s, snap.file.driveItemId, { DocStatus: result.next.status, ChangeSummary: result.next.changeSummary }, eTag);
    if (upload.file) await replaceFile(s, snap.file.driveItemId, snap.file.name, upload.file, { onProgress: upload.onProgress });
  });
  await applyRecordEffects(s, targetOf(snap), result.effects.filter((e) => e.type === 'audit'), { dedupeAudit: true });
  return loadDocument(s, docId);
}

/** A refusal for someone who may not change the draft now (the rules' wording for who may edit). */
function refuseDraftEdit(snap: DocumentSnapshot): DocumentRuleError {
  return new DocumentRuleError(
    snap.state.status === 'Withdrawn' || snap.state.status === 'Archived'
      ? refuse('readOnly', `${snap.state.docId} is ${snap.state.status} and read-only.`)
      : snap.state.status === 'Draft' || snap.state.status === 'Under revision'
        ? refuse('notPermitted', `Only the SMS manager, a document controller or the owner of ${snap.state.docId} (or of its process) can change it.`)
        : refuse('notAllowedFromStatus', `${snap.state.docId} is ${snap.state.status}: its draft can change only while it is Draft or Under revision.`),
  );
}

/** Uploads a new draft of the file (Draft / Under revision): check out, upload, change summary, check in (minor). */
export async function uploadDraft(s: DocumentServices, docId: string, upload: DraftUpload & { file: FileInput }): Promise<DocumentSnapshot> {
  const snap = await loadDocument(s, docId);
  if (!canEditDraftNow(s.me, snap.state)) throw refuseDraftEdit(snap);
  await withCheckout(s, snap.file.driveItemId, snap, { comment: upload.changeSummary, publish: false }, async () => {
    await replaceFile(s, snap.file.driveItemId, snap.file.name, upload.file, { onProgress: upload.onProgress });
    // The upload made a new version: write the summary on top of it.
    if (upload.changeSummary.trim()) await patchLibraryFields(s, snap.file.driveItemId, { ChangeSummary: upload.changeSummary.trim() }, await currentETag(s, snap.file.driveItemId));
  });
  return loadDocument(s, docId);
}

/**
 * Restores an earlier version as a new draft, never rewriting history: the library makes a new
 * (minor) version with the old content, and the document's current metadata is written back on
 * top of it. A published document first starts a minor revision (`startRevision`); a working
 * draft is restored in place by its editors.
 */
export async function restoreAsDraft(s: DocumentServices, docId: string, libraryVersionId: string, versionName: string): Promise<DocumentSnapshot> {
  let snap = await loadDocument(s, docId);
  const summary = `Restored the content of version ${versionName}.`;
  if (snap.state.status === 'Published') {
    snap = await startRevision(s, docId, 'minor', { changeSummary: summary });
  } else if (!canEditDraftNow(s.me, snap.state)) {
    throw refuseDraftEdit(snap);
  }
  const restored = snap;
  await withCheckout(s, restored.file.driveItemId, restored, { comment: summary, publish: false }, async (item) => {
    // The metadata to keep, as read after the check-out (equal to what was loaded, or the check-out threw a conflict).
    const state = toDocumentState(item.fields, restored.draftRelease, s.people);
    const keep = {
      ...metadataFields(metadataOf(state), s.people),
      DocId: state.docId,
      DocStatus: state.status,
      PublishedVersion: item.fields.PublishedVersion ?? null,
      EffectiveDate: item.fields.EffectiveDate ?? null,
      NextReviewDate: item.fields.NextReviewDate ?? null,
      ChangeSummary: summary,
    };
    await restoreDriveVersion(s.client, s.site.driveId, restored.file.driveItemId, libraryVersionId);
    await patchLibraryFields(s, restored.file.driveItemId, keep, await currentETag(s, restored.file.driveItemId));
  });
  return loadDocument(s, docId);
}

// ---------- metadata ----------

/**
 * Field problems with edited metadata of a working draft: every `validateDocumentMetadata`
 * finding except a missing approver, which the rules require only at submission (as for a new
 * document, `draftNewDocument`).
 */
export function metadataProblems(snap: DocumentSnapshot, meta: DocumentMetadata): FieldError[] {
  return validateDocumentMetadata({ ...snap.state, ...meta }, { isValidClause, requireDocId: true }).filter((e) => e.code !== 'approver.required');
}

/**
 * Saves edited metadata of a working draft with `If-Match: eTag` — the eTag the user's form was
 * loaded with. If someone else saved in between, Graph answers 412 and this throws
 * `GraphConflictError`; nothing is written, and the form can reload and reapply.
 */
export async function updateMetadata(s: DocumentServices, snap: DocumentSnapshot, changes: Partial<DocumentMetadata>, eTag: string): Promise<void> {
  if (!canEditDraftNow(s.me, snap.state)) throw refuseDraftEdit(snap);
  const meta = { ...metadataOf(snap.state), ...changes };
  const problems = metadataProblems(snap, meta);
  if (problems.length > 0) {
    const sod = problems.some((p) => p.code === 'approver.isAuthor');
    throw new DocumentRuleError(refuse(sod ? 'segregationOfDuties' : 'metadataIncomplete', problems.map((p) => p.message).join(' '), problems));
  }
  await patchLibraryFields(s, snap.file.driveItemId, metadataFields(changes, s.people), eTag);
}

// ---------- periodic review, withdrawal, archive ----------

/** Published → Published: "reviewed, no change" moves NextReviewDate (a major version readers see) and records a release entry. */
export async function recordReviewNoChange(s: DocumentServices, docId: string, comment: string): Promise<DocumentSnapshot> {
  const snap = await loadDocument(s, docId);
  const result = transitionOrThrow(s, snap.state, { type: 'reviewNoChange', comment }, s.me);
  await withCheckout(s, snap.file.driveItemId, snap, { comment: `Periodic review: no change (next review ${result.next.nextReviewDate ?? ''})`, publish: true }, async ({ eTag }) => {
    // Release records once the check-out found the document unchanged (a conflict writes nothing).
    await applyRecordEffects(s, targetOf(snap), result.effects.filter((e) => e.type !== 'audit'));
    await patchLibraryFields(s, snap.file.driveItemId, { NextReviewDate: result.next.nextReviewDate }, eTag);
  });
  await applyRecordEffects(s, targetOf(snap), result.effects.filter((e) => e.type === 'audit'), { dedupeAudit: true });
  return loadDocument(s, docId);
}

/** Published → Withdrawn with a reason: release records, then the status as a major version (readers and registers see it). */
export async function withdrawDocument(s: DocumentServices, docId: string, reason: string): Promise<DocumentSnapshot> {
  const snap = await loadDocument(s, docId);
  const result = transitionOrThrow(s, snap.state, { type: 'withdraw', reason }, s.me);
  await withCheckout(s, snap.file.driveItemId, snap, { comment: `Withdrawn: ${reason.trim()}`, publish: true }, async ({ eTag }) => {
    // Release records once the check-out found the document unchanged (a conflict writes nothing).
    await applyRecordEffects(s, targetOf(snap), result.effects.filter((e) => e.type !== 'audit'));
    await patchLibraryFields(s, snap.file.driveItemId, { DocStatus: result.next.status }, eTag);
  });
  await applyRecordEffects(s, targetOf(snap), result.effects.filter((e) => e.type === 'audit'), { dedupeAudit: true });
  return loadDocument(s, docId);
}

/**
 * Withdrawn → Archived. The rules make archiving a step of the app (retention starts); a document
 * controller or SMS manager (`canPublishOrWithdraw`) asks the app to take it now, with a reason.
 */
export async function archiveDocument(s: DocumentServices, docId: string, reason: string): Promise<DocumentSnapshot> {
  const snap = await loadDocument(s, docId);
  if (!canPublishOrWithdraw(s.me)) throw new DocumentRuleError(refuse('notPermitted', `Only a document controller or the SMS manager can archive ${docId}.`));
  if (!reason.trim()) throw new DocumentRuleError(refuse('reasonRequired', `Give the reason for archiving ${docId}.`));
  const result = transitionOrThrow(s, snap.state, { type: 'archive', comment: reason }, SYSTEM_ACTOR);
  await withCheckout(s, snap.file.driveItemId, snap, { comment: `Archived: ${reason.trim()}`, publish: true }, async ({ eTag }) => {
    await patchLibraryFields(s, snap.file.driveItemId, { DocStatus: result.next.status }, eTag);
  });
  await applyRecordEffects(s, targetOf(snap), result.effects, { dedupeAudit: true });
  return loadDocument(s, docId);
}
