import { randomUUID } from 'node:crypto';
import type { Emu } from '../emu.js';
import { ok, type Ctx } from '../core/router.js';
import { GraphHttpError, badRequest, errorBody } from '../core/errors.js';

/**
 * JSON batching (`POST /$batch`): up to 20 requests in one round trip. Each inner request runs
 * through the same `handle()` pipeline as a single request (auth with the outer token, scopes,
 * faults, errors), so it can fail or be throttled on its own while the batch itself answers 200.
 * `dependsOn` orders requests; a request whose dependency failed gets 424.
 * Source: https://learn.microsoft.com/graph/json-batching
 */
const DOC = 'https://learn.microsoft.com/graph/json-batching';
export const MAX_BATCH_REQUESTS = 20;

interface BatchRequest {
  id: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: unknown;
  dependsOn: string[];
}

export interface BatchResponse {
  id: string;
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

const invalid = (message: string) => badRequest(message, 'BadRequest');

/** Validates the batch envelope; any problem here fails the whole batch with 400. */
function parseBatch(body: unknown): BatchRequest[] {
  if (!body || typeof body !== 'object' || !Array.isArray((body as { requests?: unknown }).requests)) {
    throw invalid("Invalid batch payload format: the body must be a JSON object with a 'requests' array.");
  }
  const raw = (body as { requests: unknown[] }).requests;
  if (raw.length === 0) throw invalid('The batch request must contain at least one request.');
  if (raw.length > MAX_BATCH_REQUESTS) {
    throw invalid(`The batch contains ${raw.length} requests; at most ${MAX_BATCH_REQUESTS} requests are allowed in a batch.`);
  }
  const seen = new Set<string>();
  const out = raw.map((item, i): BatchRequest => {
    if (!item || typeof item !== 'object') throw invalid(`Request ${i} of the batch is not a JSON object.`);
    const r = item as Record<string, unknown>;
    if (typeof r.id !== 'string' || !r.id) throw invalid(`Request ${i} of the batch has no 'id'.`);
    if (typeof r.method !== 'string' || !r.method) throw invalid(`Request '${r.id}' has no 'method'.`);
    if (typeof r.url !== 'string' || !r.url) throw invalid(`Request '${r.id}' has no 'url'.`);
    const key = r.id.toLowerCase();
    if (seen.has(key)) throw invalid(`The batch contains more than one request with the id '${r.id}'; request ids must be unique.`);
    seen.add(key);
    const headers: Record<string, string> = {};
    if (r.headers !== undefined) {
      if (!r.headers || typeof r.headers !== 'object' || Array.isArray(r.headers)) throw invalid(`The 'headers' of request '${r.id}' must be an object.`);
      for (const [k, v] of Object.entries(r.headers as Record<string, unknown>)) headers[k] = String(v);
    }
    let dependsOn: string[] = [];
    if (r.dependsOn !== undefined) {
      if (!Array.isArray(r.dependsOn) || !r.dependsOn.every((d) => typeof d === 'string')) {
        throw invalid(`The 'dependsOn' of request '${r.id}' must be an array of request ids.`);
      }
      dependsOn = r.dependsOn as string[];
    }
    return { id: r.id, method: r.method.toUpperCase(), url: r.url, headers, body: r.body, dependsOn };
  });
  for (const r of out) {
    for (const d of r.dependsOn) {
      if (!seen.has(d.toLowerCase()) || d.toLowerCase() === r.id.toLowerCase()) {
        throw invalid(`Request '${r.id}' depends on '${d}', which is not another request of this batch.`);
      }
    }
  }
  return out;
}

/** Orders requests so that each runs after its dependencies (input order otherwise); 400 on a cycle. */
function executionOrder(requests: BatchRequest[]): BatchRequest[] {
  const done = new Set<string>();
  const order: BatchRequest[] = [];
  while (order.length < requests.length) {
    const next = requests.find((r) => !done.has(r.id.toLowerCase()) && r.dependsOn.every((d) => done.has(d.toLowerCase())));
    if (!next) throw invalid('The dependsOn references of the batch form a cycle.');
    done.add(next.id.toLowerCase());
    order.push(next);
  }
  return order;
}

const headerValue = (headers: Record<string, string>, name: string): string | undefined =>
  Object.entries(headers).find(([k]) => k.toLowerCase() === name)?.[1];

/** Graph's usual spelling of response header names (`Content-Type`, `ETag`, `OData-Version`). */
function headerName(k: string): string {
  const special: Record<string, string> = { etag: 'ETag', 'odata-version': 'OData-Version', 'www-authenticate': 'WWW-Authenticate' };
  return special[k] ?? k.replace(/(^|-)([a-z])/g, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
}

function errorResponse(ctx: Ctx, id: string, err: GraphHttpError): BatchResponse {
  const requestId = randomUUID();
  return {
    id,
    status: err.status,
    headers: { 'Content-Type': 'application/json' },
    body: errorBody(err, { requestId, now: ctx.emu.now() }),
  };
}

/** The bytes of an inner request body: JSON as JSON text; anything else is a base64 value (e.g. an image). */
function encodeBody(body: unknown, contentType: string): Uint8Array {
  if (/json/i.test(contentType)) return new TextEncoder().encode(typeof body === 'string' ? body : JSON.stringify(body));
  if (typeof body === 'string') {
    if (/^text\//i.test(contentType)) return new TextEncoder().encode(body);
    return new Uint8Array(Buffer.from(body, 'base64'));
  }
  return new TextEncoder().encode(JSON.stringify(body));
}

/** Turns an inner response into a batch item: JSON bodies as objects, text as a string, binary as base64. */
async function toBatchResponse(id: string, res: Response): Promise<BatchResponse> {
  const headers: Record<string, string> = {};
  res.headers.forEach((v, k) => {
    if (!k.startsWith('access-control-')) headers[headerName(k)] = v;
  });
  const out: BatchResponse = { id, status: res.status, headers };
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (bytes.byteLength === 0) return out;
  const type = res.headers.get('content-type') ?? '';
  if (/json/i.test(type)) {
    const text = new TextDecoder().decode(bytes);
    try {
      out.body = JSON.parse(text);
    } catch {
      out.body = text;
    }
  } else if (/^text\//i.test(type)) {
    out.body = new TextDecoder().decode(bytes);
  } else {
    out.body = Buffer.from(bytes).toString('base64');
  }
  return out;
}

/**
 * Inner URLs are relative to the version (`/me`, `users/{id}`): one that resolves outside `/v1.0/`
 * (e.g. `/../_dev/token`, which would reach the emulator's unauthenticated endpoints) or has dot
 * segments is refused.
 */
function staysBelowVersion(path: string, url: URL): boolean {
  const rawPath = path.split(/[?#]/, 1)[0] ?? '';
  const dotSegment = rawPath.split(/[/\\]/).some((seg) => /^(\.|%2e){1,2}$/i.test(seg));
  return !dotSegment && url.pathname.startsWith('/v1.0/');
}

async function runOne(ctx: Ctx, r: BatchRequest): Promise<BatchResponse> {
  if (/^[a-z][a-z0-9+.-]*:/i.test(r.url)) {
    return errorResponse(ctx, r.id, invalid(`The url of request '${r.id}' must be relative to the version, e.g. '/me'.`));
  }
  const contentType = headerValue(r.headers, 'content-type');
  const hasBody = r.body !== undefined && r.body !== null;
  if (hasBody && !contentType) {
    return errorResponse(ctx, r.id, invalid(`Request '${r.id}' has a body but no Content-Type header.`));
  }
  const headers = new Headers();
  for (const [k, v] of Object.entries(r.headers)) {
    if (k.toLowerCase() !== 'authorization') headers.set(k, v);
  }
  const auth = ctx.headers.get('authorization');
  if (auth) headers.set('authorization', auth);
  const path = r.url.startsWith('/') ? r.url : `/${r.url}`;
  const url = new URL(`${ctx.baseUrl}${path}`);
  if (!staysBelowVersion(path, url)) {
    return errorResponse(ctx, r.id, invalid(`The url of request '${r.id}' must name a resource below /v1.0, without '.' or '..' segments.`));
  }
  const init: RequestInit = { method: r.method, headers };
  if (hasBody && r.method !== 'GET' && r.method !== 'HEAD') init.body = encodeBody(r.body, contentType ?? '') as unknown as BodyInit;
  const res = await ctx.emu.handle(new Request(url, init), { inBatch: true });
  return toBatchResponse(r.id, res);
}

export function register(emu: Emu): void {
  /** POST /$batch. Any valid token may call it; each inner request is authorized on its own. */
  emu.router.post(
    '/$batch',
    async (ctx) => {
      if (ctx.inBatch) throw invalid('A $batch request cannot be nested inside another $batch request.');
      const requests = parseBatch(await ctx.json());
      const byId = new Map<string, BatchResponse>();
      for (const r of executionOrder(requests)) {
        const failedDependency = r.dependsOn.map((d) => byId.get(d.toLowerCase())).find((res) => res !== undefined && res.status >= 400);
        const res = failedDependency
          ? errorResponse(
              ctx,
              r.id,
              new GraphHttpError(424, 'FailedDependency', `The request was not executed because request '${failedDependency.id}' it depends on failed.`),
            )
          : await runOne(ctx, r);
        byId.set(r.id.toLowerCase(), res);
      }
      return ok({ responses: requests.map((r) => byId.get(r.id.toLowerCase())!) });
    },
    { scopes: [], doc: DOC },
  );
}
