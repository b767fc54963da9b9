/**
 * Publication building blocks: what a publication produced (`PublishedRelease`), the steps that
 * run after every publication (`AFTER_PUBLISH_HANDLERS`), and the final approval that publishes a
 * document at once (`planFinalApproval`, `approveAndPublish`, used by `decideApproval`). The
 * publication itself, step by step, is `publishDocument` (../api/publishDocument.ts).
 *
 * Extension point: `AFTER_PUBLISH_HANDLERS` below; the screens call `publishDocument` and need no
 * change. A handler receives the `PublishedRelease`, including the rules' effects for this
 * publication (`requestAcknowledgements`, `supersedeAcknowledgements`, `writeRendition`), and must
 * itself be idempotent, because a retried publication runs the handlers again. The first one asks
 * for acknowledgement (`requestAcknowledgementsAfterPublish`: src/platform/acknowledgements).
 */
import { batch, batchBody } from '../../../../graph/core/batch.js';
import { downloadItemBytes } from '../../../../graph/drive/content.js';
import { checkin, checkout, discardCheckout, getItemListItem } from '../../../../graph/drive/drive.js';
import { updateItemFieldsRequest } from '../../../../graph/lists/batchRequests.js';
import { updateItemFields } from '../../../../graph/lists/items.js';
import { getTask, updateTask } from '../../../../graph/planner/planner.js';
import { auditEntryRequest } from '../../../platform/auditTrail.js';
import { afterPublication, type CampaignContext } from '../../../platform/acknowledgements/index.js';
import { SYSTEM_ACTOR } from '../../../domain/documents/types.js';
import type { DocumentEffect } from '../../../domain/documents/lifecycle.js';
import type { ApprovalEffect } from '../../../domain/documents/approvals.js';
import { sha256Hex } from './hash.js';
import { changedDocumentColumns, documentChangedError } from './library.js';
import { releaseFields } from './mapping.js';
import { auditRecordOf, releaseAfterWrite } from './records.js';
import { transitionOrThrow } from './rules.js';
import type { ApprovalRow, DocumentServices, DocumentSnapshot, ReleaseRow } from './types.js';

/** What a publication produced, for `afterPublish` handlers and the caller. */
export interface PublishedRelease {
  readonly docId: string;
  readonly title: string;
  /** Item id in `SMS Documents`. */
  readonly listItemId: string;
  /** The release label now in force, e.g. `1.0`. */
  readonly versionLabel: string;
  /** The label it superseded, or null for a first publication. */
  readonly previousLabel: string | null;
  /** The `Document Releases` record of this publication. */
  readonly release: ReleaseRow;
  readonly fileHash: string | null;
  readonly effectiveDate: string | null;
  /** Acknowledgement settings stored with the release. */
  readonly ack: { readonly required: boolean; readonly audience: readonly string[]; readonly dueDays: number | null; readonly dueDate: string | null };
  /** The rules' effects of this publication (empty when a retry only finished an earlier run). */
  readonly effects: readonly DocumentEffect[];
  /** True when an earlier attempt had already published the file (this call finished the rest). */
  readonly resumed: boolean;
}

/** A step that runs after every publication. Must be idempotent (retries run it again). */
export type AfterPublishHandler = (s: DocumentServices, published: PublishedRelease) => Promise<void>;

/**
 * The acknowledgement engine's view of the services: the signed-in person acts (their roles decide), and a
 * notification opens the document's page when the services know how to link to it.
 */
export function campaignContextOf(s: DocumentServices): CampaignContext {
  const link = s.documentLink;
  return {
    client: s.client,
    site: s.site.sms,
    clock: s.clock,
    ...(s.timeZone ? { timeZone: s.timeZone } : {}),
    actor: { upn: s.mePerson.upn, roles: s.mePerson.roles, lookupId: s.mePerson.lookupId },
    ...(link ? { noticeLink: (r: { docId: string }) => link(r.docId) } : {}),
  };
}

