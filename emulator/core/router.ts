import { GraphHttpError, badRequest } from './errors.js';
import type { Emu } from '../emu.js';

/** The authenticated caller of a Graph request (from the bearer token). */
export interface Principal {
  /** The signed-in user's object id; for an app-only token, the application (client) id. */
  userId: string;
  upn: string;
  displayName: string;
  /** Delegated permissions (`scp`); empty for an app-only token. */
  scopes: ReadonlySet<string>;
  /** `app` for an app-only token (client credentials: `idtyp: app`, a `roles` claim, no user). */
  kind?: 'user' | 'app';
  /** Application permissions (`roles`) of an app-only token. */
  roles?: ReadonlySet<string>;
  /** The application the token was issued to (`appid`, `app_displayname`). */
  app?: { id: string; displayName: string };
}

/** Result of a route handler: JSON body (object), raw bytes, or nothing. */
export interface RouteResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface Ctx {
  emu: Emu;
  req: Request;
  method: string;
  url: URL;
  /** Path below the version segment, e.g. `/sites/root`. */
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: Headers;
  principal: Principal;
  requestId: string;
  /** Absolute base of the Graph endpoint as the caller sees it, e.g. `http://127.0.0.1:4000/v1.0`. */
  baseUrl: string;
  /** True when this request runs inside a `$batch`. */
  inBatch: boolean;
  json<T = Record<string, unknown>>(): Promise<T>;
  bytes(): Promise<Uint8Array>;
}

export type Handler = (ctx: Ctx) => Promise<RouteResult> | RouteResult;

export interface RouteOptions {
  /** Any one of these delegated scopes grants access (least privileged first). */
  scopes: readonly string[];
  /** Graph error code used when the token lacks every scope (varies by workload). */
  scopeErrorCode?: string;
  /** Microsoft Learn page that this route follows; listed in emulator/README.md. */
  doc: string;
}

export interface Route {
  method: string;
  pattern: string;
  regex: RegExp;
  handler: Handler;
  options: RouteOptions;
}

/**
 * Compiles `/drives/{driveId}/items/{itemId}` style patterns. `{name}` matches one segment,
 * `{name*}` matches one or more segments (used by Graph's colon path syntax such as
 * `/drives/{d}/root:/{path*}:/content`; it never matches a ':'). Graph paths are case-insensitive.
 */
function compile(pattern: string): RegExp {
  let src = '';
  const re = /\{(\w+)(\*)?\}/g;
  let last = 0;
  for (let m = re.exec(pattern); m; m = re.exec(pattern)) {
    src += pattern.slice(last, m.index).replace(/[.+?^$()[\]\\|]/g, '\\$&');
    // A multi-segment parameter never spans a ':' so that `/sites/{host}:/{path*}` does not swallow
    // `/sites/{host}:/{path}:/lists/...` (SharePoint names cannot contain ':').
    src += m[2] ? `(?<${m[1]}>[^:]+?)` : `(?<${m[1]}>[^/]+?)`;
    last = m.index + m[0].length;
  }
  src += pattern.slice(last).replace(/[.+?^$()[\]\\|]/g, '\\$&');
  return new RegExp(`^${src}/?$`, 'i');
}

export class Router {
  readonly routes: Route[] = [];

  add(method: string, pattern: string, handler: Handler, options: RouteOptions): void {
    this.routes.push({ method: method.toUpperCase(), pattern, regex: compile(pattern), handler, options });
  }

  get(p: string, h: Handler, o: RouteOptions) { this.add('GET', p, h, o); }
  post(p: string, h: Handler, o: RouteOptions) { this.add('POST', p, h, o); }
  patch(p: string, h: Handler, o: RouteOptions) { this.add('PATCH', p, h, o); }
  put(p: string, h: Handler, o: RouteOptions) { this.add('PUT', p, h, o); }
  delete(p: string, h: Handler, o: RouteOptions) { this.add('DELETE', p, h, o); }

  /** Finds the route for a path. Throws Graph's 400/405 when nothing matches. */
  match(method: string, path: string): { route: Route; params: Record<string, string> } {
    let pathMatched = false;
    for (const route of this.routes) {
      const m = route.regex.exec(path);
      if (!m) continue;
      pathMatched = true;
      if (route.method !== method.toUpperCase()) continue;
      const params: Record<string, string> = {};
      for (const [k, v] of Object.entries(m.groups ?? {})) {
        try {
          params[k] = decodeURIComponent(v);
        } catch {
          throw badRequest(`Invalid escape in path segment '${v}'.`, 'BadRequest');
        }
      }
      return { route, params };
    }
    if (pathMatched) {
      throw new GraphHttpError(405, 'Request_BadRequest', `The HTTP method '${method}' is not allowed on this resource.`);
    }
    const segment = path.split('/').filter(Boolean).pop() ?? '';
    throw new GraphHttpError(400, 'BadRequest', `Resource not found for the segment '${segment}'.`);
  }
}

/** JSON response helper. */
export const ok = (body: unknown, status = 200, headers?: Record<string, string>): RouteResult => ({ status, body, headers });
export const created = (body: unknown, headers?: Record<string, string>): RouteResult => ({ status: 201, body, headers });
export const noContent = (headers?: Record<string, string>): RouteResult => ({ status: 204, headers });
