/**
 * Log of Graph requests with their status and bytes, so tests and benchmarks can count
 * round trips. Requests inside a `$batch` are logged with `inBatch: true` after the batch itself.
 */
export interface RequestLogEntry {
  seq: number;
  time: string;
  method: string;
  /** Path and query below the host, e.g. `/v1.0/me?$select=id`. */
  path: string;
  status: number;
  requestBytes: number;
  responseBytes: number;
  durationMs: number;
  inBatch: boolean;
  requestId: string;
}

export interface RequestLog {
  add(e: Omit<RequestLogEntry, 'seq'>): void;
  list(): RequestLogEntry[];
  clear(): void;
}

/** Keeps the newest `limit` entries in a ring buffer (adding is O(1) once full). */
export function createRequestLog(limit = 20000): RequestLog {
  let seq = 0;
  const ring: RequestLogEntry[] = [];
  /** Index of the oldest entry once the ring is full. */
  let oldest = 0;
  return {
    add(e) {
      const entry = { seq: ++seq, ...e };
      if (ring.length < limit) {
        ring.push(entry);
      } else {
        ring[oldest] = entry;
        oldest = (oldest + 1) % limit;
      }
    },
    list: () => [...ring.slice(oldest), ...ring.slice(0, oldest)],
    clear() {
      ring.length = 0;
      oldest = 0;
    },
  };
}
