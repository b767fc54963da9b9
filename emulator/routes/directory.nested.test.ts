import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startTestEmulator, demo, type TestEmulator } from '../../tests/support/emulator.js';
import { groupIdOf } from '../seed/tenant.js';

type Json = Record<string, unknown>;
interface Collection { '@odata.context': string; '@odata.nextLink'?: string; value: Json[] }

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(() => emu.close());

const ALL_STAFF = groupIdOf('SMS-AllStaff');
const SERVICE_DESK = groupIdOf('Kestrel-ServiceDesk');
const ON_CALL = groupIdOf('Kestrel-OpsOnCall');
const ENGINEERS = groupIdOf('Kestrel-Engineers');
const AUDITORS = groupIdOf('SMS-InternalAuditors');
const ref = (id: string) => ({ '@odata.id': `https://graph.microsoft.com/v1.0/directoryObjects/${id}` });

async function getJson(path: string, upn = demo.priya, scopes?: string[]): Promise<Collection> {
  const res = await emu.graph(upn, path, { scopes });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as Collection;
}
async function walk(path: string): Promise<Json[]> {
  const out: Json[] = [];
  for (let url: string | undefined = path; url; ) {
    const page = await getJson(url);
    out.push(...page.value);
    url = page['@odata.nextLink'];
  }
  return out;
}
const addMember = (groupId: string, memberId: string, upn = demo.tom, scopes?: string[]) =>
  emu.graph(upn, `/groups/${groupId}/members/$ref`, { method: 'POST', body: JSON.stringify(ref(memberId)), scopes });
const removeMember = (groupId: string, memberId: string, upn = demo.tom) => emu.graph(upn, `/groups/${groupId}/members/${memberId}/$ref`, { method: 'DELETE' });
async function errorOf(res: Response): Promise<{ status: number; code: string; message: string }> {
  const body = (await res.json()) as { error: { code: string; message: string } };
  return { status: res.status, ...body.error };
}
const upns = (values: Json[]) => values.filter((v) => v.userPrincipalName !== undefined).map((v) => v.userPrincipalName as string).sort();

describe('nested groups in the demo tenant', () => {
  it('lists a nested group among the direct members, typed and shaped as a group', async () => {
    const c = await getJson(`/groups/${ALL_STAFF}/members`);
    const groups = c.value.filter((m) => m['@odata.type'] === '#microsoft.graph.group');
    expect(groups.map((g) => g.displayName)).toEqual(['Kestrel-ServiceDesk']);
    expect(groups[0]).toMatchObject({ id: SERVICE_DESK, securityEnabled: true, groupTypes: [] });
    expect(groups[0]).not.toHaveProperty('userPrincipalName');
    expect(c.value.filter((m) => m['@odata.type'] === '#microsoft.graph.user')).toHaveLength(16);

    const selected = await getJson(`/groups/${ALL_STAFF}/members?$select=id,displayName,userPrincipalName`);
    const group = selected.value.find((m) => m.id === SERVICE_DESK)!;
    expect(Object.keys(group).sort()).toEqual(['@odata.type', 'displayName', 'id']);
    const jack = selected.value.find((m) => m.userPrincipalName === demo.jack)!;
    expect(Object.keys(jack).sort()).toEqual(['@odata.type', 'displayName', 'id', 'userPrincipalName']);
  });

  it('casts members to users or groups', async () => {
    const users = await getJson(`/groups/${ALL_STAFF}/members/microsoft.graph.user?$select=id,userPrincipalName`);
    expect(users['@odata.context']).toBe(`${emu.graphBaseUrl}/$metadata#users(id,userPrincipalName)`);
    expect(users.value).toHaveLength(16);
    const groups = await getJson(`/groups/${ALL_STAFF}/members/microsoft.graph.group?$select=id,displayName`);
    expect(groups.value).toEqual([{ id: SERVICE_DESK, displayName: 'Kestrel-ServiceDesk' }]);
    const device = await emu.graph(demo.priya, `/groups/${ALL_STAFF}/transitiveMembers/microsoft.graph.device`);
    expect((await errorOf(device)).code).toBe('Request_UnsupportedQuery');
  });

  it('returns department with $select, and every demo person has one', async () => {
    const users = await getJson(`/groups/${ALL_STAFF}/transitiveMembers/microsoft.graph.user?$select=userPrincipalName,department`);
    expect(users.value.every((u) => typeof u.department === 'string' && u.department !== '')).toBe(true);
    expect(users.value.find((u) => u.userPrincipalName === demo.jack)?.department).toBe('Service Desk');
    const jack = (await (await emu.graph(demo.priya, `/users/${demo.jack}?$select=department`)).json()) as Json;
    expect(jack.department).toBe('Service Desk');
  });
});