/**
 * A publication of a document that requires acknowledgement starts its campaign (a new major version first
 * supersedes the open requests of the earlier ones; a minor version asks nobody again). Idempotent. Whoever
 * publishes writes it: the document controller or SMS manager who publishes, or the approver (top management, a
 * process owner) whose final approval publishes; the campaign lists grant them Contribute
 * (graph/provisioning/permissions.ts). A publication whose campaign did not get written (a failure after the
 * document was published) is caught up by the daily job (`catchUpPublications`).
 */
export const requestAcknowledgementsAfterPublish: AfterPublishHandler = async (s, published) => {
  await afterPublication(campaignContextOf(s), published);
};

/** The handlers every publication runs, in order. */
export const AFTER_PUBLISH_HANDLERS: AfterPublishHandler[] = [requestAcknowledgementsAfterPublish];

/** The `PublishedRelease` of `snap` (its state as published) under the release record `release`. */
export function publishedReleaseOf(snap: DocumentSnapshot, release: ReleaseRow, previousLabel: string | null, effects: readonly DocumentEffect[], resumed: boolean): PublishedRelease {
  return {
    docId: snap.state.docId,
    title: snap.state.title,
    listItemId: snap.listItemId,
    versionLabel: release.versionLabel,
    previousLabel,
    release,
    fileHash: release.fileHash,
    effectiveDate: snap.state.effectiveDate,
    ack: { required: release.ackRequired, audience: release.ackAudience, dueDays: release.ackDueDays, dueDate: release.ackDueDate },
    effects,
    resumed,
  };
}

/** Runs the services' `afterPublish` handlers, in order, on a publication. */
export async function runHandlers(s: DocumentServices, published: PublishedRelease): Promise<void> {
  for (const handler of s.afterPublish) await handler(s, published);
}

// ---------- the final approval that publishes ----------

/** What the last decision of a round writes when it approves and publishes the document at once. */
export interface FinalApproval {
  readonly approval: ApprovalRow;
  /** The decision record's new fields (`Decision`, `Comment`, `DecidedOn`). */
  readonly decisionFields: Record<string, unknown>;
  /** The decision's own effects (its audit entry). */
  readonly decisionEffects: readonly ApprovalEffect[];
  /** The rules' `approve` step (a system step) that the decision completes. */
  readonly approved: TransitionResult;
}

type TransitionResult = Extract<ReturnType<typeof transitionOrThrow>, { ok: true }>;
type UpdateRelease = Extract<DocumentEffect, { type: 'updateRelease' }>;
type Supersede = Extract<DocumentEffect, { type: 'supersedeRelease' }>;

/** Effects the fast path carries out itself; acknowledgement and rendition steps go to `afterPublish` handlers. */
const FOR_HANDLERS: ReadonlySet<DocumentEffect['type']> = new Set(['requestAcknowledgements', 'supersedeAcknowledgements', 'writeRendition']);

/**
 * The plan of a final approval that publishes at once, or null when the document is not in the
 * plain shape it covers (then the step-by-step path runs): the draft release In review, the
 * approve step only updating it, the publication only updating it and superseding the previous one.
 */
