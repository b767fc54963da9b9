import type { ReactNode } from 'react';
import { FluentProvider } from '@fluentui/react-components';
import { useLocation } from 'react-router';
import { OfflineBanner } from '../src/app/errors/OfflineBanner.js';
import { ScreenHeading } from '../src/app/shell/ScreenHeading.js';
import { parseHostSimulation } from '../src/app/tabs/simulation.js';
import { themeForParameter } from '../src/app/theme/theme.js';
import { useWebPartStyles } from './WebPartFrame.styles.js';

/**
 * What surrounds a web part: no app banner or navigation (the SharePoint page has its own), just the
 * web part's title and content in one `main` landmark, themed by the `theme` parameter when given.
 */
export function WebPartFrame({ title, children }: { title: string; children: ReactNode }) {
  const styles = useWebPartStyles();
  const location = useLocation();
  const theme = themeForParameter(parseHostSimulation(location.search).theme);
  return (
    <FluentProvider theme={theme ?? undefined} className={styles.root}>
      <main id="main" tabIndex={-1} className={styles.main}>
        <ScreenHeading>{title}</ScreenHeading>
        <OfflineBanner />
        {children}
      </main>
    </FluentProvider>
  );
}
