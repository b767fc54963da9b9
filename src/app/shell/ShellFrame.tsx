import type { ReactNode } from 'react';
import { mergeClasses } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from './LanguageSwitcher.js';
import { useShellStyles } from './Shell.styles.js';

export interface ShellFrameProps {
  /** Who is signed in and "Sign out" (absent before sign-in). */
  user?: ReactNode;
  /** The main navigation (absent before sign-in). */
  nav?: ReactNode;
  children: ReactNode;
}

/**
 * The page frame: a skip link, the banner (app name, language, user), the navigation and the one
 * `main` landmark. The same frame surrounds the sign-in screen, so the language can be switched
 * before signing in.
 */
export function ShellFrame({ user, nav, children }: ShellFrameProps) {
  const { t } = useTranslation();
  const styles = useShellStyles();
  return (
    <div className={styles.root}>
      <a className={styles.skipLink} href="#main">
        {t('shell.skipToContent')}
      </a>
      <header className={styles.header}>
        <span className={styles.appName}>{t('app.fullName')}</span>
        <div className={styles.headerTools}>
          <LanguageSwitcher />
          {user}
        </div>
      </header>
      <div className={styles.body}>
        {nav}
        <main id="main" tabIndex={-1} className={mergeClasses(styles.main, !nav && styles.mainCentered)}>
          {children}
        </main>
      </div>
    </div>
  );
}
