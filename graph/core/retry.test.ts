import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { createGraphClient, type GraphClient } from './client.js';
import { GraphConflictError, GraphError } from './errors.js';
import { graphRequest } from './request.js';

const BASE = 'https://graph.test/v1.0';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  server.resetHandlers();
  vi.useRealTimers();
});
afterAll(() => server.close());

const client = (retry?: Parameters<typeof createGraphClient>[0]['retry']): GraphClient =>
  createGraphClient({ baseUrl: BASE, getToken: async () => 'token', retry });

const errorBody = (code: string) => ({ error: { code, message: code, innerError: { 'request-id': 'inner-id' } } });

/** Serves the given responses in turn to GET /thing and records when each request arrived (fake clock). */
function script(responses: (() => Response)[]) {
  const arrivals: number[] = [];
  const retryAttempts: (string | null)[] = [];
  server.use(
    http.get(`${BASE}/thing`, ({ request }) => {
      arrivals.push(Date.now());
      retryAttempts.push(request.headers.get('retry-attempt'));
      const next = responses[Math.min(arrivals.length - 1, responses.length - 1)]!;
      return next();
    }),
  );
  return { arrivals, retryAttempts };
}

const throttled = (retryAfter?: string, status = 429) => () =>
  HttpResponse.json(errorBody(status === 429 ? 'TooManyRequests' : 'serviceNotAvailable'), {
    status,
    headers: { ...(retryAfter === undefined ? {} : { 'Retry-After': retryAfter }), 'request-id': 'req-1' },
  });
const okThing = () => HttpResponse.json({ id: 'thing' });

describe('retry middleware (the only layer that retries)', () => {
  it('waits exactly the decimal Retry-After (1.5 s → 1500 ms) before retrying a 429', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const { arrivals, retryAttempts } = script([throttled('1.5'), okThing]);
    const done = graphRequest<{ id: string }>(client(), { path: '/thing' });
    await vi.advanceTimersByTimeAsync(1499);
    expect(arrivals).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    const res = await done;
    expect(res.body.id).toBe('thing');
    expect(arrivals).toHaveLength(2);
    expect(arrivals[1]! - arrivals[0]!).toBe(1500);
    expect(retryAttempts).toEqual([null, '1']);
  });

  it.each([503, 504])('retries a %i too', async (status) => {
    const { arrivals } = script([throttled('0', status), okThing]);
    expect((await graphRequest<{ id: string }>(client(), { path: '/thing' })).body.id).toBe('thing');
    expect(arrivals).toHaveLength(2);
  });

  it('without Retry-After backs off exponentially up to the cap', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const { arrivals } = script([throttled(), throttled(), throttled(), throttled(), okThing]);
    const done = graphRequest(client({ maxRetries: 4, delaySeconds: 1, maxDelaySeconds: 3 }), { path: '/thing' });
    await vi.advanceTimersByTimeAsync(60_000);
    await done;
    const gaps = arrivals.slice(1).map((t, i) => t - arrivals[i]!);
    expect(gaps).toEqual([1000, 2000, 3000, 3000]);
  });

  it('gives up after maxRetries with a GraphError carrying status, code, request-id and the retry delay', async () => {
    const { arrivals } = script([throttled('0.01')]);
    const err = await graphRequest(client({ maxRetries: 2 }), { path: '/thing' }).catch((e: unknown) => e);
    expect(arrivals).toHaveLength(3);
    expect(err).toBeInstanceOf(GraphError);
    expect(err).toMatchObject({ name: 'GraphError', status: 429, code: 'TooManyRequests', requestId: 'req-1', retryAfterSeconds: 0.01 });
  });

  it('does not wait for a Retry-After longer than the cap: the error surfaces at once with the delay', async () => {
    const { arrivals } = script([throttled('600')]);
    const err = (await graphRequest(client({ maxDelaySeconds: 60 }), { path: '/thing' }).catch((e: unknown) => e)) as GraphError;
    expect(arrivals).toHaveLength(1);
    expect(err.retryAfterSeconds).toBe(600);
  });

  it.each([
    [400, 'invalidRequest'],
    [403, 'accessDenied'],
    [404, 'itemNotFound'],
    [412, 'resourceModified'],
  ])('never retries a %i', async (status, code) => {
    const { arrivals } = script([() => HttpResponse.json(errorBody(code), { status })]);
    const err = (await graphRequest(client(), { path: '/thing' }).catch((e: unknown) => e)) as GraphError;
    expect(arrivals).toHaveLength(1);
    expect(err).toBeInstanceOf(GraphError);
    expect(err.status).toBe(status);
    expect(err.code).toBe(code);
    expect(err.requestId).toBe('inner-id');
    expect(err instanceof GraphConflictError).toBe(status === 412);
    if (status === 412) expect(err.name).toBe('GraphConflictError');
  });

  it('sends nothing for a request aborted before it starts', async () => {
    const { arrivals } = script([okThing]);
    const controller = new AbortController();
    controller.abort();
    const err = await graphRequest(client(), { path: '/thing', signal: controller.signal }).catch((e: unknown) => e);
    expect((err as Error).name).toBe('AbortError');
    expect(arrivals).toHaveLength(0);
  });

  it('an abort during the Retry-After wait rejects at once and the request is never retried', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const { arrivals } = script([throttled('10'), okThing]);
    const controller = new AbortController();
    const done = graphRequest(client(), { path: '/thing', signal: controller.signal }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(5_000);
    controller.abort();
    const err = await done;
    expect((err as Error).name).toBe('AbortError');
    await vi.advanceTimersByTimeAsync(30_000);
    expect(arrivals).toHaveLength(1);
  });

  it('turns a failed fetch into a GraphError with status 0', async () => {
    server.use(http.get(`${BASE}/thing`, () => HttpResponse.error()));
    const err = (await graphRequest(client(), { path: '/thing' }).catch((e: unknown) => e)) as GraphError;
    expect(err).toBeInstanceOf(GraphError);
    expect(err.status).toBe(0);
    expect(err.code).toBe('networkError');
  });
});