describe('GET /groups/{id}/transitiveMembers', () => {
  it('resolves nested groups at any depth, lists each member once, and survives a cycle', async () => {
    const before = await walk(`/groups/${SERVICE_DESK}/transitiveMembers`);
    expect(upns(before)).toEqual([demo.jack, demo.marcus, demo.sofia].sort());

    expect((await addMember(SERVICE_DESK, ON_CALL)).status).toBe(204);
    expect((await addMember(ON_CALL, ENGINEERS)).status).toBe(204);
    // A cycle: Service Desk → On call → Engineers → Service Desk.
    expect((await addMember(ENGINEERS, SERVICE_DESK)).status).toBe(204);
    try {
      const all = await walk(`/groups/${SERVICE_DESK}/transitiveMembers`);
      const expected = [demo.jack, demo.marcus, demo.sofia, demo.david, demo.gareth, demo.omar, demo.fiona, demo.aisha].sort();
      expect(upns(all)).toEqual(expected);
      const groups = all.filter((m) => m['@odata.type'] === '#microsoft.graph.group').map((g) => g.displayName).sort();
      expect(groups).toEqual(['Kestrel-Engineers', 'Kestrel-OpsOnCall']);

      // The direct members are unchanged: /members is not transitive.
      const direct = await getJson(`/groups/${SERVICE_DESK}/members`);
      expect(upns(direct.value)).toEqual([demo.jack, demo.marcus, demo.sofia].sort());

      // Users only, paged with $top through nextLinks, each exactly once.
      const first = await getJson(`/groups/${SERVICE_DESK}/transitiveMembers/microsoft.graph.user?$select=id,userPrincipalName&$top=3`);
      expect(first.value).toHaveLength(3);
      expect(first['@odata.nextLink']).toBeTruthy();
      const paged = await walk(`/groups/${SERVICE_DESK}/transitiveMembers/microsoft.graph.user?$select=id,userPrincipalName&$top=3`);
      expect(paged.map((u) => u.userPrincipalName).sort()).toEqual(expected);
      for (const u of paged) expect(Object.keys(u).sort()).toEqual(['id', 'userPrincipalName']);
    } finally {
      for (const [g, m] of [[SERVICE_DESK, ON_CALL], [ON_CALL, ENGINEERS], [ENGINEERS, SERVICE_DESK]] as const) await removeMember(g, m);
    }
  });

  it('lists SMS-AllStaff once per person although the service desk is both direct and nested', async () => {
    const users = await walk(`/groups/${ALL_STAFF}/transitiveMembers/microsoft.graph.user?$select=userPrincipalName`);
    expect(users).toHaveLength(16);
    expect(new Set(users.map((u) => u.userPrincipalName)).size).toBe(16);
  });

  it('needs a group-reading permission (GroupMember.Read.All least privileged)', async () => {
    expect((await emu.graph(demo.priya, `/groups/${ALL_STAFF}/transitiveMembers`, { scopes: ['GroupMember.Read.All'] })).status).toBe(200);
    const denied = await emu.graph(demo.priya, `/groups/${ALL_STAFF}/transitiveMembers`, { scopes: ['User.Read', 'User.ReadBasic.All'] });
    expect((await errorOf(denied)).status).toBe(403);
  });
});

