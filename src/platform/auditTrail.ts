/**
 * The one writer of the `SMS Audit Trail` (graph/schema `auditTrail`, §7.5.3): an append-only entry
 * per workflow transition or sensitive change of any record, keyed by the schema key of the list
 * the record lives in (`ListKey`), not by a feature.
 *
 * Idempotence without reading the trail: a write normally just appends. Only a step that may be
 * repeating an earlier attempt (a retry or a resumed operation) asks for `dedupe`; then one narrow
 * query looks for the same entry: the record's newest entries (filter on the indexed EntityRef alone,
 * newest Timestamp first, `$top` small), checked on the rows for one within ten minutes of the
 * entry's time.
 */
import type { BatchRequest } from '../../graph/core/batch.js';
import type { GraphClient } from '../../graph/core/client.js';
import { f } from '../../graph/core/filter.js';
import { createItemRequest } from '../../graph/lists/batchRequests.js';
import { createItem, listAllItems, listItems, type ListItem } from '../../graph/lists/items.js';
import { auditTrail, AUDIT_EVENT_TYPES, requireList } from '../../graph/schema/index.js';
import type { PeopleDirectory } from './people.js';
import { listIdOf, type SmsSite } from './site.js';
import { itemWasEdited, stampedActor, type StampedIdentity } from './stamps.js';

export type AuditEventType = (typeof AUDIT_EVENT_TYPES)[number];

/** One audit-trail entry: what happened to which record, who did it and when. */
export interface AuditRecord {
  /** Schema key of the list the record lives in (`smsDocuments`, `documentApprovals`, `nonconformities`, …). */
  readonly listKey: string;
  /** The entity's name, e.g. `ControlledDocument`, `Nonconformity`. */
  readonly entityType: string;
  /** The record's reference, e.g. `SMS-POL-001`, `NC-2025-003`. */
  readonly entityRef: string;
  /** The record's list item id. */
  readonly entityItemId: string | number;
  readonly eventType: AuditEventType;
  /** ISO date-time of the event. */
  readonly at: string;
  readonly fromStatus: string | null;
  readonly toStatus: string | null;
  readonly comment: string | null;
  /** Who acted: the signed-in user's UPN and site lookup id (null when not a site user yet). */
  readonly actor: { readonly upn: string; readonly lookupId: string | null };
  /** Anything else worth keeping, stored as JSON in `Details`. */
  readonly details?: Readonly<Record<string, unknown>>;
}

/** How far apart two identical entries may be and still be one event written twice. */
export const AUDIT_DEDUPE_WINDOW_MS = 10 * 60_000;
/** How many recent entries of one record the duplicate check reads (one page, never the whole trail). */
export const AUDIT_DEDUPE_TOP = 25;

/** The `SMS Audit Trail` item fields of an entry. */
export function auditFields(record: AuditRecord): Record<string, unknown> {
  requireList(record.listKey);
  const fields: Record<string, unknown> = {
    Title: `${record.entityRef}: ${record.fromStatus ?? '—'} → ${record.toStatus ?? '—'}`,
    EntityType: record.entityType,
    EntityRef: record.entityRef,
    EntityItemId: Number(record.entityItemId),
    ListKey: record.listKey,
    Timestamp: record.at,
    ActorUPN: record.actor.upn,
    EventType: record.eventType,
    FromStatus: record.fromStatus,
    ToStatus: record.toStatus,
    Comment: record.comment,
    Details: JSON.stringify(record.details ?? {}),
  };
  if (record.actor.lookupId) fields.ActorLookupId = record.actor.lookupId;
  return fields;
}

/** The entry as one request of a `$batch` (for writing several entries in one round trip). */
export function auditEntryRequest(id: string, site: Pick<SmsSite, 'siteId' | 'listIds'>, record: AuditRecord): BatchRequest {
  return createItemRequest(id, site.siteId, listIdOf(site, auditTrail.key), auditFields(record));
}

const sameEntry = (x: Record<string, unknown>, r: AuditRecord) =>
  x.EventType === r.eventType &&
  (x.FromStatus ?? null) === r.fromStatus &&
  (x.ToStatus ?? null) === r.toStatus &&
  (x.Comment ?? null) === r.comment &&
  (x.ListKey === undefined || x.ListKey === null || x.ListKey === r.listKey);

/**
 * True when the trail already holds this entry (same record, event, statuses and comment, within
 * `AUDIT_DEDUPE_WINDOW_MS` of its time): one request filtered on EntityRef alone (indexed; the
 * service filters one indexed field at a time, listitem-list), newest first by Timestamp, at most
 * `AUDIT_DEDUPE_TOP` items; the time window is checked on the returned rows.
 */
/**
 * Where a duplicate counts, for an event that happens once per cycle of a record (e.g. one approval
 * per submission), however late a retry comes: entries written after the record's latest entry into
 * `toStatus` (item ids grow with creation), or without such an entry, at or after `since`.
 */
export interface AuditDedupeScope {
  readonly afterToStatus: string;
  readonly since?: string | null;
}

