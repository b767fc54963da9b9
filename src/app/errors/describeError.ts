import { GraphConflictError, GraphError } from '../../../graph/core/errors.js';

/**
 * What kind of failure the user is looking at, which decides the message and the way out:
 * - `signIn` (401): the token was refused; sign in again;
 * - `forbidden` (403): the account may not do this; ask for access;
 * - `busy` (429, 503, 504 after graph/core's retries): Graph is throttling or unavailable; wait;
 * - `offline`: the browser has no network;
 * - `network`: online, but the request did not get through (DNS, CORS, server down);
 * - `notFound` (404), `conflict` (412, or 409 on a conditional write), `other`.
 */
export type ErrorKind = 'signIn' | 'forbidden' | 'busy' | 'offline' | 'network' | 'notFound' | 'conflict' | 'other';

export interface DescribedError {
  kind: ErrorKind;
  /** Seconds Graph asked to wait (`Retry-After`), when known. */
  retryAfterSeconds: number | null;
  /** Graph's request-id, for support. */
  requestId: string | null;
}

/** Classifies an error for the UI. `online` is `navigator.onLine` (or TanStack Query's onlineManager). */
export function describeError(error: unknown, online: boolean): DescribedError {
  const base = { retryAfterSeconds: null, requestId: null };
  if (!(error instanceof GraphError)) return { ...base, kind: online ? 'other' : 'offline' };
  const described = { retryAfterSeconds: error.retryAfterSeconds, requestId: error.requestId };
  if (error.status === 0) return { ...described, kind: online ? 'network' : 'offline' };
  if (error instanceof GraphConflictError) return { ...described, kind: 'conflict' };
  switch (error.status) {
    case 401:
      return { ...described, kind: 'signIn' };
    case 403:
      return { ...described, kind: 'forbidden' };
    case 404:
      return { ...described, kind: 'notFound' };
    case 429:
    case 503:
    case 504:
      return { ...described, kind: 'busy' };
    default:
      return { ...described, kind: 'other' };
  }
}
