import { useCallback, useEffect, useState } from 'react';

export type AsyncState<T> =
  | { status: 'loading' }
  | { status: 'error'; error: Error }
  | { status: 'success'; data: T };

/**
 * Runs `load` when `key` changes (or `retry` is called) and tracks loading / error / success.
 * The previous run is aborted, so a late answer never overwrites a newer one. The app shell
 * replaces this with TanStack Query.
 */
export function useAsync<T>(load: (signal: AbortSignal) => Promise<T>, key: string): AsyncState<T> & { retry: () => void } {
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ status: 'success', data });
      },
      (e: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', error: e instanceof Error ? e : new Error(String(e)) });
      },
    );
    return () => controller.abort();
    // `load` is a new function on every render on purpose: `key` and `attempt` say when to run again.
  }, [key, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, retry };
}
