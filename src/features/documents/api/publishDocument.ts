/**
 * Publishing a controlled document: the one function every publication goes through, whether a
 * document controller presses "Publish" or the app publishes on approval.
 *
 * `publishDocument` asks the rules (`documentTransition` with `publish`) and then, in this order:
 * 1. downloads the approved file and computes its SHA-256 (Web Crypto);
 * 2. marks the draft release record Published with its label, approver, dates, hash and the
 *    document's acknowledgement settings (AckRequired, audience groups, AckDueDays, due date);
 * 3. marks the previous release Superseded;
 * 4. publishes the file: check out, set DocStatus/PublishedVersion/EffectiveDate/NextReviewDate,
 *    check in with `checkInAs: 'published'` (a major version: what readers see from now on);
 * 5. writes the audit-trail entry;
 * 6. runs every `afterPublish` handler.
 * Steps 2–4 run while the file is checked out, and only if the check-out found the library item
 * as the publication loaded it (`withCheckout`); otherwise a `GraphConflictError`, nothing written.
 *
 * Retrying is safe. Steps 1–3 are idempotent (a release already Published under the label is not
 * created again, only completed), so a failure anywhere before step 4 is retried from the top
 * while the document is still Approved. Once step 4 has happened the document is Published, and a
 * retry only finishes what is left: an interrupted check-in, the audit entry, the handlers.
 *
 * The handlers of step 6 (`AFTER_PUBLISH_HANDLERS`, the extension point) and the final approval
 * that publishes at once are in ../services/publish.ts.
 */
import { downloadItemBytes } from '../../../../graph/drive/content.js';
import { isPublishedLabel } from '../../../domain/documents/versions.js';
import { SYSTEM_ACTOR, type DocumentActor } from '../../../domain/documents/types.js';
import type { DocumentEffect } from '../../../domain/documents/lifecycle.js';
import { sha256Hex } from '../services/hash.js';
import { patchLibraryFields, withCheckout } from '../services/library.js';
import { loadDocument } from '../services/load.js';
import { publishedReleaseOf, runHandlers, type PublishedRelease } from '../services/publish.js';
import { appendAudit, applyRecordEffects } from '../services/records.js';
import { isAmbiguousFailure } from '../services/resume.js';
import { completePublication } from './completePublication.js';
import { transitionOrThrow } from '../services/rules.js';
import { refuseUntrustedDecisions } from '../services/rounds.js';
import type { DocumentServices, DocumentSnapshot } from '../services/types.js';

export interface PublishOptions {
  /** Who publishes: the signed-in user (document controller, SMS manager) or the app on approval. */
  readonly actor?: 'me' | 'system';
  /** For the app: the planned effective date (defaults to today). */
  readonly effectiveDate?: string;
}

type AppliedRecords = Awaited<ReturnType<typeof applyRecordEffects>>;

const isMajor = (label: string | null) => label !== null && isPublishedLabel(label);

/** Finishes a publication whose file is already published (a retry after step 4). */
async function finish(s: DocumentServices, snap: DocumentSnapshot): Promise<PublishedRelease> {
  const label = snap.state.publishedVersion!;
  const release = [...snap.releases].reverse().find((r) => r.versionLabel === label && r.versionStatus === 'Published' && r.changeType !== 'Reviewed – no change');
  if (!release) throw new Error(`${snap.state.docId} is published as ${label} but has no release record for it.`);
  if (!isMajor(snap.file.versionLabel)) {
    // The check-in of step 4 did not happen: the metadata is set, the file is still a draft.
    await withCheckout(s, snap.file.driveItemId, snap, { comment: `Version ${label} published`, publish: true }, async () => undefined);
  }
  const previous = snap.releases.filter((r) => r.versionStatus === 'Superseded' && r.versionLabel !== label).pop()?.versionLabel ?? null;
  await appendAudit(
    s,
    snap.listItemId,
    { eventType: 'Transition', entityType: 'ControlledDocument', entityRef: snap.state.docId, actorId: s.me.id, at: s.clock.now(), fromStatus: 'Approved', toStatus: 'Published', comment: `Version ${label} effective ${snap.state.effectiveDate ?? s.clock.today()}` },
    { dedupe: true },
  );
  const published = publishedReleaseOf(snap, release, previous, [], true);
  await runHandlers(s, published);
  return published;
}

/** How long after publication a repeated call still counts as a retry of it. */
const RETRY_WINDOW_MS = 24 * 3_600_000;