export async function auditEntryExists(client: GraphClient, site: Pick<SmsSite, 'siteId' | 'listIds'>, record: AuditRecord, signal?: AbortSignal, scope?: AuditDedupeScope): Promise<boolean> {
  const at = Date.parse(record.at);
  const page = await listItems(client, site.siteId, listIdOf(site, auditTrail.key), {
    filter: f.eq('fields/EntityRef', record.entityRef),
    orderby: 'fields/Timestamp desc',
    schema: auditTrail,
    select: ['EventType', 'FromStatus', 'ToStatus', 'Comment', 'ListKey', 'Timestamp'],
    top: AUDIT_DEDUPE_TOP,
    signal,
  });
  const rows = page.items.map((i) => ({ id: Number(i.id), fields: i.fields as Record<string, unknown> }));
  if (scope) {
    const anchors = rows.filter((r) => r.fields.ToStatus === scope.afterToStatus && !sameEntry(r.fields, record)).map((r) => r.id);
    const anchor = anchors.length ? Math.max(...anchors) : null;
    const from = scope.since ? Date.parse(scope.since) : NaN;
    const inScope = (r: (typeof rows)[number]) => (anchor !== null ? r.id > anchor : !Number.isFinite(from) || Date.parse(String(r.fields.Timestamp)) >= from);
    return rows.some((r) => inScope(r) && sameEntry(r.fields, record));
  }
  const inWindow = (x: Record<string, unknown>) => Math.abs(Date.parse(String(x.Timestamp)) - at) <= AUDIT_DEDUPE_WINDOW_MS;
  return rows.some((r) => inWindow(r.fields) && sameEntry(r.fields, record));
}

/**
 * Appends an entry. With `dedupe` (a retried or resumed step only), skips it when the trail
 * already holds it: within ten minutes of its time, or with `dedupeScope` anywhere in the record's
 * current cycle. Returns whether an entry was written.
 */
export async function appendAuditEntry(
  client: GraphClient,
  site: Pick<SmsSite, 'siteId' | 'listIds'>,
  record: AuditRecord,
  opts: { dedupe?: boolean; signal?: AbortSignal; dedupeScope?: AuditDedupeScope } = {},
): Promise<boolean> {
  if (opts.dedupe && (await auditEntryExists(client, site, record, opts.signal, opts.dedupeScope))) return false;
  await createItem(client, site.siteId, listIdOf(site, auditTrail.key), auditFields(record), opts.signal);
  return true;
}

// ---------- integrity (npm run verify) ----------

/**
 * What is wrong with an audit entry. The actor of an entry is who the server stamped as its creator
 * (`createdBy`); `ActorUPN` is a copy for filtering and must name the same person. An entry is never
 * changed after it is written: one with a later item version, or whose server-stamped `lastModifiedBy`
 * or `lastModifiedDateTime` differs from its creation, was edited.
 */
export type AuditFinding =
  | { readonly kind: 'auditActorMismatch'; readonly ref: string; readonly entry: string; readonly actorUpn: string; readonly createdBy: string }
  | { readonly kind: 'auditEdited'; readonly ref: string; readonly entry: string; readonly editedBy: string };

const nameOfStamp = (identity: StampedIdentity | undefined, people: Pick<PeopleDirectory, 'people'>): string => {
  const a = stampedActor(identity, people);
  return a.kind === 'person' ? a.person.upn : a.kind === 'application' ? `app ${a.displayName || a.appId}` : a.displayName || 'unknown';
};

/** The findings of audit-trail items as Graph returned them (with createdBy/lastModifiedBy). */
export function auditFindings(items: readonly ListItem[], people: Pick<PeopleDirectory, 'people'>): AuditFinding[] {
  const out: AuditFinding[] = [];
  for (const item of items) {
    const fields = (item.fields ?? {}) as Record<string, unknown>;
    const ref = String(fields.EntityRef ?? '');
    const entry = String(fields.Title ?? item.id ?? '');
    const createdBy = item.createdBy as StampedIdentity | undefined;
    const actor = stampedActor(createdBy, people);
    const actorUpn = String(fields.ActorUPN ?? '');
    const creatorUpn = actor.kind === 'person' ? actor.person.upn : null;
    if (actor.kind !== 'application' && (creatorUpn === null || creatorUpn.toLowerCase() !== actorUpn.toLowerCase())) {
      out.push({ kind: 'auditActorMismatch', ref, entry, actorUpn, createdBy: nameOfStamp(createdBy, people) });
    }
    const modifiedBy = item.lastModifiedBy as StampedIdentity | undefined;
    // Any later version, writer or time: the item version label (SharePoint keeps a version per update
    // where versioning is on, as it is for new lists), then the stamps (also when it is off).
    const version = typeof fields._UIVersionString === 'string' ? fields._UIVersionString : '1.0';
    const edited = itemWasEdited({ createdBy, lastModifiedBy: modifiedBy, createdDateTime: item.createdDateTime, lastModifiedDateTime: item.lastModifiedDateTime, versionLabel: version });
    if (edited) out.push({ kind: 'auditEdited', ref, entry, editedBy: nameOfStamp(modifiedBy, people) });
  }
  return out;
}

/** Reads the whole trail and returns its findings (for `npm run verify`; a batch job's cost). */
export async function verifyAuditTrail(client: GraphClient, site: Pick<SmsSite, 'siteId' | 'listIds'>, people: Pick<PeopleDirectory, 'people'>, signal?: AbortSignal): Promise<AuditFinding[]> {
  const items = await listAllItems(client, site.siteId, listIdOf(site, auditTrail.key), { select: ['Title', 'EntityRef', 'ActorUPN', '_UIVersionString'], top: 500, signal });
  return auditFindings(items, people);
}
