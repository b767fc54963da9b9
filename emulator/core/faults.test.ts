import { describe, it, expect, afterEach, vi } from 'vitest';
import { startTestEmulator, demo, type TestEmulator } from '../../tests/support/emulator.js';
import { faultsFromEnv } from './faults.js';

interface ErrorBody { error: { code: string; message: string; innerError: Record<string, string> } }
interface LogEntry { method: string; path: string; status: number; requestBytes: number; responseBytes: number; inBatch: boolean }

let emu: TestEmulator | undefined;
afterEach(async () => {
  await emu?.close();
  emu = undefined;
});

async function putFaults(e: TestEmulator, patch: Record<string, unknown>) {
  return fetch(`${e.origin}/_dev/faults`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(patch) });
}

describe('forced 429', () => {
  it('throttles the next N Graph requests with Retry-After, set through PUT /_dev/faults', async () => {
    emu = await startTestEmulator();
    await emu.token(demo.priya);
    expect((await putFaults(emu, { force429Count: 2, retryAfterSeconds: 3 })).status).toBe(200);
    for (let i = 0; i < 2; i++) {
      const res = await emu.graph(demo.priya, '/me');
      expect(res.status).toBe(429);
      expect(res.headers.get('retry-after')).toBe('3');
      const body = (await res.json()) as ErrorBody;
      expect(body.error.code).toBe('TooManyRequests');
      expect(body.error.innerError['request-id']).toBeTruthy();
    }
    expect((await emu.graph(demo.priya, '/me')).status).toBe(200);
  });

  it('throttles from the start when given as the faults option, and accepts a decimal Retry-After', async () => {
    emu = await startTestEmulator({ faults: { force429Count: 1, retryAfterSeconds: 2.5 } });
    const res = await emu.graph(demo.priya, '/me');
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('2.5');
    expect((await emu.graph(demo.priya, '/me')).status).toBe(200);
  });

  it('leaves the developer endpoints alone', async () => {
    emu = await startTestEmulator({ faults: { force429Count: 5 } });
    expect((await fetch(`${emu.origin}/_dev/users`)).status).toBe(200);
    expect((await fetch(`${emu.origin}/_dev/faults`)).status).toBe(200);
  });
});

describe('latency', () => {
  it('holds each Graph response back for latencyMs (set through PUT /_dev/faults), then answers', async () => {
    emu = await startTestEmulator();
    expect((await putFaults(emu, { latencyMs: 1000 })).status).toBe(200);
    const cfg = (await (await fetch(`${emu.origin}/_dev/faults`)).json()) as { latencyMs: number };
    expect(cfg.latencyMs).toBe(1000);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      // No Authorization header: without the latency the 401 would be ready within a few microtasks.
      let settled = false;
      const pending = emu.emulator.handle(new Request(`${emu.graphBaseUrl}/me`)).finally(() => (settled = true));
      await vi.advanceTimersByTimeAsync(999);
      expect(settled).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(settled).toBe(true);
      expect((await pending).status).toBe(401);
    } finally {
      vi.useRealTimers();
    }
  });

  it('rejects invalid settings with 400 and ignores unknown keys', async () => {
    emu = await startTestEmulator();
    expect((await putFaults(emu, { latencyMs: -1 })).status).toBe(400);
    expect((await putFaults(emu, { failureRate: 2 })).status).toBe(400);
    expect((await putFaults(emu, { failureStatuses: [500] })).status).toBe(400);
    expect((await putFaults(emu, { latencyMz: 5 })).status).toBe(200);
    const cfg = (await (await fetch(`${emu.origin}/_dev/faults`)).json()) as Record<string, unknown>;
    expect(cfg).not.toHaveProperty('latencyMz');
    expect(cfg.latencyMs).toBe(0);
  });
});

