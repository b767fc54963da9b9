import { useQuery } from '@tanstack/react-query';
import { useLocation } from 'react-router';
import type { Host } from '../host/host.js';
import { useSession } from '../session/SessionContext.js';
import { useHost } from './HostContext.js';
import { parseHostSimulation, type HostSimulation } from './simulation.js';
import { fromTeamsContext, loadTeamsSdk, type TabHostContext } from './teamsSdk.js';

export type TabContextState = { status: 'loading' } | { status: 'ready'; context: TabHostContext };

/** The host's name as the simulation or the detected host says it. */
function simulatedHostName(sim: HostSimulation, host: Host): string {
  if (host.kind === 'teams') return 'Teams';
  if (host.kind === 'sharepoint' || sim.host === 'sharepoint') return 'SharePoint';
  return 'browser';
}

/**
 * The context a tab works with when teams-js is not there: the query parameters of the current
 * address (sub-page id, theme, locale, team and channel names) and the signed-in user.
 */
export function simulatedTabContext(search: string, host: Host, user: { displayName: string; upn: string }, pageId: string): TabHostContext {
  const sim = parseHostSimulation(search);
  return {
    source: 'simulated',
    hostName: simulatedHostName(sim, host),
    user: { displayName: user.displayName, upn: user.upn },
    team: sim.team ? { displayName: sim.team, groupId: null } : null,
    channel: sim.channel ? { id: null, displayName: sim.channel } : null,
    theme: sim.theme,
    locale: sim.locale,
    pageId,
    subPageId: sim.sub,
    appId: null,
    tenantId: null,
  };
}

/** Loads teams-js' `app.getContext()` once per session when the app really runs in Teams; null otherwise. */
export function useTeamsContext(): { isPending: boolean; data: TabHostContext | null } {
  const host = useHost();
  const query = useQuery({
    queryKey: ['teams-js', 'app.getContext'],
    queryFn: async () => {
      const teams = await loadTeamsSdk(host);
      if (!teams) return null;
      try {
        return fromTeamsContext(await teams.sdk.app.getContext());
      } catch (e) {
        // The tab still works from its address; only Teams' extras (team, channel names) are missing.
        console.warn('Teams did not give its context', e);
        return null;
      }
    },
    staleTime: Infinity,
    gcTime: Infinity,
    retry: false,
  });
  return { isPending: query.isPending, data: query.data ?? null };
}

/**
 * The tab's host context: teams-js' when the app really runs in Teams (or SharePoint/Outlook showing
 * the tab), else the query-parameter simulation of the current address. `pageId` is the tab's own
 * id (`my`, `home`, `config`, `channel`), used when Teams does not say.
 */
export function useTabContext(pageId: string): TabContextState {
  const location = useLocation();
  const host = useHost();
  const { session } = useSession();
  const teams = useTeamsContext();
  if (teams.isPending) return { status: 'loading' };
  if (teams.data) return { status: 'ready', context: { ...teams.data, pageId: teams.data.pageId ?? pageId } };
  return { status: 'ready', context: simulatedTabContext(location.search, host, session.user, pageId) };
}
