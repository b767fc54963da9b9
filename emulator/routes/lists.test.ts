import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startListsHarness, call, createList, demo, type ListsHarness, type Json } from './lists.testkit.js';
import { siteUserLookupId, findListById, createItem } from '../services/lists.js';
import { findUser } from '../services/directory.js';
import { userIdOf } from '../seed/tenant.js';

let h: ListsHarness;
beforeAll(async () => {
  h = await startListsHarness();
});
afterAll(() => h.emu.close());

const lists = () => `/sites/${h.siteId}/lists`;
const items = (listId: string) => `/sites/${h.siteId}/lists/${listId}/items`;
const post = (b: unknown): RequestInit => ({ method: 'POST', body: JSON.stringify(b) });
const patch = (b: unknown, headers: Record<string, string> = {}): RequestInit => ({ method: 'PATCH', body: JSON.stringify(b), headers });

describe('lists', () => {
  it('creates a list with columns (201), finds it by id and by display name, and refuses a duplicate name', async () => {
    const r = await call(h, demo.tom, lists(), post({
      displayName: 'Risk Register',
      columns: [{ name: 'Owner', personOrGroup: {} }, { name: 'Score', number: {} }],
      list: { template: 'genericList' },
    }));
    expect(r.status).toBe(201);
    expect(r.json.displayName).toBe('Risk Register');
    expect((r.json.list as Json).template).toBe('genericList');
    const id = r.json.id as string;

    const byName = await call(h, demo.jack, `${lists()}/Risk Register?$expand=columns`);
    expect(byName.status).toBe(200);
    expect(byName.json.id).toBe(id);
    const names = (byName.json.columns as Json[]).map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['Title', 'Owner', 'Score']));

    const all = await call(h, demo.jack, lists());
    expect((all.json.value ?? []).map((l) => l.id)).toContain(id);

    const dup = await call(h, demo.tom, lists(), post({ displayName: 'Risk Register' }));
    expect(dup.status).toBe(409);
    expect(dup.json.error?.code).toBe('nameAlreadyExists');

    const named = await call(h, demo.tom, lists(), post({ name: 'Other', displayName: 'Other' }));
    expect(named.status).toBe(400);
  });

  it('needs Manage Lists (Edit) on the site and the Sites.Manage.All scope to create a list', async () => {
    const jack = await call(h, demo.jack, lists(), post({ displayName: 'Jack list' }));
    expect(jack.status).toBe(403);
    expect(jack.json.error?.code).toBe('accessDenied');
    const scoped = await call(h, demo.tom, lists(), { ...post({ displayName: 'Scoped list' }), scopes: ['Sites.ReadWrite.All'] });
    expect(scoped.status).toBe(403);
    expect(scoped.json.error?.code).toBe('accessDenied');
    const after = await call(h, demo.tom, lists());
    expect((after.json.value ?? []).map((l) => l.displayName)).not.toContain('Jack list');
  });

  it('pages the lists of a site with $top and a nextLink', async () => {
    await createList(h);
    await createList(h);
    const first = await call(h, demo.tom, `${lists()}?$top=2`);
    expect(first.json.value).toHaveLength(2);
    const next = first.json['@odata.nextLink'] as string;
    expect(next).toContain('$top=2');
    const second = await call(h, demo.tom, next);
    expect(second.status).toBe(200);
    const seen = [...(first.json.value ?? []), ...(second.json.value ?? [])].map((l) => l.id);
    expect(new Set(seen).size).toBe(seen.length);
  });
});

