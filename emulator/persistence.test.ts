import { describe, it, expect, afterEach } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestEmulator, demo, type TestEmulator } from '../tests/support/emulator.js';
import { addMember } from './services/directory.js';

let dir: string;
let running: TestEmulator | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
  fs.rmSync(dir, { recursive: true, force: true });
});

async function start(opts: { reset?: boolean } = {}) {
  running = await startTestEmulator({ dataDir: dir, ...opts });
  return running;
}
async function stop() {
  await running?.close();
  running = undefined;
}

async function groupIdOver(e: TestEmulator, name: string): Promise<string> {
  const res = await e.graph(demo.tom, `/groups?$filter=${encodeURIComponent(`displayName eq '${name}'`)}`);
  return ((await res.json()) as { value: { id: string }[] }).value[0]!.id;
}
async function myGroups(e: TestEmulator, token: string): Promise<{ status: number; names: string[] }> {
  const res = await fetch(`${e.graphBaseUrl}/me/memberOf`, { headers: { authorization: `Bearer ${token}` } });
  if (res.status !== 200) return { status: res.status, names: [] };
  const body = (await res.json()) as { value: { displayName: string }[] };
  return { status: 200, names: body.value.map((g) => g.displayName).sort() };
}

describe('a file database', () => {
  it('keeps data and the signing key across a restart; reset reseeds', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sms365-emu-'));

    const first = await start();
    const seededAt = ((await (await fetch(`${first.origin}/_dev/health`)).json()) as { seededAt: string }).seededAt;
    const jackToken = await first.token(demo.jack, ['User.Read']);
    expect((await myGroups(first, jackToken)).names).not.toContain('SMS-Managers');
    // An admin adds Jack to SMS-Managers.
    const managers = await groupIdOver(first, 'SMS-Managers');
    const me = (await (await first.graph(demo.jack, '/me')).json()) as { id: string };
    addMember(first.emulator.emu.db, managers, me.id);
    expect((await myGroups(first, jackToken)).names).toContain('SMS-Managers');
    await stop();

    expect(fs.existsSync(path.join(dir, 'emulator.sqlite'))).toBe(true);
    const second = await start();
    // The token issued before the restart still verifies (the key lives in the database) ...
    const after = await myGroups(second, jackToken);
    expect(after.status).toBe(200);
    // ... and the membership is still there, on a tenant that was not seeded again.
    expect(after.names).toContain('SMS-Managers');
    const health = (await (await fetch(`${second.origin}/_dev/health`)).json()) as { seededAt: string };
    expect(health.seededAt).toBe(seededAt);
    await stop();

    const third = await start({ reset: true });
    // A reset makes a new key: the old token no longer verifies.
    expect((await myGroups(third, jackToken)).status).toBe(401);
    const fresh = await third.token(demo.jack, ['User.Read']);
    const reseeded = await myGroups(third, fresh);
    expect(reseeded.status).toBe(200);
    expect(reseeded.names).not.toContain('SMS-Managers');
    expect(reseeded.names).toContain('SMS-AllStaff');
  });
});
