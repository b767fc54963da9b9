import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startListsHarness, createList, seedItems, call, demo, type ListsHarness, type Json } from './lists.testkit.js';

/**
 * "When filtering on indexed fields, the service can only filter one indexed field at a time"
 * (https://learn.microsoft.com/graph/api/listitem-list): the first indexed predicate picks the rows, the rest is
 * checked on those rows, and past 5,000 of them the query is throttled (msgraph-sdk-dotnet issue 827).
 */
let h: ListsHarness;
const enc = encodeURIComponent;
const PREFER = { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' };
const items = (listId: string) => `/sites/${h.siteId}/lists/${listId}/items`;
const titles = (v: Json[]) => v.map((i) => (i.fields as Record<string, unknown>).Title).sort();

const ACK_COLUMNS = [
  { name: 'UserUPN', text: {}, indexed: true },
  { name: 'AckStatus', choice: { choices: ['Pending', 'Acknowledged'] }, indexed: true },
  { name: 'Note', text: {} },
];

beforeAll(async () => {
  h = await startListsHarness();
});
afterAll(async () => {
  await h.emu.close();
});

describe('two indexed fields in one filter', () => {
  let big: string;
  let small: string;
  beforeAll(async () => {
    big = await createList(h, ACK_COLUMNS);
    // 5,100 pending acknowledgements across the organisation, three of them Priya's.
    seedItems(h, big, 5100, (i) => ({ Title: `Ack ${i}`, UserUPN: i < 3 ? demo.priya : `user${i % 400}@kestrel.example`, AckStatus: 'Pending', Note: 'x' }));
    seedItems(h, big, 2, (i) => ({ Title: `Done ${i}`, UserUPN: demo.priya, AckStatus: 'Acknowledged', Note: 'y' }));
    small = await createList(h, ACK_COLUMNS);
    seedItems(h, small, 4, (i) => ({ Title: `Small ${i}`, UserUPN: demo.priya, AckStatus: i % 2 ? 'Pending' : 'Acknowledged' }));
  });

  it('throttles the query when its first indexed predicate matches more than 5,000 items', async () => {
    const r = await call(h, demo.jack, `${items(big)}?$expand=fields&$filter=${enc(`fields/AckStatus eq 'Pending' and fields/UserUPN eq '${demo.priya}'`)}`);
    expect(r.status).toBe(429);
    expect(r.json.error?.code).toBe('throttledRequest');
    expect(r.json.error?.message).toMatch(/list view threshold/);
  });

  it('answers the same predicates in the other order, where the first one is selective', async () => {
    const r = await call(h, demo.jack, `${items(big)}?$expand=fields&$filter=${enc(`fields/UserUPN eq '${demo.priya}' and fields/AckStatus eq 'Pending'`)}`);
    expect(r.status).toBe(200);
    expect(titles(r.json.value ?? [])).toEqual(['Ack 0', 'Ack 1', 'Ack 2']);
  });

  it('throttles an or across two indexed fields on a large list (no single index serves it)', async () => {
    const r = await call(h, demo.jack, `${items(big)}?$filter=${enc(`fields/UserUPN eq '${demo.priya}' or fields/AckStatus eq 'Acknowledged'`)}`);
    expect(r.status).toBe(429);
  });

  it('serves one indexed field alone from its index however many items match', async () => {
    const r = await call(h, demo.jack, `${items(big)}?$top=10&$filter=${enc(`fields/AckStatus eq 'Pending'`)}`);
    expect(r.status).toBe(200);
    expect(r.json.value).toHaveLength(10);
    expect(r.json['@odata.nextLink']).toBeDefined();
  });

  it('checks a non-indexed predicate on the rows of a selective indexed one, even past the threshold', async () => {
    const r = await call(h, demo.jack, `${items(big)}?$expand=fields&$filter=${enc(`fields/UserUPN eq '${demo.priya}' and fields/Note eq 'y'`)}`, { headers: PREFER });
    expect(r.status).toBe(200);
    expect(titles(r.json.value ?? [])).toEqual(['Done 0', 'Done 1']);
  });

  it('accepts two indexed fields in either order on a list within the threshold', async () => {
    for (const filter of [`fields/AckStatus eq 'Pending' and fields/UserUPN eq '${demo.priya}'`, `fields/UserUPN eq '${demo.priya}' and fields/AckStatus eq 'Pending'`]) {
      const r = await call(h, demo.jack, `${items(small)}?$expand=fields&$filter=${enc(filter)}`);
      expect(r.status).toBe(200);
      expect(titles(r.json.value ?? [])).toEqual(['Small 1', 'Small 3']);
    }
  });
});
