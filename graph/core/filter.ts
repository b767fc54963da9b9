import type { SmsListSchema } from '../schema/types.js';

/**
 * A tiny OData `$filter` builder. Values are always escaped here (`'` → `''`), so user input is
 * never concatenated into a URL (https://learn.microsoft.com/graph/filter-query-parameter).
 * List item fields are addressed as `fields/<InternalName>`; person and lookup columns as
 * `fields/<Name>LookupId` (https://learn.microsoft.com/graph/api/listitem-list).
 */
export type FilterValue = string | number | boolean | Date | null;
export type CompareOp = 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge';

export type FilterExpr =
  | { readonly kind: 'cmp'; readonly op: CompareOp; readonly field: string; readonly value: FilterValue }
  | { readonly kind: 'startsWith'; readonly field: string; readonly value: string }
  | { readonly kind: 'and' | 'or'; readonly exprs: readonly FilterExpr[] };

const FIELD = /^[A-Za-z_][\w]*(\/[A-Za-z_][\w]*)*$/;

function field(name: string): string {
  if (!FIELD.test(name)) throw new Error(`Not a valid filter field name: ${JSON.stringify(name)}`);
  return name;
}

const cmp = (op: CompareOp) => (name: string, value: FilterValue): FilterExpr => ({ kind: 'cmp', op, field: field(name), value });

function combine(kind: 'and' | 'or', exprs: FilterExpr[]): FilterExpr {
  if (exprs.length === 0) throw new Error(`f.${kind}() needs at least one expression.`);
  return { kind, exprs };
}

/** Filter expression constructors: `f.and(f.eq('fields/Status', 'Open'), f.ge('fields/DueDate', date))`. */
export const f = {
  eq: cmp('eq'),
  ne: cmp('ne'),
  lt: cmp('lt'),
  le: cmp('le'),
  gt: cmp('gt'),
  ge: cmp('ge'),
  startsWith: (name: string, value: string): FilterExpr => ({ kind: 'startsWith', field: field(name), value }),
  and: (...exprs: FilterExpr[]): FilterExpr => combine('and', exprs),
  or: (...exprs: FilterExpr[]): FilterExpr => combine('or', exprs),
};

export interface RenderOptions {
  /**
   * Write dates as quoted strings (`'2025-01-31T00:00:00.000Z'`) rather than bare OData
   * DateTimeOffset literals. Directory and Outlook properties need bare literals; SharePoint list
   * fields are compared as quoted strings, so `listFilter` quotes them.
   */
  quoteDates?: boolean;
}

/**
 * The instant a date-only value of a SharePoint list stands for: midnight of that calendar date in
 * the SITE's time zone, in UTC. SharePoint stores a date-only column that way (a site in UTC+8
 * keeps 2026-03-14 as `2026-03-13T16:00:00Z`), so a filter on such a column compares with this
 * instant, never with UTC midnight (columns with `dateTime: { format: 'dateOnly' }`,
 * https://learn.microsoft.com/graph/api/resources/datetimecolumn ; observed: SharePoint/sp-dev-docs
 * issue 6083, a date column read back "reduces to 1 day" until converted with the site's time zone).
 * `timeZone` is an IANA name (`Asia/Shanghai`); the offset is the one in force on that date.
 */
export function siteMidnight(date: { year: number; month: number; day: number }, timeZone: string): Date {
  const wall = Date.UTC(date.year, date.month - 1, date.day);
  // Two passes: the offset at the first guess may differ (daylight saving) from the one at the answer.
  let at = wall - zoneOffsetMs(wall, timeZone);
  at = wall - zoneOffsetMs(at, timeZone);
  return new Date(at);
}

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** How far `timeZone`'s wall clock is ahead of UTC at the instant `ms`. */
export function zoneOffsetMs(ms: number, timeZone: string): number {
  let fmt = offsetFormats.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    offsetFormats.set(timeZone, fmt);
  }
  const parts: Record<string, number> = {};
  for (const p of fmt.formatToParts(new Date(ms))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const wall = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return wall - Math.floor(ms / 1000) * 1000;
}

/** Escapes a string literal: single quotes are doubled, everything else (including unicode) is kept. */
export const quote = (s: string): string => `'${s.replace(/'/g, "''")}'`;

