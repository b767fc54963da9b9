/**
 * The register writer's collaborators on the platform: references from `SMS Sequences`
 * (src/platform/sequences.ts, ETag-guarded) and entries in the `SMS Audit Trail`
 * (src/platform/auditTrail.ts, keyed by the list's schema).
 *
 * References follow the schema's `refPrefix` and `refFormat` (domain §5.3): a yearly register
 * numbers per year (`NC-2025-003`, counter `NC-2025`), the others once (`RSK-003`, counter `RSK`).
 */
import type { GraphClient } from '../../../graph/core/client.js';
import type { SmsListSchema } from '../../../graph/schema/types.js';
import type { SequenceState } from '../../domain/documents/numbering.js';
import { appendAuditEntry, auditEntryRequest, type AuditRecord } from '../auditTrail.js';
import type { Clock } from '../clock.js';
import { reserveNext } from '../sequences.js';
import type { SmsSite } from '../site.js';
import type { RegisterAuditEntry, RegisterWriteDeps } from './write.js';

/** Default zero-padded width of a reference number when the schema gives none. */
export const DEFAULT_REF_DIGITS = 3;

/** The counter that numbers a register's items in `year`: `NC-2025` (yearly) or `RSK`. */
export function refSequence(schema: SmsListSchema, year: number): SequenceState {
  if (!schema.refPrefix) throw new Error(`List '${schema.key}' has no reference prefix.`);
  const name = schema.refFormat?.yearly ? `${schema.refPrefix}-${year}` : schema.refPrefix;
  return { sequenceName: name, prefix: `${name}-`, nextNumber: 1, padding: schema.refFormat?.digits ?? DEFAULT_REF_DIGITS };
}

/** The reference a counter hands out next: `NC-2025-003`. Numbers wider than the padding are not cut. */
export function formatRef(state: SequenceState): string {
  return `${state.prefix}${String(state.nextNumber).padStart(state.padding, '0')}`;
}

export interface PlatformWriteOptions {
  readonly client: GraphClient;
  readonly site: Pick<SmsSite, 'siteId' | 'listIds'>;
  /** The signed-in user, as the audit trail records them. */
  readonly actor: { readonly upn: string; readonly lookupId: string | null };
  /** Time of audit entries and the year of yearly references. */
  readonly clock: Pick<Clock, 'now'>;
}

/** `createRecord`/`updateRecord` collaborators backed by `SMS Sequences` and the `SMS Audit Trail`. */
export function platformWriteDeps(opts: PlatformWriteOptions): RegisterWriteDeps {
  const { client, site, actor, clock } = opts;
  return {
    nextRef: (schema, signal) => {
      const fresh = refSequence(schema, new Date(clock.now()).getUTCFullYear());
      return reserveNext(client, site, fresh.sequenceName, () => fresh, formatRef, signal);
    },
    audit: async (entry: RegisterAuditEntry, signal) => {
      await appendAuditEntry(client, site, auditRecordOf(entry), { signal });
    },
    auditRequest: (id, entry) => auditEntryRequest(id, site, auditRecordOf(entry)),
  };
  function auditRecordOf(entry: RegisterAuditEntry): AuditRecord {
    return {
      listKey: entry.schema.key,
      entityType: entry.schema.entity,
      entityRef: entry.ref ?? `${entry.schema.key}#${entry.itemId}`,
      entityItemId: entry.itemId,
      eventType: entry.eventType,
      at: clock.now(),
      fromStatus: entry.fromStatus,
      toStatus: entry.toStatus,
      comment: entry.comment,
      actor,
      details: { changed: entry.changed },
    };
  }
}