describe('adding and removing members with $ref', () => {
  it('adds a user (204), refuses a second add with the directory wording, and removes them (204)', async () => {
    expect(upns((await getJson(`/groups/${AUDITORS}/members`)).value)).not.toContain(demo.jack);
    const jackId = ((await (await emu.graph(demo.tom, `/users/${demo.jack}`)).json()) as Json).id as string;
    expect((await addMember(AUDITORS, jackId, demo.tom, ['GroupMember.ReadWrite.All'])).status).toBe(204);
    expect(upns((await getJson(`/groups/${AUDITORS}/members`)).value)).toContain(demo.jack);

    const again = await errorOf(await addMember(AUDITORS, jackId));
    expect(again).toMatchObject({ status: 400, code: 'Request_BadRequest', message: "One or more added object references already exist for the following modified properties: 'members'." });

    expect((await removeMember(AUDITORS, jackId)).status).toBe(204);
    expect(upns((await getJson(`/groups/${AUDITORS}/members`)).value)).not.toContain(demo.jack);
    const gone = await errorOf(await removeMember(AUDITORS, jackId));
    expect(gone).toMatchObject({ status: 404, code: 'Request_ResourceNotFound' });
  });

  it('answers 404 for an object that does not exist and 400 for a body without a reference', async () => {
    expect(await errorOf(await addMember(AUDITORS, '00000000-0000-0000-0000-000000000001'))).toMatchObject({ status: 404, code: 'Request_ResourceNotFound' });
    const noRef = await emu.graph(demo.tom, `/groups/${AUDITORS}/members/$ref`, { method: 'POST', body: JSON.stringify({ id: 'x' }) });
    expect((await errorOf(noRef)).status).toBe(400);
  });

  it('nests only security groups into security groups', async () => {
    const m365 = groupIdOf('Kestrel SMS');
    expect((await errorOf(await addMember(AUDITORS, m365))).status).toBe(400);
    expect((await errorOf(await addMember(m365, ENGINEERS))).status).toBe(400);
    expect((await errorOf(await addMember(AUDITORS, AUDITORS))).status).toBe(400);
  });

  it('needs GroupMember.ReadWrite.All and a user allowed to manage the group', async () => {
    const jackId = ((await (await emu.graph(demo.tom, `/users/${demo.jack}`)).json()) as Json).id as string;
    expect((await errorOf(await addMember(AUDITORS, jackId, demo.tom, ['GroupMember.Read.All']))).status).toBe(403);
    // Priya has no administrator stand-in (Full Control on the root site) and owns no group.
    expect(await errorOf(await addMember(AUDITORS, jackId, demo.priya))).toMatchObject({ status: 403, code: 'Authorization_RequestDenied' });
    expect((await removeMember(ALL_STAFF, jackId, demo.priya)).status).toBe(403);
  });
});

describe('memberships of the signed-in user', () => {
  it('memberOf stays direct; transitiveMemberOf and checkMemberGroups follow nesting', async () => {
    expect((await addMember(AUDITORS, ENGINEERS)).status).toBe(204);
    try {
      const direct = await getJson('/me/memberOf', demo.aisha);
      expect(direct.value.map((g) => g.displayName)).not.toContain('SMS-InternalAuditors');
      const transitive = await getJson('/me/transitiveMemberOf?$select=id,displayName', demo.aisha, ['User.Read']);
      expect(transitive.value.map((g) => g.displayName)).toContain('SMS-InternalAuditors');
      expect(transitive.value.every((g) => g['@odata.type'] === '#microsoft.graph.group')).toBe(true);
      const check = await emu.graph(demo.aisha, '/me/checkMemberGroups', { method: 'POST', body: JSON.stringify({ groupIds: [AUDITORS, groupIdOf('SMS-Managers')] }) });
      expect(((await check.json()) as { value: string[] }).value).toEqual([AUDITORS]);
    } finally {
      await removeMember(AUDITORS, ENGINEERS);
    }
    const after = await emu.graph(demo.aisha, '/me/checkMemberGroups', { method: 'POST', body: JSON.stringify({ groupIds: [AUDITORS] }) });
    expect(((await after.json()) as { value: string[] }).value).toEqual([]);
  });
});
