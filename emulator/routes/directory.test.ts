import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startTestEmulator, demo, type TestEmulator } from '../../tests/support/emulator.js';

type Json = Record<string, unknown>;
interface Collection { '@odata.context': string; '@odata.count'?: number; '@odata.nextLink'?: string; value: Json[] }
interface ErrorBody { error: { code: string; message: string } }

const EVENTUAL = { ConsistencyLevel: 'eventual' };
const DEFAULT_USER_KEYS = [
  'businessPhones', 'displayName', 'givenName', 'id', 'jobTitle', 'mail', 'mobilePhone',
  'officeLocation', 'preferredLanguage', 'surname', 'userPrincipalName',
].sort();

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(() => emu.close());

/** GET with the query given as plain text; encodes it like a client would. */
async function get(path: string, query: Record<string, string> = {}, headers: Record<string, string> = {}, upn = demo.priya, scopes?: string[]) {
  const qs = Object.entries(query).map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
  return emu.graph(upn, qs ? `${path}?${qs}` : path, { headers, scopes });
}
async function getJson<T = Collection>(path: string, query: Record<string, string> = {}, headers: Record<string, string> = {}): Promise<T> {
  const res = await get(path, query, headers);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as T;
}
async function expectError(res: Response, status: number, code: string): Promise<ErrorBody> {
  expect(res.status).toBe(status);
  const body = (await res.json()) as ErrorBody;
  expect(body.error.code).toBe(code);
  return body;
}
const names = (c: Collection) => c.value.map((u) => u.displayName as string);

async function groupId(name: string): Promise<string> {
  const c = await getJson('/groups', { $filter: `displayName eq '${name}'` });
  expect(c.value).toHaveLength(1);
  return c.value[0]!.id as string;
}

describe('GET /me and GET /users/{id | userPrincipalName}', () => {
  it('returns the signed-in user with the default v1.0 property set', async () => {
    const me = await getJson<Json>('/me');
    expect(me['@odata.context']).toBe(`${emu.graphBaseUrl}/$metadata#users/$entity`);
    const { '@odata.context': _ctx, ...props } = me;
    expect(Object.keys(props).sort()).toEqual(DEFAULT_USER_KEYS);
    expect(me.userPrincipalName).toBe(demo.priya);
    expect(me.displayName).toBe('Priya Nair');
    expect(me.businessPhones).toEqual([]);
  });

  it('applies $select and names it in @odata.context', async () => {
    const me = await getJson<Json>('/me', { $select: 'displayName,department' });
    expect(me['@odata.context']).toBe(`${emu.graphBaseUrl}/$metadata#users(displayName,department)/$entity`);
    expect(me).toEqual({ '@odata.context': me['@odata.context'], displayName: 'Priya Nair', department: 'Service Quality' });
  });

  it('finds a user by UPN (any case) and by id, and answers 404 Request_ResourceNotFound otherwise', async () => {
    const byUpn = await getJson<Json>(`/users/${demo.tom.toUpperCase()}`);
    expect(byUpn.displayName).toBe('Tom Whitaker');
    const byId = await getJson<Json>(`/users/${(byUpn.id as string).toUpperCase()}`);
    expect(byId.userPrincipalName).toBe(demo.tom);
    await expectError(await get('/users/nobody@kestrelms.onmicrosoft.com'), 404, 'Request_ResourceNotFound');
  });

  it('lets User.Read read the signed-in user only', async () => {
    const self = await get(`/users/${demo.jack}`, {}, {}, demo.jack, ['User.Read']);
    expect(self.status).toBe(200);
    await expectError(await get(`/users/${demo.tom}`, {}, {}, demo.jack, ['User.Read']), 403, 'Authorization_RequestDenied');
    await expectError(await get('/users', {}, {}, demo.jack, ['User.Read']), 403, 'Authorization_RequestDenied');
  });
});

