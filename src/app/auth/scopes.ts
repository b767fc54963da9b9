/**
 * Delegated Microsoft Graph scopes, asked for as they are needed (least privilege, incremental consent):
 * at sign-in only what Home reads; each feature asks for its own scopes when it is first opened
 * (src/app/auth/consent.ts). Each is the least privileged permission of the calls the feature makes, from
 * the "Permissions" table of each endpoint's Learn page; docs/deploy.md has the table with admin consent.
 * The emulator checks them as Graph does (emulator/core/scopes.ts).
 */

/**
 * What Home needs: `/me` and `/me/memberOf` (User.Read: user-get, user-list-memberof for the signed-in
 * user) and reading the SMS site and its lists (Sites.Read.All: site-get, listitem-list).
 */
export const SIGN_IN_SCOPES = ['User.Read', 'Sites.Read.All'] as const;

/** People pickers and names (User.ReadBasic.All: user-list) and the SMS role groups' members (GroupMember.Read.All: group-list-members). */
const PEOPLE = ['User.ReadBasic.All', 'GroupMember.Read.All'] as const;

/**
 * The scopes of each area, asked for when the area is first opened.
 * - `Sites.ReadWrite.All` covers list items and the files of the SMS site's libraries: it is on the
 *   Permissions table of driveitem-put-content, driveitem-get-content, driveitem-checkin, driveitem-copy and
 *   listitem-create, so the app does not ask for `Files.ReadWrite.All`.
 * - `Tasks.ReadWrite` creates and updates Planner tasks (planner-post-tasks, plannertask-update); the plan
 *   itself is made once by provisioning, which needs no `Group.ReadWrite.All` either (planner-post-plans:
 *   Tasks.ReadWrite).
 * - Reviews and audits will schedule meetings in the organiser's own calendar with the attendees invited
 *   (`Calendars.ReadWrite`: user-post-events), not in the SMS group's calendar, which needs
 *   `Group.ReadWrite.All` (group-post-events) and an administrator's consent for every user.
 */
export const FEATURE_SCOPES = {
  documents: [...PEOPLE, 'Sites.ReadWrite.All', 'Tasks.ReadWrite'],
  acknowledgements: [...PEOPLE, 'Sites.ReadWrite.All'],
  // A record's page raises its actions and syncs them with their Planner tasks (the `recordActions` slot).
  registers: [...PEOPLE, 'Sites.ReadWrite.All', 'Tasks.ReadWrite'],
  actions: [...PEOPLE, 'Sites.ReadWrite.All', 'Tasks.ReadWrite'],
  reviews: [...PEOPLE, 'Sites.ReadWrite.All', 'Calendars.ReadWrite'],
  audits: [...PEOPLE, 'Sites.ReadWrite.All', 'Calendars.ReadWrite'],
  compliance: [...PEOPLE, 'Sites.Read.All'],
} as const satisfies Record<string, readonly string[]>;

export type Feature = keyof typeof FEATURE_SCOPES;

/** Planner's delegated scope, asked for only where the cloud has Planner. */
const PLANNER_SCOPE = 'Tasks.ReadWrite';

/** The tenant-wide site scopes that `Sites.Selected` replaces where the app is granted only the SMS site. */
const TENANT_WIDE_SITE_SCOPES: readonly string[] = ['Sites.Read.All', 'Sites.ReadWrite.All'];

/** What decides the scopes beyond the feature: the cloud's Planner, and how the app reaches the SMS site. */
export interface ScopeContext {
  planner: boolean;
  /** `selected`: the administrator granted this app the SMS site alone (`Sites.Selected`); default `tenant`. */
  siteAccess?: 'tenant' | 'selected';
}

/**
 * Where the app is granted only the SMS site, `Sites.Selected` stands in for `Sites.Read.All` and
 * `Sites.ReadWrite.All`: a delegated token with it reaches the sites granted to the app, at most
 * what the user may do there (Learn: "Overview of Selected permissions in OneDrive and SharePoint").
 */
function forSiteAccess(scopes: readonly string[], siteAccess: ScopeContext['siteAccess']): readonly string[] {
  if (siteAccess !== 'selected') return scopes;
  return [...new Set(scopes.map((scope) => (TENANT_WIDE_SITE_SCOPES.includes(scope) ? 'Sites.Selected' : scope)))];
}

/** The scopes asked for at sign-in (Home's), for the configured site access. */
export function signInScopes(context: Pick<ScopeContext, 'siteAccess'> = {}): readonly string[] {
  return forSiteAccess(SIGN_IN_SCOPES, context.siteAccess);
}

/**
 * The scopes a feature asks for. Where the cloud has no Planner (Microsoft Graph China operated by
 * 21Vianet, `cloudFeatures(config).planner`), the app never calls Planner, so it does not ask for
 * `Tasks.ReadWrite` there; where the app is granted only the SMS site, `Sites.Selected` replaces the
 * tenant-wide site scopes.
 */
export function featureScopes(feature: Feature, context: ScopeContext): readonly string[] {
  const scopes: readonly string[] = FEATURE_SCOPES[feature];
  return forSiteAccess(context.planner ? scopes : scopes.filter((scope) => scope !== PLANNER_SCOPE), context.siteAccess);
}

/** Every delegated scope the app may ask for: the app registration's list (docs/deploy.md), and what tests sign in with. */
export const APP_SCOPES: readonly string[] = [...new Set<string>([...SIGN_IN_SCOPES, ...Object.values(FEATURE_SCOPES).flat()])];

/**
 * The scopes as MSAL requests them from Microsoft Entra ID: each prefixed with the resource of the
 * configured Graph endpoint (`https://graph.microsoft.com/User.Read`), so a national cloud's Graph
 * (e.g. `https://graph.microsoft.us`) gets tokens for itself. The emulator takes the bare names.
 * Without `scopes`, the sign-in scopes (also the Teams manifest's nested app auth prefetch list).
 */
export function msalScopes(graphBaseUrl: string, scopes: readonly string[] = SIGN_IN_SCOPES): string[] {
  const resource = new URL(graphBaseUrl).origin;
  return scopes.map((scope) => `${resource}/${scope}`);
}
