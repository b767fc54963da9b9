import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, demo, type TestEmulator } from '../../tests/support/emulator.js';
import { groupIdOf, userIdOf } from '../../emulator/seed/tenant.js';
import { addGroupMember, addMember, insertGroup, insertUser } from '../../emulator/services/directory.js';
import { GraphError } from '../core/errors.js';
import { getTransitiveUserMembers, getUserByUpnOrId } from './members.js';

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(async () => {
  await emu.close();
});

const SERVICE_DESK = groupIdOf('Kestrel-ServiceDesk');
const ON_CALL = groupIdOf('Kestrel-OpsOnCall');
const upns = (people: { userPrincipalName?: string | null }[]) => people.map((p) => p.userPrincipalName).sort();

/** Membership changes as a directory administrator makes them (Tom stands in for one in the emulator). */
const join = (groupId: string, memberId: string) =>
  emu.graph(demo.tom, `/groups/${groupId}/members/$ref`, { method: 'POST', body: JSON.stringify({ '@odata.id': `https://graph.microsoft.com/v1.0/directoryObjects/${memberId}` }) });
const leave = (groupId: string, memberId: string) => emu.graph(demo.tom, `/groups/${groupId}/members/${memberId}/$ref`, { method: 'DELETE' });

describe('getTransitiveUserMembers', () => {
  it('returns the people of a group with their department, each once, with GroupMember.Read.All', async () => {
    const people = await getTransitiveUserMembers(emu.client(demo.priya, ['GroupMember.Read.All']), groupIdOf('SMS-AllStaff'));
    // SMS-AllStaff has every demo person directly and the service desk group nested: still 16 people.
    expect(people).toHaveLength(16);
    expect(new Set(upns(people)).size).toBe(16);
    expect(people.find((p) => p.userPrincipalName === demo.jack)).toEqual({
      id: userIdOf(demo.jack),
      displayName: 'Jack Turner',
      userPrincipalName: demo.jack,
      mail: demo.jack,
      department: 'Service Desk',
    });
  });

  it('resolves a nested group, and follows joiners and leavers added and removed with $ref', async () => {
    const client = emu.client(demo.priya);
    expect(upns(await getTransitiveUserMembers(client, SERVICE_DESK))).toEqual([demo.jack, demo.marcus, demo.sofia].sort());

    expect((await join(SERVICE_DESK, ON_CALL)).status).toBe(204);
    const withOnCall = await getTransitiveUserMembers(client, SERVICE_DESK);
    expect(upns(withOnCall)).toEqual([demo.jack, demo.marcus, demo.sofia, demo.david, demo.gareth, demo.omar, demo.fiona].sort());
    expect(withOnCall.find((p) => p.userPrincipalName === demo.gareth)?.department).toBe('Security');

    expect((await join(SERVICE_DESK, userIdOf(demo.priya))).status).toBe(204);
    expect(upns(await getTransitiveUserMembers(client, SERVICE_DESK))).toContain(demo.priya);

    expect((await leave(SERVICE_DESK, userIdOf(demo.priya))).status).toBe(204);
    expect((await leave(SERVICE_DESK, ON_CALL)).status).toBe(204);
    expect(upns(await getTransitiveUserMembers(client, SERVICE_DESK))).toEqual([demo.jack, demo.marcus, demo.sofia].sort());
  });

  it('follows every page of a group larger than one page', async () => {
    const db = emu.emulator.emu.db;
    const big = '00000000-0000-4000-8000-b16000000000';
    const nested = '00000000-0000-4000-8000-b16000000001';
    insertGroup(db, { id: big, displayName: 'Everyone in the region', securityEnabled: true });
    insertGroup(db, { id: nested, displayName: 'Contractors in the region', securityEnabled: true });
    addGroupMember(db, big, nested);
    for (let i = 0; i < 1100; i++) {
      const upn = `person${i}@kestrelms.onmicrosoft.com`;
      const id = `00000000-0000-4000-9000-${String(i).padStart(12, '0')}`;
      insertUser(db, { id, userPrincipalName: upn, displayName: `Person ${i}`, mail: upn, department: 'Operations' });
      addMember(db, i % 2 ? big : nested, id);
    }
    await emu.clearRequestLog();
    const people = await getTransitiveUserMembers(emu.client(demo.priya), big);
    expect(people).toHaveLength(1100);
    expect(new Set(people.map((p) => p.id)).size).toBe(1100);
    const calls = (await emu.requestLog()).filter((r) => r.path.includes('/transitiveMembers/'));
    expect(calls).toHaveLength(2);
  });

  it('fails with 403 without a group-reading scope', async () => {
    const err = await getTransitiveUserMembers(emu.client(demo.priya, ['User.Read', 'User.ReadBasic.All']), SERVICE_DESK).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GraphError);
    expect((err as GraphError).status).toBe(403);
  });
});

describe('getUserByUpnOrId', () => {
  it('finds a person by UPN (any case) or by id, with their department', async () => {
    const client = emu.client(demo.priya);
    const byUpn = await getUserByUpnOrId(client, demo.gareth.toUpperCase());
    expect(byUpn).toEqual({ id: userIdOf(demo.gareth), displayName: 'Gareth Lloyd', userPrincipalName: demo.gareth, mail: demo.gareth, department: 'Security' });
    expect(await getUserByUpnOrId(client, userIdOf(demo.gareth))).toEqual(byUpn);
  });

  it('returns null for someone the directory does not know, and throws other failures', async () => {
    expect(await getUserByUpnOrId(emu.client(demo.priya), 'nobody@kestrelms.onmicrosoft.com')).toBeNull();
    const err = await getUserByUpnOrId(emu.client(demo.priya, ['User.Read']), demo.gareth).catch((e: unknown) => e);
    expect((err as GraphError).status).toBe(403);
  });
});
