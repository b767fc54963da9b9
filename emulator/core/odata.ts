import { badRequest } from './errors.js';

/**
 * A small OData v4 query parser: enough of `$filter`, `$orderby`, `$select`, `$expand` and
 * `$top` for the Graph endpoints the emulator serves. It parses; each route decides what a
 * property path means and which operators it supports (as the real services differ).
 * Source: https://learn.microsoft.com/graph/query-parameters , https://learn.microsoft.com/graph/filter-query-parameter
 */

export type Literal = string | number | boolean | null;
export type Operand =
  | { kind: 'prop'; path: string }
  | { kind: 'lit'; value: Literal }
  | { kind: 'call'; name: string; args: Operand[] };
export type CmpOp = 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge';
export type FilterExpr =
  | { kind: 'and' | 'or'; left: FilterExpr; right: FilterExpr }
  | { kind: 'not'; expr: FilterExpr }
  | { kind: 'cmp'; op: CmpOp; left: Operand; right: Operand }
  | { kind: 'call'; name: string; args: Operand[] }
  /** Lambda over a collection property, e.g. `groupTypes/any(c:c eq 'Unified')`. */
  | { kind: 'lambda'; fn: 'any' | 'all'; path: string; variable: string; predicate: FilterExpr };

type Tok =
  | { t: 'str'; v: string }
  | { t: 'num'; v: number }
  | { t: 'id'; v: string }
  | { t: '(' | ')' | ',' | ':' };

const invalidFilter = (detail: string) => badRequest(`Invalid filter clause: ${detail}`, 'BadRequest');

function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') { i++; continue; }
    if (c === '(' || c === ')' || c === ',' || c === ':') { out.push({ t: c }); i++; continue; }
    if (c === "'") {
      let v = '';
      i++;
      for (;;) {
        if (i >= src.length) throw invalidFilter('unterminated string literal.');
        const ch = src[i]!;
        if (ch === "'") {
          if (src[i + 1] === "'") { v += "'"; i += 2; continue; }
          i++;
          break;
        }
        v += ch;
        i++;
      }
      out.push({ t: 'str', v });
      continue;
    }
    // ISO date/time literal written without quotes (Outlook and directory accept these).
    const dt = /^\d{4}-\d{2}-\d{2}(T[0-9:.]+(Z|[+-]\d{2}:\d{2})?)?/.exec(src.slice(i));
    if (dt) { out.push({ t: 'str', v: dt[0] }); i += dt[0].length; continue; }
    const num = /^-?\d+(\.\d+)?/.exec(src.slice(i));
    if (num) { out.push({ t: 'num', v: Number(num[0]) }); i += num[0].length; continue; }
    const id = /^[A-Za-z_@$][\w@.$]*(\/[A-Za-z_@$][\w@.$]*)*/.exec(src.slice(i));
    if (id) { out.push({ t: 'id', v: id[0] }); i += id[0].length; continue; }
    throw invalidFilter(`unexpected character '${c}' at position ${i}.`);
  }
  return out;
}

const CMP = new Set(['eq', 'ne', 'lt', 'le', 'gt', 'ge']);

export function parseFilter(src: string): FilterExpr {
  const toks = tokenize(src);
  let p = 0;
  const peek = () => toks[p];
  const isId = (v: string) => { const t = peek(); return t?.t === 'id' && t.v.toLowerCase() === v; };
  const expect = (t: '(' | ')' | ',' | ':') => {
    if (peek()?.t !== t) throw invalidFilter(`expected '${t}'.`);
    p++;
  };

  function operand(): Operand {
    const t = toks[p++];
    if (!t) throw invalidFilter('unexpected end of expression.');
    if (t.t === 'str') return { kind: 'lit', value: t.v };
    if (t.t === 'num') return { kind: 'lit', value: t.v };
    if (t.t === 'id') {
      const low = t.v.toLowerCase();
      if (low === 'true') return { kind: 'lit', value: true };
      if (low === 'false') return { kind: 'lit', value: false };
      if (low === 'null') return { kind: 'lit', value: null };
      if (peek()?.t === '(') {
        p++;
        const args: Operand[] = [];
        if (peek()?.t !== ')') {
          args.push(operand());
          while (peek()?.t === ',') { p++; args.push(operand()); }
        }
        expect(')');
        return { kind: 'call', name: low, args };
      }
      return { kind: 'prop', path: t.v };
    }
    throw invalidFilter(`unexpected token '${t.t}'.`);
  }

  function lambda(): FilterExpr | null {
    const t = peek();
    const m = t?.t === 'id' ? /^(.+)\/(any|all)$/i.exec(t.v) : null;
    if (!m || toks[p + 1]?.t !== '(') return null;
    p += 2;
    const v = toks[p++];
    if (v?.t !== 'id') throw invalidFilter(`expected a lambda variable after '${m[0]}('.`);
    expect(':');
    const predicate = or();
    expect(')');
    return { kind: 'lambda', fn: m[2]!.toLowerCase() as 'any' | 'all', path: m[1]!, variable: v.v, predicate };
  }

  function primary(): FilterExpr {
    if (isId('not')) { p++; return { kind: 'not', expr: primary() }; }
    const lam = lambda();
    if (lam) return lam;
    if (peek()?.t === '(') {
      p++;
      const e = or();
      expect(')');
      return e;
    }
    const left = operand();
    const op = peek();
    if (op?.t === 'id' && CMP.has(op.v.toLowerCase())) {
      p++;
      const right = operand();
      return { kind: 'cmp', op: op.v.toLowerCase() as CmpOp, left, right };
    }
    if (left.kind === 'call') return { kind: 'call', name: left.name, args: left.args };
    throw invalidFilter('expected a comparison operator.');
  }
  function and(): FilterExpr {
    let e = primary();
    while (isId('and')) { p++; e = { kind: 'and', left: e, right: primary() }; }
    return e;
  }
  function or(): FilterExpr {
    let e = and();
    while (isId('or')) { p++; e = { kind: 'or', left: e, right: and() }; }
    return e;
  }
  const e = or();
  if (p !== toks.length) throw invalidFilter('unexpected text after the expression.');
  return e;
}

