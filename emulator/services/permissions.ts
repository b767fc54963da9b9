import type { Db } from '../store/db.js';
import { transitiveGroupIdsOf } from './directory.js';
import { grantsOn, hasUniqueGrants, siteAppGrants } from './permissionStore.js';
import { accessDenied } from '../core/errors.js';
import { requestCaller } from '../core/auth.js';
import type { Principal } from '../core/router.js';

/**
 * SharePoint-style permissions. A site grants a permission level to groups or users; a list
 * either inherits the site's grants or has unique grants of its own (as when a SharePoint
 * list "stops inheriting permissions"). Levels are ordered.
 * Levels follow SharePoint's defaults: Read < Contribute (add/edit/delete items)
 * < Edit (also manage lists) < Full Control, plus one custom level, `add` ("Add only"), between Read and
 * Contribute: an administrator can create a permission level with only the list permissions "View Items"
 * and "Add Items" (and their dependencies), without "Edit Items" and "Delete Items"; a user holding it can
 * create list items but never change or delete one, not even their own.
 * The individual permissions a level is made of: ViewListItems, AddListItems ("Add items to lists"),
 * EditListItems, DeleteListItems (https://learn.microsoft.com/previous-versions/office/sharepoint-server/ee536458(v=office.15) ,
 * PermissionKind); the default levels: https://learn.microsoft.com/sharepoint/understanding-permission-levels .
 * A group grant reaches the members of the group and of the groups nested in it: SharePoint resolves
 * security-group membership through nested groups (checkMemberGroups is transitive,
 * https://learn.microsoft.com/graph/api/directoryobject-checkmembergroups).
 * Grants are stored by services/permissionStore.ts.
 *
 * Applications. An app-only token with a tenant-wide permission (Sites.Read.All ... Sites.FullControl.All)
 * reaches every site at that level, whatever the site grants to users. With Sites.Selected an app (app-only,
 * or delegated: then never more than the user holds) reaches only the sites that granted it a role through
 * `POST /sites/{id}/permissions`: read, write, manage (lists and columns) or fullcontrol; any other site
 * answers 403 as if the app had no permission.
 * https://learn.microsoft.com/graph/permissions-selected-overview ,
 * https://learn.microsoft.com/graph/api/site-post-permissions
 */
export type PermissionLevel = 'none' | 'read' | 'add' | 'contribute' | 'edit' | 'fullControl';
const ORDER: PermissionLevel[] = ['none', 'read', 'add', 'contribute', 'edit', 'fullControl'];

export const atLeast = (have: PermissionLevel, need: PermissionLevel): boolean => ORDER.indexOf(have) >= ORDER.indexOf(need);

const higher = (a: PermissionLevel, b: PermissionLevel): PermissionLevel => (ORDER.indexOf(a) >= ORDER.indexOf(b) ? a : b);
const lower = (a: PermissionLevel, b: PermissionLevel): PermissionLevel => (ORDER.indexOf(a) <= ORDER.indexOf(b) ? a : b);

/** Roles of a Sites.Selected grant as SharePoint levels. */
const SITE_ROLE_LEVEL: Record<string, PermissionLevel> = { read: 'read', write: 'contribute', manage: 'edit', fullcontrol: 'fullControl', owner: 'fullControl' };
/** Tenant-wide application permissions of an app-only token as SharePoint levels. */
const APP_ROLE_LEVEL: [string, PermissionLevel][] = [
  ['Sites.FullControl.All', 'fullControl'],
  ['Sites.Manage.All', 'edit'],
  ['Sites.ReadWrite.All', 'contribute'],
  ['Files.ReadWrite.All', 'contribute'],
  ['Sites.Read.All', 'read'],
  ['Files.Read.All', 'read'],
];
/** Delegated scopes that reach every site the user can reach (no Sites.Selected restriction). */
const TENANT_WIDE_DELEGATED = ['Sites.Read.All', 'Sites.ReadWrite.All', 'Sites.Manage.All', 'Sites.FullControl.All', 'Files.Read.All', 'Files.ReadWrite.All'];

/** The level a Sites.Selected grant gives `appId` on the site. */
export function selectedLevel(db: Db, appId: string, siteId: string): PermissionLevel {
  let best: PermissionLevel = 'none';
  for (const g of siteAppGrants(db, siteId)) {
    if (g.appId.toLowerCase() !== appId.toLowerCase()) continue;
    for (const role of g.roles) best = higher(best, SITE_ROLE_LEVEL[role.toLowerCase()] ?? 'none');
  }
  return best;
}

/** The level of an app-only caller on a site: its tenant-wide roles, or its Sites.Selected grant. */
function appLevel(db: Db, caller: Principal, siteId: string): PermissionLevel {
  let best: PermissionLevel = 'none';
  for (const [role, level] of APP_ROLE_LEVEL) if (caller.roles?.has(role)) best = higher(best, level);
  if (caller.roles?.has('Sites.Selected') && caller.app) best = higher(best, selectedLevel(db, caller.app.id, siteId));
  return best;
}

/**
 * The highest level the caller holds on the list (or on the site when no list is given). `userId` is
 * the signed-in user, or the application id of an app-only token (the request's token tells which).
 */
export function effectiveLevel(db: Db, userId: string, siteId: string, listId?: string): PermissionLevel {
  const caller = requestCaller.getStore();
  if (caller?.userId === userId && caller.kind === 'app') return appLevel(db, caller, siteId);
  const held = userLevel(db, userId, siteId, listId);
  const selectedOnly = caller?.userId === userId && caller.scopes.has('Sites.Selected') && !TENANT_WIDE_DELEGATED.some((s) => caller.scopes.has(s));
  return selectedOnly && caller.app ? lower(held, selectedLevel(db, caller.app.id, siteId)) : held;
}

function userLevel(db: Db, userId: string, siteId: string, listId?: string): PermissionLevel {
  const scope = listId && hasUniqueGrants(db, listId) ? listId : siteId;
  const principals = new Set([userId, ...transitiveGroupIdsOf(db, userId)]);
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
