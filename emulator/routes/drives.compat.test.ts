import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startTestEmulator, demo, type TestEmulator } from '../../tests/support/emulator.js';
import { findSiteByPath } from '../services/siteStore.js';
import { findUser } from '../services/directory.js';

/**
 * Drive behaviour other Graph clients rely on (issue 10, items 7 and 8), over raw HTTP: path
 * addressing with encoded separators as the Kiota SDK sends it, driveItem delta (with
 * `token=latest`), `versions/current`, and the driveItem's `cTag` and `createdBy.user.id`.
 */
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let emu: TestEmulator;
let driveId: string;

const text = (s: string) => new TextEncoder().encode(s);
const json = async (res: Response): Promise<Json> => (await res.json()) as Json;

async function ok(res: Response | Promise<Response>, status = 200): Promise<Json> {
  const r = await res;
  const body = r.status === 204 ? {} : await json(r);
  expect(r.status, JSON.stringify(body)).toBe(status);
  return body;
}

function put(upn: string, path: string, body: string) {
  return emu.graph(upn, path, { method: 'PUT', body: text(body) as BodyInit, headers: { 'content-type': 'text/plain' } });
}

beforeAll(async () => {
  emu = await startTestEmulator();
  const site = findSiteByPath(emu.emulator.emu.db, '/sites/KestrelSMS')!;
  driveId = (await ok(emu.graph(demo.priya, `/sites/${site.id}/drive`))).id;
});
afterAll(() => emu.close());

describe('path addressing with encoded separators (Kiota: /items/root%3A%2F<path>%3A)', () => {
  it('uploads, reads, downloads, lists versions and deletes through the encoded form', async () => {
    const enc = `/drives/${driveId}/items/root%3A%2FKiota%20Folder%2Fnotes.txt%3A`;
    const created = await ok(put(demo.priya, `${enc}/content`, 'first'), 201);
    expect(created).toMatchObject({ name: 'notes.txt', parentReference: { path: `/drives/${driveId}/root:/Kiota Folder` } });

    const plain = await ok(emu.graph(demo.priya, `/drives/${driveId}/root:/Kiota Folder/notes.txt`));
    expect(plain.id).toBe(created.id);
    expect((await ok(emu.graph(demo.priya, enc))).id).toBe(created.id);

    await ok(put(demo.priya, `${enc}/content`, 'second'), 200);
    const versions = await ok(emu.graph(demo.priya, `${enc}/versions`));
    expect(versions.value.map((v: Json) => v.id)).toEqual(['2.0', '1.0']);

    const redirect = await emu.graph(demo.priya, `${enc}/content`, { redirect: 'manual' });
    expect(redirect.status).toBe(302);
    expect(await (await fetch(redirect.headers.get('location')!)).text()).toBe('second');

    const parent = `/drives/${driveId}/items/root%3A%2FKiota%20Folder%3A`;
    expect((await ok(emu.graph(demo.priya, `${parent}/children`))).value.map((c: Json) => c.name)).toEqual(['notes.txt']);
    const session = await ok(emu.graph(demo.priya, `/drives/${driveId}/items/root%3A%2FKiota%20Folder%2Fbig.txt%3A/createUploadSession`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } }));
    expect(session.uploadUrl).toMatch(/\/_upload\//);

    await ok(emu.graph(demo.priya, enc, { method: 'DELETE' }), 204);
    expect((await emu.graph(demo.priya, `/drives/${driveId}/root:/Kiota Folder/notes.txt`)).status).toBe(404);
  });

  it('addresses a path below an item id the same way (/items/{id}%3A%2F<name>%3A)', async () => {
    const folder = await ok(emu.graph(demo.priya, `/drives/${driveId}/root/children`, { method: 'POST', body: JSON.stringify({ name: 'Below Id', folder: {} }), headers: { 'content-type': 'application/json' } }), 201);
    const file = await ok(put(demo.priya, `/drives/${driveId}/items/${folder.id}%3A%2Fa.txt%3A/content`, 'x'), 201);
    expect(file.parentReference.id).toBe(folder.id);
    expect((await ok(emu.graph(demo.priya, `/sites/${encodeURIComponent(file.parentReference.siteId)}/drive/items/${folder.id}%3A%2Fa.txt%3A`))).id).toBe(file.id);
  });
});

