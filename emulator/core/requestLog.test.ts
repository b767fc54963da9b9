import { describe, it, expect } from 'vitest';
import { createRequestLog } from './requestLog.js';

const entry = (path: string) => ({
  time: '2030-01-01T00:00:00.000Z', method: 'GET', path, status: 200, requestBytes: 0, responseBytes: 0, durationMs: 0, inBatch: false, requestId: path,
});

describe('request log', () => {
  it('keeps the newest entries, oldest first, once it is full and wraps around', () => {
    const log = createRequestLog(3);
    for (let i = 1; i <= 8; i++) log.add(entry(`/v1.0/r${i}`));
    expect(log.list().map((e) => [e.seq, e.path])).toEqual([
      [6, '/v1.0/r6'],
      [7, '/v1.0/r7'],
      [8, '/v1.0/r8'],
    ]);
  });

  it('starts empty again after clear, and sequence numbers keep counting', () => {
    const log = createRequestLog(2);
    for (let i = 1; i <= 3; i++) log.add(entry(`/v1.0/a${i}`));
    log.clear();
    expect(log.list()).toEqual([]);
    log.add(entry('/v1.0/b1'));
    expect(log.list().map((e) => [e.seq, e.path])).toEqual([[4, '/v1.0/b1']]);
    log.add(entry('/v1.0/b2'));
    log.add(entry('/v1.0/b3'));
    expect(log.list().map((e) => e.path)).toEqual(['/v1.0/b2', '/v1.0/b3']);
  });

  it('returns a copy: changing the list does not change the log', () => {
    const log = createRequestLog(5);
    log.add(entry('/v1.0/x'));
    log.list().pop();
    expect(log.list()).toHaveLength(1);
  });
});
