/**
 * Reads a register: pages of list items with the plan's one predicate, `$orderby`, `$top` and
 * only the columns the register shows, following `@odata.nextLink` verbatim; each item becomes a
 * record (coerced per column type), then the register's typed row.
 */
import type { GraphClient } from '../../../graph/core/client.js';
import { listItems } from '../../../graph/lists/items.js';
import type { SmsListSchema } from '../../../graph/schema/types.js';
import { columnOf, fieldKeyOf, toRecord } from './coerce.js';
import { planQuery } from './plan.js';
import type { RegisterFilter, RegisterRecord, RegisterSortSpec } from './types.js';

/** Items per Graph page while browsing. */
export const PAGE_SIZE = 100;
/** Items per Graph page when reading everything (an export). */
export const EXPORT_PAGE_SIZE = 1000;
/** One "load" keeps reading pages until this many rows match the filters on the returned rows… */
export const MIN_ROWS_PER_LOAD = 25;
/** …or until it has sent this many requests. */
export const MAX_REQUESTS_PER_LOAD = 5;

/** A register as configuration: its list, the columns it reads and how a record becomes its row. */
export interface RegisterDefinition<Row> {
  /** The list's schema: column types for the coercions, indexes and `large` for the planner. */
  readonly schema: SmsListSchema;
  /** How the list is addressed under the site (`/sites/{site-id}/lists/{list}`): its id or display name. Default: the schema's display name. */
  readonly list?: string;
  /** Columns to read (internal names). Columns a filter uses are read as well. */
  readonly columns: readonly string[];
  /** listItem properties to read besides `fields` (default `id`, `webUrl`). */
  readonly properties?: readonly string[];
  /** The register's row from a record. */
  readonly toRow: (record: RegisterRecord) => Row;
}

/** What to read: filters and sort (planned by `planQuery`), plus rules on the typed rows. */
export interface RegisterQuery<Row> {
  readonly filters: readonly RegisterFilter[];
  readonly sort: RegisterSortSpec | null;
  /** View rules that need the whole row (e.g. "in force"), applied after the filters. */
  readonly rowFilter?: (row: Row) => boolean;
  /**
   * The site's time zone (IANA; default UTC): date-only filter values are its midnight (see
   * `planQuery`), and date-only values read are their calendar date there (see `readCell`).
   */
  readonly timeZone?: string;
}

/** One "load": the matching rows of one or more Graph pages. */
export interface RowsPage<Row> {
  readonly rows: Row[];
  /** Items Graph returned (before the filters on the returned rows). */
  readonly scanned: number;
  /** Graph requests sent for this load. */
  readonly requests: number;
  /** The `@odata.nextLink` to continue from, or null at the end. */
  readonly nextLink: string | null;
}

export interface ReadOptions {
  /** Continue from this `@odata.nextLink` (null: the first page). */
  nextLink?: string | null;
  /** `$top` of the first page (default `PAGE_SIZE`). */
  pageSize?: number;
  /** Keep reading pages until this many rows match (default `MIN_ROWS_PER_LOAD`). */
  minRows?: number;
  /** Stop after this many requests (default `MAX_REQUESTS_PER_LOAD`). */
  maxRequests?: number;
  signal?: AbortSignal;
}

/** Internal names of the columns read: the register's and those its filters use. */
function columnsRead<Row>(def: RegisterDefinition<Row>, filters: readonly RegisterFilter[]): string[] {
  return [...new Set([...def.columns, ...filters.map((x) => x.column)])];
}

/**
 * Reads the next rows of a register: `GET /sites/{site-id}/lists/{list}/items` with `$select`,
 * `$expand=fields($select=…)`, the plan's `$filter` and `$orderby` and `$top`; then follows
 * `@odata.nextLink` verbatim while fewer than `minRows` rows matched and fewer than `maxRequests`
 * requests were sent. A non-indexed filter or sort on a large list throws `NonIndexedFilterError`
 * before the first request.
 *
 * Minimum delegated scope: `Sites.Read.All`.
 * Microsoft Learn: https://learn.microsoft.com/graph/api/listitem-list
 */
export async function readPage<Row>(client: GraphClient, siteId: string, def: RegisterDefinition<Row>, query: RegisterQuery<Row>, opts: ReadOptions = {}): Promise<RowsPage<Row>> {
  const plan = planQuery(def.schema, query.filters, query.sort, { timeZone: query.timeZone });
  const columns = columnsRead(def, query.filters);
  const select = columns.map((name) => fieldKeyOf(columnOf(def.schema, name)));
  const minRows = opts.minRows ?? MIN_ROWS_PER_LOAD;
  const maxRequests = opts.maxRequests ?? MAX_REQUESTS_PER_LOAD;
  const rows: Row[] = [];
  let link = opts.nextLink ?? null;
  let scanned = 0;
  let requests = 0;
  do {
    const page = await listItems(client, siteId, def.list ?? def.schema.displayName, {
      nextLink: link,
      schema: def.schema,
      filter: plan.filter ?? undefined,
      orderby: plan.orderby,
      top: opts.pageSize ?? PAGE_SIZE,
      select,
      properties: def.properties ?? ['id', 'webUrl'],
      signal: opts.signal,
    });
    requests++;
    scanned += page.items.length;
    for (const item of page.items) {
      const record = toRecord(def.schema, item, columns, query.timeZone);
      if (!plan.matches(record)) continue;
      const row = def.toRow(record);
      if (!query.rowFilter || query.rowFilter(row)) rows.push(row);
    }
    link = page.nextLink;
  } while (link && rows.length < minRows && requests < maxRequests);
  return { rows, scanned, requests, nextLink: link };
}

/**
 * Every matching row (all pages, `EXPORT_PAGE_SIZE` items per request by default), for an export.
 * `onProgress` hears the number of items read so far after each page.
 */
export async function readAll<Row>(
  client: GraphClient,
  siteId: string,
  def: RegisterDefinition<Row>,
  query: RegisterQuery<Row>,
  opts: { pageSize?: number; onProgress?: (itemsRead: number) => void; signal?: AbortSignal } = {},
): Promise<Row[]> {
  const rows: Row[] = [];
  let link: string | null = null;
  let read = 0;
  do {
    const page: RowsPage<Row> = await readPage(client, siteId, def, query, { nextLink: link, pageSize: opts.pageSize ?? EXPORT_PAGE_SIZE, minRows: Infinity, maxRequests: 1, signal: opts.signal });
    rows.push(...page.rows);
    read += page.scanned;
    opts.onProgress?.(read);
    link = page.nextLink;
  } while (link);
  return rows;
}