export function planFinalApproval(s: DocumentServices, snap: DocumentSnapshot, final: FinalApproval) {
  const draft = snap.draftRelease;
  if (!draft || draft.versionStatus !== 'In review') return null;
  const approveUpdates = final.approved.effects.filter((e): e is UpdateRelease => e.type === 'updateRelease');
  if (final.approved.effects.some((e) => e.type !== 'updateRelease' && e.type !== 'audit') || approveUpdates.length !== 1) return null;
  if (approveUpdates[0]!.versionLabel !== draft.versionLabel || !approveUpdates[0]!.fromStatuses.includes('In review')) return null;
  const published = transitionOrThrow(s, final.approved.next, { type: 'publish', effectiveDate: s.clock.today() }, SYSTEM_ACTOR);
  const major = published.effects.find((e): e is Extract<DocumentEffect, { type: 'publishMajorVersion' }> => e.type === 'publishMajorVersion');
  const publishUpdates = published.effects.filter((e): e is UpdateRelease => e.type === 'updateRelease');
  const supersede = published.effects.filter((e): e is Supersede => e.type === 'supersedeRelease');
  const handled = new Set<DocumentEffect['type']>(['publishMajorVersion', 'updateRelease', 'supersedeRelease', 'audit']);
  if (!major || publishUpdates.length !== 1 || publishUpdates[0]!.versionLabel !== draft.versionLabel || !publishUpdates[0]!.fromStatuses.includes('Approved')) return null;
  if (published.effects.some((e) => !handled.has(e.type) && !FOR_HANDLERS.has(e.type))) return null;
  const previous = supersede.flatMap((e) => snap.releases.filter((r) => r.versionLabel === e.versionLabel && r.versionStatus === 'Published' && r.changeType !== 'Reviewed – no change').map((r) => ({ row: r, on: e.supersededOn })));
  return { draft, published, label: major.versionLabel, approveChanges: approveUpdates[0]!.changes, publishChanges: publishUpdates[0]!.changes, previous };
}

/**
 * The last decision of a round that approves the document and publishes it now, in six sequential
 * round trips and at most twelve Graph requests (the document itself was read in two). The
 * records written are those of `decideApproval` → approve → `publishDocument` step by step:
 * 1. at once: the decision (`If-Match` on the approval), the Planner task read, the file's bytes
 *    (SHA-256), and the check-out;
 * 2. at once: the library item read again after the check-out (someone else's change since the
 *    document was loaded → conflict, check-out discarded, nothing published), and the task closed;
 * 3. one `$batch`, in order, each request depending on the one before: the decision's audit entry,
 *    the release record (Approved and Published with approver, dates, hash and acknowledgement
 *    settings), the previous release Superseded, and last the library metadata (DocStatus Published,
 *    PublishedVersion, EffectiveDate, NextReviewDate; `If-Match`), so that a document whose DocStatus
 *    says Published has its release records written; any failure discards the check-out;
 * 4. at once: the check-in as the next major version, and one `$batch` of the two audit entries of
 *    the document (approval, publication).
 * A failure after the decision is finished by `completePublication` (../api/completePublication.ts),
 * which `decideApproval` calls after an ambiguous failure and the document page offers: it reads the
 * document again and continues from the stage it finds. The decision's audit entry is written before
 * the document leaves In review (step 3), while its version label is still the one approved; the
 * approval and publication entries only once they happened (step 4). A completion writes whichever
 * of them is missing, once.
 */
