import { QueryClient } from '@tanstack/react-query';
import { GraphError, isAbortError } from '../../../graph/core/errors.js';

/**
 * TanStack Query holds every Graph read of the UI. It never retries a `GraphError`: graph/core
 * already retried what may be retried (429 always; 503/504 only when a replay cannot apply twice — ADR 0002), and a second retry layer
 * would multiply the load on a throttled service. Other failures (the app's own fetches, e.g.
 * the dev sign-in endpoints) get one more try. Queries pause while the browser is offline and
 * resume when it is back (`networkMode: 'online'`).
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof GraphError || isAbortError(error)) return false;
  return failureCount < 1;
}

export interface QueryClientOptions {
  /** Tests pass `false` (no retries at all) for deterministic failures. */
  retry?: false;
}

/** A fresh QueryClient: one per signed-in session in the app, one per test. */
export function createQueryClient(options: QueryClientOptions = {}): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: options.retry ?? shouldRetry,
        networkMode: 'online',
        staleTime: 60_000,
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false, networkMode: 'online' },
    },
  });
}
