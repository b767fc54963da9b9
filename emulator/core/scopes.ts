/**
 * Delegated permission sets accepted by each family of Graph routes. Each list is ordered
 * least privileged first, as on the "Permissions" table of the Microsoft Learn page for the API;
 * a token holding any one of them is allowed.
 *
 * `Sites.Selected` opens every SharePoint and OneDrive route, but only on the sites the app was granted
 * (`POST /sites/{id}/permissions`); services/permissions.ts enforces the grant.
 * https://learn.microsoft.com/graph/permissions-selected-overview
 */
const SITES_RW = ['Sites.ReadWrite.All', 'Sites.Manage.All', 'Sites.FullControl.All', 'Sites.Selected'];
export const SCOPES = {
  /** GET /me. https://learn.microsoft.com/graph/api/user-get */
  me: ['User.Read', 'User.ReadWrite', 'User.ReadBasic.All', 'User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'],
  /** GET /users, /users/{id}. https://learn.microsoft.com/graph/api/user-list */
  users: ['User.ReadBasic.All', 'User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'],
  /** GET /groups, /groups/{id}/members. https://learn.microsoft.com/graph/api/group-list */
  groups: ['GroupMember.Read.All', 'Group.Read.All', 'Group.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'],
  /**
   * GET /groups/{id}/transitiveMembers (and its OData casts): GroupMember.Read.All least privileged; Directory.Read.All,
   * Group.Read.All, Group.ReadWrite.All, GroupMember.ReadWrite.All higher. https://learn.microsoft.com/graph/api/group-list-transitivemembers
   */
  groupMembers: ['GroupMember.Read.All', 'Directory.Read.All', 'Group.Read.All', 'Group.ReadWrite.All', 'GroupMember.ReadWrite.All'],
  /**
   * POST /groups/{id}/members/$ref and DELETE /groups/{id}/members/{id}/$ref: GroupMember.ReadWrite.All least privileged
   * (a user or a group as the member); Directory.ReadWrite.All, Group.ReadWrite.All higher.
   * https://learn.microsoft.com/graph/api/group-post-members , https://learn.microsoft.com/graph/api/group-delete-members
   */
  groupMembersWrite: ['GroupMember.ReadWrite.All', 'Directory.ReadWrite.All', 'Group.ReadWrite.All'],
  /** GET /me/memberOf. https://learn.microsoft.com/graph/api/user-list-memberof */
  myMemberships: ['User.Read', 'GroupMember.Read.All', 'Directory.Read.All', 'Directory.ReadWrite.All'],
  /**
   * POST /me/checkMemberGroups: the docs list pairs (a user scope AND GroupMember.Read.All or Group.Read.All),
   * or Directory.Read.All alone. The route checks the group half; the handler checks the user half.
   * https://learn.microsoft.com/graph/api/directoryobject-checkmembergroups
   */
  checkMemberGroups: ['GroupMember.Read.All', 'Group.Read.All', 'Directory.Read.All', 'Directory.ReadWrite.All'],
  /** Read sites, lists, items. https://learn.microsoft.com/graph/api/site-get */
  sitesRead: ['Sites.Read.All', ...SITES_RW],
  /** Create/update/delete list items. https://learn.microsoft.com/graph/api/listitem-create */
  sitesWrite: SITES_RW,
  /** Create lists and columns. https://learn.microsoft.com/graph/api/list-create */
  sitesManage: ['Sites.Manage.All', 'Sites.FullControl.All', 'Sites.Selected'],
  /** Application permissions on a site (Sites.Selected grants). https://learn.microsoft.com/graph/api/site-post-permissions */
  sitePermissions: ['Sites.FullControl.All'],
  /** Read files. https://learn.microsoft.com/graph/api/driveitem-get */
  filesRead: ['Files.Read', 'Files.ReadWrite', 'Files.Read.All', 'Files.ReadWrite.All', 'Sites.Read.All', ...SITES_RW],
  /** Write files. https://learn.microsoft.com/graph/api/driveitem-put-content */
  filesWrite: ['Files.ReadWrite', 'Files.ReadWrite.All', ...SITES_RW],
  /** Read Planner. https://learn.microsoft.com/graph/api/plannertask-get */
  tasksRead: ['Tasks.Read', 'Tasks.ReadWrite', 'Group.Read.All', 'Group.ReadWrite.All'],
  /** Write Planner. https://learn.microsoft.com/graph/api/planner-post-tasks */
  tasksWrite: ['Tasks.ReadWrite', 'Group.ReadWrite.All'],
  /** Read a user's calendar. https://learn.microsoft.com/graph/api/user-list-events */
  calendarsRead: ['Calendars.ReadBasic', 'Calendars.Read', 'Calendars.ReadWrite'],
  /** Write a user's calendar. https://learn.microsoft.com/graph/api/user-post-events */
  calendarsWrite: ['Calendars.ReadWrite'],
  /** Group calendar read. https://learn.microsoft.com/graph/api/group-list-events */
  groupCalendarRead: ['Group.Read.All', 'Group.ReadWrite.All'],
  /** Group calendar write. https://learn.microsoft.com/graph/api/group-post-events */
  groupCalendarWrite: ['Group.ReadWrite.All'],
  /** Activity feed notifications. https://learn.microsoft.com/graph/api/userteamwork-sendactivitynotification */
  teamsActivitySend: ['TeamsActivity.Send'],
  /** Apps installed for a user. https://learn.microsoft.com/graph/api/userteamwork-list-installedapps */
  teamsAppInstallationRead: ['TeamsAppInstallation.ReadForUser', 'TeamsAppInstallation.ReadWriteSelfForUser', 'TeamsAppInstallation.ManageSelectedForUser', 'TeamsAppInstallation.ReadWriteAndConsentForUser', 'TeamsAppInstallation.ReadWriteAndConsentSelfForUser', 'TeamsAppInstallation.ReadWriteForUser', 'TeamsAppInstallation.ReadWriteSelectedForUser'],
  /** Install an app for a user. https://learn.microsoft.com/graph/api/userteamwork-post-installedapps */
  teamsAppInstallationWrite: ['TeamsAppInstallation.ReadWriteSelfForUser', 'TeamsAppInstallation.ManageSelectedForUser', 'TeamsAppInstallation.ReadWriteAndConsentForUser', 'TeamsAppInstallation.ReadWriteAndConsentSelfForUser', 'TeamsAppInstallation.ReadWriteForUser', 'TeamsAppInstallation.ReadWriteSelectedForUser'],
  /** The tenant's Teams app catalog. https://learn.microsoft.com/graph/api/appcatalogs-list-teamsapps */
  teamsAppCatalogRead: ['AppCatalog.Read.All', 'AppCatalog.ReadWrite.All', 'AppCatalog.Submit', 'Directory.Read.All', 'Directory.ReadWrite.All'],
} as const satisfies Record<string, readonly string[]>;

