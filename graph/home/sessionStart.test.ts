import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestEmulator, demo, type TestEmulator } from '../../tests/support/emulator.js';
import { addMember, insertGroup } from '../../emulator/services/directory.js';
import { createGraphClient, type GraphClient } from '../core/client.js';
import { GraphError } from '../core/errors.js';
import { getSessionStart } from './sessionStart.js';

const SITE_URL = 'https://kestrelms.sharepoint.com/sites/KestrelSMS';

let emu: TestEmulator;

const clientFor = (upn: string, scopes?: string[]): GraphClient => emu.client(upn, scopes);

async function roundTrips(): Promise<string[]> {
  const log = await emu.requestLog();
  return log.filter((e) => e.path.startsWith('/v1.0/') && !e.inBatch).map((e) => `${e.method} ${e.path.split('?')[0]}`);
}

beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(async () => {
  await emu.close();
});
beforeEach(async () => {
  await emu.clearRequestLog();
});

const valueOf = <T>(part: { ok: true; value: T } | { ok: false; error: unknown }): T => {
  if (!part.ok) throw part.error;
  return part.value;
};

describe('getSessionStart', () => {
  it('reads the user, their groups and the SMS site in one $batch round trip', async () => {
    const start = await getSessionStart(clientFor(demo.priya), SITE_URL);
    expect(valueOf(start.me).userPrincipalName).toBe(demo.priya);
    expect(valueOf(start.groups).map((g) => g.displayName)).toEqual(expect.arrayContaining(['SMS-DocumentControllers', 'SMS-ProcessOwners', 'SMS-InternalAuditors']));
    expect(valueOf(start.site).id).toMatch(/^kestrelms\.sharepoint\.com,/);
    expect(valueOf(start.site).webUrl).toBe(SITE_URL);
    expect(await roundTrips()).toEqual(['POST /v1.0/$batch']);
  });

  it('reports a part it may not read as that part failing, keeping the others', async () => {
    // Without Sites.Read.All the site answers 403 inside the batch; /me and memberOf still come back.
    const start = await getSessionStart(clientFor(demo.jack, ['User.Read', 'GroupMember.Read.All']), SITE_URL);
    expect(valueOf(start.me).userPrincipalName).toBe(demo.jack);
    expect(start.groups.ok).toBe(true);
    expect(start.site.ok).toBe(false);
    const error = !start.site.ok ? start.site.error : null;
    expect(error).toBeInstanceOf(GraphError);
    expect((error as GraphError).status).toBe(403);
  });

  it('reports a site that does not exist as a 404 of the site part', async () => {
    const start = await getSessionStart(clientFor(demo.priya), 'https://kestrelms.sharepoint.com/sites/NoSuchSite');
    expect(start.me.ok).toBe(true);
    expect(!start.site.ok && start.site.error instanceof GraphError && start.site.error.status).toBe(404);
  });

  it('follows memberOf past its first page for someone in many groups', async () => {
    const me = valueOf((await getSessionStart(clientFor(demo.fiona), SITE_URL)).me);
    const db = emu.emulator.emu.db;
    // memberOf pages by 100: 120 more groups make a second page.
    for (let i = 0; i < 120; i++) {
      const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
      insertGroup(db, { id, displayName: `Project group ${i}` });
      addMember(db, id, me.id!);
    }
    await emu.clearRequestLog();
    const groups = valueOf((await getSessionStart(clientFor(demo.fiona), SITE_URL)).groups);
    expect(groups.filter((g) => g.displayName?.startsWith('Project group '))).toHaveLength(120);
    expect(new Set(groups.map((g) => g.id)).size).toBe(groups.length);
    expect(await roundTrips()).toEqual(['POST /v1.0/$batch', 'GET /v1.0/me/memberOf']);
  });

  it('fails as a whole when the batch itself is refused (an expired token)', async () => {
    const expired = createGraphClient({ baseUrl: emu.graphBaseUrl, getToken: async () => 'expired-token', retry: { maxRetries: 0 } });
    await expect(getSessionStart(expired, SITE_URL)).rejects.toMatchObject({ status: 401 });
  });
});
