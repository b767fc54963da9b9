import { Client, HTTPMessageHandler, RetryHandler, RetryHandlerOptions } from '@microsoft/microsoft-graph-client';
import { BearerTokenMiddleware, type TokenProvider } from './bearerToken.js';

export type { TokenProvider } from './bearerToken.js';
export type GraphClient = Client;

/** The real service; the emulator serves the same paths at `http://127.0.0.1:<port>/v1.0`. */
export const GRAPH_BASE_URL = 'https://graph.microsoft.com/v1.0';

export interface GraphClientOptions {
  /** Service root including the version segment, e.g. `https://graph.microsoft.com/v1.0`. */
  baseUrl: string;
  /** Called once per request (not per retry) for a bearer token. */
  getToken: TokenProvider;
  /** Retry tuning for tests; defaults are the library's (3 retries, 3 s delay, 429/503/504 only). */
  retry?: { maxRetries?: number; delaySeconds?: number };
}

/**
 * The single HTTP entry point to Microsoft Graph. Each host injects only a base URL and a token
 * provider. The middleware chain is: bearer token → `RetryHandler` (the only layer that retries;
 * it honours `Retry-After` in seconds on 429/503/504, per https://learn.microsoft.com/graph/throttling)
 * → `HTTPMessageHandler` (fetch).
 */
export function createGraphClient(options: GraphClientOptions): GraphClient {
  const { host, version } = splitBaseUrl(options.baseUrl);
  const auth = new BearerTokenMiddleware(options.getToken);
  const retry = new RetryHandler(new RetryHandlerOptions(options.retry?.delaySeconds, options.retry?.maxRetries));
  const http = new HTTPMessageHandler();
  auth.setNext(retry);
  retry.setNext(http);
  return Client.initWithMiddleware({ middleware: auth, baseUrl: host, defaultVersion: version });
}

/**
 * The client joins `baseUrl`, `defaultVersion` and the path, so `http://h:1/v1.0` becomes host
 * `http://h:1/` and version `v1.0`.
 */
function splitBaseUrl(baseUrl: string): { host: string; version: string } {
  const url = new URL(baseUrl);
  const segments = url.pathname.split('/').filter(Boolean);
  const version = segments.pop();
  if (!version) throw new Error(`Graph base URL must end with a version segment such as /v1.0: ${baseUrl}`);
  return { host: `${url.origin}/${segments.map((s) => `${s}/`).join('')}`, version };
}
