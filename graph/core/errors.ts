import { GraphError as LibraryGraphError } from '@microsoft/microsoft-graph-client';

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
  ) {
    super(message);
  }
}

/** Converts whatever the Graph client threw into a `GraphError` (network failures get status 0). */
export function toGraphError(e: unknown): GraphError {
  if (e instanceof GraphError) return e;
  if (e instanceof LibraryGraphError) {
    const retryAfter = e.headers?.get('retry-after');
    const seconds = retryAfter != null && retryAfter.trim() !== '' && Number.isFinite(Number(retryAfter)) ? Number(retryAfter) : null;
    const requestId = e.requestId ?? e.headers?.get('request-id') ?? null;
    return new GraphError(e.message || `Graph request failed with status ${e.statusCode}`, e.statusCode, e.code ?? 'unknown', requestId, seconds);
  }
  const message = e instanceof Error ? e.message : String(e);
  return new GraphError(message, 0, 'networkError', null, null);
}

/** Runs one Graph call and rethrows any failure as a `GraphError`. */
export async function graphCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (e) {
    throw toGraphError(e);
  }
}
