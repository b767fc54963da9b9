import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startListsHarness, call, createList, seedItems, walk, ids, demo, type ListsHarness, type Json } from './lists.testkit.js';

let h: ListsHarness;
beforeAll(async () => {
  h = await startListsHarness();
});
afterAll(() => h.emu.close());

const items = (listId: string) => `/sites/${h.siteId}/lists/${listId}/items`;
const PREFER = { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' };
const enc = encodeURIComponent;
const titles = (rows: Json[]) => rows.map((r) => (r.fields as Json).Title as string);

describe('paging', () => {
  let listId: string;
  beforeAll(async () => {
    listId = await createList(h, [{ name: 'Num', number: {}, indexed: true }]);
    seedItems(h, listId, 450, (i) => ({ Title: `Item ${i}`, Num: i % 7 }));
  });

  it('walks 450 items in pages of 100 with opaque nextLinks, each item exactly once', async () => {
    const { pages, last } = await walk(h, demo.jack, `${items(listId)}?$top=100&$expand=fields`);
    expect(pages.map((p) => p.length)).toEqual([100, 100, 100, 100, 50]);
    const all = pages.flat().map((i) => i.id as string);
    expect(new Set(all).size).toBe(450);
    expect(last['@odata.nextLink']).toBeUndefined();
    expect(pages[0]![0]!.fields).toBeDefined();
  });

  it('gives 200 items per page by default', async () => {
    const first = await call(h, demo.jack, items(listId));
    expect(first.json.value).toHaveLength(200);
    expect(first.json['@odata.nextLink']).toEqual(expect.stringContaining('$skiptoken='));
  });

  it('still returns every item that existed throughout exactly once when items are added and deleted between pages', async () => {
    const before = await walk(h, demo.jack, `${items(listId)}?$top=1000`);
    const original = ids(before.pages.flat());
    let deleted = '';
    let added = '';
    const { pages } = await walk(h, demo.tom, `${items(listId)}?$top=100&$orderby=fields/Num desc`, {}, async (page, soFar) => {
      if (page !== 2) return;
      // Delete an item that has not been returned yet and add a new one.
      const seenSoFar = new Set(ids(soFar.flat()));
      deleted = original.find((id) => !seenSoFar.has(id) && Number(id) > 300) ?? '';
      expect((await call(h, demo.tom, `${items(listId)}/${deleted}`, { method: 'DELETE' })).status).toBe(204);
      const add = await call(h, demo.tom, items(listId), { method: 'POST', body: JSON.stringify({ fields: { Title: 'Late', Num: 3 } }) });
      added = add.json.id as string;
    });
    expect(deleted).not.toBe('');
    expect(added).not.toBe('');
    const got = ids(pages.flat());
    expect(new Set(got).size).toBe(got.length);
    const expected = original.filter((id) => id !== deleted);
    expect(got.filter((id) => id !== added).sort()).toEqual(expected.sort());
  });

  it('rejects a skiptoken that does not belong to the query', async () => {
    const first = await call(h, demo.jack, `${items(listId)}?$top=5`);
    const token = new URL(first.json['@odata.nextLink'] as string).searchParams.get('$skiptoken') ?? '';
    const other = await call(h, demo.jack, `${items(listId)}?$top=5&$orderby=fields/Num&$skiptoken=${enc(token)}`);
    expect(other.status).toBe(400);
  });
});

describe('filter and orderby', () => {
  let listId: string;
  beforeAll(async () => {
    listId = await createList(h, [
      { name: 'Surname', text: {}, indexed: true },
      { name: 'Rank', number: {}, indexed: true },
      { name: 'Colour', text: {} },
      { name: 'Owner', personOrGroup: {}, indexed: true },
    ]);
    const rows = [
      { Title: 'a', Surname: "O'Brien", Rank: 3, Colour: 'red' },
      { Title: 'b', Surname: 'Øster', Rank: 1, Colour: 'blue' },
      { Title: 'c', Surname: '张伟', Rank: 2, Colour: 'red' },
      { Title: 'd', Surname: 'Obama', Rank: 5, Colour: 'green' },
      { Title: 'e', Surname: 'Smith', Rank: 4 },
    ];
    for (const fields of rows) {
      const r = await call(h, demo.tom, items(listId), { method: 'POST', body: JSON.stringify({ fields }) });
      expect(r.status).toBe(201);
    }
  });

  const get = (query: string, headers: Record<string, string> = {}) => call(h, demo.jack, `${items(listId)}?$expand=fields&${query}`, { headers });

  it('filters indexed columns with eq, ne, lt, le, gt, ge, and, or and startswith', async () => {
    const f = async (filter: string) => {
      const r = await get(`$filter=${enc(filter)}&$orderby=${enc('fields/Rank')}`);
      expect(r.status, JSON.stringify(r.json)).toBe(200);
      return titles(r.json.value ?? []);
    };
    expect(await f('fields/Rank eq 3')).toEqual(['a']);
    expect(await f('fields/Rank ne 3')).toEqual(['b', 'c', 'e', 'd']);
    expect(await f('fields/Rank lt 3')).toEqual(['b', 'c']);
    expect(await f('fields/Rank le 3')).toEqual(['b', 'c', 'a']);
    expect(await f('fields/Rank gt 3')).toEqual(['e', 'd']);
    expect(await f('fields/Rank ge 4 and fields/Rank le 4')).toEqual(['e']);
    expect(await f('fields/Rank eq 1 or fields/Rank eq 5')).toEqual(['b', 'd']);
    expect(await f("startswith(fields/Surname,'Ob')")).toEqual(['d']);
  });

  it("matches a quote escaped as '' and unicode values", async () => {
    const r1 = await get(`$filter=${enc("fields/Surname eq 'O''Brien'")}`);
    expect(titles(r1.json.value ?? [])).toEqual(['a']);
    const r2 = await get(`$filter=${enc("fields/Surname eq '张伟'")}`);
    expect(titles(r2.json.value ?? [])).toEqual(['c']);
    const r3 = await get(`$filter=${enc("fields/Surname eq 'Øster'")}`);
    expect(titles(r3.json.value ?? [])).toEqual(['b']);
  });

  it('orders by indexed fields, by createdDateTime and by id, ascending and descending', async () => {
    const desc = await get(`$orderby=${enc('fields/Rank desc')}`);
    expect(titles(desc.json.value ?? [])).toEqual(['d', 'e', 'a', 'c', 'b']);
    const byId = await get(`$orderby=${enc('id desc')}`);
    expect(titles(byId.json.value ?? [])).toEqual(['e', 'd', 'c', 'b', 'a']);
    const byCreated = await get(`$orderby=${enc('createdDateTime')}`);
    expect(titles(byCreated.json.value ?? [])).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('filters person columns through <Name>LookupId', async () => {
    const lookup = await call(h, demo.tom, `${items(listId)}?$expand=fields&$filter=${enc("fields/Title eq 'e'")}`, { headers: PREFER });
    const authorLookup = ((lookup.json.value ?? [])[0]!.fields as Json).AuthorLookupId as string;
    const id = (lookup.json.value ?? [])[0]!.id as string;
    const set = await call(h, demo.tom, `${items(listId)}/${id}/fields`, { method: 'PATCH', body: JSON.stringify({ OwnerLookupId: authorLookup }) });
    expect(set.status).toBe(200);
    const r = await get(`$filter=${enc(`fields/OwnerLookupId eq ${authorLookup}`)}`);
    expect(titles(r.json.value ?? [])).toEqual(['e']);
  });

  it('refuses a non-indexed column in $filter or $orderby without the Prefer header, and allows it with the header', async () => {
    const without = await get(`$filter=${enc("fields/Colour eq 'red'")}`);
    expect(without.status).toBe(400);
    expect(without.json.error?.message).toBe(
      "Field 'Colour' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: HonorNonIndexedQueriesWarningMayFailRandomly' header to allow this, but be warned that such queries may fail on large lists.",
    );
    const orderWithout = await get(`$orderby=${enc('fields/Colour')}`);
    expect(orderWithout.status).toBe(400);
    const withHeader = await get(`$filter=${enc("fields/Colour eq 'red'")}&$orderby=${enc('fields/Title')}`, PREFER);
    expect(withHeader.status).toBe(200);
    expect(titles(withHeader.json.value ?? [])).toEqual(['a', 'c']);
  });

  it('answers bad filter syntax, unknown fields and unsupported operators with 400', async () => {
    expect((await get(`$filter=${enc('fields/Rank eq')}`)).status).toBe(400);
    expect((await get(`$filter=${enc("fields/Surname eq 'unterminated")}`)).status).toBe(400);
    expect((await get(`$filter=${enc('fields/Nope eq 1')}`)).status).toBe(400);
    expect((await get(`$filter=${enc("contains(fields/Surname,'a')")}`, PREFER)).status).toBe(400);
    expect((await get(`$orderby=${enc('fields/Rank sideways')}`)).status).toBe(400);
  });

  it('lets a filter work without the header once its column is indexed', async () => {
    const col = await call(h, demo.tom, `/sites/${h.siteId}/lists/${listId}/columns/Colour`, { method: 'PATCH', body: JSON.stringify({ indexed: true }) });
    expect(col.status).toBe(200);
    const r = await get(`$filter=${enc("fields/Colour eq 'green'")}`);
    expect(r.status).toBe(200);
    expect(titles(r.json.value ?? [])).toEqual(['d']);
  });
});

describe('list view threshold (5,001 items)', () => {
  let listId: string;
  beforeAll(async () => {
    listId = await createList(h, [
      { name: 'Key', text: {}, indexed: true },
      { name: 'Bucket', number: {} },
    ]);
    seedItems(h, listId, 5001, (i) => ({ Title: `Row ${i}`, Key: `K${i}`, Bucket: i % 10 }));
  });

  it('keeps filters on indexed columns and on id/Created/Modified working', async () => {
    const r = await call(h, demo.jack, `${items(listId)}?$expand=fields&$filter=${enc("fields/Key eq 'K4242'")}`);
    expect(r.status).toBe(200);
    expect(titles(r.json.value ?? [])).toEqual(['Row 4242']);
    const byId = await call(h, demo.jack, `${items(listId)}?$filter=${enc('id ge 5000')}&$orderby=${enc('fields/Modified desc')}`);
    expect(byId.status).toBe(200);
    expect(byId.json.value).toHaveLength(2);
  });

  it('fails a non-indexed filter without the header (400) and, past the threshold, even with it', async () => {
    const without = await call(h, demo.jack, `${items(listId)}?$filter=${enc('fields/Bucket eq 3')}`);
    expect(without.status).toBe(400);
    const withHeader = await call(h, demo.jack, `${items(listId)}?$filter=${enc('fields/Bucket eq 3')}`, { headers: PREFER });
    expect(withHeader.status).toBe(429);
    expect(withHeader.json.error?.code).toBe('throttledRequest');
    expect(withHeader.json.error?.message).toMatch(/list view threshold/);
    const order = await call(h, demo.jack, `${items(listId)}?$orderby=${enc('fields/Title')}`, { headers: PREFER });
    expect(order.status).toBe(429);
  });

  it('still pages through the whole list without a filter', async () => {
    const { pages } = await walk(h, demo.jack, `${items(listId)}?$top=2000`);
    expect(pages.map((p) => p.length)).toEqual([2000, 2000, 1001]);
  });
});