/**
 * Application permissions (the `roles` of an app-only token) accepted by each family, from the
 * "Application" row of the same Learn permission tables. A family missing here has no application
 * permission on Learn (`/me/...`; group events: "Not supported" on group-list-events and
 * group-post-events), or is not emulated for app-only callers (a user's calendar).
 * https://learn.microsoft.com/graph/auth-v2-service
 */
const SITES_RW_APP = ['Sites.Selected', 'Sites.ReadWrite.All', 'Sites.Manage.All', 'Sites.FullControl.All'];
const APP_ROLES = new Map<readonly string[], readonly string[]>([
  /** user-list: User.Read.All least privileged. */
  [SCOPES.users, ['User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All']],
  /** group-list, group-list-members: GroupMember.Read.All least privileged. */
  [SCOPES.groups, ['GroupMember.Read.All', 'Group.Read.All', 'Group.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All']],
  /** group-list-transitivemembers: GroupMember.Read.All least privileged. */
  [SCOPES.groupMembers, ['GroupMember.Read.All', 'Directory.Read.All', 'Group.Read.All', 'Group.ReadWrite.All', 'GroupMember.ReadWrite.All']],
  /** group-post-members, group-delete-members: GroupMember.ReadWrite.All least privileged. */
  [SCOPES.groupMembersWrite, ['GroupMember.ReadWrite.All', 'Directory.ReadWrite.All', 'Group.ReadWrite.All']],
  [SCOPES.sitesRead, ['Sites.Selected', 'Sites.Read.All', ...SITES_RW_APP.slice(1)]],
  [SCOPES.sitesWrite, SITES_RW_APP],
  /** list-create: Sites.Manage.All (Sites.ReadWrite.All is refused, microsoftgraph/microsoft-graph-docs-contrib#729). */
  [SCOPES.sitesManage, ['Sites.Selected', 'Sites.Manage.All', 'Sites.FullControl.All']],
  [SCOPES.sitePermissions, ['Sites.FullControl.All']],
  [SCOPES.filesRead, ['Sites.Selected', 'Files.Read.All', 'Files.ReadWrite.All', 'Sites.Read.All', ...SITES_RW_APP.slice(1)]],
  [SCOPES.filesWrite, ['Sites.Selected', 'Files.ReadWrite.All', ...SITES_RW_APP.slice(1)]],
  /** planner-list-plans, planner-post-plans, planner-post-tasks: Tasks.Read.All / Tasks.ReadWrite.All. */
  [SCOPES.tasksRead, ['Tasks.Read.All', 'Tasks.ReadWrite.All']],
  [SCOPES.tasksWrite, ['Tasks.ReadWrite.All']],
  /** userteamwork-sendactivitynotification, teamwork-sendactivitynotificationtorecipients: TeamsActivity.Send.User (RSC) least privileged. */
  [SCOPES.teamsActivitySend, ['TeamsActivity.Send.User', 'TeamsActivity.Send']],
  /** userteamwork-list-installedapps, userteamwork-post-installedapps. */
  [SCOPES.teamsAppInstallationRead, ['TeamsAppInstallation.ReadForUser.All', 'TeamsAppInstallation.ReadWriteSelfForUser.All', 'TeamsAppInstallation.ManageSelectedForUser.All', 'TeamsAppInstallation.ReadWriteAndConsentForUser.All', 'TeamsAppInstallation.ReadWriteAndConsentSelfForUser.All', 'TeamsAppInstallation.ReadWriteForUser.All', 'TeamsAppInstallation.ReadWriteSelectedForUser.All']],
  [SCOPES.teamsAppInstallationWrite, ['TeamsAppInstallation.ReadWriteSelfForUser.All', 'TeamsAppInstallation.ManageSelectedForUser.All', 'TeamsAppInstallation.ReadWriteAndConsentForUser.All', 'TeamsAppInstallation.ReadWriteAndConsentSelfForUser.All', 'TeamsAppInstallation.ReadWriteForUser.All', 'TeamsAppInstallation.ReadWriteSelectedForUser.All']],
]);

/** The application permissions that open a route declared with the delegated set `scopes` (empty: none). */
export const appRolesFor = (scopes: readonly string[]): readonly string[] => APP_ROLES.get(scopes) ?? [];

/**
 * Delegated permissions only an administrator can consent to ("Admin consent required: Yes" in the
 * permissions reference, https://learn.microsoft.com/graph/permissions-reference ). Every other
 * delegated permission the app uses (User.Read, User.ReadBasic.All, Sites.Read.All, Sites.ReadWrite.All,
 * Sites.Manage.All, Files.*, Tasks.*, Calendars.*, TeamsActivity.Send) a user may consent to.
 */
export const ADMIN_CONSENT_DELEGATED: ReadonlySet<string> = new Set([
  'GroupMember.Read.All',
  'Group.Read.All',
  'Group.ReadWrite.All',
  'GroupMember.ReadWrite.All',
  'User.Read.All',
  'User.ReadWrite.All',
  'Directory.Read.All',
  'Directory.ReadWrite.All',
  'Sites.FullControl.All',
  'Sites.Selected',
]);
