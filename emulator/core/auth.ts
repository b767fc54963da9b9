import { SignJWT, jwtVerify, generateKeyPair, exportJWK, importJWK, importX509, decodeProtectedHeader, errors as joseErrors, type JWK, type CryptoKey } from 'jose';
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { Db } from '../store/db.js';
import { getMeta, setMeta } from '../store/db.js';
import { GraphHttpError } from './errors.js';
import type { Principal } from './router.js';

/**
 * Access tokens for the emulator. They are real RS256 JWTs shaped like Entra ID v1 access
 * tokens for Microsoft Graph (aud, iss, tid, oid, upn, name, scp, appid, app_displayname). The signing
 * key is made on first start and kept in the database, so tokens survive a restart.
 * App-only tokens (client credentials) carry `roles` and `idtyp: app` and no user, no `scp`
 * (https://learn.microsoft.com/entra/identity-platform/access-token-claims-reference : "idtyp",
 * "roles"; https://learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow ).
 * Failure responses follow Graph: 401 `InvalidAuthenticationToken`.
 */
export const GRAPH_AUDIENCE = 'https://graph.microsoft.com';
const ALG = 'RS256';

/** An application as a token names it (`appid`, `app_displayname`). */
export interface TokenApp {
  id: string;
  displayName: string;
}

export interface TokenService {
  /** A delegated token for a user of the tenant, issued to `app` (the SPA unless said otherwise). */
  issue(upn: string, scopes: string[], lifetimeSeconds?: number, app?: TokenApp): Promise<{ access_token: string; expires_in: number; scope: string }>;
  /** An app-only token: the app's granted application permissions in `roles`, no user. */
  issueApp(app: TokenApp, roles: string[], lifetimeSeconds?: number): Promise<{ access_token: string; expires_in: number }>;
  verify(authorization: string | null): Promise<Principal>;
  issuer: string;
}

const unauthorized = (message: string) =>
  new GraphHttpError(401, 'InvalidAuthenticationToken', message, {
    'WWW-Authenticate': 'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"',
  });

/** What a token names of a user. */
export interface TokenUser {
  id: string;
  userPrincipalName: string;
  displayName: string;
}

/**
 * The caller of the Graph request being handled (app.ts runs each route handler inside it), so that
 * rules deep in services/ (site grants for Sites.Selected, app-only access) can see the token's
 * permissions without every route passing them down.
 */
export const requestCaller = new AsyncLocalStorage<Principal>();

/**
 * `findUser` looks a user up by object id or UPN in the tenant's directory, `findApp` an app
 * registration by client id. They are passed in (by app.ts) so that core/ stays below services/ and
 * knows nothing of how the directory is stored.
 */