/** Every property path a filter refers to. */
export function filterProps(e: FilterExpr): string[] {
  const out: string[] = [];
  const walk = (x: FilterExpr, vars: string[]): void => {
    const isVar = (path: string) => vars.some((v) => path === v || path.startsWith(`${v}/`));
    const op = (o: Operand): void => {
      if (o.kind === 'prop') { if (!isVar(o.path)) out.push(o.path); }
      else if (o.kind === 'call') o.args.forEach(op);
    };
    switch (x.kind) {
      case 'and': case 'or': walk(x.left, vars); walk(x.right, vars); return;
      case 'not': walk(x.expr, vars); return;
      case 'cmp': op(x.left); op(x.right); return;
      case 'call': x.args.forEach(op); return;
      case 'lambda': out.push(x.path); walk(x.predicate, [...vars, x.variable]);
    }
  };
  walk(e, []);
  return out;
}

/** Every function name a filter uses (lower case). */
export function filterFunctions(e: FilterExpr): string[] {
  const out: string[] = [];
  const walk = (x: FilterExpr): void => {
    switch (x.kind) {
      case 'and': case 'or': walk(x.left); walk(x.right); return;
      case 'not': out.push('not'); walk(x.expr); return;
      case 'cmp': if (x.op === 'ne') out.push('ne'); return;
      case 'call': out.push(x.name); return;
      case 'lambda': out.push(x.fn); walk(x.predicate);
    }
  };
  walk(e);
  return out;
}

export type Resolve = (path: string) => unknown;

const ISO = /^\d{4}-\d{2}-\d{2}(T|$)/;

function norm(v: unknown): string | number | boolean | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'string') {
    if (ISO.test(v)) {
      const t = Date.parse(v.length === 10 ? `${v}T00:00:00Z` : v);
      if (!Number.isNaN(t)) return t;
    }
    return v.toLowerCase();
  }
  return JSON.stringify(v).toLowerCase();
}

function compare(a: unknown, b: unknown): number | null {
  const x = norm(a);
  const y = norm(b);
  if (x === null || y === null) return x === y ? 0 : null;
  if (typeof x === 'number' && typeof y === 'string' && y !== '' && !Number.isNaN(Number(y))) return x - Number(y);
  if (typeof y === 'number' && typeof x === 'string' && x !== '' && !Number.isNaN(Number(x))) return Number(x) - y;
  if (typeof x !== typeof y) return null;
  if (x < y) return -1;
  return x > y ? 1 : 0;
}

function value(o: Operand, resolve: Resolve): unknown {
  if (o.kind === 'lit') return o.value;
  if (o.kind === 'prop') return resolve(o.path);
  return callValue(o.name, o.args, resolve);
}

function callValue(name: string, args: Operand[], resolve: Resolve): unknown {
  const vals = args.map((a) => value(a, resolve));
  const s = (i: number) => (vals[i] === null || vals[i] === undefined ? null : String(vals[i]).toLowerCase());
  switch (name) {
    case 'startswith': { const a = s(0); const b = s(1); return a !== null && b !== null && a.startsWith(b); }
    case 'endswith': { const a = s(0); const b = s(1); return a !== null && b !== null && a.endsWith(b); }
    case 'contains': { const a = s(0); const b = s(1); return a !== null && b !== null && a.includes(b); }
    default:
      throw badRequest(`Unsupported function '${name}' in filter.`, 'BadRequest');
  }
}

