import type { Emu } from '../emu.js';
import { created, noContent, ok, type Ctx } from '../core/router.js';
import { badRequest, notFound } from '../core/errors.js';
import { base64url } from '../core/ids.js';
import { SCOPES } from '../core/scopes.js';
import { findSite, type SiteRow } from '../services/siteStore.js';
import { requireLevel } from '../services/permissions.js';
import { deleteSiteAppGrant, putSiteAppGrant, siteAppGrants, type SiteAppGrant } from '../services/permissionStore.js';
import { findApp } from '../services/appRegistrationStore.js';

/**
 * Application permissions on a site: how an administrator gives an app holding `Sites.Selected` access
 * to one site (services/permissions.ts enforces them).
 * - `POST /sites/{id}/permissions` with `roles` and `grantedToIdentities: [{ application: { id, displayName } }]`:
 *   201 and the permission. Only application permissions can be created this way ("you can't use it to
 *   create a new user site permission"); needs Sites.FullControl.All, and in delegated flows a SharePoint
 *   administrator (here: a user with Full Control on the site, the emulator has no admin roles).
 *   https://learn.microsoft.com/graph/api/site-post-permissions
 * - `GET /sites/{id}/permissions`, `GET|PATCH|DELETE /sites/{id}/permissions/{permissionId}`:
 *   https://learn.microsoft.com/graph/api/site-list-permissions ,
 *   https://learn.microsoft.com/graph/api/site-update-permission , https://learn.microsoft.com/graph/api/site-delete-permission
 * Permission ids are the base64 of the app's SharePoint claim `i:0i.t|ms.sp.ext|{appId}@{tenantId}`, as on
 * Learn's examples ("aTowaS50fG1zLnNwLmV4dHw..."). Roles: `read` and `write` on create; `manage` and `fullcontrol` are set afterwards with PATCH, as the
 * PnP grant scripts do (pnp.github.io/script-samples, spo-grant-app-site-permission: "Grant ... Write, then Set ... Manage/FullControl").
 */
const OPTS = { scopes: SCOPES.sitePermissions, scopeErrorCode: 'accessDenied' } as const;
const CREATE_ROLES = new Set(['read', 'write']);
const UPDATE_ROLES = new Set(['read', 'write', 'manage', 'fullcontrol']);

function siteOf(ctx: Ctx): SiteRow {
  const row = findSite(ctx.emu.db, ctx.params.siteId!);
  if (!row) throw notFound('Requested site could not be found', 'itemNotFound');
  // A delegated caller must administer the site; an app-only caller needs only Sites.FullControl.All (checked on the route).
  if (ctx.principal.kind !== 'app') requireLevel(ctx.emu.db, ctx.principal.userId, 'fullControl', row.id);
  return row;
}

function present(ctx: Ctx, site: SiteRow, g: SiteAppGrant): Record<string, unknown> {
  const identity = { application: { id: g.appId, displayName: g.displayName } };
  return {
    '@odata.context': `${ctx.baseUrl}/$metadata#sites('${site.id}')/permissions/$entity`,
    id: g.id,
    roles: g.roles,
    grantedToIdentities: [identity],
    grantedToIdentitiesV2: [identity],
  };
}

function rolesOf(body: Record<string, unknown>, allowed: ReadonlySet<string>): string[] {
  const roles = body.roles;
  if (!Array.isArray(roles) || roles.length === 0 || !roles.every((r) => typeof r === 'string' && allowed.has(r.toLowerCase()))) {
    throw badRequest(`"roles" must list one or more of: ${[...allowed].join(', ')}.`, 'invalidRequest');
  }
  return (roles as string[]).map((r) => r.toLowerCase());
}

function grantOf(ctx: Ctx, site: SiteRow): SiteAppGrant {
  const g = siteAppGrants(ctx.emu.db, site.id).find((x) => x.id === ctx.params.permissionId);
  if (!g) throw notFound('The requested permission was not found.', 'itemNotFound');
  return g;
}

export function register(emu: Emu): void {
  const r = emu.router;

  r.get('/sites/{siteId}/permissions', (ctx) => {
    const site = siteOf(ctx);
    const value = siteAppGrants(ctx.emu.db, site.id).map((g) => {
      const { '@odata.context': _context, ...rest } = present(ctx, site, g);
      return rest;
    });
    return ok({ '@odata.context': `${ctx.baseUrl}/$metadata#sites('${site.id}')/permissions`, value });
  }, { ...OPTS, doc: 'https://learn.microsoft.com/graph/api/site-list-permissions' });

  r.post('/sites/{siteId}/permissions', async (ctx) => {
    const site = siteOf(ctx);
    const body = await ctx.json<Record<string, unknown>>();
    const roles = rolesOf(body, CREATE_ROLES);
    const identities = body.grantedToIdentities ?? (body.grantedTo ? [body.grantedTo] : undefined);
    const app = Array.isArray(identities) && identities.length === 1 ? (identities[0] as { application?: { id?: unknown; displayName?: unknown } }).application : undefined;
    if (!app || typeof app.id !== 'string') {
      throw badRequest('Only application permissions can be created: "grantedToIdentities" must hold one { "application": { "id", "displayName" } }.', 'invalidRequest');
    }
    const registered = findApp(ctx.emu.db, app.id);
    const displayName = typeof app.displayName === 'string' ? app.displayName : registered?.displayName ?? app.id;
    const existing = siteAppGrants(ctx.emu.db, site.id).find((g) => g.appId.toLowerCase() === app.id!.toString().toLowerCase());
    const grant: SiteAppGrant = { id: existing?.id ?? base64url(`i:0i.t|ms.sp.ext|${app.id}@${ctx.emu.tenantId}`), siteId: site.id, appId: app.id, displayName, roles };
    putSiteAppGrant(ctx.emu.db, grant);
    return created(present(ctx, site, grant));
  }, { ...OPTS, doc: 'https://learn.microsoft.com/graph/api/site-post-permissions' });

  r.get('/sites/{siteId}/permissions/{permissionId}', (ctx) => {
    const site = siteOf(ctx);
    return ok(present(ctx, site, grantOf(ctx, site)));
  }, { ...OPTS, doc: 'https://learn.microsoft.com/graph/api/site-get-permission' });

  r.patch('/sites/{siteId}/permissions/{permissionId}', async (ctx) => {
    const site = siteOf(ctx);
    const grant = { ...grantOf(ctx, site), roles: rolesOf(await ctx.json<Record<string, unknown>>(), UPDATE_ROLES) };
    putSiteAppGrant(ctx.emu.db, grant);
    return ok(present(ctx, site, grant));
  }, { ...OPTS, doc: 'https://learn.microsoft.com/graph/api/site-update-permission' });

  r.delete('/sites/{siteId}/permissions/{permissionId}', (ctx) => {
    const site = siteOf(ctx);
    if (!deleteSiteAppGrant(ctx.emu.db, site.id, ctx.params.permissionId!)) throw notFound('The requested permission was not found.', 'itemNotFound');
    return noContent();
  }, { ...OPTS, doc: 'https://learn.microsoft.com/graph/api/site-delete-permission' });
}
