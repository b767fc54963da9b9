/**
 * Completing an approval and its publication from wherever an earlier attempt left it (issue 9 §4):
 * "Complete publication" on the document page, and what `decideApproval` and `publishDocument` do
 * after an ambiguous failure (../services/resume.ts). Each pass reads the document again and takes
 * it one stage on from what it finds, never repeating a step that is already done:
 * - every decision in, still In review: `completeRound` (the approval, then the publication);
 * - Approved and due: the publication, step by step (`publishFrom`);
 * - Published in the records while the file is still a draft: the check-in (`checkInFrom`);
 * - Published: the audit entries of the approval and the publication, each written once
 *   (`ensureAuditTrail`), and the `afterPublish` handlers.
 * An ambiguous failure (503/504, a timeout, a 412 on a write that may have been applied) starts the
 * next pass after a short pause; anything else (a refusal, someone else's change) is thrown as is.
 * After `MAX_FAILURES` ambiguous failures in a row without the document moving on, the last one is thrown, and the document page offers
 * "Complete publication" to whoever can finish it.
 */
import { GraphError } from '../../../../graph/core/errors.js';
import { sleep } from '../../../../graph/core/retry.js';
import { downloadItemBytes } from '../../../../graph/drive/content.js';
import { checkin, checkout, checkoutHolder, discardCheckout, getItemListItem, getPublication } from '../../../../graph/drive/drive.js';
import { decideApproval as decideApprovalRule, type FinalDecision } from '../../../domain/documents/approvals.js';
import { trustedRound } from '../../../domain/documents/integrity.js';
import type { DocumentEffect } from '../../../domain/documents/lifecycle.js';
import { refuse } from '../../../domain/documents/results.js';
import { SYSTEM_ACTOR, samePerson, type AuditEntry } from '../../../domain/documents/types.js';
import { isPublishedLabel } from '../../../domain/documents/versions.js';
import { sha256Hex } from '../services/hash.js';
import { changedDocumentColumns, documentChangedError, patchLibraryFields } from '../services/library.js';
import { loadDocument } from '../services/load.js';
import { publishedReleaseOf, runHandlers, type PublishedRelease } from '../services/publish.js';
import { appendAudit, applyRecordEffects, closeTasks } from '../services/records.js';
import { isAmbiguousFailure } from '../services/resume.js';
import { publishesNow, refuseUntrustedDecisions, versionUnderApproval, type DecisionOutcome } from '../services/rounds.js';
import { transitionOrThrow } from '../services/rules.js';
import { targetOf } from '../services/steps.js';
import { DocumentRuleError, type DocumentServices, type DocumentSnapshot, type ReleaseRow } from '../services/types.js';
import { completeRound, roundToComplete } from './completeRound.js';

/** Ambiguous failures in a row at one stage (each followed by a fresh read) one call gets past before it gives up. */
export const MAX_FAILURES = 6;
/** Passes one call makes at most (each stage is one pass, plus the failures; a publication has at most four stages). */
const MAX_PASSES = 40;
/** Pause before the first pass after a failure, growing with each failure. */
const PAUSE_MS = 100;
/** How long after publication a completion still writes missing audit entries and runs the handlers again. */
const RECENT_MS = 24 * 3_600_000;

const isMajor = (label: string | null) => label !== null && isPublishedLabel(label);
const outcome = (decision: FinalDecision, status: string, published: PublishedRelease | null, warnings: readonly string[] = []): DecisionOutcome => ({ decision, status, published, warnings });

/** A decision whose write ended in an ambiguous failure: whether it was recorded is what the first read tells. */
export interface UncertainDecision {
  readonly approvalItemId: string;
  /** Thrown when the approval is still Pending (the decision was not recorded: the user tries again). */
  readonly failure: unknown;
}

/**
 * Takes `docId`'s approval and publication to their end from the state it is in (see the file
 * comment). Idempotent: on a document with nothing left to do it writes nothing and answers its
 * status. `decision` is what the outcome reports (the signed-in user's decision, if any).
 */
export async function completePublication(s: DocumentServices, docId: string, decision: FinalDecision = 'Approved', uncertain?: UncertainDecision): Promise<DecisionOutcome> {
  let failures = 0;
  let worked = false;
  let seen = '';
  for (let pass = 1; pass <= MAX_PASSES; pass++) {
    let notRecorded = false;
    try {
      const snap = await loadDocument(s, docId);
      // A failure that still moved the document on (a write applied, its answer lost) is progress:
      // only failures in a row at the same stage count towards giving up.
      const stage = stageOf(snap);
      if (stage !== seen) failures = 0;
      seen = stage;
      notRecorded = uncertain !== undefined && stillPending(snap, uncertain.approvalItemId);
      if (!notRecorded) {
        const done = await nextStage(s, snap, decision, worked);
        if (done) return done;
        worked = true;
      }
    } catch (e) {
      if (!isAmbiguousFailure(e) || ++failures > MAX_FAILURES) throw e;
      worked = true;
      // The service's Retry-After when it gave one (a 429 or 503 that outlasted graph/core's retries), else a growing pause.
      const asked = e instanceof GraphError && e.retryAfterSeconds !== null ? e.retryAfterSeconds * 1000 : 0;
      await sleep(Math.max(asked, PAUSE_MS * failures));
    }
    if (notRecorded) throw uncertain!.failure;
  }
  throw new Error(`${docId}: the publication did not settle after ${MAX_PASSES} passes.`);
}

