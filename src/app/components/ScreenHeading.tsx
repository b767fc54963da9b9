import { useEffect, useRef } from 'react';
import { useAppStyles } from '../App.styles.js';

/**
 * The page's one h1. It takes focus when the screen appears, so after signing in or out a
 * keyboard or screen-reader user lands at the top of the new screen instead of on `<body>`.
 */
export function ScreenHeading({ children }: { children: string }) {
  const styles = useAppStyles();
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
