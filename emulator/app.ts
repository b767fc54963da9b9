import { randomUUID } from 'node:crypto';
import { openDb, getMeta, setMeta } from './store/db.js';
import { Router, type Ctx, type Principal, type RouteResult } from './core/router.js';
import { GraphHttpError, errorBody, badRequest } from './core/errors.js';
import { createFaults, type FaultConfig } from './core/faults.js';
import { createRequestLog } from './core/requestLog.js';
import { createTokenService } from './core/auth.js';
import type { Emu } from './emu.js';
import { registerAll } from './routes/index.js';
import { seedTenant, TENANT } from './seed/tenant.js';
import { findUser } from './services/directory.js';

export interface EmulatorOptions {
  /** Folder holding `emulator.sqlite`; null keeps everything in memory (tests). */
  dataDir: string | null;
  /** Delete the data file and seed again. */
  reset?: boolean;
  faults?: Partial<FaultConfig>;
  /** Clock override for tests. */
  now?: () => Date;
}

export interface Emulator {
  emu: Emu;
  /** The single entry point: the HTTP server, `$batch` and msw handlers all call this. */
  handle(req: Request, opts?: HandleOptions): Promise<Response>;
  close(): void;
}

export interface HandleOptions {
  inBatch?: boolean;
}

const CORS: Record<string, string> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
  'Access-Control-Allow-Headers':
    'authorization, if-match, if-none-match, prefer, consistencylevel, content-type, content-range, range, client-request-id, return-client-request-id, retry-attempt',
  'Access-Control-Expose-Headers': 'etag, request-id, client-request-id, retry-after, location, content-range, preference-applied',
  'Access-Control-Max-Age': '600',
};

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** True for the Origin of a page served from this machine: `http(s)://localhost|127.0.0.1|[::1]` on any port. */
export function isLoopbackOrigin(origin: string | null): origin is string {
  if (!origin) return false;
  try {
    const u = new URL(origin);
    return (u.protocol === 'http:' || u.protocol === 'https:') && LOOPBACK_HOSTS.has(u.hostname) && u.origin === origin;
  } catch {
    return false;
  }
}

/**
 * CORS headers of a response. Graph routes answer any origin (they need a bearer token). The
 * emulator's own endpoints (`/_dev/*`, download, preview and upload URLs) need no token, so only
 * pages on a loopback origin may call them cross-origin: any web page could otherwise mint tokens
 * through `/_dev/token` while the emulator runs.
 */
function corsHeaders(isGraph: boolean, origin: string | null): Record<string, string> {
  if (isGraph) return CORS;
  if (isLoopbackOrigin(origin)) return { ...CORS, 'Access-Control-Allow-Origin': origin, Vary: 'Origin' };
  return { Vary: 'Origin' };
}

export const GRAPH_JSON = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';
const VERSION_PREFIX = '/v1.0';

const anonymous: Principal = { userId: '', upn: '', displayName: '', scopes: new Set() };

function bodyLength(result: RouteResult): number {
  const b = result.body;
  if (b === undefined || result.status === 204) return 0;
  if (b instanceof Uint8Array) return b.byteLength;
  return Buffer.byteLength(typeof b === 'string' ? b : JSON.stringify(b));
}

