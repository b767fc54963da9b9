import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, screen } from '@testing-library/react';
import { decodeJwt } from 'jose';
import { upnOf } from '../../../emulator/seed/tenant.js';
import { CONFIG, ORIGIN, renderApp, startHarness, type Harness } from '../../../tests/support/appHarness.js';
import { signInToEmulator } from '../auth/devSignIn.js';
import { SIGN_IN_SCOPES } from '../auth/scopes.js';

/**
 * The Actions area (built on Planner) in Microsoft 365 operated by 21Vianet, where Graph has no Planner:
 * it opens, explains that actions and approvals are tracked without Planner, and never asks for
 * Planner's scope. Against the emulator answering as Graph China.
 */
const priya = { displayName: 'Priya Nair', userPrincipalName: upnOf({ given: 'Priya', surname: 'Nair' }) };
const CHINA = { ...CONFIG, cloud: 'china' as const };
const scopesOf = async (session: { getToken(): Promise<string> }) => String(decodeJwt(await session.getToken()).scp).split(' ');

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({ cloud: 'china' });
});
afterEach(cleanup);
afterAll(() => harness.close());

describe('Actions in China (21Vianet)', () => {
  it('opens the area with an explanation that Planner is not offered, without asking for Tasks.ReadWrite', async () => {
    const session = await signInToEmulator(ORIGIN, priya, SIGN_IN_SCOPES);
    renderApp({ path: '/actions', session, config: CHINA });
    expect(await screen.findByRole('heading', { level: 1, name: 'My actions' }, { timeout: 5000 })).toBeTruthy();
    expect(screen.getByText('Planner is not available in this cloud')).toBeTruthy();
    expect(screen.getByText(/Microsoft 365 operated by 21Vianet.*recorded in the SMS lists.*without Planner tasks/)).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    const scopes = await scopesOf(session);
    expect(scopes).toEqual(expect.arrayContaining(['Sites.ReadWrite.All', 'GroupMember.Read.All']));
    expect(scopes).not.toContain('Tasks.ReadWrite');
  });

  it('explains it in Simplified Chinese too', async () => {
    const session = await signInToEmulator(ORIGIN, priya, SIGN_IN_SCOPES);
    renderApp({ path: '/actions', session, config: CHINA, language: 'zh-CN' });
    expect(await screen.findByText('此云中不提供 Planner', undefined, { timeout: 5000 })).toBeTruthy();
    expect(screen.getByText(/由世纪互联运营的 Microsoft 365.*不创建 Planner 任务/)).toBeTruthy();
  });

  it('says nothing about Planner being missing in the global service', async () => {
    const session = await signInToEmulator(ORIGIN, priya, SIGN_IN_SCOPES);
    renderApp({ path: '/actions', session });
    await screen.findByRole('heading', { level: 1, name: 'My actions' }, { timeout: 5000 });
    expect(screen.queryByText('Planner is not available in this cloud')).toBeNull();
  });
});
