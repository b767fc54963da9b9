import { describe, expect, it } from 'vitest';
import { msalConfiguration, redirectReturnUri, REDIRECT_BRIDGE_PATH } from './msal.js';
import type { TenantRuntimeConfig } from '../config.js';

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
});
