import { describe, it, expect, beforeAll, afterAll, afterEach } from 'vitest';
import { setupServer } from 'msw/node';
import { http, HttpResponse } from 'msw';
import { createEmulator, type Emulator } from './app.js';
import { emulatorHandlers } from './msw.js';
import { upnOf } from './seed/tenant.js';

const ORIGIN = 'https://graph.emulator.test';
let emulator: Emulator;
let server: ReturnType<typeof setupServer>;
let token: string;

beforeAll(async () => {
  emulator = await createEmulator({ dataDir: null });
  server = setupServer(...emulatorHandlers(emulator, ORIGIN));
  server.listen({ onUnhandledRequest: 'error' });
  token = (await emulator.emu.tokens.issue(upnOf({ given: 'Jack', surname: 'Turner' }), ['User.Read'])).access_token;
});
afterEach(() => server.resetHandlers());
afterAll(() => {
  server.close();
  emulator.close();
});

describe('emulator as msw handlers', () => {
  it('serves Graph requests in-process with the same auth rules as the HTTP server', async () => {
    const anonymous = await fetch(`${ORIGIN}/v1.0/me`);
    expect(anonymous.status).toBe(401);
    const body = (await anonymous.json()) as { error: { code: string } };
    expect(body.error.code).toBe('InvalidAuthenticationToken');
  });

  it('lets a test override one route with a fault while the rest stays emulated', async () => {
    server.use(http.get(`${ORIGIN}/v1.0/users`, () => HttpResponse.json({ error: { code: 'serviceNotAvailable', message: 'down' } }, { status: 503, headers: { 'Retry-After': '2' } })));
    const res = await fetch(`${ORIGIN}/v1.0/users`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('2');
    const dev = await fetch(`${ORIGIN}/_dev/users`);
    expect(dev.status).toBe(200);
  });
});
