/**
 * Carries out the record-keeping effects the document rules return (`DocumentEffect`): release
 * records, approval records (with a Planner task for each approver), and audit-trail entries.
 * Library steps (check-out, check-in, publishing the file) are the caller's, because they need
 * the file; acknowledgement effects are left to `afterPublish` handlers and later features.
 *
 * Every step here is idempotent, so a retried operation never duplicates a record:
 * - a release to create is looked up first (same DocId, label and change type; a periodic review
 *   once per day);
 * - a release update finds the record in one of its `fromStatuses`, or notices it already holds
 *   the target status and only fills in what is missing;
 * - approvals are reused when the latest round already asks the same people and nobody decided;
 * - audit entries of a step that may be repeating an earlier attempt are written only if the trail
 *   does not hold them yet (`dedupeAudit`; one narrow query, see src/platform/auditTrail.ts).
 */
import type { ListItem } from '../../../../graph/lists/items.js';
import { createItem, updateItemFields } from '../../../../graph/lists/items.js';
import { documentApprovals, smsDocuments } from '../../../../graph/schema/index.js';
import { appendAuditEntry, type AuditDedupeScope, type AuditRecord } from '../../../platform/auditTrail.js';
import { completeTasks, createLinkedTask, findBucket, linkTaskToItem, type PlannerBucketRef } from '../../../platform/planner.js';
import type { ApprovalStep, VersionStatus } from '../../../domain/documents/constants.js';
import type { DocumentEffect } from '../../../domain/documents/lifecycle.js';
import type { AuditEntry, ReleaseRecord } from '../../../domain/documents/types.js';
import { approvalTitle, releaseFields, releaseTitle, toApprovalRow, toReleaseRow } from './mapping.js';
import { readApprovals } from './load.js';
import { releasedAs } from './versionStory.js';
import type { ApprovalRow, DocumentServices, ReleaseRow } from './types.js';
import { isAmbiguousFailure } from './resume.js';

/** The Planner bucket approval tasks go to (plan "SMS Actions"). */
export const DOCUMENT_REVIEWS_BUCKET = 'Document reviews';
/** Days an approver gets for an approval task. */
export const APPROVAL_TASK_DAYS = 7;

/** The document the effects are about, and its release records (kept current as effects run). */
export interface EffectTarget {
  readonly docId: string;
  readonly title: string;
  /** Item id in `SMS Documents` (the releases' `Document` lookup). */
  readonly listItemId: string;
  readonly fileWebUrl: string | null;
  releases: ReleaseRow[];
}

export interface ApplyOptions {
  /** Extra release fields by release label, e.g. the FileHash of the version being published. */
  readonly releaseExtras?: Readonly<Record<string, { fileHash?: string }>>;
  /** Skip an audit entry the trail already holds (for steps that may repeat an earlier attempt). */
  readonly dedupeAudit?: boolean;
  /** Approvals of the draft release (all rounds), for `requestApprovals` and `cancelPendingApprovals`. */
  readonly approvals?: readonly ApprovalRow[];
}

export interface ApplyResult {
  releases: ReleaseRow[];
  /** Approval records created (or reused) by `requestApprovals`. */
  approvals: ApprovalRow[];
  /** Non-fatal problems (e.g. a Planner task that could not be closed). */
  warnings: string[];
}

/** Applies the record effects in order; library and acknowledgement effects are skipped. */
export async function applyRecordEffects(s: DocumentServices, target: EffectTarget, effects: readonly DocumentEffect[], opts: ApplyOptions = {}): Promise<ApplyResult> {
  const result: ApplyResult = { releases: target.releases, approvals: [], warnings: [] };
  for (const effect of effects) {
    switch (effect.type) {
      case 'createRelease':
        await createRelease(s, target, effect.release, opts.releaseExtras?.[effect.release.versionLabel]);
        break;
      case 'updateRelease':
        await updateRelease(s, target, effect.versionLabel, effect.fromStatuses, effect.changes, opts.releaseExtras?.[effect.changes.versionLabel ?? effect.versionLabel]);
        break;
      case 'supersedeRelease':
        await supersedeRelease(s, target, effect.versionLabel, effect.supersededOn);
        break;
      case 'requestApprovals':
        result.approvals = await requestApprovals(s, target, effect.versionLabel, effect.approvals, opts.approvals ?? []);
        break;
      case 'cancelPendingApprovals':
        result.warnings.push(...(await closeTasks(s, (opts.approvals ?? []).filter((a) => a.decision === 'Pending'))));
        break;
      case 'audit':
        await appendAudit(s, target.listItemId, effect.entry, { dedupe: opts.dedupeAudit === true });
        break;
      default:
        // Library steps are the caller's; acknowledgement, rendition and retention steps belong to
        // later features (see `afterPublish` in publish.ts).
        break;
    }
  }
  result.releases = target.releases;
  return result;
}

