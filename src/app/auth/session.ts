/**
 * A signed-in user as the rest of the app sees it, whatever the sign-in method (emulator dev
 * sign-in, MSAL redirect or popup, nested app authentication in Teams). Tokens stay inside the
 * session's closure: never in web storage, never in React state that devtools would show.
 */
export interface AuthSession {
  /** Different for every sign-in, so caches of one user never serve another. */
  readonly id: number;
  /** Who signed in, as the identity provider said; Graph's `/me` is the authority for profile data. */
  readonly user: { readonly displayName: string; readonly upn: string };
  /** A Graph access token for the app's scopes, renewed when it is about to expire. */
  getToken(): Promise<string>;
  /** Gets a new token (interactively if it must) after Graph refused the current one with 401. */
  reauthenticate(): Promise<void>;
  /**
   * Incremental consent: makes later tokens carry `scopes` too (a feature's scopes, asked for when the
   * feature is first opened). Silent when already consented; may prompt; throws ConsentRequiredError
   * (src/app/auth/consent.ts) when an administrator's consent is missing or the user declines.
   */
  requestScopes(scopes: readonly string[]): Promise<void>;
  /** Teams signs the user in and out itself; elsewhere the app offers "Sign out". */
  readonly canSignOut: boolean;
  signOut(): Promise<void>;
}

let lastId = 0;
/** A new session id. */
export const nextSessionId = (): number => ++lastId;
