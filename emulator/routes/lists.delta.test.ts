import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startListsHarness, call, createList, walk, ids, demo, type ListsHarness, type Json } from './lists.testkit.js';

let h: ListsHarness;
beforeAll(async () => {
  h = await startListsHarness();
});
afterAll(() => h.emu.close());

const items = (listId: string) => `/sites/${h.siteId}/lists/${listId}/items`;
const add = async (listId: string, title: string) => {
  const r = await call(h, demo.tom, items(listId), { method: 'POST', body: JSON.stringify({ fields: { Title: title } }) });
  expect(r.status).toBe(201);
  return r.json.id as string;
};

describe('items delta', () => {
  it('enumerates every item with nextLinks, then reports added, updated and deleted items from the deltaLink', async () => {
    const listId = await createList(h);
    const existing = [];
    for (let i = 0; i < 5; i++) existing.push(await add(listId, `Start ${i}`));

    const first = await walk(h, demo.jack, `${items(listId)}/delta?$top=2&$expand=fields`);
    expect(first.pages.map((p) => p.length)).toEqual([2, 2, 1]);
    expect(ids(first.pages.flat()).sort()).toEqual([...existing].sort());
    const deltaLink = first.last['@odata.deltaLink'] as string;
    expect(deltaLink).toEqual(expect.stringContaining('token='));

    const added = await add(listId, 'Added');
    const updated = existing[1]!;
    expect((await call(h, demo.tom, `${items(listId)}/${updated}/fields`, { method: 'PATCH', body: JSON.stringify({ Title: 'Renamed' }) })).status).toBe(200);
    const removed = existing[3]!;
    expect((await call(h, demo.tom, `${items(listId)}/${removed}`, { method: 'DELETE' })).status).toBe(204);

    const changes = await walk(h, demo.jack, deltaLink);
    const rows = changes.pages.flat();
    const byId = new Map(rows.map((r) => [r.id as string, r]));
    expect([...byId.keys()].sort()).toEqual([added, updated, removed].sort());
    expect(((byId.get(updated)!.fields as Json).Title)).toBe('Renamed');
    expect(byId.get(added)!.deleted).toBeUndefined();
    expect(byId.get(removed)!.deleted).toEqual({ state: 'deleted' });

    const again = await walk(h, demo.jack, changes.last['@odata.deltaLink'] as string);
    expect(again.pages.flat()).toEqual([]);
  });

  it('with token=latest returns no items and a deltaLink that reports later changes only', async () => {
    const listId = await createList(h);
    await add(listId, 'Before');
    const latest = await call(h, demo.jack, `${items(listId)}/delta?token=latest`);
    expect(latest.status).toBe(200);
    expect(latest.json.value).toEqual([]);
    expect(latest.json['@odata.nextLink']).toBeUndefined();
    const later = await add(listId, 'After');
    const changes = await walk(h, demo.jack, latest.json['@odata.deltaLink'] as string);
    expect(ids(changes.pages.flat())).toEqual([later]);
  });

  it('answers an expired token with 410 Gone and a Location that starts a fresh enumeration', async () => {
    const listId = await createList(h);
    await add(listId, 'One');
    const first = await walk(h, demo.jack, `${items(listId)}/delta`);
    const deltaLink = first.last['@odata.deltaLink'] as string;
    await add(listId, 'Two');
    const expire = await fetch(`${h.emu.origin}/_dev/lists/${listId}/expireDeltaTokens`, { method: 'POST' });
    expect(expire.status).toBe(200);

    const gone = await call(h, demo.jack, deltaLink);
    expect(gone.status).toBe(410);
    expect(gone.json.error?.code).toBe('resyncChangesApplyDifferences');
    const location = gone.res.headers.get('location');
    expect(location).toBeTruthy();
    const fresh = await walk(h, demo.jack, location!);
    expect(fresh.pages.flat().map((r) => r.id)).toHaveLength(2);
    const newDelta = fresh.last['@odata.deltaLink'] as string;
    expect((await call(h, demo.jack, newDelta)).status).toBe(200);
  });

  it('needs read access to the list', async () => {
    const listId = await createList(h);
    await fetch(`${h.emu.origin}/_dev/lists/${listId}/permissions`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grants: [{ group: 'SMS-Managers', level: 'fullControl' }] }),
    });
    expect((await call(h, demo.jack, `${items(listId)}/delta`)).status).toBe(403);
  });
});
