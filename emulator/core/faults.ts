import { GraphHttpError } from './errors.js';

/**
 * Fault injection in the spirit of Microsoft's Dev Proxy: added latency, a random failure
 * rate with throttling/unavailable responses, a forced 429 for the next N requests, and a
 * "504 after commit" (a write carried out, then answered as a gateway timeout).
 * All off by default; set by CLI flags, environment variables or `PUT /_dev/faults`.
 */
export interface FaultConfig {
  /** Milliseconds added before every Graph response. */
  latencyMs: number;
  /** Probability (0..1) that a Graph request fails with one of `failureStatuses`. */
  failureRate: number;
  failureStatuses: number[];
  /** The next N Graph requests get 429 with `Retry-After: retryAfterSeconds`. */
  force429Count: number;
  retryAfterSeconds: number;
  /**
   * The first `PATCH …/listItem/fields` after each of the next N file uploads answers 409
   * `resourceModified` (routes/drives.ts): SharePoint may still be updating a file it just received.
   */
  resourceModifiedAfterUpload: number;
  /**
   * Probability (0..1) that a write (POST, PATCH, PUT or DELETE, on its own or inside a `$batch`)
   * that succeeded is answered `504 UnknownError` all the same: the change is made and stays made,
   * only the answer is lost, as when Graph's gateway times out on a backend that went on to finish
   * the request (a POST answered 504 whose item was created: microsoftgraph/microsoft-graph-docs#133;
   * a copy answered 504 whose retry found the name taken: microsoftgraph/msgraph-sdk-java#627).
   * The `$batch` envelope itself is never failed this way; its inner writes are, each on its own.
   */
  failAfterCommitRate: number;
  /** The next N writes that succeed are answered 504 after being carried out (see `failAfterCommitRate`). */
  failAfterCommitCount: number;
  /**
   * Seed of the random source behind `failureRate` and `failAfterCommitRate`, so a sequence of
   * requests meets the same faults on every run; null (the default) uses `Math.random`. Setting it
   * (again) restarts the sequence.
   */
  seed: number | null;
}

export const defaultFaults = (): FaultConfig => ({
  latencyMs: 0,
  failureRate: 0,
  failureStatuses: [429, 503, 504],
  force429Count: 0,
  retryAfterSeconds: 1,
  resourceModifiedAfterUpload: 0,
  failAfterCommitRate: 0,
  failAfterCommitCount: 0,
  seed: null,
});

/** Methods whose successful requests the "504 after commit" fault may hit. */
const WRITE_METHODS: ReadonlySet<string> = new Set(['POST', 'PATCH', 'PUT', 'DELETE']);

export interface Faults {
  config: FaultConfig;
  update(patch: Partial<FaultConfig>): FaultConfig;
  /** Waits for the configured latency, then throws the fault this request should get, if any. */
  apply(opts?: { skipLatency?: boolean; skipFailures?: boolean }): Promise<void>;
  /**
   * Called once a request has been carried out with a 2xx answer: the 504 that replaces that answer
   * when the "504 after commit" fault hits this write, else null (reads are never hit).
   */
  afterCommit(method: string): GraphHttpError | null;
}

export function faultsFromEnv(env: NodeJS.ProcessEnv): Partial<FaultConfig> {
  const out: Partial<FaultConfig> = {};
  if (env.EMULATOR_LATENCY_MS) out.latencyMs = Number(env.EMULATOR_LATENCY_MS);
  if (env.EMULATOR_FAILURE_RATE) out.failureRate = Number(env.EMULATOR_FAILURE_RATE);
  if (env.EMULATOR_FORCE_429) out.force429Count = Number(env.EMULATOR_FORCE_429);
  if (env.EMULATOR_RETRY_AFTER) out.retryAfterSeconds = Number(env.EMULATOR_RETRY_AFTER);
  if (env.EMULATOR_FAIL_AFTER_COMMIT_RATE) out.failAfterCommitRate = Number(env.EMULATOR_FAIL_AFTER_COMMIT_RATE);
  if (env.EMULATOR_FAIL_AFTER_COMMIT) out.failAfterCommitCount = Number(env.EMULATOR_FAIL_AFTER_COMMIT);
  if (env.EMULATOR_FAULT_SEED) out.seed = Number(env.EMULATOR_FAULT_SEED);
  return out;
}

