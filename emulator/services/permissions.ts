import type { Db } from '../store/db.js';
import { groupIdsOf } from './directory.js';
import { grantsOn, hasUniqueGrants } from './permissionStore.js';
import { accessDenied } from '../core/errors.js';

/**
 * SharePoint-style permissions. A site grants a permission level to groups or users; a list
 * either inherits the site's grants or has unique grants of its own (as when a SharePoint
 * list "stops inheriting permissions"). Levels are ordered.
 * Levels follow SharePoint's defaults: Read < Contribute (add/edit/delete items)
 * < Edit (also manage lists) < Full Control.
 * Grants are stored by services/permissionStore.ts.
 */
export type PermissionLevel = 'none' | 'read' | 'contribute' | 'edit' | 'fullControl';
const ORDER: PermissionLevel[] = ['none', 'read', 'contribute', 'edit', 'fullControl'];

export const atLeast = (have: PermissionLevel, need: PermissionLevel): boolean => ORDER.indexOf(have) >= ORDER.indexOf(need);

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
