import type { ReactNode } from 'react';
import { Link } from '@fluentui/react-components';
import { RouterLink } from '../../../app/shell/RouterLink.js';

/**
 * A link to a page of the app: within the app it navigates in place; in a SharePoint web part (`newTab`) it
 * opens the app in a new tab, since the web part's page is not the app.
 */
export function AppLink({ to, newTab, children, 'aria-label': ariaLabel }: { to: string; newTab?: boolean; children: ReactNode; 'aria-label'?: string }) {
  if (newTab) {
    return (
      <Link href={to} target="_blank" rel="noopener noreferrer" aria-label={ariaLabel}>
        {children}
      </Link>
    );
  }
  return (
    <RouterLink to={to} aria-label={ariaLabel}>
      {children}
    </RouterLink>
  );
}
