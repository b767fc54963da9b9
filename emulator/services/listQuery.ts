import { GraphHttpError, badRequest } from '../core/errors.js';
import { parseFilter, parseOrderBy, evalFilter, filterProps, filterFunctions, type FilterExpr, type OrderBy } from '../core/odata.js';
import { createHash } from 'node:crypto';
import type { ColumnRecord, ItemRow } from './lists.js';
import { resolveFieldRef, type FieldRef } from './listFields.js';

/**
 * `$filter`, `$orderby` and paging of `GET /sites/{id}/lists/{id}/items`, with SharePoint's list view
 * threshold. https://learn.microsoft.com/graph/api/listitem-list
 *
 * - Filters support eq, ne, lt, le, gt, ge, and, or and startswith on `fields/<name>` and on the listItem
 *   properties id, createdDateTime and lastModifiedDateTime (the operators the Learn page lists, plus `or`).
 * - A filter or orderby on a column that is not indexed fails with 400 unless the request sends
 *   `Prefer: HonorNonIndexedQueriesWarningMayFailRandomly` (microsoftgraph/microsoft-graph-docs issue 2279);
 *   with the header it still fails once the list holds more than 5,000 items (the list view threshold).
 * - One indexed field at a time. Learn (listitem-list, "Using the $filter query parameter"): "When filtering on
 *   indexed fields, the service can only filter one indexed field at a time." SharePoint serves the query from
 *   ONE index, the first indexed predicate of the filter's top-level `and` chain, and evaluates every other
 *   predicate (and a `$orderby` on another column) over the rows that index returns. Users observed that such a
 *   query works while the first indexed predicate matches at most 5,000 items and fails with 429 past that
 *   (microsoftgraph/msgraph-sdk-dotnet issue 827: `fields/Month eq '202010' and fields/ProviderLookupId eq '1'` on a
 *   50k-item list "works fine when I have less than 5000 records for the first filter (Month)"; PnP-JS-Core issue
 *   203: "results after the first condition over the indexed field should be less than throttling to work"). The
 *   emulator does the same: a filter or orderby naming more than one field is evaluated over the rows of the
 *   driving predicate (or the whole list when there is none, e.g. `a eq 1 or b eq 2`), and that row set must
 *   stay within the list view threshold.
 * - Pages: 200 items by default, `$top` caps a page (at most 5,000). The `$skiptoken` of `@odata.nextLink` is a
 *   keyset (the sort values and id of the last item returned), so a walk sees every item exactly once even when
 *   items are added or removed between pages.
 */
export const LIST_VIEW_THRESHOLD = 5000;
export const DEFAULT_PAGE_SIZE = 200;
export const MAX_PAGE_SIZE = 5000;
export const HONOR_NON_INDEXED = 'HonorNonIndexedQueriesWarningMayFailRandomly';

export interface ItemEval {
  columns: ColumnRecord[];
  /** Site lookup id of a user id (for AuthorLookupId / EditorLookupId). */
  lookupIdOf(userId: string): number;
}

/** What a property path in a filter or orderby refers to. */
type Ref = { kind: 'item'; prop: 'id' | 'created' | 'modified' } | { kind: 'field'; ref: FieldRef };

const ITEM_PROPS: Record<string, 'id' | 'created' | 'modified'> = { id: 'id', createddatetime: 'created', lastmodifieddatetime: 'modified' };

const invalid = (message: string) => badRequest(message, 'invalidRequest');

function resolvePath(columns: ColumnRecord[], path: string): Ref {
  const m = /^fields\/(.+)$/i.exec(path);
  if (m) {
    const ref = resolveFieldRef(columns, m[1]!);
    if (!ref) throw invalid(`Field '${m[1]}' is not recognized`);
    return { kind: 'field', ref };
  }
  const prop = ITEM_PROPS[path.toLowerCase()];
  if (!prop) throw invalid(`Property '${path}' cannot be used in a filter or orderby on list items; use 'fields/<name>'.`);
  return { kind: 'item', prop };
}

const isIndexed = (r: Ref): boolean => r.kind === 'item' || r.ref.indexed;
const refName = (r: Ref): string => (r.kind === 'item' ? r.prop : r.ref.name);