describe('GET /users', () => {
  it('lists all 16 demo users with the default property set', async () => {
    const c = await getJson('/users');
    expect(c['@odata.context']).toBe(`${emu.graphBaseUrl}/$metadata#users`);
    expect(c.value).toHaveLength(16);
    for (const u of c.value) expect(Object.keys(u).sort()).toEqual(DEFAULT_USER_KEYS);
    expect(c['@odata.nextLink']).toBeUndefined();
  });

  it('filters with eq and startswith on the documented properties, case-insensitively', async () => {
    expect(names(await getJson('/users', { $filter: "startswith(displayName,'pri')" }))).toEqual(['Priya Nair']);
    expect(names(await getJson('/users', { $filter: `mail eq '${demo.omar.toUpperCase()}'` }))).toEqual(['Omar Haddad']);
    expect(names(await getJson('/users', { $filter: "department eq 'Operations'" })).sort()).toEqual(
      ['Aisha Rahman', 'David Kowalski', 'Fiona McAllister', 'Omar Haddad'],
    );
    expect(names(await getJson('/users', { $filter: "jobTitle eq 'Quality & Compliance Coordinator'" }))).toEqual(['Priya Nair']);
    const tom = await getJson<Json>(`/users/${demo.tom}`);
    expect(names(await getJson('/users', { $filter: `id eq '${tom.id as string}'` }))).toEqual(['Tom Whitaker']);
    expect(names(await getJson('/users', { $filter: "userPrincipalName eq 'x' or startswith(givenName,'Sof')" }))).toEqual(['Sofia Almeida']);
  });

  it('rejects a filter on a property directory queries do not support', async () => {
    await expectError(await get('/users', { $filter: "city eq 'Manchester'" }), 400, 'Request_UnsupportedQuery');
    await expectError(await get('/users', { $filter: "displayName eq 'unterminated" }), 400, 'BadRequest');
  });

  it('returns only the $select properties (id only when asked for)', async () => {
    const c = await getJson('/users', { $select: 'displayName,jobTitle', $filter: "startswith(displayName,'Ja')" });
    expect(c['@odata.context']).toBe(`${emu.graphBaseUrl}/$metadata#users(displayName,jobTitle)`);
    expect(c.value).toEqual([{ displayName: 'Jack Turner', jobTitle: 'Service Desk Analyst' }]);
  });

  it('orders by displayName, both directions', async () => {
    const asc = names(await getJson('/users', { $orderby: 'displayName' }));
    expect(asc).toEqual([...asc].sort((a, b) => a.localeCompare(b)));
    expect(asc[0]).toBe('Aisha Rahman');
    const desc = names(await getJson('/users', { $orderby: 'displayName desc' }));
    expect(desc).toEqual([...asc].reverse());
  });

  describe('advanced queries need ConsistencyLevel: eventual and $count=true', () => {
    const cases: [string, Record<string, string>][] = [
      ['ne', { $filter: "department ne 'Operations'" }],
      ['not', { $filter: "not startswith(displayName,'A')" }],
      ['endsWith', { $filter: "endswith(mail,'@kestrelms.onmicrosoft.com')" }],
      ['$filter with $orderby', { $filter: "startswith(displayName,'A')", $orderby: 'displayName' }],
    ];
    for (const [label, query] of cases) {
      it(`${label}: 400 Request_UnsupportedQuery without them`, async () => {
        await expectError(await get('/users', query), 400, 'Request_UnsupportedQuery');
        await expectError(await get('/users', query, EVENTUAL), 400, 'Request_UnsupportedQuery');
        await expectError(await get('/users', { ...query, $count: 'true' }), 400, 'Request_UnsupportedQuery');
      });
    }

    it('answers them with the header and $count=true, including @odata.count', async () => {
      const ne = await getJson('/users', { $filter: "department ne 'Operations'", $count: 'true' }, EVENTUAL);
      expect(ne['@odata.count']).toBe(12);
      expect(names(ne)).not.toContain('Omar Haddad');
      const not = await getJson('/users', { $filter: "not startswith(displayName,'A')", $count: 'true' }, EVENTUAL);
      expect(names(not)).not.toContain('Aisha Rahman');
      expect(not.value).toHaveLength(15);
      const ends = await getJson('/users', { $filter: `endswith(userPrincipalName,'${demo.fiona.slice(2)}')`, $count: 'true' }, EVENTUAL);
      expect(names(ends)).toEqual(['Fiona McAllister']);
      const sorted = await getJson('/users', { $filter: "department eq 'Leadership'", $orderby: 'displayName desc', $count: 'true' }, EVENTUAL);
      expect(names(sorted)).toEqual(['Raj Patel', 'Hannah Okafor', 'Eleanor Marsh']);
    });

    it('ignores $count=true silently without the header', async () => {
      const c = await getJson('/users', { $count: 'true' });
      expect(c['@odata.count']).toBeUndefined();
      expect(c.value).toHaveLength(16);
      const counted = await getJson('/users', { $count: 'true' }, EVENTUAL);
      expect(counted['@odata.count']).toBe(16);
    });

    it('$search needs the header (documented message) and matches word prefixes, not substrings', async () => {
      const body = await expectError(await get('/users', { $search: '"displayName:pri"' }), 400, 'Request_UnsupportedQuery');
      expect(body.error.message).toBe("Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'");
      expect(names(await getJson('/users', { $search: '"displayName:pri"' }, EVENTUAL))).toEqual(['Priya Nair']);
      expect(names(await getJson('/users', { $search: '"displayName:nair"' }, EVENTUAL))).toEqual(['Priya Nair']);
      expect(names(await getJson('/users', { $search: '"displayName:riya"' }, EVENTUAL))).toEqual([]);
      expect(names(await getJson('/users', { $search: '"displayName:tom" OR "mail:jack"' }, EVENTUAL)).sort()).toEqual(['Jack Turner', 'Tom Whitaker']);
      await expectError(await get('/users', { $search: 'displayName:pri' }, EVENTUAL), 400, 'Request_UnsupportedQuery');
    });

    it('GET /users/$count answers text with the header and 400 without', async () => {
      const res = await get('/users/$count', {}, EVENTUAL);
      expect(res.status).toBe(200);
      expect(await res.text()).toBe('16');
      await expectError(await get('/users/$count'), 400, 'Request_BadRequest');
    });
  });

  describe('paging', () => {
    async function walk(first: string, headers: Record<string, string> = {}) {
      const pages: Collection[] = [];
      let url: string | undefined = `${emu.graphBaseUrl}${first}`;
      while (url) {
        const res: Response = await emu.graph(demo.priya, url, { headers: pages.length === 0 ? headers : {} });
        expect(res.status, await res.clone().text()).toBe(200);
        const page = (await res.json()) as Collection;
        pages.push(page);
        url = page['@odata.nextLink'];
        expect(pages.length).toBeLessThan(20);
      }
      return pages;
    }

    it('walks every user exactly once with $top=5 through opaque nextLinks', async () => {
      const all = (await getJson('/users')).value.map((u) => u.id as string);
      const pages = await walk('/users?$top=5');
      expect(pages.map((p) => p.value.length)).toEqual([5, 5, 5, 1]);
      const seen = pages.flatMap((p) => p.value.map((u) => u.id as string));
      expect(new Set(seen).size).toBe(seen.length);
      expect([...seen].sort()).toEqual([...all].sort());
      expect(pages[0]!['@odata.nextLink']).toContain('$skiptoken=');
      expect(pages.at(-1)!['@odata.nextLink']).toBeUndefined();
    });

    it('keeps an advanced query on next pages without the header; @odata.count is on the first page only', async () => {
      const pages = await walk(`/users?$filter=${encodeURIComponent("department ne 'Operations'")}&$orderby=displayName&$count=true&$top=5`, EVENTUAL);
      expect(pages[0]!['@odata.count']).toBe(12);
      for (const p of pages.slice(1)) expect(p['@odata.count']).toBeUndefined();
      const seen = pages.flatMap(names);
      expect(seen).toHaveLength(12);
      expect(seen).toEqual([...seen].sort((a, b) => a.localeCompare(b)));
    });

    it('rejects $top above 999', async () => {
      await expectError(await get('/users', { $top: '1000' }), 400, 'Request_UnsupportedQuery');
      expect((await getJson('/users', { $top: '999' })).value).toHaveLength(16);
    });
  });
});

