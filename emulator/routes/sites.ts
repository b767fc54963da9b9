import type { Emu } from '../emu.js';
import { ok, type Ctx } from '../core/router.js';
import { GraphHttpError, notFound } from '../core/errors.js';
import { applySelect, parseSelect, q } from '../core/odata.js';
import { SCOPES } from '../core/scopes.js';
import { recordSiteVisit } from '../services/userInfoList.js';
import { findSite, findSiteByPath, findGroupSite, allSites, type SiteRow } from '../services/siteStore.js';
import { findGroup } from '../services/directory.js';
import { effectiveLevel, requireLevel } from '../services/permissions.js';

/**
 * SharePoint sites: the tenant root, a site by server-relative path, by id (the
 * `hostname,siteGuid,webGuid` triple or the site GUID alone), a Microsoft 365 group's team site,
 * and keyword search. Reading a site needs at least Read on it (403 `accessDenied`).
 */
const DOC = {
  get: 'https://learn.microsoft.com/graph/api/site-get',
  search: 'https://learn.microsoft.com/graph/api/site-search',
} as const;
const OPTS = { scopes: SCOPES.sitesRead, scopeErrorCode: 'accessDenied' } as const;

const siteNotFound = () => notFound('Requested site could not be found', 'itemNotFound');

function rootSite(ctx: Ctx): SiteRow {
  const root = findSiteByPath(ctx.emu.db, '/');
  if (!root) throw siteNotFound();
  return root;
}

/** Returns the site as Graph does (`@odata.context`, `$select`) after checking the caller can read it. */
function siteResult(ctx: Ctx, row: SiteRow) {
  requireLevel(ctx.emu.db, ctx.principal.userId, 'read', row.id);
  // Opening a site puts the caller into its User Information List (services/userInfoList.ts).
  recordSiteVisit(ctx.emu.db, row.id, ctx.principal.userId);
  const select = parseSelect(q(ctx.query, 'select'));
  return ok({ '@odata.context': `${ctx.baseUrl}/$metadata#sites/$entity`, ...applySelect(row.site as unknown as Record<string, unknown>, select) });
}

function byPath(ctx: Ctx): SiteRow {
  const host = ctx.params.hostname!;
  if (host.toLowerCase() !== ctx.emu.hostname.toLowerCase()) throw siteNotFound();
  const row = findSiteByPath(ctx.emu.db, ctx.params.path!);
  if (!row) throw siteNotFound();
  return row;
}

/** Keyword match over the properties a site search looks at; `*` matches every site. */
function matchesSearch(row: SiteRow, query: string): boolean {
  const words = query.trim().toLowerCase().split(/\s+/).filter((w) => w && w !== '*');
  if (words.length === 0) return true;
  const hay = [row.site.displayName, row.site.name, row.site.description, row.site.webUrl].filter(Boolean).join(' ').toLowerCase();
  return words.every((w) => hay.includes(w));
}

export function register(emu: Emu): void {
  const r = emu.router;

  /** GET /sites/root: the tenant's root site. */
  r.get('/sites/root', (ctx) => siteResult(ctx, rootSite(ctx)), { ...OPTS, doc: DOC.get });

  /** GET /sites?search={query}: sites the caller can read whose name, title, description or URL match. */
  r.get(
    '/sites',
    (ctx) => {
      const search = ctx.query.get('search') ?? ctx.query.get('$search') ?? '*';
      const select = parseSelect(q(ctx.query, 'select'));
      const value = allSites(ctx.emu.db)
        .filter((row) => matchesSearch(row, search.replace(/^"|"$/g, '')))
        .filter((row) => effectiveLevel(ctx.emu.db, ctx.principal.userId, row.id) !== 'none')
        .map((row) => applySelect(row.site as unknown as Record<string, unknown>, select));
      return ok({ '@odata.context': `${ctx.baseUrl}/$metadata#sites`, value });
    },
    { ...OPTS, doc: DOC.search },
  );

  /** GET /sites/{hostname}:/{server-relative-path}: and the same without the trailing colon. */
  r.get('/sites/{hostname}:/{path*}:', (ctx) => siteResult(ctx, byPath(ctx)), { ...OPTS, doc: DOC.get });
  r.get('/sites/{hostname}:/{path*}', (ctx) => siteResult(ctx, byPath(ctx)), { ...OPTS, doc: DOC.get });

  /** GET /sites/{site-id}: the id triple, the site GUID alone, or the hostname (the root site). */
  r.get(
    '/sites/{siteId}',
    (ctx) => {
      // `/sites/{hostname}` and `/sites/{hostname}:/` (server-relative path "/") both address the root site.
      const id = ctx.params.siteId!.replace(/:$/, '');
      if (id.toLowerCase() === ctx.emu.hostname.toLowerCase()) return siteResult(ctx, rootSite(ctx));
      const row = findSite(ctx.emu.db, id);
      if (!row) throw siteNotFound();
      return siteResult(ctx, row);
    },
    { ...OPTS, doc: DOC.get },
  );

  /** GET /groups/{group-id}/sites/root: the team site of a Microsoft 365 group. */
  r.get(
    '/groups/{groupId}/sites/root',
    (ctx) => {
      const group = findGroup(ctx.emu.db, ctx.params.groupId!);
      if (!group) {
        throw new GraphHttpError(
          404,
          'Request_ResourceNotFound',
          `Resource '${ctx.params.groupId}' does not exist or one of its queried reference-property objects are not present.`,
        );
      }
      const row = findGroupSite(ctx.emu.db, group.id);
      if (!row) throw siteNotFound();
      return siteResult(ctx, row);
    },
    { ...OPTS, doc: DOC.get },
  );
}
