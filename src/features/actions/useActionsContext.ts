import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { cloudFeatures, siteTimeZone, smsSiteUrl } from '../../app/config.js';
import { useRoles } from '../../app/roles/useRoles.js';
import { meQuery, smsSiteQuery } from '../../app/session/queries.js';
import { useSession } from '../../app/session/SessionContext.js';
import type { ActionsContext } from '../../platform/actions/types.js';
import { siteDateOf, systemClock } from '../../platform/clock.js';
import type { Person } from '../../platform/people.js';
import { platformWriteDeps } from '../../platform/registers/write.defaults.js';
import { actionsPeopleQuery, actionsSiteQuery } from './queries.js';

/** The actions engine's context for the signed-in person, plus who they are in the directory. */
export interface ActionsScreenContext {
  readonly ctx: ActionsContext;
  /** The signed-in person (lower-case UPN in `id`, site lookup id for "Accountable" in `lookupId`). */
  readonly me: Person;
  /** The cloud has Planner (not China operated by 21Vianet): actions are projected to tasks and synced. */
  readonly planner: boolean;
}

export interface ActionsContextState {
  readonly context: ActionsScreenContext | null;
  /** The first failed read, if any. */
  readonly error: unknown;
  /** Everything was read but the signed-in user is not in the directory (a guest, a user not yet synced). */
  readonly notInDirectory: string | null;
  retry(): void;
}

/** The app's origin, for the links a Planner task carries back to the action and its source. */
const appOrigin = (): string => (typeof window !== 'undefined' ? window.location.origin : 'https://localhost');

/**
 * The signed-in user's actions context (src/platform/actions `ActionsContext`): the Graph client, the
 * SMS site with its list ids and Microsoft 365 group (Planner plan "SMS Actions"), the people directory,
 * the site's time zone and today, the app's origin, the actor (their SMS roles from `/me/memberOf` and
 * the processes they own) and the register writers (`SMS Sequences`, `SMS Audit Trail`). `/me`, the site
 * id and the roles come from the session's first `$batch`; the site's lists and the directory are read
 * once per session.
 */
export function useActionsContext(): ActionsContextState {
  const { client, config } = useSession();
  const me = useQuery(meQuery(client));
  const siteRef = useQuery(smsSiteQuery(client, smsSiteUrl(config)));
  const siteId = siteRef.data?.id ?? '';
  const site = useQuery({ ...actionsSiteQuery(client, siteId, siteRef.data?.webUrl ?? ''), enabled: siteId !== '' });
  const people = useQuery({ ...actionsPeopleQuery(client, siteId), enabled: siteId !== '' });
  const { roles, error: rolesError, refetch: refetchRoles } = useRoles();
  const timeZone = siteTimeZone(config);
  const planner = cloudFeatures(config).planner;
  const upn = me.data?.userPrincipalName?.trim().toLowerCase() ?? null;

  const person = upn && people.data ? (people.data.byId(upn) ?? null) : null;
  const context = useMemo<ActionsScreenContext | null>(() => {
    if (!site.data || !people.data || !person || !roles) return null;
    const actor = { upn: person.id, lookupId: person.lookupId };
    return {
      me: person,
      planner,
      ctx: {
        client,
        site: site.data,
        people: people.data,
        timeZone,
        today: siteDateOf(new Date(), timeZone) ?? new Date().toISOString().slice(0, 10),
        appOrigin: appOrigin(),
        // The roles come from the signed-in user's own groups (`/me/memberOf`), the processes from the directory.
        actor: { id: person.id, roles, ownedProcessIds: person.ownedProcessIds },
        writeDeps: platformWriteDeps({ client, site: site.data, actor, clock: systemClock }),
      },
    };
  }, [client, site.data, people.data, person, roles, timeZone, planner]);

  const queries = [me, siteRef, site, people];
  const failed = queries.find((q) => q.isError);
  return {
    context,
    error: failed?.error ?? rolesError ?? null,
    notInDirectory: upn && people.data && !person ? upn : null,
    retry: () => {
      for (const q of queries) if (q.isError) void q.refetch();
      if (rolesError) refetchRoles();
    },
  };
}
