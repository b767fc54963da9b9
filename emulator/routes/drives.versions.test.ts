import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startTestEmulator, demo, type TestEmulator } from '../../tests/support/emulator.js';
import { findSiteByPath, type SiteRow } from '../services/siteStore.js';
import { createListIn } from '../services/listFactory.js';
import type { ListRow } from '../services/lists.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let emu: TestEmulator;
let site: SiteRow;
/** The site's default "Documents" library: major versions only. */
let docsDrive: string;
/** "SMS Documents": major and minor versions, a DocNumber column. */
let sms: ListRow;
let smsDrive: string;
/** "Controlled Records": minor versions and "require check out". */
let recordsDrive: string;

const json = async (res: Response): Promise<Json> => (await res.json()) as Json;

const put = (upn: string, path: string, body: string) =>
  emu.graph(upn, path, { method: 'PUT', body, headers: { 'content-type': 'text/plain' } });

const post = (upn: string, path: string, body?: unknown) =>
  emu.graph(upn, path, { method: 'POST', ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

/** Follows the 302 of a `…/content` request and returns the text of the file. */
async function contentOf(upn: string, path: string): Promise<{ status: number; text?: string }> {
  const res = await emu.graph(upn, path, { redirect: 'manual' });
  if (res.status !== 302) return { status: res.status };
  const file = await fetch(res.headers.get('location')!);
  return { status: file.status, text: await file.text() };
}

const labels = async (upn: string, itemPath: string): Promise<string[]> =>
  (await json(await emu.graph(upn, `${itemPath}/versions`))).value.map((v: Json) => v.id);

const publication = async (upn: string, itemPath: string): Promise<Json> =>
  (await json(await emu.graph(upn, `${itemPath}?$select=id,publication`))).publication;

beforeAll(async () => {
  emu = await startTestEmulator();
  const e = emu.emulator.emu;
  site = findSiteByPath(e.db, '/sites/KestrelSMS')!;
  docsDrive = (await json(await emu.graph(demo.priya, `/sites/${site.id}/drive`))).id;
  sms = createListIn(e, site, {
    displayName: 'SMS Documents',
    template: 'documentLibrary',
    settings: { enableMinorVersions: true },
    columns: [{
      id: 'c0ffee00-0000-4000-8000-000000000001',
      name: 'DocNumber',
      displayName: 'Document number',
      text: { allowMultipleLines: false, maxLength: 255 },
    }],
  });
  smsDrive = (await json(await emu.graph(demo.priya, `/sites/${site.id}/lists/${sms.id}/drive`))).id;
  const records = createListIn(e, site, { displayName: 'Controlled Records', template: 'documentLibrary', settings: { enableMinorVersions: true, requireCheckout: true } });
  recordsDrive = (await json(await emu.graph(demo.priya, `/sites/${site.id}/lists/${records.id}/drive`))).id;
});
afterAll(() => emu.close());

describe('versions', () => {
  it('lists versions newest first after three uploads, with size, author and time', async () => {
    const first = await json(await put(demo.priya, `/drives/${docsDrive}/root:/Service Catalogue.txt:/content`, 'v1'));
    await put(demo.tom, `/drives/${docsDrive}/items/${first.id}/content`, 'version two');
    await put(demo.priya, `/drives/${docsDrive}/items/${first.id}/content`, 'the third version');
    const res = await emu.graph(demo.jack, `/drives/${docsDrive}/items/${first.id}/versions`);
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body.value.map((v: Json) => v.id)).toEqual(['3.0', '2.0', '1.0']);
    expect(body.value.map((v: Json) => v.size)).toEqual([17, 11, 2]);
    expect(body.value[1].lastModifiedBy.user.displayName).toBe('Tom Whitaker');
    expect(body.value[0].lastModifiedBy.user.email).toBe(demo.priya);
    expect(Date.parse(body.value[0].lastModifiedDateTime)).toBeGreaterThanOrEqual(Date.parse(body.value[2].lastModifiedDateTime));

    const one = await json(await emu.graph(demo.jack, `/drives/${docsDrive}/items/${first.id}/versions/2.0`));
    expect(one.size).toBe(11);
    expect((await contentOf(demo.jack, `/drives/${docsDrive}/items/${first.id}/versions/1.0/content`)).text).toBe('v1');
    expect((await emu.graph(demo.jack, `/drives/${docsDrive}/items/${first.id}/versions/9.0`)).status).toBe(404);
  });

  it('restores a version as a NEW version with the old bytes and keeps history', async () => {
    const item = await json(await put(demo.priya, `/drives/${docsDrive}/root:/Restore Me.txt:/content`, 'original text'));
    const path = `/drives/${docsDrive}/items/${item.id}`;
    await put(demo.priya, `${path}/content`, 'edited text, longer');
    await put(demo.priya, `${path}/content`, 'edited again');

    const restore = await post(demo.priya, `${path}/versions/1.0/restoreVersion`);
    expect(restore.status).toBe(204);
    expect(await labels(demo.priya, path)).toEqual(['4.0', '3.0', '2.0', '1.0']);
    expect((await contentOf(demo.priya, `${path}/content`)).text).toBe('original text');
    expect((await contentOf(demo.priya, `${path}/versions/2.0/content`)).text).toBe('edited text, longer');
    expect((await contentOf(demo.priya, `${path}/versions/3.0/content`)).text).toBe('edited again');
    expect((await json(await emu.graph(demo.priya, path))).size).toBe('original text'.length);
  });
});

describe('check out and check in', () => {
  it('makes minor versions while checked out and a major one on checkin as published', async () => {
    const item = await json(await put(demo.priya, `/drives/${smsDrive}/root:/Change Policy.txt:/content`, 'draft 1'));
    const path = `/drives/${smsDrive}/items/${item.id}`;
    expect((await publication(demo.priya, path)).versionId).toBe('0.1');

    expect((await post(demo.priya, `${path}/checkout`)).status).toBe(204);
    const out = await publication(demo.priya, path);
    expect(out.level).toBe('checkout');
    expect(out.checkedOutBy.user.displayName).toBe('Priya Nair');
    await put(demo.priya, `${path}/content`, 'draft 2');
    expect((await post(demo.priya, `${path}/checkin`, { comment: 'second draft' })).status).toBe(204);
    expect(await publication(demo.priya, path)).toEqual({ level: 'published', versionId: '0.2' });

    await post(demo.priya, `${path}/checkout`);
    await put(demo.priya, `${path}/content`, 'draft 3');
    expect((await post(demo.priya, `${path}/checkin`, { comment: 'approved', checkInAs: 'published' })).status).toBe(204);
    expect((await publication(demo.priya, path)).versionId).toBe('1.0');
    expect(await labels(demo.priya, path)).toEqual(['1.0', '0.3', '0.2', '0.1']);
    expect((await contentOf(demo.priya, `${path}/versions/1.0/content`)).text).toBe('draft 3');

    await post(demo.priya, `${path}/checkout`);
    await put(demo.priya, `${path}/content`, 'minor edit');
    await post(demo.priya, `${path}/checkin`, { comment: 'typo', checkInAs: '' });
    expect((await publication(demo.priya, path)).versionId).toBe('1.1');
    expect(await labels(demo.priya, path)).toEqual(['1.1', '1.0', '0.3', '0.2', '0.1']);
  });

  it('locks a file checked out by someone else: 423 for their writes, nothing changes', async () => {
    const item = await json(await put(demo.priya, `/drives/${smsDrive}/root:/Locked.txt:/content`, 'mine'));
    const path = `/drives/${smsDrive}/items/${item.id}`;
    await post(demo.priya, `${path}/checkout`);

    const write = await put(demo.raj, `${path}/content`, 'theirs');
    expect(write.status).toBe(423);
    expect((await json(write)).error.innerError.code).toBe('resourceLocked');
    expect((await post(demo.raj, `${path}/checkout`)).status).toBe(423);
    const fields = await emu.graph(demo.raj, `${path}/listItem/fields`, { method: 'PATCH', body: JSON.stringify({ DocNumber: 'X' }) });
    expect(fields.status).toBe(423);
    expect((await emu.graph(demo.raj, path, { method: 'DELETE' })).status).toBe(423);
    expect((await contentOf(demo.priya, `${path}/content`)).text).toBe('mine');

    await post(demo.priya, `${path}/checkin`, {});
    expect((await put(demo.raj, `${path}/content`, 'theirs now')).status).toBe(200);
  });

  it('refuses content edits without check out in a library that requires it (423)', async () => {
    const res = await put(demo.priya, `/drives/${recordsDrive}/root:/Record.txt:/content`, 'first');
    expect(res.status).toBe(201);
    const item = await json(res);
    const path = `/drives/${recordsDrive}/items/${item.id}`;
    // A new upload stays checked out to its author until checked in.
    expect((await publication(demo.priya, path)).level).toBe('checkout');
    await post(demo.priya, `${path}/checkin`, { checkInAs: 'published' });

    const edit = await put(demo.priya, `${path}/content`, 'second');
    expect(edit.status).toBe(423);
    expect((await contentOf(demo.priya, `${path}/content`)).text).toBe('first');

    await post(demo.priya, `${path}/checkout`);
    expect((await put(demo.priya, `${path}/content`, 'second')).status).toBe(200);
  });
});

describe('draft item security', () => {
  it('shows a reader (Jack) only the last major version while a contributor (Priya) sees the draft', async () => {
    const item = await json(await put(demo.priya, `/drives/${smsDrive}/root:/Incident Procedure.txt:/content`, 'published text'));
    const path = `/drives/${smsDrive}/items/${item.id}`;
    await post(demo.priya, `${path}/checkout`);
    await post(demo.priya, `${path}/checkin`, { checkInAs: 'published' });
    await put(demo.priya, `${path}/content`, 'draft text, not yet approved');

    const priya = await json(await emu.graph(demo.priya, path));
    const jack = await json(await emu.graph(demo.jack, path));
    expect(priya.size).toBe('draft text, not yet approved'.length);
    expect(jack.size).toBe('published text'.length);
    expect(jack.file.hashes.quickXorHash).not.toBe(priya.file.hashes.quickXorHash);

    expect((await contentOf(demo.priya, `${path}/content`)).text).toBe('draft text, not yet approved');
    expect((await contentOf(demo.jack, `${path}/content`)).text).toBe('published text');
    // The download URL on the item Jack reads serves the published bytes too.
    expect(await (await fetch(jack['@microsoft.graph.downloadUrl'])).text()).toBe('published text');

    expect(await labels(demo.priya, path)).toEqual(['1.1', '1.0', '0.1']);
    expect(await labels(demo.jack, path)).toEqual(['1.0']);
    expect((await emu.graph(demo.jack, `${path}/versions/1.1`)).status).toBe(404);
    expect((await contentOf(demo.jack, `${path}/versions/0.1/content`)).status).toBe(404);

    const li = await json(await emu.graph(demo.jack, `${path}/listItem?$expand=fields`));
    expect(li.fields._UIVersionString).toBe('1.0');
    const liPriya = await json(await emu.graph(demo.priya, `${path}/listItem?$expand=fields`));
    expect(liPriya.fields._UIVersionString).toBe('1.1');
  });

  it('hides a never-published file from a reader (404) but not from a contributor', async () => {
    const item = await json(await put(demo.priya, `/drives/${smsDrive}/root:/Unpublished Draft.txt:/content`, 'secret draft'));
    const path = `/drives/${smsDrive}/items/${item.id}`;
    expect((await emu.graph(demo.priya, path)).status).toBe(200);
    const jack = await emu.graph(demo.jack, path);
    expect(jack.status).toBe(404);
    expect((await json(jack)).error.code).toBe('itemNotFound');
    expect((await emu.graph(demo.jack, `${path}/content`, { redirect: 'manual' })).status).toBe(404);
    expect((await emu.graph(demo.jack, `${path}/versions`)).status).toBe(404);
    expect((await emu.graph(demo.jack, `${path}/listItem`)).status).toBe(404);
    expect((await emu.graph(demo.jack, `/drives/${smsDrive}/root:/Unpublished Draft.txt`)).status).toBe(404);
    const children = await json(await emu.graph(demo.jack, `/drives/${smsDrive}/root/children?$top=1000`));
    expect(children.value.map((v: Json) => v.name)).not.toContain('Unpublished Draft.txt');
    const priyaChildren = await json(await emu.graph(demo.priya, `/drives/${smsDrive}/root/children?$top=1000`));
    expect(priyaChildren.value.map((v: Json) => v.name)).toContain('Unpublished Draft.txt');
  });
});

describe('the list item behind a file', () => {
  it('updates metadata columns through listItem/fields, honours If-Match, and shows them in the list', async () => {
    const item = await json(await put(demo.priya, `/drives/${smsDrive}/root:/Access Policy.txt:/content`, 'policy'));
    const path = `/drives/${smsDrive}/items/${item.id}`;
    const li = await json(await emu.graph(demo.priya, `${path}/listItem?$expand=fields`));
    expect(li.fields.FileLeafRef).toBe('Access Policy.txt');
    expect(li.contentType.name).toBe('Document');

    const res = await emu.graph(demo.priya, `${path}/listItem/fields`, {
      method: 'PATCH', headers: { 'if-match': li.eTag }, body: JSON.stringify({ DocNumber: 'SMS-POL-001', Title: 'Access Policy' }),
    });
    expect(res.status).toBe(200);
    const fields = await json(res);
    expect(fields.DocNumber).toBe('SMS-POL-001');
    // A property change makes a new (minor) version, keeping the bytes.
    expect(await labels(demo.priya, path)).toEqual(['0.2', '0.1']);
    expect((await contentOf(demo.priya, `${path}/content`)).text).toBe('policy');

    const stale = await emu.graph(demo.priya, `${path}/listItem/fields`, {
      method: 'PATCH', headers: { 'if-match': li.eTag }, body: JSON.stringify({ DocNumber: 'SMS-POL-999' }),
    });
    expect(stale.status).toBe(412);
    const unknown = await emu.graph(demo.priya, `${path}/listItem/fields`, { method: 'PATCH', body: JSON.stringify({ NoSuchColumn: 1 }) });
    expect(unknown.status).toBe(400);

    const items = await json(await emu.graph(demo.priya, `/sites/${site.id}/lists/${sms.id}/items?$expand=fields`));
    const row = items.value.find((v: Json) => v.id === li.id);
    expect(row.fields.DocNumber).toBe('SMS-POL-001');
    expect(row.fields.Title).toBe('Access Policy');
    expect(row.fields.FileLeafRef).toBe('Access Policy.txt');

    const viaDrive = await json(await emu.graph(demo.priya, `${path}?$expand=listItem($expand=fields($select=DocNumber))`));
    expect(viaDrive.listItem.fields.DocNumber).toBe('SMS-POL-001');
  });

  it('shows files and folders as items of the library list', async () => {
    const folder = await json(await post(demo.priya, `/drives/${smsDrive}/root/children`, { name: 'Registers', folder: {} }));
    await put(demo.priya, `/drives/${smsDrive}/items/${folder.id}:/Risk Register.txt:/content`, 'risks');
    const items = await json(await emu.graph(demo.priya, `/sites/${site.id}/lists/${sms.id}/items?$expand=fields&$top=500`));
    const byName = new Map(items.value.map((v: Json) => [v.fields.FileLeafRef, v]));
    expect((byName.get('Registers') as Json).contentType.name).toBe('Folder');
    expect((byName.get('Risk Register.txt') as Json).contentType.name).toBe('Document');
    const li = await json(await emu.graph(demo.priya, `/drives/${smsDrive}/root:/Registers/Risk Register.txt:/listItem`));
    expect(li.id).toBe((byName.get('Risk Register.txt') as Json).id);
  });
});
