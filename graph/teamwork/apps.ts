import type { TeamsApp, TeamsAppDefinition } from '@microsoft/microsoft-graph-types';
import type { GraphClient } from '../core/client.js';
import { f, renderFilter } from '../core/filter.js';
import { getAll } from '../core/paging.js';
import { graphRequest, seg } from '../core/request.js';

/** An app installed in a user's personal scope, with its catalog app and definition. */
export interface InstalledApp {
  id: string;
  teamsApp?: Pick<TeamsApp, 'id' | 'externalId' | 'displayName' | 'distributionMethod'>;
  teamsAppDefinition?: Pick<TeamsAppDefinition, 'id' | 'teamsAppId' | 'displayName' | 'version'> & { azureADAppId?: string | null };
}

/**
 * The apps installed in a user's personal scope (`GET /users/{id}/teamwork/installedApps?$expand=teamsApp,teamsAppDefinition`),
 * only those whose manifest id is `externalId` when it is given. Delegated tokens read the signed-in user's own
 * installations only.
 *
 * Minimum scope: delegated `TeamsAppInstallation.ReadForUser`; application `TeamsAppInstallation.ReadForUser.All`.
 * Microsoft Learn: https://learn.microsoft.com/graph/api/userteamwork-list-installedapps
 */
export async function listInstalledApps(client: GraphClient, userIdOrUpn: string, opts: { externalId?: string; signal?: AbortSignal } = {}): Promise<InstalledApp[]> {
  return getAll<InstalledApp>(client, `/users/${seg(userIdOrUpn)}/teamwork/installedApps`, {
    query: {
      $expand: 'teamsApp,teamsAppDefinition',
      $filter: opts.externalId ? renderFilter(f.eq('teamsApp/externalId', opts.externalId)) : undefined,
    },
    signal: opts.signal,
  });
}

/**
 * The app of the organization's catalog whose manifest id is `externalId` (`GET /appCatalogs/teamsApps?$filter=externalId eq '…'`),
 * or null. Its `id` (not the manifest id) is what installing needs.
 *
 * Minimum scope: delegated `AppCatalog.Read.All`. (Not available in Microsoft Graph China operated by 21Vianet.)
 * Microsoft Learn: https://learn.microsoft.com/graph/api/appcatalogs-list-teamsapps
 */
export async function findCatalogApp(client: GraphClient, externalId: string, signal?: AbortSignal): Promise<Pick<TeamsApp, 'id' | 'externalId' | 'displayName' | 'distributionMethod'> | null> {
  const { body } = await graphRequest<{ value?: TeamsApp[] }>(client, {
    path: '/appCatalogs/teamsApps',
    query: { $filter: renderFilter(f.eq('externalId', externalId)) },
    signal,
  });
  return body?.value?.[0] ?? null;
}

/**
 * Installs a catalog app in a user's personal scope (`POST /users/{id}/teamwork/installedApps`, 201 with no body).
 * Graph answers 409 Conflict when it is already installed. A delegated caller installs for themselves only.
 *
 * Minimum scope: delegated `TeamsAppInstallation.ReadWriteSelfForUser` (the app installing itself);
 * application `TeamsAppInstallation.ReadWriteSelfForUser.All`.
 * Microsoft Learn: https://learn.microsoft.com/graph/api/userteamwork-post-installedapps
 */
export async function installAppForUser(client: GraphClient, userIdOrUpn: string, catalogAppId: string, signal?: AbortSignal): Promise<void> {
  await graphRequest(client, {
    method: 'POST',
    path: `/users/${seg(userIdOrUpn)}/teamwork/installedApps`,
    body: { 'teamsApp@odata.bind': `https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/${seg(catalogAppId)}` },
    responseType: 'none',
    signal,
  });
}