// ---------- releases ----------

function sameDayUtc(iso: string | null, now: string): boolean {
  return iso !== null && iso.slice(0, 10) === now.slice(0, 10);
}

/** The existing record a `createRelease` would duplicate, if any. */
export function existingRelease(releases: readonly ReleaseRow[], release: ReleaseRecord, now: string): ReleaseRow | undefined {
  return releases.find((r) => {
    if (r.versionLabel !== release.versionLabel) return false;
    if (release.changeType === 'Reviewed – no change') return r.changeType === release.changeType && sameDayUtc(r.createdDateTime, now);
    if (release.changeType === 'Withdrawal') return r.changeType === release.changeType;
    return r.versionStatus === release.versionStatus && (r.changeType === release.changeType || release.versionStatus === 'Draft');
  });
}

async function createRelease(s: DocumentServices, target: EffectTarget, release: ReleaseRecord, extra?: { fileHash?: string }): Promise<void> {
  if (existingRelease(target.releases, release, s.clock.now())) return;
  const fields = {
    Title: releaseTitle(target.docId, release.versionLabel),
    DocumentLookupId: target.listItemId,
    DocId: target.docId,
    ...releaseFields(release, s.people, extra ?? {}),
  };
  const item = await createItem(s.client, s.site.siteId, s.site.releasesListId, fields);
  target.releases = [...target.releases, toReleaseRow(item, s.people, s.timeZone)];
}

/** Fields of `wanted` that `row` does not hold yet (for filling in an already-applied update). */
function missingOnly(row: ReleaseRow, wanted: Record<string, unknown>): Record<string, unknown> {
  const have: Record<string, unknown> = {
    FileHash: row.fileHash,
    PublishedOn: row.publishedOn,
    ApprovedOn: row.approvedOn,
    ApprovedByLookupId: row.approvedBy,
    SubmittedOn: row.submittedOn,
    SupersededOn: row.supersededOn,
    AckDueDate: row.ackDueDate,
  };
  return Object.fromEntries(Object.entries(wanted).filter(([k, v]) => k in have && (have[k] === null || have[k] === undefined) && v !== null && v !== undefined));
}

async function patchRelease(s: DocumentServices, target: EffectTarget, row: ReleaseRow, fields: Record<string, unknown>): Promise<void> {
  if (Object.keys(fields).length === 0) return;
  const written = await updateItemFields(s.client, s.site.siteId, s.site.releasesListId, row.itemId, fields, row.eTag);
  replaceRelease(s, target, row, written);
}

/** The row of a release after a write, from the fields (and new eTag) the PATCH answered with. */
export function releaseAfterWrite(s: Pick<DocumentServices, 'people' | 'timeZone'>, row: ReleaseRow, written: Record<string, unknown>): ReleaseRow {
  return toReleaseRow(itemAfterWrite(row, written), s.people, s.timeZone);
}

/** A list item as `toReleaseRow`/`toApprovalRow` read it, from the fields a PATCH returned. */
export function itemAfterWrite(row: { itemId: string; eTag: string; createdDateTime?: string | null }, written: Record<string, unknown>): ListItem {
  const eTag = typeof written['@odata.etag'] === 'string' ? written['@odata.etag'] : row.eTag;
  return { id: row.itemId, '@odata.etag': eTag, createdDateTime: row.createdDateTime ?? undefined, fields: written } as ListItem;
}

function replaceRelease(s: DocumentServices, target: EffectTarget, row: ReleaseRow, written: Record<string, unknown>): void {
  const next = releaseAfterWrite(s, row, written);
  target.releases = target.releases.map((r) => (r.itemId === row.itemId ? next : r));
}

const RELEASE_ORDER: readonly VersionStatus[] = ['Draft', 'In review', 'Approved', 'Published', 'Superseded'];

/** True when a release in status `have` has reached `wanted` (statuses outside the main line only match themselves). */
function atOrBeyond(have: VersionStatus, wanted: VersionStatus): boolean {
  const h = RELEASE_ORDER.indexOf(have);
  const w = RELEASE_ORDER.indexOf(wanted);
  return have === wanted || (h >= 0 && w >= 0 && h >= w);
}

/** Change types of records that note an event on a release rather than being the release. */
const EVENT_CHANGE_TYPES: ReadonlySet<string | null> = new Set(['Reviewed – no change', 'Withdrawal']);

