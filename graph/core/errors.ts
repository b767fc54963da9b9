/**
 * The one error type `graph/` throws for a failed Graph call. It carries what callers branch on:
 * the HTTP status, Graph's `error.code` (never the message), the `request-id` for support, and
 * the `Retry-After` delay in seconds when the service sent one (it may be a decimal).
 * Error body shape: https://learn.microsoft.com/graph/errors
 */
export class GraphError extends Error {
  override readonly name: string = 'GraphError';

  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    readonly requestId: string | null,
    readonly retryAfterSeconds: number | null,
    /** The `Location` header, e.g. the fresh enumeration link on a delta 410 Gone. */
    readonly location: string | null = null,
  ) {
    super(message);
  }
}

/**
 * Someone else changed the resource since it was read: 412 Precondition Failed for a stale or
 * invalid `If-Match`, or Planner's 409 Conflict for a conflicting change
 * (https://learn.microsoft.com/graph/api/resources/planner-overview#common-planner-error-conditions).
 * The UI shows it as "changed by someone else — reload".
 */
export class GraphConflictError extends GraphError {
  override readonly name: string = 'GraphConflictError';
}

/** Parses a `Retry-After` value: decimal seconds (`2.128`) or an HTTP date. Negative or bad values give null. */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | null {
  if (value == null) return null;
  const trimmed = value.trim();
  if (trimmed === '') return null;
  const seconds = Number(trimmed);
  if (Number.isFinite(seconds)) return seconds >= 0 ? seconds : null;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, (date - now) / 1000);
}

interface GraphErrorBody {
  error?: { code?: unknown; message?: unknown; innerError?: Record<string, unknown> };
}

/** Reads a header from a fetch `Headers` or a plain record (batch inner responses), case-insensitively. */
function header(headers: Headers | Record<string, string> | undefined, name: string): string | null {
  if (!headers) return null;
  if (headers instanceof Headers) return headers.get(name);
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? null : (headers[key] ?? null);
}

function innerRequestId(inner: Record<string, unknown> | undefined): string | null {
  let cur: Record<string, unknown> | undefined = inner;
  // innerError may nest; the request-id sits on the outermost one that has it.
  while (cur) {
    const id = cur['request-id'];
    if (typeof id === 'string') return id;
    const next = cur['innerError'];
    cur = next && typeof next === 'object' ? (next as Record<string, unknown>) : undefined;
  }
  return null;
}

/**
 * Builds the error for a failed response from its status, headers and (parsed) Graph error body.
 * 412 and a 409 whose request carried `If-Match` become `GraphConflictError`.
 */
export function errorFromResponse(
  status: number,
  headers: Headers | Record<string, string> | undefined,
  body: unknown,
  opts: { conditional?: boolean } = {},
): GraphError {
  const err = (body && typeof body === 'object' ? (body as GraphErrorBody).error : undefined) ?? {};
  const code = typeof err.code === 'string' && err.code ? err.code : `http${status}`;
  const message = typeof err.message === 'string' && err.message ? err.message : `Graph request failed with status ${status}`;
  const requestId = header(headers, 'request-id') ?? innerRequestId(err.innerError);
  const retryAfter = parseRetryAfter(header(headers, 'retry-after'));
  const Kind = status === 412 || (status === 409 && opts.conditional) ? GraphConflictError : GraphError;
  return new Kind(message, status, code, requestId, retryAfter, header(headers, 'location'));
}

/** True for the error an aborted fetch or an aborted wait rejects with. */
export function isAbortError(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'AbortError';
}

/** Statuses after which a write may or may not have been carried out: no answer (0), 429 after the retries ran out, 502, 503, 504. */
const AMBIGUOUS_STATUSES: ReadonlySet<number> = new Set([0, 429, 502, 503, 504]);

/**
 * True when a failed write may still have been applied: Graph's gateway can time out (504) on a request its backend
 * goes on to finish, and graph/core never re-sends such a POST (ADR 0002). The caller re-reads before continuing.
 */
export function isAmbiguousGraphFailure(e: unknown): boolean {
  return e instanceof GraphError && isAmbiguousStatus(e.status);
}

/** The same for the status of a response (e.g. an inner response of a `$batch`). */
export const isAmbiguousStatus = (status: number): boolean => AMBIGUOUS_STATUSES.has(status);
