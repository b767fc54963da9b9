import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { SignJWT, generateKeyPair, importJWK, decodeJwt, type JWK } from 'jose';
import { startTestEmulator, demo, type TestEmulator } from '../../tests/support/emulator.js';
import { getMeta } from '../store/db.js';

interface ErrorBody { error: { code: string; message: string; innerError: Record<string, string> } }

let emu: TestEmulator;
let clock = Date.now();
beforeAll(async () => {
  emu = await startTestEmulator({ now: () => new Date(clock) });
});
afterAll(() => emu.close());

const callMe = (authorization?: string) =>
  fetch(`${emu.graphBaseUrl}/me`, { headers: authorization === undefined ? {} : { authorization } });

async function expect401(res: Response): Promise<ErrorBody> {
  expect(res.status).toBe(401);
  expect(res.headers.get('www-authenticate')).toMatch(/^Bearer /);
  const body = (await res.json()) as ErrorBody;
  expect(body.error.code).toBe('InvalidAuthenticationToken');
  expect(body.error.innerError['request-id']).toBe(res.headers.get('request-id'));
  return body;
}

/** Claims of a token the emulator issued, reused to build tokens that differ in one respect only. */
async function realClaims() {
  const token = await emu.token(demo.priya);
  return decodeJwt(token);
}

describe('bearer tokens', () => {
  it('accepts a token from the dev sign-in endpoint', async () => {
    const res = await callMe(`Bearer ${await emu.token(demo.priya)}`);
    expect(res.status).toBe(200);
  });

  it('401 without an Authorization header', async () => {
    await expect401(await callMe());
  });

  it('401 for a scheme other than Bearer', async () => {
    await expect401(await callMe(`Basic ${Buffer.from('priya:secret').toString('base64')}`));
  });

  it('401 for a malformed token (no dots)', async () => {
    await expect401(await callMe('Bearer notajwtatall'));
  });

  it('401 for an expired token', async () => {
    const res = await fetch(`${emu.origin}/_dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ upn: demo.priya, scopes: ['User.Read'], expiresIn: -10 }),
    });
    const { access_token } = (await res.json()) as { access_token: string };
    await expect401(await callMe(`Bearer ${access_token}`));
  });

  it('401 once the clock passes the expiry of a token that was valid', async () => {
    const res = await fetch(`${emu.origin}/_dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ upn: demo.jack, scopes: ['User.Read'], expiresIn: 60 }),
    });
    const { access_token } = (await res.json()) as { access_token: string };
    expect((await callMe(`Bearer ${access_token}`)).status).toBe(200);
    clock += 2 * 60_000;
    try {
      await expect401(await callMe(`Bearer ${access_token}`));
    } finally {
      clock -= 2 * 60_000;
    }
  });

  it('401 for a token signed with another key', async () => {
    const claims = await realClaims();
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT({ ...claims }).setProtectedHeader({ alg: 'RS256', typ: 'JWT' }).sign(privateKey);
    await expect401(await callMe(`Bearer ${forged}`));
  });

  it('401 for a token for another audience, even when correctly signed', async () => {
    const claims = await realClaims();
    const stored = JSON.parse(getMeta(emu.emulator.emu.db, 'signingKey')!) as { priv: JWK };
    const key = await importJWK(stored.priv, 'RS256');
    const otherAudience = await new SignJWT({ ...claims, aud: 'api://some-other-api' }).setProtectedHeader({ alg: 'RS256', typ: 'JWT' }).sign(key);
    await expect401(await callMe(`Bearer ${otherAudience}`));
    // The same key and claims with Graph's audience are accepted, so only the audience made the difference.
    const sameAudience = await new SignJWT({ ...claims }).setProtectedHeader({ alg: 'RS256', typ: 'JWT' }).sign(key);
    expect((await callMe(`Bearer ${sameAudience}`)).status).toBe(200);
  });

  it('401 for a correctly signed token whose user is not in the tenant', async () => {
    const claims = await realClaims();
    const stored = JSON.parse(getMeta(emu.emulator.emu.db, 'signingKey')!) as { priv: JWK };
    const key = await importJWK(stored.priv, 'RS256');
    const stranger = await new SignJWT({ ...claims, oid: '00000000-0000-0000-0000-000000000000', sub: 'x' })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT' })
      .sign(key);
    await expect401(await callMe(`Bearer ${stranger}`));
  });
});

describe('scopes', () => {
  it("403 Authorization_RequestDenied when the token lacks the route's scope", async () => {
    const res = await emu.graph(demo.priya, '/users', { scopes: ['User.Read'] });
    expect(res.status).toBe(403);
    expect(((await res.json()) as ErrorBody).error.code).toBe('Authorization_RequestDenied');
    expect((await emu.graph(demo.priya, '/users', { scopes: ['User.ReadBasic.All'] })).status).toBe(200);
  });

  it('the scopes in the token are the ones the caller asked for', async () => {
    const token = await emu.token(demo.priya, ['User.Read', 'Sites.Read.All']);
    expect(decodeJwt(token).scp).toBe('User.Read Sites.Read.All');
  });
});