describe('groups', () => {
  it('lists groups, filters on displayName and on groupTypes/any(...)', async () => {
    const all = await getJson('/groups');
    expect(all['@odata.context']).toBe(`${emu.graphBaseUrl}/$metadata#groups`);
    expect(names(all)).toEqual(expect.arrayContaining(['SMS-Managers', 'SMS-AllStaff', 'Kestrel SMS', 'Kestrel-Engineers']));
    const unified = await getJson('/groups', { $filter: "groupTypes/any(c:c eq 'Unified')" });
    expect(names(unified)).toEqual(['Kestrel SMS']);
    expect(names(await getJson('/groups', { $filter: "startswith(displayName,'sms-')" }))).toHaveLength(6);
  });

  it('gets one group and answers 404 Request_ResourceNotFound for an unknown id', async () => {
    const id = await groupId('SMS-Managers');
    const g = await getJson<Json>(`/groups/${id}`);
    expect(g['@odata.context']).toBe(`${emu.graphBaseUrl}/$metadata#groups/$entity`);
    expect(g.displayName).toBe('SMS-Managers');
    expect(g.securityEnabled).toBe(true);
    await expectError(await get('/groups/00000000-0000-0000-0000-000000000000'), 404, 'Request_ResourceNotFound');
  });

  it('lists members as directoryObjects typed #microsoft.graph.user', async () => {
    const managers = await getJson(`/groups/${await groupId('SMS-Managers')}/members`);
    expect(managers['@odata.context']).toBe(`${emu.graphBaseUrl}/$metadata#directoryObjects`);
    expect(names(managers)).toEqual(['Tom Whitaker']);
    expect(managers.value[0]!['@odata.type']).toBe('#microsoft.graph.user');
    const everyone = await getJson(`/groups/${await groupId('Kestrel SMS')}/members`, { $select: 'id,userPrincipalName' });
    expect(everyone.value).toHaveLength(16);
    for (const m of everyone.value) expect(Object.keys(m).sort()).toEqual(['@odata.type', 'id', 'userPrincipalName']);
  });

  it('refuses group reads without a group scope', async () => {
    await expectError(await get('/groups', {}, {}, demo.priya, ['User.Read']), 403, 'Authorization_RequestDenied');
  });
});