describe('uploads to a library with required columns', () => {
  it('keeps the new file checked out and visible to the uploader only until the columns are set and it is checked in', async () => {
    const site = findSiteByPath(emu.emulator.emu.db, '/sites/KestrelSMS')!;
    const list = await ok(
      emu.graph(demo.tom, `/sites/${site.id}/lists`, {
        method: 'POST',
        body: JSON.stringify({ displayName: 'Required Column Library', list: { template: 'documentLibrary' }, columns: [{ name: 'Category', text: {}, required: true }] }),
      }),
      201,
    );
    const drive = (await ok(emu.graph(demo.tom, `/sites/${site.id}/lists/${list.id}/drive`))).id as string;
    const file = await ok(put(demo.priya, `/drives/${drive}/root:/needs-category.txt:/content`, 'body'), 201);
    const item = `/drives/${drive}/items/${file.id}`;

    expect((await ok(emu.graph(demo.priya, `${item}?$select=id,publication`))).publication).toMatchObject({ level: 'checkout' });
    for (const other of [demo.raj, demo.tom]) {
      expect((await emu.graph(other, item)).status).toBe(404);
      expect((await ok(emu.graph(other, `/drives/${drive}/root/children`))).value).toEqual([]);
      expect((await ok(emu.graph(other, `/sites/${site.id}/lists/${list.id}/items`))).value).toEqual([]);
    }
    const refused = await emu.graph(demo.priya, `${item}/checkin`, { method: 'POST', body: '{}' });
    expect(refused.status).toBe(400);

    await ok(emu.graph(demo.priya, `${item}/listItem/fields`, { method: 'PATCH', body: JSON.stringify({ Category: 'Policy' }) }));
    expect((await emu.graph(demo.raj, item)).status).toBe(404);
    await ok(emu.graph(demo.priya, `${item}/checkin`, { method: 'POST', body: JSON.stringify({ comment: 'filled' }) }), 204);
    expect((await ok(emu.graph(demo.raj, `${item}?$select=id,publication`))).publication).toMatchObject({ level: 'published' });
  });

  it('answers the first metadata PATCH after an upload with 409 resourceModified when the fault knob asks for it', async () => {
    emu.emulator.emu.faults.update({ resourceModifiedAfterUpload: 1 });
    const file = await ok(put(demo.priya, `/drives/${driveId}/root:/fresh-upload.txt:/content`, 'x'), 201);
    const fields = `/drives/${driveId}/items/${file.id}/listItem/fields`;
    const first = await emu.graph(demo.priya, fields, { method: 'PATCH', body: JSON.stringify({ Title: 'Fresh' }) });
    expect(first.status).toBe(409);
    expect((await json(first)).error.code).toBe('resourceModified');
    expect((await ok(emu.graph(demo.priya, fields, { method: 'PATCH', body: JSON.stringify({ Title: 'Fresh' }) }))).Title).toBe('Fresh');
    const later = await ok(put(demo.priya, `/drives/${driveId}/root:/later-upload.txt:/content`, 'y'), 201);
    await ok(emu.graph(demo.priya, `/drives/${driveId}/items/${later.id}/listItem/fields`, { method: 'PATCH', body: JSON.stringify({ Title: 'Later' }) }));
  });
});

describe('driveItem properties (resources/driveitem: cTag, createdBy)', () => {
  it('gives a file a cTag that changes with its content only, and its creator’s Entra id', async () => {
    const item = await ok(put(demo.priya, `/drives/${driveId}/root:/ctag.txt:/content`, 'one'), 201);
    const priya = findUser(emu.emulator.emu.db, demo.priya)!;
    expect(item.createdBy.user).toMatchObject({ id: priya.id, displayName: priya.displayName });
    expect(item.cTag).toMatch(/^"c:\{[0-9A-F-]{36}\},\d+"$/);

    const renamed = await ok(emu.graph(demo.priya, `/drives/${driveId}/items/${item.id}`, { method: 'PATCH', body: JSON.stringify({ name: 'ctag-renamed.txt' }), headers: { 'content-type': 'application/json' } }));
    expect(renamed.cTag).toBe(item.cTag);
    expect(renamed.eTag).not.toBe(item.eTag);

    const replaced = await ok(put(demo.raj, `/drives/${driveId}/items/${item.id}/content`, 'two'));
    expect(replaced.cTag).not.toBe(item.cTag);
    expect(replaced.createdBy.user.id).toBe(priya.id);
    expect(replaced.lastModifiedBy.user.id).toBe(findUser(emu.emulator.emu.db, demo.raj)!.id);
    const selected = await ok(emu.graph(demo.jack, `/drives/${driveId}/items/${item.id}?$select=cTag,createdBy`));
    expect(Object.keys(selected).sort()).toEqual(['@odata.context', 'cTag', 'createdBy', 'id']);
  });
});

