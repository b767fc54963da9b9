import { useEffect, useState } from 'react';
import type { Host } from '../host/host.js';
import { useHost } from './HostContext.js';
import { loadTeamsSdk, type TeamsSdk } from './teamsSdk.js';

/** teams-js when the app really runs in Teams (see loadTeamsSdk), null otherwise; pending while it loads. */
export function useTeamsSdk(): { isPending: boolean; sdk: TeamsSdk | null } {
  const host = useHost();
  const [loaded, setLoaded] = useState<{ host: Host; sdk: TeamsSdk | null } | null>(null);
  useEffect(() => {
    let live = true;
    loadTeamsSdk(host).then(
      (teams) => live && setLoaded({ host, sdk: teams?.sdk ?? null }),
      (e: unknown) => {
        console.warn('Could not load teams-js', e);
        if (live) setLoaded({ host, sdk: null });
      },
    );
    return () => {
      live = false;
    };
  }, [host]);
  return loaded && loaded.host === host ? { isPending: false, sdk: loaded.sdk } : { isPending: true, sdk: null };
}
