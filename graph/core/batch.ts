import type { GraphClient } from './client.js';
import { GraphError, errorFromResponse } from './errors.js';
import { graphRequest } from './request.js';
import { isRetryable, retryDelaySeconds, sleep } from './retry.js';

/** One request of a JSON batch. `url` is relative to the version: `/sites/{id}/lists`. */
export interface BatchRequest {
  id: string;
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
  /** Ids of requests that must succeed first; if one fails this one gets 424 Failed Dependency. */
  dependsOn?: string[];
}

/** The response to one inner request, mapped back to the caller by id. */
export interface BatchResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/** Graph accepts at most 20 requests per `$batch` (https://learn.microsoft.com/graph/json-batching). */
export const MAX_BATCH_SIZE = 20;

interface WireResponse {
  id: string;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/**
 * Sends many requests in as few `POST /$batch` round trips as possible and returns each inner
 * response under its caller's id (Graph may answer out of order). Requests linked by `dependsOn`
 * travel in the same batch where they fit; if a chain is longer than 20, later parts go in later
 * batches and a dependency that failed earlier yields a local 424 without sending the dependant.
 * Retrying happens here and only here for a batch: the envelope goes out with `retry: false`, and
 * only inner requests that `isRetryable` allows (429 for any method; 503/504 only for idempotent
 * ones, never a POST), plus dependants that got 424 because of them, are re-sent, after the
 * largest `Retry-After` among them, under the client's retry policy. An envelope answered 429 (not
 * processed) is re-sent the same way; any other envelope failure, e.g. a 504 that may come after
 * the inner requests ran, throws a `GraphError` without re-sending. Inner failures are returned,
 * not thrown; use `batchBody` to turn one into a `GraphError`.
 *
 * Minimum delegated scope: none for the batch itself; each inner request needs its own.
 * Microsoft Learn: https://learn.microsoft.com/graph/json-batching
 */
export async function batch(client: GraphClient, requests: BatchRequest[], opts: { signal?: AbortSignal } = {}): Promise<Map<string, BatchResponse>> {
  const ordered = executionOrder(requests);
  const results = new Map<string, BatchResponse>();
  for (const chunk of chunkRequests(ordered)) {
    await sendChunk(client, chunk, results, opts.signal);
  }
  return new Map(
    requests.map((r) => {
      const res = results.get(r.id);
      if (!res) throw new Error(`The $batch response has no answer for request '${r.id}'.`);
      return [r.id, res];
    }),
  );
}

/**
 * The body of a successful inner response, or the `GraphError` (a `GraphConflictError` for 412, or
 * 409 when the inner request sent `If-Match`) it stands for.
 */
export function batchBody<T>(response: BatchResponse | undefined, request?: Pick<BatchRequest, 'headers'>): T {
  if (!response) throw new Error('No response for this batch request.');
  if (response.status >= 400) {
    const conditional = Object.keys(request?.headers ?? {}).some((k) => k.toLowerCase() === 'if-match');
    throw errorFromResponse(response.status, response.headers, response.body, { conditional });
  }
  return response.body as T;
}

/** Validates ids and `dependsOn`, and orders requests so each follows its dependencies (input order otherwise). */
function executionOrder(requests: BatchRequest[]): BatchRequest[] {
  const ids = new Set<string>();
  for (const r of requests) {
    if (ids.has(r.id)) throw new Error(`Batch request ids must be unique: '${r.id}' appears twice.`);
    ids.add(r.id);
  }
  for (const r of requests) {
    for (const d of r.dependsOn ?? []) {
      if (!ids.has(d) || d === r.id) throw new Error(`Batch request '${r.id}' depends on '${d}', which is not another request of this batch.`);
    }
  }
  const done = new Set<string>();
  const order: BatchRequest[] = [];
  while (order.length < requests.length) {
    const next = requests.find((r) => !done.has(r.id) && (r.dependsOn ?? []).every((d) => done.has(d)));
    if (!next) throw new Error('The dependsOn references of the batch form a cycle.');
    done.add(next.id);
    order.push(next);
  }
  return order;
}

/** Packs requests into batches of at most 20, keeping each group connected by `dependsOn` together when it fits. */
export function chunkRequests(ordered: BatchRequest[]): BatchRequest[][] {
  const parent = new Map(ordered.map((r) => [r.id, r.id]));
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(id, root);
    return root;
  };
  for (const r of ordered) for (const d of r.dependsOn ?? []) parent.set(find(r.id), find(d));
  const groups = new Map<string, BatchRequest[]>();
  for (const r of ordered) {
    const root = find(r.id);
    const group = groups.get(root) ?? [];
    group.push(r);
    groups.set(root, group);
  }
  const chunks: BatchRequest[][] = [];
  let current: BatchRequest[] = [];
  const flush = () => {
    if (current.length) chunks.push(current);
    current = [];
  };
  for (const group of groups.values()) {
    if (current.length + group.length > MAX_BATCH_SIZE) flush();
    for (const r of group) {
      if (current.length === MAX_BATCH_SIZE) flush();
      current.push(r);
    }
  }
  flush();
  return chunks;
}