export function evalFilter(e: FilterExpr, resolve: Resolve): boolean {
  switch (e.kind) {
    case 'and': return evalFilter(e.left, resolve) && evalFilter(e.right, resolve);
    case 'or': return evalFilter(e.left, resolve) || evalFilter(e.right, resolve);
    case 'not': return !evalFilter(e.expr, resolve);
    case 'call': return callValue(e.name, e.args, resolve) === true;
    case 'lambda': {
      const coll = resolve(e.path);
      const items = Array.isArray(coll) ? (coll as unknown[]) : [];
      const test = (item: unknown) =>
        evalFilter(e.predicate, (path) => {
          if (path === e.variable) return item;
          if (path.startsWith(`${e.variable}/`)) {
            return path
              .slice(e.variable.length + 1)
              .split('/')
              .reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), item);
          }
          return resolve(path);
        });
      return e.fn === 'any' ? items.some(test) : items.every(test);
    }
    case 'cmp': {
      const l = value(e.left, resolve);
      const r = value(e.right, resolve);
      const c = compare(l, r);
      switch (e.op) {
        case 'eq': return c === 0;
        case 'ne': return c !== 0;
        case 'lt': return c !== null && c < 0;
        case 'le': return c !== null && c <= 0;
        case 'gt': return c !== null && c > 0;
        case 'ge': return c !== null && c >= 0;
      }
    }
  }
}

export interface OrderBy { path: string; desc: boolean }

export function parseOrderBy(src: string | null): OrderBy[] {
  if (!src) return [];
  return src.split(',').map((part) => {
    const [path, dir, extra] = part.trim().split(/\s+/);
    if (!path || extra || (dir && !/^(asc|desc)$/i.test(dir))) {
      throw badRequest(`Invalid $orderby expression '${part.trim()}'.`, 'BadRequest');
    }
    return { path, desc: dir?.toLowerCase() === 'desc' };
  });
}

export function sortBy<T>(rows: T[], order: OrderBy[], resolve: (row: T, path: string) => unknown): T[] {
  if (order.length === 0) return rows;
  return [...rows].sort((a, b) => {
    for (const o of order) {
      const c = compare(resolve(a, o.path), resolve(b, o.path));
      const cc = c === null ? (resolve(a, o.path) == null ? -1 : 1) : c;
      if (cc !== 0) return o.desc ? -cc : cc;
    }
    return 0;
  });
}

export function parseSelect(src: string | null | undefined): string[] | null {
  if (!src) return null;
  return src.split(',').map((s) => s.trim()).filter(Boolean);
}

export interface ExpandItem {
  name: string;
  options: Record<string, string>;
}

/** Splits on a separator at parenthesis depth 0. */
function splitTop(src: string, sep: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of src) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === sep && depth === 0) { out.push(cur); cur = ''; continue; }
    cur += ch;
  }
  if (depth !== 0) throw badRequest(`Invalid $expand expression '${src}'.`, 'BadRequest');
  out.push(cur);
  return out;
}

/** Parses `fields($select=Title,Status),columns` into names with their nested options. */
export function parseExpand(src: string | null): ExpandItem[] {
  if (!src) return [];
  return splitTop(src, ',').map((raw) => {
    const part = raw.trim();
    const open = part.indexOf('(');
    if (open < 0) return { name: part, options: {} };
    if (!part.endsWith(')')) throw badRequest(`Invalid $expand expression '${part}'.`, 'BadRequest');
    const name = part.slice(0, open).trim();
    const options: Record<string, string> = {};
    for (const opt of splitTop(part.slice(open + 1, -1), ';')) {
      const eq = opt.indexOf('=');
      if (eq < 0) throw badRequest(`Invalid $expand option '${opt}'.`, 'BadRequest');
      options[opt.slice(0, eq).trim().replace(/^\$?/, '$').toLowerCase()] = opt.slice(eq + 1).trim();
    }
    return { name, options };
  });
}

/** Reads a query option with or without `$` (Graph accepts both on v1.0 for most APIs). */
export function q(query: URLSearchParams, name: string): string | null {
  return query.get(`$${name}`) ?? query.get(name);
}

export function parseTop(query: URLSearchParams, max: number): number | null {
  const raw = q(query, 'top');
  if (raw === null) return null;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw badRequest(`Invalid value '${raw}' for $top.`, 'BadRequest');
  return Math.min(n, max);
}

/** Applies `$select` to a plain object, keeping `@odata.*` annotations and `id`. */
export function applySelect<T extends Record<string, unknown>>(obj: T, select: string[] | null): Record<string, unknown> {
  if (!select) return obj;
  const want = new Set(select.map((s) => s.toLowerCase()));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) {
    if (k.startsWith('@odata.') || k === 'id' || want.has(k.toLowerCase())) out[k] = v;
  }
  return out;
}