/** What a pass can change: the document's status and versions, its file version and its release records. */
function stageOf(snap: DocumentSnapshot): string {
  return [snap.state.status, snap.state.publishedVersion, snap.file.versionLabel, snap.eTag, ...snap.releases.map((r) => `${r.itemId}:${r.versionStatus}:${r.eTag}`), ...snap.approvals.map((a) => `${a.itemId}:${a.eTag}`)].join('|');
}

/** True when the approval's decision is not recorded (a decision its approver did not write counts as not recorded). */
function stillPending(snap: DocumentSnapshot, approvalItemId: string): boolean {
  const approval = trustedRound(snap.approvals, versionUnderApproval(snap).authorId).find((a) => a.itemId === approvalItemId);
  return approval !== undefined && approval.decision === 'Pending';
}

/** One stage on from `snap`: the outcome when the operation is over, or null to read again and go on. */
async function nextStage(s: DocumentServices, snap: DocumentSnapshot, decision: FinalDecision, worked: boolean): Promise<DecisionOutcome | null> {
  const { state } = snap;
  if (roundToComplete(snap)) return completeRound(s, state.docId);
  if (state.status === 'In review') {
    // A decision of the signed-in user whose later steps failed while other decisions are pending.
    return outcome(decision, state.status, null, await auditMyDecisions(s, snap));
  }
  if (state.status === 'Approved') {
    if (!publishesNow(s, snap)) {
      await ensureAuditTrail(s, snap, snap.draftRelease, false);
      return outcome(decision, state.status, null);
    }
    await publishFrom(s, snap);
    return null;
  }
  if (state.status === 'Published' && state.publishedVersion !== null) {
    const holder = holderOf(await getPublication(s.client, s.site.driveId, snap.file.driveItemId));
    if (!isMajor(snap.file.versionLabel) || heldByMe(s, holder)) {
      await checkInFrom(s, snap, holder);
      return null;
    }
    return outcome(decision, state.status, await finishPublished(s, snap, worked));
  }
  return outcome(decision, state.status, null);
}

/** The audit entries of the signed-in user's decisions of the round (each only if the trail lacks it); returns Planner warnings. */
async function auditMyDecisions(s: DocumentServices, snap: DocumentSnapshot): Promise<string[]> {
  const mine = snap.approvals.filter((a) => a.decision !== 'Pending' && samePerson(a.assigneeId, s.me.id));
  for (const a of mine) {
    const again = decideApprovalRule({ ...a, decision: 'Pending' }, { decision: a.decision as FinalDecision, comment: a.comment, decidedOn: a.decidedOn ?? s.clock.now() }, s.me, versionUnderApproval(snap));
    if (again.ok) await applyRecordEffects(s, targetOf(snap), again.effects.filter((e) => e.type === 'audit'), { dedupeAudit: true });
  }
  return closeTasks(s, mine);
}

/** Who holds a file's check-out, from its publication facet (null when nobody does). */
type Holder = ReturnType<typeof checkoutHolder>;
const holderOf = checkoutHolder;

const heldByMe = (s: DocumentServices, holder: Holder) => holder !== null && holder.id.toLowerCase() === s.mePerson.userId.toLowerCase();

/** Someone else holds the check-out: only they can check the file in, so the publication is theirs to complete. */
function refuseOthersCheckout(s: DocumentServices, snap: DocumentSnapshot, holder: Holder): void {
  if (holder === null || heldByMe(s, holder)) return;
  throw new DocumentRuleError(refuse('notPermitted', `${snap.state.docId} is checked out to ${holder.name}; only they can complete its publication.`));
}

/** Keeps the file checked out to the signed-in user: checks it out unless it already is (a check-out answered 504 may have happened). */
async function holdCheckout(s: DocumentServices, snap: DocumentSnapshot): Promise<void> {
  const holder = holderOf(await getPublication(s.client, s.site.driveId, snap.file.driveItemId));
  if (holder === null) await checkout(s.client, s.site.driveId, snap.file.driveItemId);
  else refuseOthersCheckout(s, snap, holder);
}

/**
 * Publishes an Approved document as the app does on approval, resumable at every step: the file's
 * bytes and hash, the check-out (kept if already held), the release records (each written only if
 * not yet), the library columns (the last record written, so DocStatus Published means the
 * releases are done), the check-in as the next major version. An ambiguous failure keeps the
 * check-out for the next pass; any other failure gives it back.
 */
