import type { Ctx, RouteResult } from '../core/router.js';
import { GraphHttpError } from '../core/errors.js';
import { parseFilter, evalFilter, filterProps, parseOrderBy, sortBy, parseSelect, q, type FilterExpr, type Operand } from '../core/odata.js';
import { base64url, fromBase64url } from '../core/ids.js';

/**
 * Query rules of Entra ID (directory) collections: `$filter`, `$search`, `$orderby`, `$select`,
 * `$top`, `$count` and paging, including which queries are "advanced" and need
 * `ConsistencyLevel: eventual` plus `$count=true`.
 * Sources: https://learn.microsoft.com/graph/aad-advanced-queries ,
 * https://learn.microsoft.com/graph/search-query-parameter , https://learn.microsoft.com/graph/paging
 */

export type Row = Record<string, unknown>;

export interface CollectionSpec {
  /** Resource name used in Graph's messages, e.g. `User`. */
  resource: string;
  /** Entity set named in `@odata.context`, e.g. `users` or `directoryObjects`. */
  entitySet: string;
  /** Properties `$filter` (eq, ne, not, startsWith) and `$search` accept. */
  filterable: readonly string[];
  /** Properties `endsWith` accepts (advanced queries only). */
  endsWith: readonly string[];
  /** Properties `$orderby` accepts. */
  sortable: readonly string[];
  /** Properties `$search` tokenizes; the others match by prefix. */
  tokenized: readonly string[];
  /** Shapes a row as Graph returns it with no `$select`. */
  present(row: Row): Row;
  /** `@odata.type` to put on each item (directoryObject collections); a function where the items are of several types. */
  odataType?: string | ((row: Row) => string);
  /**
   * True for items whose type lacks some of the properties `$select` may name (a group in a list of members
   * selected with `userPrincipalName`): a named property the item does not have is left out of it, since
   * each object is written as its own type, instead of being null.
   */
  partialType?: (row: Row) => boolean;
  defaultPageSize: number;
  maxPageSize: number;
}

interface PageState {
  filter: string | null;
  search: string | null;
  orderby: string | null;
  select: string | null;
  top: number;
  count: boolean;
  offset: number;
}

const unsupported = (message: string) => new GraphHttpError(400, 'Request_UnsupportedQuery', message);
const advancedMissing = (op: string) =>
  unsupported(
    `Operator '${op}' is not supported because the required parameters might be missing. Try adding $count=true query parameter and ConsistencyLevel:eventual header. Refer to https://aka.ms/graph-docs/advanced-queries for more information`,
  );

const lower = (s: string) => s.toLowerCase();

/** Reads a property case-insensitively, as Graph treats property names in queries. */
export function prop(row: Row, path: string): unknown {
  if (path in row) return row[path];
  const key = Object.keys(row).find((k) => lower(k) === lower(path));
  return key === undefined ? undefined : row[key];
}

/** `$select` projection for directory objects: only the named properties (id too only when named). */
export function project(obj: object, select: string[] | null, odataType?: string, present?: (r: Row) => Row, knownOnly = false): Row {
  const row = obj as Row;
  const out: Row = odataType ? { '@odata.type': odataType } : {};
  if (!select) return { ...out, ...(present ? present(row) : row) };
  for (const name of select) {
    const found = Object.keys(row).find((k) => lower(k) === lower(name));
    if (found === undefined && knownOnly) continue;
    const key = found ?? name;
    out[key] = row[key] ?? null;
  }
  return out;
}

/** `@odata.context` of a collection or entity, with the `$select` list as Graph writes it. */
export function contextUrl(ctx: Ctx, entitySet: string, select: string[] | null, entity = false): string {
  return `${ctx.baseUrl}/$metadata#${entitySet}${select ? `(${select.join(',')})` : ''}${entity ? '/$entity' : ''}`;
}

export const isEventual = (ctx: Ctx): boolean => (ctx.headers.get('consistencylevel') ?? '').trim().toLowerCase() === 'eventual';

// ---------- $filter validation ----------

