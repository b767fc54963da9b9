import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, demo, type TestEmulator } from '../../tests/support/emulator.js';
import { groupIdOf } from '../../emulator/seed/tenant.js';
import { createGraphClient } from '../core/client.js';
import { GraphError } from '../core/errors.js';
import { getGroupSite, getSite, getSiteByUrl, sitePathFromUrl } from './index.js';

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(async () => {
  await emu.close();
});
const client = () => createGraphClient({ baseUrl: emu.graphBaseUrl, getToken: () => emu.token(demo.jack) });
const SMS_URL = 'https://kestrelms.sharepoint.com/sites/KestrelSMS';

describe('sitePathFromUrl', () => {
  it('addresses a site as hostname:/path, and the root site by hostname', () => {
    expect(sitePathFromUrl(SMS_URL)).toBe('/sites/kestrelms.sharepoint.com:/sites/KestrelSMS');
    expect(sitePathFromUrl('https://kestrelms.sharepoint.com/')).toBe('/sites/kestrelms.sharepoint.com');
    expect(sitePathFromUrl('https://kestrelms.sharepoint.com/sites/My%20Site/')).toBe('/sites/kestrelms.sharepoint.com:/sites/My%20Site');
  });
});

describe('sites against the emulator', () => {
  it('gets the SMS site by URL, then by the id that returned, and as the group site', async () => {
    const byUrl = await getSiteByUrl(client(), SMS_URL);
    expect(byUrl.webUrl).toBe(SMS_URL);
    expect(byUrl.id).toMatch(/^kestrelms\.sharepoint\.com,/);
    const byId = await getSite(client(), byUrl.id!);
    expect(byId.webUrl).toBe(SMS_URL);
    const groupSite = await getGroupSite(client(), groupIdOf('Kestrel SMS'));
    expect(groupSite.id).toBe(byUrl.id);
  });

  it('a missing site is a 404 GraphError', async () => {
    const err = await getSiteByUrl(client(), 'https://kestrelms.sharepoint.com/sites/Nowhere').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GraphError);
    expect((err as GraphError).status).toBe(404);
  });
});
