// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { InteractionRequiredAuthError, type AccountInfo, type AuthenticationResult, type IPublicClientApplication } from '@azure/msal-browser';
import type { TenantRuntimeConfig } from '../config.js';
import { createMsalAuth, type MsalModule } from './msal.js';
import { FEATURE_SCOPES, SIGN_IN_SCOPES } from './scopes.js';
import { ConsentRequiredError } from './consent.js';

/**
 * Incremental consent through MSAL (a stand-in for msal-browser's PublicClientApplication): an area's scopes
 * are asked with acquireTokenSilent, and interactively only on InteractionRequiredAuthError.
 */
const tenant: TenantRuntimeConfig = {
  mode: 'tenant',
  graphBaseUrl: 'https://graph.microsoft.com/v1.0',
  clientId: '2f1c9a3e-7b1d-4c55-9a0e-0d7e5c1f4b21',
  tenantId: 'contoso.onmicrosoft.com',
  siteUrl: 'https://contoso.sharepoint.com/sites/SMS',
};
const account = { username: 'priya@contoso.com', name: 'Priya Nair', homeAccountId: 'h', environment: 'login.microsoftonline.com', tenantId: 't', localAccountId: 'l' } as AccountInfo;
const graph = (scopes: readonly string[]) => scopes.map((s) => `https://graph.microsoft.com/${s}`);
const result = (scopes: string[]): AuthenticationResult => ({ account, accessToken: `token for ${scopes.join(' ')}`, scopes } as unknown as AuthenticationResult);

/** A PCA whose tenant has consented to `consented` (Graph scope URIs); the popup answers with `popup`. */
function fakeMsal(consented: Set<string>, popup: (scopes: string[]) => Promise<AuthenticationResult>) {
  const calls = { silent: [] as string[][], popup: [] as string[][] };
  let active: AccountInfo | null = null;
  const pca = {
    getActiveAccount: () => active,
    setActiveAccount: (a: AccountInfo | null) => void (active = a),
    getAllAccounts: () => [account],
    getAccount: () => account,
    acquireTokenSilent: async (req: { scopes: string[] }) => {
      calls.silent.push(req.scopes);
      if (req.scopes.every((s) => consented.has(s))) return result(req.scopes);
      throw new InteractionRequiredAuthError('consent_required', 'AADSTS65001: The user or administrator has not consented to use the application.');
    },
    acquireTokenPopup: async (req: { scopes: string[] }) => {
      calls.popup.push(req.scopes);
      const r = await popup(req.scopes);
      for (const s of req.scopes) consented.add(s);
      return r;
    },
  } as unknown as IPublicClientApplication;
  const msal: MsalModule = { InteractionRequiredAuthError, createNestablePublicClientApplication: async () => pca, createStandardPublicClientApplication: async () => pca };
  return { msal, calls };
}

describe('MSAL incremental consent (not verified against a real tenant)', () => {
  it('signs in with the sign-in scopes, then asks silently and by popup for an area, and keeps the area in later tokens', async () => {
    const { msal, calls } = fakeMsal(new Set(graph(SIGN_IN_SCOPES)), async (scopes) => result(scopes));
    const session = await (await createMsalAuth(tenant, 'naa', { appOrigin: 'https://sms.contoso.com', msal })).signIn();
    expect(calls.silent[0]).toEqual(graph(SIGN_IN_SCOPES));

    await session.requestScopes(FEATURE_SCOPES.documents);
    const wanted = graph([...SIGN_IN_SCOPES, ...FEATURE_SCOPES.documents]);
    expect(calls.silent.at(-1)).toEqual(wanted);
    expect(calls.popup).toEqual([wanted]);

    expect(await session.getToken()).toBe(`token for ${wanted.join(' ')}`);
    await session.requestScopes(FEATURE_SCOPES.documents);
    expect(calls.popup).toHaveLength(1);
  });

  it('reports a missing admin consent (AADSTS90094 in the popup) as ConsentRequiredError, and keeps the sign-in scopes', async () => {
    const { msal } = fakeMsal(new Set(graph(SIGN_IN_SCOPES)), () => Promise.reject(new Error('AADSTS90094: The grant requires admin permission.')));
    const session = await (await createMsalAuth(tenant, 'popup', { appOrigin: 'https://sms.contoso.com', msal })).restore();
    expect(session).not.toBeNull();
    const refusal = session!.requestScopes(FEATURE_SCOPES.documents);
    await expect(refusal).rejects.toBeInstanceOf(ConsentRequiredError);
    await expect(refusal).rejects.toMatchObject({ problem: 'admin', scopes: FEATURE_SCOPES.documents });
    expect(await session!.getToken()).toBe(`token for ${graph(SIGN_IN_SCOPES).join(' ')}`);
  });
});
