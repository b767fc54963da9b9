import type { Db } from '../store/db.js';
import { groupIdsOf } from './directory.js';
import { accessDenied } from '../core/errors.js';

/**
 * SharePoint-style permissions. A site grants a permission level to groups or users; a list
 * either inherits the site's grants or has unique grants of its own (as when a SharePoint
 * list "stops inheriting permissions"). Levels are ordered.
 * Levels follow SharePoint's defaults: Read < Contribute (add/edit/delete items)
 * < Edit (also manage lists) < Full Control.
 */
export type PermissionLevel = 'none' | 'read' | 'contribute' | 'edit' | 'fullControl';
const ORDER: PermissionLevel[] = ['none', 'read', 'contribute', 'edit', 'fullControl'];

export const atLeast = (have: PermissionLevel, need: PermissionLevel): boolean => ORDER.indexOf(have) >= ORDER.indexOf(need);

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

/** The highest level the user holds on the list (or on the site when no list is given). */
export function effectiveLevel(db: Db, userId: string, siteId: string, listId?: string): PermissionLevel {
  const scope = listId && hasUniqueGrants(db, listId) ? listId : siteId;
  const principals = new Set([userId, ...groupIdsOf(db, userId)]);
  let best: PermissionLevel = 'none';
  for (const g of grantsOn(db, scope)) {
    if (principals.has(g.principalId) && ORDER.indexOf(g.level) > ORDER.indexOf(best)) best = g.level;
  }
  return best;
}

/** Throws Graph's 403 `accessDenied` unless the user holds `need`; returns the level held. */
export function requireLevel(db: Db, userId: string, need: PermissionLevel, siteId: string, listId?: string): PermissionLevel {
  const have = effectiveLevel(db, userId, siteId, listId);
  if (!atLeast(have, need)) throw accessDenied('Access denied. You do not have permission to perform this action or access this resource.');
  return have;
}