async function updateRelease(
  s: DocumentServices,
  target: EffectTarget,
  label: string,
  fromStatuses: readonly VersionStatus[],
  changes: Partial<ReleaseRecord>,
  extra?: { fileHash?: string },
): Promise<void> {
  const fields = releaseFields(changes, s.people, extra ?? {});
  // Event records (a periodic review, a withdrawal) share the label but are never the release itself.
  const releases = [...target.releases].reverse().filter((r) => !EVENT_CHANGE_TYPES.has(r.changeType));
  const from = releases.find((r) => r.versionLabel === label && fromStatuses.includes(r.versionStatus));
  if (from) {
    await patchRelease(s, target, from, fields);
    return;
  }
  // Already applied by an earlier attempt: the record holds the target label and status.
  const wantedLabel = changes.versionLabel ?? label;
  // (A release already further along, e.g. Published when the update wants Approved, was overtaken
  // by a later step of the same attempt: a final approval writes both at once.)
  const done = releases.find((r) => r.versionLabel === wantedLabel && (changes.versionStatus === undefined || atOrBeyond(r.versionStatus, changes.versionStatus)));
  if (done) {
    await patchRelease(s, target, done, missingOnly(done, fields));
    return;
  }
  // No record at all (a document created outside the app): create one with what is known.
  if (changes.versionStatus !== undefined) {
    await createRelease(
      s,
      target,
      { versionLabel: wantedLabel, versionStatus: changes.versionStatus, changeType: changes.changeType ?? 'New', changeSummary: changes.changeSummary ?? null, authorId: changes.authorId ?? null, ...changes },
      extra,
    );
  }
}

async function supersedeRelease(s: DocumentServices, target: EffectTarget, label: string, on: string): Promise<void> {
  for (const r of target.releases.filter((x) => x.versionLabel === label && x.versionStatus === 'Published' && x.changeType !== 'Reviewed – no change')) {
    await patchRelease(s, target, r, { VersionStatus: 'Superseded', SupersededOn: on });
  }
}

// ---------- approvals and Planner ----------

const plannerCache = new WeakMap<DocumentServices, Promise<PlannerBucketRef | null>>();

/** The "SMS Actions" plan and its "Document reviews" bucket (null when the site has no group or plan, or the cloud no Planner). */
function approvalBucket(s: DocumentServices): Promise<PlannerBucketRef | null> {
  if (s.planner === false) return Promise.resolve(null);
  let hit = plannerCache.get(s);
  if (!hit) {
    hit = findBucket(s.client, s.site.groupId, DOCUMENT_REVIEWS_BUCKET);
    hit.catch(() => plannerCache.delete(s));
    plannerCache.set(s, hit);
  }
  return hit;
}

function addDaysIso(iso: string, days: number): string {
  return new Date(Date.parse(iso) + days * 86_400_000).toISOString();
}

/** Creates the Planner task of one approval, linked back to the document, and returns its id (null without a plan). */
async function createApprovalTask(s: DocumentServices, target: EffectTarget, label: string, approval: ApprovalRow): Promise<string | null> {
  const bucket = await approvalBucket(s);
  const person = s.people.byId(approval.assigneeId);
  if (!bucket || !person) return null;
  const link = s.documentLink?.(target.docId);
  return createLinkedTask(s.client, {
    bucket,
    title: `[${target.docId}] Approve version ${releasedAs(label)}: ${target.title}`,
    assigneeUserIds: [person.userId],
    dueDateTime: addDaysIso(s.clock.now(), APPROVAL_TASK_DAYS),
    description: `Review version ${releasedAs(label)} of ${target.docId} "${target.title}" and record your decision (approve, or request changes with a comment) on the document's page.${link ? `\n${link}` : ''}`,
    links: [
      ...(link ? [{ url: link, alias: `${target.docId} in the SMS app` }] : []),
      ...(target.fileWebUrl ? [{ url: target.fileWebUrl, alias: `${target.docId} file` }] : []),
    ],
  });
}

/** Marks approval tasks complete (best effort, in parallel); returns warnings for the ones that failed. */
export function closeTasks(s: DocumentServices, approvals: readonly ApprovalRow[]): Promise<string[]> {
  return completeTasks(s.client, approvals.flatMap((a) => (a.plannerTaskId ? [a.plannerTaskId] : [])));
}

async function setTaskId(s: DocumentServices, approval: ApprovalRow, taskId: string): Promise<ApprovalRow> {
  const written = await linkTaskToItem(s.client, { siteId: s.site.siteId, listId: s.site.approvalsListId, itemId: approval.itemId, eTag: approval.eTag }, taskId);
  return toApprovalRow(itemAfterWrite(approval, written), s.people);
}

