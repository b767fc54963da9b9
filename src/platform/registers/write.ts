/**
 * Writes register records: create (with the next `Ref` from a reference sequence) and update
 * (with `If-Match` set to the eTag that was read, so a stale write answers 412 and throws
 * `GraphConflictError`), each followed by one audit-trail entry keyed by the list's schema.
 *
 * The reference sequence and the audit writer are injected (`RegisterWriteDeps`): the register
 * engine does not know how numbers are reserved or where the trail lives, and tests can watch
 * both. `platformWriteDeps` (write.defaults.ts) wires them to the platform's sequences and audit
 * trail.
 *
 * Order of steps: the Ref is reserved first (a number lost to a failed create is a gap, never a
 * duplicate), then the item is written, then the audit entry. If the audit write fails the item is
 * written and the error is thrown: the caller retries the audit, not the create.
 */
import type { BatchRequest } from '../../../graph/core/batch.js';
import type { GraphClient } from '../../../graph/core/client.js';
import { createItem, updateItemFields } from '../../../graph/lists/items.js';
import type { SmsListSchema } from '../../../graph/schema/types.js';
import { columnOf, encodeFields, readCell } from './coerce.js';
import type { CellValue, RegisterRecord } from './types.js';

/** The column that holds the human-readable reference (`NC-2025-003`, domain §5.3). */
export const REF_COLUMN = 'Ref';

/** What a register write tells the audit trail. The writer adds the actor and the time. */
export interface RegisterAuditEntry {
  /** The list the item lives in (its `key` is the trail's ListKey, its `entity` the EntityType). */
  readonly schema: SmsListSchema;
  readonly itemId: string;
  /** The item's Ref (or null for lists without one). */
  readonly ref: string | null;
  /**
   * `Created` for a create, `Transition` when the status column changed, `Updated` otherwise, or the event a
   * caller names for a change that is not a transition (`WriteOptions.eventType`: `Due date changed`, …).
   */
  readonly eventType: 'Created' | 'Transition' | 'Updated' | NamedAuditEvent;
  readonly fromStatus: string | null;
  readonly toStatus: string | null;
  /** Internal names of the columns written. */
  readonly changed: readonly string[];
  readonly comment: string | null;
}

/** Reserves the next reference of a register's sequence (`NC-2025-004`). */
export type NextRef = (schema: SmsListSchema, signal?: AbortSignal) => Promise<string>;
/** Appends one entry to the audit trail. */
export type AuditWriter = (entry: RegisterAuditEntry, signal?: AbortSignal) => Promise<void>;

export interface RegisterWriteDeps {
  /** Needed to create items in a list whose schema has a `Ref` column and a `refPrefix`. */
  readonly nextRef?: NextRef;
  readonly audit: AuditWriter;
  /**
   * The entry as one request of a `$batch` (its `id` given), so an engine that writes many records at once (the
   * actions sync) sends each entry with its record's write, `dependsOn` it. Optional: without it, callers append
   * each entry with `audit` after the write.
   */
  readonly auditRequest?: (id: string, entry: RegisterAuditEntry) => BatchRequest;
}

/** Audit events a caller may name for an update that is not a transition (graph/schema `AUDIT_EVENT_TYPES`). */
export type NamedAuditEvent = 'Due date changed' | 'Reassigned' | 'Sync' | 'Deleted';

export interface WriteOptions {
  /** The audit event of an update that does not change the status (default `Updated`). */
  readonly eventType?: NamedAuditEvent;
  /** How the list is addressed under the site (default: the schema's display name). */
  readonly list?: string;
  /** Reason or comment for the audit entry. */
  readonly comment?: string | null;
  /** The site's time zone (IANA), in which the written date-only values are read back; default UTC. */
  readonly timeZone?: string;
  readonly signal?: AbortSignal;
}

/** Internal name of the status column, when the schema has one. */
function statusColumnOf(schema: SmsListSchema): string | null {
  const name = schema.statusColumn ?? 'Status';
  return schema.columns.some((c) => c.name === name) ? name : null;
}

const textOf = (v: CellValue | undefined): string | null => (typeof v === 'string' ? v : null);

function needsRef(schema: SmsListSchema): boolean {
  return schema.refPrefix !== undefined && schema.columns.some((c) => c.name === REF_COLUMN);
}

