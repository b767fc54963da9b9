import { describe, expect, it } from 'vitest';
import { GraphConflictError, GraphError } from '../../../graph/core/errors.js';
import { describeError } from './describeError.js';

const graphError = (status: number, code = 'x', retryAfter: number | null = null) => new GraphError('m', status, code, 'req-1', retryAfter);

describe('describeError', () => {
  it('asks to sign in again on 401', () => {
    expect(describeError(graphError(401, 'InvalidAuthenticationToken'), true).kind).toBe('signIn');
  });

  it('says "no permission" on 403', () => {
    expect(describeError(graphError(403, 'accessDenied'), true).kind).toBe('forbidden');
  });

  it('says Graph is busy on 429, 503 and 504, keeping Retry-After', () => {
    expect(describeError(graphError(429, 'TooManyRequests', 2.5), true)).toEqual({ kind: 'busy', retryAfterSeconds: 2.5, requestId: 'req-1' });
    expect(describeError(graphError(503, 'serviceNotAvailable'), true).kind).toBe('busy');
    expect(describeError(graphError(504, 'gatewayTimeout'), true).kind).toBe('busy');
  });

  it('tells offline from a network failure while online', () => {
    const network = new GraphError('Failed to fetch', 0, 'networkError', null, null);
    expect(describeError(network, false).kind).toBe('offline');
    expect(describeError(network, true).kind).toBe('network');
  });

  it('recognises conflicts and missing resources', () => {
    expect(describeError(new GraphConflictError('m', 412, 'preconditionFailed', null, null), true).kind).toBe('conflict');
    expect(describeError(graphError(404, 'itemNotFound'), true).kind).toBe('notFound');
  });

  it('falls back to a generic error for other statuses and non-Graph errors', () => {
    expect(describeError(graphError(500, 'generalException'), true).kind).toBe('other');
    expect(describeError(new TypeError('boom'), true).kind).toBe('other');
    expect(describeError(new TypeError('boom'), false).kind).toBe('offline');
  });
});
