import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { setupServer } from 'msw/node';
import { http } from 'msw';
import type { User } from '@microsoft/microsoft-graph-types';
import { startTestEmulator, demo, ALL_SCOPES, type TestEmulator } from '../../tests/support/emulator.js';
import { createEmulator, type Emulator } from '../../emulator/app.js';
import { emulatorHandlers } from '../../emulator/msw.js';
import { createGraphClient } from './client.js';
import { batch, batchBody, type BatchRequest } from './batch.js';
import { GraphError } from './errors.js';
import { getAll } from './paging.js';

interface Logged {
  method: string;
  path: string;
  status: number;
  inBatch: boolean;
}

describe('$batch against the emulator over http', () => {
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
  const client = () => createGraphClient({ baseUrl: emu.graphBaseUrl, getToken: () => emu.token(demo.priya) });
  const log = async () => (await (await fetch(`${emu.origin}/_dev/requests`)).json()) as Logged[];
  const batchCalls = async () => (await log()).filter((r) => !r.inBatch && r.path.startsWith('/v1.0/$batch'));

  it('splits 45 requests into 3 round trips and maps every response back to its id', async () => {
    const users = await getAll<User>(client(), '/users', { query: { $select: 'id,userPrincipalName' } });
    await fetch(`${emu.origin}/_dev/requests`, { method: 'DELETE' });
    const requests: BatchRequest[] = Array.from({ length: 45 }, (_, i) => {
      const u = users[i % users.length]!;
      return { id: `r${i}`, method: 'GET', url: `/users/${u.id}?$select=id,userPrincipalName` };
    });
    const results = await batch(client(), requests);
    expect(results.size).toBe(45);
    for (let i = 0; i < 45; i++) {
      expect(batchBody<User>(results.get(`r${i}`)).userPrincipalName).toBe(users[i % users.length]!.userPrincipalName);
    }
    expect(await batchCalls()).toHaveLength(3);
  });

  it('a dependant of a failed request gets 424, mapped back to the caller', async () => {
    const results = await batch(client(), [
      { id: 'missing', method: 'GET', url: '/users/00000000-0000-0000-0000-000000000000' },
      { id: 'after', method: 'GET', url: '/me', dependsOn: ['missing'] },
      { id: 'independent', method: 'GET', url: '/me' },
    ]);
    expect(results.get('missing')!.status).toBe(404);
    expect(results.get('after')!.status).toBe(424);
    expect(results.get('independent')!.status).toBe(200);
    const err = (() => {
      try {
        batchBody(results.get('missing'));
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(GraphError);
    expect((err as GraphError).status).toBe(404);
    expect(await batchCalls()).toHaveLength(1);
  });

  it('keeps a dependsOn chain longer than 20 correct across round trips (424 for dependants of an earlier failure)', async () => {
    const requests: BatchRequest[] = [{ id: 'root', method: 'GET', url: '/users/00000000-0000-0000-0000-000000000000' }];
    for (let i = 1; i <= 22; i++) requests.push({ id: `d${i}`, method: 'GET', url: '/me', dependsOn: [i === 1 ? 'root' : `d${i - 1}`] });
    const results = await batch(client(), requests);
    expect(results.get('root')!.status).toBe(404);
    for (let i = 1; i <= 22; i++) expect(results.get(`d${i}`)!.status).toBe(424);
    // The part that could never run is answered without a second round trip.
    expect(await batchCalls()).toHaveLength(1);
  });

  it('re-sends only the throttled inner request', async () => {
    await fetch(`${emu.origin}/_dev/faults`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ force429Count: 1, retryAfterSeconds: 0.05 }),
    });
    const results = await batch(client(), [
      { id: 'a', method: 'GET', url: '/me?$select=id' },
      { id: 'b', method: 'GET', url: `/users/${encodeURIComponent(demo.jack)}?$select=displayName` },
      { id: 'c', method: 'GET', url: '/me?$select=displayName' },
    ]);
    expect([...results.values()].map((r) => r.status)).toEqual([200, 200, 200]);
    expect(batchBody<User>(results.get('b')).displayName).toBe('Jack Turner');
    const entries = await log();
    const inner = entries.filter((r) => r.inBatch);
    expect(await batchCalls()).toHaveLength(2);
    expect(inner.filter((r) => r.status === 429)).toHaveLength(1);
    // 3 inner requests in the first batch, and only the throttled one in the second.
    expect(inner).toHaveLength(4);
  });
});

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));
async function untilATimerIsPending(): Promise<void> {
  for (let i = 0; i < 10_000 && vi.getTimerCount() === 0; i++) await tick();
}
async function untilSettled(p: Promise<unknown>): Promise<void> {
  let settled = false;
  void p.finally(() => (settled = true)).catch(() => undefined);
  for (let i = 0; i < 10_000 && !settled; i++) await tick();
}

describe('$batch throttling with the in-process emulator (msw, fake timers)', () => {
  const ORIGIN = 'https://batch.emulator.test';
  let emulator: Emulator;
  let token: string;
  const server = setupServer();
  beforeAll(async () => {
    emulator = await createEmulator({ dataDir: null });
    server.listen({ onUnhandledRequest: 'error' });
    token = (await emulator.emu.tokens.issue(demo.priya, ALL_SCOPES)).access_token;
  });
  afterEach(() => {
    server.resetHandlers();
    vi.useRealTimers();
  });
  afterAll(() => {
    server.close();
    emulator.close();
  });

  it('waits the inner Retry-After (1.5 s) before re-sending the throttled request', async () => {
    const sent: string[][] = [];
    const times: number[] = [];
    server.use(
      http.post(`${ORIGIN}/v1.0/$batch`, async ({ request }) => {
        const body = (await request.clone().json()) as { requests: { id: string }[] };
        sent.push(body.requests.map((r) => r.id));
        times.push(Date.now());
        return emulator.handle(request);
      }),
      ...emulatorHandlers(emulator, ORIGIN),
    );
    emulator.emu.faults.update({ force429Count: 1, retryAfterSeconds: 1.5 });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const client = createGraphClient({ baseUrl: `${ORIGIN}/v1.0`, getToken: async () => token });
    const done = batch(client, [
      { id: 'x', method: 'GET', url: '/me' },
      { id: 'y', method: 'GET', url: '/me' },
    ]);
    // The emulator answers through real async work (token checks), so let it run until the wait is scheduled.
    await untilATimerIsPending();
    expect(sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1499);
    expect(sent).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await untilSettled(done);
    const results = await done;
    expect(sent).toEqual([['x', 'y'], ['x']]);
    expect(times[1]! - times[0]!).toBe(1500);
    expect(results.get('x')!.status).toBe(200);
  });
});
