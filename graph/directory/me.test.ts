import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, demo, type TestEmulator } from '../../tests/support/emulator.js';
import { createGraphClient } from '../core/client.js';
import { GraphError } from '../core/errors.js';
import { getMe } from './me.js';

let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(async () => {
  await emu.close();
});

const clientFor = (upn: string, scopes?: string[]) =>
  createGraphClient({ baseUrl: emu.graphBaseUrl, getToken: () => emu.token(upn, scopes) });

describe('getMe against the emulator over plain http', () => {
  it('returns the user the bearer token was issued for', async () => {
    const me = await getMe(clientFor(demo.priya));
    expect(me.displayName).toBe('Priya Nair');
    expect(me.userPrincipalName).toBe(demo.priya);
  });

  it('works with User.Read alone, the minimum delegated scope', async () => {
    const me = await getMe(clientFor(demo.jack, ['User.Read']));
    expect(me.displayName).toBe('Jack Turner');
  });

  it('fails with 403 when the token lacks every accepted scope', async () => {
    const err = await getMe(clientFor(demo.jack, ['Calendars.ReadWrite'])).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GraphError);
    expect((err as GraphError).status).toBe(403);
  });
});
