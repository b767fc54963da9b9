import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestEmulator, demo, type TestEmulator } from '../../tests/support/emulator.js';
import { findSiteByPath, type SiteRow } from '../services/siteStore.js';
import { groupIdOf, SMS_GROUP } from '../seed/tenant.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let emu: TestEmulator;
let site: SiteRow;
let driveId: string;

/** Deterministic test bytes. */
const bytesOf = (n: number, seed = 1): Uint8Array => {
  const b = new Uint8Array(n);
  for (let i = 0; i < n; i++) b[i] = (i * 31 + seed * 7) % 251;
  return b;
};

/** Byte-for-byte equality (vitest's deep equality is slow on megabyte arrays). */
function expectSameBytes(actual: ArrayBuffer | Uint8Array, expected: Uint8Array): void {
  const a = Buffer.from(actual instanceof Uint8Array ? actual : new Uint8Array(actual));
  expect(a.length).toBe(expected.length);
  expect(a.equals(Buffer.from(expected))).toBe(true);
}

async function json(res: Response): Promise<Json> {
  return (await res.json()) as Json;
}

function put(upn: string, path: string, body: Uint8Array | string, headers: Record<string, string> = {}) {
  return emu.graph(upn, path, { method: 'PUT', body: body as BodyInit, headers: { 'content-type': 'application/octet-stream', ...headers } });
}

async function download(upn: string, itemPath: string, range?: string): Promise<Response> {
  const res = await emu.graph(upn, `${itemPath}/content`, { redirect: 'manual' });
  expect(res.status).toBe(302);
  const location = res.headers.get('location');
  expect(location).toBeTruthy();
  return fetch(location!, { headers: range ? { range } : {} });
}

beforeAll(async () => {
  emu = await startTestEmulator();
  site = findSiteByPath(emu.emulator.emu.db, '/sites/KestrelSMS')!;
  const res = await emu.graph(demo.priya, `/sites/${site.id}/drive`);
  driveId = (await json(res)).id;
});
afterAll(() => emu.close());

