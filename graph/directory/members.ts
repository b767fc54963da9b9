/**
 * Group membership of other people (role groups, acknowledgement audiences).
 * (Added beside `groups.ts` for the document lifecycle.)
 */
import type { Group, User } from '@microsoft/microsoft-graph-types';
import type { GraphClient } from '../core/client.js';
import { GraphError } from '../core/errors.js';
import { getAll } from '../core/paging.js';
import { graphRequest, seg } from '../core/request.js';

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

/** A person as `getTransitiveUserMembers` and `getUserByUpnOrId` return them. */
export type DirectoryPerson = Pick<User, 'id' | 'displayName' | 'userPrincipalName' | 'mail' | 'department'>;

/**
 * The properties of a `DirectoryPerson`. `department` is outside the basic profile that User.ReadBasic.All and
 * GroupMember.Read.All give on other users (displayName, givenName, surname, mail, userPrincipalName, photo); a
 * real tenant needs User.Read.All for it (https://learn.microsoft.com/graph/permissions-reference#userreadbasicall).
 */
const PERSON_SELECT = 'id,displayName,userPrincipalName,mail,department';

/**
 * Every user in a group, through nested groups at any depth, each once
 * (`GET /groups/{group-id}/transitiveMembers/microsoft.graph.user`, all pages of up to 999): the people an
 * audience group reaches. Nested groups themselves are not returned.
 *
 * Minimum delegated scope: `GroupMember.Read.All` (plus `User.Read.All` for `department`, see `PERSON_SELECT`).
 * Microsoft Learn: https://learn.microsoft.com/graph/api/group-list-transitivemembers
 */
export async function getTransitiveUserMembers(client: GraphClient, groupId: string, signal?: AbortSignal): Promise<DirectoryPerson[]> {
  return getAll<DirectoryPerson>(client, `/groups/${seg(groupId)}/transitiveMembers/microsoft.graph.user`, {
    query: { $select: PERSON_SELECT, $top: 999 },
    signal,
  });
}

/**
 * One user by object id or user principal name (`GET /users/{id | userPrincipalName}`), or null when the
 * directory has no such user (404). A UPN that starts with `$` needs Graph's `/users('$...')` form and is not
 * supported here.
 *
 * Minimum delegated scope: `User.ReadBasic.All` for another user (`User.Read.All` for `department`); `User.Read` for oneself.
 * Microsoft Learn: https://learn.microsoft.com/graph/api/user-get
 */
export async function getUserByUpnOrId(client: GraphClient, idOrUpn: string, signal?: AbortSignal): Promise<DirectoryPerson | null> {
  try {
    const { body } = await graphRequest<DirectoryPerson>(client, { path: `/users/${seg(idOrUpn)}`, query: { $select: PERSON_SELECT }, signal });
    const { id, displayName, userPrincipalName, mail, department } = body;
    return { id, displayName, userPrincipalName, mail, department };
  } catch (e) {
    if (e instanceof GraphError && e.status === 404) return null;
    throw e;
  }
}
