import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startListsHarness, call, createList, demo, type ListsHarness, type Json } from './lists.testkit.js';
import { groupIdOf } from '../seed/tenant.js';

let h: ListsHarness;
beforeAll(async () => {
  h = await startListsHarness();
});
afterAll(() => h.emu.close());

const items = (listId: string) => `/sites/${h.siteId}/lists/${listId}/items`;
const post = (b: unknown): RequestInit => ({ method: 'POST', body: JSON.stringify(b) });
const patch = (b: unknown): RequestInit => ({ method: 'PATCH', body: JSON.stringify(b) });
const dev = (path: string, method: string, b?: unknown) =>
  fetch(`${h.emu.origin}/_dev/lists/${path}`, { method, headers: { 'content-type': 'application/json' }, body: b === undefined ? undefined : JSON.stringify(b) });

/** A list where staff hold only the custom "Add only" level and managers Full Control. */
async function addOnlyList(): Promise<string> {
  const listId = await createList(h);
  const r = await dev(`${listId}/permissions`, 'PUT', { grants: [{ group: 'SMS-AllStaff', level: 'add' }, { group: 'SMS-Managers', level: 'fullControl' }] });
  expect(r.status).toBe(200);
  return listId;
}

describe('the custom "Add only" permission level', () => {
  it('is accepted by the developer endpoint and shown back; an unknown level is refused', async () => {
    const listId = await addOnlyList();
    const shown = (await (await dev(`${listId}/permissions`, 'GET')).json()) as { grants: Json[] };
    expect(shown.grants).toContainEqual({ group: 'SMS-AllStaff', level: 'add' });
    expect((await dev(`${listId}/permissions`, 'PUT', { grants: [{ group: 'SMS-AllStaff', level: 'addOnly' }] })).status).toBe(400);
  });

  it('lets a user create and read items, stamped as theirs, but never update or delete one, even their own', async () => {
    const listId = await addOnlyList();
    const created = await call(h, demo.jack, items(listId), post({ fields: { Title: 'I have read it' } }));
    expect(created.status).toBe(201);
    expect((created.json.createdBy as Json).user).toMatchObject({ displayName: 'Jack Turner', email: demo.jack });
    const id = created.json.id as string;
    expect((await call(h, demo.jack, `${items(listId)}/${id}?$expand=fields`)).status).toBe(200);

    const viaFields = await call(h, demo.jack, `${items(listId)}/${id}/fields`, patch({ Title: 'Changed my mind' }));
    expect(viaFields.status).toBe(403);
    expect(viaFields.json.error?.code).toBe('accessDenied');
    expect((await call(h, demo.jack, `${items(listId)}/${id}`, patch({ fields: { Title: 'Changed' } }))).status).toBe(403);
    expect((await call(h, demo.jack, `${items(listId)}/${id}`, { method: 'DELETE' })).status).toBe(403);

    const after = await call(h, demo.tom, `${items(listId)}/${id}/fields`);
    expect(after.json.Title).toBe('I have read it');
    // Full Control still edits.
    expect((await call(h, demo.tom, `${items(listId)}/${id}/fields`, patch({ Title: 'Reviewed' }))).status).toBe(200);
  });

  it('keeps refusing updates with writeSecurity "own", where a Contribute user edits their own items', async () => {
    const listId = await addOnlyList();
    expect((await dev(`${listId}/settings`, 'PATCH', { writeSecurity: 'own' })).status).toBe(200);
    const mine = await call(h, demo.jack, items(listId), post({ fields: { Title: 'Mine' } }));
    expect(mine.status).toBe(201);
    expect((await call(h, demo.jack, `${items(listId)}/${mine.json.id as string}/fields`, patch({ Title: 'Still mine' }))).status).toBe(403);

    expect((await dev(`${listId}/permissions`, 'PUT', { grants: [{ group: 'SMS-AllStaff', level: 'contribute' }, { group: 'SMS-Managers', level: 'fullControl' }] })).status).toBe(200);
    expect((await call(h, demo.jack, `${items(listId)}/${mine.json.id as string}/fields`, patch({ Title: 'Still mine' }))).status).toBe(200);
    const toms = await call(h, demo.tom, items(listId), post({ fields: { Title: 'Tom' } }));
    expect((await call(h, demo.jack, `${items(listId)}/${toms.json.id as string}/fields`, patch({ Title: 'Not mine' }))).status).toBe(403);
  });

  it('applies inside $batch: the create succeeds, the update is refused', async () => {
    const listId = await addOnlyList();
    const url = `/sites/${h.siteId}/lists/${listId}/items`;
    const first = await call(h, demo.jack, '/$batch', post({
      requests: [{ id: '1', method: 'POST', url, headers: { 'content-type': 'application/json' }, body: { fields: { Title: 'Batched' } } }],
    }));
    expect(first.status).toBe(200);
    const createdInBatch = (first.json.responses as Json[])[0]!;
    expect(createdInBatch.status).toBe(201);
    const id = (createdInBatch.body as Json).id as string;
    const second = await call(h, demo.jack, '/$batch', post({
      requests: [
        { id: '1', method: 'PATCH', url: `${url}/${id}/fields`, headers: { 'content-type': 'application/json' }, body: { Title: 'Edited' } },
        { id: '2', method: 'DELETE', url: `${url}/${id}` },
      ],
    }));
    const statuses = Object.fromEntries((second.json.responses as Json[]).map((r) => [r.id, r.status]));
    expect(statuses).toEqual({ '1': 403, '2': 403 });
  });
});

describe('group grants reach members of nested groups', () => {
  it('gives a list grant to the members of a group nested in the granted group, and takes it back when the nesting goes', async () => {
    const listId = await createList(h);
    expect((await dev(`${listId}/permissions`, 'PUT', { grants: [{ group: 'SMS-InternalAuditors', level: 'read' }, { group: 'SMS-Managers', level: 'fullControl' }] })).status).toBe(200);
    // Aisha is an engineer, not an internal auditor.
    expect((await call(h, demo.aisha, items(listId))).status).toBe(403);

    const auditors = groupIdOf('SMS-InternalAuditors');
    const engineers = groupIdOf('Kestrel-Engineers');
    const nest = await call(h, demo.tom, `/groups/${auditors}/members/$ref`, post({ '@odata.id': `https://graph.microsoft.com/v1.0/directoryObjects/${engineers}` }));
    expect(nest.status).toBe(204);
    expect((await call(h, demo.aisha, items(listId))).status).toBe(200);
    const check = await call(h, demo.aisha, '/me/checkMemberGroups', post({ groupIds: [auditors] }));
    expect(check.json.value).toEqual([auditors]);

    expect((await call(h, demo.tom, `/groups/${auditors}/members/${engineers}/$ref`, { method: 'DELETE' })).status).toBe(204);
    expect((await call(h, demo.aisha, items(listId))).status).toBe(403);
    // A direct grant to the user still counts as before.
    expect((await dev(`${listId}/permissions`, 'PUT', { grants: [{ user: demo.aisha, level: 'read' }, { group: 'SMS-Managers', level: 'fullControl' }] })).status).toBe(200);
    expect((await call(h, demo.aisha, items(listId))).status).toBe(200);
  });
});
