import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startListsHarness, call, createList, demo, type ListsHarness, type Json } from './lists.testkit.js';

let h: ListsHarness;
beforeAll(async () => {
  h = await startListsHarness();
});
afterAll(() => h.emu.close());

const post = (b: unknown): RequestInit => ({ method: 'POST', body: JSON.stringify(b) });
const tags = { name: 'Tags', choice: { choices: ['a', 'b', 'c'], displayAs: 'checkBoxes' } };

describe('multi-choice (check box) columns', () => {
  it('are refused in POST .../columns with 400 invalidRequest, as the service does (microsoft-graph-docs 21021)', async () => {
    const listId = await createList(h);
    const r = await call(h, demo.tom, `/sites/${h.siteId}/lists/${listId}/columns`, post(tags));
    expect(r.status).toBe(400);
    expect(r.json.error).toMatchObject({ code: 'invalidRequest', message: 'Invalid request' });
    const cols = await call(h, demo.tom, `/sites/${h.siteId}/lists/${listId}/columns`);
    expect((cols.json.value ?? []).map((c) => c.name)).not.toContain('Tags');
  });

  it('cannot be made by switching a choice column to check boxes', async () => {
    const listId = await createList(h, [{ name: 'Kind', choice: { choices: ['a', 'b'] } }]);
    const r = await call(h, demo.tom, `/sites/${h.siteId}/lists/${listId}/columns/Kind`, { method: 'PATCH', body: JSON.stringify({ choice: { displayAs: 'checkBoxes' } }) });
    expect(r.status).toBe(400);
    expect(r.json.error?.code).toBe('invalidRequest');
  });

  it('are created with the list (columns of POST /lists) and then hold several values', async () => {
    const listId = await createList(h, [tags]);
    const cols = await call(h, demo.tom, `/sites/${h.siteId}/lists/${listId}/columns`);
    const col = (cols.json.value ?? []).find((c) => c.name === 'Tags');
    expect((col?.choice as Json | undefined)?.displayAs).toBe('checkBoxes');
    const item = await call(h, demo.tom, `/sites/${h.siteId}/lists/${listId}/items`, post({ fields: { Title: 't', 'Tags@odata.type': 'Collection(Edm.String)', Tags: ['a', 'c'] } }));
    expect(item.status, JSON.stringify(item.json)).toBe(201);
    expect((item.json.fields as Json).Tags).toEqual(['a', 'c']);
  });
});
