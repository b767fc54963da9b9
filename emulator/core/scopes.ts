/**
 * Delegated permission sets accepted by each family of Graph routes. Each list is ordered
 * least privileged first, as on the "Permissions" table of the Microsoft Learn page for the API;
 * a token holding any one of them is allowed.
 */
const SITES_RW = ['Sites.ReadWrite.All', 'Sites.Manage.All', 'Sites.FullControl.All'];
export const SCOPES = {
  /** GET /me. https://learn.microsoft.com/graph/api/user-get */
  me: ['User.Read', 'User.ReadWrite', 'User.ReadBasic.All', 'User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'],
  /** GET /users, /users/{id}. https://learn.microsoft.com/graph/api/user-list */
  users: ['User.ReadBasic.All', 'User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'],
  /** GET /groups, /groups/{id}/members. https://learn.microsoft.com/graph/api/group-list */
  groups: ['GroupMember.Read.All', 'Group.Read.All', 'Group.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'],
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
  sitesManage: ['Sites.Manage.All', 'Sites.FullControl.All'],
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
} as const satisfies Record<string, readonly string[]>;
