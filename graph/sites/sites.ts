import type { Site } from '@microsoft/microsoft-graph-types';
import type { GraphClient } from '../core/client.js';
import { graphRequest, seg } from '../core/request.js';

/**
 * Turns a SharePoint site URL into Graph's path-based site address:
 * `https://contoso.sharepoint.com/sites/x` → `/sites/contoso.sharepoint.com:/sites/x`
 * (the root site `https://contoso.sharepoint.com/` → `/sites/contoso.sharepoint.com`).
 * Each path segment is percent-encoded.
 */
export function sitePathFromUrl(siteUrl: string): string {
  const url = new URL(siteUrl);
  if (url.protocol !== 'https:') throw new Error(`A SharePoint site URL must use https: ${siteUrl}`);
  const segments = url.pathname.split('/').filter(Boolean).map((s) => encodeURIComponent(decodeURIComponent(s)));
  return segments.length ? `/sites/${url.hostname}:/${segments.join('/')}` : `/sites/${url.hostname}`;
}

/**
 * Gets a site by its URL (`GET /sites/{hostname}:/{server-relative-path}`).
 *
 * Minimum delegated scope: `Sites.Read.All`.
 * Microsoft Learn: https://learn.microsoft.com/graph/api/site-getbypath
 */
export async function getSiteByUrl(client: GraphClient, siteUrl: string, signal?: AbortSignal): Promise<Site> {
  return (await graphRequest<Site>(client, { path: sitePathFromUrl(siteUrl), signal })).body;
}

/**
 * Gets a site by id (`GET /sites/{site-id}`; the id is `{hostname},{site-collection-id},{web-id}`).
 *
 * Minimum delegated scope: `Sites.Read.All`.
 * Microsoft Learn: https://learn.microsoft.com/graph/api/site-get
 */
export async function getSite(client: GraphClient, siteId: string, signal?: AbortSignal): Promise<Site> {
  return (await graphRequest<Site>(client, { path: `/sites/${seg(siteId)}`, signal })).body;
}

/**
 * Gets the team site of a Microsoft 365 group (`GET /groups/{group-id}/sites/root`).
 *
 * Minimum delegated scope: `Sites.Read.All`.
 * Microsoft Learn: https://learn.microsoft.com/graph/api/site-get
 */
export async function getGroupSite(client: GraphClient, groupId: string, signal?: AbortSignal): Promise<Site> {
  return (await graphRequest<Site>(client, { path: `/groups/${seg(groupId)}/sites/root`, signal })).body;
}