/**
 * Creates an item (`POST /sites/{site-id}/lists/{list}/items`) with these values (column name →
 * value, coerced by `encodeFields`). When the schema has a `Ref` column and a `refPrefix` and no
 * Ref is given, the Ref comes from `deps.nextRef`. Then writes a `Created` audit entry. Returns the
 * created record (its values as Graph returned them, with the new eTag).
 *
 * Minimum delegated scope: `Sites.ReadWrite.All`.
 * Microsoft Learn: https://learn.microsoft.com/graph/api/listitem-create
 */
export async function createRecord(
  client: GraphClient,
  siteId: string,
  schema: SmsListSchema,
  values: Readonly<Record<string, CellValue>>,
  deps: RegisterWriteDeps,
  opts: WriteOptions = {},
): Promise<RegisterRecord> {
  const toWrite: Record<string, CellValue> = { ...values };
  if (needsRef(schema) && (toWrite[REF_COLUMN] === undefined || toWrite[REF_COLUMN] === null)) {
    if (!deps.nextRef) throw new Error(`List '${schema.key}' numbers its items: creating one needs a reference sequence (nextRef).`);
    toWrite[REF_COLUMN] = await deps.nextRef(schema, opts.signal);
  }
  const fields = encodeFields(schema, toWrite);
  const item = await createItem(client, siteId, opts.list ?? schema.displayName, fields, opts.signal);
  const itemFields = (item.fields ?? {}) as Record<string, unknown>;
  const written: Record<string, CellValue> = {};
  for (const name of Object.keys(toWrite)) written[name] = readCell(columnOf(schema, name), itemFields, opts.timeZone);
  const record: RegisterRecord = {
    id: String(item.id ?? itemFields.id ?? ''),
    eTag: item['@odata.etag'] ?? (typeof itemFields['@odata.etag'] === 'string' ? itemFields['@odata.etag'] : null),
    webUrl: item.webUrl ?? null,
    values: written,
  };
  const status = statusColumnOf(schema);
  await deps.audit(
    {
      schema,
      itemId: record.id,
      ref: textOf(written[REF_COLUMN]),
      eventType: 'Created',
      fromStatus: null,
      toStatus: status ? textOf(written[status]) : null,
      changed: Object.keys(toWrite),
      comment: opts.comment ?? null,
    },
    opts.signal,
  );
  return record;
}

/**
 * Updates some columns of a record it read (`PATCH …/items/{item-id}/fields` with
 * `If-Match: <record.eTag>`). A record changed since it was read answers 412: `GraphConflictError`
 * is thrown and nothing is audited. Then writes a `Transition` audit entry when the status column
 * changed (from the record's status to the new one), else `Updated`. Returns the record with the
 * new values and eTag.
 *
 * Minimum delegated scope: `Sites.ReadWrite.All`.
 * Microsoft Learn: https://learn.microsoft.com/graph/api/listitem-update
 */
export async function updateRecord(
  client: GraphClient,
  siteId: string,
  schema: SmsListSchema,
  record: RegisterRecord,
  changes: Readonly<Record<string, CellValue>>,
  deps: RegisterWriteDeps,
  opts: WriteOptions = {},
): Promise<RegisterRecord> {
  if (!record.eTag) throw new Error(`Item ${record.id} of '${schema.key}' was read without an eTag: it cannot be updated safely.`);
  const fields = encodeFields(schema, changes);
  const answer = (await updateItemFields(client, siteId, opts.list ?? schema.displayName, record.id, fields, record.eTag, opts.signal)) as Record<string, unknown>;
  const values: Record<string, CellValue> = { ...record.values };
  for (const name of Object.keys(changes)) values[name] = readCell(columnOf(schema, name), answer, opts.timeZone);
  const eTag = typeof answer['@odata.etag'] === 'string' ? answer['@odata.etag'] : null;
  const status = statusColumnOf(schema);
  const fromStatus = status ? textOf(record.values[status]) : null;
  const toStatus = status ? textOf(values[status]) : null;
  const transition = status !== null && Object.prototype.hasOwnProperty.call(changes, status) && fromStatus !== toStatus;
  await deps.audit(
    {
      schema,
      itemId: record.id,
      ref: textOf(values[REF_COLUMN]),
      eventType: transition ? 'Transition' : (opts.eventType ?? 'Updated'),
      fromStatus,
      toStatus,
      changed: Object.keys(changes),
      comment: opts.comment ?? null,
    },
    opts.signal,
  );
  return { ...record, eTag, values };
}
