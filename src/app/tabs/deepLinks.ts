import { linkFor } from '../../platform/paths.js';
import { formatSubPageId, type SubPageTarget } from './subPageId.js';
import type { TeamsSdk } from './teamsSdk.js';

/**
 * Links to a document, record or action that others can follow: a Teams deep link inside Teams
 * (it opens the app's SMS tab at the sub-page), a plain address of the app everywhere else.
 * The pure builders are separate from the teams-js calls so they can be checked without Teams.
 */

/** The static tab deep links open: `home` (manifest `staticTabs[1]`), which holds every area. */
export const DEEP_LINK_PAGE_ID = 'home';

/** Base of Teams deep links to an app's tab (an "entity"). */
export const TEAMS_ENTITY_LINK_BASE = 'https://teams.microsoft.com/l/entity';

export interface TeamsDeepLinkParams {
  /** The Teams app id (manifest `id` for a custom app). */
  appId: string;
  /** The tab's entity (page) id: a static tab's `entityId` or a configured tab's. */
  pageId: string;
  /** Our sub-page id, sent as `context.subEntityId`; the tab reads it as `page.subPageId`. */
  subPageId?: string;
  /** Fallback address when the client cannot show the tab. */
  webUrl?: string;
  /** The link's label. */
  label?: string;
  tenantId?: string;
  /** For a channel tab: the channel to open it in. */
  channelId?: string;
}

/**
 * `https://teams.microsoft.com/l/entity/<appId>/<entityId>?tenantId=…&webUrl=…&label=…&context=…`
 * with every value URI-encoded and `context` a JSON object (`subEntityId`, `channelId`).
 * Learn: https://learn.microsoft.com/microsoftteams/platform/concepts/build-and-test/deep-link-application
 */
export function teamsDeepLink(p: TeamsDeepLinkParams): string {
  const query: string[] = [];
  const add = (name: string, value: string | undefined) => {
    if (value) query.push(`${name}=${encodeURIComponent(value)}`);
  };
  add('tenantId', p.tenantId);
  add('webUrl', p.webUrl);
  add('label', p.label);
  const context: Record<string, string> = {};
  if (p.subPageId) context.subEntityId = p.subPageId;
  if (p.channelId) context.channelId = p.channelId;
  if (Object.keys(context).length > 0) add('context', JSON.stringify(context));
  const path = `${TEAMS_ENTITY_LINK_BASE}/${encodeURIComponent(p.appId)}/${encodeURIComponent(p.pageId)}`;
  return query.length > 0 ? `${path}?${query.join('&')}` : path;
}

/** The app's own address of a target, e.g. `https://sms.example/documents/SMS-POL-001`. */
export function appLink(origin: string, target: SubPageTarget): string {
  return linkFor(origin, target);
}

/** What is known about Teams when a link is made; null outside Teams. */
export interface TeamsLinkInfo {
  appId: string | null;
  tenantId: string | null;
}

/**
 * The link to share for a target: inside Teams (with the app id known) a Teams deep link to the
 * SMS tab at the target's sub-page, falling back to the app's address; otherwise the plain address.
 */
export function shareLink(target: SubPageTarget, env: { origin: string; teams: TeamsLinkInfo | null; label?: string }): string {
  const webUrl = appLink(env.origin, target);
  if (!env.teams?.appId) return webUrl;
  return teamsDeepLink({
    appId: env.teams.appId,
    pageId: DEEP_LINK_PAGE_ID,
    subPageId: formatSubPageId(target),
    webUrl,
    label: env.label,
    tenantId: env.teams.tenantId ?? undefined,
  });
}

/**
 * Opens a target in the SMS tab from anywhere in Teams (e.g. from a channel tab) with
 * `pages.navigateToApp`; hosts without the pages capability get the same deep link through
 * `app.openLink`. Learn: https://learn.microsoft.com/javascript/api/@microsoft/teams-js/pages#@microsoft-teams-js-pages-navigatetoapp
 */
export async function openInTeamsApp(sdk: TeamsSdk, target: SubPageTarget, env: { origin: string; appId: string; tenantId?: string | null }): Promise<void> {
  const subPageId = formatSubPageId(target);
  const webUrl = appLink(env.origin, target);
  if (sdk.pages.isSupported()) {
    await sdk.pages.navigateToApp({ appId: new sdk.AppId(env.appId), pageId: DEEP_LINK_PAGE_ID, subPageId, webUrl: new URL(webUrl) });
    return;
  }
  await sdk.app.openLink(teamsDeepLink({ appId: env.appId, pageId: DEEP_LINK_PAGE_ID, subPageId, webUrl, tenantId: env.tenantId ?? undefined }));
}