describe('failure rate', () => {
  it('at 1.0 every Graph request fails with 429, 503 or 504 and a Graph error body', async () => {
    emu = await startTestEmulator();
    await emu.token(demo.priya);
    await putFaults(emu, { failureRate: 1 });
    const seen = new Set<number>();
    for (let i = 0; i < 30; i++) {
      const res = await emu.graph(demo.priya, i % 2 ? '/me' : '/sites/root');
      expect([429, 503, 504]).toContain(res.status);
      seen.add(res.status);
      if (res.status !== 504) expect(res.headers.get('retry-after')).not.toBeNull();
      const body = (await res.json()) as ErrorBody;
      expect(typeof body.error.code).toBe('string');
      expect(body.error.code.length).toBeGreaterThan(0);
      expect(body.error.innerError.date).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    }
    expect(seen.size).toBeGreaterThan(1);
  });

  it('can be narrowed to one status', async () => {
    emu = await startTestEmulator({ faults: { failureRate: 1, failureStatuses: [503] } });
    const res = await emu.graph(demo.priya, '/me');
    expect(res.status).toBe(503);
    expect(((await res.json()) as ErrorBody).error.code).toBe('serviceNotAvailable');
  });
});

describe('request log', () => {
  it('counts Graph requests with their bytes, and DELETE clears it', async () => {
    emu = await startTestEmulator();
    await emu.token(demo.priya);
    await fetch(`${emu.origin}/_dev/requests`, { method: 'DELETE' });
    const me = await emu.graph(demo.priya, '/me');
    const meBytes = (await me.arrayBuffer()).byteLength;
    const body = JSON.stringify({ groupIds: [] });
    await emu.graph(demo.priya, '/me/checkMemberGroups', { method: 'POST', body });
    await emu.graph(demo.priya, '/nothingHere');

    const log = (await (await fetch(`${emu.origin}/_dev/requests`)).json()) as LogEntry[];
    expect(log.map((e) => [e.method, e.path, e.status])).toEqual([
      ['GET', '/v1.0/me', 200],
      ['POST', '/v1.0/me/checkMemberGroups', 200],
      ['GET', '/v1.0/nothingHere', 400],
    ]);
    expect(log[0]!.responseBytes).toBe(meBytes);
    expect(log[1]!.requestBytes).toBe(Buffer.byteLength(body));
    expect(log.every((e) => !e.inBatch)).toBe(true);

    expect((await fetch(`${emu.origin}/_dev/requests`, { method: 'DELETE' })).status).toBe(204);
    expect(await (await fetch(`${emu.origin}/_dev/requests`)).json()).toEqual([]);
  });
});

