import { GraphHttpError } from './errors.js';

/**
 * Fault injection in the spirit of Microsoft's Dev Proxy: added latency, a random failure
 * rate with throttling/unavailable responses, and a forced 429 for the next N requests.
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
}

export const defaultFaults = (): FaultConfig => ({
  latencyMs: 0,
  failureRate: 0,
  failureStatuses: [429, 503, 504],
  force429Count: 0,
  retryAfterSeconds: 1,
  resourceModifiedAfterUpload: 0,
});

export interface Faults {
  config: FaultConfig;
  update(patch: Partial<FaultConfig>): FaultConfig;
  /** Waits for the configured latency, then throws the fault this request should get, if any. */
  apply(opts?: { skipLatency?: boolean; skipFailures?: boolean }): Promise<void>;
}

export function faultsFromEnv(env: NodeJS.ProcessEnv): Partial<FaultConfig> {
  const out: Partial<FaultConfig> = {};
  if (env.EMULATOR_LATENCY_MS) out.latencyMs = Number(env.EMULATOR_LATENCY_MS);
  if (env.EMULATOR_FAILURE_RATE) out.failureRate = Number(env.EMULATOR_FAILURE_RATE);
  if (env.EMULATOR_FORCE_429) out.force429Count = Number(env.EMULATOR_FORCE_429);
  if (env.EMULATOR_RETRY_AFTER) out.retryAfterSeconds = Number(env.EMULATOR_RETRY_AFTER);
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
  if (patch.failureStatuses !== undefined && !patch.failureStatuses.every((s) => [429, 503, 504].includes(s))) {
    throw bad('failureStatuses may contain 429, 503 and 504 only.');
  }
}

export function throttled(retryAfterSeconds: number): GraphHttpError {
  return new GraphHttpError(429, 'TooManyRequests', 'Too many requests. Please retry after the time given in the Retry-After header.', {
    'Retry-After': String(retryAfterSeconds),
  });
}

function failure(status: number, retryAfterSeconds: number): GraphHttpError {
  if (status === 429) return throttled(retryAfterSeconds);
  if (status === 503) {
    return new GraphHttpError(503, 'serviceNotAvailable', 'The service is temporarily unavailable. Try again later.', {
      'Retry-After': String(retryAfterSeconds),
    });
  }
  return new GraphHttpError(504, 'UnknownError', 'The gateway did not receive a timely response.');
}

export function createFaults(initial: Partial<FaultConfig> = {}, random: () => number = Math.random): Faults {
  validateFaults(initial);
  const config: FaultConfig = { ...defaultFaults(), ...initial };
  return {
    config,
    update(patch) {
      validateFaults(patch);
      // Only known settings are taken, so a typo cannot add a key that then shows up in GET /_dev/faults.
      for (const key of Object.keys(defaultFaults()) as (keyof FaultConfig)[]) {
        if (patch[key] !== undefined) (config as unknown as Record<string, unknown>)[key] = patch[key];
      }
      return config;
    },
    async apply(opts = {}) {
      if (config.latencyMs > 0 && !opts.skipLatency) await new Promise((r) => setTimeout(r, config.latencyMs));
      if (opts.skipFailures) return;
      if (config.force429Count > 0) {
        config.force429Count--;
        throw throttled(config.retryAfterSeconds);
      }
      if (config.failureRate > 0 && random() < config.failureRate) {
        const statuses = config.failureStatuses.length ? config.failureStatuses : [429];
        throw failure(statuses[Math.floor(random() * statuses.length)]!, config.retryAfterSeconds);
      }
    },
  };
}