function walkCalls(e: FilterExpr, visit: (name: string, args: Operand[]) => void): void {
  const op = (o: Operand) => {
    if (o.kind === 'call') { visit(o.name, o.args); o.args.forEach(op); }
  };
  switch (e.kind) {
    case 'and': case 'or': walkCalls(e.left, visit); walkCalls(e.right, visit); return;
    case 'not': walkCalls(e.expr, visit); return;
    case 'cmp': op(e.left); op(e.right); return;
    case 'call': visit(e.name, e.args); e.args.forEach(op); return;
    case 'lambda': walkCalls(e.predicate, visit);
  }
}

function usesOperator(e: FilterExpr, name: 'ne' | 'not'): boolean {
  switch (e.kind) {
    case 'and': case 'or': return usesOperator(e.left, name) || usesOperator(e.right, name);
    case 'not': return name === 'not' || usesOperator(e.expr, name);
    case 'cmp': return name === 'ne' && e.op === 'ne';
    case 'call': return false;
    case 'lambda': return usesOperator(e.predicate, name);
  }
}

/** Advanced operators the filter uses, in the order Graph reports them. */
function checkFilter(spec: CollectionSpec, expr: FilterExpr): string[] {
  const allowed = new Set(spec.filterable.map(lower));
  for (const p of filterProps(expr)) {
    if (!allowed.has(lower(p))) {
      throw unsupported(`Unsupported or invalid query filter clause specified for property '${p}' of resource '${spec.resource}'.`);
    }
  }
  const advanced: string[] = [];
  walkCalls(expr, (name, args) => {
    const first = args[0];
    const target = first?.kind === 'prop' ? first.path : '';
    if (name === 'startswith') return;
    if (name === 'endswith') {
      if (!spec.endsWith.map(lower).includes(lower(target))) {
        throw unsupported(`Unsupported or invalid query filter clause specified for property '${target}' of resource '${spec.resource}'.`);
      }
      if (!advanced.includes('endsWith')) advanced.push('endsWith');
      return;
    }
    throw unsupported(`Unsupported query: the function '${name}' is not supported on resource '${spec.resource}'.`);
  });
  if (usesOperator(expr, 'ne')) advanced.push('ne');
  if (usesOperator(expr, 'not')) advanced.push('not');
  return advanced;
}

// ---------- $search ----------

type SearchExpr = { kind: 'clause'; prop: string; text: string } | { kind: 'and' | 'or'; left: SearchExpr; right: SearchExpr };

const searchSyntax = (detail: string) => new GraphHttpError(400, 'Request_UnsupportedQuery', `Syntax error in $search: ${detail}`);

/** Parses `"displayName:pri" OR ("mail:pri" AND "jobTitle:quality")`. AND/OR are upper case, outside quotes. */
export function parseSearch(src: string): SearchExpr {
  type T = { t: 'clause'; prop: string; text: string } | { t: 'AND' | 'OR' | '(' | ')' };
  const toks: T[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) { i++; continue; }
    if (c === '(' || c === ')') { toks.push({ t: c }); i++; continue; }
    if (c === '"') {
      let v = '';
      i++;
      for (;;) {
        if (i >= src.length) throw searchSyntax('unterminated quoted clause.');
        const ch = src[i]!;
        if (ch === '\\' && i + 1 < src.length) { v += src[i + 1]; i += 2; continue; }
        if (ch === '"') { i++; break; }
        v += ch;
        i++;
      }
      const colon = v.indexOf(':');
      if (colon <= 0) throw searchSyntax(`the clause "${v}" must be "<property>:<text>".`);
      toks.push({ t: 'clause', prop: v.slice(0, colon).trim(), text: v.slice(colon + 1) });
      continue;
    }
    const word = /^(AND|OR)\b/.exec(src.slice(i));
    if (word) { toks.push({ t: word[1] as 'AND' | 'OR' }); i += word[1]!.length; continue; }
    throw searchSyntax(`unexpected '${src.slice(i, i + 10)}'; each clause must be in double quotes.`);
  }
  let p = 0;
  function primary(): SearchExpr {
    const t = toks[p++];
    if (!t) throw searchSyntax('unexpected end.');
    if (t.t === 'clause') return { kind: 'clause', prop: t.prop, text: t.text };
    if (t.t === '(') {
      const e = or();
      if (toks[p++]?.t !== ')') throw searchSyntax("expected ')'.");
      return e;
    }
    throw searchSyntax(`unexpected '${t.t}'.`);
  }
  function and(): SearchExpr {
    let e = primary();
    for (;;) {
      const t = toks[p];
      if (t?.t === 'AND') { p++; e = { kind: 'and', left: e, right: primary() }; continue; }
      // Adjacent clauses without an operator are combined with AND.
      if (t?.t === 'clause' || t?.t === '(') { e = { kind: 'and', left: e, right: primary() }; continue; }
      return e;
    }
  }
  function or(): SearchExpr {
    let e = and();
    while (toks[p]?.t === 'OR') { p++; e = { kind: 'or', left: e, right: and() }; }
    return e;
  }
  const e = or();
  if (p !== toks.length) throw searchSyntax('unexpected text after the expression.');
  return e;
}