describe('columns', () => {
  it('creates each supported column type and returns the columnDefinition (201)', async () => {
    const listId = await createList(h);
    const target = await createList(h);
    const defs = [
      { name: 'Notes', text: { allowMultipleLines: true } },
      { name: 'Status', choice: { choices: ['Open', 'Closed'] }, indexed: true },
      { name: 'Score', number: { minimum: 0, maximum: 25 } },
      { name: 'DueDate', dateTime: {} },
      { name: 'Active', boolean: {} },
      { name: 'Owner', personOrGroup: {}, indexed: true },
      { name: 'Parent', lookup: { listId: target, columnName: 'Title' } },
    ];
    for (const d of defs) {
      const r = await call(h, demo.tom, `${lists()}/${listId}/columns`, post(d));
      expect(r.status, JSON.stringify(r.json)).toBe(201);
      expect(r.json.name).toBe(d.name);
      expect(r.json.id).toEqual(expect.any(String));
    }
    const cols = await call(h, demo.tom, `${lists()}/${listId}/columns`);
    expect((cols.json.value ?? []).map((c) => c.name)).toEqual(['Title', ...defs.map((d) => d.name)]);
  });

  it('refuses to index multi-value columns and to enforce unique values without an index', async () => {
    const listId = await createList(h);
    const cols = `${lists()}/${listId}/columns`;
    expect((await call(h, demo.tom, cols, post({ name: 'Body', text: { allowMultipleLines: true }, indexed: true }))).status).toBe(400);
    expect((await call(h, demo.tom, cols, post({ name: 'Tags', choice: { choices: ['a'], displayAs: 'checkBoxes' }, indexed: true }))).status).toBe(400);
    expect((await call(h, demo.tom, cols, post({ name: 'People', personOrGroup: { allowMultipleSelection: true }, indexed: true }))).status).toBe(400);
    expect((await call(h, demo.tom, cols, post({ name: 'Code', text: {}, enforceUniqueValues: true }))).status).toBe(400);
    expect((await call(h, demo.tom, cols, post({ name: 'Code', text: {}, enforceUniqueValues: true, indexed: true }))).status).toBe(201);
  });

  it('allows at most 20 indexed columns per list, and PATCH can move an index', async () => {
    const listId = await createList(h);
    const cols = `${lists()}/${listId}/columns`;
    const created: string[] = [];
    for (let i = 1; i <= 20; i++) {
      const r = await call(h, demo.tom, cols, post({ name: `Idx${i}`, text: {}, indexed: true }));
      expect(r.status).toBe(201);
      created.push(r.json.id as string);
    }
    const over = await call(h, demo.tom, cols, post({ name: 'Idx21', text: {}, indexed: true }));
    expect(over.status).toBe(400);
    expect(over.json.error?.message).toMatch(/20/);
    const plain = await call(h, demo.tom, cols, post({ name: 'Later', text: {} }));
    expect(plain.status).toBe(201);
    expect((await call(h, demo.tom, `${cols}/${plain.json.id as string}`, patch({ indexed: true }))).status).toBe(400);
    const dropped = await call(h, demo.tom, `${cols}/${created[0]!}`, patch({ indexed: false }));
    expect(dropped.status).toBe(200);
    expect(dropped.json.indexed).toBe(false);
    const moved = await call(h, demo.tom, `${cols}/Later`, patch({ indexed: true }));
    expect(moved.status).toBe(200);
    expect(moved.json.indexed).toBe(true);
  });

  it('needs Edit on the list to add a column', async () => {
    const listId = await createList(h);
    const r = await call(h, demo.priya, `${lists()}/${listId}/columns`, post({ name: 'X', text: {} }));
    expect(r.status).toBe(403);
    const cols = await call(h, demo.tom, `${lists()}/${listId}/columns`);
    expect((cols.json.value ?? []).map((c) => c.name)).not.toContain('X');
  });
});

