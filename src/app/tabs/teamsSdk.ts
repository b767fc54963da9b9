import type { app } from '@microsoft/teams-js';
import type { Host } from '../host/host.js';
import { isSimulatedTeams } from './simulation.js';

/** The teams-js module (imported on demand, like src/app/host/teams.ts does). */
export type TeamsSdk = typeof import('@microsoft/teams-js');

let teamsImport: Promise<TeamsSdk> | null = null;
/** The one dynamic import of teams-js for the tab code. */
const teamsModule = (): Promise<TeamsSdk> => (teamsImport ??= import('@microsoft/teams-js'));

/**
 * teams-js when the app really runs in a Microsoft 365 host that answered it (Teams, or SharePoint
 * or Outlook showing the tab), else null: a simulated Teams host, SharePoint web part mode and a
 * plain browser never call a Teams API. The module is the one Boot initialized, so no second
 * `app.initialize()` is needed.
 */
export async function loadTeamsSdk(host: Host): Promise<{ sdk: TeamsSdk } | null> {
  if (host.kind !== 'teams' || isSimulatedTeams(host.teams)) return null;
  const sdk = await teamsModule();
  // Wrapped: a module namespace is never handed to a promise as its value (a `then` lookup on it
  // is not ours to make).
  return sdk.app.isInitialized() ? { sdk } : null;
}

/** What the tab pages use from the host's context, whoever supplied it. */
export interface TabHostContext {
  /** `teams`: read from teams-js `app.getContext()`; `simulated`: from the query parameters. */
  source: 'teams' | 'simulated';
  /** `Teams`, `SharePoint`, `Outlook`, ... (teams-js `app.host.name`), or the simulated host. */
  hostName: string;
  user: { displayName: string | null; upn: string | null } | null;
  team: { displayName: string | null; groupId: string | null } | null;
  channel: { id: string | null; displayName: string | null } | null;
  theme: string | null;
  locale: string | null;
  /** The tab's page (entity) id: `my`, `home`, or the id the configuration page saved. */
  pageId: string | null;
  subPageId: string | null;
  /** The Teams app id (manifest `id`), needed to build deep links; newer hosts only. */
  appId: string | null;
  tenantId: string | null;
}

const text = (v: string | null | undefined): string | null => (v != null && v.trim() !== '' ? v : null);

/**
 * Maps a teams-js context onto what the tabs use.
 * Learn: https://learn.microsoft.com/javascript/api/@microsoft/teams-js/app.context
 */
export function fromTeamsContext(context: app.Context): TabHostContext {
  return {
    source: 'teams',
    hostName: context.app.host?.name ?? 'Teams',
    user: context.user ? { displayName: text(context.user.displayName), upn: text(context.user.userPrincipalName ?? context.user.loginHint) } : null,
    team: context.team ? { displayName: text(context.team.displayName), groupId: text(context.team.groupId) } : null,
    channel: context.channel ? { id: text(context.channel.id), displayName: text(context.channel.displayName) } : null,
    theme: text(context.app.theme),
    locale: text(context.app.locale),
    pageId: text(context.page?.id),
    subPageId: text(context.page?.subPageId),
    appId: context.app.appId ? text(context.app.appId.toString()) : null,
    tenantId: text(context.user?.tenant?.id),
  };
}
