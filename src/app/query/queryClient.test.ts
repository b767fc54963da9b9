import { describe, expect, it } from 'vitest';
import { GraphError } from '../../../graph/core/errors.js';
import { createQueryClient, shouldRetry } from './queryClient.js';

describe('query retries', () => {
  it('never retries a GraphError, whatever its status (graph/core is the only retry layer)', () => {
    for (const status of [0, 401, 403, 404, 429, 500, 503, 504]) {
      expect(shouldRetry(0, new GraphError('m', status, 'c', null, null))).toBe(false);
    }
  });

  it('gives other failures one more try, then stops', () => {
    expect(shouldRetry(0, new TypeError('Failed to fetch'))).toBe(true);
    expect(shouldRetry(1, new TypeError('Failed to fetch'))).toBe(false);
  });

  it('runs a failing Graph query exactly once', async () => {
    const client = createQueryClient();
    let calls = 0;
    const result = client.fetchQuery({
      queryKey: ['x'],
      queryFn: async () => {
        calls++;
        throw new GraphError('throttled', 429, 'TooManyRequests', null, 1);
      },
    });
    await expect(result).rejects.toBeInstanceOf(GraphError);
    expect(calls).toBe(1);
  });
});
