import { useEffect, useState } from 'react';
import { Caption1, FluentProvider, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { loadRuntimeConfig, type EmulatorRuntimeConfig } from './config.js';
import { useAsync } from './useAsync.js';
import { usePreferredTheme } from './theme.js';
import { currentLanguage, t } from './i18n/t.js';
import { useAppStyles } from './App.styles.js';
import { ErrorState, Loading } from './components/Status.js';
import { SignInScreen } from './screens/SignInScreen.js';
import { SignedInScreen } from './screens/SignedInScreen.js';

/**
 * Composition root of the placeholder app: theme, language, runtime config and sign-in.
 * The full shell (host detection, MSAL, QueryClient, router, react-i18next) replaces it.
 */
export function App() {
  const theme = usePreferredTheme();
  const styles = useAppStyles();
  useEffect(() => {
    document.documentElement.lang = currentLanguage();
  }, []);

  return (
    <FluentProvider theme={theme} className={styles.root}>
      <header className={styles.header}>
        <Text weight="semibold" size={500}>
          {t('app.name')}
        </Text>
      </header>
      <main className={styles.main}>
        <ConfiguredApp />
      </main>
      <footer className={styles.footer}>
        <Caption1>{t('app.placeholderNote')}</Caption1>
      </footer>
    </FluentProvider>
  );
}

function ConfiguredApp() {
  const config = useAsync((signal) => loadRuntimeConfig(signal), 'runtime-config');
  if (config.status === 'loading') return <Loading label={t('config.loading')} />;
  if (config.status === 'error') return <ErrorState title={t('config.error')} error={config.error} onRetry={config.retry} />;
  if (config.data.mode === 'tenant') {
    return (
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>{t('config.tenantNotReady')}</MessageBarBody>
      </MessageBar>
    );
  }
  return <EmulatorSession config={config.data} />;
}

/** Holds the access token in React state only: never in storage, never logged. */
function EmulatorSession({ config }: { config: EmulatorRuntimeConfig }) {
  const [session, setSession] = useState<{ accessToken: string; id: number } | null>(null);
  if (!session) {
    return <SignInScreen devAuthUrl={config.devAuthUrl} onSignedIn={(accessToken) => setSession({ accessToken, id: Date.now() })} />;
  }
  return <SignedInScreen graphBaseUrl={config.graphBaseUrl} accessToken={session.accessToken} sessionId={session.id} onSignOut={() => setSession(null)} />;
}
