import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ColumnDefinition } from '@microsoft/microsoft-graph-types';
import { startTestEmulator, demo, type TestEmulator } from '../../tests/support/emulator.js';
import { acknowledgements } from '../schema/index.js';
import { createGraphClient } from '../core/client.js';
import { GraphConflictError, GraphError } from '../core/errors.js';
import { f, NonIndexedFilterError } from '../core/filter.js';
import { getSiteByUrl } from '../sites/index.js';
import {
  createColumn,
  createItem,
  createList,
  deleteItem,
  getColumns,
  getItem,
  getList,
  getLists,
  itemsDelta,
  listItems,
  updateColumn,
  updateItemFields,
} from './index.js';

interface Risk {
  Title: string;
  Score?: number;
  Owner?: string;
}

let emu: TestEmulator;
let siteId: string;
let listId: string;
const tom = () => createGraphClient({ baseUrl: emu.graphBaseUrl, getToken: () => emu.token(demo.tom) });
const priya = () => createGraphClient({ baseUrl: emu.graphBaseUrl, getToken: () => emu.token(demo.priya) });

beforeAll(async () => {
  emu = await startTestEmulator();
  siteId = (await getSiteByUrl(tom(), 'https://kestrelms.sharepoint.com/sites/KestrelSMS')).id!;
  const list = await createList(tom(), siteId, {
    displayName: 'Graph layer risks',
    list: { template: 'genericList' },
    columns: [{ name: 'Score', number: {}, indexed: true }],
  });
  listId = list.id!;
});
afterAll(async () => {
  await emu.close();
});

describe('lists and columns', () => {
  it('creates a list that then shows in getLists and getList (by id and by name)', async () => {
    const lists = await getLists(tom(), siteId);
    expect(lists.map((l) => l.id)).toContain(listId);
    expect((await getList(tom(), siteId, listId)).displayName).toBe('Graph layer risks');
    expect((await getList(tom(), siteId, 'Graph layer risks')).id).toBe(listId);
  });

  it('adds a column and indexes it afterwards', async () => {
    const owner = await createColumn(tom(), siteId, listId, { name: 'Owner', text: {} } as ColumnDefinition);
    expect(owner.indexed).toBe(false);
    const updated = await updateColumn(tom(), siteId, listId, owner.id!, { indexed: true });
    expect(updated.indexed).toBe(true);
    const columns = await getColumns(tom(), siteId, listId);
    expect(columns.find((c) => c.name === 'Owner')?.indexed).toBe(true);
  });

  it('creating a list needs Edit on the site: Jack (read only) gets 403', async () => {
    const jack = createGraphClient({ baseUrl: emu.graphBaseUrl, getToken: () => emu.token(demo.jack) });
    const err = await createList(jack, siteId, { displayName: 'Nope', list: { template: 'genericList' } }).catch((e: unknown) => e);
    expect((err as GraphError).status).toBe(403);
  });
});

describe('list items', () => {
  it('creates, reads, filters and pages items with typed fields', async () => {
    for (let i = 1; i <= 5; i++) await createItem<Risk>(priya(), siteId, listId, { Title: `Risk ${i}`, Score: i * 10, Owner: i % 2 ? "O'Brien" : 'Chen' });
    const page1 = await listItems<Risk>(priya(), siteId, listId, { filter: f.ge('fields/Score', 20), orderby: 'fields/Score', top: 2 });
    expect(page1.items.map((i) => i.fields.Score)).toEqual([20, 30]);
    expect(page1.nextLink).not.toBeNull();
    const page2 = await listItems<Risk>(priya(), siteId, listId, { nextLink: page1.nextLink });
    expect(page2.items.map((i) => i.fields.Score)).toEqual([40, 50]);

    const obrien = await listItems<Risk>(priya(), siteId, listId, { filter: f.eq('fields/Owner', "O'Brien"), select: ['Title', 'Owner'] });
    expect(obrien.items.map((i) => i.fields.Title).sort()).toEqual(['Risk 1', 'Risk 3', 'Risk 5']);
    expect(obrien.items[0]!.fields.Score).toBeUndefined();

    const one = await getItem<Risk>(priya(), siteId, listId, page1.items[0]!.id!);
    expect(one.fields.Title).toBe('Risk 2');
  });

  it('updates with the eTag it read; a stale eTag is a GraphConflictError (412) and changes nothing', async () => {
    const item = await createItem<Risk>(priya(), siteId, listId, { Title: 'Conflicted', Score: 1 });
    const read = await getItem<Risk>(priya(), siteId, listId, item.id!);
    const eTag = read['@odata.etag']!;
    const updated = await updateItemFields<Risk>(priya(), siteId, listId, item.id!, { Score: 2 }, eTag);
    expect(updated.Score).toBe(2);
    expect(updated['@odata.etag']).toBeDefined();
    expect(updated['@odata.etag']).not.toBe(eTag);

    const err = await updateItemFields<Risk>(tom(), siteId, listId, item.id!, { Score: 99 }, eTag).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GraphConflictError);
    expect(err).toMatchObject({ name: 'GraphConflictError', status: 412 });
    expect((await getItem<Risk>(priya(), siteId, listId, item.id!)).fields.Score).toBe(2);
  });

  it('never sends If-Match: *', async () => {
    const item = await createItem<Risk>(priya(), siteId, listId, { Title: 'Star' });
    await expect(updateItemFields(priya(), siteId, listId, item.id!, { Score: 3 }, '*')).rejects.toThrow(/never "\*"/);
    await expect(deleteItem(priya(), siteId, listId, item.id!, '')).rejects.toThrow(/eTag/);
  });

  it('deletes only with the current eTag', async () => {
    const item = await createItem<Risk>(priya(), siteId, listId, { Title: 'To delete' });
    const first = item['@odata.etag']!;
    const changed = await updateItemFields<Risk>(priya(), siteId, listId, item.id!, { Score: 5 }, first);
    await expect(deleteItem(priya(), siteId, listId, item.id!, first)).rejects.toBeInstanceOf(GraphConflictError);
    await deleteItem(priya(), siteId, listId, item.id!, changed['@odata.etag']!);
    const err = await getItem(priya(), siteId, listId, item.id!).catch((e: unknown) => e);
    expect((err as GraphError).status).toBe(404);
  });

  it('refuses a non-indexed filter or orderby on a large list before sending, and passes an indexed one', async () => {
    await expect(listItems(priya(), siteId, listId, { schema: acknowledgements, filter: f.eq('fields/Channel', 'App') })).rejects.toBeInstanceOf(NonIndexedFilterError);
    await expect(listItems(priya(), siteId, listId, { schema: acknowledgements, orderby: 'fields/Channel desc' })).rejects.toBeInstanceOf(NonIndexedFilterError);
    await expect(listItems(priya(), siteId, listId, { schema: acknowledgements, filter: f.eq('fields/Channel', 'App'), allowNonIndexed: true })).rejects.toThrow();
  });

  it('itemsDelta returns everything first, then only what changed', async () => {
    const first = await itemsDelta<Risk>(priya(), siteId, listId);
    expect(first.items.length).toBeGreaterThan(0);
    expect(first.items.every((i) => typeof i.fields?.Title === 'string')).toBe(true);
    const created = await createItem<Risk>(priya(), siteId, listId, { Title: 'New since delta' });
    const next = await itemsDelta<Risk>(priya(), siteId, listId, first.deltaLink);
    expect(next.items.map((i) => i.id)).toEqual([created.id]);
    expect(next.resync).toBeNull();
  });
});