function valueOf(ev: ItemEval, item: ItemRow, r: Ref): unknown {
  if (r.kind === 'item') return r.prop === 'id' ? item.id : r.prop === 'created' ? item.created : item.modified;
  const ref = r.ref;
  if (ref.kind === 'column') {
    const v = item.fields[ref.key];
    // Lookup ids are strings in fieldValueSets but compare as numbers.
    if (ref.key !== ref.column.name && typeof v === 'string' && /^\d+$/.test(v)) return Number(v);
    return v ?? null;
  }
  switch (ref.name) {
    case 'id': return item.id;
    case 'Created': return item.created;
    case 'Modified': return item.modified;
    case 'AuthorLookupId': return ev.lookupIdOf(item.createdBy);
    case 'EditorLookupId': return ev.lookupIdOf(item.modifiedBy);
    case 'ContentType': return item.contentType;
    case '_UIVersionString': return `${item.versionMajor}.${item.versionMinor}`;
    case 'Attachments': return false;
    case 'LinkTitle': case 'LinkTitleNoMenu': return item.fields.Title ?? null;
    case 'LinkFilename': case 'LinkFilenameNoMenu': return item.fields.FileLeafRef ?? null;
    default: return null;
  }
}

export interface CompiledQuery {
  filter: FilterExpr | null;
  orderBy: { ref: Ref; desc: boolean }[];
  /** Fields referenced by the filter or orderby that are not indexed. */
  nonIndexed: string[];
  /**
   * The predicate SharePoint serves from an index: the first conjunct of the filter's top-level `and` chain that
   * names one indexed field only. Null when no conjunct does.
   */
  driver: FilterExpr | null;
  /** The filter or orderby names a field besides the driver's, so SharePoint scans the driver's rows (or the list). */
  scans: boolean;
  /** Hash of the query text, bound into skiptokens. */
  hash: string;
}

const ALLOWED_FUNCTIONS = new Set(['startswith', 'ne']);

/** Parses `$filter` and `$orderby` for list items and resolves every field they name. */
export function compileItemQuery(columns: ColumnRecord[], filterSrc: string | null, orderSrc: string | null): CompiledQuery {
  const filter = filterSrc && filterSrc.trim() ? parseFilter(filterSrc) : null;
  const refs: Ref[] = [];
  if (filter) {
    for (const fn of filterFunctions(filter)) {
      if (!ALLOWED_FUNCTIONS.has(fn)) throw invalid(`The '${fn}' operator is not supported in filters on list items.`);
    }
    for (const p of filterProps(filter)) refs.push(resolvePath(columns, p));
  }
  const orderBy = parseOrderBy(orderSrc).map((o: OrderBy) => ({ ref: resolvePath(columns, o.path), desc: o.desc }));
  refs.push(...orderBy.map((o) => o.ref));
  const nonIndexed = [...new Set(refs.filter((r) => !isIndexed(r)).map(refName))];
  const hash = createHash('sha1').update(`${filterSrc ?? ''}\u0000${orderSrc ?? ''}`).digest('base64url').slice(0, 10);
  const driver = filter ? drivingPredicate(columns, filter) : null;
  const driverField = driver ? refName(resolvePath(columns, filterProps(driver)[0]!)) : null;
  // One indexed field alone is served by its index; a second field (or a non-indexed one) means a scan.
  const others = refs.filter((r) => refName(r) !== driverField);
  const scans = others.length > 0 && (driverField !== null || new Set(refs.map(refName)).size > 1 || nonIndexed.length > 0);
  return { filter, orderBy, nonIndexed, driver, scans, hash };
}

/** The conjuncts of a top-level `and` chain, in the order written. */
const conjuncts = (e: FilterExpr): FilterExpr[] => (e.kind === 'and' ? [...conjuncts(e.left), ...conjuncts(e.right)] : [e]);

/** The first conjunct whose properties are all one indexed field (`a ge 1`, `a eq 1 or a eq 2`), if any. */
function drivingPredicate(columns: ColumnRecord[], filter: FilterExpr): FilterExpr | null {
  for (const c of conjuncts(filter)) {
    const refs = filterProps(c).map((p) => resolvePath(columns, p));
    if (refs.length > 0 && refs.every(isIndexed) && new Set(refs.map(refName)).size === 1) return c;
  }
  return null;
}

/** Whether the `Prefer` header asks to run queries on non-indexed columns. */
export const honorsNonIndexed = (prefer: string | null): boolean =>
  (prefer ?? '').split(',').some((p) => p.trim().toLowerCase() === HONOR_NON_INDEXED.toLowerCase());

/**
 * The list view threshold. Without the Prefer header a non-indexed reference is a 400 with Graph's message.
 * With it, the query runs while the list has at most 5,000 items; past that Graph answers 429
 * `throttledRequest` (SharePoint's SPQueryThrottledException surfaces through Graph as a throttled request:
 * microsoftgraph/msgraph-sdk-dotnet issue 827 and 703, microsoftgraph/microsoft-graph-docs issue 8450). No
 * `Retry-After` is sent: retrying cannot help.
 */
export function enforceThreshold(q: CompiledQuery, prefer: string | null, itemCount: number): void {
  if (q.nonIndexed.length > 0 && !honorsNonIndexed(prefer)) {
    throw invalid(
      `Field '${q.nonIndexed[0]}' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: ${HONOR_NON_INDEXED}' header to allow this, but be warned that such queries may fail on large lists.`,
    );
  }
  // With a driving indexed predicate the rows scanned are the ones it matches: `pageItems` counts them.
  if (q.scans && !q.driver && itemCount > LIST_VIEW_THRESHOLD) throw thresholdExceeded();
}