describe('504 after commit', () => {
  const listPath = '/sites/root/lists';

  /** Creates a generic list on the root site as Tom (an SMS manager, Full Control there) and returns the answer. */
  const createList = (e: TestEmulator, name: string) =>
    e.graph(demo.tom, listPath, { method: 'POST', body: JSON.stringify({ displayName: name, list: { template: 'genericList' } }) });

  /** The display names of the root site's lists (as Tom), read with no fault left. */
  async function listNames(e: TestEmulator): Promise<string[]> {
    const res = await e.graph(demo.tom, `${listPath}?$select=displayName&$top=200`);
    expect(res.status).toBe(200);
    return ((await res.json()) as { value: { displayName: string }[] }).value.map((l) => l.displayName);
  }

  it('carries out the next N writes, answers them 504 UnknownError, and leaves reads alone', async () => {
    emu = await startTestEmulator();
    await emu.token(demo.tom);
    expect((await putFaults(emu, { failAfterCommitCount: 1 })).status).toBe(200);
    // A read is not a write: it is answered normally and does not use up the count.
    expect((await emu.graph(demo.tom, '/me')).status).toBe(200);

    const res = await createList(emu, 'Answered 504');
    expect(res.status).toBe(504);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.code).toBe('UnknownError');
    expect(res.headers.get('retry-after')).toBeNull();
    // The list was created all the same: only the answer was lost.
    expect(await listNames(emu)).toContain('Answered 504');

    const cfg = (await (await fetch(`${emu.origin}/_dev/faults`)).json()) as { failAfterCommitCount: number };
    expect(cfg.failAfterCommitCount).toBe(0);
    expect((await createList(emu, 'Answered 201')).status).toBe(201);
  });

  it('never hits a write that failed: nothing was committed, so its own error is answered', async () => {
    emu = await startTestEmulator({ faults: { failAfterCommitCount: 1 } });
    const bad = await emu.graph(demo.tom, listPath, { method: 'POST', body: JSON.stringify({ list: { template: 'genericList' } }) });
    expect(bad.status).toBe(400);
    // The count is still there for the next write that succeeds.
    expect((await createList(emu, 'Second try')).status).toBe(504);
  });

  it('hits writes inside a $batch one by one, never the envelope, and the batch still answers 200', async () => {
    emu = await startTestEmulator();
    await putFaults(emu, { failAfterCommitCount: 1 });
    const res = await emu.graph(demo.tom, '/$batch', {
      method: 'POST',
      body: JSON.stringify({
        requests: [
          { id: 'a', method: 'POST', url: listPath, headers: { 'content-type': 'application/json' }, body: { displayName: 'Batched A', list: { template: 'genericList' } } },
          { id: 'b', method: 'POST', url: listPath, headers: { 'content-type': 'application/json' }, body: { displayName: 'Batched B', list: { template: 'genericList' } }, dependsOn: ['a'] },
          { id: 'c', method: 'GET', url: '/me' },
        ],
      }),
    });
    expect(res.status).toBe(200);
    const answers = ((await res.json()) as { responses: { id: string; status: number; body: ErrorBody }[] }).responses;
    const byId = new Map(answers.map((r) => [r.id, r]));
    expect(byId.get('a')!.status).toBe(504);
    expect(byId.get('a')!.body.error.code).toBe('UnknownError');
    // `b` depends on `a`, whose answer is a failure, so it is not run (424); the read is answered as usual.
    expect(byId.get('b')!.status).toBe(424);
    expect(byId.get('c')!.status).toBe(200);
    const names = await listNames(emu);
    expect(names).toContain('Batched A');
    expect(names).not.toContain('Batched B');
  });

  it('with a rate and a seed, hits the same writes on every run', async () => {
    const pattern = async (): Promise<number[]> => {
      const e = await startTestEmulator({ faults: { failAfterCommitRate: 0.5, seed: 42 } });
      try {
        const statuses: number[] = [];
        for (let i = 0; i < 12; i++) statuses.push((await createList(e, `Seeded ${i}`)).status);
        const names = await listNames(e);
        // Every list exists, whatever it was answered.
        for (let i = 0; i < 12; i++) expect(names).toContain(`Seeded ${i}`);
        return statuses;
      } finally {
        await e.close();
      }
    };
    const first = await pattern();
    expect(first.filter((s) => s === 504).length).toBeGreaterThan(0);
    expect(first.filter((s) => s === 201).length).toBeGreaterThan(0);
    expect(await pattern()).toEqual(first);
  });

  it('rejects invalid settings with 400', async () => {
    emu = await startTestEmulator();
    expect((await putFaults(emu, { failAfterCommitRate: 1.5 })).status).toBe(400);
    expect((await putFaults(emu, { failAfterCommitCount: -1 })).status).toBe(400);
    expect((await putFaults(emu, { failAfterCommitCount: 1.5 })).status).toBe(400);
    expect((await putFaults(emu, { seed: 'abc' })).status).toBe(400);
    expect((await putFaults(emu, { seed: null })).status).toBe(200);
  });
});

describe('faults from the environment', () => {
  it('reads the 504-after-commit settings and the seed', () => {
    expect(faultsFromEnv({ EMULATOR_FAIL_AFTER_COMMIT: '3', EMULATOR_FAIL_AFTER_COMMIT_RATE: '0.2', EMULATOR_FAULT_SEED: '7' })).toEqual({
      failAfterCommitCount: 3,
      failAfterCommitRate: 0.2,
      seed: 7,
    });
  });
});
