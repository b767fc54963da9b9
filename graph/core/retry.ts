import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { setHeader } from './bearerToken.js';
import { parseRetryAfter } from './errors.js';

/**
 * How `graph/` retries. This is the only layer that retries an HTTP request (the UI cache never
 * retries a `GraphError`); `$batch` reuses the same policy for its throttled inner requests.
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
 * Only throttling and transient gateway/service failures are retried
 * (https://learn.microsoft.com/graph/throttling, https://learn.microsoft.com/graph/errors).
 * Every other 4xx/5xx is final.
 */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 503, 504]);

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

/**
 * Replaces the library's `RetryHandler`, which sleeps with a plain `setTimeout` that an
 * `AbortSignal` cannot cut short and which re-sends a request even after it was cancelled.
 * This one retries 429/503/504 only, honours decimal `Retry-After`, backs off exponentially
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
    for (let retry = 1; ; retry++) {
      await this.next.execute(context);
      const response = context.response;
      if (!response || !RETRYABLE_STATUSES.has(response.status)) return;
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