/**
 * True when the document is Published under a release record that an earlier attempt of a
 * publication wrote, and that attempt may not have finished: the check-in did not happen (the
 * file is still a minor version), or the publication is recent (the audit entry or a handler
 * may have failed).
 */
function unfinishedPublication(snap: DocumentSnapshot, now: string): boolean {
  if (snap.state.status !== 'Published' || snap.state.publishedVersion === null) return false;
  const release = snap.releases.find((r) => r.versionLabel === snap.state.publishedVersion && r.versionStatus === 'Published' && r.changeType !== 'Reviewed – no change');
  if (!release) return false;
  if (!isMajor(snap.file.versionLabel)) return true;
  const at = release.publishedOn ? Date.parse(release.publishedOn) : NaN;
  return Number.isFinite(at) && Date.parse(now) - at < RETRY_WINDOW_MS;
}

/**
 * Publishes `docId` (see the file comment). Throws `DocumentRuleError` when the rules refuse
 * (e.g. not Approved, not a document controller), with nothing changed.
 */
export async function publishDocument(s: DocumentServices, docId: string, opts: PublishOptions = {}): Promise<PublishedRelease> {
  try {
    return await publishOnce(s, docId, opts);
  } catch (e) {
    // After an ambiguous failure (a 503/504 or timeout on a write that may have been applied), never
    // send it again: read the document and finish from where it stands (api/completePublication.ts).
    if (!isAmbiguousFailure(e)) throw e;
    const done = await completePublication(s, docId);
    if (!done.published) throw e;
    return done.published;
  }
}

async function publishOnce(s: DocumentServices, docId: string, opts: PublishOptions): Promise<PublishedRelease> {
  const snap = await loadDocument(s, docId);
  // A retry of a publication whose file step already happened: finish the rest. (Anything else
  // that is not Approved goes to the rules below, which refuse it with a clear message.)
  if (unfinishedPublication(snap, s.clock.now())) return finish(s, snap);
  // A release counts only if its approvals count: never publish on a decision its approver did not write.
  if (snap.draftRelease) refuseUntrustedDecisions(s, snap);
  const actor: DocumentActor = opts.actor === 'system' ? SYSTEM_ACTOR : s.me;
  const effectiveDate = opts.actor === 'system' ? (opts.effectiveDate ?? s.clock.today()) : undefined;
  const result = transitionOrThrow(s, snap.state, { type: 'publish', ...(effectiveDate ? { effectiveDate } : {}) }, actor);
  const major = result.effects.find((e): e is Extract<DocumentEffect, { type: 'publishMajorVersion' }> => e.type === 'publishMajorVersion');
  if (!major) throw new Error('The rules published without a major version step.');
  const label = major.versionLabel;
  const next = result.next;

  // 1. The bytes that become the published version (check-in does not change them).
  const fileHash = await sha256Hex(await downloadItemBytes(s.client, s.site.driveId, snap.file.driveItemId));

  // 2–4 run once the check-out found the library item as it was loaded (else a conflict, nothing written).
  const target = { docId, title: snap.state.title, listItemId: snap.listItemId, fileWebUrl: snap.file.webUrl, releases: [...snap.releases] };
  const records = result.effects.filter((e) => e.type === 'updateRelease' || e.type === 'supersedeRelease' || e.type === 'createRelease');
  let applied = null as AppliedRecords | null;
  await withCheckout(s, snap.file.driveItemId, snap, { comment: `Version ${label} published`, publish: true }, async ({ eTag }) => {
    // 2–3. Release records (idempotent), without the audit entry yet.
    applied = await applyRecordEffects(s, target, records, { releaseExtras: { [label]: { fileHash } } });
    // 4. The file becomes the next major version (at check-in), with the metadata readers will see.
    await patchLibraryFields(
      s,
      snap.file.driveItemId,
      {
        DocStatus: next.status,
        PublishedVersion: next.publishedVersion,
        EffectiveDate: next.effectiveDate,
        NextReviewDate: next.nextReviewDate,
      },
      eTag,
    );
  });

  // 5. Audit entry (skipped if an earlier attempt wrote it).
  const audits = result.effects.filter((e) => e.type === 'audit');
  await applyRecordEffects(s, target, audits, { dedupeAudit: true });

  // 6. Extension point.
  const release = [...(applied?.releases ?? [])].reverse().find((r) => r.versionLabel === label && r.versionStatus === 'Published');
  if (!release) throw new Error(`${docId}: the release record of version ${label} was not written.`);
  const published = publishedReleaseOf({ ...snap, state: next }, release, snap.state.publishedVersion, result.effects, false);
  await runHandlers(s, published);
  return published;
}
