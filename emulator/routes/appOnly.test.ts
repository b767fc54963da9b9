import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeJwt } from 'jose';
import { startTestEmulator, demo, type TestEmulator } from '../../tests/support/emulator.js';
import { registerJobsApp, JOBS_APP_ID, JOBS_APP_NAME } from '../../tests/support/appOnly.js';
import { acquireAppOnlyToken, clientAssertion, tokenEndpoint, AppOnlySignInError, type AppOnlyCredentials } from '../../scripts/auth/appOnly.js';
import { groupIdOf, SMS_GROUP, TENANT } from '../seed/tenant.js';
import { SPA_APP } from '../services/appRegistrationStore.js';

/**
 * App-only sign-in (client credentials with a certificate), application permissions on routes,
 * Sites.Selected site grants, app-only authorship, and the tenant's admin consent, all over HTTP.
 */
let emu: TestEmulator;
let smsSiteId: string;
beforeAll(async () => {
  emu = await startTestEmulator();
  const site = (await (await emu.graph(demo.tom, '/sites/kestrelms.sharepoint.com:/sites/KestrelSMS')).json()) as { id: string };
  smsSiteId = site.id;
});
afterAll(() => emu.close());

const SMS_GROUP_ID = groupIdOf(SMS_GROUP);

async function appGraph(creds: AppOnlyCredentials, path: string, init: RequestInit = {}): Promise<Response> {
  const { token } = await acquireAppOnlyToken(creds);
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${token}`);
  if (typeof init.body === 'string') headers.set('content-type', 'application/json');
  return fetch(`${emu.graphBaseUrl}${path}`, { ...init, headers });
}

/** The SMS manager (Full Control on the site, Sites.FullControl.All) grants the jobs app `roles` on the SMS site. */
async function grantSite(roles: string[]): Promise<{ id: string; status: number }> {
  const res = await emu.graph(demo.tom, `/sites/${smsSiteId}/permissions`, {
    method: 'POST',
    scopes: ['Sites.FullControl.All'],
    body: JSON.stringify({ roles, grantedToIdentities: [{ application: { id: JOBS_APP_ID, displayName: JOBS_APP_NAME } }] }),
  });
  const body = (await res.json()) as { id: string };
  return { id: body.id, status: res.status };
}

describe('client credentials with a certificate', () => {
  it('issues an app-only token: roles, idtyp app, no user and no scp', async () => {
    const creds = await registerJobsApp(emu.origin, ['Sites.Selected', 'Tasks.ReadWrite.All'], TENANT.domain);
    const { token } = await acquireAppOnlyToken(creds);
    const claims = decodeJwt(token);
    expect(claims).toMatchObject({ idtyp: 'app', appid: JOBS_APP_ID, app_displayname: JOBS_APP_NAME, roles: ['Sites.Selected', 'Tasks.ReadWrite.All'] });
    expect(claims.scp).toBeUndefined();
    expect(claims.upn).toBeUndefined();
  });

  it('refuses an assertion whose signature does not match the registered certificate', async () => {
    const creds = await registerJobsApp(emu.origin, ['Sites.Selected'], TENANT.domain);
    const good = clientAssertion(creds);
    const tampered = `${good.slice(0, good.lastIndexOf('.'))}.${Buffer.from('not the signature').toString('base64url')}`;
    const res = await fetch(tokenEndpoint(creds), {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'client_credentials', client_id: JOBS_APP_ID, scope: 'https://graph.microsoft.com/.default',
        client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer', client_assertion: tampered,
      }),
    });
    expect(res.status).toBe(401);
    const body = (await res.json()) as { error: string; error_codes: number[] };
    expect(body).toMatchObject({ error: 'invalid_client', error_codes: [700027] });
  });

  it('refuses a scope without /.default, and an unknown client', async () => {
    const creds = await registerJobsApp(emu.origin, ['Sites.Selected'], TENANT.domain);
    await expect(acquireAppOnlyToken({ ...creds, scope: 'https://graph.microsoft.com/Sites.Selected' })).rejects.toMatchObject({ status: 400, error: 'invalid_scope' });
    await expect(acquireAppOnlyToken({ ...creds, clientId: '00000000-0000-0000-0000-000000000001' })).rejects.toBeInstanceOf(AppOnlySignInError);
  });
});

describe('application permissions on routes', () => {
  it('answers /me with 400 for an app-only token, and 403 where the app holds no application permission for the route', async () => {
    const creds = await registerJobsApp(emu.origin, ['Sites.Selected'], TENANT.domain);
    const me = await appGraph(creds, '/me');
    expect(me.status).toBe(400);
    expect(((await me.json()) as { error: { message: string } }).error.message).toBe('/me request is only valid with delegated authentication flow.');
    expect((await appGraph(creds, '/users')).status).toBe(403);
    expect((await appGraph(creds, `/groups/${SMS_GROUP_ID}/planner/plans`)).status).toBe(403);
  });
});

describe('Sites.Selected', () => {
  it('reaches only the sites that granted the app a role, at the level granted', async () => {
    const creds = await registerJobsApp(emu.origin, ['Sites.Selected'], TENANT.domain);
    expect((await appGraph(creds, `/sites/${smsSiteId}`)).status).toBe(403);

    const granted = await grantSite(['write']);
    expect(granted.status).toBe(201);
    expect((await appGraph(creds, `/sites/${smsSiteId}`)).status).toBe(200);
    expect((await appGraph(creds, '/sites/root')).status).toBe(403);

    // write: items yes, lists no (creating lists needs manage).
    const newList = () => appGraph(creds, `/sites/${smsSiteId}/lists`, { method: 'POST', body: JSON.stringify({ displayName: `Jobs ${Date.now()}`, list: { template: 'genericList' } }) });
    expect((await newList()).status).toBe(403);
    const patched = await emu.graph(demo.tom, `/sites/${smsSiteId}/permissions/${granted.id}`, { method: 'PATCH', scopes: ['Sites.FullControl.All'], body: JSON.stringify({ roles: ['manage'] }) });
    expect(patched.status).toBe(200);
    expect(((await patched.json()) as { roles: string[] }).roles).toEqual(['manage']);
    const created = await newList();
    expect(created.status).toBe(201);
    const list = (await created.json()) as { id: string };

    // What the app writes names the application, as SharePoint does for app-only writes.
    const item = await appGraph(creds, `/sites/${smsSiteId}/lists/${list.id}/items`, { method: 'POST', body: JSON.stringify({ fields: { Title: 'Nightly check' } }) });
    expect(item.status).toBe(201);
    expect(((await item.json()) as { createdBy: unknown }).createdBy).toMatchObject({ application: { id: JOBS_APP_ID, displayName: JOBS_APP_NAME } });
    const file = await appGraph(creds, `/sites/${smsSiteId}/drive/root:/jobs-report.txt:/content`, { method: 'PUT', body: 'nightly', headers: { 'content-type': 'text/plain' } });
    expect(file.status).toBe(201);
    expect(((await file.json()) as { createdBy: unknown }).createdBy).toEqual({ application: { id: JOBS_APP_ID, displayName: JOBS_APP_NAME }, user: { displayName: 'SharePoint App' } });

    const all = (await (await emu.graph(demo.tom, `/sites/${smsSiteId}/permissions`, { scopes: ['Sites.FullControl.All'] })).json()) as { value: { roles: string[]; grantedToIdentitiesV2: unknown[] }[] };
    expect(all.value).toEqual([expect.objectContaining({ roles: ['manage'], grantedToIdentitiesV2: [{ application: { id: JOBS_APP_ID, displayName: JOBS_APP_NAME } }] })]);
  });

  it('creates only application permissions, with read or write, and needs Sites.FullControl.All', async () => {
    const asUser = await emu.graph(demo.tom, `/sites/${smsSiteId}/permissions`, {
      method: 'POST', scopes: ['Sites.FullControl.All'], body: JSON.stringify({ roles: ['read'], grantedToIdentities: [{ user: { id: 'someone' } }] }),
    });
    expect(asUser.status).toBe(400);
    expect((await grantSite(['fullcontrol'])).status).toBe(400);
    const lacking = await emu.graph(demo.tom, `/sites/${smsSiteId}/permissions`, { scopes: ['Sites.Manage.All'] });
    expect(lacking.status).toBe(403);
  });

  it('limits a delegated Sites.Selected token to the sites granted to the app it was issued to', async () => {
    const read = () => emu.graph(demo.priya, `/sites/${smsSiteId}`, { scopes: ['Sites.Selected'] });
    expect((await read()).status).toBe(403);
    const res = await emu.graph(demo.tom, `/sites/${smsSiteId}/permissions`, {
      method: 'POST', scopes: ['Sites.FullControl.All'],
      body: JSON.stringify({ roles: ['write'], grantedToIdentities: [{ application: { id: SPA_APP.id, displayName: SPA_APP.displayName } }] }),
    });
    expect(res.status).toBe(201);
    expect((await read()).status).toBe(200);
  });
});

describe('Planner, app-only', () => {
  it('creates a plan in any group with Tasks.ReadWrite.All; createdBy names the application', async () => {
    const creds = await registerJobsApp(emu.origin, ['Tasks.ReadWrite.All'], TENANT.domain);
    const res = await appGraph(creds, '/planner/plans', { method: 'POST', body: JSON.stringify({ container: { containerId: SMS_GROUP_ID, type: 'group' }, title: 'Jobs plan' }) });
    expect(res.status).toBe(201);
    expect(((await res.json()) as { createdBy: unknown }).createdBy).toEqual({ application: { id: JOBS_APP_ID, displayName: JOBS_APP_NAME } });
  });
});

describe('admin consent of delegated scopes', () => {
  const token = (scopes: string[]) =>
    fetch(`${emu.origin}/_dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ upn: demo.priya, scopes }) });
  const consent = (adminConsented: string[] | null) =>
    fetch(`${emu.origin}/_dev/consent`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ adminConsented }) });

  it('issues exactly the scopes asked, and refuses an admin-consent scope the tenant has not granted (AADSTS65001)', async () => {
    await consent(['GroupMember.Read.All']);
    try {
      const ok = await token(['User.Read', 'GroupMember.Read.All', 'Sites.Read.All']);
      expect(ok.status).toBe(200);
      expect(decodeJwt(((await ok.json()) as { access_token: string }).access_token).scp).toBe('User.Read GroupMember.Read.All Sites.Read.All');

      const refused = await token(['User.Read', 'Group.ReadWrite.All']);
      expect(refused.status).toBe(400);
      const body = (await refused.json()) as { error: string; suberror: string; error_codes: number[]; error_description: string };
      expect(body).toMatchObject({ error: 'invalid_grant', suberror: 'consent_required', error_codes: [65001] });
      expect(body.error_description).toMatch(/^AADSTS65001: The user or administrator has not consented/);
    } finally {
      await consent(null);
    }
  });
});