export async function createTokenService(
  db: Db,
  tenantId: string,
  now: () => Date,
  findUser: (idOrUpn: string) => TokenUser | undefined,
  findApp: (appId: string) => TokenApp | undefined,
  defaultApp: TokenApp,
): Promise<TokenService> {
  let privateKey: CryptoKey;
  let publicKey: CryptoKey;
  const stored = getMeta(db, 'signingKey');
  if (stored) {
    const { priv, pub } = JSON.parse(stored) as { priv: JWK; pub: JWK };
    privateKey = (await importJWK(priv, ALG)) as CryptoKey;
    publicKey = (await importJWK(pub, ALG)) as CryptoKey;
  } else {
    const pair = await generateKeyPair(ALG, { extractable: true });
    privateKey = pair.privateKey;
    publicKey = pair.publicKey;
    setMeta(db, 'signingKey', JSON.stringify({ priv: await exportJWK(privateKey), pub: await exportJWK(publicKey) }));
  }
  const issuer = `https://sts.windows.net/${tenantId}/`;

  return {
    issuer,
    async issue(upn, scopes, lifetimeSeconds = 3600, app = defaultApp) {
      const user = findUser(upn);
      if (!user) throw new GraphHttpError(400, 'invalid_request', `No user '${upn}' in this tenant.`);
      const iat = Math.floor(now().getTime() / 1000);
      const scope = [...new Set(scopes)].join(' ');
      const token = await new SignJWT({
        tid: tenantId,
        oid: user.id,
        upn: user.userPrincipalName,
        name: user.displayName,
        scp: scope,
        appid: app.id,
        app_displayname: app.displayName,
        idtyp: 'user',
        uti: randomUUID(),
        ver: '1.0',
      })
        .setProtectedHeader({ alg: ALG, typ: 'JWT' })
        .setIssuer(issuer)
        .setAudience(GRAPH_AUDIENCE)
        .setSubject(user.id)
        .setIssuedAt(iat)
        .setNotBefore(iat - 300)
        .setExpirationTime(iat + lifetimeSeconds)
        .sign(privateKey);
      return { access_token: token, expires_in: lifetimeSeconds, scope };
    },
    async issueApp(app, roles, lifetimeSeconds = 3600) {
      const iat = Math.floor(now().getTime() / 1000);
      const token = await new SignJWT({
        tid: tenantId,
        oid: app.id,
        appid: app.id,
        app_displayname: app.displayName,
        idtyp: 'app',
        roles: [...new Set(roles)],
        uti: randomUUID(),
        ver: '1.0',
      })
        .setProtectedHeader({ alg: ALG, typ: 'JWT' })
        .setIssuer(issuer)
        .setAudience(GRAPH_AUDIENCE)
        .setSubject(app.id)
        .setIssuedAt(iat)
        .setNotBefore(iat - 300)
        .setExpirationTime(iat + lifetimeSeconds)
        .sign(privateKey);
      return { access_token: token, expires_in: lifetimeSeconds };
    },
    async verify(authorization) {
      if (!authorization || !authorization.trim()) throw unauthorized('Access token is empty.');
      const m = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
      if (!m) throw unauthorized('Access token validation failure. Invalid audience.');
      const token = m[1]!;
      if (token.split('.').length !== 3) throw unauthorized('IDX14100: JWT is not well formed, there are no dots (.).');
      try {
        const { payload } = await jwtVerify(token, publicKey, {
          issuer,
          audience: GRAPH_AUDIENCE,
          algorithms: [ALG],
          currentDate: now(),
        });
        const tokenApp = typeof payload.appid === 'string' ? findApp(payload.appid) : undefined;
        if (payload.idtyp === 'app') {
          if (!tokenApp) throw unauthorized('Access token validation failure. The application does not exist in this tenant.');
          const roles = Array.isArray(payload.roles) ? payload.roles.filter((r): r is string => typeof r === 'string') : [];
          return { userId: tokenApp.id, upn: '', displayName: tokenApp.displayName, scopes: new Set(), kind: 'app', roles: new Set(roles), app: tokenApp };
        }
        const user = typeof payload.oid === 'string' ? findUser(payload.oid) : undefined;
        if (!user) throw unauthorized('Access token validation failure. The user does not exist in this tenant.');
        const scp = typeof payload.scp === 'string' ? payload.scp : '';
        return {
          userId: user.id,
          upn: user.userPrincipalName,
          displayName: user.displayName,
          scopes: new Set(scp.split(' ').filter(Boolean)),
          kind: 'user',
          app: tokenApp ?? defaultApp,
        };
      } catch (e) {
        if (e instanceof GraphHttpError) throw e;
        if (e instanceof joseErrors.JWTExpired) throw unauthorized('Lifetime validation failed, the token is expired.');
        if (e instanceof joseErrors.JWSSignatureVerificationFailed) throw unauthorized('Access token validation failure. Invalid signature.');
        if (e instanceof joseErrors.JWTClaimValidationFailed) throw unauthorized(`Access token validation failure. Invalid ${e.claim}.`);
        throw unauthorized('Access token validation failure.');
      }
    },
  };
}

/** Why a client assertion was refused, as Entra ID's `error_description` words it (AADSTS code first). */
export class ClientAssertionError extends Error {}

/**
 * Checks a client assertion (a JWT the app signed with its certificate's private key) the way the
 * Microsoft identity platform does: the header names the certificate by `x5t#S256` (or `x5t`), the
 * signature verifies with that certificate, `iss` and `sub` are the client id, `aud` is the token
 * endpoint, and it has not expired. Returns nothing; throws ClientAssertionError.
 * https://learn.microsoft.com/entra/identity-platform/certificate-credentials
 */
export async function verifyClientAssertion(
  assertion: string,
  opts: { clientId: string; audience: string; now: Date; certificateFor: (thumbprint: string, alg: 'sha1' | 'sha256') => string | undefined },
): Promise<void> {
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(assertion);
  } catch {
    throw new ClientAssertionError('AADSTS50027: JWT token is invalid or malformed.');
  }
  const s256 = typeof header['x5t#S256'] === 'string' ? header['x5t#S256'] : undefined;
  const thumbprint = s256 ?? (typeof header.x5t === 'string' ? header.x5t : undefined);
  const pem = thumbprint ? opts.certificateFor(thumbprint, s256 ? 'sha256' : 'sha1') : undefined;
  if (!pem) {
    throw new ClientAssertionError(`AADSTS700027: The certificate with identifier used to sign the client assertion is not registered on application. [Reason - The key was not found., Thumbprint of key used by client: '${thumbprint ?? ''}']`);
  }
  const alg = header.alg === 'PS256' ? 'PS256' : 'RS256';
  try {
    const key = await importX509(pem, alg);
    await jwtVerify(assertion, key, { issuer: opts.clientId, subject: opts.clientId, audience: opts.audience, algorithms: [alg], currentDate: opts.now, requiredClaims: ['exp', 'jti'] });
  } catch (e) {
    if (e instanceof joseErrors.JWTExpired) throw new ClientAssertionError('AADSTS700024: Client assertion is not within its valid time range.');
    if (e instanceof joseErrors.JWTClaimValidationFailed && e.claim === 'aud') {
      throw new ClientAssertionError(`AADSTS700027: Client assertion failed validation: its audience is not the token endpoint '${opts.audience}'.`);
    }
    throw new ClientAssertionError('AADSTS700027: Client assertion failed signature validation.');
  }
}
