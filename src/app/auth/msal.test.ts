// @vitest-environment node
// (Node: the emulator this file starts reads its seed files from disk.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InteractionRequiredAuthError, type AccountInfo, type AuthenticationResult, type Configuration, type IPublicClientApplication } from '@azure/msal-browser';
import { createGraphClient } from '../../../graph/core/client.js';
import { getMe } from '../../../graph/directory/me.js';
import { demo, startTestEmulator, type TestEmulator } from '../../../tests/support/emulator.js';
import { cloudFeatures, type TenantRuntimeConfig } from '../config.js';
import { resolveRuntimeConfig } from '../configSchema.js';
import { createMsalAuth, msalConfiguration, redirectReturnUri, REDIRECT_BRIDGE_PATH, tenantScopes, type MsalModule } from './msal.js';
import { SIGN_IN_SCOPES } from './scopes.js';

const tenant: TenantRuntimeConfig = {
  mode: 'tenant',
  graphBaseUrl: 'https://graph.microsoft.com/v1.0',
  clientId: '2f1c9a3e-7b1d-4c55-9a0e-0d7e5c1f4b21',
  tenantId: 'contoso.onmicrosoft.com',
  siteUrl: 'https://contoso.sharepoint.com/sites/SMS',
};

describe('msalConfiguration (not verified against a real tenant)', () => {
  it('signs in against the configured tenant only, keeping tokens in memory', () => {
    const config = msalConfiguration(tenant, 'https://sms.contoso.com');
    expect(config.auth.clientId).toBe(tenant.clientId);
    expect(config.auth.authority).toBe('https://login.microsoftonline.com/contoso.onmicrosoft.com');
    expect(config.cache?.cacheLocation).toBe('memoryStorage');
  });

  it('sends popups and silent iframes to the redirect bridge, full-page redirects back to the app', () => {
    const config = msalConfiguration(tenant, 'https://sms.contoso.com/');
    expect(config.auth.redirectUri).toBe(`https://sms.contoso.com${REDIRECT_BRIDGE_PATH}`);
    expect(redirectReturnUri('https://sms.contoso.com')).toBe('https://sms.contoso.com/');
  });

  it('uses a redirect URI given in the configuration as it is', () => {
    expect(msalConfiguration({ ...tenant, redirectUri: 'https://sms.contoso.com/signin' }, 'https://sms.contoso.com').auth.redirectUri).toBe('https://sms.contoso.com/signin');
  });

  it('signs in at Entra ID operated by 21Vianet for a tenant in China', () => {
    const china = resolveRuntimeConfig({ ...tenant, graphBaseUrl: undefined, cloud: 'china', tenantId: 'contoso.partner.onmschina.cn' }, {});
    if (china.mode !== 'tenant') throw new Error('tenant expected');
    expect(china.graphBaseUrl).toBe('https://microsoftgraph.chinacloudapi.cn/v1.0');
    expect(msalConfiguration(china, 'https://sms.contoso.cn').auth.authority).toBe('https://login.chinacloudapi.cn/contoso.partner.onmschina.cn');
    expect(tenantScopes(china)).toEqual(SIGN_IN_SCOPES.map((s) => `https://microsoftgraph.chinacloudapi.cn/${s}`));
  });
});

type AccountFilter = Parameters<IPublicClientApplication['getAccount']>[0];

/** What the fake public client application saw. */
interface Calls {
  configuration: Configuration | null;
  factory: 'nestable' | 'standard' | null;
  silent: { scopes: string[]; account: AccountInfo | undefined }[];
  popup: { scopes: string[]; loginHint: string | undefined }[];
  getAccount: AccountFilter[];
}

const account = (upn: string): AccountInfo => ({ homeAccountId: `${upn}.home`, environment: 'login.microsoftonline.com', tenantId: 't', username: upn, localAccountId: upn, name: upn });
const result = (upn: string, accessToken: string) => ({ account: account(upn), accessToken }) as AuthenticationResult;

/**
 * A fake msal-browser: a public client application whose silent and popup token calls answer as
 * the test says (a token, or an error), recording every call. Only what createMsalAuth uses.
 */
function fakeMsal(behaviour: { silent(): Promise<AuthenticationResult>; popup?(): Promise<AuthenticationResult>; cached?: AccountInfo }): { msal: MsalModule; calls: Calls } {
  const calls: Calls = { configuration: null, factory: null, silent: [], popup: [], getAccount: [] };
  let active: AccountInfo | null = null;
  const pca = {
    getActiveAccount: () => active,
    setActiveAccount: (a: AccountInfo | null) => {
      active = a;
    },
    getAllAccounts: () => (behaviour.cached ? [behaviour.cached] : []),
    getAccount: (filter: AccountFilter) => {
      calls.getAccount.push(filter);
      return behaviour.cached && filter.loginHint === behaviour.cached.username ? behaviour.cached : null;
    },
    acquireTokenSilent: (req: { scopes: string[]; account?: AccountInfo }) => {
      calls.silent.push({ scopes: req.scopes, account: req.account });
      return behaviour.silent();
    },
    acquireTokenPopup: (req: { scopes: string[]; loginHint?: string }) => {
      calls.popup.push({ scopes: req.scopes, loginHint: req.loginHint });
      return behaviour.popup ? behaviour.popup() : Promise.reject(new Error('no popup expected'));
    },
    ssoSilent: () => Promise.reject(new Error('nested app auth never uses ssoSilent')),
    loginPopup: () => Promise.reject(new Error('nested app auth signs in with acquireTokenSilent / acquireTokenPopup')),
  } as unknown as IPublicClientApplication;
  const msal: MsalModule = {
    InteractionRequiredAuthError,
    createNestablePublicClientApplication: async (configuration) => {
      calls.configuration = configuration;
      calls.factory = 'nestable';
      return pca;
    },
    createStandardPublicClientApplication: async (configuration) => {
      calls.configuration = configuration;
      calls.factory = 'standard';
      return pca;
    },
  };
  return { msal, calls };
}

