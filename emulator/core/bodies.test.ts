import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo, startTestEmulator, type TestEmulator } from '../../tests/support/emulator.js';

/**
 * Bad request bodies get Graph's answers: a JSON body that is not an object is a 400 (never a
 * 500), and a body that is not sent as application/json is a 415 — and neither writes anything.
 */
let emu: TestEmulator;
let itemsPath: string;

beforeAll(async () => {
  emu = await startTestEmulator();
  const site = (await (await emu.graph(demo.tom, '/sites/kestrelms.sharepoint.com:/sites/KestrelSMS')).json()) as { id: string };
  const created = await emu.graph(demo.tom, `/sites/${site.id}/lists`, {
    method: 'POST',
    body: JSON.stringify({ displayName: 'Body Checks', list: { template: 'genericList' } }),
  });
  expect(created.status).toBe(201);
  const list = (await created.json()) as { id: string };
  itemsPath = `/sites/${site.id}/lists/${list.id}/items`;
});
afterAll(() => emu.close());

const itemCount = async () => ((await (await emu.graph(demo.tom, itemsPath)).json()) as { value: unknown[] }).value.length;
const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string } }).error;

describe('request bodies', () => {
  it('answers a JSON null, an array or a bare value with a Graph 400, and creates nothing', async () => {
    for (const body of ['null', '[]', '[{"fields":{"Title":"x"}}]', '42', '"text"']) {
      const res = await emu.graph(demo.tom, itemsPath, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
      expect(res.status, body).toBe(400);
      expect((await errorOf(res)).message).toMatch(/JSON object/);
    }
    expect(await itemCount()).toBe(0);
  });

  it('refuses a JSON body sent as text/plain or without a content type with 415, and writes nothing', async () => {
    const body = JSON.stringify({ fields: { Title: 'Sent as text' } });
    const asText = await emu.graph(demo.tom, itemsPath, { method: 'POST', body, headers: { 'content-type': 'text/plain;charset=UTF-8' } });
    expect(asText.status).toBe(415);
    expect((await errorOf(asText)).message).toMatch(/application\/json/);
    const token = await emu.token(demo.tom);
    const untyped = await fetch(`${emu.graphBaseUrl}${itemsPath}`, { method: 'POST', body: new TextEncoder().encode(body), headers: { authorization: `Bearer ${token}` } });
    expect(untyped.status).toBe(415);
    expect(await itemCount()).toBe(0);
  });

  it('takes application/json with parameters, as the Graph client libraries send it', async () => {
    const body = JSON.stringify({ fields: { Title: 'Typed' } });
    const res = await emu.graph(demo.tom, itemsPath, { method: 'POST', body, headers: { 'content-type': 'application/json; odata.metadata=minimal; charset=utf-8' } });
    expect(res.status).toBe(201);
    expect(await itemCount()).toBe(1);
  });
});
