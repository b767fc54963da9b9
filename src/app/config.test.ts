import { describe, expect, it } from 'vitest';
import { cloudFeatures, ConfigError, DEMO_SMS_SITE_URL, GRAPH_V1_BASE_URL, smsSiteUrl } from './config.js';
import { resolveRuntimeConfig } from './configSchema.js';

const CLIENT_ID = '2f1c9a3e-7b1d-4c55-9a0e-0d7e5c1f4b21';
const TENANT_ID = '8a0d6c2b-1e3f-4a5b-9c7d-6e5f4a3b2c1d';

describe('resolveRuntimeConfig', () => {
  it('accepts the emulator file npm start serves and fills in the demo SMS site', () => {
    const config = resolveRuntimeConfig({ mode: 'emulator', graphBaseUrl: 'http://127.0.0.1:4000/v1.0', devAuthUrl: 'http://127.0.0.1:4000' }, {});
    expect(config).toEqual({ mode: 'emulator', graphBaseUrl: 'http://127.0.0.1:4000/v1.0', devAuthUrl: 'http://127.0.0.1:4000' });
    expect(smsSiteUrl(config)).toBe(DEMO_SMS_SITE_URL);
  });

  it('reads a tenant configuration and defaults the Graph base URL to v1.0', () => {
    const config = resolveRuntimeConfig({ mode: 'tenant', clientId: CLIENT_ID, tenantId: 'contoso.onmicrosoft.com', siteUrl: 'https://contoso.sharepoint.com/sites/SMS' }, {});
    expect(config).toMatchObject({ mode: 'tenant', graphBaseUrl: GRAPH_V1_BASE_URL, clientId: CLIENT_ID, tenantId: 'contoso.onmicrosoft.com' });
  });

  it('takes siteAccess "selected" for a tenant that granted the app only the SMS site, and refuses other values', () => {
    const base = { mode: 'tenant', clientId: CLIENT_ID, tenantId: 'contoso.onmicrosoft.com', siteUrl: 'https://contoso.sharepoint.com/sites/SMS' };
    expect(resolveRuntimeConfig({ ...base, siteAccess: 'selected' }, {})).toMatchObject({ siteAccess: 'selected' });
    expect(resolveRuntimeConfig(base, {}).siteAccess).toBeUndefined();
    expect(() => resolveRuntimeConfig({ ...base, siteAccess: 'everything' }, {})).toThrow(/siteAccess/);
  });

  it('takes missing fields from VITE_SMS365_* variables, the file winning where both say something', () => {
    const config = resolveRuntimeConfig(
      { mode: 'tenant', siteUrl: 'https://contoso.sharepoint.com/sites/FromFile' },
      { VITE_SMS365_CLIENT_ID: CLIENT_ID, VITE_SMS365_TENANT_ID: TENANT_ID, VITE_SMS365_SITE_URL: 'https://contoso.sharepoint.com/sites/FromEnv' },
    );
    expect(config).toMatchObject({ clientId: CLIENT_ID, tenantId: TENANT_ID, siteUrl: 'https://contoso.sharepoint.com/sites/FromFile' });
  });

  it('runs from build-time variables alone when the server has no config file', () => {
    const config = resolveRuntimeConfig(null, {
      VITE_SMS365_MODE: 'tenant',
      VITE_SMS365_CLIENT_ID: CLIENT_ID,
      VITE_SMS365_TENANT_ID: TENANT_ID,
      VITE_SMS365_SITE_URL: 'https://contoso.sharepoint.com/sites/SMS',
    });
    expect(config.mode).toBe('tenant');
  });

  it('ignores variables of the other mode, so a tenant client id never leaks into emulator mode', () => {
    const config = resolveRuntimeConfig(
      { mode: 'emulator', graphBaseUrl: 'http://127.0.0.1:4000/v1.0', devAuthUrl: 'http://127.0.0.1:4000' },
      { VITE_SMS365_MODE: 'tenant', VITE_SMS365_SITE_URL: 'https://contoso.sharepoint.com/sites/SMS' },
    );
    expect(smsSiteUrl(config)).toBe(DEMO_SMS_SITE_URL);
  });

  it('says which field is wrong', () => {
    expect(() => resolveRuntimeConfig({ mode: 'tenant', clientId: 'not-a-guid', tenantId: TENANT_ID, siteUrl: 'https://contoso.sharepoint.com/sites/SMS' }, {})).toThrow(/clientId/);
    expect(() => resolveRuntimeConfig({ mode: 'tenant', clientId: CLIENT_ID, tenantId: TENANT_ID }, {})).toThrow(/siteUrl/);
    expect(() => resolveRuntimeConfig({ mode: 'cloud' }, {})).toThrow(ConfigError);
  });

  it('fails clearly when there is no configuration at all, or the file is not an object', () => {
    expect(() => resolveRuntimeConfig(null, {})).toThrow(/sms365\.config\.json is missing/);
    expect(() => resolveRuntimeConfig([1, 2], {})).toThrow(/JSON object/);
  });

  it('reads a tenant in Microsoft 365 operated by 21Vianet: China Graph by default, without Planner', () => {
    const file = { mode: 'tenant', cloud: 'china', clientId: CLIENT_ID, tenantId: 'contoso.partner.onmschina.cn', siteUrl: 'https://contoso.sharepoint.cn/sites/SMS' };
    const config = resolveRuntimeConfig(file, {});
    expect(config).toMatchObject({ cloud: 'china', graphBaseUrl: 'https://microsoftgraph.chinacloudapi.cn/v1.0' });
    expect(cloudFeatures(config)).toEqual({ planner: false, teamsActivityNotifications: true, teamsAppInstallForUser: false });
    // A given Graph root (a proxy, the emulator) is kept; the cloud still decides the sign-in.
    expect(resolveRuntimeConfig({ ...file, graphBaseUrl: 'http://127.0.0.1:4000/v1.0' }, {}).graphBaseUrl).toBe('http://127.0.0.1:4000/v1.0');
    // The build-time variable names the cloud as well.
    const { cloud: _named, ...unnamed } = file;
    expect(resolveRuntimeConfig(unnamed, { VITE_SMS365_CLOUD: 'china' })).toMatchObject({ cloud: 'china', graphBaseUrl: 'https://microsoftgraph.chinacloudapi.cn/v1.0' });
  });

  it('treats a configuration without a cloud as the global service, and refuses unknown clouds', () => {
    const config = resolveRuntimeConfig({ mode: 'emulator', graphBaseUrl: 'http://127.0.0.1:4000/v1.0', devAuthUrl: 'http://127.0.0.1:4000' }, {});
    expect(cloudFeatures(config)).toEqual({ planner: true, teamsActivityNotifications: true, teamsAppInstallForUser: true });
    expect(() => resolveRuntimeConfig({ mode: 'tenant', cloud: 'germany', clientId: CLIENT_ID, tenantId: TENANT_ID, siteUrl: 'https://contoso.sharepoint.com/sites/SMS' }, {})).toThrow(/cloud/);
  });
});
