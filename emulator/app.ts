import { randomUUID } from 'node:crypto';
import { openDb, getMeta, setMeta } from './store/db.js';
import { Router, type Ctx, type Principal, type RouteResult } from './core/router.js';
import { GraphHttpError, errorBody, badRequest } from './core/errors.js';
import { createFaults, type FaultConfig } from './core/faults.js';
import { refuseMissingSegment, type EmulatedCloud } from './core/nationalCloud.js';
import { createRequestLog } from './core/requestLog.js';
import { createTokenService, requestCaller } from './core/auth.js';
import { appRolesFor } from './core/scopes.js';
import { findApp, SPA_APP } from './services/appRegistrationStore.js';
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
  /** The cloud to answer as (default `global`); `china` lacks what Graph in China lacks (core/nationalCloud.ts). */
  cloud?: EmulatedCloud;
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
/** `application/json`, with or without parameters (`; odata.metadata=minimal`, `; charset=utf-8`). */
function isJsonContentType(value: string | null): boolean {
  return (value ?? '').split(';')[0]!.trim().toLowerCase() === 'application/json';
}

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
  const appOf = (appId: string) => {
    const app = findApp(db, appId);
    if (app) return { id: app.appId, displayName: app.displayName };
    return appId.toLowerCase() === SPA_APP.id ? SPA_APP : undefined;
  };
  const tokens = await createTokenService(db, TENANT.tenantId, now, (idOrUpn) => findUser(db, idOrUpn), appOf, SPA_APP);
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
      // Pre-authenticated download URLs take simple GETs only and answer no CORS preflight, as
      // SharePoint's download.aspx does (routes/drives.ts, `registerPublic`).
      if (url.pathname.startsWith('/_download/')) return respond({ status: 403 }, requestId, clientRequestId, { Vary: 'Origin' });
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
      if (isGraph) refuseMissingSegment(options.cloud ?? 'global', path);
      const { route, params } = router.match(req.method, path);
      // An app-only token has no signed-in user, so `/me` means nothing: Graph answers 400.
      // (https://learn.microsoft.com/graph/auth-v2-service : app-only calls address /users/{id}.)
      if (isGraph && principal.kind === 'app' && /^\/me(\/|$)/i.test(path)) {
        throw badRequest('/me request is only valid with delegated authentication flow.', 'BadRequest');
      }
      // An app-only token is checked against the route's application permissions (core/scopes.ts).
      if (isGraph && principal.kind === 'app' && route.options.scopes.length > 0) {
        const roles = appRolesFor(route.options.scopes);
        if (!roles.some((role) => principal.roles?.has(role))) {
          throw new GraphHttpError(
            403,
            route.options.scopeErrorCode ?? 'Authorization_RequestDenied',
            `Insufficient privileges to complete the operation. The token lacks the required application permission; one of: ${roles.join(', ') || '(none: not available to applications)'}.`,
          );
        }
      } else if (isGraph && route.options.scopes.length > 0 && !route.options.scopes.some((s) => principal.scopes.has(s))) {
        // An empty scope list means "any valid token" (e.g. `$batch`, whose inner requests are checked one by one).
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
          // Every Graph endpoint that takes a JSON body lists `Content-Type: application/json` as a
          // required request header, and the errors page gives 415 for "the content type of the
          // request is a format that isn't supported by the service"
          // (https://learn.microsoft.com/graph/errors; observed for a body sent without it in
          // microsoftgraph/microsoft-graph-docs#16895). So a JSON body sent as text/plain (which a
          // browser can send without a CORS preflight) or with no type is refused, not guessed at.
          if (isGraph && !isJsonContentType(req.headers.get('content-type'))) {
            throw new GraphHttpError(415, 'UnsupportedMediaType', 'The content type of the request is not supported. Send the body as application/json.');
          }
          let value: unknown;
          try {
            value = JSON.parse(raw);
          } catch {
            throw badRequest('Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.', 'BadRequest');
          }
          // Graph's request bodies are JSON objects (a resource or an action's parameters): `null`,
          // an array or a bare value is a malformed request (400), never a crash (500).
          if (value === null || typeof value !== 'object' || Array.isArray(value)) {
            throw badRequest('The request body must be a JSON object.', 'BadRequest');
          }
          return value as T;
        },
      };
      result = await requestCaller.run(principal, () => route.handler(ctx));
      // "504 after commit" (core/faults.ts): the write above is done and stays done; only its answer is
      // replaced by the gateway's 504, as Graph's gateway may answer a request its backend went on to finish.
      // A `$batch` envelope is never hit (its inner writes are, each on its own).
      if (isGraph && result.status >= 200 && result.status < 300 && !(!opts.inBatch && /^\/\$batch\/?$/i.test(path))) {
        const late = emu.faults.afterCommit(req.method);
        if (late) throw late;
      }
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
