import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, demo, type TestEmulator } from '../../tests/support/emulator.js';
import { downloadVersionBytes } from './content.js';

/**
 * `downloadVersionBytes` against the emulator over HTTP: an older version's bytes come through a
 * `$batch` (whose answer carries the 302's `Location`) and one simple GET of that pre-authenticated
 * URL, never through `…/versions/{id}/content` followed directly, which browsers cannot do.
 */
let emu: TestEmulator;
let driveId: string;
let itemId: string;

const text = (s: string) => new TextEncoder().encode(s);

beforeAll(async () => {
  emu = await startTestEmulator();
  const site = (await (await emu.graph(demo.priya, '/sites/kestrelms.sharepoint.com:/sites/KestrelSMS')).json()) as { id: string };
  driveId = ((await (await emu.graph(demo.priya, `/sites/${site.id}/drive`)).json()) as { id: string }).id;
  const put = (path: string, body: string) => emu.graph(demo.priya, path, { method: 'PUT', body: text(body) as BodyInit, headers: { 'content-type': 'text/plain' } });
  itemId = ((await (await put(`/drives/${driveId}/root:/versions-in-browser.txt:/content`, 'version one')).json()) as { id: string }).id;
  await put(`/drives/${driveId}/items/${itemId}/content`, 'version two');
});
afterAll(() => emu.close());

describe('downloadVersionBytes', () => {
  it('reads the Location of the 302 from a $batch and fetches it without a token', async () => {
    await emu.clearRequestLog();
    const bytes = await downloadVersionBytes(emu.client(demo.jack), driveId, itemId, '1.0');
    expect(new TextDecoder().decode(bytes)).toBe('version one');
    // The request log holds Graph requests: one batch, inside it the version (200) and its content (302).
    const log = await emu.requestLog();
    expect(log.filter((e) => !e.inBatch).map((e) => `${e.method} ${e.path}`)).toEqual(['POST /v1.0/$batch']);
    expect(log.filter((e) => e.inBatch).map((e) => `${e.status} ${e.path.replace(/^.*\/versions\//, 'versions/')}`).sort()).toEqual(['200 versions/1.0', '302 versions/1.0/content']);
  });

  it('fails with the version’s 404 when there is no such version', async () => {
    await expect(downloadVersionBytes(emu.client(demo.jack), driveId, itemId, '7.0')).rejects.toMatchObject({ status: 404 });
  });
});