/** Serves the given responses in turn to `method` /thing and counts the requests that arrived. */
function scriptMethod(method: 'post' | 'patch' | 'put' | 'delete' | 'get', responses: (() => Response)[]) {
  const arrivals: number[] = [];
  server.use(
    http[method](`${BASE}/thing`, () => {
      arrivals.push(Date.now());
      return responses[Math.min(arrivals.length - 1, responses.length - 1)]!();
    }),
  );
  return { arrivals };
}

describe('retry middleware: only what cannot be applied twice is retried on 503/504', () => {
  it.each([503, 504])('sends a POST answered %i exactly once and surfaces the GraphError', async (status) => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const { arrivals } = scriptMethod('post', [throttled(undefined, status), () => HttpResponse.json({ id: 'dup' }, { status: 201 })]);
    const done = graphRequest(client(), { method: 'POST', path: '/thing', body: { title: 'approval task' } }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(60_000);
    const err = await done;
    expect(arrivals).toHaveLength(1);
    expect(err).toBeInstanceOf(GraphError);
    expect(err).toMatchObject({ status, code: 'serviceNotAvailable', requestId: 'req-1' });
  });

  it('retries a GET answered 503 (no Retry-After) and returns the 200 that follows', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const { arrivals } = scriptMethod('get', [throttled(undefined, 503), okThing]);
    const done = graphRequest<{ id: string }>(client(), { path: '/thing' });
    await vi.advanceTimersByTimeAsync(60_000);
    expect((await done).body.id).toBe('thing');
    expect(arrivals).toHaveLength(2);
  });

  it('retries a POST answered 429 after its Retry-After (a throttled request was not processed)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const { arrivals } = scriptMethod('post', [throttled('2'), () => HttpResponse.json({ id: 'created' }, { status: 201 })]);
    const done = graphRequest<{ id: string }>(client(), { method: 'POST', path: '/thing', body: { title: 'audit entry' } });
    await vi.advanceTimersByTimeAsync(1999);
    expect(arrivals).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    const res = await done;
    expect(res.status).toBe(201);
    expect(res.body.id).toBe('created');
    expect(arrivals).toHaveLength(2);
  });

  it('sends a PATCH without If-Match answered 504 once', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const { arrivals } = scriptMethod('patch', [throttled(undefined, 504), okThing]);
    const done = graphRequest(client(), { method: 'PATCH', path: '/thing', body: { title: 'x' } }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(await done).toMatchObject({ status: 504 });
    expect(arrivals).toHaveLength(1);
  });

  it('retries a PATCH that carries If-Match (a replay would fail with 412, not apply twice)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const { arrivals } = scriptMethod('patch', [throttled(undefined, 504), okThing]);
    const done = graphRequest<{ id: string }>(client(), { method: 'PATCH', path: '/thing', headers: { 'If-Match': 'W/"etag-1"' }, body: { title: 'x' } });
    await vi.advanceTimersByTimeAsync(60_000);
    expect((await done).body.id).toBe('thing');
    expect(arrivals).toHaveLength(2);
  });

  it.each([
    ['put', 'PUT'],
    ['delete', 'DELETE'],
  ] as const)('retries an idempotent %s answered 503', async (route, method) => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const { arrivals } = scriptMethod(route, [throttled(undefined, 503), () => new HttpResponse(null, { status: 204 })]);
    const done = graphRequest(client(), { method, path: '/thing', body: method === 'PUT' ? 'bytes' : undefined, responseType: 'none' });
    await vi.advanceTimersByTimeAsync(60_000);
    expect((await done).status).toBe(204);
    expect(arrivals).toHaveLength(2);
  });

  it('retry: false sends even a GET answered 429 exactly once', async () => {
    const { arrivals } = scriptMethod('get', [throttled('0'), okThing]);
    const err = await graphRequest(client(), { path: '/thing', retry: false }).catch((e: unknown) => e);
    expect(err).toMatchObject({ status: 429, retryAfterSeconds: 0 });
    expect(arrivals).toHaveLength(1);
  });
});