export async function approveAndPublish(s: DocumentServices, snap: DocumentSnapshot, final: FinalApproval, plan: NonNullable<ReturnType<typeof planFinalApproval>>): Promise<{ published: PublishedRelease; warnings: string[] }> {
  const { client, site } = s;
  const { draft, published: result, label } = plan;
  const driveItemId = snap.file.driveItemId;
  const taskId = final.approval.plannerTaskId;

  // 1.
  const [decided, task, bytes, checkedOut] = await Promise.allSettled([
    updateItemFields(client, site.siteId, site.approvalsListId, final.approval.itemId, final.decisionFields, final.approval.eTag),
    taskId ? getTask(client, taskId) : Promise.resolve(null),
    downloadItemBytes(client, site.driveId, driveItemId),
    checkout(client, site.driveId, driveItemId),
  ]);
  const giveBack = () => discardCheckout(client, site.driveId, driveItemId).catch(() => undefined);
  const failure = [decided, bytes, checkedOut].find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failure) {
    if (checkedOut.status === 'fulfilled') await giveBack();
    throw failure.reason;
  }
  const fileHash = await sha256Hex((bytes as PromiseFulfilledResult<Uint8Array>).value);
  const warnings: string[] = [];

  // 2.
  const openTask = task.status === 'fulfilled' && task.value && (task.value.percentComplete ?? 0) < 100 ? task.value : null;
  if (task.status === 'rejected') warnings.push(`Planner task ${taskId}: ${task.reason instanceof Error ? task.reason.message : String(task.reason)}`);
  const [reread, closed] = await Promise.allSettled([
    getItemListItem(client, site.driveId, driveItemId),
    openTask && taskId ? updateTask(client, taskId, { percentComplete: 100 }, openTask['@odata.etag'] ?? '') : Promise.resolve(null),
  ]);
  if (closed.status === 'rejected') warnings.push(`Planner task ${taskId}: ${closed.reason instanceof Error ? closed.reason.message : String(closed.reason)}`);
  if (reread.status === 'rejected') {
    await giveBack();
    throw reread.reason;
  }
  const li = reread.value;
  const fields = (li.fields ?? {}) as Record<string, unknown>;
  const changed = changedDocumentColumns(snap.fields, fields);
  if (changed.length > 0) {
    await giveBack();
    throw documentChangedError(changed);
  }

  // 3.
  const next = result.next;
  const releaseFieldsToWrite = { ...releaseFields(plan.approveChanges, s.people), ...releaseFields(plan.publishChanges, s.people, { fileHash }) };
  const auditsOf = (effects: readonly (ApprovalEffect | DocumentEffect)[]) => effects.flatMap((e) => (e.type === 'audit' ? [e.entry] : []));
  const [decisionAudit] = auditsOf(final.decisionEffects);
  const first = decisionAudit ? [auditEntryRequest('decisionAudit', site.sms, auditRecordOf(s, snap.listItemId, decisionAudit))] : [];
  const records = [
    { ...updateItemFieldsRequest('release', site.siteId, site.releasesListId, draft.itemId, releaseFieldsToWrite, draft.eTag), dependsOn: first.map((r) => r.id) },
    ...plan.previous.map((p, i) => ({
      ...updateItemFieldsRequest(`superseded${i}`, site.siteId, site.releasesListId, p.row.itemId, { VersionStatus: 'Superseded', SupersededOn: p.on }, p.row.eTag),
      dependsOn: [i === 0 ? 'release' : `superseded${i - 1}`],
    })),
  ];
  const writes = [
    ...first,
    ...records,
    {
      ...updateItemFieldsRequest(
        'library',
        site.siteId,
        site.documentsListId,
        snap.listItemId,
        { DocStatus: next.status, PublishedVersion: next.publishedVersion, EffectiveDate: next.effectiveDate, NextReviewDate: next.nextReviewDate },
        li['@odata.etag'] ?? String(fields['@odata.etag'] ?? ''),
      ),
      dependsOn: [records[records.length - 1]!.id],
    },
  ];
  let release: ReleaseRow;
  try {
    const answers = await batch(client, writes);
    for (const w of writes) batchBody(answers.get(w.id), w);
    release = releaseAfterWrite(s, draft, batchBody<Record<string, unknown>>(answers.get('release')));
  } catch (e) {
    await giveBack();
    throw e;
  }

  // 4.
  const audits = auditsOf([...final.approved.effects, ...result.effects]);
  const auditRequests = audits.map((e, i) => auditEntryRequest(`audit${i}`, site.sms, auditRecordOf(s, snap.listItemId, e)));
  const [checkedIn, written] = await Promise.all([
    checkin(client, site.driveId, driveItemId, { comment: `Version ${label} published`, publish: true }).then(
      () => null,
      (e: unknown) => e,
    ),
    batch(client, auditRequests).then(
      (answers) => {
        for (const r of auditRequests) batchBody(answers.get(r.id), r);
        return null;
      },
      (e: unknown) => e,
    ),
  ]);
  // A failed check-in or audit write is finished by `completePublication` (decideApproval after an
  // ambiguous failure, or "Complete publication" on the document page).
  if (checkedIn) throw checkedIn;
  if (written) throw written;

  const out = publishedReleaseOf({ ...snap, state: next }, release, snap.state.publishedVersion, result.effects, false);
  await runHandlers(s, out);
  return { published: out, warnings };
}
