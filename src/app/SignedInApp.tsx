import { useMemo, type ReactNode } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { createGraphClient } from '../../graph/core/client.js';
import type { AppTestOptions } from './App.js';
import { smsSiteUrl, type RuntimeConfig } from './config.js';
import type { AuthSession } from './auth/session.js';
import { createQueryClient } from './query/queryClient.js';
import { SessionContext, type SessionContextValue } from './session/SessionContext.js';
import { prepareSessionStart } from './session/sessionStart.js';
import { ShellFrame } from './shell/ShellFrame.js';
import { Navigation } from './shell/Navigation.js';
import { UserBadge } from './shell/UserBadge.js';
import { OfflineBanner } from './errors/OfflineBanner.js';
import { AppRoutes } from './AppRoutes.js';
import { AppSlots } from './slots.js';

export interface SignedInAppProps {
  config: RuntimeConfig;
  session: AuthSession;
  signOut(): void;
  testing?: AppTestOptions;
  content?: ReactNode;
}

/**
 * Everything a signed-in user sees; remounted (fresh caches) for every new session. Its own chunk
 * (App.tsx loads it lazily): the Graph client, the shell and the routes are not needed to sign in.
 */
export function SignedInApp(props: SignedInAppProps) {
  const { config, session, signOut, testing, content } = props;
  const value = useMemo<SessionContextValue>(
    () => {
      const client = createGraphClient({ baseUrl: config.graphBaseUrl, getToken: () => session.getToken(), retry: testing?.graphRetry });
      // The first reads of /me, /me/memberOf and the SMS site go out together in one $batch.
      prepareSessionStart(client, smsSiteUrl(config));
      return { session, config, signOut, client };
    },
    // One client per session; `signOut` is recreated on every render of the gate but does the same thing.
    [session, config],
  );
  const queryClient = useMemo(() => createQueryClient({ retry: testing?.queryRetry }), [session]);
  return (
    <SessionContext.Provider value={value}>
      <QueryClientProvider client={queryClient}>
        <AppSlots>
          {content ?? (
            <ShellFrame user={<UserBadge />} nav={<Navigation />}>
              <OfflineBanner />
              <AppRoutes />
            </ShellFrame>
          )}
        </AppSlots>
      </QueryClientProvider>
    </SessionContext.Provider>
  );
}
