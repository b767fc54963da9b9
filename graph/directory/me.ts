import type { User } from '@microsoft/microsoft-graph-types';
import type { GraphClient } from '../core/client.js';
import { graphRequest } from '../core/request.js';

/**
 * Gets the signed-in user (`GET /me`), with the default set of user properties Graph returns
 * (id, displayName, userPrincipalName, jobTitle, mail, ...).
 *
 * Minimum delegated scope: `User.Read`.
 * Microsoft Learn: https://learn.microsoft.com/graph/api/user-get
 */
export async function getMe(client: GraphClient, signal?: AbortSignal): Promise<User> {
  return (await graphRequest<User>(client, { path: '/me', signal })).body;
}
