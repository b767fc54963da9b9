import { useCallback, useRef, useState } from 'react';

/** A step that runs at most once at a time, and whether it is running (see `useSingleFlight`). */
export interface SingleFlight {
  /** The step is running: its buttons and fields are disabled. */
  readonly running: boolean;
  /**
   * Runs `step` unless a step of this guard is still running; a call made meanwhile (a second
   * click, Enter pressed twice, "Try again" during the step) does nothing and resolves to
   * `undefined`. Resolves to the step's result, or rejects with its failure.
   */
  run<T>(step: () => Promise<T>): Promise<T | undefined>;
}

/**
 * One step at a time, from the first click until the step settles. The guard is a ref checked
 * and set synchronously by the event handler that starts the step, so it holds before React has
 * re-rendered the button as disabled and while the step does work before its mutation starts
 * (reading a chosen file, checking the rules): `isPending` of a TanStack mutation becomes true only
 * when the mutation starts, and a disabled button only after the next render — a double click
 * falls between both. `running` is the same state for rendering (disable the buttons with it).
 */
export function useSingleFlight(): SingleFlight {
  const inFlight = useRef(false);
  const [running, setRunning] = useState(false);
  const run = useCallback(async <T,>(step: () => Promise<T>): Promise<T | undefined> => {
    if (inFlight.current) return undefined;
    inFlight.current = true;
    setRunning(true);
    try {
      return await step();
    } finally {
      inFlight.current = false;
      setRunning(false);
    }
  }, []);
  return { running, run };
}
