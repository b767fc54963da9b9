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

export function createRequestLog(limit = 20000): RequestLog {
  let seq = 0;
  let entries: RequestLogEntry[] = [];
  return {
    add(e) {
      entries.push({ seq: ++seq, ...e });
      if (entries.length > limit) entries = entries.slice(entries.length - limit);
    },
    list: () => [...entries],
    clear() {
      entries = [];
    },
  };
}