describe('the signed-in user\'s memberships', () => {
  it('GET /me/memberOf lists the direct groups typed #microsoft.graph.group', async () => {
    const c = await getJson('/me/memberOf');
    expect(c['@odata.context']).toBe(`${emu.graphBaseUrl}/$metadata#directoryObjects`);
    expect(names(c).sort()).toEqual(['Kestrel SMS', 'SMS-AllStaff', 'SMS-DocumentControllers', 'SMS-InternalAuditors', 'SMS-ProcessOwners']);
    for (const g of c.value) expect(g['@odata.type']).toBe('#microsoft.graph.group');
  });

  it('GET /me/memberOf works with User.Read alone', async () => {
    const res = await get('/me/memberOf', {}, {}, demo.jack, ['User.Read']);
    expect(res.status).toBe(200);
    await expectError(await get('/me/memberOf', {}, {}, demo.jack, ['Sites.Read.All']), 403, 'Authorization_RequestDenied');
  });

  it('POST /me/checkMemberGroups returns the ids the user is a member of', async () => {
    const dc = await groupId('SMS-DocumentControllers');
    const managers = await groupId('SMS-Managers');
    const res = await emu.graph(demo.priya, '/me/checkMemberGroups', {
      method: 'POST',
      body: JSON.stringify({ groupIds: [dc, managers, '11111111-2222-3333-4444-555555555555'] }),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { value: string[] }).value).toEqual([dc]);
  });

  it('POST /me/checkMemberGroups accepts at most 20 ids', async () => {
    const ids = Array.from({ length: 21 }, (_, i) => `00000000-0000-0000-0000-${String(i).padStart(12, '0')}`);
    const res = await emu.graph(demo.priya, '/me/checkMemberGroups', { method: 'POST', body: JSON.stringify({ groupIds: ids }) });
    expect(res.status).toBe(400);
    const ok20 = await emu.graph(demo.priya, '/me/checkMemberGroups', { method: 'POST', body: JSON.stringify({ groupIds: ids.slice(0, 20) }) });
    expect(ok20.status).toBe(200);
  });

  it('POST /me/checkMemberGroups needs a group scope besides User.Read', async () => {
    const res = await emu.graph(demo.priya, '/me/checkMemberGroups', { method: 'POST', body: JSON.stringify({ groupIds: [] }), scopes: ['User.Read'] });
    await expectError(res, 403, 'Authorization_RequestDenied');
  });
});

describe('/users/{id | userPrincipalName}/… forms of the /me routes', () => {
  it('GET /users/{upn}/memberOf and /users/{id}/memberOf list that user\'s direct groups', async () => {
    const jack = await getJson<Json>(`/users/${demo.jack}`);
    const byUpn = await getJson(`/users/${demo.jack.toUpperCase()}/memberOf`);
    const byId = await getJson(`/users/${jack.id as string}/memberOf`);
    expect(byUpn['@odata.context']).toBe(`${emu.graphBaseUrl}/$metadata#directoryObjects`);
    expect(names(byUpn).sort()).toEqual(['Kestrel SMS', 'Kestrel-ServiceDesk', 'SMS-AllStaff']);
    expect(names(byId)).toEqual(names(byUpn));
    for (const g of byUpn.value) expect(g['@odata.type']).toBe('#microsoft.graph.group');
  });

  it("reads another user's memberships only with a higher privileged scope; one's own with User.Read", async () => {
    await expectError(await get(`/users/${demo.jack}/memberOf`, {}, {}, demo.priya, ['User.Read', 'User.ReadBasic.All']), 403, 'Authorization_RequestDenied');
    expect((await get(`/users/${demo.jack}/memberOf`, {}, {}, demo.priya, ['GroupMember.Read.All'])).status).toBe(200);
    expect((await get(`/users/${demo.jack}/memberOf`, {}, {}, demo.jack, ['User.Read'])).status).toBe(200);
    await expectError(await get('/users/nobody@kestrelms.onmicrosoft.com/memberOf'), 404, 'Request_ResourceNotFound');
  });

  it('POST /users/{upn}/checkMemberGroups answers for that user', async () => {
    const sd = await groupId('Kestrel-ServiceDesk');
    const dc = await groupId('SMS-DocumentControllers');
    const res = await emu.graph(demo.priya, `/users/${demo.jack}/checkMemberGroups`, { method: 'POST', body: JSON.stringify({ groupIds: [sd, dc] }) });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { value: string[] }).value).toEqual([sd]);
    const userReadOnly = await emu.graph(demo.priya, `/users/${demo.jack}/checkMemberGroups`, {
      method: 'POST',
      body: JSON.stringify({ groupIds: [sd] }),
      scopes: ['User.Read', 'GroupMember.Read.All'],
    });
    await expectError(userReadOnly, 403, 'Authorization_RequestDenied');
  });
});

