import { describe, it, expect, beforeAll, afterAll, afterEach } from 'vitest';
import { startTestEmulator, demo, type TestEmulator } from '../../tests/support/emulator.js';

interface Inner { id: string; status: number; headers: Record<string, string>; body?: Record<string, unknown> & { error?: { code: string; message: string } } }
interface BatchBody { responses: Inner[] }

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(() => emu.close());
afterEach(async () => {
  await fetch(`${emu.origin}/_dev/faults`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ force429Count: 0, failureRate: 0 }) });
});

async function batch(requests: unknown[], upn = demo.priya, scopes?: string[]) {
  return emu.graph(upn, '/$batch', { method: 'POST', body: JSON.stringify({ requests }), scopes });
}
async function batchOk(requests: unknown[], upn = demo.priya, scopes?: string[]): Promise<Map<string, Inner>> {
  const res = await batch(requests, upn, scopes);
  expect(res.status, await res.clone().text()).toBe(200);
  const body = (await res.json()) as BatchBody;
  expect(body.responses).toHaveLength(requests.length);
  return new Map(body.responses.map((r) => [r.id, r]));
}

describe('POST /$batch', () => {
  it('runs 20 requests and returns each response with its id, status, headers and parsed JSON body', async () => {
    const requests = Array.from({ length: 20 }, (_, i) => ({ id: String(i + 1), method: 'GET', url: i % 2 ? '/me' : 'me?$select=displayName' }));
    const res = await batchOk(requests);
    for (let i = 1; i <= 20; i++) {
      const r = res.get(String(i))!;
      expect(r.status).toBe(200);
      expect(r.headers['Content-Type']).toMatch(/application\/json/);
      expect(r.body?.displayName).toBe('Priya Nair');
    }
  });

  it('refuses 21 requests with 400', async () => {
    const requests = Array.from({ length: 21 }, (_, i) => ({ id: String(i + 1), method: 'GET', url: '/me' }));
    const res = await batch(requests);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('BadRequest');
    expect(body.error.message).toMatch(/20/);
  });

  it('refuses the whole batch when two requests share an id (ids are not case-sensitive)', async () => {
    const dup = await batch([{ id: '1', method: 'GET', url: '/me' }, { id: '1', method: 'GET', url: '/me' }]);
    expect(dup.status).toBe(400);
    const dupCase = await batch([{ id: 'a', method: 'GET', url: '/me' }, { id: 'A', method: 'GET', url: '/me' }]);
    expect(dupCase.status).toBe(400);
  });

  it('refuses a malformed batch: no requests array, a dependsOn on an unknown id, a cycle', async () => {
    const noArray = await emu.graph(demo.priya, '/$batch', { method: 'POST', body: JSON.stringify({ requests: {} }) });
    expect(noArray.status).toBe(400);
    expect((await batch([{ id: '1', method: 'GET', url: '/me', dependsOn: ['9'] }])).status).toBe(400);
    const cycle = await batch([
      { id: '1', method: 'GET', url: '/me', dependsOn: ['2'] },
      { id: '2', method: 'GET', url: '/me', dependsOn: ['1'] },
    ]);
    expect(cycle.status).toBe(400);
  });

  it('gives each request its own status: one 404 and one 403 among 200s', async () => {
    const res = await batchOk(
      [
        { id: 'me', method: 'GET', url: '/me' },
        { id: 'missing', method: 'GET', url: '/users/nobody@kestrelms.onmicrosoft.com' },
        { id: 'users', method: 'GET', url: '/users' },
      ],
      demo.jack,
      ['User.Read'],
    );
    expect(res.get('me')!.status).toBe(200);
    expect(res.get('missing')!.status).toBe(404);
    expect(res.get('missing')!.body?.error?.code).toBe('Request_ResourceNotFound');
    expect(res.get('users')!.status).toBe(403);
    expect(res.get('users')!.body?.error?.code).toBe('Authorization_RequestDenied');
  });

  it('runs dependsOn in order and fails dependants of a failed request with 424', async () => {
    await fetch(`${emu.origin}/_dev/requests`, { method: 'DELETE' });
    const res = await batchOk([
      { id: '3', method: 'GET', url: '/me', dependsOn: ['2'] },
      { id: '2', method: 'GET', url: '/me', dependsOn: ['1'] },
      { id: '1', method: 'GET', url: '/groups/00000000-0000-0000-0000-000000000000' },
      { id: '4', method: 'GET', url: '/me' },
    ]);
    expect(res.get('1')!.status).toBe(404);
    for (const id of ['2', '3']) {
      expect(res.get(id)!.status).toBe(424);
      expect(res.get(id)!.body?.error?.code).toBeTruthy();
      expect(res.get(id)!.body?.displayName).toBeUndefined();
    }
    expect(res.get('4')!.status).toBe(200);

    const log = (await (await fetch(`${emu.origin}/_dev/requests`)).json()) as { path: string; inBatch: boolean }[];
    // The dependants never ran: only '1' and '4' reached the pipeline.
    expect(log.filter((e) => e.inBatch && e.path === '/v1.0/me')).toHaveLength(1);
  });

  it('runs a successful chain', async () => {
    await fetch(`${emu.origin}/_dev/requests`, { method: 'DELETE' });
    const res = await batchOk([
      { id: '1', method: 'GET', url: '/me' },
      { id: '2', method: 'GET', url: '/me/memberOf', dependsOn: ['1'] },
    ]);
    expect(res.get('2')!.status).toBe(200);
    const log = (await (await fetch(`${emu.origin}/_dev/requests`)).json()) as { path: string; inBatch: boolean }[];
    expect(log.filter((e) => e.inBatch).map((e) => e.path)).toEqual(['/v1.0/me', '/v1.0/me/memberOf']);
    expect(log.filter((e) => !e.inBatch).map((e) => e.path)).toEqual(['/v1.0/$batch']);
  });

  it('needs a Content-Type header on a request with a body (400 for that request only)', async () => {
    const res = await batchOk([
      { id: 'noType', method: 'POST', url: '/me/checkMemberGroups', body: { groupIds: [] } },
      { id: 'typed', method: 'POST', url: '/me/checkMemberGroups', body: { groupIds: [] }, headers: { 'Content-Type': 'application/json' } },
    ]);
    expect(res.get('noType')!.status).toBe(400);
    expect(res.get('typed')!.status).toBe(200);
    expect(res.get('typed')!.body?.value).toEqual([]);
  });

  it('passes inner headers such as ConsistencyLevel', async () => {
    const res = await batchOk([
      { id: 'plain', method: 'GET', url: '/users?$search="displayName:pri"' },
      { id: 'eventual', method: 'GET', url: '/users?$search="displayName:pri"', headers: { ConsistencyLevel: 'eventual' } },
    ]);
    expect(res.get('plain')!.status).toBe(400);
    expect(res.get('plain')!.body?.error?.code).toBe('Request_UnsupportedQuery');
    expect(res.get('eventual')!.status).toBe(200);
    expect((res.get('eventual')!.body?.value as { displayName: string }[]).map((u) => u.displayName)).toEqual(['Priya Nair']);
  });

  it('returns a text body as a string', async () => {
    const res = await batchOk([{ id: 'count', method: 'GET', url: '/users/$count', headers: { ConsistencyLevel: 'eventual' } }]);
    expect(res.get('count')!.status).toBe(200);
    expect(res.get('count')!.headers['Content-Type']).toMatch(/^text\/plain/);
    expect(res.get('count')!.body).toBe('16');
  });

  it('throttles one inner request with its own 429 and Retry-After while the batch answers 200', async () => {
    await fetch(`${emu.origin}/_dev/faults`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ force429Count: 1, retryAfterSeconds: 2 }),
    });
    const res = await batchOk([
      { id: '1', method: 'GET', url: '/me' },
      { id: '2', method: 'GET', url: '/me' },
      { id: '3', method: 'GET', url: '/me' },
    ]);
    const statuses = [...res.values()].map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 429]);
    const throttled = [...res.values()].find((r) => r.status === 429)!;
    expect(throttled.headers['Retry-After']).toBe('2');
    expect(throttled.body?.error?.code).toBe('TooManyRequests');
  });

  it('refuses a nested $batch', async () => {
    const res = await batchOk([
      { id: '1', method: 'POST', url: '/$batch', headers: { 'Content-Type': 'application/json' }, body: { requests: [{ id: 'x', method: 'GET', url: '/me' }] } },
    ]);
    expect(res.get('1')!.status).toBe(400);
  });

  it('refuses an absolute url in a request', async () => {
    const res = await batchOk([{ id: '1', method: 'GET', url: 'https://graph.microsoft.com/v1.0/me' }]);
    expect(res.get('1')!.status).toBe(400);
  });

  it('refuses inner urls that leave /v1.0 or have dot segments, with a Graph error for that request only', async () => {
    const urls = ['/../_dev/token', '../_dev/faults', '/me/../../_dev/requests', '/%2e%2e/_dev/users', '/me/./', '\\..\\_dev\\users'];
    const res = await batchOk([...urls.map((url, i) => ({ id: String(i + 1), method: 'GET', url })), { id: 'ok', method: 'GET', url: '/me' }]);
    for (let i = 1; i <= urls.length; i++) {
      const r = res.get(String(i))!;
      expect(r.status, urls[i - 1]).toBe(400);
      expect(r.body?.error?.code).toBe('BadRequest');
      expect(r.body?.error?.message).toContain('/v1.0');
    }
    expect(res.get('ok')!.status).toBe(200);

    const mint = await batchOk([
      { id: 'mint', method: 'POST', url: '/../_dev/token', headers: { 'Content-Type': 'application/json' }, body: { upn: demo.tom, scopes: ['Sites.Manage.All'] } },
    ]);
    expect(mint.get('mint')!.status).toBe(400);
    expect(mint.get('mint')!.body).not.toHaveProperty('access_token');
  });

  it('needs a valid token but no particular scope', async () => {
    const res = await fetch(`${emu.graphBaseUrl}/$batch`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ requests: [{ id: '1', method: 'GET', url: '/me' }] }),
    });
    expect(res.status).toBe(401);
    const scoped = await batchOk([{ id: '1', method: 'GET', url: '/me' }], demo.priya, ['Calendars.Read']);
    expect(scoped.get('1')!.status).toBe(403);
  });
});