/**
 * Splits a value into search tokens the way the directory does: at spaces and symbols, between
 * letters and digits, and where lower case turns to upper case. Words separated only by symbols are
 * also joined (`hello.world` gives `hello`, `world` and `helloworld`).
 */
export function searchTokens(value: string): string[] {
  const kind = (ch: string) => (/\s/.test(ch) ? 's' : /\p{N}/u.test(ch) ? 'd' : /\p{L}/u.test(ch) ? 'l' : 'p');
  const words: { w: string; symbolBefore: boolean }[] = [];
  let cur = '';
  let prev = '';
  let symbolBefore = false;
  const flush = () => {
    if (cur) words.push({ w: cur.toLowerCase(), symbolBefore });
    cur = '';
  };
  for (const ch of value) {
    const k = kind(ch);
    if (k === 's') { flush(); symbolBefore = false; prev = ''; continue; }
    if (k === 'p') { flush(); symbolBefore = true; prev = ''; continue; }
    const caseBreak = prev !== '' && /\p{Ll}/u.test(prev) && /\p{Lu}/u.test(ch);
    if (cur && (kind(prev) !== k || caseBreak)) { flush(); symbolBefore = false; }
    cur += ch;
    prev = ch;
  }
  flush();
  const out = words.map((x) => x.w);
  for (let i = 1; i < words.length; i++) if (words[i]!.symbolBefore) out.push(words[i - 1]!.w + words[i]!.w);
  return out;
}

function matchSearch(spec: CollectionSpec, e: SearchExpr, row: Row): boolean {
  if (e.kind !== 'clause') {
    return e.kind === 'and'
      ? matchSearch(spec, e.left, row) && matchSearch(spec, e.right, row)
      : matchSearch(spec, e.left, row) || matchSearch(spec, e.right, row);
  }
  const raw = prop(row, e.prop);
  if (raw === null || raw === undefined) return false;
  const value = String(raw);
  if (spec.tokenized.map(lower).includes(lower(e.prop))) {
    const have = searchTokens(value);
    const want = searchTokens(e.text);
    return want.length > 0 && want.every((w) => have.some((h) => h.startsWith(w)));
  }
  return value.toLowerCase().startsWith(e.text.toLowerCase());
}

function checkSearch(spec: CollectionSpec, e: SearchExpr): void {
  if (e.kind !== 'clause') { checkSearch(spec, e.left); checkSearch(spec, e.right); return; }
  if (!spec.filterable.map(lower).includes(lower(e.prop))) {
    throw unsupported(`Unsupported or invalid query filter clause specified for property '${e.prop}' of resource '${spec.resource}'.`);
  }
}

// ---------- paging ----------

function encodeState(s: PageState): string {
  return base64url(JSON.stringify(s));
}

function decodeState(token: string): PageState {
  try {
    const s = JSON.parse(fromBase64url(token)) as PageState;
    if (typeof s.offset !== 'number' || typeof s.top !== 'number') throw new Error('bad');
    return s;
  } catch {
    throw new GraphHttpError(400, 'Request_BadRequest', 'Invalid skip token.');
  }
}

