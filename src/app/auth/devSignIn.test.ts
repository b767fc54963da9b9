import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upnOf } from '../../../emulator/seed/tenant.js';
import { getMe } from '../../../graph/directory/me.js';
import { createGraphClient } from '../../../graph/core/client.js';
import { CONFIG, ORIGIN, startHarness, type Harness } from '../../../tests/support/appHarness.js';
import { listDemoUsers, signInToEmulator } from './devSignIn.js';
import { APP_SCOPES } from './scopes.js';

let harness: Harness;
const tokenRequests: string[] = [];
beforeAll(async () => {
  harness = await startHarness();
  harness.server.events.on('request:start', ({ request }) => {
    if (new URL(request.url).pathname === '/_dev/token') tokenRequests.push(request.method);
  });
});
afterAll(() => harness.close());

const jack = { displayName: 'Jack Turner', userPrincipalName: upnOf({ given: 'Jack', surname: 'Turner' }) };

describe('emulator sign-in', () => {
  it('lists the demo users with their groups', async () => {
    const users = await listDemoUsers(ORIGIN);
    expect(users).toHaveLength(16);
    expect(users.find((u) => u.displayName === 'Priya Nair')?.groups).toContain('SMS-DocumentControllers');
  });

  it('gives a session whose token Graph accepts, renewed only when it is about to expire', async () => {
    let now = Date.now();
    tokenRequests.length = 0;
    const session = await signInToEmulator(ORIGIN, jack, APP_SCOPES, () => now);
    expect(session.user).toEqual({ displayName: 'Jack Turner', upn: jack.userPrincipalName });
    const client = createGraphClient({ baseUrl: CONFIG.graphBaseUrl, getToken: () => session.getToken(), retry: { maxRetries: 0 } });
    expect((await getMe(client)).displayName).toBe('Jack Turner');
    await session.getToken();
    expect(tokenRequests).toHaveLength(1);

    now += 3600_000; // past the token's lifetime on the session's clock
    expect((await getMe(client)).displayName).toBe('Jack Turner');
    expect(tokenRequests).toHaveLength(2);

    await session.reauthenticate();
    expect(tokenRequests).toHaveLength(3);
  });
});
