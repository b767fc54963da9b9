import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startTestEmulator, demo, type TestEmulator } from '../../tests/support/emulator.js';
import { findSiteByPath } from '../services/siteStore.js';
import { createListIn } from '../services/listFactory.js';

/** POST /drives/{d}/items/{i}/discardCheckout: https://learn.microsoft.com/graph/api/driveitem-discardcheckout */
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const json = async (res: Response): Promise<Json> => (await res.json()) as Json;

let emu: TestEmulator;
let drive: string;

beforeAll(async () => {
  emu = await startTestEmulator();
  const site = findSiteByPath(emu.emulator.emu.db, '/sites/KestrelSMS')!;
  const lib = createListIn(emu.emulator.emu, site, { displayName: 'SMS Documents', template: 'documentLibrary', settings: { enableMinorVersions: true } });
  drive = (await json(await emu.graph(demo.priya, `/sites/${site.id}/lists/${lib.id}/drive`))).id;
});
afterAll(() => emu.close());

async function text(upn: string, itemPath: string): Promise<string> {
  const res = await emu.graph(upn, `${itemPath}/content`, { redirect: 'manual' });
  return (await fetch(res.headers.get('location')!)).text();
}

describe('discardCheckout', () => {
  it('throws away content and column changes made while checked out, and releases the file', async () => {
    const created = await json(
      await emu.graph(demo.priya, `/drives/${drive}/root:/procedure.md:/content`, { method: 'PUT', body: 'checked-in text', headers: { 'content-type': 'text/plain' } }),
    );
    const item = `/drives/${drive}/items/${created.id}`;
    await emu.graph(demo.priya, `${item}/listItem/fields`, { method: 'PATCH', body: JSON.stringify({ Title: 'Before' }) });
    const before: string[] = (await json(await emu.graph(demo.priya, `${item}/versions`))).value.map((v: Json) => v.id);

    expect((await emu.graph(demo.priya, `${item}/checkout`, { method: 'POST' })).status).toBe(204);
    await emu.graph(demo.priya, `${item}/content`, { method: 'PUT', body: 'half-finished edit', headers: { 'content-type': 'text/plain' } });
    await emu.graph(demo.priya, `${item}/listItem/fields`, { method: 'PATCH', body: JSON.stringify({ Title: 'During' }) });
    expect(await text(demo.priya, item)).toBe('half-finished edit');

    // Someone else can neither discard nor check out while Priya holds it.
    expect((await emu.graph(demo.marcus, `${item}/discardCheckout`, { method: 'POST' })).status).toBe(423);
    expect((await emu.graph(demo.marcus, `${item}/checkout`, { method: 'POST' })).status).toBe(423);

    expect((await emu.graph(demo.priya, `${item}/discardCheckout`, { method: 'POST' })).status).toBe(204);
    expect(await text(demo.priya, item)).toBe('checked-in text');
    expect((await json(await emu.graph(demo.priya, `${item}/listItem?$expand=fields`))).fields.Title).toBe('Before');
    const after: string[] = (await json(await emu.graph(demo.priya, `${item}/versions`))).value.map((v: Json) => v.id);
    expect(after).toEqual(before);

    // Released: another contributor may now check it out; discarding again is refused.
    expect((await emu.graph(demo.priya, `${item}/discardCheckout`, { method: 'POST' })).status).toBe(400);
    expect((await emu.graph(demo.marcus, `${item}/checkout`, { method: 'POST' })).status).toBe(204);
  });

  it('refuses a reader (403) and changes nothing', async () => {
    const created = await json(
      await emu.graph(demo.priya, `/drives/${drive}/root:/other.md:/content`, { method: 'PUT', body: 'x', headers: { 'content-type': 'text/plain' } }),
    );
    const item = `/drives/${drive}/items/${created.id}`;
    await emu.graph(demo.priya, `${item}/checkout`, { method: 'POST' });
    expect((await emu.graph(demo.jack, `${item}/discardCheckout`, { method: 'POST' })).status).toBe(403);
    expect((await emu.graph(demo.marcus, `${item}/checkout`, { method: 'POST' })).status).toBe(423);
  });
});
