import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { GraphClient } from '../../../graph/core/client.js';
import { DOCUMENTS_LIST, fetchProcesses, fetchRegisterPage, fetchSiteUsers, type RegisterPage, type RegisterParams } from './register/registerQuery.js';

/**
 * TanStack Query options of the Documents area. Keys mirror the Graph paths
 * (`sites/{site-id}/lists/{list}/items`) plus what shapes the request; the QueryClient is per
 * session, so keys need not carry the user.
 */

/**
 * The document register, one "load" per page (see `fetchRegisterPage`); "Load more" follows the
 * last `@odata.nextLink`. Changing a filter, the sort or a DocId search is a new key (a new first
 * page); a title search is applied to the loaded rows and is not part of the key.
 */
export const documentRegisterQuery = (client: GraphClient, siteId: string, params: RegisterParams) =>
  infiniteQueryOptions({
    queryKey: ['sites', siteId, 'lists', DOCUMENTS_LIST, 'items', 'register', params],
    queryFn: ({ pageParam, signal }): Promise<RegisterPage> => fetchRegisterPage(client, siteId, params, { nextLink: pageParam, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextLink,
    staleTime: 60_000,
  });

/** The SMS site's users (owner names and the owner filter); they change rarely. */
export const siteUsersQuery = (client: GraphClient, siteId: string) =>
  queryOptions({
    queryKey: ['sites', siteId, 'lists', 'User Information List', 'items'],
    queryFn: ({ signal }) => fetchSiteUsers(client, siteId, signal),
    staleTime: 15 * 60_000,
  });

/** The SMS processes (process names and the process filter). */
export const processesQuery = (client: GraphClient, siteId: string) =>
  queryOptions({
    queryKey: ['sites', siteId, 'lists', 'Processes', 'items'],
    queryFn: ({ signal }) => fetchProcesses(client, siteId, signal),
    staleTime: 15 * 60_000,
  });