describe('versions/current (driveitemversion-get)', () => {
  it('answers the version of the file the caller sees', async () => {
    const item = await ok(put(demo.priya, `/drives/${driveId}/root:/current.txt:/content`, 'one'), 201);
    await ok(put(demo.priya, `/drives/${driveId}/items/${item.id}/content`, 'two!'));
    const current = await ok(emu.graph(demo.jack, `/drives/${driveId}/items/${item.id}/versions/current`));
    expect(current).toMatchObject({ id: '2.0', size: 4, lastModifiedBy: { user: { displayName: expect.any(String) } } });
    expect(current['@odata.context']).toMatch(/\/versions\/\$entity$/);
    expect((await emu.graph(demo.jack, `/drives/${driveId}/items/${item.id}/versions/9.0`)).status).toBe(404);
  });
});

describe('older versions from a browser origin (driveitemversion-get-contents)', () => {
  it('answers 302 with a download URL that serves a simple GET but refuses the CORS preflight a followed redirect needs', async () => {
    const origin = 'http://localhost:5173';
    const item = await ok(put(demo.priya, `/drives/${driveId}/root:/browser-versions.txt:/content`, 'old bytes'), 201);
    await ok(put(demo.priya, `/drives/${driveId}/items/${item.id}/content`, 'new bytes'));
    const res = await emu.graph(demo.jack, `/drives/${driveId}/items/${item.id}/versions/1.0/content`, { redirect: 'manual', headers: { Origin: origin } });
    expect(res.status).toBe(302);
    expect(res.headers.get('access-control-expose-headers')).toMatch(/location/);
    const location = res.headers.get('location')!;
    const preflight = await fetch(location, { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization' } });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const simple = await fetch(location, { headers: { Origin: origin } });
    expect(simple.headers.get('access-control-allow-origin')).toBe(origin);
    expect(await simple.text()).toBe('old bytes');
  });
});

describe('driveItem delta (driveitem-delta)', () => {
  it('enumerates the drive, then reports only what changed after the deltaLink, deletions included', async () => {
    const first = await ok(emu.graph(demo.priya, `/drives/${driveId}/root/delta`));
    let page = first;
    const seen: Json[] = [...page.value];
    while (page['@odata.nextLink']) {
      page = await ok(emu.graph(demo.priya, page['@odata.nextLink']));
      seen.push(...page.value);
    }
    expect(seen[0]).toMatchObject({ root: {}, folder: expect.any(Object) });
    expect(seen.some((i) => i.name === 'current.txt')).toBe(true);
    const deltaLink = page['@odata.deltaLink'] as string;
    expect(deltaLink).toMatch(new RegExp(`/drives/${driveId.replace(/[!]/g, '\\!')}/root/delta\\?token=`));

    const added = await ok(put(demo.priya, `/drives/${driveId}/root:/delta-new.txt:/content`, 'new'), 201);
    const doomed = await ok(put(demo.priya, `/drives/${driveId}/root:/delta-doomed.txt:/content`, 'bye'), 201);
    await ok(emu.graph(demo.priya, `/drives/${driveId}/items/${doomed.id}`, { method: 'DELETE' }), 204);

    const changes = await ok(emu.graph(demo.priya, deltaLink));
    expect(changes.value.find((i: Json) => i.id === added.id)).toMatchObject({ name: 'delta-new.txt', file: expect.any(Object), cTag: added.cTag });
    expect(changes.value.find((i: Json) => i.id === doomed.id)).toMatchObject({ deleted: { state: 'deleted' } });
    expect(changes.value.some((i: Json) => i.name === 'current.txt')).toBe(false);
    expect(changes['@odata.deltaLink']).toBeTruthy();
  });

  it('token=latest returns no items and a deltaLink from which later changes are reported', async () => {
    const latest = await ok(emu.graph(demo.priya, `/drives/${driveId}/root/delta?token=latest`));
    expect(latest.value).toEqual([]);
    expect(latest['@odata.nextLink']).toBeUndefined();
    const after = await ok(put(demo.priya, `/drives/${driveId}/root:/after-latest.txt:/content`, 'x'), 201);
    const changes = await ok(emu.graph(demo.priya, latest['@odata.deltaLink']));
    expect(changes.value.map((i: Json) => i.id)).toEqual([after.id]);
  });

  it('pages with $top: the root first, then the items, each page with a nextLink until the deltaLink', async () => {
    const pageOne = await ok(emu.graph(demo.jack, `/drives/${driveId}/root/delta?$top=1`));
    expect(pageOne.value).toEqual([expect.objectContaining({ root: {} })]);
    expect(pageOne['@odata.deltaLink']).toBeUndefined();
    const pageTwo = await ok(emu.graph(demo.jack, pageOne['@odata.nextLink']));
    expect(pageTwo.value).toHaveLength(1);
    expect(pageTwo.value[0].root).toBeUndefined();
    expect(pageTwo['@odata.nextLink']).toMatch(/root\/delta\?token=/);
  });
});
