import { createContext, useContext } from 'react';
import type { GraphClient } from '../../../graph/core/client.js';
import type { RuntimeConfig } from '../config.js';
import type { AuthSession } from '../auth/session.js';

/** What every screen of a signed-in user may use: who, the Graph client, the configuration. */
export interface SessionContextValue {
  session: AuthSession;
  client: GraphClient;
  config: RuntimeConfig;
  /** Signs out (where the host allows it) and returns to the sign-in screen. */
  signOut(): void;
}

export const SessionContext = createContext<SessionContextValue | null>(null);

/** The signed-in session; only valid below the sign-in gate. */
export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession() used outside a signed-in session');
  return value;
}
