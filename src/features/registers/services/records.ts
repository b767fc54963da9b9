/**
 * Reading a register's records through the register engine (src/platform/registers): the list as a
 * `RegisterDefinition`, one "load" of the list screen (`fetchRegisterPage`: the plan's one indexed
 * predicate, the rest applied to the rows, at most `MAX_REQUESTS_PER_LOAD` requests, "Load more"
 * follows `@odata.nextLink`), one record by item id, and a record's values as the rules read them
 * (person columns as lower-case UPNs).
 */
import type { GraphClient } from '../../../../graph/core/client.js';
import { GraphError } from '../../../../graph/core/errors.js';
import { getItem } from '../../../../graph/lists/items.js';
import type { Values } from '../../../domain/registers/types.js';
import type { PeopleDirectory } from '../../../platform/people.js';
import {
  readPage,
  toRecord,
  type CellValue,
  type RegisterDefinition,
  type RegisterFilter,
  type RegisterRecord,
  type RegisterSortSpec,
  type RowsPage,
} from '../../../platform/registers/index.js';
import { columnOf, type RegisterConfig } from './catalog.js';
import { RecordNotFoundError } from './errors.js';

/** The register as the engine reads it: the given columns (default: every column of the schema), rows are the records themselves. */
export function definitionOf(config: RegisterConfig, columns: readonly string[] = config.schema.columns.map((c) => c.name)): RegisterDefinition<RegisterRecord> {
  return { schema: config.schema, columns, properties: ['id', 'webUrl'], toRow: (r) => r };
}

/** What the list screen asks for: filters (as data, on indexed columns), the sort and a reference prefix. */
export interface ListParams {
  /** Column → value of the dropdown filters (`eq`); null = any. */
  readonly filters: Readonly<Record<string, string | null>>;
  readonly sort: RegisterSortSpec | null;
  /** A reference prefix (`NC-2026`): sent as `startsWith` on the unique `Ref` column. */
  readonly refPrefix: string;
  readonly timeZone: string;
  /** `$top` of the first page; one load reads until this many rows match (or five requests). */
  readonly pageSize: number;
}

/** The filters of the list screen as engine filters (booleans compare as booleans). */
export function filtersOf(config: RegisterConfig, params: Pick<ListParams, 'filters' | 'refPrefix'>): RegisterFilter[] {
  const out: RegisterFilter[] = [];
  for (const [column, value] of Object.entries(params.filters)) {
    if (value === null || value === '') continue;
    const c = columnOf(config, column);
    const number = c.type === 'number' || c.type === 'currency' ? Number(value) : NaN;
    out.push({ column, op: 'eq', value: c.type === 'boolean' ? value === 'true' : Number.isFinite(number) ? number : value });
  }
  if (params.refPrefix.trim() !== '') out.push({ column: 'Ref', op: 'startsWith', value: params.refPrefix.trim() });
  return out;
}

/**
 * One load of the list screen: the register's list columns only, with the plan's predicate and
 * order; continues from `nextLink`. Cost grows with what is shown, never with the list's size: at
 * most `MAX_REQUESTS_PER_LOAD` requests of `pageSize` items each.
 */
export function fetchRegisterPage(client: GraphClient, siteId: string, config: RegisterConfig, params: ListParams, opts: { nextLink: string | null; signal?: AbortSignal }): Promise<RowsPage<RegisterRecord>> {
  return readPage(
    client,
    siteId,
    definitionOf(config, config.listColumns),
    { filters: filtersOf(config, params), sort: params.sort, timeZone: params.timeZone },
    { nextLink: opts.nextLink, pageSize: params.pageSize, minRows: params.pageSize, signal: opts.signal },
  );
}

/**
 * One record with every column of its schema and its eTag
 * (`GET /sites/{site-id}/lists/{list}/items/{item-id}?$expand=fields`); `RecordNotFoundError` when
 * the item is not there.
 */
export async function loadRecord(client: GraphClient, siteId: string, config: RegisterConfig, itemId: string, timeZone: string, signal?: AbortSignal): Promise<RegisterRecord> {
  try {
    const item = await getItem(client, siteId, config.schema.displayName, itemId, { signal });
    return toRecord(config.schema, item, undefined, timeZone);
  } catch (e) {
    if (e instanceof GraphError && e.status === 404) throw new RecordNotFoundError(config.key, itemId);
    throw e;
  }
}

/** The UPN (lower case) of the person a lookup id names, or null. */
const upnOf = (people: PeopleDirectory, v: CellValue | undefined): string | null => (typeof v === 'string' ? (people.byLookupId(v)?.id ?? null) : null);

/** A record's values as the rules read them: person columns as lower-case UPNs (an unknown person is null), the rest as stored. */
export function domainValues(config: RegisterConfig, values: Readonly<Record<string, CellValue>>, people: PeopleDirectory): Values {
  const out: Record<string, CellValue> = {};
  for (const [name, v] of Object.entries(values)) {
    const c = config.schema.columns.find((x) => x.name === name);
    if (c?.type === 'person') out[name] = upnOf(people, v);
    else if (c?.type === 'personMulti') out[name] = (Array.isArray(v) ? v : []).map((x) => people.byLookupId(x)?.id).filter((x): x is string => x !== undefined);
    else out[name] = v;
  }
  return out;
}

/** The record's reference (`NC-2026-004`), else `#<item id>`. */
export function refOf(record: Pick<RegisterRecord, 'id' | 'values'>): string {
  const ref = record.values.Ref;
  return typeof ref === 'string' && ref !== '' ? ref : `#${record.id}`;
}

/** The record's status, or null for a register without a lifecycle. */
export function statusOf(config: RegisterConfig, record: Pick<RegisterRecord, 'values'>): string | null {
  if (!config.statusColumn) return null;
  const v = record.values[config.statusColumn];
  return typeof v === 'string' ? v : null;
}