describe('items', () => {
  let listId: string;
  beforeAll(async () => {
    const target = await createList(h);
    listId = await createList(h, [
      { name: 'Code', text: {}, indexed: true, enforceUniqueValues: true },
      { name: 'Status', choice: { choices: ['Open', 'Closed'] }, required: true },
      { name: 'Score', number: { minimum: 0, maximum: 25 } },
      { name: 'DueDate', dateTime: {} },
      { name: 'Active', boolean: {} },
      { name: 'Owner', personOrGroup: {} },
      { name: 'Parent', lookup: { listId: target, columnName: 'Title' } },
    ]);
  });

  it('creates an item (201) and returns it with Graph metadata and system fields', async () => {
    const priyaLookup = siteUserLookupId(h.emu.emulator.emu.db, h.siteId, userIdOf(demo.priya));
    const r = await call(h, demo.priya, items(listId), post({
      fields: { Title: 'First', Code: 'A-1', Status: 'Open', Score: 7, DueDate: '2030-01-31', Active: true, OwnerLookupId: priyaLookup },
    }));
    expect(r.status, JSON.stringify(r.json)).toBe(201);
    expect(r.json.id).toEqual(expect.any(String));
    expect(r.json['@odata.etag']).toBe(r.json.eTag);
    expect((r.json.createdBy as Json).user).toMatchObject({ displayName: 'Priya Nair', email: demo.priya });
    expect(r.json.webUrl).toMatch(/^https:\/\/kestrelms\.sharepoint\.com\/sites\/KestrelSMS\/Lists\//);
    expect((r.json.parentReference as Json).id).toBe(listId);
    expect((r.json.contentType as Json).name).toBe('Item');
    const f = r.json.fields as Json;
    expect(f).toMatchObject({ Title: 'First', Code: 'A-1', Status: 'Open', Score: 7, Active: true, OwnerLookupId: String(priyaLookup), ContentType: 'Item', _UIVersionString: '1.0' });
    expect(f.DueDate).toBe('2030-01-31T00:00:00Z');
    expect(f.id).toBe(r.json.id);
    expect(f.AuthorLookupId).toBe(String(priyaLookup));
    expect(f.Created).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);

    const got = await call(h, demo.jack, `${items(listId)}/${r.json.id as string}?$expand=fields`);
    expect(got.status).toBe(200);
    expect((got.json.fields as Json).Title).toBe('First');
    const fieldsOnly = await call(h, demo.jack, `${items(listId)}/${r.json.id as string}/fields`);
    expect(fieldsOnly.json.Code).toBe('A-1');
  });

  it('rejects unknown fields, missing required fields and invalid values with 400, and duplicates of a unique column with 409', async () => {
    const bad = async (fields: Json) => call(h, demo.priya, items(listId), post({ fields }));
    const unknown = await bad({ Title: 'x', Status: 'Open', Colour: 'red' });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error).toMatchObject({ code: 'invalidRequest' });
    expect(unknown.json.error?.message).toContain("Field 'Colour' is not recognized");
    expect((await bad({ Title: 'x' })).status).toBe(400); // Status is required
    expect((await bad({ Status: 'Open' })).status).toBe(400); // Title is required on generic lists
    expect((await bad({ Title: 'x', Status: 'Maybe' })).status).toBe(400);
    expect((await bad({ Title: 'x', Status: 'Open', Score: 'lots' })).status).toBe(400);
    expect((await bad({ Title: 'x', Status: 'Open', Score: 99 })).status).toBe(400);
    expect((await bad({ Title: 'x', Status: 'Open', Active: 'yes' })).status).toBe(400);
    expect((await bad({ Title: 'x', Status: 'Open', DueDate: 'tomorrow' })).status).toBe(400);
    expect((await bad({ Title: 'x', Status: 'Open', OwnerLookupId: 99999 })).status).toBe(400);
    expect((await bad({ Title: 'x', Status: 'Open', ParentLookupId: 12345 })).status).toBe(400);

    expect((await bad({ Title: 'u1', Status: 'Open', Code: 'UNIQ' })).status).toBe(201);
    const dup = await bad({ Title: 'u2', Status: 'Open', Code: 'uniq' });
    expect(dup.status).toBe(409);
    const other = await bad({ Title: 'u3', Status: 'Open', Code: 'OTHER' });
    const clash = await call(h, demo.priya, `${items(listId)}/${other.json.id as string}/fields`, patch({ Code: 'UNIQ' }));
    expect(clash.status).toBe(409);
    const cleared = await call(h, demo.priya, `${items(listId)}/${other.json.id as string}/fields`, patch({ Status: null }));
    expect(cleared.status).toBe(400);
  });

  it('unique columns: an item may keep its own value, case is ignored beyond ASCII, and numbers compare by value', async () => {
    const uniq = await createList(h, [
      { name: 'Ref', text: {}, indexed: true, enforceUniqueValues: true },
      { name: 'Seq', number: {}, indexed: true, enforceUniqueValues: true },
    ]);
    const made = await call(h, demo.priya, items(uniq), post({ fields: { Title: 'a', Ref: 'ÉTAPE-1', Seq: 3 } }));
    expect(made.status).toBe(201);
    const id = made.json.id as string;
    expect((await call(h, demo.priya, `${items(uniq)}/${id}/fields`, patch({ Ref: 'ÉTAPE-1', Seq: 3, Title: 'a2' }))).status).toBe(200);
    expect((await call(h, demo.priya, items(uniq), post({ fields: { Title: 'b', Ref: 'étape-1' } }))).status).toBe(409);
    expect((await call(h, demo.priya, items(uniq), post({ fields: { Title: 'c', Seq: 3 } }))).status).toBe(409);
    expect((await call(h, demo.priya, items(uniq), post({ fields: { Title: 'd', Ref: 'ÉTAPE-2', Seq: 4 } }))).status).toBe(201);
  });

  it('honours If-Match: a stale eTag gets 412 and changes nothing; the fresh one succeeds and returns the fieldValueSet', async () => {
    const c = await call(h, demo.priya, items(listId), post({ fields: { Title: 'Etag', Status: 'Open', Score: 1 } }));
    const id = c.json.id as string;
    const stale = c.json.eTag as string;
    const first = await call(h, demo.priya, `${items(listId)}/${id}/fields`, patch({ Score: 2 }, { 'if-match': stale }));
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ Title: 'Etag', Status: 'Open', Score: 2 });
    const conflict = await call(h, demo.priya, `${items(listId)}/${id}/fields`, patch({ Score: 3 }, { 'if-match': stale }));
    expect(conflict.status).toBe(412);
    const now = await call(h, demo.priya, `${items(listId)}/${id}?$expand=fields`);
    expect((now.json.fields as Json).Score).toBe(2);
    const fresh = now.json.eTag as string;
    expect(fresh).not.toBe(stale);
    const ok = await call(h, demo.priya, `${items(listId)}/${id}/fields`, patch({ Score: 3 }, { 'if-match': fresh }));
    expect(ok.status).toBe(200);
    expect(ok.json.Score).toBe(3);

    const viaItem = await call(h, demo.priya, `${items(listId)}/${id}`, patch({ fields: { Score: 4 } }));
    expect(viaItem.status).toBe(200);
    expect((viaItem.json.fields as Json).Score).toBe(4);

    const del = await call(h, demo.priya, `${items(listId)}/${id}`, { method: 'DELETE', headers: { 'if-match': fresh } });
    expect(del.status).toBe(412);
    const del2 = await call(h, demo.priya, `${items(listId)}/${id}`, { method: 'DELETE', headers: { 'if-match': viaItem.json.eTag as string } });
    expect(del2.status).toBe(204);
    expect((await call(h, demo.priya, `${items(listId)}/${id}`)).status).toBe(404);
  });

  it('returns only the selected fields with fields($select=...)', async () => {
    const c = await call(h, demo.priya, items(listId), post({ fields: { Title: 'Sel', Status: 'Closed', Score: 5 } }));
    const r = await call(h, demo.jack, `${items(listId)}/${c.json.id as string}?$expand=fields($select=Title,Score)`);
    expect(r.json.fields).toEqual({ '@odata.etag': c.json.eTag, Title: 'Sel', Score: 5 });
    const list = await call(h, demo.jack, `${items(listId)}?$expand=fields($select=Status)&$select=id,eTag`);
    const mine = (list.json.value ?? []).find((i) => i.id === c.json.id);
    expect(mine?.fields).toEqual({ '@odata.etag': c.json.eTag, Status: 'Closed' });
    expect(mine?.createdBy).toBeUndefined();
  });

  it('denies a write by a reader (403 accessDenied) and leaves the item unchanged', async () => {
    const c = await call(h, demo.priya, items(listId), post({ fields: { Title: 'Guarded', Status: 'Open' } }));
    const id = c.json.id as string;
    const upd = await call(h, demo.jack, `${items(listId)}/${id}/fields`, patch({ Title: 'Hacked' }));
    expect(upd.status).toBe(403);
    expect(upd.json.error?.code).toBe('accessDenied');
    const del = await call(h, demo.jack, `${items(listId)}/${id}`, { method: 'DELETE' });
    expect(del.status).toBe(403);
    const add = await call(h, demo.jack, items(listId), post({ fields: { Title: 'Jack', Status: 'Open' } }));
    expect(add.status).toBe(403);
    const readOnlyToken = await call(h, demo.tom, `${items(listId)}/${id}/fields`, { ...patch({ Title: 'Scope' }), scopes: ['Sites.Read.All'] });
    expect(readOnlyToken.status).toBe(403);
    expect(readOnlyToken.json.error?.code).toBe('accessDenied');
    expect((await call(h, demo.tom, `${items(listId)}/${id}`, { scopes: ['Sites.Read.All'] })).status).toBe(200);
    const after = await call(h, demo.priya, `${items(listId)}/${id}?$expand=fields`);
    expect((after.json.fields as Json).Title).toBe('Guarded');
    expect(after.json.eTag).toBe(c.json.eTag);
  });

  it('stamps createdBy and lastModifiedBy from the token and refuses writes to Author, Editor, Created and Modified', async () => {
    const c = await call(h, demo.priya, items(listId), post({ fields: { Title: 'Stamped', Status: 'Open' } }));
    const id = c.json.id as string;
    for (const field of ['Author', 'Editor', 'AuthorLookupId', 'EditorLookupId', 'Created', 'Modified']) {
      const forged = await call(h, demo.priya, `${items(listId)}/${id}/fields`, patch({ [field]: field.endsWith('d') && !field.endsWith('Id') ? '2020-01-01T00:00:00Z' : '1' }));
      expect(forged.status, field).toBe(400);
      expect(forged.json.error?.message, field).toBe(`Field '${field}' is read-only.`);
    }
    const onCreate = await call(h, demo.priya, items(listId), post({ fields: { Title: 'Backdated', Status: 'Open', Created: '2020-01-01T00:00:00Z' } }));
    expect(onCreate.status).toBe(400);
    await call(h, demo.tom, `${items(listId)}/${id}/fields`, patch({ Status: 'Closed' }));
    const after = await call(h, demo.jack, `${items(listId)}/${id}`);
    expect(((after.json.createdBy as Json).user as Json).displayName).toBe('Priya Nair');
    expect(((after.json.lastModifiedBy as Json).user as Json).displayName).toBe('Tom Whitaker');
  });

  it('keeps a version per update with the fields as they were', async () => {
    const c = await call(h, demo.priya, items(listId), post({ fields: { Title: 'V', Status: 'Open', Score: 1 } }));
    const id = c.json.id as string;
    await call(h, demo.priya, `${items(listId)}/${id}/fields`, patch({ Score: 2 }));
    await call(h, demo.tom, `${items(listId)}/${id}/fields`, patch({ Status: 'Closed' }));
    const v = await call(h, demo.jack, `${items(listId)}/${id}/versions`);
    expect(v.status).toBe(200);
    const vs = v.json.value ?? [];
    expect(vs.map((x) => x.id)).toEqual(['3.0', '2.0', '1.0']);
    expect(vs.map((x) => (x.fields as Json).Score)).toEqual([2, 2, 1]);
    expect(vs.map((x) => (x.fields as Json).Status)).toEqual(['Closed', 'Open', 'Open']);
    expect(((vs[0]!.lastModifiedBy as Json).user as Json).displayName).toBe('Tom Whitaker');
    const one = await call(h, demo.jack, `${items(listId)}/${id}/versions/2.0`);
    expect(one.status).toBe(200);
    expect((one.json.fields as Json).Score).toBe(2);
    expect((await call(h, demo.jack, `${items(listId)}/${id}/versions/9.0`)).status).toBe(404);
  });
});