describe('drives of sites and groups', () => {
  it('finds the default Documents library by site, group, list and id', async () => {
    const list = await json(await emu.graph(demo.jack, `/sites/${site.id}/drives`));
    expect(list['@odata.context']).toMatch(/\$metadata#drives$/);
    const docs = list.value.find((d: Json) => d.name === 'Documents');
    expect(docs.id).toBe(driveId);
    expect(docs.driveType).toBe('documentLibrary');
    expect(docs.id).toMatch(/^b!/);

    const byGroup = await json(await emu.graph(demo.jack, `/groups/${groupIdOf(SMS_GROUP)}/drive`));
    expect(byGroup.id).toBe(driveId);
    expect(byGroup.owner.group.displayName).toBe(SMS_GROUP);

    const byId = await json(await emu.graph(demo.jack, `/drives/${driveId}`));
    expect(byId.webUrl).toBe(docs.webUrl);

    const lists = await emu.graph(demo.jack, `/sites/${site.id}/lists/Documents/drive`);
    expect(lists.status).toBe(200);
    expect((await json(lists)).id).toBe(driveId);
  });

  it('returns the root folder of a drive', async () => {
    await put(demo.priya, `/drives/${driveId}/root:/root-test.txt:/content`, 'x');
    const res = await emu.graph(demo.jack, `/drives/${driveId}/root`);
    expect(res.status).toBe(200);
    const root = await json(res);
    expect(root['@odata.context']).toContain('/$metadata#drives(');
    expect(root.root).toEqual({});
    expect(root.name).toBe('root');
    expect(root.folder.childCount).toBeGreaterThanOrEqual(1);
    const byId = await json(await emu.graph(demo.jack, `/drives/${driveId}/items/${root.id}`));
    expect(byId.id).toBe(root.id);
  });

  it('answers 404 itemNotFound for an unknown drive', async () => {
    const res = await emu.graph(demo.jack, '/drives/b!nothing-here');
    expect(res.status).toBe(404);
    expect((await json(res)).error.code).toBe('itemNotFound');
  });
});

describe('simple upload and download', () => {
  it('uploads a small file (201) and downloads the same bytes through a 302 to a pre-authenticated URL', async () => {
    const bytes = bytesOf(5000, 3);
    const res = await put(demo.priya, `/drives/${driveId}/root:/Policies/Access Control.pdf:/content`, bytes, { 'content-type': 'text/plain' });
    expect(res.status).toBe(201);
    const item = await json(res);
    expect(item.name).toBe('Access Control.pdf');
    expect(item.size).toBe(5000);
    expect(item.file.mimeType).toBe('application/pdf');
    expect(item.file.hashes.quickXorHash).toMatch(/^[A-Za-z0-9+/]{27}=$/);
    expect(item.id).toMatch(/^01[A-Z2-7]{32}$/);
    expect(item.eTag).toMatch(/^"\{[0-9A-F-]{36}\},\d+"$/);
    expect(item.parentReference.driveId).toBe(driveId);
    expect(item.parentReference.driveType).toBe('documentLibrary');
    expect(item.parentReference.path).toBe(`/drives/${driveId}/root:/Policies`);
    expect(item.createdBy.user.email).toBe(demo.priya);

    const dl = await download(demo.jack, `/drives/${driveId}/items/${item.id}`);
    expect(dl.status).toBe(200);
    expect(dl.headers.get('content-type')).toBe('application/pdf');
    expectSameBytes(await dl.arrayBuffer(), bytes);

    // The download URL works without a token and is also on the item.
    const again = await json(await emu.graph(demo.jack, `/drives/${driveId}/items/${item.id}`));
    const direct = await fetch(again['@microsoft.graph.downloadUrl']);
    expectSameBytes(await direct.arrayBuffer(), bytes);
  });

  it('honours Range on the download URL with 206 and Content-Range', async () => {
    const bytes = bytesOf(4096, 9);
    const item = await json(await put(demo.priya, `/drives/${driveId}/root:/range.bin:/content`, bytes));
    const dl = await download(demo.priya, `/drives/${driveId}/items/${item.id}`, 'bytes=100-199');
    expect(dl.status).toBe(206);
    expect(dl.headers.get('content-range')).toBe('bytes 100-199/4096');
    expectSameBytes(await dl.arrayBuffer(), bytes.slice(100, 200));

    const tail = await download(demo.priya, `/drives/${driveId}/items/${item.id}`, 'bytes=-10');
    expect(tail.status).toBe(206);
    expectSameBytes(await tail.arrayBuffer(), bytes.slice(4086));
  });

  it('refuses a simple upload over 4 MB with 413 and creates nothing', async () => {
    const big = bytesOf(4 * 1024 * 1024 + 1);
    const res = await put(demo.priya, `/drives/${driveId}/root:/too-big.bin:/content`, big);
    expect(res.status).toBe(413);
    const body = await json(res);
    expect(body.error.code).toBe('invalidRequest');
    expect(body.error.innerError.code).toBe('maxFileSizeExceeded');
    expect((await emu.graph(demo.priya, `/drives/${driveId}/root:/too-big.bin`)).status).toBe(404);

    const exactly = await put(demo.priya, `/drives/${driveId}/root:/four-mb.bin:/content`, bytesOf(4 * 1024 * 1024));
    expect(exactly.status).toBe(201);
  });

  it('replaces content by id with 200 and a new eTag and cTag', async () => {
    const first = await json(await put(demo.priya, `/drives/${driveId}/root:/replace-me.txt:/content`, 'one'));
    const res = await put(demo.priya, `/drives/${driveId}/items/${first.id}/content`, 'two two');
    expect(res.status).toBe(200);
    const second = await json(res);
    expect(second.id).toBe(first.id);
    expect(second.size).toBe(7);
    expect(second.eTag).not.toBe(first.eTag);
    expect(second.cTag).not.toBe(first.cTag);
    const dl = await download(demo.priya, `/drives/${driveId}/items/${first.id}`);
    expect(await dl.text()).toBe('two two');
  });

  it('uploads below a folder by parent id and filename', async () => {
    const folder = await json(await emu.graph(demo.priya, `/drives/${driveId}/root/children`, {
      method: 'POST', body: JSON.stringify({ name: 'Upload Target', folder: {} }),
    }));
    const res = await put(demo.priya, `/drives/${driveId}/items/${folder.id}:/notes.txt:/content`, 'hello');
    expect(res.status).toBe(201);
    const byPath = await json(await emu.graph(demo.priya, `/drives/${driveId}/root:/Upload Target/notes.txt`));
    expect(byPath.size).toBe(5);
    expect(byPath.parentReference.id).toBe(folder.id);
  });
});

describe('upload sessions', () => {
  const MiB = 1024 * 1024;
  const FRAG = 320 * 1024;

  async function session(name: string, body: Json = {}): Promise<Json> {
    const res = await emu.graph(demo.priya, `/drives/${driveId}/root:/${name}:/createUploadSession`, { method: 'POST', body: JSON.stringify(body) });
    expect(res.status).toBe(200);
    return json(res);
  }
  const putRange = (url: string, bytes: Uint8Array, start: number, end: number, total: number) =>
    fetch(url, { method: 'PUT', body: bytes.slice(start, end + 1) as BodyInit, headers: { 'content-range': `bytes ${start}-${end}/${total}` } });

  it('takes a 1 MiB file in 320 KiB fragments: 202s with nextExpectedRanges, then 201 with the item', async () => {
    const data = bytesOf(MiB, 5);
    const s = await session('Big Manual.docx');
    expect(s.uploadUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    expect(Date.parse(s.expirationDateTime)).toBeGreaterThan(Date.now());
    let start = 0;
    const statuses: number[] = [];
    let last: Response | undefined;
    while (start < data.length) {
      const end = Math.min(start + FRAG, data.length) - 1;
      last = await putRange(s.uploadUrl, data, start, end, data.length);
      statuses.push(last.status);
      if (end + 1 < data.length) {
        expect((await json(last)).nextExpectedRanges).toEqual([`${end + 1}-`]);
      }
      start = end + 1;
    }
    expect(statuses).toEqual([202, 202, 202, 201]);
    const item = await json(last!);
    expect(item.name).toBe('Big Manual.docx');
    expect(item.size).toBe(MiB);
    const dl = await download(demo.priya, `/drives/${driveId}/items/${item.id}`);
    expectSameBytes(await dl.arrayBuffer(), data);
  });

  it('refuses bad fragments: out of order and overlap (416), a size that is not a multiple of 320 KiB (400)', async () => {
    const data = bytesOf(MiB, 6);
    const s = await session('fragments.bin');
    const outOfOrder = await putRange(s.uploadUrl, data, FRAG, 2 * FRAG - 1, data.length);
    expect(outOfOrder.status).toBe(416);
    expect((await json(outOfOrder)).error.code).toBe('invalidRange');

    const odd = await putRange(s.uploadUrl, data, 0, 1000, data.length);
    expect(odd.status).toBe(400);
    expect((await json(odd)).error.code).toBe('invalidRange');

    expect((await putRange(s.uploadUrl, data, 0, FRAG - 1, data.length)).status).toBe(202);
    const overlap = await putRange(s.uploadUrl, data, 0, FRAG - 1, data.length);
    expect(overlap.status).toBe(416);
    expect((await json(overlap)).error.innerError.code).toBe('fragmentOverlap');

    const status = await json(await fetch(s.uploadUrl));
    expect(status.nextExpectedRanges).toEqual([`${FRAG}-`]);
  });

  it('replaces an existing file through a session on its id (200, new version) and commits a deferred session with POST', async () => {
    const item = await json(await put(demo.priya, `/drives/${driveId}/root:/Session Target.bin:/content`, 'old'));
    const res = await emu.graph(demo.priya, `/drives/${driveId}/items/${item.id}/createUploadSession`, { method: 'POST' });
    expect(res.status).toBe(200);
    const s = await json(res);
    const data = bytesOf(1000, 8);
    const last = await putRange(s.uploadUrl, data, 0, 999, 1000);
    expect(last.status).toBe(200);
    expect((await json(last)).id).toBe(item.id);
    const versions = await json(await emu.graph(demo.priya, `/drives/${driveId}/items/${item.id}/versions`));
    expect(versions.value.map((v: Json) => v.id)).toEqual(['2.0', '1.0']);

    const folder = await json(await emu.graph(demo.priya, `/drives/${driveId}/root/children`, {
      method: 'POST', body: JSON.stringify({ name: 'Deferred', folder: {} }),
    }));
    const deferred = await json(await emu.graph(demo.priya, `/drives/${driveId}/items/${folder.id}:/later.bin:/createUploadSession`, {
      method: 'POST', body: JSON.stringify({ item: { name: 'later.bin' }, deferCommit: true }),
    }));
    const allBytes = await putRange(deferred.uploadUrl, data, 0, 999, 1000);
    expect(allBytes.status).toBe(202);
    expect((await emu.graph(demo.priya, `/drives/${driveId}/root:/Deferred/later.bin`)).status).toBe(404);
    const commit = await fetch(deferred.uploadUrl, { method: 'POST' });
    expect(commit.status).toBe(201);
    expect((await json(commit)).parentReference.id).toBe(folder.id);
  });

  it('cancels with DELETE (204); the session is then gone', async () => {
    const s = await session('cancel-me.bin');
    expect((await fetch(s.uploadUrl, { method: 'DELETE' })).status).toBe(204);
    const after = await putRange(s.uploadUrl, bytesOf(10), 0, 9, 10);
    expect(after.status).toBe(404);
  });

  it('rejects a bearer token on the pre-authenticated upload URL', async () => {
    const s = await session('no-token.bin');
    const res = await fetch(s.uploadUrl, {
      method: 'PUT', body: bytesOf(10) as BodyInit,
      headers: { 'content-range': 'bytes 0-9/10', authorization: `Bearer ${await emu.token(demo.priya)}` },
    });
    expect(res.status).toBe(401);
  });

  it('fails on a name clash: at creation (409 nameAlreadyExists) and at the last fragment (409 upload_name_conflict)', async () => {
    await put(demo.priya, `/drives/${driveId}/root:/clash.txt:/content`, 'x');
    const early = await emu.graph(demo.priya, `/drives/${driveId}/root:/clash.txt:/createUploadSession`, {
      method: 'POST', body: JSON.stringify({ item: { '@microsoft.graph.conflictBehavior': 'fail' } }),
    });
    expect(early.status).toBe(409);
    expect((await json(early)).error.code).toBe('nameAlreadyExists');

    const s = await session('late-clash.txt', { item: { '@microsoft.graph.conflictBehavior': 'fail' } });
    await put(demo.priya, `/drives/${driveId}/root:/late-clash.txt:/content`, 'someone was faster');
    const last = await putRange(s.uploadUrl, bytesOf(100), 0, 99, 100);
    expect(last.status).toBe(409);
    expect((await json(last)).error.code).toBe('upload_name_conflict');
    const kept = await download(demo.priya, `/drives/${driveId}/root:/late-clash.txt:`);
    expect(await kept.text()).toBe('someone was faster');
  });
});

describe('folders, paths and paging', () => {
  it('creates a folder (201) and applies conflictBehavior fail (409) and rename', async () => {
    const make = (behavior?: string) =>
      emu.graph(demo.priya, `/drives/${driveId}/root/children`, {
        method: 'POST',
        body: JSON.stringify({ name: 'Procedures', folder: {}, ...(behavior ? { '@microsoft.graph.conflictBehavior': behavior } : {}) }),
      });
    const first = await make('fail');
    expect(first.status).toBe(201);
    const folder = await json(first);
    expect(folder.folder.childCount).toBe(0);
    expect(folder.cTag).toBeUndefined();

    const clash = await make('fail');
    expect(clash.status).toBe(409);
    expect((await json(clash)).error.code).toBe('nameAlreadyExists');
    expect((await make()).status).toBe(409);

    const renamed = await make('rename');
    expect(renamed.status).toBe(201);
    expect((await json(renamed)).name).toBe('Procedures 1');
  });

  it('pages children with $top and an opaque nextLink, ordered by name', async () => {
    const parent = await json(await emu.graph(demo.priya, `/drives/${driveId}/root/children`, {
      method: 'POST', body: JSON.stringify({ name: 'Paging', folder: {} }),
    }));
    for (const n of ['c.txt', 'a.txt', 'e.txt', 'b.txt', 'd.txt']) {
      await put(demo.priya, `/drives/${driveId}/items/${parent.id}:/${n}:/content`, n);
    }
    const names: string[] = [];
    let url: string | undefined = `/drives/${driveId}/items/${parent.id}/children?$top=2&$orderby=name desc&$select=id,name`;
    let pages = 0;
    while (url) {
      const body = await json(await emu.graph(demo.jack, url));
      for (const v of body.value) {
        names.push(v.name);
        expect(v.size).toBeUndefined();
      }
      url = body['@odata.nextLink'];
      pages++;
    }
    expect(pages).toBe(3);
    expect(names).toEqual(['e.txt', 'd.txt', 'c.txt', 'b.txt', 'a.txt']);
    const folder = await json(await emu.graph(demo.jack, `/drives/${driveId}/items/${parent.id}`));
    expect(folder.folder.childCount).toBe(5);
  });

  it('renames and moves with PATCH, answers 412 to a stale If-Match and changes nothing', async () => {
    const file = await json(await put(demo.priya, `/drives/${driveId}/root:/draft-name.txt:/content`, 'abc'));
    const dest = await json(await emu.graph(demo.priya, `/drives/${driveId}/root/children`, {
      method: 'POST', body: JSON.stringify({ name: 'Archive', folder: {} }),
    }));
    const renamed = await emu.graph(demo.priya, `/drives/${driveId}/items/${file.id}`, {
      method: 'PATCH', headers: { 'if-match': file.eTag }, body: JSON.stringify({ name: 'final-name.txt', parentReference: { id: dest.id } }),
    });
    expect(renamed.status).toBe(200);
    const after = await json(renamed);
    expect(after.name).toBe('final-name.txt');
    expect(after.parentReference.id).toBe(dest.id);

    const stale = await emu.graph(demo.priya, `/drives/${driveId}/items/${file.id}`, {
      method: 'PATCH', headers: { 'if-match': file.eTag }, body: JSON.stringify({ name: 'lost-update.txt' }),
    });
    expect(stale.status).toBe(412);
    expect((await json(stale)).error.code).toBe('resourceModified');
    const now = await json(await emu.graph(demo.priya, `/drives/${driveId}/root:/Archive/final-name.txt`));
    expect(now.id).toBe(file.id);
  });

  it('deletes an item (204); it is then not found', async () => {
    const file = await json(await put(demo.priya, `/drives/${driveId}/root:/delete-me.txt:/content`, 'bye'));
    const del = await emu.graph(demo.priya, `/drives/${driveId}/items/${file.id}`, { method: 'DELETE' });
    expect(del.status).toBe(204);
    expect((await emu.graph(demo.priya, `/drives/${driveId}/items/${file.id}`)).status).toBe(404);
  });

  it('leaves no folders behind when an upload to a new path fails', async () => {
    const badName = await put(demo.priya, `/drives/${driveId}/root:/Made on the way/Deeper/bad*name.txt:/content`, 'x');
    expect(badName.status).toBe(400);
    expect((await emu.graph(demo.priya, `/drives/${driveId}/root:/Made on the way`)).status).toBe(404);

    const session = await emu.graph(demo.priya, `/drives/${driveId}/root:/Session folder/report.txt:/createUploadSession`, {
      method: 'POST',
      body: JSON.stringify({ item: { name: 'other-name.txt' } }),
    });
    expect(session.status).toBe(400);
    expect((await emu.graph(demo.priya, `/drives/${driveId}/root:/Session folder`)).status).toBe(404);

    const ok = await put(demo.priya, `/drives/${driveId}/root:/Made on the way/Deeper/good.txt:/content`, 'x');
    expect(ok.status).toBe(201);
    expect((await emu.graph(demo.priya, `/drives/${driveId}/root:/Made on the way/Deeper`)).status).toBe(200);
  });
});

describe('permissions', () => {
  it('gives a reader (Jack) 403 accessDenied on upload, and nothing changes', async () => {
    const file = await json(await put(demo.priya, `/drives/${driveId}/root:/read-only-for-jack.txt:/content`, 'original'));
    const before = await json(await emu.graph(demo.jack, `/drives/${driveId}/root/children?$top=1000`));

    const replace = await put(demo.jack, `/drives/${driveId}/items/${file.id}/content`, 'hacked');
    expect(replace.status).toBe(403);
    expect((await json(replace)).error.code).toBe('accessDenied');
    const create = await put(demo.jack, `/drives/${driveId}/root:/jack.txt:/content`, 'new');
    expect(create.status).toBe(403);
    const session = await emu.graph(demo.jack, `/drives/${driveId}/root:/jack-big.bin:/createUploadSession`, { method: 'POST', body: '{}' });
    expect(session.status).toBe(403);
    const folder = await emu.graph(demo.jack, `/drives/${driveId}/root/children`, { method: 'POST', body: JSON.stringify({ name: 'Jack', folder: {} }) });
    expect(folder.status).toBe(403);

    const after = await json(await emu.graph(demo.jack, `/drives/${driveId}/root/children?$top=1000`));
    expect(after.value.map((v: Json) => v.name)).toEqual(before.value.map((v: Json) => v.name));
    const dl = await download(demo.jack, `/drives/${driveId}/items/${file.id}`);
    expect(await dl.text()).toBe('original');
  });

  it('answers 403 when the token lacks a Files or Sites write scope', async () => {
    const res = await emu.graph(demo.priya, `/drives/${driveId}/root:/scoped.txt:/content`, {
      method: 'PUT', body: 'x', scopes: ['Files.Read.All'],
    });
    expect(res.status).toBe(403);
    const read = await emu.graph(demo.priya, `/drives/${driveId}/root/children`, { scopes: ['Files.Read.All'] });
    expect(read.status).toBe(200);
  });
});

describe('restart', () => {
  it('keeps files, versions, download URLs and upload sessions in the data file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sms365-drives-'));
    try {
      const first = await startTestEmulator({ dataDir: dir, reset: true });
      const firstSite = findSiteByPath(first.emulator.emu.db, '/sites/KestrelSMS')!;
      const d = (await json(await first.graph(demo.priya, `/sites/${firstSite.id}/drive`))).id;
      const file = (await (await first.graph(demo.priya, `/drives/${d}/root:/kept.txt:/content`, { method: 'PUT', body: 'one' })).json()) as Json;
      await first.graph(demo.priya, `/drives/${d}/items/${file.id}/content`, { method: 'PUT', body: 'two' });
      const dlUrl = new URL(((await json(await first.graph(demo.priya, `/drives/${d}/items/${file.id}`)))['@microsoft.graph.downloadUrl']) as string);
      const data = bytesOf(320 * 1024 + 10, 4);
      const s = await json(await first.graph(demo.priya, `/drives/${d}/root:/resumed.bin:/createUploadSession`, { method: 'POST', body: '{}' }));
      const upUrl = new URL(s.uploadUrl as string);
      const part1 = await fetch(upUrl, { method: 'PUT', body: data.slice(0, 320 * 1024) as BodyInit, headers: { 'content-range': `bytes 0-${320 * 1024 - 1}/${data.length}` } });
      expect(part1.status).toBe(202);
      await first.close();

      const second = await startTestEmulator({ dataDir: dir });
      try {
        const versions = await json(await second.graph(demo.jack, `/drives/${d}/items/${file.id}/versions`));
        expect(versions.value.map((v: Json) => v.id)).toEqual(['2.0', '1.0']);
        const again = await fetch(`${second.origin}${dlUrl.pathname}`);
        expect(await again.text()).toBe('two');
        const part2 = await fetch(`${second.origin}${upUrl.pathname}`, {
          method: 'PUT', body: data.slice(320 * 1024) as BodyInit, headers: { 'content-range': `bytes ${320 * 1024}-${data.length - 1}/${data.length}` },
        });
        expect(part2.status).toBe(201);
        const done = await json(part2);
        const dl = await second.graph(demo.priya, `/drives/${d}/items/${done.id}/content`);
        expectSameBytes(await dl.arrayBuffer(), data);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