describe('group resource shape (resources/group, group-get)', () => {
  const GROUP_DEFAULT_KEYS = [
    'id', 'deletedDateTime', 'classification', 'createdDateTime', 'description', 'displayName', 'expirationDateTime',
    'groupTypes', 'isAssignableToRole', 'mail', 'mailEnabled', 'mailNickname', 'membershipRule',
    'membershipRuleProcessingState', 'onPremisesDomainName', 'onPremisesLastSyncDateTime', 'onPremisesNetBiosName',
    'onPremisesSamAccountName', 'onPremisesSecurityIdentifier', 'onPremisesSyncEnabled', 'preferredDataLocation',
    'preferredLanguage', 'proxyAddresses', 'renewedDateTime', 'resourceBehaviorOptions', 'resourceProvisioningOptions',
    'securityEnabled', 'securityIdentifier', 'theme', 'visibility', 'onPremisesProvisioningErrors',
  ].sort();

  it('GET /groups/{id} returns every default property of a Microsoft 365 group', async () => {
    const id = await groupId('Kestrel SMS');
    const g = await getJson<Json>(`/groups/${id}`);
    const { '@odata.context': context, ...props } = g;
    expect(context).toBe(`${emu.graphBaseUrl}/$metadata#groups/$entity`);
    expect(Object.keys(props).sort()).toEqual(GROUP_DEFAULT_KEYS);
    expect(g).toMatchObject({
      groupTypes: ['Unified'],
      mailEnabled: true,
      securityEnabled: false,
      mailNickname: 'KestrelSMS',
      mail: 'kestrelsms@kestrelms.onmicrosoft.com',
      proxyAddresses: ['SMTP:kestrelsms@kestrelms.onmicrosoft.com'],
      visibility: 'Private',
      resourceProvisioningOptions: ['Team'],
      resourceBehaviorOptions: [],
      deletedDateTime: null,
    });
    expect(g.createdDateTime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(g.renewedDateTime).toBe(g.createdDateTime);
    expect(g.securityIdentifier).toMatch(/^S-1-12-1-\d+-\d+-\d+-\d+$/);
  });

  it('a security group: not mail-enabled, no proxy addresses, no Team', async () => {
    const g = await getJson<Json>(`/groups/${await groupId('SMS-Managers')}`);
    expect(g).toMatchObject({ groupTypes: [], mailEnabled: false, securityEnabled: true, mail: null, proxyAddresses: [], resourceProvisioningOptions: [] });
  });

  it('GET /groups lists the same default shape, and $select reaches derived properties', async () => {
    const c = await getJson('/groups', { $filter: "displayName eq 'Kestrel SMS'" });
    expect(Object.keys(c.value[0]!).sort()).toEqual(GROUP_DEFAULT_KEYS);
    const sel = await getJson<Json>(`/groups/${await groupId('Kestrel SMS')}`, { $select: 'securityIdentifier,visibility' });
    expect(Object.keys(sel).filter((k) => !k.startsWith('@')).sort()).toEqual(['securityIdentifier', 'visibility']);
  });

  it('computes securityIdentifier from the object id as Entra ID does (group-get example)', async () => {
    const { groupSecurityIdentifier } = await import('./directory.js');
    expect(groupSecurityIdentifier('02bd9fd6-8f93-4758-87c3-1fb73740a315')).toBe('S-1-12-1-45981654-1196986259-3072312199-363020343');
  });
});
