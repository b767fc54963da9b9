import { useEffect, useState } from 'react';

/** `value` once it has stayed unchanged for `ms` milliseconds (a search box that queries as the user pauses typing). */
export function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(id);
  }, [value, ms]);
  return debounced;
}
