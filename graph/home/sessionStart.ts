import type { Site, User } from '@microsoft/microsoft-graph-types';
import type { GraphClient } from '../core/client.js';
import { batch, batchBody, type BatchRequest } from '../core/batch.js';
import { pages } from '../core/paging.js';
import { encodeQuery } from '../core/request.js';
import { MY_GROUPS_QUERY, onlyGroups, type GroupRef } from '../directory/groups.js';
import { sitePathFromUrl } from '../sites/sites.js';

/**
 * What every screen needs first after sign-in, read in ONE `POST /$batch` round trip instead of
 * three: the signed-in user (`GET /me`), the groups they belong to (`GET /me/memberOf`, the first
 * page; further pages, if Graph returns a nextLink, are followed one by one afterwards) and the SMS
 * site (`GET /sites/{hostname}:/{server-relative-path}`). The three are independent, so no
 * `dependsOn`: Graph may run them in parallel, and each succeeds or fails on its own. Each part
 * comes back settled — its value, or the `GraphError` of its inner response — so a caller
 * reports one failure (say, 403 on the site for lack of `Sites.Read.All`) without losing the others.
 * A failure of the batch envelope itself rejects the whole promise.
 *
 * Minimum delegated scope: `User.Read` (me, memberOf) and `Sites.Read.All` (the site).
 * Microsoft Learn: https://learn.microsoft.com/graph/json-batching , https://learn.microsoft.com/graph/api/user-get ,
 * https://learn.microsoft.com/graph/api/user-list-memberof , https://learn.microsoft.com/graph/api/site-getbypath
 */

/** One part of the session start: its value, or why it could not be read. */
export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

export interface SessionStart {
  me: Settled<User>;
  /** Only groups (memberOf also lists directory roles and administrative units), all pages. */
  groups: Settled<GroupRef[]>;
  site: Settled<Site>;
}

/** The inner requests of the session-start batch (exported so tests can see what is asked). */
export function sessionStartRequests(siteUrl: string): BatchRequest[] {
  return [
    { id: 'me', method: 'GET', url: '/me' },
    { id: 'memberOf', method: 'GET', url: `/me/memberOf?${encodeQuery(MY_GROUPS_QUERY)}` },
    { id: 'site', method: 'GET', url: sitePathFromUrl(siteUrl) },
  ];
}

interface CollectionBody<T> {
  value?: T[];
  '@odata.nextLink'?: string;
}

async function settle<T>(read: () => T | Promise<T>): Promise<Settled<T>> {
  try {
    return { ok: true, value: await read() };
  } catch (error) {
    return { ok: false, error };
  }
}

/** Reads `/me`, `/me/memberOf` and the SMS site at `siteUrl` in one `$batch` (see above). */
export async function getSessionStart(client: GraphClient, siteUrl: string, opts: { signal?: AbortSignal } = {}): Promise<SessionStart> {
  const requests = sessionStartRequests(siteUrl);
  const responses = await batch(client, requests, opts);
  const me = await settle(() => batchBody<User>(responses.get('me')));
  const site = await settle(() => batchBody<Site>(responses.get('site')));
  const groups = await settle(async () => {
    const first = batchBody<CollectionBody<GroupRef>>(responses.get('memberOf'));
    const all = [...(first?.value ?? [])];
    // A user in many groups gets more pages; they follow the first verbatim, outside the batch.
    const next = first?.['@odata.nextLink'];
    if (next) for await (const page of pages<GroupRef>(client, next, { signal: opts.signal })) all.push(...page.items);
    return onlyGroups(all);
  });
  return { me, groups, site };
}
