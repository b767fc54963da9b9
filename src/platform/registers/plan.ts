/**
 * Plans a register query from the list schema, the filters (as data) and a sort.
 *
 * Why one server-side predicate: "when filtering on indexed fields, the service can only filter
 * one indexed field at a time" (https://learn.microsoft.com/graph/api/listitem-list), and past the
 * 5,000-item list view threshold a query that touches a non-indexed column fails. So the plan
 * sends the most selective indexed predicate and applies every filter again to the rows that come
 * back. On a list the schema marks `large`, a filter or sort on a non-indexed column is refused
 * with `NonIndexedFilterError` before anything is sent, instead of working on 50 items and failing
 * on 5,001.
 *
 * "Most selective" is decided from the schema, without statistics (lower is sent first; ties go
 * to the filter listed first):
 *   0 `eq` on a unique column · 1 `startsWith` on a unique column · 2 `eq` on a person or lookup ·
 *   3 `eq` on text, number or date · 4 `startsWith` on other text · 5 a range (`lt` `le` `gt` `ge`) ·
 *   6 `eq` on a choice or yes/no · 7 `in`. An `in` on a unique column ranks with `eq` on it (0): it
 *   matches at most as many items as it lists values.
 * `ne` and `contains` are never sent (`ne` selects almost everything; SharePoint list fields have
 * no `contains`), nor is any filter on a multi-value or non-indexed column.
 *
 * A date-only column holds midnight of its date in the SITE's time zone, in UTC, so a date sent in
 * the filter is that instant (`siteDateInstant`, `timeZone` of the plan), not UTC midnight: with UTC
 * midnight, `ge` misses the first day on a site east of UTC and `le` the last day west of it.
 */
import { f, NonIndexedFilterError, type FilterExpr, type FilterValue } from '../../../graph/core/filter.js';
import { DEFAULT_SITE_TIME_ZONE, siteDateInstant } from '../clock.js';
import type { SmsColumn, SmsListSchema } from '../../../graph/schema/types.js';
import { columnOf, fieldKeyOf, isLookupColumn, isMultiValueColumn } from './coerce.js';
import type { CellValue, FilterScalar, RegisterFilter, RegisterRecord, RegisterSortSpec } from './types.js';

export interface QueryPlan {
  /** The one indexed predicate sent as `$filter`, or null for none. */
  readonly filter: FilterExpr | null;
  /** The filter that became `filter` (null when none could be sent). */
  readonly sent: RegisterFilter | null;
  /** The filters that were not sent: they only run on the returned rows. */
  readonly rest: readonly RegisterFilter[];
  /** `$orderby` clauses (empty for the list's own order). */
  readonly orderby: readonly string[];
  /** Applied to every returned record: all the filters, the sent one included. */
  readonly matches: (record: RegisterRecord) => boolean;
}

const SINGLE_INDEXABLE = (c: SmsColumn) => c.indexed === true && !isMultiValueColumn(c);

/** Rank of a filter as a server predicate (lower is more selective), or null when it cannot be sent. */
function rankOf(column: SmsColumn, filter: RegisterFilter): number | null {
  if (!SINGLE_INDEXABLE(column)) return null;
  switch (filter.op) {
    case 'eq':
      if (column.unique) return 0;
      if (isLookupColumn(column)) return 2;
      return column.type === 'choice' || column.type === 'boolean' ? 6 : 3;
    case 'startsWith':
      if (column.type !== 'text') return null;
      return column.unique ? 1 : 4;
    case 'lt':
    case 'le':
    case 'gt':
    case 'ge':
      return 5;
    case 'in':
      if (filter.value.length === 0) return null;
      return column.unique ? 0 : 7;
    case 'ne':
    case 'contains':
      return null;
  }
}

/** A filter value as the OData literal of its column: numbers for lookups and numbers, the site's midnight for dates. */
function literalOf(column: SmsColumn, value: FilterScalar, timeZone: string): FilterValue {
  switch (column.type) {
    case 'person':
    case 'lookup':
    case 'number':
    case 'currency': {
      const n = Number(value);
      if (!Number.isFinite(n)) throw new TypeError(`Filter on '${column.name}' needs a number, not ${JSON.stringify(value)}.`);
      return n;
    }
    case 'dateOnly':
    case 'dateTime': {
      const d = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? siteDateInstant(value, timeZone) : new Date(String(value));
      if (Number.isNaN(d.getTime())) throw new TypeError(`Filter on '${column.name}' needs a date, not ${JSON.stringify(value)}.`);
      return d;
    }
    case 'boolean':
      return value === true || value === 'true';
    default:
      return String(value);
  }
}

