import type { AccountInfo, AuthenticationResult, Configuration, IPublicClientApplication } from '@azure/msal-browser';
import type { TenantRuntimeConfig } from '../config.js';
import { REDIRECT_BRIDGE_PATH } from './redirectBridge.js';
import { msalScopes } from './scopes.js';
import { nextSessionId, type AuthSession } from './session.js';
import type { AuthStrategy } from './strategy.js';

/**
 * Sign-in against a real Microsoft Entra tenant with msal-browser 5, loaded on demand so emulator
 * runs never download it. NOT VERIFIED AGAINST A REAL TENANT: nothing here can run without one;
 * the pure parts (configuration, scopes, strategy) are unit-tested.
 *
 * - `naa` (Teams): `createNestablePublicClientApplication`; Teams brokers the tokens. First a
 *   silent `ssoSilent` with the Teams login hint, then a popup when consent or MFA is needed.
 * - `redirect` (top-level browser): `handleRedirectPromise` on start, `loginRedirect` to sign in.
 * - `popup` (framed outside Teams): `loginPopup` / `acquireTokenPopup`.
 * Tokens live in MSAL's in-memory cache (`memoryStorage`); msal-browser still keeps the short-lived
 * state of a redirect in sessionStorage while the browser is away at Entra ID.
 * Learn: https://learn.microsoft.com/entra/msal/javascript/browser/acquire-token ,
 * https://learn.microsoft.com/microsoftteams/platform/concepts/authentication/nested-authentication
 */

export { REDIRECT_BRIDGE_PATH };

export interface MsalAuth {
  /** Signs in without any prompt if possible (a redirect that just came back, Teams SSO); else null. */
  restore(): Promise<AuthSession | null>;
  /** Interactive sign-in. With `redirect` the page navigates away and this never settles. */
  signIn(): Promise<AuthSession>;
}

export type MsalStrategy = Exclude<AuthStrategy, 'emulator'>;

/** The msal-browser configuration for the tenant (pure; unit-tested). */
export function msalConfiguration(config: TenantRuntimeConfig, appOrigin: string): Configuration {
  const origin = appOrigin.replace(/\/+$/, '');
  return {
    auth: {
      clientId: config.clientId,
      authority: `https://login.microsoftonline.com/${config.tenantId}`,
      // Popups and silent iframes come back to the redirect bridge; full-page redirects pass their own redirectUri.
      redirectUri: config.redirectUri ?? `${origin}${REDIRECT_BRIDGE_PATH}`,
      postLogoutRedirectUri: `${origin}/`,
    },
    cache: { cacheLocation: 'memoryStorage' },
  };
}

/** Where a full-page redirect sign-in returns: the app itself, which calls `handleRedirectPromise`. */
export const redirectReturnUri = (appOrigin: string): string => `${appOrigin.replace(/\/+$/, '')}/`;

/** Creates the MSAL sign-in for a strategy. `loginHint` is the Teams user (nested app auth). */
export async function createMsalAuth(config: TenantRuntimeConfig, strategy: MsalStrategy, opts: { appOrigin: string; loginHint?: string | null }): Promise<MsalAuth> {
  const msal = await import('@azure/msal-browser');
  const configuration = msalConfiguration(config, opts.appOrigin);
  const pca: IPublicClientApplication =
    strategy === 'naa' ? await msal.createNestablePublicClientApplication(configuration) : await msal.createStandardPublicClientApplication(configuration);
  const scopes = msalScopes(config.graphBaseUrl);
  const returnUri = redirectReturnUri(opts.appOrigin);
  const isInteractionRequired = (e: unknown) => e instanceof msal.InteractionRequiredAuthError;

  let interactive: Promise<AuthenticationResult> | null = null;
  /** One interactive prompt at a time, however many requests hit a 401 together. */
  const interact = (account: AccountInfo | null): Promise<AuthenticationResult> => {
    if (strategy === 'redirect') {
      void pca.acquireTokenRedirect({ scopes, account: account ?? undefined, redirectUri: returnUri });
      return new Promise<never>(() => undefined);
    }
    interactive ??= pca.acquireTokenPopup({ scopes, account: account ?? undefined, loginHint: opts.loginHint ?? undefined }).finally(() => {
      interactive = null;
    });
    return interactive;
  };

  const sessionFor = (account: AccountInfo): AuthSession => {
    pca.setActiveAccount(account);
    const token = async (forceRefresh: boolean): Promise<string> => {
      const active = pca.getActiveAccount() ?? account;
      try {
        return (await pca.acquireTokenSilent({ scopes, account: active, forceRefresh })).accessToken;
      } catch (e) {
        if (!isInteractionRequired(e)) throw e;
        const result = await interact(active);
        pca.setActiveAccount(result.account);
        return result.accessToken;
      }
    };
    return {
      id: nextSessionId(),
      user: { displayName: account.name ?? account.username, upn: account.username },
      canSignOut: strategy !== 'naa',
      getToken: () => token(false),
      reauthenticate: async () => {
        await token(true);
      },
      async signOut() {
        const active = pca.getActiveAccount() ?? account;
        if (strategy === 'redirect') await pca.logoutRedirect({ account: active });
        else if (strategy === 'popup') await pca.logoutPopup({ account: active });
        else await pca.clearCache({ account: active });
      },
    };
  };

  return {
    async restore() {
      if (strategy === 'redirect') {
        const result = await pca.handleRedirectPromise();
        const account = result?.account ?? pca.getAllAccounts()[0];
        return account ? sessionFor(account) : null;
      }
      const cached = pca.getActiveAccount() ?? pca.getAllAccounts()[0];
      if (cached) return sessionFor(cached);
      try {
        const result = await pca.ssoSilent({ scopes, loginHint: opts.loginHint ?? undefined });
        return sessionFor(result.account);
      } catch {
        // Consent or MFA needed, third-party cookies blocked, no session at Entra ID, ...: the
        // user signs in interactively with the button.
        return null;
      }
    },
    async signIn() {
      if (strategy === 'redirect') {
        await pca.loginRedirect({ scopes, redirectUri: returnUri });
        return new Promise<never>(() => undefined);
      }
      const result = await pca.loginPopup({ scopes, loginHint: opts.loginHint ?? undefined });
      return sessionFor(result.account);
    },
  };
}
