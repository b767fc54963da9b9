import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { GraphClient } from '../../../graph/core/client.js';
import { siteTimeZone, smsSiteUrl } from '../../app/config.js';
import { meQuery, smsSiteQuery } from '../../app/session/queries.js';
import { useSession } from '../../app/session/SessionContext.js';
import type { AckPerson, AckSite } from '../../platform/acknowledgements/index.js';
import { siteDateOf } from '../../platform/clock.js';

/** What the employee's side needs: the Graph client, the SMS site, its time zone and date, and who is signed in. */
export interface MyAckContext {
  readonly client: GraphClient;
  /** The SMS site; lists are addressed by display name (`listRefOf`), so no list ids are read first. */
  readonly site: AckSite;
  readonly timeZone: string;
  /** Today on the site (YYYY-MM-DD). */
  readonly today: string;
  /**
   * The signed-in person from `/me`: their Entra object id (a request's `UserId`, and who SharePoint
   * stamps as the creator of their acknowledgement) and their UPN (a request's `UserUPN`).
   */
  readonly person: AckPerson;
}

export interface MyAckContextState {
  readonly context: MyAckContext | null;
  readonly error: unknown;
  retry(): void;
}

/** The signed-in user's acknowledgement context: `/me` and the site id come from the session's first `$batch`. */
export function useMyAckContext(): MyAckContextState {
  const { client, config } = useSession();
  const site = useQuery(smsSiteQuery(client, smsSiteUrl(config)));
  const me = useQuery(meQuery(client));
  const timeZone = siteTimeZone(config);
  const siteId = site.data?.id ?? null;
  const userId = me.data?.id ?? null;
  const upn = me.data?.userPrincipalName ?? null;
  const context = useMemo<MyAckContext | null>(() => {
    if (!siteId || !userId || !upn) return null;
    return {
      client,
      site: { siteId, listIds: {} },
      timeZone,
      today: siteDateOf(new Date(), timeZone) ?? new Date().toISOString().slice(0, 10),
      person: { userId, upn },
    };
  }, [client, siteId, userId, upn, timeZone]);
  return {
    context,
    error: site.error ?? me.error ?? null,
    retry: () => {
      if (site.isError) void site.refetch();
      if (me.isError) void me.refetch();
    },
  };
}