const thresholdExceeded = () =>
  new GraphHttpError(
    429,
    'throttledRequest',
    'The request has been throttled. The attempted operation is prohibited because it exceeds the list view threshold.',
  );

// ---------- ordering and keyset paging ----------

type KeyPart = number | string | null;
const ISO = /^\d{4}-\d{2}-\d{2}T/;

function keyPart(v: unknown): KeyPart {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string') {
    if (ISO.test(v)) {
      const t = Date.parse(v);
      if (!Number.isNaN(t)) return t;
    }
    return v.toLowerCase();
  }
  if (Array.isArray(v)) return v.map(String).join(';').toLowerCase();
  return JSON.stringify(v);
}

const rank = (p: KeyPart): number => (p === null ? 0 : typeof p === 'number' ? 1 : 2);

function cmpPart(a: KeyPart, b: KeyPart): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (a === null || b === null) return 0;
  if (a < b) return -1;
  return a > b ? 1 : 0;
}

export interface SortSpec { desc: boolean[] }

/** The sort key of an item: the orderby values, then the id (ascending unless id is itself ordered). */
export function sortKey(ev: ItemEval, q: CompiledQuery, item: ItemRow): KeyPart[] {
  return [...q.orderBy.map((o) => keyPart(valueOf(ev, item, o.ref))), item.id];
}

export function compareKeys(q: CompiledQuery, a: KeyPart[], b: KeyPart[]): number {
  for (let i = 0; i < a.length; i++) {
    const c = cmpPart(a[i] ?? null, b[i] ?? null);
    if (c !== 0) return q.orderBy[i]?.desc ? -c : c;
  }
  return 0;
}

export function matches(ev: ItemEval, q: CompiledQuery, item: ItemRow): boolean {
  if (!q.filter) return true;
  const cache = new Map<string, Ref>();
  return evalFilter(q.filter, (path) => {
    let r = cache.get(path);
    if (!r) { r = resolvePath(ev.columns, path); cache.set(path, r); }
    return valueOf(ev, item, r);
  });
}

interface SkipToken { h: string; k: KeyPart[] }

/** Skiptokens look like SharePoint's (`Paged=TRUE&p_ID=...`, base64) and carry the keyset; clients treat them as opaque. */
export function encodeSkipToken(q: CompiledQuery, key: KeyPart[]): string {
  const id = key[key.length - 1];
  return Buffer.from(`Paged=TRUE&p_ID=${String(id)}&p_Key=${JSON.stringify({ h: q.hash, k: key } satisfies SkipToken)}`, 'utf8').toString('base64url');
}

export function decodeSkipToken(q: CompiledQuery, token: string): KeyPart[] {
  const bad = () => invalid('The $skiptoken is not valid for this query.');
  let text: string;
  try {
    text = Buffer.from(token, 'base64url').toString('utf8');
  } catch {
    throw bad();
  }
  const m = /^Paged=TRUE&p_ID=[^&]*&p_Key=(.*)$/s.exec(text);
  if (!m) throw bad();
  let parsed: SkipToken;
  try {
    parsed = JSON.parse(m[1]!) as SkipToken;
  } catch {
    throw bad();
  }
  if (parsed.h !== q.hash || !Array.isArray(parsed.k) || parsed.k.length !== q.orderBy.length + 1) throw bad();
  return parsed.k;
}

export interface Page<T> { rows: T[]; nextKey: KeyPart[] | null }

/**
 * Filters, sorts and cuts one page after the keyset `after`. `nextKey` is the key of the last row when more
 * rows follow.
 */
export function pageItems(ev: ItemEval, q: CompiledQuery, items: ItemRow[], after: KeyPart[] | null, size: number): Page<ItemRow> {
  if (q.scans && q.driver && items.length > LIST_VIEW_THRESHOLD) {
    const driven: CompiledQuery = { ...q, filter: q.driver };
    let scanned = 0;
    for (const item of items) if (matches(ev, driven, item) && ++scanned > LIST_VIEW_THRESHOLD) throw thresholdExceeded();
  }
  const keyed = items.filter((i) => matches(ev, q, i)).map((item) => ({ item, key: sortKey(ev, q, item) }));
  const rest = after ? keyed.filter((k) => compareKeys(q, k.key, after) > 0) : keyed;
  rest.sort((a, b) => compareKeys(q, a.key, b.key));
  const rows = rest.slice(0, size);
  const last = rows[rows.length - 1];
  return { rows: rows.map((r) => r.item), nextKey: rest.length > size && last ? last.key : null };
}