const sameSet = (a: readonly { step: ApprovalStep; assigneeId: string }[], b: readonly { step: ApprovalStep; assigneeId: string }[]) =>
  a.length === b.length && a.every((x) => b.some((y) => y.step === x.step && y.assigneeId.toLowerCase() === x.assigneeId.toLowerCase()));

/**
 * Creates the Pending approval records of a new round for the draft release (round = previous
 * round + 1) and a Planner task for each Approval step. An unfinished earlier attempt (the latest
 * round asks the same people and nobody decided) is completed instead of starting another round.
 */
async function requestApprovals(
  s: DocumentServices,
  target: EffectTarget,
  label: string,
  wanted: readonly { step: ApprovalStep; assigneeId: string }[],
  existing: readonly ApprovalRow[],
): Promise<ApprovalRow[]> {
  const release = [...target.releases].reverse().find((r) => r.versionLabel === label && (r.versionStatus === 'In review' || r.versionStatus === 'Draft'));
  if (!release) throw new Error(`${target.docId} has no release record for version ${label}.`);
  const all = existing.length ? existing : await readApprovals(s, release.itemId);
  const lastRound = Math.max(0, ...all.map((a) => a.round));
  const latest = all.filter((a) => a.round === lastRound);
  let rows: ApprovalRow[];
  if (lastRound > 0 && latest.every((a) => a.decision === 'Pending') && sameSet(latest, wanted)) {
    rows = latest;
  } else {
    const round = lastRound + 1;
    rows = [];
    for (const w of wanted) {
      // The approval names its assignee by UPN; the Assignee person column only when they are a site user
      // already (someone who never opened the site has no lookup id, and Graph cannot add them: ADR 0005).
      const person = s.people.byId(w.assigneeId);
      const item = await createItem(s.client, s.site.siteId, s.site.approvalsListId, {
        Title: approvalTitle(target.docId, label, w.step, person?.displayName ?? w.assigneeId, round),
        DocumentVersionLookupId: release.itemId,
        Step: w.step,
        AssigneeUPN: person?.upn ?? w.assigneeId,
        ...(person?.lookupId ? { AssigneeLookupId: person.lookupId } : {}),
        Decision: 'Pending',
      });
      rows.push(toApprovalRow(item, s.people));
    }
  }
  const out: ApprovalRow[] = [];
  for (const row of rows) {
    if (row.step === 'Approval' && !row.plannerTaskId) {
      const taskId = await createApprovalTask(s, target, label, row);
      out.push(taskId ? await setTaskId(s, row, taskId) : row);
    } else {
      out.push(row);
    }
  }
  return out;
}

// ---------- audit trail ----------

/** The platform audit record of a document transition (list key by entity: the document or its approval). */
export function auditRecordOf(s: Pick<DocumentServices, 'mePerson'>, listItemId: string, entry: AuditEntry): AuditRecord {
  return {
    listKey: entry.entityType === 'ControlledDocument' ? smsDocuments.key : documentApprovals.key,
    entityType: entry.entityType,
    entityRef: entry.entityRef,
    entityItemId: listItemId,
    eventType: entry.eventType,
    at: entry.at,
    fromStatus: entry.fromStatus,
    toStatus: entry.toStatus,
    comment: entry.comment,
    actor: { upn: s.mePerson.upn, lookupId: s.mePerson.lookupId },
    details: { actor: entry.actorId === 'system' ? 'app (system step)' : entry.actorId },
  };
}

/**
 * Appends an `SMS Audit Trail` entry for a document transition (with `dedupe`, only if the trail lacks it;
 * with `scope` too, lacks it anywhere in the current cycle, e.g. since the version was submitted).
 */
export async function appendAudit(s: DocumentServices, listItemId: string, entry: AuditEntry, opts: { dedupe?: boolean; scope?: AuditDedupeScope } = {}): Promise<void> {
  const write = () => appendAuditEntry(s.client, s.site.sms, auditRecordOf(s, listItemId, entry), { dedupe: opts.dedupe === true, ...(opts.scope ? { dedupeScope: opts.scope } : {}) });
  if (!opts.dedupe) {
    await write();
    return;
  }
  // A deduplicated entry is safe to try again after an ambiguous failure: each attempt first reads the
  // trail, so an entry whose answer was lost is found, not written twice (issue 9 §4).
  for (let failures = 0; ; failures++) {
    try {
      await write();
      return;
    } catch (e) {
      if (!isAmbiguousFailure(e) || failures >= AUDIT_ATTEMPTS - 1) throw e;
    }
  }
}

/** Attempts of a deduplicated audit entry after ambiguous failures. */
const AUDIT_ATTEMPTS = 8;
