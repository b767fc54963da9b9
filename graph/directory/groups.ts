import type { Group } from '@microsoft/microsoft-graph-types';
import type { GraphClient } from '../core/client.js';
import { f, renderFilter } from '../core/filter.js';
import { getAll } from '../core/paging.js';
import { graphRequest, seg } from '../core/request.js';

/** A group as `getMyGroups` returns it (`$select=id,displayName`). */
export type GroupRef = Pick<Group, 'id' | 'displayName'> & { '@odata.type'?: string };

/**
 * The groups the signed-in user is a direct member of (`GET /me/memberOf`, all pages), keeping
 * only groups (memberOf also returns directory roles and administrative units).
 *
 * Minimum delegated scope: `User.Read`.
 * Microsoft Learn: https://learn.microsoft.com/graph/api/user-list-memberof
 */
export async function getMyGroups(client: GraphClient, signal?: AbortSignal): Promise<GroupRef[]> {
  return onlyGroups(await getAll<GroupRef>(client, '/me/memberOf', { query: MY_GROUPS_QUERY, signal }));
}

/**
 * The groups another user is a direct member of (`GET /users/{id | userPrincipalName}/memberOf`, all pages), keeping
 * only groups; for the signed-in user prefer `getMyGroups`, which needs only `User.Read`.
 *
 * Minimum delegated scope: `GroupMember.Read.All` (another user's memberships); `User.Read` for one's own.
 * Microsoft Learn: https://learn.microsoft.com/graph/api/user-list-memberof
 */
export async function getUserGroups(client: GraphClient, userIdOrUpn: string, signal?: AbortSignal): Promise<GroupRef[]> {
  return onlyGroups(await getAll<GroupRef>(client, `/users/${seg(userIdOrUpn)}/memberOf`, { query: MY_GROUPS_QUERY, signal }));
}

/** The query `getMyGroups` sends with `/me/memberOf` (also used where memberOf travels in a `$batch`). */
export const MY_GROUPS_QUERY = { $select: 'id,displayName' } as const;

/** The groups among `/me/memberOf` results (which also lists directory roles and administrative units). */
export function onlyGroups(objects: readonly GroupRef[]): GroupRef[] {
  return objects.filter((o) => o['@odata.type'] === undefined || o['@odata.type'] === '#microsoft.graph.group');
}

/**
 * Which of `groupIds` the signed-in user is a member of, transitively
 * (`POST /me/checkMemberGroups`, at most 20 ids per call; longer lists are split).
 *
 * Minimum delegated scope: `User.Read` together with `GroupMember.Read.All`.
 * Microsoft Learn: https://learn.microsoft.com/graph/api/directoryobject-checkmembergroups
 */
export async function checkMemberGroups(client: GraphClient, groupIds: readonly string[], signal?: AbortSignal): Promise<string[]> {
  const out: string[] = [];
  for (let i = 0; i < groupIds.length; i += 20) {
    const { body } = await graphRequest<{ value?: string[] }>(client, {
      method: 'POST',
      path: '/me/checkMemberGroups',
      body: { groupIds: groupIds.slice(i, i + 20) },
      signal,
    });
    out.push(...(body?.value ?? []));
  }
  return out;
}

/**
 * The group whose display name is exactly `displayName` (`GET /groups?$filter=displayName eq '…'`),
 * or null. Display names are not unique in Entra ID; the first match is returned.
 *
 * Minimum delegated scope: `GroupMember.Read.All`.
 * Microsoft Learn: https://learn.microsoft.com/graph/api/group-list
 */
export async function findGroupByName(client: GraphClient, displayName: string, signal?: AbortSignal): Promise<Group | null> {
  const { body } = await graphRequest<{ value?: Group[] }>(client, {
    path: '/groups',
    query: { $filter: renderFilter(f.eq('displayName', displayName)), $select: 'id,displayName,groupTypes,mail,description' },
    signal,
  });
  return body?.value?.[0] ?? null;
}
