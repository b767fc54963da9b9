import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, demo, type TestEmulator } from '../../tests/support/emulator.js';
import { groupIdOf } from '../../emulator/seed/tenant.js';
import { createGraphClient } from '../core/client.js';
import { GraphError } from '../core/errors.js';
import { checkMemberGroups, findGroupByName, getMyGroups, getUserGroups, listUsers } from './index.js';

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(async () => {
  await emu.close();
});
const clientFor = (upn: string, scopes?: string[]) => createGraphClient({ baseUrl: emu.graphBaseUrl, getToken: () => emu.token(upn, scopes) });

describe('getMyGroups', () => {
  it("returns the signed-in user's groups by name, with User.Read alone", async () => {
    const names = (await getMyGroups(clientFor(demo.priya, ['User.Read']))).map((g) => g.displayName);
    expect(names).toEqual(expect.arrayContaining(['SMS-DocumentControllers', 'SMS-InternalAuditors', 'SMS-ProcessOwners', 'Kestrel SMS']));
    expect(names).not.toContain('SMS-Managers');
    const jack = (await getMyGroups(clientFor(demo.jack))).map((g) => g.displayName);
    expect(jack).toContain('Kestrel-ServiceDesk');
    expect(jack).not.toContain('SMS-DocumentControllers');
  });
});

describe('checkMemberGroups', () => {
  it('answers which of the given groups the user is in', async () => {
    const managers = groupIdOf('SMS-Managers');
    const auditors = groupIdOf('SMS-InternalAuditors');
    expect(await checkMemberGroups(clientFor(demo.tom), [managers, auditors])).toEqual([managers]);
    expect(await checkMemberGroups(clientFor(demo.priya), [managers, auditors])).toEqual([auditors]);
  });

  it('fails with 403 without a group-reading scope', async () => {
    const err = await checkMemberGroups(clientFor(demo.tom, ['User.Read']), [groupIdOf('SMS-Managers')]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GraphError);
    expect((err as GraphError).status).toBe(403);
  });
});

describe('findGroupByName', () => {
  it('finds a group by its exact display name, spaces included', async () => {
    const group = await findGroupByName(clientFor(demo.tom), 'Kestrel SMS');
    expect(group?.id).toBe(groupIdOf('Kestrel SMS'));
    expect(group?.groupTypes).toContain('Unified');
  });

  it('returns null for a name that does not exist, even one with quotes', async () => {
    expect(await findGroupByName(clientFor(demo.tom), "O'Brien's team")).toBeNull();
  });
});

describe('listUsers', () => {
  it('pages through users and filters by prefix', async () => {
    const first = await listUsers(clientFor(demo.jack), { top: 10 });
    expect(first.items).toHaveLength(10);
    const second = await listUsers(clientFor(demo.jack), { nextLink: first.nextLink });
    expect(second.items.length).toBeGreaterThan(0);
    const found = await listUsers(clientFor(demo.jack), { startsWith: 'Priya' });
    expect(found.items.map((u) => u.userPrincipalName)).toEqual([demo.priya]);
  });
});

describe('getUserGroups', () => {
  it("returns another user's groups with GroupMember.Read.All, and 403 with only User.Read", async () => {
    const names = (await getUserGroups(clientFor(demo.tom, ['GroupMember.Read.All']), demo.jack)).map((g) => g.displayName).sort();
    expect(names).toEqual(['Kestrel SMS', 'Kestrel-ServiceDesk', 'SMS-AllStaff']);
    const err = await getUserGroups(clientFor(demo.tom, ['User.Read']), demo.jack).catch((e: unknown) => e);
    expect((err as GraphError).status).toBe(403);
  });
});
