import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, screen } from '@testing-library/react';
import { decodeJwt } from 'jose';
import { upnOf } from '../../../emulator/seed/tenant.js';
import { SPA_APP } from '../../../emulator/services/appRegistrationStore.js';
import { CONFIG, ORIGIN, renderApp, startHarness, type Harness } from '../../../tests/support/appHarness.js';
import type { RuntimeConfig } from '../config.js';
import { signInToEmulator } from './devSignIn.js';
import { featureScopes, signInScopes } from './scopes.js';

/**
 * The deployment where an administrator grants the app only the SMS site (`siteAccess: 'selected'`):
 * the app asks for `Sites.Selected` instead of the tenant-wide site scopes, and works once the site
 * has granted the app a role (`POST /sites/{id}/permissions`), against the emulator, which enforces it.
 */
const priya = { displayName: 'Priya Nair', userPrincipalName: upnOf({ given: 'Priya', surname: 'Nair' }) };
const tom = { displayName: 'Tom Whitaker', userPrincipalName: upnOf({ given: 'Tom', surname: 'Whitaker' }) };
const SELECTED: RuntimeConfig = { ...CONFIG, siteAccess: 'selected' };

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterEach(() => cleanup());
afterAll(() => harness.close());

const scopesOf = async (session: { getToken(): Promise<string> }) => String(decodeJwt(await session.getToken()).scp).split(' ');

/** The administrator's grant of the SMS site to the app (Sites.FullControl.All, as Learn's site-post-permissions asks). */
async function grantSmsSiteToApp(): Promise<void> {
  const admin = await signInToEmulator(ORIGIN, tom, ['Sites.Read.All', 'Sites.FullControl.All']);
  const headers = { authorization: `Bearer ${await admin.getToken()}`, 'content-type': 'application/json' };
  const site = (await (await fetch(`${ORIGIN}/v1.0/sites/kestrelms.sharepoint.com:/sites/KestrelSMS`, { headers })).json()) as { id: string };
  const res = await fetch(`${ORIGIN}/v1.0/sites/${site.id}/permissions`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ roles: ['write'], grantedToIdentities: [{ application: { id: SPA_APP.id, displayName: SPA_APP.displayName } }] }),
  });
  expect(res.status).toBe(201);
}

describe('an app granted only the SMS site (Sites.Selected)', () => {
  it('asks for Sites.Selected in place of Sites.Read.All and Sites.ReadWrite.All', () => {
    expect(signInScopes({ siteAccess: 'selected' })).toEqual(['User.Read', 'Sites.Selected']);
    const documents = featureScopes('documents', { planner: true, siteAccess: 'selected' });
    expect(documents).toContain('Sites.Selected');
    expect(documents).not.toContain('Sites.ReadWrite.All');
    expect(documents).not.toContain('Sites.Read.All');
    expect(featureScopes('documents', { planner: true })).toContain('Sites.ReadWrite.All');
  });

  it('cannot read the SMS site before the grant, and shows Home and the register after it', async () => {
    const session = await signInToEmulator(ORIGIN, priya, signInScopes(SELECTED));
    expect(await scopesOf(session)).toEqual(['User.Read', 'Sites.Selected']);
    const before = renderApp({ session, config: SELECTED });
    await screen.findByRole('heading', { level: 1, name: 'Welcome, Priya Nair' });
    expect(await screen.findByText("You don't have permission")).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'My pending acknowledgements' })).toBeNull();
    before.unmount();

    await grantSmsSiteToApp();
    const home = renderApp({ session, config: SELECTED });
    await screen.findByRole('region', { name: 'My pending acknowledgements' }, { timeout: 5000 });
    home.unmount();

    renderApp({ path: '/documents', session, config: SELECTED });
    await screen.findByRole('heading', { level: 1, name: 'Document register' }, { timeout: 5000 });
    const granted = await scopesOf(session);
    expect(granted).toContain('Sites.Selected');
    expect(granted).not.toContain('Sites.Read.All');
    expect(granted).not.toContain('Sites.ReadWrite.All');
  });
});
