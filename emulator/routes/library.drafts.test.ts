import { describe, it, expect, beforeAll, afterAll, vi } from 'vitest';
import { startTestEmulator, demo, type TestEmulator } from '../../tests/support/emulator.js';
import { findSiteByPath, type SiteRow } from '../services/siteStore.js';
import { createListIn } from '../services/listFactory.js';
import type { ListRow } from '../services/lists.js';

/**
 * Draft item security through the LIST API: a reader of a library with minor versions must not
 * reach drafts through /sites/{s}/lists/{l}/items either (SharePoint applies it to the item, not
 * to one API).
 */
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const json = async (res: Response): Promise<Json> => (await res.json()) as Json;

let emu: TestEmulator;
let site: SiteRow;
let lib: ListRow;
let drive: string;
let itemsPath: string;

beforeAll(async () => {
  emu = await startTestEmulator();
  site = findSiteByPath(emu.emulator.emu.db, '/sites/KestrelSMS')!;
  lib = createListIn(emu.emulator.emu, site, { displayName: 'SMS Documents', template: 'documentLibrary', settings: { enableMinorVersions: true } });
  drive = (await json(await emu.graph(demo.priya, `/sites/${site.id}/lists/${lib.id}/drive`))).id;
  itemsPath = `/sites/${site.id}/lists/${lib.id}/items`;
});
afterAll(() => emu.close());

const upload = (name: string, text: string) =>
  emu.graph(demo.priya, `/drives/${drive}/root:/${name}:/content`, { method: 'PUT', body: text, headers: { 'content-type': 'text/plain' } });

const names = async (upn: string): Promise<string[]> =>
  (await json(await emu.graph(upn, `${itemsPath}?$expand=fields($select=FileLeafRef,_UIVersionString)`))).value.map((i: Json) => i.fields.FileLeafRef);

describe('draft item security through the list API', () => {
  it('hides a never-published draft from a reader, and shows the last major version once there is one', async () => {
    const created = await json(await upload('SMS-PRC-031.md', 'draft one'));
    expect(await names(demo.priya)).toContain('SMS-PRC-031.md');
    expect(await names(demo.jack)).not.toContain('SMS-PRC-031.md');

    const listItem = await json(await emu.graph(demo.priya, `/drives/${drive}/items/${created.id}/listItem`));
    expect((await emu.graph(demo.jack, `${itemsPath}/${listItem.id}`)).status).toBe(404);
    expect((await emu.graph(demo.jack, `${itemsPath}/${listItem.id}/versions`)).status).toBe(404);

    // Publish 1.0 with a title, then start a 1.1 draft with another title.
    expect((await emu.graph(demo.priya, `/drives/${drive}/items/${created.id}/checkout`, { method: 'POST' })).status).toBe(204);
    await emu.graph(demo.priya, `/drives/${drive}/items/${created.id}/listItem/fields`, { method: 'PATCH', body: JSON.stringify({ Title: 'Published title' }) });
    expect(
      (await emu.graph(demo.priya, `/drives/${drive}/items/${created.id}/checkin`, { method: 'POST', body: JSON.stringify({ comment: 'first issue', checkInAs: 'published' }) })).status,
    ).toBe(204);
    await emu.graph(demo.priya, `/drives/${drive}/items/${created.id}/listItem/fields`, { method: 'PATCH', body: JSON.stringify({ Title: 'Draft title' }) });

    const priyaView = await json(await emu.graph(demo.priya, `${itemsPath}/${listItem.id}?$expand=fields`));
    const jackView = await json(await emu.graph(demo.jack, `${itemsPath}/${listItem.id}?$expand=fields`));
    expect(priyaView.fields.Title).toBe('Draft title');
    expect(priyaView.fields._UIVersionString).not.toMatch(/\.0$/);
    expect(jackView.fields.Title).toBe('Published title');
    expect(jackView.fields._UIVersionString).toMatch(/^\d+\.0$/);

    const jackVersions: string[] = (await json(await emu.graph(demo.jack, `${itemsPath}/${listItem.id}/versions`))).value.map((v: Json) => v.id as string);
    const priyaVersions: string[] = (await json(await emu.graph(demo.priya, `${itemsPath}/${listItem.id}/versions`))).value.map((v: Json) => v.id as string);
    expect(jackVersions.every((l) => /\.0$/.test(l))).toBe(true);
    expect(priyaVersions.some((l) => !/\.0$/.test(l))).toBe(true);
    expect(priyaVersions.length).toBeGreaterThan(jackVersions.length);

    const delta = await json(await emu.graph(demo.jack, `${itemsPath}/delta?$expand=fields`));
    const mine = delta.value.find((i: Json) => i.id === listItem.id);
    expect(mine.fields.Title).toBe('Published title');
  });
});

