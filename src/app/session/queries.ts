import { queryOptions } from '@tanstack/react-query';
import type { GraphClient } from '../../../graph/core/client.js';
import { getMe } from '../../../graph/directory/me.js';
import { getMyGroups } from '../../../graph/directory/groups.js';
import { getSiteByUrl } from '../../../graph/sites/sites.js';
import { rolesFromGroupNames } from '../../domain/roles.js';
import { takeFromSessionStart } from './sessionStart.js';

/**
 * Queries of the signed-in session (keys mirror the Graph paths). The QueryClient is per session,
 * so keys need not carry the user. The first read of each of the three shares one `$batch` with
 * the other two (./sessionStart.ts); later reads go to Graph on their own.
 */

/** `GET /me`: the signed-in user's profile. */
export const meQuery = (client: GraphClient) =>
  queryOptions({
    queryKey: ['me'],
    queryFn: ({ signal }) => takeFromSessionStart(client, 'me') ?? getMe(client, signal),
    staleTime: 15 * 60_000,
  });

/** `GET /me/memberOf`, turned into SMS roles (src/domain/roles.ts). Membership changes rarely. */
export const myRolesQuery = (client: GraphClient) =>
  queryOptions({
    queryKey: ['me', 'memberOf'],
    queryFn: async ({ signal }) => {
      const groups = await (takeFromSessionStart(client, 'groups') ?? getMyGroups(client, signal));
      return rolesFromGroupNames(groups.map((g) => g.displayName ?? ''));
    },
    staleTime: 15 * 60_000,
  });

/** `GET /sites/{hostname}:/{path}`: the SMS site id, resolved once and cached for the whole session. */
export const smsSiteQuery = (client: GraphClient, siteUrl: string) =>
  queryOptions({
    queryKey: ['sites', siteUrl],
    queryFn: async ({ signal }) => {
      const site = await (takeFromSessionStart(client, 'site', siteUrl) ?? getSiteByUrl(client, siteUrl, signal));
      if (!site.id) throw new Error(`Graph returned no id for ${siteUrl}`);
      return { id: site.id, webUrl: site.webUrl ?? siteUrl };
    },
    staleTime: Infinity,
    gcTime: Infinity,
  });
