import type { ReactNode } from 'react';
import { Link } from '@fluentui/react-components';
import { useHref, useLinkClickHandler } from 'react-router';

/** A Fluent link that navigates with react-router (keeps modifier-click and middle-click working). */
export function RouterLink({ to, children, 'aria-label': ariaLabel }: { to: string; children: ReactNode; /** When the visible text alone does not say where the link goes (e.g. a count). */ 'aria-label'?: string }) {
  const href = useHref(to);
  const onClick = useLinkClickHandler<HTMLAnchorElement>(to);
  return (
    <Link href={href} onClick={onClick} aria-label={ariaLabel}>
      {children}
    </Link>
  );
}