describe('writes through the list API by someone who cannot see drafts', () => {
  it("update the latest draft, not the last major copy they see, and keep the draft's history", async () => {
    const approverLib = createListIn(emu.emulator.emu, site, {
      displayName: 'Approver drafts',
      template: 'documentLibrary',
      settings: { enableMinorVersions: true, draftVisibility: 'approver' },
    });
    const libDrive = (await json(await emu.graph(demo.tom, `/sites/${site.id}/lists/${approverLib.id}/drive`))).id as string;
    const libItems = `/sites/${site.id}/lists/${approverLib.id}/items`;
    const col = await emu.graph(demo.tom, `/sites/${site.id}/lists/${approverLib.id}/columns`, { method: 'POST', body: JSON.stringify({ name: 'Reviewer', text: {} }) });
    expect(col.status).toBe(201);

    // Tom (full control, the author) publishes 1.0, then saves a 1.1 draft with a new title.
    const file = await json(
      await emu.graph(demo.tom, `/drives/${libDrive}/root:/SMS-POL-001.md:/content`, { method: 'PUT', body: 'policy', headers: { 'content-type': 'text/plain' } }),
    );
    const itemUrl = `/drives/${libDrive}/items/${file.id}`;
    expect((await emu.graph(demo.tom, `${itemUrl}/checkout`, { method: 'POST' })).status).toBe(204);
    await emu.graph(demo.tom, `${itemUrl}/listItem/fields`, { method: 'PATCH', body: JSON.stringify({ Title: 'Published title' }) });
    expect((await emu.graph(demo.tom, `${itemUrl}/checkin`, { method: 'POST', body: JSON.stringify({ checkInAs: 'published' }) })).status).toBe(204);
    expect((await emu.graph(demo.tom, `${itemUrl}/listItem/fields`, { method: 'PATCH', body: JSON.stringify({ Title: 'Draft title' }) })).status).toBe(200);
    const id = (await json(await emu.graph(demo.tom, `${itemUrl}/listItem`))).id as string;
    const tomVersionsBefore = (await json(await emu.graph(demo.tom, `${libItems}/${id}/versions`))).value.map((v: Json) => v.id as string);

    // Priya (contribute, not the author) sees the published copy and edits another field of it.
    const priyaView = await json(await emu.graph(demo.priya, `${libItems}/${id}?$expand=fields`));
    expect(priyaView.fields.Title).toBe('Published title');
    const patch = await emu.graph(demo.priya, `${libItems}/${id}/fields`, {
      method: 'PATCH',
      body: JSON.stringify({ Reviewer: 'Priya' }),
      headers: { 'if-match': priyaView['@odata.etag'] as string },
    });
    expect(patch.status).toBe(200);

    const after = await json(await emu.graph(demo.tom, `${libItems}/${id}?$expand=fields`));
    expect(after.fields.Title).toBe('Draft title');
    expect(after.fields.Reviewer).toBe('Priya');
    const tomVersionsAfter = (await json(await emu.graph(demo.tom, `${libItems}/${id}/versions`))).value.map((v: Json) => v.id as string);
    expect(tomVersionsAfter).toHaveLength(tomVersionsBefore.length + 1);
    expect(tomVersionsAfter).toEqual(expect.arrayContaining(tomVersionsBefore));
    const draftVersion = tomVersionsBefore[0]!;
    const kept = await json(await emu.graph(demo.tom, `${libItems}/${id}/versions/${draftVersion}?$expand=fields`));
    expect(kept.fields.Title).toBe('Draft title');
    expect(kept.fields.Reviewer).toBeUndefined();
  });
});

describe('listing a library with draft item security', () => {
  it('prepares the same statements for 2 items as for 20 (no per-item permission lookups or re-prepares)', async () => {
    const big = createListIn(emu.emulator.emu, site, { displayName: 'Counted drafts', template: 'documentLibrary', settings: { enableMinorVersions: true } });
    const bigDrive = (await json(await emu.graph(demo.priya, `/sites/${site.id}/lists/${big.id}/drive`))).id as string;
    const put = (i: number) =>
      emu.graph(demo.priya, `/drives/${bigDrive}/root:/doc-${i}.md:/content`, { method: 'PUT', body: `doc ${i}`, headers: { 'content-type': 'text/plain' } });
    const prepares = async (upn: string): Promise<number> => {
      const url = `/sites/${site.id}/lists/${big.id}/items?$top=999&$expand=fields`;
      await emu.graph(upn, url); // warm up: tokens, statements cached per database
      const spy = vi.spyOn(emu.emulator.emu.db, 'prepare');
      try {
        const res = await emu.graph(upn, url);
        expect(res.status).toBe(200);
        return spy.mock.calls.length;
      } finally {
        spy.mockRestore();
      }
    };
    for (let i = 0; i < 2; i++) expect((await put(i)).status).toBe(201);
    const small = { priya: await prepares(demo.priya), jack: await prepares(demo.jack) };
    for (let i = 2; i < 20; i++) expect((await put(i)).status).toBe(201);
    expect((await json(await emu.graph(demo.priya, `/sites/${site.id}/lists/${big.id}/items?$top=999`))).value).toHaveLength(20);
    expect(await prepares(demo.priya)).toBe(small.priya);
    expect(await prepares(demo.jack)).toBe(small.jack);
  });
});
