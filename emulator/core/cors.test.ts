import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startTestEmulator, demo, type TestEmulator } from '../../tests/support/emulator.js';

/**
 * CORS: Graph routes answer any origin (they need a bearer token); the emulator's own endpoints
 * (`/_dev/*`, download, preview and upload URLs) need none, so only loopback pages may call them.
 */
let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
});
afterAll(() => emu.close());

const preflight = (path: string, origin: string) =>
  fetch(`${emu.origin}${path}`, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
  });

const mint = (origin: string) =>
  fetch(`${emu.origin}/_dev/token`, {
    method: 'POST',
    headers: { origin, 'content-type': 'application/json' },
    body: JSON.stringify({ upn: demo.tom, scopes: ['User.Read'] }),
  });

describe('CORS on the emulator’s own endpoints', () => {
  it.each(['http://localhost:5173', 'http://127.0.0.1:4173', 'http://[::1]:3000'])('allows the loopback origin %s, echoing it with Vary: Origin', async (origin) => {
    const pre = await preflight('/_dev/token', origin);
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe(origin);
    expect(pre.headers.get('access-control-allow-methods')).toContain('POST');
    expect(pre.headers.get('vary')).toMatch(/origin/i);

    const res = await mint(origin);
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(origin);
    expect(res.headers.get('vary')).toMatch(/origin/i);
  });

  it.each(['https://evil.example', 'http://localhost.evil.example:5173', 'null'])('gives %s no CORS headers and refuses its preflight with 403', async (origin) => {
    const pre = await preflight('/_dev/token', origin);
    expect(pre.status).toBe(403);
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
    expect(((await pre.json()) as { error: { code: string } }).error.code).toBe('accessDenied');

    const res = await mint(origin);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.headers.get('access-control-allow-methods')).toBeNull();

    const users = await fetch(`${emu.origin}/_dev/users`, { headers: { origin } });
    expect(users.status).toBe(200);
    expect(users.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('keeps `*` for Graph routes, which need a bearer token', async () => {
    const pre = await preflight('/v1.0/me', 'https://evil.example');
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('*');
    const res = await emu.graph(demo.priya, '/me', { headers: { origin: 'https://evil.example' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });
});
