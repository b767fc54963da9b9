import { SignJWT, jwtVerify, generateKeyPair, exportJWK, importJWK, errors as joseErrors, type JWK, type CryptoKey } from 'jose';
import { randomUUID } from 'node:crypto';
import type { Db } from '../store/db.js';
import { getMeta, setMeta } from '../store/db.js';
import { GraphHttpError } from './errors.js';
import type { Principal } from './router.js';

/**
 * Access tokens for the emulator. They are real RS256 JWTs shaped like Entra ID v1 access
 * tokens for Microsoft Graph (aud, iss, tid, oid, upn, name, scp). The signing key is made on
 * first start and kept in the database, so tokens survive a restart.
 * Failure responses follow Graph: 401 `InvalidAuthenticationToken`.
 */
export const GRAPH_AUDIENCE = 'https://graph.microsoft.com';
const ALG = 'RS256';

export interface TokenService {
  issue(upn: string, scopes: string[], lifetimeSeconds?: number): Promise<{ access_token: string; expires_in: number; scope: string }>;
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
 * `findUser` looks a user up by object id or UPN in the tenant's directory. It is passed in (by app.ts) so
 * that core/ stays below services/ and knows nothing of how the directory is stored.
 */
export async function createTokenService(
  db: Db,
  tenantId: string,
  now: () => Date,
  findUser: (idOrUpn: string) => TokenUser | undefined,
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
    async issue(upn, scopes, lifetimeSeconds = 3600) {
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
        const user = typeof payload.oid === 'string' ? findUser(payload.oid) : undefined;
        if (!user) throw unauthorized('Access token validation failure. The user does not exist in this tenant.');
        const scp = typeof payload.scp === 'string' ? payload.scp : '';
        return {
          userId: user.id,
          upn: user.userPrincipalName,
          displayName: user.displayName,
          scopes: new Set(scp.split(' ').filter(Boolean)),
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