function serverExpr(column: SmsColumn, filter: RegisterFilter, timeZone: string): FilterExpr {
  const field = `fields/${fieldKeyOf(column)}`;
  switch (filter.op) {
    case 'in':
      return f.or(...filter.value.map((v) => f.eq(field, literalOf(column, v, timeZone))));
    case 'startsWith':
      return f.startsWith(field, filter.value);
    case 'contains':
      throw new Error('contains is never sent');
    default:
      return f[filter.op](field, literalOf(column, filter.value, timeZone));
  }
}

// ---------- matching returned rows ----------

/** A comparable form of a scalar for a column: numbers for numbers, epoch ms for date-times, strings otherwise. */
function comparable(column: SmsColumn, v: FilterScalar | string): string | number | boolean | null {
  switch (column.type) {
    case 'number':
    case 'currency': {
      const n = Number(v);
      return Number.isFinite(n) ? n : null;
    }
    case 'dateTime': {
      const t = Date.parse(String(v));
      return Number.isNaN(t) ? null : t;
    }
    case 'dateOnly':
      return String(v).slice(0, 10);
    case 'boolean':
      return v === true || v === 'true';
    default:
      return String(v);
  }
}

function scalarMatches(column: SmsColumn, filter: RegisterFilter, actual: string | number | boolean): boolean {
  if (filter.op === 'startsWith' || filter.op === 'contains') {
    const a = String(actual).toLowerCase();
    const w = filter.value.toLowerCase();
    return filter.op === 'startsWith' ? a.startsWith(w) : a.includes(w);
  }
  const a = comparable(column, actual);
  if (a === null) return false;
  if (filter.op === 'in') return filter.value.some((v) => comparable(column, v) === a);
  const w = comparable(column, filter.value);
  if (w === null) return false;
  switch (filter.op) {
    case 'eq':
      return a === w;
    case 'ne':
      return a !== w;
    case 'lt':
      return a < w;
    case 'le':
      return a <= w;
    case 'gt':
      return a > w;
    case 'ge':
      return a >= w;
  }
}

/** Whether a cell value passes a filter. Empty cells pass only `ne`; a multi-value cell passes when one of its values does. */
export function cellMatches(column: SmsColumn, filter: RegisterFilter, value: CellValue | undefined): boolean {
  if (Array.isArray(value)) {
    if (filter.op === 'ne') return value.every((v) => scalarMatches(column, filter, v));
    return value.some((v) => scalarMatches(column, filter, v));
  }
  if (value === null || value === undefined) return filter.op === 'ne';
  return scalarMatches(column, filter, value as string | number | boolean);
}

// ---------- the plan ----------

/**
 * Plans the query: checks every filter and the sort against the schema (unknown column: Error;
 * non-indexed column on a large list: `NonIndexedFilterError`, before any request), chooses the
 * one predicate to send and builds the matcher for the returned rows.
 */
export function planQuery(
  schema: SmsListSchema,
  filters: readonly RegisterFilter[],
  sort: RegisterSortSpec | null = null,
  opts: { /** The site's time zone (IANA), for date-only literals; UTC when not given. */ timeZone?: string } = {},
): QueryPlan {
  const columns = filters.map((x) => columnOf(schema, x.column));
  const sortColumn = sort ? columnOf(schema, sort.column) : null;
  if (schema.large) {
    const bad = [...columns, ...(sortColumn ? [sortColumn] : [])].filter((c) => !SINGLE_INDEXABLE(c)).map((c) => `fields/${fieldKeyOf(c)}`);
    if (bad.length) throw new NonIndexedFilterError(schema.key, [...new Set(bad)]);
  }
  let best = -1;
  let bestRank = Infinity;
  filters.forEach((x, i) => {
    const rank = rankOf(columns[i]!, x);
    if (rank !== null && rank < bestRank) {
      best = i;
      bestRank = rank;
    }
  });
  const sent = best >= 0 ? filters[best]! : null;
  const orderby = sortColumn ? [`fields/${fieldKeyOf(sortColumn)}${sort!.direction === 'descending' ? ' desc' : ''}`] : [];
  return {
    filter: sent ? serverExpr(columns[best]!, sent, opts.timeZone ?? DEFAULT_SITE_TIME_ZONE) : null,
    sent,
    rest: filters.filter((_, i) => i !== best),
    orderby,
    matches: (record) => filters.every((x, i) => cellMatches(columns[i]!, x, record.values[x.column])),
  };
}
