/**
 * Delegated Microsoft Graph scopes the app asks for, each the least privileged one that covers
 * what a feature does (see README "Configuration"). The emulator checks them like Graph does.
 */
export const APP_SCOPES = [
  /** Sign-in and the signed-in user's profile (GET /me). */
  'User.Read',
  /** People pickers and names of owners, reviewers and auditees. */
  'User.ReadBasic.All',
  /** Role-group membership (SMS-Managers, SMS-InternalAuditors, ...) that drives what a user may do. */
  'GroupMember.Read.All',
  /** SMS registers and documents kept as SharePoint lists on the SMS site. */
  'Sites.ReadWrite.All',
  /** Controlled documents in SharePoint document libraries. */
  'Files.ReadWrite.All',
  /** Corrective and improvement actions as Planner tasks. */
  'Tasks.ReadWrite',
  /** Planner plans and the calendar of the SMS Microsoft 365 group. */
  'Group.ReadWrite.All',
  /** Management reviews and audits scheduled as calendar events. */
  'Calendars.ReadWrite',
] as const;

/**
 * The scopes as MSAL requests them from Microsoft Entra ID: each prefixed with the resource of the
 * configured Graph endpoint (`https://graph.microsoft.com/User.Read`), so a national cloud's Graph
 * (e.g. `https://graph.microsoft.us`) gets tokens for itself. The emulator takes the bare names.
 */
export function msalScopes(graphBaseUrl: string): string[] {
  const resource = new URL(graphBaseUrl).origin;
  return APP_SCOPES.map((scope) => `${resource}/${scope}`);
}