async function publishFrom(s: DocumentServices, snap: DocumentSnapshot): Promise<void> {
  // A release counts only if its approvals count: never publish on a decision its approver did not write.
  if (snap.draftRelease) refuseUntrustedDecisions(s, snap);
  const result = transitionOrThrow(s, snap.state, { type: 'publish', effectiveDate: s.clock.today() }, SYSTEM_ACTOR);
  const major = result.effects.find((e): e is Extract<DocumentEffect, { type: 'publishMajorVersion' }> => e.type === 'publishMajorVersion');
  if (!major) throw new Error('The rules published without a major version step.');
  const label = major.versionLabel;
  const next = result.next;
  const driveItemId = snap.file.driveItemId;

  const fileHash = await sha256Hex(await downloadItemBytes(s.client, s.site.driveId, driveItemId));
  await holdCheckout(s, snap);
  const giveBack = () => discardCheckout(s.client, s.site.driveId, driveItemId).catch(() => undefined);
  try {
    const li = await getItemListItem(s.client, s.site.driveId, driveItemId);
    const fields = (li.fields ?? {}) as Record<string, unknown>;
    const changed = changedDocumentColumns(snap.fields, fields);
    if (changed.length > 0) throw documentChangedError(changed);
    const records = result.effects.filter((e) => e.type === 'updateRelease' || e.type === 'supersedeRelease' || e.type === 'createRelease');
    await applyRecordEffects(s, targetOf(snap), records, { releaseExtras: { [label]: { fileHash } } });
    await patchLibraryFields(
      s,
      driveItemId,
      { DocStatus: next.status, PublishedVersion: next.publishedVersion, EffectiveDate: next.effectiveDate, NextReviewDate: next.nextReviewDate },
      li['@odata.etag'] ?? String(fields['@odata.etag'] ?? ''),
    );
  } catch (e) {
    if (!isAmbiguousFailure(e)) await giveBack();
    throw e;
  }
  await checkin(s.client, s.site.driveId, driveItemId, { comment: `Version ${label} published`, publish: true });
}

/** The check-in of a publication whose records are written: the file becomes the published major version. */
async function checkInFrom(s: DocumentServices, snap: DocumentSnapshot, holder: Holder): Promise<void> {
  const driveItemId = snap.file.driveItemId;
  if (holder === null) await checkout(s.client, s.site.driveId, driveItemId);
  else refuseOthersCheckout(s, snap, holder);
  await checkin(s.client, s.site.driveId, driveItemId, { comment: `Version ${snap.state.publishedVersion} published`, publish: true });
}

/** The release record of the version `snap` has in force. */
function releaseInForce(snap: DocumentSnapshot): ReleaseRow | null {
  const label = snap.state.publishedVersion;
  return [...snap.releases].reverse().find((r) => r.versionLabel === label && r.versionStatus === 'Published' && r.changeType !== 'Reviewed – no change') ?? null;
}

/**
 * A Published document whose file is published: writes what a recent publication may lack (its
 * audit entries) and runs the handlers. A publication older than a day is left as it is, unless
 * this call just finished it.
 */
async function finishPublished(s: DocumentServices, snap: DocumentSnapshot, worked: boolean): Promise<PublishedRelease | null> {
  const release = releaseInForce(snap);
  if (!release) throw new Error(`${snap.state.docId} is published as ${snap.state.publishedVersion} but has no release record for it.`);
  const at = release.publishedOn ? Date.parse(release.publishedOn) : NaN;
  const recent = Number.isFinite(at) && Date.parse(s.clock.now()) - at < RECENT_MS;
  if (!worked && !recent) return null;
  await ensureAuditTrail(s, snap, release, true);
  const previous = snap.releases.filter((r) => r.versionStatus === 'Superseded' && r.versionLabel !== release.versionLabel).pop()?.versionLabel ?? null;
  const published = publishedReleaseOf(snap, release, previous, [], true);
  await runHandlers(s, published);
  return published;
}

/**
 * The document's audit entries for the approval (In review → Approved) and, once published, the
 * publication (Approved → Published), at the times the release records them, each written only if
 * the trail has no such entry since the version was submitted (its "→ In review" entry): one entry
 * per step, however many attempts it took and however late the last one came.
 */
async function ensureAuditTrail(s: DocumentServices, snap: DocumentSnapshot, release: ReleaseRow | null, published: boolean): Promise<void> {
  if (!release) return;
  const base = { eventType: 'Transition', entityType: 'ControlledDocument', entityRef: snap.state.docId, actorId: SYSTEM_ACTOR.id } as const;
  const entries: AuditEntry[] = [{ ...base, at: release.approvedOn ?? s.clock.now(), fromStatus: 'In review', toStatus: 'Approved', comment: null }];
  if (published) {
    const effective = snap.state.effectiveDate ?? s.clock.today();
    entries.push({ ...base, at: release.publishedOn ?? s.clock.now(), fromStatus: 'Approved', toStatus: 'Published', comment: `Version ${release.versionLabel} effective ${effective}` });
  }
  for (const entry of entries) await appendAudit(s, snap.listItemId, entry, { dedupe: true, scope: { afterToStatus: 'In review', since: release.submittedOn } });
}
