import type { User } from '@microsoft/microsoft-graph-types';
import type { GraphClient } from '../core/client.js';
import { graphCall } from '../core/errors.js';

/**
 * Gets the signed-in user (`GET /me`), with the default set of user properties Graph returns
 * (id, displayName, userPrincipalName, jobTitle, mail, ...).
 *
 * Minimum delegated scope: `User.Read`.
 * Microsoft Learn: https://learn.microsoft.com/graph/api/user-get
 */
export async function getMe(client: GraphClient, signal?: AbortSignal): Promise<User> {
  return graphCall(() => {
    const request = client.api('/me');
    if (signal) request.option('signal', signal);
    return request.get() as Promise<User>;
  });
}
