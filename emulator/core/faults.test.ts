import { describe, it, expect, afterEach, vi } from 'vitest';
import { startTestEmulator, demo, type TestEmulator } from '../../tests/support/emulator.js';

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
