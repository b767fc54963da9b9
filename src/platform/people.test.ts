import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo } from '../../tests/support/emulator.js';
import { startSmsEmulator, type SmsEmulator } from '../../tests/support/smsEmulator.js';
import { directoryOf, loadPeopleDirectory, USER_INFORMATION_LIST, type Person } from './people.js';

/**
 * The people directory against the emulator over HTTP: users with their site lookup ids, roles from
 * the role groups and the processes they own, read the way the app reads them.
 */
let sms: SmsEmulator;
type Json = Record<string, unknown>;

async function graphJson(path: string, init: RequestInit = {}): Promise<Json> {
  const res = await sms.emu.graph(demo.tom, path, init);
  const text = await res.text();
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${path} → ${res.status} ${text.slice(0, 200)}`);
  return JSON.parse(text) as Json;
}

/** The site lookup id of `upn` (read raw from the User Information List), once `upn` has opened the site. */
async function lookupIdOf(upn: string): Promise<string> {
  // Only users who have opened the site are in its User Information List (ADR 0005).
  expect((await sms.emu.graph(upn, `/sites/${sms.siteId}`)).status).toBe(200);
  const page = await graphJson(`/sites/${sms.siteId}/lists/${encodeURIComponent(USER_INFORMATION_LIST)}/items?$expand=fields&$top=500`);
  const hit = (page.value as { id: string; fields: Json }[]).find((i) => String(i.fields.UserName ?? i.fields.EMail).toLowerCase() === upn);
  if (!hit) throw new Error(`${upn} is not a site user`);
  return hit.id;
}

beforeAll(async () => {
  sms = await startSmsEmulator();
}, 60_000);
afterAll(() => sms?.close());

describe('loadPeopleDirectory', () => {
  it('lists every user with their roles, site lookup id and owned processes', async () => {
    const marcusLookup = await lookupIdOf(demo.marcus);
    const created = await graphJson(`/sites/${sms.siteId}/lists/Processes/items`, {
      method: 'POST',
      body: JSON.stringify({ fields: { Title: 'Incident management', Ref: 'PRC-901', Status: 'Operating', ProcessOwnerLookupId: Number(marcusLookup) } }),
    });

    const dir = await loadPeopleDirectory(sms.clientAs(demo.jack), sms.siteId);

    expect(dir.people).toHaveLength(16);
    const names = dir.people.map((p) => p.displayName);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
    expect(dir.byId(demo.priya)?.roles).toEqual(['documentController', 'processOwner', 'internalAuditor', 'employee']);
    expect(dir.byId(demo.jack)?.roles).toEqual(['employee']);
    const marcus = dir.byId(demo.marcus.toUpperCase())!;
    expect(marcus.lookupId).toBe(marcusLookup);
    expect(dir.byLookupId(Number(marcusLookup))?.id).toBe(demo.marcus);
    expect(marcus.ownedProcessIds).toContain(String(created.id));
    expect(dir.processes).toContainEqual({ id: String(created.id), ref: 'PRC-901', title: 'Incident management' });
    expect(dir.documentUser(demo.marcus)).toEqual({ id: demo.marcus, roles: marcus.roles, ownedProcessIds: marcus.ownedProcessIds });
    expect(dir.nameOf(demo.marcus)).toBe('Marcus Chen');
    // Fiona can read the site through her groups but has never opened it: she is in the directory, without a lookup id.
    expect(dir.byId(demo.fiona)).toMatchObject({ id: demo.fiona, lookupId: null });
  });
});

describe('directoryOf', () => {
  const ann: Person = { userId: 'u1', id: 'ann@x.test', upn: 'Ann@x.test', displayName: 'Ann', lookupId: '7', roles: ['employee'], ownedProcessIds: [] };
  const dir = directoryOf([ann], [{ id: '3', ref: 'PRC-003', title: 'Change' }]);

  it('finds people by id (any case) and by lookup id, and names unknown ids by the id', () => {
    expect(dir.byId('ANN@x.test')).toBe(ann);
    expect(dir.byLookupId(7)).toBe(ann);
    expect(dir.byLookupId('')).toBeUndefined();
    expect(dir.byId(null)).toBeUndefined();
    expect(dir.nameOf('bob@x.test')).toBe('bob@x.test');
    expect(dir.documentUser('bob@x.test')).toBeUndefined();
    expect(dir.processes).toEqual([{ id: '3', ref: 'PRC-003', title: 'Change' }]);
  });
});
