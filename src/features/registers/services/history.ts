/**
 * A record's history from its list item versions (`GET …/items/{item-id}/versions?$expand=fields`):
 * for each version, who SharePoint stamped as its writer (`lastModifiedBy`, from their token: no
 * client can forge it), when, and which columns it changed from what to what. The first version is
 * the record's creation. Values are compared as the engine reads them (`readCell`), so a date-only
 * column compares as its calendar date on the site.
 */
import type { GraphClient } from '../../../../graph/core/client.js';
import { getItemVersions } from '../../../../graph/lists/versions.js';
import type { PeopleDirectory } from '../../../platform/people.js';
import { readCell, type CellValue } from '../../../platform/registers/index.js';
import { stampedActor, type StampedActor } from '../../../platform/stamps.js';
import type { RegisterConfig } from './catalog.js';

export interface FieldChange {
  readonly column: string;
  readonly from: CellValue;
  readonly to: CellValue;
}

export interface HistoryEntry {
  /** The version label (`1.0`, `2.0`…). */
  readonly version: string;
  /** When SharePoint saved the version (ISO instant). */
  readonly at: string | null;
  /** Who SharePoint stamped as its writer. */
  readonly by: StampedActor;
  /** The first version: the record was created with these values. */
  readonly created: boolean;
  /** Columns whose value differs from the version before (for the first version: the columns it was created with). */
  readonly changes: readonly FieldChange[];
}

const same = (a: CellValue, b: CellValue): boolean => (Array.isArray(a) && Array.isArray(b) ? a.length === b.length && a.every((x, i) => x === b[i]) : a === b);
const empty = (v: CellValue): boolean => v === null || (Array.isArray(v) && v.length === 0);

/** The history of versions given newest first (as Graph lists them): the newest entry first. */
export function historyOf(config: RegisterConfig, versions: readonly { id?: string | null; lastModifiedDateTime?: string | null; lastModifiedBy?: unknown; fields?: Record<string, unknown> }[], people: PeopleDirectory, timeZone: string): HistoryEntry[] {
  const columns = config.schema.columns;
  const valuesOf = (fields: Record<string, unknown> | undefined) => columns.map((c) => readCell(c, fields ?? {}, timeZone));
  const oldestFirst = [...versions].reverse();
  const entries: HistoryEntry[] = [];
  let before: CellValue[] | null = null;
  for (const v of oldestFirst) {
    const now = valuesOf(v.fields);
    const changes: FieldChange[] = [];
    columns.forEach((c, i) => {
      const from = before ? before[i]! : null;
      const to = now[i]!;
      if (before ? !same(from, to) : !empty(to)) changes.push({ column: c.name, from, to });
    });
    entries.push({
      version: v.id ?? '',
      at: v.lastModifiedDateTime ?? null,
      by: stampedActor(v.lastModifiedBy as Parameters<typeof stampedActor>[0], people),
      created: before === null,
      changes,
    });
    before = now;
  }
  return entries.reverse();
}

/**
 * Reads a record's versions and turns them into its history (newest first).
 *
 * Minimum delegated scope: `Sites.Read.All`.
 */
export async function loadHistory(client: GraphClient, siteId: string, config: RegisterConfig, itemId: string, people: PeopleDirectory, timeZone: string, signal?: AbortSignal): Promise<HistoryEntry[]> {
  const versions = await getItemVersions(client, siteId, config.schema.displayName, itemId, signal);
  return historyOf(config, versions as Parameters<typeof historyOf>[1], people, timeZone);
}
