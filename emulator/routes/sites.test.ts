import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startTestEmulator, demo, type TestEmulator } from '../../tests/support/emulator.js';
import { insertSite } from '../services/siteStore.js';
import { grant } from '../services/permissionStore.js';

type Json = Record<string, unknown>;
interface ErrorBody { error: { code: string; message: string } }

const HOST = 'kestrelms.sharepoint.com';
const RESTRICTED = {
  guid: '6b1f2d3e-0000-4000-8000-000000000001',
  web: '6b1f2d3e-0000-4000-8000-000000000002',
};

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
  // A site only SMS-Managers may read, as an admin would set up in SharePoint.
  const id = `${HOST},${RESTRICTED.guid},${RESTRICTED.web}`;
  const db = emu.emulator.emu.db;
  insertSite(db, {
    id,
    siteGuid: RESTRICTED.guid,
    webGuid: RESTRICTED.web,
    groupId: null,
    path: '/sites/BoardRoom',
    site: { id, name: 'BoardRoom', displayName: 'Board Room', description: 'Restricted', webUrl: `https://${HOST}/sites/BoardRoom` },
  });
  const managers = ((await (await emu.graph(demo.tom, `/groups?$filter=${encodeURIComponent("displayName eq 'SMS-Managers'")}`)).json()) as { value: Json[] })
    .value[0]!.id as string;
  grant(db, id, managers, 'read');
});
afterAll(() => emu.close());

async function getJson(path: string, upn = demo.priya): Promise<Json> {
  const res = await emu.graph(upn, path);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as Json;
}
async function expectError(res: Response, status: number, code: string): Promise<void> {
  expect(res.status).toBe(status);
  expect(((await res.json()) as ErrorBody).error.code).toBe(code);
}

describe('GET /sites/root', () => {
  it('returns the tenant root site', async () => {
    const root = await getJson('/sites/root');
    expect(root['@odata.context']).toBe(`${emu.graphBaseUrl}/$metadata#sites/$entity`);
    expect(root.webUrl).toBe(`https://${HOST}`);
    expect(root.root).toBeDefined();
    expect(String(root.id).split(',')).toHaveLength(3);
    const byHost = await getJson(`/sites/${HOST}`);
    expect(byHost.id).toBe(root.id);
  });
});

describe('GET /sites/{hostname}:/{server-relative-path}', () => {
  it('resolves the SMS site with or without the trailing colon, case-insensitively', async () => {
    const site = await getJson(`/sites/${HOST}:/sites/KestrelSMS`);
    expect(site.displayName).toBe('Kestrel SMS');
    expect(site.webUrl).toBe(`https://${HOST}/sites/KestrelSMS`);
    expect((await getJson(`/sites/${HOST}:/sites/KestrelSMS:`)).id).toBe(site.id);
    expect((await getJson(`/sites/${HOST}:/sites/kestrelsms`)).id).toBe(site.id);
  });

  it('answers 404 itemNotFound for an unknown path or another host', async () => {
    await expectError(await emu.graph(demo.priya, `/sites/${HOST}:/sites/Nowhere`), 404, 'itemNotFound');
    await expectError(await emu.graph(demo.priya, `/sites/${HOST}:/sites/Nowhere:`), 404, 'itemNotFound');
    await expectError(await emu.graph(demo.priya, '/sites/contoso.sharepoint.com:/sites/KestrelSMS'), 404, 'itemNotFound');
  });
});

describe('GET /sites/{site-id}', () => {
  it('accepts the full id triple and the site GUID alone', async () => {
    const site = await getJson(`/sites/${HOST}:/sites/KestrelSMS`);
    const id = site.id as string;
    expect((await getJson(`/sites/${id}`)).displayName).toBe('Kestrel SMS');
    expect((await getJson(`/sites/${id.split(',')[1]!}`)).id).toBe(id);
    expect((await getJson(`/sites/${id.toUpperCase().replace(HOST.toUpperCase(), HOST)}`)).id).toBe(id);
  });

  it('applies $select', async () => {
    const site = await getJson(`/sites/${HOST}:/sites/KestrelSMS?$select=displayName`);
    expect(site.displayName).toBe('Kestrel SMS');
    expect(site.webUrl).toBeUndefined();
  });

  it('answers 404 itemNotFound for an unknown id', async () => {
    await expectError(await emu.graph(demo.priya, `/sites/${HOST},00000000-0000-0000-0000-000000000000,00000000-0000-0000-0000-000000000000`), 404, 'itemNotFound');
  });
});

describe('GET /groups/{id}/sites/root', () => {
  async function groupId(name: string) {
    const res = await emu.graph(demo.priya, `/groups?$filter=${encodeURIComponent(`displayName eq '${name}'`)}`);
    return ((await res.json()) as { value: Json[] }).value[0]!.id as string;
  }

  it("returns the Microsoft 365 group's team site", async () => {
    const viaPath = await getJson(`/sites/${HOST}:/sites/KestrelSMS`);
    const viaGroup = await getJson(`/groups/${await groupId('Kestrel SMS')}/sites/root`);
    expect(viaGroup.id).toBe(viaPath.id);
  });

  it('answers 404 for a security group, which has no site', async () => {
    const res = await emu.graph(demo.priya, `/groups/${await groupId('SMS-Managers')}/sites/root`);
    expect(res.status).toBe(404);
  });
});

describe('GET /sites?search=', () => {
  it('finds sites by keyword', async () => {
    const res = (await getJson('/sites?search=KestrelSMS')) as { value: Json[] };
    expect(res.value.map((s) => s.displayName)).toEqual(['Kestrel SMS']);
  });
});

describe('site permissions', () => {
  it('403 accessDenied for a user without Read on the site; 200 for one with it', async () => {
    const path = `/sites/${HOST}:/sites/BoardRoom`;
    await expectError(await emu.graph(demo.jack, path), 403, 'accessDenied');
    await expectError(await emu.graph(demo.jack, `/sites/${RESTRICTED.guid}`), 403, 'accessDenied');
    expect((await getJson(path, demo.tom)).displayName).toBe('Board Room');
  });

  it('leaves sites a user cannot read out of search results', async () => {
    const jack = (await getJson('/sites?search=board', demo.jack)) as { value: Json[] };
    expect(jack.value).toEqual([]);
    const tom = (await getJson('/sites?search=board', demo.tom)) as { value: Json[] };
    expect(tom.value.map((s) => s.displayName)).toEqual(['Board Room']);
  });

  it('403 accessDenied for a token without a Sites scope', async () => {
    const res = await emu.graph(demo.priya, '/sites/root', { scopes: ['User.Read'] });
    await expectError(res, 403, 'accessDenied');
    const ok = await emu.graph(demo.priya, '/sites/root', { scopes: ['Sites.Read.All'] });
    expect(ok.status).toBe(200);
  });
});