export async function createEmulator(options: EmulatorOptions): Promise<Emulator> {
  const db = openDb(options.dataDir, options.reset ?? false);
  const now = options.now ?? (() => new Date());
  const router = new Router();
  const publicRouter = new Router();
  let seedDate = getMeta(db, 'seededAt');
  const tokens = await createTokenService(db, TENANT.tenantId, now, (idOrUpn) => findUser(db, idOrUpn));
  const emu: Emu = {
    db,
    router,
    publicRouter,
    faults: createFaults(options.faults),
    requests: createRequestLog(),
    tokens,
    now,
    seedDate: seedDate ? new Date(seedDate) : now(),
    hostname: TENANT.hostname,
    tenantId: TENANT.tenantId,
    domain: TENANT.domain,
    origin: 'http://127.0.0.1',
    handle: (req, opts) => handle(req, opts),
  };
  registerAll(emu);
  if (!seedDate) {
    seedDate = now().toISOString();
    emu.seedDate = new Date(seedDate);
    db.transaction(() => {
      seedTenant(emu);
      setMeta(db, 'seededAt', seedDate!);
    })();
  }

  function respond(result: RouteResult, requestId: string, clientRequestId: string | null, cors: Record<string, string>): Response {
    const headers = new Headers({ ...cors, 'request-id': requestId, 'client-request-id': clientRequestId ?? requestId });
    for (const [k, v] of Object.entries(result.headers ?? {})) headers.set(k, v);
    let payload: BodyInit | null = null;
    if (result.body instanceof Uint8Array) {
      payload = result.body as unknown as BodyInit;
    } else if (typeof result.body === 'string') {
      payload = result.body;
    } else if (result.body !== undefined && result.status !== 204) {
      payload = JSON.stringify(result.body);
      if (!headers.has('content-type')) headers.set('content-type', GRAPH_JSON);
    }
    return new Response(result.status === 204 || result.status === 304 ? null : payload, { status: result.status, headers });
  }

  async function handle(req: Request, opts: HandleOptions = {}): Promise<Response> {
    const started = performance.now();
    const requestId = randomUUID();
    const clientRequestId = req.headers.get('client-request-id');
    const url = new URL(req.url);
    const isGraph = url.pathname === VERSION_PREFIX || url.pathname.startsWith(`${VERSION_PREFIX}/`);
    let bodyCache = null as Uint8Array | null;
    const bytes = async () => (bodyCache ??= new Uint8Array(await req.arrayBuffer()));
    let result: RouteResult;
    const cors = corsHeaders(isGraph, req.headers.get('origin'));

    if (req.method === 'OPTIONS') {
      if (isGraph || cors['Access-Control-Allow-Origin']) return respond({ status: 204 }, requestId, clientRequestId, cors);
      const err = new GraphHttpError(403, 'accessDenied', "Cross-origin requests to the emulator's own endpoints are allowed from loopback origins only.");
      return respond({ status: 403, body: errorBody(err, { requestId, clientRequestId: clientRequestId ?? undefined, now: now() }) }, requestId, clientRequestId, cors);
    }
    try {
      const router = isGraph ? emu.router : emu.publicRouter;
      const path = isGraph ? url.pathname.slice(VERSION_PREFIX.length) || '/' : url.pathname;
      let principal = anonymous;
      if (isGraph) {
        // Latency is paid once per HTTP round trip: requests inside a $batch skip it. Failures and
        // forced 429s hit resource requests, so a $batch envelope is never failed as a whole: each
        // inner request is evaluated (and may be throttled) on its own, as Graph does.
        const isBatchEnvelope = !opts.inBatch && /^\/\$batch\/?$/i.test(path);
        await emu.faults.apply({ skipLatency: opts.inBatch ?? false, skipFailures: isBatchEnvelope });
        principal = await tokens.verify(req.headers.get('authorization'));
      }
      const { route, params } = router.match(req.method, path);
      // An empty scope list means "any valid token" (e.g. `$batch`, whose inner requests are checked one by one).
      if (isGraph && route.options.scopes.length > 0 && !route.options.scopes.some((s) => principal.scopes.has(s))) {
        throw new GraphHttpError(
          403,
          route.options.scopeErrorCode ?? 'Authorization_RequestDenied',
          `Insufficient privileges to complete the operation. The token lacks the required scope; one of: ${route.options.scopes.join(', ')}.`,
        );
      }
      const ctx: Ctx = {
        emu,
        req,
        method: req.method.toUpperCase(),
        url,
        path,
        params,
        query: url.searchParams,
        headers: req.headers,
        principal,
        requestId,
        baseUrl: `${url.origin}${VERSION_PREFIX}`,
        inBatch: opts.inBatch ?? false,
        bytes,
        async json<T>() {
          const raw = new TextDecoder().decode(await bytes());
          if (!raw.trim()) throw badRequest('Empty Payload, JSON content expected', 'BadRequest');
          try {
            return JSON.parse(raw) as T;
          } catch {
            throw badRequest('Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.', 'BadRequest');
          }
        },
      };
      result = await route.handler(ctx);
    } catch (e) {
      if (e instanceof GraphHttpError) {
        result = { status: e.status, body: errorBody(e, { requestId, clientRequestId: clientRequestId ?? undefined, now: now() }), headers: e.headers };
      } else {
        console.error('[emulator] unhandled error', e);
        const err = new GraphHttpError(500, 'generalException', 'An unexpected error occurred.');
        result = { status: 500, body: errorBody(err, { requestId, now: now() }) };
      }
    }
    const res = respond(result, requestId, clientRequestId, cors);
    if (isGraph) {
      const responseBytes = bodyLength(result);
      emu.requests.add({
        time: new Date().toISOString(),
        method: req.method.toUpperCase(),
        path: url.pathname + url.search,
        status: res.status,
        requestBytes: bodyCache?.byteLength ?? Number(req.headers.get('content-length') ?? 0),
        responseBytes,
        durationMs: Math.round(performance.now() - started),
        inBatch: opts.inBatch ?? false,
        requestId,
      });
    }
    return res;
  }

  return {
    emu,
    handle,
    close: () => db.close(),
  };
}
