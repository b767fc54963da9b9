import { X509Certificate } from 'node:crypto';
import type { Db } from '../store/db.js';
import { cachedStatement, getMeta, setMeta } from '../store/db.js';
import { badRequest } from '../core/errors.js';
import { guid } from '../core/ids.js';

/**
 * The tenant's app registrations as Microsoft Entra ID keeps them, reduced to what the emulator's
 * sign-in needs: the application (client) id and name, the certificates it may sign client
 * assertions with, and the application permissions (app roles of Microsoft Graph) an administrator
 * granted it. Also the tenant's delegated consent for the SPA: which admin-consent-only scopes an
 * administrator has granted tenant-wide.
 *
 * Learn: https://learn.microsoft.com/entra/identity-platform/certificate-credentials (certificate and
 * its SHA-1 / SHA-256 thumbprint), https://learn.microsoft.com/entra/identity/enterprise-apps/grant-admin-consent ,
 * https://learn.microsoft.com/entra/identity-platform/permissions-consent-overview
 */

/** The sms365 app registration the dev sign-in issues delegated tokens for (the SPA's client id). */
export const SPA_APP = { id: 'd5b5a3e8-0c2c-4f8e-9b43-5a1e2b7c9d10', displayName: 'sms365' } as const;

export interface AppRegistration {
  appId: string;
  displayName: string;
  /** Application permissions of Microsoft Graph granted (admin-consented) to the app. */
  roles: string[];
  /** PEM X.509 certificates (public part only) registered as credentials. */
  certificates: string[];
}

export function ensureAppRegistrationsSchema(db: Db): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS app_registrations (
      app_id TEXT PRIMARY KEY,
      display_name TEXT NOT NULL,
      roles TEXT NOT NULL,
      certificates TEXT NOT NULL
    );
  `);
}

interface Row {
  app_id: string;
  display_name: string;
  roles: string;
  certificates: string;
}

const fromRow = (r: Row): AppRegistration => ({
  appId: r.app_id,
  displayName: r.display_name,
  roles: JSON.parse(r.roles) as string[],
  certificates: JSON.parse(r.certificates) as string[],
});

export function findApp(db: Db, appId: string): AppRegistration | undefined {
  // Once per Graph request (the token's `appid`): a kept statement.
  const r = cachedStatement(db, 'SELECT * FROM app_registrations WHERE app_id = ? COLLATE NOCASE').get(appId) as Row | undefined;
  return r ? fromRow(r) : undefined;
}

export function allApps(db: Db): AppRegistration[] {
  return (db.prepare('SELECT * FROM app_registrations ORDER BY display_name').all() as Row[]).map(fromRow);
}

/** Registers (or replaces) an app with its certificates and granted application permissions. */
export function registerApp(db: Db, input: { appId?: string; displayName: string; roles: string[]; certificates: string[] }): AppRegistration {
  for (const pem of input.certificates) {
    try {
      new X509Certificate(pem);
    } catch {
      throw badRequest('"certificates" must hold PEM X.509 certificates (-----BEGIN CERTIFICATE-----).', 'invalid_request');
    }
  }
  const app: AppRegistration = { appId: input.appId ?? guid(), displayName: input.displayName, roles: [...new Set(input.roles)], certificates: input.certificates };
  db.prepare(
    'INSERT INTO app_registrations(app_id, display_name, roles, certificates) VALUES(?, ?, ?, ?) ON CONFLICT(app_id) DO UPDATE SET display_name = excluded.display_name, roles = excluded.roles, certificates = excluded.certificates',
  ).run(app.appId, app.displayName, JSON.stringify(app.roles), JSON.stringify(app.certificates));
  return app;
}

/** The certificate of `app` whose SHA-1 (`x5t`) or SHA-256 (`x5t#S256`) thumbprint, base64url, is `thumbprint`. */
export function certificateByThumbprint(app: AppRegistration, thumbprint: string, alg: 'sha1' | 'sha256'): string | undefined {
  return app.certificates.find((pem) => {
    const cert = new X509Certificate(pem);
    const hex = (alg === 'sha1' ? cert.fingerprint : cert.fingerprint256).replace(/:/g, '');
    return Buffer.from(hex, 'hex').toString('base64url') === thumbprint;
  });
}

/**
 * Tenant-wide admin consent for the SPA's delegated scopes. `null` (the default) means an
 * administrator granted admin consent for everything the app registration lists, as step 4 of
 * docs/deploy.md asks; a list names exactly the admin-consent-only scopes that were granted.
 */
export function adminConsentedScopes(db: Db): string[] | null {
  const stored = getMeta(db, 'adminConsentedScopes');
  return stored ? (JSON.parse(stored) as string[] | null) : null;
}

export function setAdminConsentedScopes(db: Db, scopes: string[] | null): void {
  setMeta(db, 'adminConsentedScopes', JSON.stringify(scopes));
}
