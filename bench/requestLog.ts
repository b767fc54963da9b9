/**
 * What the benches read from the emulator's request log (`emu.requests`, the same entries `GET /_dev/requests`
 * serves): the Graph round trips since the log was cleared, their body bytes, and the longest chain of
 * sequential round trips. A `$batch` is one round trip; its inner requests are logged separately with
 * `inBatch: true` and are not counted.
 */
import type { TestEmulator } from '../tests/support/emulator.js';

export interface Cost {
  trips: number;
  sent: number;
  received: number;
}

export const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} kB`;
export const ms = (t: number): string => `${t.toFixed(0)} ms`;

/** The Graph round trips logged since the log was cleared (a `$batch` counts once). */
export const graphLog = (emu: TestEmulator) => emu.emulator.emu.requests.list().filter((e) => e.path.startsWith('/v1.0/') && !e.inBatch);

/** Round trips and body bytes of the Graph requests logged since the log was cleared. */
export function cost(emu: TestEmulator): Cost {
  const log = graphLog(emu);
  return { trips: log.length, sent: log.reduce((n, e) => n + e.requestBytes, 0), received: log.reduce((n, e) => n + e.responseBytes, 0) };
}

export const describeCost = (c: Cost): string => `${c.trips} round trip${c.trips === 1 ? '' : 's'}, ${kb(c.received)} received, ${kb(c.sent)} sent`;

/**
 * Sequential round trips: the longest chain of logged requests in which each started after the previous one had
 * answered, ending with the first request whose path `endsAt` accepts (or anywhere, without `endsAt`). A request
 * "answered before" another when it ended before the other started, give or take half the added latency
 * (timestamps are whole milliseconds; requests sent together overlap by the whole latency), so only meaningful
 * with added latency: without it the single-threaded emulator answers parallel requests one after another.
 */
export function sequentialTrips(emu: TestEmulator, latencyMs: number, endsAt?: (path: string) => boolean): number {
  const log = graphLog(emu).map((e) => ({ path: e.path, end: Date.parse(e.time), start: Date.parse(e.time) - e.durationMs }));
  log.sort((a, b) => a.start - b.start);
  const depth: number[] = [];
  for (let i = 0; i < log.length; i++) {
    const before = log.slice(0, i).map((q, j) => (q.end <= log[i]!.start + latencyMs / 2 ? depth[j]! : 0));
    depth.push(1 + Math.max(0, ...before));
  }
  if (!endsAt) return Math.max(0, ...depth);
  const last = log.findIndex((e) => endsAt(e.path));
  if (last < 0) throw new Error('the request the chain ends with was not sent');
  return depth[last]!;
}
