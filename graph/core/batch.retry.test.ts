import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { createGraphClient } from './client.js';
import { batch, type BatchRequest } from './batch.js';
import { GraphError } from './errors.js';

const BASE = 'https://graph.test/v1.0';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  vi.useRealTimers();
});
afterAll(() => server.close());

const client = () => createGraphClient({ baseUrl: BASE, getToken: async () => 'token' });

interface WireRequest {
  id: string;
  method: string;
}
type Inner = { status: number; headers?: Record<string, string>; body?: unknown };

/**
 * Serves POST /$batch: `answer(request, round)` gives each inner response (round 0 = first
 * envelope). Records the inner ids of every envelope that arrived.
 */
function batchEndpoint(answer: (r: WireRequest, round: number) => Inner) {
  const envelopes: string[][] = [];
  server.use(
    http.post(`${BASE}/$batch`, async ({ request }) => {
      const { requests } = (await request.json()) as { requests: WireRequest[] };
      const round = envelopes.length;
      envelopes.push(requests.map((r) => r.id));
      return HttpResponse.json({ responses: requests.map((r) => ({ id: r.id, ...answer(r, round) })) });
    }),
  );
  return envelopes;
}

const unavailable = (status: number): Inner => ({
  status,
  headers: { 'Content-Type': 'application/json' },
  body: { error: { code: 'serviceNotAvailable', message: 'try later' } },
});

async function run(requests: BatchRequest[]) {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  const done = batch(client(), requests).catch((e: unknown) => e);
  await vi.advanceTimersByTimeAsync(120_000);
  return done;
}

describe('$batch retries: each request is retried in one layer, and never a POST on 503/504', () => {
  it('sends an envelope answered 503 exactly once and surfaces a GraphError', async () => {
    let envelopes = 0;
    server.use(
      http.post(`${BASE}/$batch`, () => {
        envelopes++;
        return HttpResponse.json({ error: { code: 'serviceNotAvailable', message: 'down' } }, { status: 503, headers: { 'Retry-After': '1' } });
      }),
    );
    const err = await run([
      { id: 'task', method: 'POST', url: '/planner/tasks', body: { title: 'Approve' } },
      { id: 'me', method: 'GET', url: '/me' },
    ]);
    expect(envelopes).toBe(1);
    expect(err).toBeInstanceOf(GraphError);
    expect(err).toMatchObject({ status: 503, code: 'serviceNotAvailable' });
  });

  it('sends an envelope answered 504 exactly once', async () => {
    let envelopes = 0;
    server.use(
      http.post(`${BASE}/$batch`, () => {
        envelopes++;
        return HttpResponse.json({ error: { code: 'gatewayTimeout', message: 'slow' } }, { status: 504 });
      }),
    );
    const err = await run([{ id: 'entry', method: 'POST', url: '/sites/s/lists/l/items', body: { fields: { Title: 'audit' } } }]);
    expect(envelopes).toBe(1);
    expect(err).toMatchObject({ status: 504 });
  });

  it('re-sends a whole envelope answered 429 (it was not processed) after its Retry-After', async () => {
    const arrivals: number[] = [];
    server.use(
      http.post(`${BASE}/$batch`, async ({ request }) => {
        arrivals.push(Date.now());
        if (arrivals.length === 1) return HttpResponse.json({ error: { code: 'TooManyRequests', message: 'slow down' } }, { status: 429, headers: { 'Retry-After': '3' } });
        const { requests } = (await request.json()) as { requests: WireRequest[] };
        return HttpResponse.json({ responses: requests.map((r) => ({ id: r.id, status: 201, body: { id: `new-${r.id}` } })) });
      }),
    );
    const results = await run([{ id: 'task', method: 'POST', url: '/planner/tasks', body: { title: 'Approve' } }]);
    expect(arrivals).toHaveLength(2);
    expect(arrivals[1]! - arrivals[0]!).toBe(3000);
    expect((results as Map<string, { status: number }>).get('task')!.status).toBe(201);
  });

  it('does not re-send an inner POST answered 503, but re-sends an inner GET answered 503', async () => {
    const envelopes = batchEndpoint((r, round) => (round === 0 ? unavailable(503) : { status: 200, body: { id: r.id } }));
    const results = (await run([
      { id: 'meeting', method: 'POST', url: '/me/events', body: { subject: 'Management review' } },
      { id: 'profile', method: 'GET', url: '/me' },
    ])) as Map<string, { status: number }>;
    expect(envelopes).toEqual([['meeting', 'profile'], ['profile']]);
    expect(results.get('meeting')!.status).toBe(503);
    expect(results.get('profile')!.status).toBe(200);
  });

  it('re-sends an inner POST answered 429, and an inner PATCH answered 504 only when it carries If-Match', async () => {
    const envelopes = batchEndpoint((r, round) => {
      if (round > 0) return { status: 200, body: { id: r.id } };
      return r.id === 'throttledPost' ? { status: 429, headers: { 'Retry-After': '1' }, body: { error: { code: 'TooManyRequests', message: 'x' } } } : unavailable(504);
    });
    const results = (await run([
      { id: 'throttledPost', method: 'POST', url: '/planner/tasks', body: { title: 'Approve' } },
      { id: 'guardedPatch', method: 'PATCH', url: '/planner/tasks/t1', headers: { 'If-Match': 'W/"abc"' }, body: { title: 'x' } },
      { id: 'plainPatch', method: 'PATCH', url: '/sites/s/lists/l/items/1/fields', body: { Title: 'x' } },
    ])) as Map<string, { status: number }>;
    expect(envelopes).toEqual([['throttledPost', 'guardedPatch', 'plainPatch'], ['throttledPost', 'guardedPatch']]);
    expect(results.get('throttledPost')!.status).toBe(200);
    expect(results.get('guardedPatch')!.status).toBe(200);
    expect(results.get('plainPatch')!.status).toBe(504);
  });

  it('sends an inner request at most maxRetries + 1 times in all (no second layer multiplies it)', async () => {
    const envelopes = batchEndpoint(() => unavailable(503));
    const results = (await run([{ id: 'read', method: 'GET', url: '/me' }])) as Map<string, { status: number }>;
    expect(envelopes).toHaveLength(4);
    expect(results.get('read')!.status).toBe(503);
  });
});