const consentNeeded = () => Promise.reject(new InteractionRequiredAuthError('consent_required', 'corr-1', 'AADSTS65001: The user has not consented.'));

describe('nested app authentication in Teams, as the NAA page does it (fake MSAL)', () => {
  const opts = { appOrigin: 'https://sms.contoso.com', loginHint: 'priya@contoso.com' };

  it('gets a token silently for the Teams user, without any prompt', async () => {
    const cached = account('priya@contoso.com');
    const { msal, calls } = fakeMsal({ silent: async () => result('priya@contoso.com', 'token-1'), cached });
    const auth = await createMsalAuth(tenant, 'naa', { ...opts, msal });
    const session = await auth.restore();
    expect(calls.factory).toBe('nestable');
    expect(session?.user.upn).toBe('priya@contoso.com');
    expect(calls.getAccount).toEqual([{ loginHint: 'priya@contoso.com' }]);
    expect(calls.silent[0]?.account).toBe(cached);
    expect(calls.popup).toEqual([]);
    expect(await session?.getToken()).toBe('token-1');
  });

  it('asks the host for a token with no cached account (the host knows its user)', async () => {
    const { msal, calls } = fakeMsal({ silent: async () => result('priya@contoso.com', 'token-1') });
    const session = await (await createMsalAuth(tenant, 'naa', { ...opts, msal })).restore();
    expect(session?.user.upn).toBe('priya@contoso.com');
    expect(calls.silent[0]?.account).toBeUndefined();
  });

  it('opens the popup only when the silent call needs interaction (consent, MFA)', async () => {
    const { msal, calls } = fakeMsal({ silent: consentNeeded, popup: async () => result('priya@contoso.com', 'token-2') });
    const session = await (await createMsalAuth(tenant, 'naa', { ...opts, msal })).restore();
    expect(session?.user.upn).toBe('priya@contoso.com');
    expect(calls.silent).toHaveLength(1);
    expect(calls.popup).toEqual([{ scopes: tenantScopes(tenant), loginHint: 'priya@contoso.com' }]);
  });

  it('does not open a popup for other failures; the sign-in button is shown instead', async () => {
    const { msal, calls } = fakeMsal({ silent: () => Promise.reject(new Error('network down')) });
    const auth = await createMsalAuth(tenant, 'naa', { ...opts, msal });
    expect(await auth.restore()).toBeNull();
    expect(calls.popup).toEqual([]);
    await expect(auth.signIn()).rejects.toThrow('network down');
  });

  it('renews a token the same way after a 401: silent first, popup on interaction required', async () => {
    const silentAnswers = [async () => result('priya@contoso.com', 'token-1'), consentNeeded];
    const { msal, calls } = fakeMsal({
      silent: () => (silentAnswers.shift() ?? consentNeeded)(),
      popup: async () => result('priya@contoso.com', 'token-3'),
    });
    const session = await (await createMsalAuth(tenant, 'naa', { ...opts, msal })).restore();
    await session?.reauthenticate();
    expect(calls.silent).toHaveLength(2);
    expect(calls.popup).toHaveLength(1);
    expect(await session?.getToken()).toBe('token-3');
  });
});

describe('a tenant in Microsoft 365 operated by 21Vianet, against the emulator answering as Graph in China', () => {
  let emu: TestEmulator;
  beforeAll(async () => {
    emu = await startTestEmulator({ cloud: 'china' });
  });
  afterAll(async () => {
    await emu.close();
  });

  it('signs in at login.chinacloudapi.cn, asks for China Graph scopes, reads Graph, and leaves Planner out', async () => {
    // The runtime configuration of a China tenant, its Graph root pointed at the emulator.
    const config = resolveRuntimeConfig(
      { mode: 'tenant', cloud: 'china', graphBaseUrl: emu.graphBaseUrl, clientId: tenant.clientId, tenantId: 'kestrelms.partner.onmschina.cn', siteUrl: 'https://kestrelms.sharepoint.cn/sites/KestrelSMS' },
      {},
    );
    if (config.mode !== 'tenant') throw new Error('tenant expected');
    const token = await emu.token(demo.priya);
    const { msal, calls } = fakeMsal({ silent: async () => result(demo.priya, token) });
    const session = await (await createMsalAuth(config, 'naa', { appOrigin: 'https://sms.kestrelms.cn', loginHint: demo.priya, msal })).restore();

    expect(calls.configuration?.auth.authority).toBe('https://login.chinacloudapi.cn/kestrelms.partner.onmschina.cn');
    // The scopes name China's Graph resource, not the (emulator) URL the app sends requests to.
    expect(calls.silent[0]?.scopes).toEqual(SIGN_IN_SCOPES.map((s) => `https://microsoftgraph.chinacloudapi.cn/${s}`));

    if (!session) throw new Error('no session');
    const client = createGraphClient({ baseUrl: config.graphBaseUrl, getToken: () => session.getToken(), retry: { maxRetries: 0 } });
    const me = await getMe(client);
    expect(me.userPrincipalName).toBe(demo.priya);
    expect(cloudFeatures(config)).toEqual({ planner: false, teamsActivityNotifications: true, teamsAppInstallForUser: false });
  });
});