describe('list settings and permissions (developer endpoints)', () => {
  const dev = (path: string, method: string, b: unknown) =>
    fetch(`${h.emu.origin}/_dev/lists/${path}`, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(b) });

  it("with writeSecurity 'own', Contribute users edit only their own items; Edit or higher edit any", async () => {
    const listId = await createList(h);
    expect((await dev(`${listId}/settings`, 'PATCH', { writeSecurity: 'own' })).status).toBe(200);
    const mine = await call(h, demo.priya, items(listId), post({ fields: { Title: 'Priya' } }));
    const omarEdit = await call(h, demo.omar, `${items(listId)}/${mine.json.id as string}/fields`, patch({ Title: 'Omar was here' }));
    expect(omarEdit.status).toBe(403);
    expect(omarEdit.json.error?.code).toBe('accessDenied');
    expect((await call(h, demo.omar, `${items(listId)}/${mine.json.id as string}`, { method: 'DELETE' })).status).toBe(403);
    const omars = await call(h, demo.omar, items(listId), post({ fields: { Title: 'Omar' } }));
    expect(omars.status).toBe(201);
    expect((await call(h, demo.omar, `${items(listId)}/${omars.json.id as string}/fields`, patch({ Title: 'Omar 2' }))).status).toBe(200);
    const tomEdit = await call(h, demo.tom, `${items(listId)}/${mine.json.id as string}/fields`, patch({ Title: 'Reviewed' }));
    expect(tomEdit.status).toBe(200);
    const after = await call(h, demo.priya, `${items(listId)}/${mine.json.id as string}/fields`);
    expect(after.json.Title).toBe('Reviewed');
  });

  it('unique list permissions replace the site grants until the list inherits again', async () => {
    const listId = await createList(h);
    const grants = await dev(`${listId}/permissions`, 'PUT', { grants: [{ group: 'SMS-AllStaff', level: 'contribute' }, { group: 'SMS-Managers', level: 'fullControl' }] });
    expect(grants.status).toBe(200);
    expect((await call(h, demo.jack, items(listId), post({ fields: { Title: 'Jack can' } }))).status).toBe(201);
    expect((await dev(`${listId}/permissions`, 'PUT', { grants: [{ group: 'SMS-Managers', level: 'fullControl' }] })).status).toBe(200);
    expect((await call(h, demo.jack, items(listId))).status).toBe(403);
    const visible = await call(h, demo.jack, lists());
    expect((visible.json.value ?? []).map((l) => l.id)).not.toContain(listId);
    expect((await dev(`${listId}/permissions`, 'PUT', { inherit: true })).status).toBe(200);
    expect((await call(h, demo.jack, items(listId))).status).toBe(200);
    expect((await call(h, demo.jack, items(listId), post({ fields: { Title: 'Jack cannot' } }))).status).toBe(403);
    expect((await dev(`${listId}/permissions`, 'PUT', { grants: [{ group: 'Nobody', level: 'read' }] })).status).toBe(400);
  });
});

