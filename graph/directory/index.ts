/** graph/directory: the signed-in user, users, groups and memberships. */
export { getMe } from './me.js';
export { getMyGroups, getUserGroups, checkMemberGroups, findGroupByName, type GroupRef } from './groups.js';
export { listUsers, listAllUsers, type ListUsersOptions } from './users.js';
