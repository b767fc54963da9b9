import { Suspense, useEffect, useMemo, useState, type ReactNode } from 'react';
import { FluentProvider } from '@fluentui/react-components';
import { QueryClientProvider } from '@tanstack/react-query';
import type { i18n as I18n } from 'i18next';
import { I18nextProvider, useTranslation } from 'react-i18next';
import type { RetryPolicy } from '../../graph/core/client.js';
import type { RuntimeConfig, TenantRuntimeConfig } from './config.js';
import type { Host } from './host/host.js';
import { chooseAuthStrategy, type AuthStrategy } from './auth/strategy.js';
import type { AuthSession } from './auth/session.js';
import { createQueryClient } from './query/queryClient.js';
import { useHostTheme } from './theme/theme.js';
import { AppErrorBoundary } from './errors/AppErrorBoundary.js';
import { ErrorMessage } from './errors/ErrorMessage.js';
import { signInScopes } from './auth/scopes.js';
import { Loading } from './shell/Loading.js';
import { retryableLazy } from './shell/lazyScreen.js';
import { ShellFrame } from './shell/ShellFrame.js';
import { SignInScreen } from './screens/SignInScreen.js';
import { TenantSignInScreen } from './screens/TenantSignInScreen.js';
import { HostContext } from './tabs/HostContext.js';
import { ErrorViewProvider } from '../ui/ErrorView.js';

/**
 * What a signed-in user sees (Graph client, shell, routes) is its own chunk, so the first download
 * is only what sign-in needs. It starts downloading while the sign-in page shows (see `SignInGate`).
 */
const SignedInApp = retryableLazy(() => import('./SignedInApp.js').then((m) => m.SignedInApp));

/** Test seams: no query retries, a short Graph retry policy, an already signed-in session. The app leaves them unset. */
export interface AppTestOptions {
  queryRetry?: false;
  graphRetry?: Partial<RetryPolicy>;
  session?: AuthSession;
}

export interface AppProps {
  config: RuntimeConfig;
  host: Host;
  i18n: I18n;
  testing?: AppTestOptions;
  /** What a signed-in user sees; by default the shell (banner, navigation) around the app's routes. */
  content?: ReactNode;
}

/**
 * The composition root of a signed-in sms365: language, theme, sign-in by the host's method, then
 * a Graph client and a QueryClient per session, the shell and the router's screens. The router
 * itself is supplied by the caller (BrowserRouter in main.tsx, MemoryRouter in tests).
 */
export function App({ config, host, i18n, testing, content }: AppProps) {
  return (
    <AppProviders host={host} i18n={i18n}>
      <HostContext.Provider value={host}>
        <SignInGate config={config} host={host} testing={testing} content={content} />
      </HostContext.Provider>
    </AppProviders>
  );
}

/** react-i18next and Fluent, themed from the host and following its live theme changes. */
export function AppProviders({ host, i18n, children }: { host: Host | null; i18n: I18n; children: ReactNode }) {
  const theme = useHostTheme(host ?? { kind: 'browser' });
  return (
    <I18nextProvider i18n={i18n}>
      <FluentProvider theme={theme}>
        <ErrorViewProvider value={ErrorMessage}>{children}</ErrorViewProvider>
      </FluentProvider>
    </I18nextProvider>
  );
}

function SignInGate({ config, host, testing, content }: { config: RuntimeConfig; host: Host; testing?: AppTestOptions; content?: ReactNode }) {
  const strategy = chooseAuthStrategy(config, host);
  const [session, setSession] = useState<AuthSession | null>(testing?.session ?? null);
  const [signedOut, setSignedOut] = useState(false);
  // Data read before sign-in (the demo users) lives in its own cache, dropped with the page.
  const signInQueries = useMemo(() => createQueryClient({ retry: testing?.queryRetry }), [testing?.queryRetry]);
  // While someone signs in, the signed-in app downloads, so it is (usually) there when they are.
  useEffect(() => SignedInApp.preload(), []);

  if (session) {
    const signOut = () => {
      void session.signOut().catch((e: unknown) => console.error('Sign-out failed', e));
      setSession(null);
      setSignedOut(true);
    };
    return (
      <AppErrorBoundary>
        <Suspense fallback={<SignedInLoading />}>
          <SignedInApp key={session.id} config={config} session={session} signOut={signOut} testing={testing} content={content} />
        </Suspense>
      </AppErrorBoundary>
    );
  }
  return (
    <QueryClientProvider client={signInQueries}>
      <ShellFrame>
        <SignIn config={config} host={host} strategy={strategy} signedOut={signedOut} onSignedIn={setSession} />
      </ShellFrame>
    </QueryClientProvider>
  );
}

function SignIn(props: { config: RuntimeConfig; host: Host; strategy: AuthStrategy; signedOut: boolean; onSignedIn(session: AuthSession): void }) {
  const { config, host, strategy, signedOut, onSignedIn } = props;
  if (config.mode === 'emulator') return <SignInScreen devAuthUrl={config.devAuthUrl} scopes={signInScopes(config)} onSignedIn={onSignedIn} />;
  if (strategy === 'emulator') throw new Error('A tenant configuration never uses the emulator sign-in');
  const tenant: TenantRuntimeConfig = config;
  const loadAuth = async () => {
    // msal-browser is only downloaded when a tenant sign-in is needed.
    const { createMsalAuth } = await import('./auth/msal.js');
    return createMsalAuth(tenant, strategy, { appOrigin: window.location.origin, loginHint: host.kind === 'teams' ? host.teams.loginHint : null });
  };
  return <TenantSignInScreen loadAuth={loadAuth} onSignedIn={onSignedIn} signedOut={signedOut} />;
}

function SignedInLoading() {
  const { t } = useTranslation();
  return (
    <ShellFrame>
      <Loading label={t('common.loading')} />
    </ShellFrame>
  );
}
