import type { Db } from '../store/db.js';
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
