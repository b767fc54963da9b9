/**
 * Group membership of other people (role groups, acknowledgement audiences).
 * (Added beside `groups.ts` for the document lifecycle.)
 */
import type { Group, User } from '@microsoft/microsoft-graph-types';
import type { GraphClient } from '../core/client.js';
import { getAll } from '../core/paging.js';
import { seg } from '../core/request.js';

/** A member as `getGroupMembers` returns it: a directory object, usually a user. */
export type GroupMember = Pick<User, 'id' | 'displayName' | 'userPrincipalName' | 'mail'> & { '@odata.type'?: string };

/**
 * The direct members of a group (`GET /groups/{group-id}/members`, all pages), users only.
 *
 * Minimum delegated scope: `GroupMember.Read.All`.
 * Microsoft Learn: https://learn.microsoft.com/graph/api/group-list-members
 */
export async function getGroupMembers(client: GraphClient, groupId: string, signal?: AbortSignal): Promise<GroupMember[]> {
  const all = await getAll<GroupMember>(client, `/groups/${seg(groupId)}/members`, {
    query: { $select: 'id,displayName,userPrincipalName,mail' },
    signal,
  });
  return all.filter((m) => m['@odata.type'] === undefined || m['@odata.type'] === '#microsoft.graph.user');
}

/**
 * Every group of the tenant with its id and display name (`GET /groups`, all pages), for choosing
 * an acknowledgement audience.
 *
 * Minimum delegated scope: `GroupMember.Read.All`.
 * Microsoft Learn: https://learn.microsoft.com/graph/api/group-list
 */
export async function listGroups(client: GraphClient, signal?: AbortSignal): Promise<Pick<Group, 'id' | 'displayName' | 'description'>[]> {
  return getAll<Pick<Group, 'id' | 'displayName' | 'description'>>(client, '/groups', { query: { $select: 'id,displayName,description' }, signal });
}
