import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { useHost } from './HostContext.js';
import { openInTeamsApp, shareLink } from './deepLinks.js';
import { pathFor } from '../../platform/paths.js';
import type { SubPageTarget } from './subPageId.js';
import { loadTeamsSdk } from './teamsSdk.js';
import { useTeamsContext } from './useTabContext.js';

/**
 * A target's shareable link and a way to open it, for the host the app runs in: inside Teams a
 * Teams deep link and `pages.navigateToApp`; elsewhere the app's own address and in-app navigation.
 * `ready` is false while the Teams context is still being read.
 */
export function useTargetLink(target: SubPageTarget, label?: string): { link: string; ready: boolean; open(): Promise<void> } {
  const host = useHost();
  const navigate = useNavigate();
  const teams = useTeamsContext();
  const info = teams.data ? { appId: teams.data.appId, tenantId: teams.data.tenantId } : null;
  const origin = window.location.origin;
  const link = shareLink(target, { origin, teams: info, label });
  const appId = info?.appId ?? null;
  const tenantId = info?.tenantId ?? null;
  const open = useCallback(async () => {
    const teams = appId ? await loadTeamsSdk(host) : null;
    if (teams && appId) await openInTeamsApp(teams.sdk, target, { origin, appId, tenantId });
    else await navigate(pathFor(target));
  }, [host, navigate, target, origin, appId, tenantId]);
  return { link, ready: !teams.isPending, open };
}
