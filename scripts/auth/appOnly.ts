import { X509Certificate, createPrivateKey, randomUUID, sign, constants, type KeyObject } from 'node:crypto';
import fs from 'node:fs';

/**
 * App-only sign-in for the command-line tools and scheduled jobs (`npm run provision`, and the coming
 * `npm run verify` and `npm run jobs`): the OAuth 2.0 client credentials grant with a certificate, as the
 * Microsoft identity platform documents it, so nothing waits for a person at a keyboard.
 *
 * 1. Build a client assertion: a JWT signed with the certificate's private key (PS256), naming the
 *    certificate by its SHA-256 thumbprint (`x5t#S256`), with `aud` = the token endpoint, `iss` = `sub` =
 *    the client id, a fresh `jti`, and a lifetime of 10 minutes.
 *    https://learn.microsoft.com/entra/identity-platform/certificate-credentials
 * 2. `POST {authorityHost}/{tenant}/oauth2/v2.0/token` with `grant_type=client_credentials`,
 *    `scope=https://graph.microsoft.com/.default` and the assertion; the answer is an app-only token whose
 *    `roles` are the application permissions an administrator granted.
 *    https://learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow
 *
 * Why not MSAL Node: msal-common refuses an authority that is not https (`authority_uri_insecure`), so the
 * same code could not sign in to the emulator, and the tests would not cover the path a real tenant takes.
 * The protocol is two documented steps; node:crypto does the signing.
 *
 * Settings come from the environment under the names Azure Identity's EnvironmentCredential uses:
 * AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_CERTIFICATE_PATH (one PEM file holding the private key
 * and the certificate) and optionally AZURE_AUTHORITY_HOST (default https://login.microsoftonline.com).
 * Tokens stay in memory and are never printed.
 */

export const DEFAULT_AUTHORITY_HOST = 'https://login.microsoftonline.com';
export const GRAPH_DEFAULT_SCOPE = 'https://graph.microsoft.com/.default';
/** Renew a token this long before it expires. */
const RENEW_MARGIN_MS = 5 * 60_000;

export interface AppOnlyCredentials {
  tenantId: string;
  clientId: string;
  /** PEM holding the private key and the X.509 certificate registered on the app. */
  certificatePem: string;
  authorityHost?: string;
  /** Default: Microsoft Graph's `.default` scope. */
  scope?: string;
}

/** Why the token endpoint refused, with Entra ID's AADSTS description (never the assertion or a token). */
export class AppOnlySignInError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    description: string,
  ) {
    super(`App-only sign-in failed (${status} ${error}): ${description}`);
    this.name = 'AppOnlySignInError';
  }
}

/** The app-only settings from the environment, or undefined when none is set; throws when some are missing. */
export function appOnlyFromEnv(env: NodeJS.ProcessEnv): AppOnlyCredentials | undefined {
  const tenantId = env.AZURE_TENANT_ID;
  const clientId = env.AZURE_CLIENT_ID;
  const path = env.AZURE_CLIENT_CERTIFICATE_PATH;
  if (!tenantId && !clientId && !path) return undefined;
  const missing = [!tenantId && 'AZURE_TENANT_ID', !clientId && 'AZURE_CLIENT_ID', !path && 'AZURE_CLIENT_CERTIFICATE_PATH'].filter(Boolean);
  if (missing.length > 0) throw new Error(`App-only sign-in needs ${missing.join(', ')} as well.`);
  let certificatePem: string;
  try {
    certificatePem = fs.readFileSync(path!, 'utf8');
  } catch (e) {
    throw new Error(`Cannot read AZURE_CLIENT_CERTIFICATE_PATH (${path}): ${(e as Error).message}`, { cause: e });
  }
  return { tenantId: tenantId!, clientId: clientId!, certificatePem, authorityHost: env.AZURE_AUTHORITY_HOST || undefined };
}

export const tokenEndpoint = (c: Pick<AppOnlyCredentials, 'tenantId' | 'authorityHost'>): string =>
  `${(c.authorityHost ?? DEFAULT_AUTHORITY_HOST).replace(/\/+$/, '')}/${encodeURIComponent(c.tenantId)}/oauth2/v2.0/token`;

function keyPair(pem: string): { key: KeyObject; cert: X509Certificate } {
  let key: KeyObject;
  let cert: X509Certificate;
  try {
    key = createPrivateKey(pem);
  } catch {
    throw new Error('The certificate file holds no private key (PEM "-----BEGIN PRIVATE KEY-----").');
  }
  try {
    cert = new X509Certificate(pem);
  } catch {
    throw new Error('The certificate file holds no certificate (PEM "-----BEGIN CERTIFICATE-----").');
  }
  return { key, cert };
}

/** The signed client assertion for one token request (PS256, `x5t#S256`). */
export function clientAssertion(c: AppOnlyCredentials, now: Date = new Date()): string {
  const { key, cert } = keyPair(c.certificatePem);
  const thumbprint = Buffer.from(cert.fingerprint256.replace(/:/g, ''), 'hex').toString('base64url');
  const iat = Math.floor(now.getTime() / 1000);
  const header = { alg: 'PS256', typ: 'JWT', 'x5t#S256': thumbprint };
  const claims = { aud: tokenEndpoint(c), iss: c.clientId, sub: c.clientId, jti: randomUUID(), iat, nbf: iat, exp: iat + 600 };
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const input = `${part(header)}.${part(claims)}`;
  const signature = sign('sha256', Buffer.from(input), { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST });
  return `${input}.${signature.toString('base64url')}`;
}

/** One token request. */
export async function acquireAppOnlyToken(c: AppOnlyCredentials, now: () => number = Date.now): Promise<{ token: string; expiresAt: number }> {
  const body = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: c.clientId,
    scope: c.scope ?? GRAPH_DEFAULT_SCOPE,
    client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
    client_assertion: clientAssertion(c, new Date(now())),
  });
  const res = await fetch(tokenEndpoint(c), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
  const json = (await res.json().catch(() => ({}))) as { access_token?: string; expires_in?: number; error?: string; error_description?: string };
  if (!res.ok || !json.access_token) throw new AppOnlySignInError(res.status, json.error ?? 'unknown_error', json.error_description ?? 'no access token in the answer');
  return { token: json.access_token, expiresAt: now() + (json.expires_in ?? 3600) * 1000 };
}

/** A `getToken` for graph/core's client: one token, renewed shortly before it expires; one request at a time. */
export function appOnlyTokenProvider(c: AppOnlyCredentials, now: () => number = Date.now): () => Promise<string> {
  let current: { token: string; expiresAt: number } | undefined;
  let pending: Promise<{ token: string; expiresAt: number }> | undefined;
  return async () => {
    if (current && now() < current.expiresAt - RENEW_MARGIN_MS) return current.token;
    pending ??= acquireAppOnlyToken(c, now).finally(() => {
      pending = undefined;
    });
    current = await pending;
    return current.token;
  };
}
