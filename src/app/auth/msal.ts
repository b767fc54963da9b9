import type { AccountInfo, AuthenticationResult, Configuration, IPublicClientApplication } from '@azure/msal-browser';
import { cloudOf, type TenantRuntimeConfig } from '../config.js';
import { REDIRECT_BRIDGE_PATH } from './redirectBridge.js';
import { msalScopes, signInScopes } from './scopes.js';
import { acquireWithConsent, withScopes } from './consent.js';
import { nextSessionId, type AuthSession } from './session.js';
import type { AuthStrategy } from './strategy.js';

/**
 * Sign-in against a real Microsoft Entra tenant with msal-browser 5, loaded on demand so emulator
 * runs never download it. NOT VERIFIED AGAINST A REAL TENANT: nothing here can run without one;
 * the pure parts (configuration, scopes, strategy) are unit-tested.
 *
 * - `naa` (Teams, where teams-js recommends it; see strategy.ts): `createNestablePublicClientApplication`;
 *   the host brokers the tokens. As the NAA page shows: the active account (or the cached one
 *   matching the Teams login hint), `acquireTokenSilent`, and `acquireTokenPopup` only when that
 *   throws `InteractionRequiredAuthError` (consent, MFA, an expired session).
 * - `redirect` (top-level browser): `handleRedirectPromise` on start, `loginRedirect` to sign in.
 * - `popup` (framed outside Teams): `loginPopup` / `acquireTokenPopup`.
 * The authority and the scopes' resource come from the configured cloud (`CLOUDS` in config.ts):
 * `https://login.chinacloudapi.cn` and `https://microsoftgraph.chinacloudapi.cn/...` for 21Vianet,
 * whatever `graphBaseUrl` says (it may point at a proxy or the emulator).
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
      // The cloud's Entra ID (Learn: https://learn.microsoft.com/graph/deployments); msal-common
      // knows both hosts, so no `knownAuthorities` are needed.
      authority: `${cloudOf(config).loginUrl}/${config.tenantId}`,
      // Popups and silent iframes come back to the redirect bridge; full-page redirects pass their own redirectUri.
      redirectUri: config.redirectUri ?? `${origin}${REDIRECT_BRIDGE_PATH}`,
      postLogoutRedirectUri: `${origin}/`,
    },
    cache: { cacheLocation: 'memoryStorage' },
  };
}

/** Where a full-page redirect sign-in returns: the app itself, which calls `handleRedirectPromise`. */
export const redirectReturnUri = (appOrigin: string): string => `${appOrigin.replace(/\/+$/, '')}/`;

/** The scopes MSAL asks Entra ID for: the app's scopes on the configured cloud's Graph resource. */
export const tenantScopes = (config: TenantRuntimeConfig): string[] => msalScopes(cloudOf(config).graphResource, signInScopes(config));

/** The parts of msal-browser used here (the module itself, loaded on demand, unless a test passes its own). */
export type MsalModule = Pick<typeof import('@azure/msal-browser'), 'createNestablePublicClientApplication' | 'createStandardPublicClientApplication' | 'InteractionRequiredAuthError'>;

export interface MsalAuthOptions {
  appOrigin: string;
  /** The Teams user (context `user.loginHint`), for nested app auth. */
  loginHint?: string | null;
  /** msal-browser; loaded with `import()` when absent. */
  msal?: MsalModule;
}

/** Creates the MSAL sign-in for a strategy. */
export async function createMsalAuth(config: TenantRuntimeConfig, strategy: MsalStrategy, opts: MsalAuthOptions): Promise<MsalAuth> {
  const msal: MsalModule = opts.msal ?? (await import('@azure/msal-browser'));
  const configuration = msalConfiguration(config, opts.appOrigin);
  const pca: IPublicClientApplication =
    strategy === 'naa' ? await msal.createNestablePublicClientApplication(configuration) : await msal.createStandardPublicClientApplication(configuration);
  /** The sign-in scopes, and every feature's scopes granted since (incremental consent, consent.ts). */
  let scopes = tenantScopes(config);
  const loginHint = opts.loginHint ?? undefined;
  const returnUri = redirectReturnUri(opts.appOrigin);
  const isInteractionRequired = (e: unknown) => e instanceof msal.InteractionRequiredAuthError;

  let interactive: Promise<AuthenticationResult> | null = null;
  /** One interactive prompt at a time, however many requests hit a 401 together. */
  const interact = (account: AccountInfo | null): Promise<AuthenticationResult> => {
    if (strategy === 'redirect') {
      void pca.acquireTokenRedirect({ scopes, account: account ?? undefined, redirectUri: returnUri });
      return new Promise<never>(() => undefined);
    }
    interactive ??= pca.acquireTokenPopup({ scopes, account: account ?? undefined, loginHint }).finally(() => {
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
      async requestScopes(more) {
        const wanted = withScopes(scopes, msalScopes(cloudOf(config).graphResource, more));
        if (wanted.length === scopes.length) return;
        const active = pca.getActiveAccount() ?? account;
        const result = await acquireWithConsent(more, {
          silent: () => pca.acquireTokenSilent({ scopes: wanted, account: active }),
          interactive: () => {
            if (strategy !== 'redirect') return pca.acquireTokenPopup({ scopes: wanted, account: active, loginHint });
            void pca.acquireTokenRedirect({ scopes: wanted, account: active, redirectUri: returnUri });
            return new Promise<never>(() => undefined);
          },
          isInteractionRequired,
        });
        pca.setActiveAccount(result.account);
        scopes = wanted;
      },
      async signOut() {
        const active = pca.getActiveAccount() ?? account;
        if (strategy === 'redirect') await pca.logoutRedirect({ account: active });
        else if (strategy === 'popup') await pca.logoutPopup({ account: active });
        else await pca.clearCache({ account: active });
      },
    };
  };

  /**
   * Nested app auth as Learn's NAA page does it: the active account, else the cached account of the
   * Teams user; `acquireTokenSilent` (with no account the host answers for its signed-in user);
   * `acquireTokenPopup` only on `InteractionRequiredAuthError`. Other errors propagate.
   */
  const naaSignIn = async (): Promise<AuthSession> => {
    const account = pca.getActiveAccount() ?? (loginHint ? pca.getAccount({ loginHint }) : null) ?? undefined;
    try {
      return sessionFor((await pca.acquireTokenSilent({ scopes, account })).account);
    } catch (e) {
      if (!isInteractionRequired(e)) throw e;
      return sessionFor((await interact(account ?? null)).account);
    }
  };

  return {
    async restore() {
      if (strategy === 'redirect') {
        const result = await pca.handleRedirectPromise();
        const account = result?.account ?? pca.getAllAccounts()[0];
        return account ? sessionFor(account) : null;
      }
      if (strategy === 'naa') {
        try {
          return await naaSignIn();
        } catch {
          // The user closed the host's consent dialog, or the host could not broker a token: the
          // sign-in button tries again.
          return null;
        }
      }
      const cached = pca.getActiveAccount() ?? pca.getAllAccounts()[0];
      if (cached) return sessionFor(cached);
      try {
        const result = await pca.ssoSilent({ scopes, loginHint });
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
      if (strategy === 'naa') return naaSignIn();
      const result = await pca.loginPopup({ scopes, loginHint });
      return sessionFor(result.account);
    },
  };
}