function literal(value: FilterValue, opts: RenderOptions): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`Cannot filter on a non-finite number: ${value}`);
    return String(value);
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new Error('Cannot filter on an invalid Date.');
    return opts.quoteDates ? quote(value.toISOString()) : value.toISOString();
  }
  return quote(value);
}

/** Renders an expression as `$filter` text (not URL-encoded: `graphRequest` encodes the query). */
export function renderFilter(expr: FilterExpr, opts: RenderOptions = {}): string {
  switch (expr.kind) {
    case 'cmp':
      return `${expr.field} ${expr.op} ${literal(expr.value, opts)}`;
    case 'startsWith':
      return `startswith(${expr.field},${quote(expr.value)})`;
    case 'and':
    case 'or':
      return expr.exprs.length === 1 ? renderFilter(expr.exprs[0]!, opts) : expr.exprs.map((e) => `(${renderFilter(e, opts)})`).join(` ${expr.kind} `);
  }
}

/** Every field name an expression refers to. */
export function filterFields(expr: FilterExpr): string[] {
  switch (expr.kind) {
    case 'and':
    case 'or':
      return expr.exprs.flatMap(filterFields);
    default:
      return [expr.field];
  }
}

/**
 * Thrown before any request when a query on a list the schema marks `large` refers to a column
 * that is not indexed: past the 5,000-item list view threshold SharePoint fails such queries, and
 * the `Prefer: HonorNonIndexedQueriesWarningMayFailRandomly` escape hatch fails too.
 */
export class NonIndexedFilterError extends Error {
  override readonly name: string = 'NonIndexedFilterError';

  constructor(
    readonly listKey: string,
    readonly fields: readonly string[],
  ) {
    super(`List '${listKey}' is large; it cannot be filtered or ordered on non-indexed column(s): ${fields.join(', ')}.`);
  }
}

/**
 * Thrown before any request when a list item filter names more than one field. "When filtering on
 * indexed fields, the service can only filter one indexed field at a time"
 * (https://learn.microsoft.com/graph/api/listitem-list): SharePoint serves the first indexed
 * predicate from its index and checks the rest on the rows it returns, so the query fails with 429
 * once that first predicate matches more than 5,000 items (the emulator reproduces this). Callers
 * send the most selective predicate and apply the others to the returned rows.
 */
export class MultiFieldFilterError extends Error {
  override readonly name: string = 'MultiFieldFilterError';

  constructor(
    readonly listKey: string,
    readonly fields: readonly string[],
  ) {
    super(`A filter on list '${listKey}' may name one field; it names ${fields.join(', ')}. Send the most selective one and check the others on the returned rows.`);
  }
}

/** Whether `fields/<name>` (or a listItem property) is indexed in the schema. `id` always is. */
function isIndexedField(list: SmsListSchema, path: string): boolean {
  const m = /^fields\/(\w+)$/.exec(path);
  if (!m) return path === 'id';
  const name = m[1]!;
  if (name === 'ID' || name === 'id') return true;
  const direct = list.columns.find((c) => c.name === name);
  if (direct) return direct.indexed === true;
  const lookup = /^(\w+)LookupId$/.exec(name);
  const col = lookup ? list.columns.find((c) => c.name === lookup[1]) : undefined;
  return col !== undefined && col.indexed === true && ['person', 'personMulti', 'lookup', 'lookupMulti'].includes(col.type);
}

/** The non-indexed fields a query on `list` would use, for lists the schema marks large (else []). */
export function nonIndexedFields(list: SmsListSchema, fields: readonly string[]): string[] {
  if (!list.large) return [];
  return [...new Set(fields.filter((p) => !isIndexedField(list, p)))];
}

/**
 * Renders a list item filter (dates quoted) after checking it against the list's schema: it names
 * one field (a range or an `or` of values on that field is fine), else `MultiFieldFilterError`;
 * on a large list every referenced column must be indexed, else `NonIndexedFilterError`. `orderBy`
 * fields are checked the same way, since `$orderby` is subject to the same rule.
 */
export function listFilter(list: SmsListSchema, expr: FilterExpr, orderBy: readonly string[] = []): string {
  const named = [...new Set(filterFields(expr))];
  if (named.length > 1) throw new MultiFieldFilterError(list.key, named);
  const bad = nonIndexedFields(list, [...named, ...orderBy]);
  if (bad.length) throw new NonIndexedFilterError(list.key, bad);
  return renderFilter(expr, { quoteDates: true });
}
