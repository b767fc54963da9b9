import { useEffect, useRef } from 'react';
import { useShellStyles } from './Shell.styles.js';

/**
 * The screen's one h1. It takes focus when the screen appears, so after signing in or following a
 * navigation link a keyboard or screen-reader user lands at the top of the new screen.
 */
export function ScreenHeading({ children }: { children: string }) {
  const styles = useShellStyles();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} className={styles.heading}>
      {children}
    </h1>
  );
}
