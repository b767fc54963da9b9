/**
 * TanStack Query options of the Actions area. Keys mirror the Graph paths
 * (`sites/{site-id}/lists/Actions/items`); everything over the Actions list sits under
 * `actionsListKey`, so a step on one action (or a sync that changed something) refreshes every list
 * of actions on screen. The QueryClient is per session, so keys need not carry the user.
 */
import { queryOptions } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';
import type { GraphClient } from '../../../graph/core/client.js';
import { actions as actionsSchema, type ActionSourceType } from '../../../graph/schema/actions.js';
import { loadActionByRef, loadActionsOfSource, loadMyActions, loadOwnedActions } from '../../platform/actions/read.js';
import { syncActions, type SyncScope } from '../../platform/actions/sync.js';
import type { ActionsContext } from '../../platform/actions/types.js';
import { loadPeopleDirectory } from '../../platform/people.js';
import { loadSmsSite } from '../../platform/site.js';

/** The SMS site with its list ids and Microsoft 365 group (the group holds the plan "SMS Actions"); once per session. */
export const actionsSiteQuery = (client: GraphClient, siteId: string, webUrl: string) =>
  queryOptions({
    queryKey: ['sites', siteId, 'actions', 'site'],
    queryFn: ({ signal }) => loadSmsSite(client, siteId, webUrl, signal),
    staleTime: Infinity,
  });

/** Users with their site lookup ids, roles and owned processes (assignees of actions). */
export const actionsPeopleQuery = (client: GraphClient, siteId: string) =>
  queryOptions({
    queryKey: ['sites', siteId, 'actions', 'people'],
    queryFn: ({ signal }) => loadPeopleDirectory(client, siteId, signal),
    staleTime: 15 * 60_000,
  });

/** Every query over the `Actions` list of a site. */
export const actionsListKey = (siteId: string) => ['sites', siteId, 'lists', actionsSchema.displayName] as const;

/** Home's counts (src/features/home/queries.ts keys them under the site's `home`): "My open actions". */
const homeKey = (siteId: string) => ['sites', siteId, 'home'] as const;

/** The open actions assigned to `upn`, from every source, overdue first (one indexed read: AssignedToUPN). */
export const myActionsQuery = (ctx: ActionsContext, upn: string) =>
  queryOptions({
    queryKey: [...actionsListKey(ctx.site.siteId), 'items', 'assignee', upn.toLowerCase(), ctx.today],
    queryFn: ({ signal }) => loadMyActions({ ...ctx, signal }, upn),
  });

/** The actions a source owner is accountable for (a process owner's view). */
export const ownedActionsQuery = (ctx: ActionsContext, ownerLookupId: string) =>
  queryOptions({
    queryKey: [...actionsListKey(ctx.site.siteId), 'items', 'accountable', ownerLookupId, ctx.today],
    queryFn: ({ signal }) => loadOwnedActions({ ...ctx, signal }, ownerLookupId),
  });

/** One action by its reference (`ACT-0142`), or null when there is none. */
export const actionQuery = (ctx: ActionsContext, ref: string) =>
  queryOptions({
    queryKey: [...actionsListKey(ctx.site.siteId), 'items', 'ref', ref, ctx.today],
    queryFn: ({ signal }) => loadActionByRef({ ...ctx, signal }, ref),
  });

/** The actions raised from one record (SourceType + SourceItemId). */
export const sourceActionsQuery = (ctx: ActionsContext, sourceType: ActionSourceType, sourceItemId: number) =>
  queryOptions({
    queryKey: [...actionsListKey(ctx.site.siteId), 'items', 'source', sourceType, sourceItemId, ctx.today],
    queryFn: ({ signal }) => loadActionsOfSource({ ...ctx, signal }, sourceType, sourceItemId),
  });

/**
 * A sync with Planner of `scope` (src/platform/actions `syncActions`): runs each time a screen that shows the
 * scope opens (nothing is kept once it closes) and when asked again ("Sync with Planner"); never on focus or
 * reconnect, never retried on its own. Its answer is what changed.
 */
export const syncQuery = (ctx: ActionsContext, scope: SyncScope) =>
  queryOptions({
    queryKey: [...actionsListKey(ctx.site.siteId), 'sync', scope],
    queryFn: ({ signal }) => syncActions({ ...ctx, signal }, scope),
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });

/**
 * After a step on an action (or a sync that changed something): every list of actions is read again, and
 * Home's "My open actions" count with them. The sync queries themselves are left alone.
 */
export async function refreshActions(qc: QueryClient, siteId: string): Promise<void> {
  await Promise.all([
    qc.invalidateQueries({ queryKey: [...actionsListKey(siteId), 'items'] }),
    qc.invalidateQueries({ queryKey: homeKey(siteId) }),
    // The source records (a nonconformity the sync moved to "Effectiveness check") are read again too.
    qc.invalidateQueries({ queryKey: ['sites', siteId, 'lists'], predicate: (q) => q.queryKey[3] !== actionsSchema.displayName }),
  ]);
}
