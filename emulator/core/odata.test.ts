import { describe, it, expect } from 'vitest';
import { parseFilter, evalFilter, filterProps, filterFunctions, parseOrderBy, sortBy, parseSelect, parseExpand, parseTop, applySelect, q } from './odata.js';
import { GraphHttpError } from './errors.js';

type Row = Record<string, unknown>;
const matches = (filter: string, row: Row) => evalFilter(parseFilter(filter), (p) => p.split('/').reduce<unknown>((o, k) => (o as Row | undefined)?.[k], row));

function expect400(fn: () => unknown): GraphHttpError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(GraphHttpError);
    expect((e as GraphHttpError).status).toBe(400);
    return e as GraphHttpError;
  }
  throw new Error('expected a 400');
}

describe('$filter parser', () => {
  it('binds and tighter than or', () => {
    const row = { a: 1, b: 0, c: 0 };
    // a or (b and c) is true; (a or b) and c would be false.
    expect(matches('a eq 1 or b eq 1 and c eq 1', row)).toBe(true);
    expect(matches('(a eq 1 or b eq 1) and c eq 1', row)).toBe(false);
    expect(parseFilter('a eq 1 or b eq 1 and c eq 1')).toMatchObject({ kind: 'or', right: { kind: 'and' } });
  });

  it('binds not to the next primary and accepts upper-case operators', () => {
    const row = { a: 1, b: 2 };
    expect(matches('not a eq 2 and b eq 2', row)).toBe(true);
    expect(matches('NOT (a eq 1 AND b eq 2)', row)).toBe(false);
    expect(matches('a eq 2 OR b eq 2', row)).toBe(true);
  });

  it("reads '' inside a string as one quote", () => {
    expect(matches("name eq 'O''Neil'", { name: "O'Neil" })).toBe(true);
    expect(matches("name eq ''''", { name: "'" })).toBe(true);
    expect(parseFilter("name eq 'it''s'")).toMatchObject({ right: { kind: 'lit', value: "it's" } });
  });

  it('keeps unicode text and compares case-insensitively', () => {
    expect(matches("city eq 'Lisboa São Bento'", { city: 'lisboa são bento' })).toBe(true);
    expect(matches("name eq '李四(David Li)'", { name: '李四(David Li)' })).toBe(true);
    expect(matches("startswith(name,'ZOË')", { name: 'Zoë Quinn' })).toBe(true);
  });

  it('evaluates startswith, endswith and contains, alone or compared with true', () => {
    const row = { displayName: 'Priya Nair' };
    expect(matches("startswith(displayName,'pri')", row)).toBe(true);
    expect(matches("startswith(displayName, 'Nair')", row)).toBe(false);
    expect(matches("endswith(displayName,'NAIR')", row)).toBe(true);
    expect(matches("contains(displayName,'ya N')", row)).toBe(true);
    expect(matches("startswith(displayName,'pri') eq true", row)).toBe(true);
    expect(matches("startswith(missing,'x')", row)).toBe(false);
  });

  it('compares numbers, booleans, null and dates', () => {
    const row = { n: 5, flag: true, empty: null, when: '2024-03-01T10:00:00Z' };
    expect(matches('n gt 4 and n le 5 and n ne 6', row)).toBe(true);
    expect(matches('flag eq true', row)).toBe(true);
    expect(matches('empty eq null and n ne null', row)).toBe(true);
    expect(matches('when ge 2024-03-01 and when lt 2024-03-02', row)).toBe(true);
  });

  it('evaluates any/all lambdas over collections', () => {
    expect(matches("groupTypes/any(c:c eq 'Unified')", { groupTypes: ['Unified'] })).toBe(true);
    expect(matches("groupTypes/any(c:c eq 'Unified')", { groupTypes: [] })).toBe(false);
    expect(matches("identities/any(i:i/issuer eq 'x' and i/id eq '1')", { identities: [{ issuer: 'x', id: '2' }, { issuer: 'x', id: '1' }] })).toBe(true);
    expect(matches("tags/all(t:startswith(t,'a'))", { tags: ['ab', 'ac'] })).toBe(true);
    expect(filterProps(parseFilter("groupTypes/any(c:c eq 'Unified') and displayName eq 'x'"))).toEqual(['groupTypes', 'displayName']);
  });

  it('reports the properties and functions a filter uses', () => {
    const e = parseFilter("fields/Status eq 'Open' and not startswith(fields/Title,'x') or fields/Owner ne null");
    expect(filterProps(e)).toEqual(['fields/Status', 'fields/Title', 'fields/Owner']);
    expect(filterFunctions(e).sort()).toEqual(['ne', 'not', 'startswith']);
  });

  it.each([
    ["name eq 'unterminated"],
    ['name eq'],
    ["(name eq 'a'"],
    ["name eq 'a')"],
    ["name 'a'"],
    ["name eq 'a' and"],
    ['name eq #'],
    [''],
    ["tags/any(t eq 'a')"],
  ])('rejects %j with 400', (src) => {
    const err = expect400(() => parseFilter(src));
    expect(err.code).toBe('BadRequest');
  });

  it('rejects an unknown function with 400 when evaluated', () => {
    expect400(() => matches("frobnicate(name,'a')", { name: 'a' }));
  });
});

describe('other query options', () => {
  it('$orderby: several keys, asc/desc, bad direction is 400', () => {
    expect(parseOrderBy('displayName desc, mail')).toEqual([{ path: 'displayName', desc: true }, { path: 'mail', desc: false }]);
    expect(parseOrderBy(null)).toEqual([]);
    expect400(() => parseOrderBy('displayName sideways'));
    const rows = [{ n: 'b', k: 1 }, { n: 'A', k: 2 }, { n: 'c', k: 1 }];
    expect(sortBy(rows, parseOrderBy('k desc,n'), (r, p) => r[p as 'n' | 'k']).map((r) => r.n)).toEqual(['A', 'b', 'c']);
  });

  it('$select, $expand with nested options, $top bounds', () => {
    expect(parseSelect(' id, displayName ,')).toEqual(['id', 'displayName']);
    expect(parseSelect(null)).toBeNull();
    expect(parseExpand('fields($select=Title,Status),columns')).toEqual([
      { name: 'fields', options: { $select: 'Title,Status' } },
      { name: 'columns', options: {} },
    ]);
    expect400(() => parseExpand('fields($select=Title'));
    expect(parseTop(new URLSearchParams('$top=50'), 20)).toBe(20);
    expect(parseTop(new URLSearchParams('top=5'), 20)).toBe(5);
    expect(parseTop(new URLSearchParams(''), 20)).toBeNull();
    expect400(() => parseTop(new URLSearchParams('$top=-1'), 20));
    expect400(() => parseTop(new URLSearchParams('$top=ten'), 20));
    expect(q(new URLSearchParams('filter=a'), 'filter')).toBe('a');
    expect(applySelect({ '@odata.etag': 'e', id: '1', a: 1, b: 2 }, ['A'])).toEqual({ '@odata.etag': 'e', id: '1', a: 1 });
  });
});
