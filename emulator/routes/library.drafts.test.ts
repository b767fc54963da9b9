import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startTestEmulator, demo, type TestEmulator } from '../../tests/support/emulator.js';
import { findSiteByPath, type SiteRow } from '../services/sites.js';
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
