import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { decodeJwt } from 'jose';
import { upnOf } from '../../../emulator/seed/tenant.js';
import { ORIGIN, renderApp, startHarness, type Harness } from '../../../tests/support/appHarness.js';
import { signInToEmulator } from './devSignIn.js';
import { SIGN_IN_SCOPES } from './scopes.js';

/**
 * Least privilege and incremental consent in the app, against the emulator: the sign-in asks only for
 * Home's scopes; an area asks for its own when first opened; a missing admin consent is explained.
 */
const priya = { displayName: 'Priya Nair', userPrincipalName: upnOf({ given: 'Priya', surname: 'Nair' }) };

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterEach(async () => {
  cleanup();
  await setAdminConsent(null);
});
afterAll(() => harness.close());

/** The tenant's admin consent for sms365 (the emulator's `PUT /_dev/consent`). */
async function setAdminConsent(adminConsented: string[] | null): Promise<void> {
  const res = await fetch(`${ORIGIN}/_dev/consent`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ adminConsented }) });
  expect(res.ok).toBe(true);
}
const scopesOf = async (session: { getToken(): Promise<string> }) => String(decodeJwt(await session.getToken()).scp).split(' ');

describe('least privilege at sign-in, incremental consent per area', () => {
  it('shows Home with the sign-in scopes only', async () => {
    const session = await signInToEmulator(ORIGIN, priya, SIGN_IN_SCOPES);
    expect(await scopesOf(session)).toEqual(['User.Read', 'Sites.Read.All']);
    renderApp({ session });
    expect(await screen.findByRole('heading', { level: 1, name: 'Welcome, Priya Nair' })).toBeTruthy();
    await screen.findByRole('region', { name: 'My pending acknowledgements' });
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('asks for the Documents scopes when Documents is first opened, then shows the register', async () => {
    const session = await signInToEmulator(ORIGIN, priya, SIGN_IN_SCOPES);
    renderApp({ path: '/documents', session });
    await screen.findByRole('heading', { level: 1, name: 'Document register' }, { timeout: 5000 });
    expect(await scopesOf(session)).toEqual(expect.arrayContaining(['User.Read', 'Sites.Read.All', 'Sites.ReadWrite.All', 'GroupMember.Read.All']));
    expect(await scopesOf(session)).not.toContain('Files.ReadWrite.All');
  });

  it('explains that an administrator must consent, in English and Chinese, and opens once consent is granted', async () => {
    await setAdminConsent([]);
    const session = await signInToEmulator(ORIGIN, priya, SIGN_IN_SCOPES);
    renderApp({ path: '/documents', session });
    expect(await screen.findByText('An administrator must approve this area')).toBeTruthy();
    expect(screen.getByText(/Documents needs Microsoft Graph permissions that only an administrator .* GroupMember\.Read\.All/)).toBeTruthy();
    expect(screen.queryByRole('heading', { level: 1, name: 'Document register' })).toBeNull();

    await setAdminConsent(null);
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByRole('heading', { level: 1, name: 'Document register' }, { timeout: 5000 });
    cleanup();

    await setAdminConsent([]);
    renderApp({ path: '/registers', session: await signInToEmulator(ORIGIN, priya, SIGN_IN_SCOPES), language: 'zh-CN' });
    expect(await screen.findByText('此区域需要管理员批准')).toBeTruthy();
  });
});
