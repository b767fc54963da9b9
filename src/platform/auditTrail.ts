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
import { createItem, listItems } from '../../graph/lists/items.js';
import { auditTrail, AUDIT_EVENT_TYPES, requireList } from '../../graph/schema/index.js';
import { listIdOf, type SmsSite } from './site.js';

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
export async function auditEntryExists(client: GraphClient, site: Pick<SmsSite, 'siteId' | 'listIds'>, record: AuditRecord, signal?: AbortSignal): Promise<boolean> {
  const at = Date.parse(record.at);
  const page = await listItems(client, site.siteId, listIdOf(site, auditTrail.key), {
    filter: f.eq('fields/EntityRef', record.entityRef),
    orderby: 'fields/Timestamp desc',
    schema: auditTrail,
    select: ['EventType', 'FromStatus', 'ToStatus', 'Comment', 'ListKey', 'Timestamp'],
    top: AUDIT_DEDUPE_TOP,
    signal,
  });
  const inWindow = (x: Record<string, unknown>) => Math.abs(Date.parse(String(x.Timestamp)) - at) <= AUDIT_DEDUPE_WINDOW_MS;
  return page.items.some((i) => inWindow(i.fields as Record<string, unknown>) && sameEntry(i.fields as Record<string, unknown>, record));
}

/**
 * Appends an entry. With `dedupe` (a retried or resumed step only), skips it when the trail
 * already holds it. Returns whether an entry was written.
 */
export async function appendAuditEntry(client: GraphClient, site: Pick<SmsSite, 'siteId' | 'listIds'>, record: AuditRecord, opts: { dedupe?: boolean; signal?: AbortSignal } = {}): Promise<boolean> {
  if (opts.dedupe && (await auditEntryExists(client, site, record, opts.signal))) return false;
  await createItem(client, site.siteId, listIdOf(site, auditTrail.key), auditFields(record), opts.signal);
  return true;
}
