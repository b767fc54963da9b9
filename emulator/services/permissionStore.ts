import { cachedStatement, type Db } from '../store/db.js';
import type { PermissionLevel } from './permissions.js';

/** The grants of permission levels on sites and lists (scope ids) to users and groups (services/permissions.ts). */
export function ensurePermissionsSchema(db: Db): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS permissions (
      scope_id TEXT NOT NULL,
      principal_id TEXT NOT NULL,
      level TEXT NOT NULL,
      PRIMARY KEY (scope_id, principal_id)
    );
  `);
}

/** Grants a level on a site or list (scope id) to a user or group id. */
export function grant(db: Db, scopeId: string, principalId: string, level: PermissionLevel): void {
  db.prepare('INSERT INTO permissions(scope_id, principal_id, level) VALUES(?, ?, ?) ON CONFLICT(scope_id, principal_id) DO UPDATE SET level = excluded.level').run(
    scopeId, principalId, level,
  );
}

/** Removes every grant on a scope (a list goes back to inheriting from its site). */
export function clearGrants(db: Db, scopeId: string): void {
  db.prepare('DELETE FROM permissions WHERE scope_id = ?').run(scopeId);
}

export function grantsOn(db: Db, scopeId: string): { principalId: string; level: PermissionLevel }[] {
  return (db.prepare('SELECT principal_id, level FROM permissions WHERE scope_id = ?').all(scopeId) as { principal_id: string; level: PermissionLevel }[]).map(
    (r) => ({ principalId: r.principal_id, level: r.level }),
  );
}

export function hasUniqueGrants(db: Db, scopeId: string): boolean {
  return db.prepare('SELECT 1 FROM permissions WHERE scope_id = ? LIMIT 1').get(scopeId) !== undefined;
}

/**
 * Application permissions on a site (Sites.Selected grants): `POST /sites/{id}/permissions` with
 * `roles` and `grantedToIdentities[].application`. One row per permission id.
 */
export interface SiteAppGrant {
  id: string;
  siteId: string;
  appId: string;
  displayName: string;
  roles: string[];
}

export function ensureSiteAppGrantsSchema(db: Db): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS site_app_grants (
      id TEXT PRIMARY KEY,
      site_id TEXT NOT NULL,
      app_id TEXT NOT NULL,
      display_name TEXT NOT NULL,
      roles TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS site_app_grants_site ON site_app_grants(site_id);
  `);
}

interface GrantRow { id: string; site_id: string; app_id: string; display_name: string; roles: string }
const grantFromRow = (r: GrantRow): SiteAppGrant => ({ id: r.id, siteId: r.site_id, appId: r.app_id, displayName: r.display_name, roles: JSON.parse(r.roles) as string[] });

export function siteAppGrants(db: Db, siteId: string): SiteAppGrant[] {
  return (cachedStatement(db, 'SELECT * FROM site_app_grants WHERE site_id = ? ORDER BY rowid').all(siteId) as GrantRow[]).map(grantFromRow);
}

export function putSiteAppGrant(db: Db, g: SiteAppGrant): void {
  db.prepare(
    'INSERT INTO site_app_grants(id, site_id, app_id, display_name, roles) VALUES(?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET roles = excluded.roles, display_name = excluded.display_name',
  ).run(g.id, g.siteId, g.appId, g.displayName, JSON.stringify(g.roles));
}

export function deleteSiteAppGrant(db: Db, siteId: string, id: string): boolean {
  return db.prepare('DELETE FROM site_app_grants WHERE site_id = ? AND id = ?').run(siteId, id).changes > 0;
}