export function validateFaults(patch: Partial<FaultConfig>): void {
  const bad = (m: string) => new GraphHttpError(400, 'invalidRequest', m);
  if (patch.latencyMs !== undefined && !(Number.isFinite(patch.latencyMs) && patch.latencyMs >= 0)) throw bad('latencyMs must be a number >= 0.');
  if (patch.failureRate !== undefined && !(patch.failureRate >= 0 && patch.failureRate <= 1)) throw bad('failureRate must be between 0 and 1.');
  if (patch.force429Count !== undefined && !(Number.isInteger(patch.force429Count) && patch.force429Count >= 0)) throw bad('force429Count must be an integer >= 0.');
  if (patch.retryAfterSeconds !== undefined && !(patch.retryAfterSeconds >= 0)) throw bad('retryAfterSeconds must be >= 0.');
  if (patch.resourceModifiedAfterUpload !== undefined && !(Number.isInteger(patch.resourceModifiedAfterUpload) && patch.resourceModifiedAfterUpload >= 0)) {
    throw bad('resourceModifiedAfterUpload must be an integer >= 0.');
  }
  if (patch.failAfterCommitRate !== undefined && !(patch.failAfterCommitRate >= 0 && patch.failAfterCommitRate <= 1)) throw bad('failAfterCommitRate must be between 0 and 1.');
  if (patch.failAfterCommitCount !== undefined && !(Number.isInteger(patch.failAfterCommitCount) && patch.failAfterCommitCount >= 0)) {
    throw bad('failAfterCommitCount must be an integer >= 0.');
  }
  if (patch.seed !== undefined && patch.seed !== null && !Number.isInteger(patch.seed)) throw bad('seed must be an integer or null.');
  if (patch.failureStatuses !== undefined && !patch.failureStatuses.every((s) => [429, 503, 504].includes(s))) {
    throw bad('failureStatuses may contain 429, 503 and 504 only.');
  }
}

export function throttled(retryAfterSeconds: number): GraphHttpError {
  return new GraphHttpError(429, 'TooManyRequests', 'Too many requests. Please retry after the time given in the Retry-After header.', {
    'Retry-After': String(retryAfterSeconds),
  });
}

const gatewayTimeout = () => new GraphHttpError(504, 'UnknownError', 'The gateway did not receive a timely response.');

function failure(status: number, retryAfterSeconds: number): GraphHttpError {
  if (status === 429) return throttled(retryAfterSeconds);
  if (status === 503) {
    return new GraphHttpError(503, 'serviceNotAvailable', 'The service is temporarily unavailable. Try again later.', {
      'Retry-After': String(retryAfterSeconds),
    });
  }
  return gatewayTimeout();
}

/** A small deterministic generator (mulberry32) of numbers in [0, 1) from an integer seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `random` stands in for `Math.random` (a test's own source); a configured `seed` takes precedence. */
export function createFaults(initial: Partial<FaultConfig> = {}, random: () => number = Math.random): Faults {
  validateFaults(initial);
  const config: FaultConfig = { ...defaultFaults(), ...initial };
  let rand = config.seed === null ? random : seededRandom(config.seed);
  return {
    config,
    update(patch) {
      validateFaults(patch);
      // Only known settings are taken, so a typo cannot add a key that then shows up in GET /_dev/faults.
      for (const key of Object.keys(defaultFaults()) as (keyof FaultConfig)[]) {
        if (patch[key] !== undefined) (config as unknown as Record<string, unknown>)[key] = patch[key];
      }
      if (patch.seed !== undefined) rand = patch.seed === null ? random : seededRandom(patch.seed);
      return config;
    },
    afterCommit(method) {
      if (!WRITE_METHODS.has(method.toUpperCase())) return null;
      if (config.failAfterCommitCount > 0) {
        config.failAfterCommitCount--;
        return gatewayTimeout();
      }
      return config.failAfterCommitRate > 0 && rand() < config.failAfterCommitRate ? gatewayTimeout() : null;
    },
    async apply(opts = {}) {
      if (config.latencyMs > 0 && !opts.skipLatency) await new Promise((r) => setTimeout(r, config.latencyMs));
      if (opts.skipFailures) return;
      if (config.force429Count > 0) {
        config.force429Count--;
        throw throttled(config.retryAfterSeconds);
      }
      if (config.failureRate > 0 && rand() < config.failureRate) {
        const statuses = config.failureStatuses.length ? config.failureStatuses : [429];
        throw failure(statuses[Math.floor(rand() * statuses.length)]!, config.retryAfterSeconds);
      }
    },
  };
}
