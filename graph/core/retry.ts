import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { setHeader } from './bearerToken.js';
import { parseRetryAfter } from './errors.js';

/**
 * How `graph/` retries. Each HTTP request is retried in exactly one layer: this middleware, or, for
 * `$batch`, `sendChunk` in ./batch.ts, which sends the envelope with `retry: false` and re-sends
 * inner requests under the same policy and the same `isRetryable` rule. The UI cache never
 * retries a `GraphError`.
 */
export interface RetryPolicy {
  /** Retries after the first attempt (so at most `maxRetries + 1` attempts). */
  maxRetries: number;
  /** First backoff delay in seconds when the response has no `Retry-After`; doubles each retry. */
  delaySeconds: number;
  /** Cap on any wait. A `Retry-After` longer than this is not waited for: the error surfaces at once. */
  maxDelaySeconds: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = Object.freeze({ maxRetries: 3, delaySeconds: 1, maxDelaySeconds: 60 });

/**
 * Only throttling and transient gateway/service failures are ever retried
 * (https://learn.microsoft.com/graph/throttling, https://learn.microsoft.com/graph/errors).
 * Every other 4xx/5xx is final. Which of these may be retried for a given request is decided by
 * `isRetryable`.
 */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 503, 504]);

/**
 * Methods that are safe to replay because sending them twice has the same effect as once.
 * PATCH is not, unless it carries `If-Match`: a replay after the first one applied then fails
 * with 412 instead of applying twice. POST is never replayed.
 */
const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'PUT', 'DELETE']);

/** True when re-sending `method` cannot apply a change twice (see `IDEMPOTENT_METHODS`). */
export function isIdempotent(method: string, hasIfMatch: boolean): boolean {
  const m = method.toUpperCase();
  return IDEMPOTENT_METHODS.has(m) || (m === 'PATCH' && hasIfMatch);
}

/**
 * Whether a response with `status` to a request with `method` may be retried.
 * 429 means the request was throttled and not processed, so it is retried whatever the method.
 * 503/504 may arrive after the service did the work (a gateway timeout), so they are retried
 * only for idempotent requests: a POST answered 503/504 is never re-sent, to avoid duplicates.
 */
export function isRetryable(status: number, method: string, hasIfMatch: boolean): boolean {
  if (status === 429) return true;
  return RETRYABLE_STATUSES.has(status) && isIdempotent(method, hasIfMatch);
}

/**
 * Seconds to wait before retry number `retry` (1-based), or null when the request must not be
 * retried. `Retry-After` (decimal seconds or an HTTP date) wins; without it the delay doubles from
 * `delaySeconds`, capped at `maxDelaySeconds`.
 */
export function retryDelaySeconds(policy: RetryPolicy, retry: number, retryAfter: string | null): number | null {
  if (retry > policy.maxRetries) return null;
  const asked = parseRetryAfter(retryAfter);
  if (asked !== null) return asked <= policy.maxDelaySeconds ? asked : null;
  return Math.min(policy.delaySeconds * 2 ** (retry - 1), policy.maxDelaySeconds);
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal | null): Promise<void> {
  if (signal?.aborted) return Promise.reject(abortReason(signal));
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortReason(signal!));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function signalOf(context: Context): AbortSignal | null | undefined {
  if (typeof Request !== 'undefined' && context.request instanceof Request) return context.request.signal;
  return context.options?.signal;
}

/** The request's method (GET when unset, as fetch does) and whether it carries `If-Match`. */
function requestShape(context: Context): { method: string; hasIfMatch: boolean } {
  if (typeof Request !== 'undefined' && context.request instanceof Request) {
    return { method: context.request.method, hasIfMatch: context.request.headers.has('if-match') };
  }
  const method = context.options?.method ?? 'GET';
  const headers = context.options?.headers;
  let hasIfMatch: boolean;
  if (headers instanceof Headers) hasIfMatch = headers.has('if-match');
  else if (Array.isArray(headers)) hasIfMatch = headers.some(([k]) => k.toLowerCase() === 'if-match');
  else hasIfMatch = Object.keys(headers ?? {}).some((k) => k.toLowerCase() === 'if-match');
  return { method, hasIfMatch };
}

/**
 * Replaces the library's `RetryHandler`, which sleeps with a plain `setTimeout` that an
 * `AbortSignal` cannot cut short and which re-sends a request even after it was cancelled.
 * This one retries 429 for any method and 503/504 only for idempotent requests (`isRetryable`:
 * never a POST, never a PATCH without `If-Match`), honours decimal `Retry-After`, backs off exponentially
 * (capped) without it, stops after `maxRetries`, and never retries a cancelled request: an abort
 * during the wait rejects at once. The last response (e.g. the final 429) is left on the context
 * so the caller can turn it into a `GraphError` with its retry delay.
 */
export class RetryMiddleware implements Middleware {
  private next: Middleware | undefined;

  constructor(private readonly policy: RetryPolicy) {}

  async execute(context: Context): Promise<void> {
    if (!this.next) throw new Error('RetryMiddleware must not be the last middleware in the chain.');
    const signal = signalOf(context);
    const { method, hasIfMatch } = requestShape(context);
    for (let retry = 1; ; retry++) {
      await this.next.execute(context);
      const response = context.response;
      if (!response || !isRetryable(response.status, method, hasIfMatch)) return;
      // A cancelled request is never retried: it rejects as an abort, like fetch itself.
      if (signal?.aborted) throw signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
      const delay = retryDelaySeconds(this.policy, retry, response.headers.get('retry-after'));
      if (delay === null) return;
      void response.body?.cancel().catch(() => undefined);
      await sleep(delay * 1000, signal);
      setHeader(context, 'Retry-Attempt', String(retry));
    }
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}
