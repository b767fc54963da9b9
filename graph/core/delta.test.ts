import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ListItem } from '@microsoft/microsoft-graph-types';
import { startTestEmulator, demo, type TestEmulator } from '../../tests/support/emulator.js';
import { createGraphClient } from './client.js';
import { runDelta } from './delta.js';

describe('runDelta against the emulator', () => {
  let emu: TestEmulator;
  let siteId: string;
  let listId: string;
  const client = () => createGraphClient({ baseUrl: emu.graphBaseUrl, getToken: () => emu.token(demo.tom) });
  const items = () => `/sites/${siteId}/lists/${listId}/items`;
  const create = async (title: string) => {
    const res = await emu.graph(demo.tom, items(), { method: 'POST', body: JSON.stringify({ fields: { Title: title } }) });
    return ((await res.json()) as { id: string }).id;
  };

  beforeAll(async () => {
    emu = await startTestEmulator();
    siteId = ((await (await emu.graph(demo.tom, `/sites/${emu.emulator.emu.hostname}:/sites/KestrelSMS`)).json()) as { id: string }).id;
    const res = await emu.graph(demo.tom, `/sites/${siteId}/lists`, {
      method: 'POST',
      body: JSON.stringify({ displayName: 'Delta test', list: { template: 'genericList' } }),
    });
    listId = ((await res.json()) as { id: string }).id;
  });
  afterAll(async () => {
    await emu.close();
  });

  it('returns every item and a deltaLink, then only the changes and deletions since', async () => {
    const ids = [await create('one'), await create('two'), await create('three')];
    const first = await runDelta<ListItem>(client(), `${items()}/delta`);
    expect(first.items.map((i) => i.id).sort()).toEqual([...ids].sort());
    expect(first.deleted).toEqual([]);
    expect(first.resync).toBeNull();

    await emu.graph(demo.tom, `${items()}/${ids[0]}/fields`, { method: 'PATCH', body: JSON.stringify({ Title: 'uno' }) });
    await emu.graph(demo.tom, `${items()}/${ids[1]}`, { method: 'DELETE' });
    const second = await runDelta<ListItem>(client(), first.deltaLink);
    expect(second.items.map((i) => i.id)).toEqual([ids[0]]);
    expect(second.deleted).toEqual([ids[1]]);
    expect(second.deltaLink).not.toBe(first.deltaLink);
  });

  it('on 410 Gone starts the enumeration again and says so', async () => {
    const before = await runDelta<ListItem>(client(), `${items()}/delta`);
    await create('after the token');
    const expired = await fetch(`${emu.origin}/_dev/lists/${listId}/expireDeltaTokens`, { method: 'POST' });
    expect(expired.ok).toBe(true);
    const again = await runDelta<ListItem>(client(), before.deltaLink);
    expect(again.resync).toBe('resyncChangesApplyDifferences');
    const all = await runDelta<ListItem>(client(), `${items()}/delta`);
    expect(again.items.map((i) => i.id).sort()).toEqual(all.items.map((i) => i.id).sort());
    expect(again.items.length).toBeGreaterThan(before.items.length);
  });
});
