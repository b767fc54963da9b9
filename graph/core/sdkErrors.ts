import { GraphError as LibraryGraphError } from '@microsoft/microsoft-graph-client';
import { GraphError, isAbortError, parseRetryAfter } from './errors.js';

// For code that uses the library's fluent API (`client.sdk`), which throws the library's own
// GraphError. Kept apart from ./errors.ts so that importing `GraphError` (as the sign-in page does)
// does not pull the whole Graph client library into the app's first download.

/**
 * Converts whatever a Graph call threw into a `GraphError` (network failures get status 0 and
 * code `networkError`). An abort is passed through unchanged: cancelling is not a Graph failure.
 */
export function toGraphError(e: unknown): GraphError {
  if (e instanceof GraphError) return e;
  if (e instanceof LibraryGraphError) {
    const retryAfter = parseRetryAfter(e.headers?.get('retry-after'));
    const requestId = e.requestId ?? e.headers?.get('request-id') ?? null;
    return new GraphError(e.message || `Graph request failed with status ${e.statusCode}`, e.statusCode, e.code ?? 'unknown', requestId, retryAfter);
  }
  const message = e instanceof Error ? e.message : String(e);
  return new GraphError(message, 0, 'networkError', null, null);
}

/** Runs one Graph call and rethrows any failure as a `GraphError` (aborts pass through). */
export async function graphCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (e) {
    if (isAbortError(e)) throw e;
    throw toGraphError(e);
  }
}
