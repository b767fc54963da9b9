import type { GraphClient } from './client.js';
import { GraphError, errorFromResponse, isAbortError } from './errors.js';

export type QueryValue = string | number | boolean | null | undefined;

export interface GraphRequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /**
   * Relative to the base URL (`/sites/abc/lists`), or an absolute `@odata.nextLink` /
   * `@odata.deltaLink` on the same origin, which is followed verbatim.
   */
  path: string;
  /** Query parameters; values are encoded here, never by callers. Use the `$` prefix (`$filter`). */
  query?: Record<string, QueryValue>;
  headers?: Record<string, string>;
  /** A plain object/array is sent as JSON; strings and binary are sent as they are. */
  body?: unknown;
  signal?: AbortSignal;
  /** How to read a successful body: JSON (default; empty → undefined), text, bytes, or not at all. */
  responseType?: 'json' | 'text' | 'arrayBuffer' | 'none';
  /** Send without the bearer token (pre-authenticated URLs such as upload sessions). Default false. */
  anonymous?: boolean;
  /**
   * `false` sends the request exactly once, without the retry middleware; for a caller that does
   * its own retrying (`$batch`). Default true.
   */
  retry?: boolean;
}

export interface GraphResponse<T> {
  status: number;
  headers: Headers;
  body: T;
}

/**
 * The one low-level Graph call. Builds the URL (base URL + path + encoded query, or an absolute
 * link verbatim), sends it through the client's middleware chain (token, retry), and returns the
 * status, headers and parsed body of a 2xx/3xx response. Anything else throws a `GraphError`
 * (`GraphConflictError` for 412, and for 409 on a request that carried `If-Match`). A fetch that
 * fails outright becomes a `GraphError` with status 0 and code `networkError`; an abort rejects
 * with the signal's `AbortError` and is never retried.
 */
export async function graphRequest<T = unknown>(client: GraphClient, opts: GraphRequestOptions): Promise<GraphResponse<T>> {
  const url = buildUrl(client, opts.path, opts.query, opts.anonymous === true);
  const headers = new Headers(opts.headers);
  const body = encodeBody(opts.body, headers);
  const init: RequestInit = { method: opts.method ?? 'GET', headers, body, signal: opts.signal };
  let res: Response;
  try {
    res = await client.send(url, init, { anonymous: opts.anonymous, retry: opts.retry });
  } catch (e) {
    if (isAbortError(e) || opts.signal?.aborted) throw e;
    if (e instanceof GraphError) throw e;
    if (e instanceof TypeError) throw new GraphError(e.message || 'Network request failed', 0, 'networkError', null, null);
    throw e;
  }
  if (res.status >= 400) {
    const parsed = await readJson(res);
    throw errorFromResponse(res.status, res.headers, parsed, { conditional: headers.has('if-match') });
  }
  return { status: res.status, headers: res.headers, body: (await readBody(res, opts.responseType ?? 'json')) as T };
}

/**
 * Encodes one path segment (an id or name) for a Graph URL. Commas stay as they are, since
 * SharePoint site ids are `{hostname},{site-collection-id},{web-id}`.
 */
export const seg = (value: string): string => encodeURIComponent(value).replace(/%2C/gi, ',');

/** True when `path` is an absolute http(s) URL (a nextLink, deltaLink or pre-authenticated URL). */
export const isAbsoluteUrl = (path: string): boolean => /^https?:\/\//i.test(path);

/** Encodes a query map with `encodeURIComponent`, keeping the `$` of system query options readable. */
export function encodeQuery(query: Record<string, QueryValue> | undefined): string {
  if (!query) return '';
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    parts.push(`${encodeURIComponent(key).replace(/^%24/, '$')}=${encodeURIComponent(String(value))}`);
  }
  return parts.join('&');
}

function buildUrl(client: GraphClient, path: string, query: Record<string, QueryValue> | undefined, anonymous: boolean): string {
  let url: string;
  if (isAbsoluteUrl(path)) {
    // A link Graph handed back is used exactly as given; the bearer token only goes to Graph's own origin.
    if (!anonymous && new URL(path).origin !== new URL(client.baseUrl).origin) {
      throw new Error(`Refusing to send a Graph token to another origin: ${new URL(path).origin}`);
    }
    url = path;
  } else {
    url = `${client.baseUrl}${path.startsWith('/') ? '' : '/'}${path}`;
  }
  const qs = encodeQuery(query);
  if (!qs) return url;
  return `${url}${url.includes('?') ? '&' : '?'}${qs}`;
}

function encodeBody(body: unknown, headers: Headers): BodyInit | undefined {
  if (body === undefined) return undefined;
  if (typeof body === 'string' || body instanceof Uint8Array || body instanceof ArrayBuffer || (typeof Blob !== 'undefined' && body instanceof Blob)) {
    return body as BodyInit;
  }
  if (!headers.has('content-type')) headers.set('content-type', 'application/json');
  return JSON.stringify(body);
}

async function readJson(res: Response): Promise<unknown> {
  const text = await res.text().catch(() => '');
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

async function readBody(res: Response, type: NonNullable<GraphRequestOptions['responseType']>): Promise<unknown> {
  switch (type) {
    case 'none':
      void res.body?.cancel().catch(() => undefined);
      return undefined;
    case 'text':
      return res.text();
    case 'arrayBuffer':
      return res.arrayBuffer();
    case 'json':
      return readJson(res);
  }
}