function headerOf(headers: Record<string, string> | undefined, name: string): string | null {
  const key = Object.keys(headers ?? {}).find((k) => k.toLowerCase() === name);
  return key === undefined ? null : (headers?.[key] ?? null);
}

const failedDependency = (id: string): BatchResponse => ({
  status: 424,
  headers: { 'Content-Type': 'application/json' },
  body: { error: { code: 'FailedDependency', message: `The request was not executed because request '${id}' it depends on failed.` } },
});

async function sendChunk(client: GraphClient, chunk: BatchRequest[], results: Map<string, BatchResponse>, signal: AbortSignal | undefined): Promise<void> {
  let pending = chunk;
  for (let retry = 1; pending.length > 0; retry++) {
    const inFlight = new Set(pending.map((r) => r.id));
    const wire: Record<string, unknown>[] = [];
    for (const r of pending) {
      const outside = (r.dependsOn ?? []).filter((d) => !inFlight.has(d));
      const failed = outside.find((d) => (results.get(d)?.status ?? 0) >= 400);
      if (failed !== undefined) {
        // Its dependency was answered in an earlier round trip and failed: answer 424 here, as Graph would.
        results.set(r.id, failedDependency(failed));
        inFlight.delete(r.id);
        continue;
      }
      wire.push(toWire(r, (r.dependsOn ?? []).filter((d) => inFlight.has(d))));
    }
    // `pending` is in dependency order, so a request answered 424 locally is seen as failed by its own dependants.
    if (wire.length === 0) return;
    let responses: WireResponse[];
    try {
      // Sent once: a retry of the whole envelope would re-send inner requests that already ran.
      const { body } = await graphRequest<{ responses?: WireResponse[] }>(client, { method: 'POST', path: '/$batch', body: { requests: wire }, signal, retry: false });
      responses = body?.responses ?? [];
    } catch (e) {
      // A throttled envelope was not processed at all, so it may go again; nothing else may.
      if (!(e instanceof GraphError) || e.status !== 429) throw e;
      const wait = retryDelaySeconds(client.retryPolicy, retry, e.retryAfterSeconds === null ? null : String(e.retryAfterSeconds));
      if (wait === null) throw e;
      await sleep(wait * 1000, signal);
      continue;
    }
    for (const res of responses) results.set(res.id, { status: res.status, headers: res.headers ?? {}, body: res.body });

    const again = new Set<string>();
    let delay = 0;
    for (const r of pending) {
      const res = results.get(r.id);
      if (!res) continue;
      if (isRetryable(res.status, r.method, headerOf(r.headers, 'if-match') !== null)) {
        const wait = retryDelaySeconds(client.retryPolicy, retry, headerOf(res.headers, 'retry-after'));
        if (wait === null) return;
        delay = Math.max(delay, wait);
        again.add(r.id);
      } else if (res.status === 424 && (r.dependsOn ?? []).some((d) => again.has(d))) {
        again.add(r.id);
      }
    }
    if (again.size === 0) return;
    await sleep(delay * 1000, signal);
    pending = pending.filter((r) => again.has(r.id));
  }
}

function toWire(r: BatchRequest, dependsOn: string[]): Record<string, unknown> {
  const headers = { ...(r.headers ?? {}) };
  if (r.body !== undefined && headerOf(headers, 'content-type') === null) headers['Content-Type'] = 'application/json';
  const out: Record<string, unknown> = { id: r.id, method: r.method.toUpperCase(), url: r.url.startsWith('/') ? r.url : `/${r.url}` };
  if (Object.keys(headers).length) out.headers = headers;
  if (r.body !== undefined) out.body = r.body;
  if (dependsOn.length) out.dependsOn = dependsOn;
  return out;
}
