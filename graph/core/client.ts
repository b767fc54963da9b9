import { Client, HTTPMessageHandler, type Context, type Middleware } from '@microsoft/microsoft-graph-client';
import { BearerTokenMiddleware, type TokenProvider } from './bearerToken.js';
import { DEFAULT_RETRY_POLICY, RetryMiddleware, type RetryPolicy } from './retry.js';

export type { TokenProvider } from './bearerToken.js';
export type { RetryPolicy } from './retry.js';

/** The real service; the emulator serves the same paths at `http://127.0.0.1:<port>/v1.0`. */
export const GRAPH_BASE_URL = 'https://graph.microsoft.com/v1.0';

export interface GraphClientOptions {
  /** Service root including the version segment, e.g. `https://graph.microsoft.com/v1.0`. */
  baseUrl: string;
  /** Called once per request (not per retry) for a bearer token. */
  getToken: TokenProvider;
  /** Retry tuning; defaults are `DEFAULT_RETRY_POLICY` (3 retries, 1 s doubling backoff, 60 s cap). */
  retry?: Partial<RetryPolicy>;
}

/**
 * A Graph connection: the base URL, the retry policy and one middleware chain
 * (bearer token → our `RetryMiddleware` → the library's `HTTPMessageHandler`).
 * `graphRequest` (./request.ts) is the only way resource functions use it.
 */
export interface GraphClient {
  /** Service root without a trailing slash, e.g. `https://graph.microsoft.com/v1.0`. */
  readonly baseUrl: string;
  readonly retryPolicy: RetryPolicy;
  /**
   * The library client (`Client.initWithMiddleware`) over the same chain, for code that wants
   * its fluent API. Note that it parses and rebuilds URLs, so `graphRequest` does not use it:
   * nextLinks must be followed verbatim and the library treats only `https://` URLs as absolute.
   */
  readonly sdk: Client;
  /**
   * Sends a fully built URL through the chain and returns the raw response (any status).
   * `anonymous` skips the bearer token, for pre-authenticated URLs such as upload sessions.
   * `retry: false` skips the retry middleware, for a caller that retries itself (`$batch`, whose
   * inner requests are retried one by one so that none is sent twice by two layers).
   */
  send(url: string, init: RequestInit, opts?: { anonymous?: boolean; retry?: boolean }): Promise<Response>;
}

/**
 * Creates the single HTTP entry point to Microsoft Graph. Each host injects only a base URL and a
 * token provider. Retries happen in this chain (429 for any request, 503/504 only for idempotent
 * ones; see `isRetryable`), honouring `Retry-After` (https://learn.microsoft.com/graph/throttling).
 * The one exception is `$batch`, which opts out with `retry: false` and retries its inner requests itself.
 */
export function createGraphClient(options: GraphClientOptions): GraphClient {
  const baseUrl = normaliseBaseUrl(options.baseUrl);
  const retryPolicy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...stripUndefined(options.retry ?? {}) };
  const auth = new BearerTokenMiddleware(options.getToken);
  const retry = new RetryMiddleware(retryPolicy);
  const http = new HTTPMessageHandler();
  auth.setNext(retry);
  retry.setNext(http);
  // The same chain without the retry step, for `send(..., { retry: false })`.
  const authOnce = new BearerTokenMiddleware(options.getToken);
  authOnce.setNext(http);
  const { host, version } = splitBaseUrl(baseUrl);
  const sdk = Client.initWithMiddleware({ middleware: auth, baseUrl: host, defaultVersion: version });

  const run = async (head: Middleware, url: string, init: RequestInit): Promise<Response> => {
    const context: Context = { request: url, options: { ...init } };
    await head.execute(context);
    if (!context.response) throw new Error('The Graph middleware chain produced no response.');
    return context.response;
  };
  return {
    baseUrl,
    retryPolicy,
    sdk,
    send: (url, init, opts) => {
      const once = opts?.retry === false;
      const head = opts?.anonymous ? (once ? http : retry) : once ? authOnce : auth;
      return run(head, url, init);
    },
  };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function normaliseBaseUrl(baseUrl: string): string {
  const url = new URL(baseUrl);
  if (url.search || url.hash) throw new Error(`Graph base URL must not carry a query or fragment: ${baseUrl}`);
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/**
 * The library client joins `baseUrl`, `defaultVersion` and the path, so `http://h:1/v1.0` becomes
 * host `http://h:1/` and version `v1.0`.
 */
function splitBaseUrl(baseUrl: string): { host: string; version: string } {
  const url = new URL(baseUrl);
  const segments = url.pathname.split('/').filter(Boolean);
  const version = segments.pop();
  if (!version) throw new Error(`Graph base URL must end with a version segment such as /v1.0: ${baseUrl}`);
  return { host: `${url.origin}/${segments.map((s) => `${s}/`).join('')}`, version };
}
