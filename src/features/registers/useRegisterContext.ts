import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { GraphClient } from '../../../graph/core/client.js';
import { siteTimeZone, smsSiteUrl } from '../../app/config.js';
import { useRoles } from '../../app/roles/useRoles.js';
import { meQuery, smsSiteQuery } from '../../app/session/queries.js';
import { useSession } from '../../app/session/SessionContext.js';
import { siteDateOf, systemClock } from '../../platform/clock.js';
import type { PeopleDirectory } from '../../platform/people.js';
import type { RegisterContext } from './services/context.js';
import { listIdsQuery, peopleQuery, registerSettingsQuery } from './queries.js';

/** What reading a register needs: the client, the SMS site and its time zone (no directory, no list ids). */
export interface RegisterSiteState {
  readonly client: GraphClient;
  readonly siteId: string | null;
  readonly siteWebUrl: string | null;
  readonly timeZone: string;
  readonly error: unknown;
  retry(): void;
}

/** The SMS site of the session (its id comes from the session's first `$batch`). */
export function useRegisterSite(): RegisterSiteState {
  const { client, config } = useSession();
  const site = useQuery(smsSiteQuery(client, smsSiteUrl(config)));
  return {
    client,
    siteId: site.data?.id ?? null,
    siteWebUrl: site.data?.webUrl ?? null,
    timeZone: siteTimeZone(config),
    error: site.error ?? null,
    retry: () => void site.refetch(),
  };
}

/** The people directory of the SMS site (owner names, the owner filter, person fields). */
export function usePeople(client: GraphClient, siteId: string | null) {
  return useQuery({ ...peopleQuery(client, siteId ?? ''), enabled: siteId !== null });
}

export interface RegisterContextState {
  /** Everything a verb needs, once loaded. */
  readonly context: RegisterContext | null;
  readonly people: PeopleDirectory | undefined;
  readonly error: unknown;
  retry(): void;
}

/**
 * The signed-in user's register context (for the record page and the forms): the site with its list
 * ids, `/me`, the user's roles (`/me/memberOf`), the people directory and the SMS Settings, read at
 * once and cached for the session.
 */
export function useRegisterContext(): RegisterContextState {
  const site = useRegisterSite();
  const { client, siteId } = site;
  const me = useQuery(meQuery(client));
  const { roles, error: rolesError } = useRoles();
  const people = usePeople(client, siteId);
  const listIds = useQuery({ ...listIdsQuery(client, siteId ?? ''), enabled: siteId !== null });
  const settings = useQuery({ ...registerSettingsQuery(client, siteId ?? ''), enabled: siteId !== null });
  const upn = me.data?.userPrincipalName ?? null;
  const context = useMemo<RegisterContext | null>(() => {
    if (!siteId || !site.siteWebUrl || !upn || !roles || !people.data || !listIds.data || !settings.data) return null;
    const person = people.data.byId(upn);
    return {
      client,
      site: { siteId, webUrl: site.siteWebUrl, listIds: listIds.data, groupId: null },
      timeZone: site.timeZone,
      today: siteDateOf(new Date(), site.timeZone) ?? new Date().toISOString().slice(0, 10),
      people: people.data,
      me: { upn, lookupId: person?.lookupId ?? null },
      actor: { id: upn.toLowerCase(), roles, ownedProcessIds: person?.ownedProcessIds ?? [] },
      settings: settings.data,
      clock: systemClock,
      appOrigin: typeof window === 'undefined' ? 'https://localhost' : window.location.origin,
    };
  }, [client, siteId, site.siteWebUrl, site.timeZone, upn, roles, people.data, listIds.data, settings.data]);
  return {
    context,
    people: people.data,
    error: site.error ?? me.error ?? rolesError ?? people.error ?? listIds.error ?? settings.error ?? null,
    retry: () => {
      site.retry();
      if (me.isError) void me.refetch();
      if (people.isError) void people.refetch();
      if (listIds.isError) void listIds.refetch();
      if (settings.isError) void settings.refetch();
    },
  };
}
