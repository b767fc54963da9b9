import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startListsHarness, call, createList, demo, type ListsHarness, type Json } from './lists.testkit.js';
import { grant } from '../services/permissionStore.js';
import { userIdOf } from '../seed/tenant.js';

let h: ListsHarness;
beforeAll(async () => {
  h = await startListsHarness();
});
afterAll(() => h.emu.close());

const UIL = () => `/sites/${h.siteId}/lists/${encodeURIComponent('User Information List')}/items?$expand=fields($select=EMail,UserName)&$top=500`;
async function listedUpns(): Promise<string[]> {
  const r = await call(h, demo.tom, UIL());
  expect(r.status, JSON.stringify(r.json)).toBe(200);
  return (r.json.value ?? []).map((i) => String((i.fields as Json).UserName).toLowerCase());
}

describe('the User Information List holds only users who visited, were granted directly or were ensured', () => {
  it('leaves out members of groups with access until they make a request to the site', async () => {
    // Priya and Jack can read the SMS site through their groups (SMS-AllStaff) but have not opened it.
    const before = await listedUpns();
    expect(before).toContain(demo.tom);
    expect(before).not.toContain(demo.priya);
    expect(before).not.toContain(demo.jack);

    // So a person column cannot name Priya: there is no lookup id to write.
    const listId = await createList(h, [{ name: 'Approver', personOrGroup: {} }]);
    const items = `/sites/${h.siteId}/lists/${listId}/items`;
    const nextId = Math.max(0, ...(await call(h, demo.tom, UIL())).json.value!.map((i) => Number(i.id))) + 1;
    const refused = await call(h, demo.tom, items, { method: 'POST', body: JSON.stringify({ fields: { Title: 'x', ApproverLookupId: String(nextId) } }) });
    expect(refused.status).toBe(400);

    // Priya opens the site once: from then on she is a site user with a lookup id.
    expect((await call(h, demo.priya, `/sites/${h.siteId}`)).status).toBe(200);
    const after = await call(h, demo.tom, UIL());
    const priya = (after.json.value ?? []).find((i) => String((i.fields as Json).UserName).toLowerCase() === demo.priya);
    expect(priya).toBeDefined();
    const named = await call(h, demo.tom, items, { method: 'POST', body: JSON.stringify({ fields: { Title: 'y', ApproverLookupId: String(priya!.id) } }) });
    expect(named.status, JSON.stringify(named.json)).toBe(201);
    expect(await listedUpns()).not.toContain(demo.jack);
  });

  it('adds a user granted access to the site directly, without a visit', async () => {
    expect(await listedUpns()).not.toContain(demo.jack);
    grant(h.emu.emulator.emu.db, h.siteId, userIdOf(demo.jack), 'read');
    expect(await listedUpns()).toContain(demo.jack);
  });
});
