import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestEmulator, demo, type TestEmulator } from '../../tests/support/emulator.js';
import { createGraphClient } from './client.js';
import { GraphError } from './errors.js';
import { getMe } from '../directory/me.js';

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(async () => {
  await emu.close();
});
beforeEach(async () => {
  await fetch(`${emu.origin}/_dev/requests`, { method: 'DELETE' });
});

interface LoggedRequest {
  method: string;
  path: string;
  status: number;
}
async function loggedRequests(): Promise<LoggedRequest[]> {
  const res = await fetch(`${emu.origin}/_dev/requests`);
  return (await res.json()) as LoggedRequest[];
}

describe('createGraphClient', () => {
  it('sends the Authorization header over plain http (the emulator rejects calls without one)', async () => {
    const unauthenticated = await fetch(`${emu.graphBaseUrl}/me`);
    expect(unauthenticated.status).toBe(401);

    const me = await getMe(createGraphClient({ baseUrl: emu.graphBaseUrl, getToken: () => emu.token(demo.priya) }));
    expect(me.userPrincipalName).toBe(demo.priya);
  });

  it('asks the token provider on every request, so a new token takes effect at once', async () => {
    let upn = demo.priya;
    const client = createGraphClient({ baseUrl: emu.graphBaseUrl, getToken: () => emu.token(upn) });
    expect((await getMe(client)).displayName).toBe('Priya Nair');
    upn = demo.jack;
    expect((await getMe(client)).displayName).toBe('Jack Turner');
  });

  it('turns a rejected token into a GraphError carrying status, code and request-id', async () => {
    const client = createGraphClient({ baseUrl: emu.graphBaseUrl, getToken: async () => 'not-a-token' });
    const err = await getMe(client).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GraphError);
    const g = err as GraphError;
    expect(g.name).toBe('GraphError');
    expect(g.status).toBe(401);
    expect(g.code).toBe('InvalidAuthenticationToken');
    expect(g.requestId).toMatch(/[0-9a-f-]{36}/);
  });

  it('retries a throttled request after Retry-After and then succeeds', async () => {
    await fetch(`${emu.origin}/_dev/faults`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ force429Count: 1, retryAfterSeconds: 0 }),
    });
    const me = await getMe(createGraphClient({ baseUrl: emu.graphBaseUrl, getToken: () => emu.token(demo.priya) }));
    expect(me.displayName).toBe('Priya Nair');
    const calls = (await loggedRequests()).filter((r) => r.path === '/v1.0/me');
    expect(calls.map((r) => r.status)).toEqual([429, 200]);
  });

  it('gives up after maxRetries and reports the 429 with its Retry-After', async () => {
    await fetch(`${emu.origin}/_dev/faults`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ force429Count: 2, retryAfterSeconds: 0 }),
    });
    const client = createGraphClient({ baseUrl: emu.graphBaseUrl, getToken: () => emu.token(demo.priya), retry: { maxRetries: 1 } });
    const err = (await getMe(client).catch((e: unknown) => e)) as GraphError;
    expect(err.status).toBe(429);
    expect(err.code).toBe('TooManyRequests');
    expect(err.retryAfterSeconds).toBe(0);
    expect((await loggedRequests()).filter((r) => r.path === '/v1.0/me').map((r) => r.status)).toEqual([429, 429]);
  });
});