describe('document libraries and list expansion', () => {
  it("lists a library's files as list items and refuses POST items on a library", async () => {
    const lib = await call(h, demo.jack, `${lists()}/Documents`);
    expect(lib.status).toBe(200);
    expect((lib.json.list as Json).template).toBe('documentLibrary');
    const { db } = h.emu.emulator.emu;
    const list = findListById(db, lib.json.id as string)!;
    // The drives routes create file items through the same service.
    createItem(db, list, { fields: { FileLeafRef: 'Policy.docx', Title: 'Policy' }, user: findUser(db, demo.tom)!, at: '2030-01-01T00:00:00Z', contentType: 'Document' });
    const r = await call(h, demo.jack, `${items(list.id)}?$expand=fields`);
    expect(r.status).toBe(200);
    const file = (r.json.value ?? []).find((i) => (i.fields as Json).FileLeafRef === 'Policy.docx');
    expect((file?.contentType as Json).name).toBe('Document');
    expect(file?.webUrl).toBe('https://kestrelms.sharepoint.com/sites/KestrelSMS/Shared%20Documents/Policy.docx');
    const refused = await call(h, demo.tom, items(list.id), post({ fields: { Title: 'Not a file' } }));
    expect(refused.status).toBe(400);
  });

  it('expands columns and items (with selected fields) on GET list', async () => {
    const listId = await createList(h, [{ name: 'Colour', text: {} }]);
    await call(h, demo.tom, items(listId), post({ fields: { Title: 'Widget', Colour: 'Blue' } }));
    const r = await call(h, demo.jack, `${lists()}/${listId}?$select=id,name&$expand=columns($select=name),items($expand=fields($select=Colour))`);
    expect(r.status).toBe(200);
    expect(r.json.displayName).toBeUndefined();
    expect((r.json.columns as Json[]).map((c) => c.name)).toEqual(['Title', 'Colour']);
    const first = (r.json.items as Json[])[0]!;
    expect(first.fields).toMatchObject({ Colour: 'Blue' });
    expect((first.fields as Json).Title).toBeUndefined();
  });
});

describe('User Information List', () => {
  it('maps a user to the site lookup id that person columns take', async () => {
    const r = await call(
      h,
      demo.jack,
      `${lists()}/User Information List/items?$expand=fields($select=Title,EMail,UserName)&$filter=${encodeURIComponent(`fields/EMail eq '${demo.priya}'`)}`,
      { headers: { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' } },
    );
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect(r.json.value).toHaveLength(1);
    const entry = r.json.value![0]!;
    expect(entry.fields).toMatchObject({ Title: 'Priya Nair', EMail: demo.priya, UserName: demo.priya });

    const listId = await createList(h, [{ name: 'Owner', personOrGroup: {} }]);
    const c = await call(h, demo.tom, items(listId), post({ fields: { Title: 'Owned', OwnerLookupId: entry.id } }));
    expect(c.status).toBe(201);
    expect((c.json.fields as Json).OwnerLookupId).toBe(entry.id);
  });
});