function pageSize(spec: CollectionSpec, ctx: Ctx): number {
  const raw = q(ctx.query, 'top');
  if (raw === null) return spec.defaultPageSize;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > spec.maxPageSize) {
    throw new GraphHttpError(400, 'Request_UnsupportedQuery', `Invalid page size specified: '${raw}'. Must be between 1 and ${spec.maxPageSize} inclusive.`);
  }
  return n;
}

/** Reads the request's query (first page) and enforces the advanced-query rules. */
function firstPageState(spec: CollectionSpec, ctx: Ctx): PageState {
  const filter = q(ctx.query, 'filter');
  const search = q(ctx.query, 'search');
  const orderby = q(ctx.query, 'orderby');
  const select = q(ctx.query, 'select');
  const countParam = (q(ctx.query, 'count') ?? '').toLowerCase() === 'true';
  const eventual = isEventual(ctx);
  const advancedOk = eventual && countParam;

  if (search !== null) {
    if (!eventual) {
      throw unsupported("Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'");
    }
    checkSearch(spec, parseSearch(search));
  }
  if (filter !== null) {
    const advanced = checkFilter(spec, parseFilter(filter));
    const first = advanced[0];
    if (first && !advancedOk) throw advancedMissing(first);
  }
  for (const o of parseOrderBy(orderby)) {
    if (!spec.sortable.map(lower).includes(lower(o.path))) throw unsupported(`Sorting by '${o.path}' is not supported for resource '${spec.resource}'.`);
  }
  // $filter together with $orderby is an advanced query; so is $orderby with $search.
  if (orderby && (filter !== null || search !== null) && !(filter !== null ? advancedOk : eventual)) {
    throw unsupported('Sorting not supported for current query.');
  }
  return { filter, search, orderby, select, top: pageSize(spec, ctx), count: eventual && countParam, offset: 0 };
}

/**
 * A page of a directory collection with Graph's annotations: `@odata.context`, `@odata.count`
 * (first page of an advanced query with `$count=true` only) and an opaque `@odata.nextLink`
 * that carries the whole query, so the next page needs no ConsistencyLevel header.
 */
export function listPage(ctx: Ctx, spec: CollectionSpec, objects: readonly object[]): RouteResult {
  const rows = objects as Row[];
  const token = q(ctx.query, 'skiptoken');
  const state = token !== null ? decodeState(token) : firstPageState(spec, ctx);

  let matched: Row[] = rows;
  if (state.filter) {
    const expr = parseFilter(state.filter);
    matched = matched.filter((r) => evalFilter(expr, (path) => prop(r, path)));
  }
  if (state.search) {
    const expr = parseSearch(state.search);
    matched = matched.filter((r) => matchSearch(spec, expr, r));
  }
  matched = sortBy(matched, parseOrderBy(state.orderby), (r, path) => prop(r, path));

  const select = parseSelect(state.select);
  const page = matched.slice(state.offset, state.offset + state.top);
  const body: Row = { '@odata.context': contextUrl(ctx, spec.entitySet, select) };
  if (state.count && state.offset === 0) body['@odata.count'] = matched.length;
  const nextOffset = state.offset + state.top;
  if (nextOffset < matched.length) {
    const params: string[] = [];
    for (const [k, v] of ctx.query) {
      if (/^\$?(skiptoken|count)$/i.test(k)) continue;
      params.push(`${k}=${encodeURIComponent(v)}`);
    }
    params.push(`$skiptoken=${encodeState({ ...state, offset: nextOffset })}`);
    body['@odata.nextLink'] = `${ctx.baseUrl}${ctx.path}?${params.join('&')}`;
  }
  const typeOf = (r: Row) => (typeof spec.odataType === 'function' ? spec.odataType(r) : spec.odataType);
  body.value = page.map((r) => project(r, select, typeOf(r), spec.present, spec.partialType?.(r) ?? false));
  return { status: 200, body };
}

/** `/users/$count` and `/groups/$count`: text/plain, advanced queries only. */
export function countResult(ctx: Ctx, n: number): RouteResult {
  if (!isEventual(ctx)) throw new GraphHttpError(400, 'Request_BadRequest', '$count is not currently supported.');
  return { status: 200, body: String(n), headers: { 'content-type': 'text/plain' } };
}
