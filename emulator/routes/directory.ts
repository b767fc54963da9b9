import type { Emu } from '../emu.js';
import { ok, type Ctx } from '../core/router.js';
import { GraphHttpError, badRequest } from '../core/errors.js';
import { parseSelect } from '../core/odata.js';
import { SCOPES } from '../core/scopes.js';
import {
  allUsers,
  allGroups,
  findUser,
  findGroup,
  groupMembers,
  groupIdsOf,
  type UserRecord,
  type GroupRecord,
} from '../services/directory.js';
import { listPage, project, contextUrl, countResult, type CollectionSpec, type Row } from './directoryQuery.js';

/**
 * Entra ID directory: the signed-in user, users, groups, group members and the caller's
 * memberships, with the query rules of directory objects (advanced queries need
 * `ConsistencyLevel: eventual`). Errors use the directory's codes (`Request_ResourceNotFound`,
 * `Request_UnsupportedQuery`, `Authorization_RequestDenied`).
 */
const DOC = {
  userGet: 'https://learn.microsoft.com/graph/api/user-get',
  userList: 'https://learn.microsoft.com/graph/api/user-list',
  groupList: 'https://learn.microsoft.com/graph/api/group-list',
  groupGet: 'https://learn.microsoft.com/graph/api/group-get',
  groupMembers: 'https://learn.microsoft.com/graph/api/group-list-members',
  memberOf: 'https://learn.microsoft.com/graph/api/user-list-memberof',
  checkMemberGroups: 'https://learn.microsoft.com/graph/api/directoryobject-checkmembergroups',
} as const;

/** The properties `GET /users` and `GET /users/{id}` return when there is no `$select` (v1.0). */
export const USER_DEFAULT_PROPERTIES = [
  'businessPhones',
  'displayName',
  'givenName',
  'jobTitle',
  'mail',
  'mobilePhone',
  'officeLocation',
  'preferredLanguage',
  'surname',
  'userPrincipalName',
  'id',
] as const;

/** A user as Graph returns it by default. */
export function presentUser(u: Row): Row {
  const out: Row = {};
  for (const k of USER_DEFAULT_PROPERTIES) out[k] = u[k] ?? (k === 'businessPhones' ? [] : null);
  return out;
}

const USERS: CollectionSpec = {
  resource: 'User',
  entitySet: 'users',
  filterable: ['id', 'displayName', 'mail', 'userPrincipalName', 'jobTitle', 'department', 'givenName', 'surname', 'officeLocation', 'accountEnabled', 'companyName', 'preferredLanguage'],
  endsWith: ['mail', 'userPrincipalName'],
  sortable: ['displayName', 'userPrincipalName'],
  tokenized: ['displayName'],
  present: presentUser,
  defaultPageSize: 100,
  maxPageSize: 999,
};

const GROUPS: CollectionSpec = {
  resource: 'Group',
  entitySet: 'groups',
  filterable: ['id', 'displayName', 'mail', 'mailNickname', 'mailEnabled', 'securityEnabled', 'groupTypes', 'visibility', 'description'],
  endsWith: ['mail'],
  sortable: ['displayName'],
  tokenized: ['displayName', 'description'],
  present: (g) => g,
  defaultPageSize: 100,
  maxPageSize: 999,
};

const MEMBERS: CollectionSpec = { ...USERS, entitySet: 'directoryObjects', odataType: '#microsoft.graph.user' };
const MEMBER_OF: CollectionSpec = { ...GROUPS, entitySet: 'directoryObjects', odataType: '#microsoft.graph.group' };

const userNotFound = (id: string) =>
  new GraphHttpError(404, 'Request_ResourceNotFound', `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`);

function requireUser(ctx: Ctx, idOrUpn: string): UserRecord {
  const u = findUser(ctx.emu.db, idOrUpn);
  if (!u) throw userNotFound(idOrUpn);
  return u;
}

function requireGroup(ctx: Ctx, id: string): GroupRecord {
  const g = findGroup(ctx.emu.db, id);
  if (!g) throw userNotFound(id);
  return g;
}

const hasAny = (ctx: Ctx, scopes: readonly string[]) => scopes.some((s) => ctx.principal.scopes.has(s));

function userEntity(ctx: Ctx, u: UserRecord) {
  const select = parseSelect(ctx.query.get('$select') ?? ctx.query.get('select'));
  return ok({ '@odata.context': contextUrl(ctx, 'users', select, true), ...project(u, select, undefined, presentUser) });
}

export function register(emu: Emu): void {
  const r = emu.router;

  /** GET /me: the signed-in user. */
  r.get('/me', (ctx) => userEntity(ctx, requireUser(ctx, ctx.principal.userId)), { scopes: SCOPES.me, doc: DOC.userGet });

  /** GET /me/memberOf: the groups the signed-in user is a direct member of. */
  r.get(
    '/me/memberOf',
    (ctx) => {
      const ids = new Set(groupIdsOf(ctx.emu.db, ctx.principal.userId));
      return listPage(ctx, MEMBER_OF, allGroups(ctx.emu.db).filter((g) => ids.has(g.id)));
    },
    { scopes: SCOPES.myMemberships, doc: DOC.memberOf },
  );

  /** POST /me/checkMemberGroups: which of up to 20 group ids the user is a member of. */
  r.post(
    '/me/checkMemberGroups',
    async (ctx) => {
      const directoryWide = hasAny(ctx, ['Directory.Read.All', 'Directory.ReadWrite.All']);
      if (!directoryWide && !hasAny(ctx, ['User.Read', 'User.ReadWrite', 'User.ReadBasic.All', 'User.Read.All', 'User.ReadWrite.All'])) {
        throw new GraphHttpError(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');
      }
      const body = await ctx.json<{ groupIds?: unknown }>();
      const ids = body.groupIds;
      if (!Array.isArray(ids) || !ids.every((x) => typeof x === 'string')) {
        throw badRequest("The parameter 'groupIds' must be an array of group ids.", 'Request_BadRequest');
      }
      if (ids.length > 20) {
        throw badRequest(`At most 20 group ids can be checked per request; ${ids.length} were given.`, 'Request_BadRequest');
      }
      const mine = new Set(groupIdsOf(ctx.emu.db, ctx.principal.userId).map((g) => g.toLowerCase()));
      const value = [...new Set(ids as string[])].filter((id) => mine.has(id.toLowerCase()));
      return ok({ '@odata.context': `${ctx.baseUrl}/$metadata#Collection(Edm.String)`, value });
    },
    { scopes: SCOPES.checkMemberGroups, doc: DOC.checkMemberGroups },
  );

  r.get('/users/$count', (ctx) => countResult(ctx, allUsers(ctx.emu.db).length), { scopes: SCOPES.users, doc: DOC.userList });

  /** GET /users: list with $filter, $search, $orderby, $select, $top, $count and paging. */
  r.get('/users', (ctx) => listPage(ctx, USERS, allUsers(ctx.emu.db)), { scopes: SCOPES.users, doc: DOC.userList });

  /**
   * GET /users/{id | userPrincipalName}. With only User.Read a caller can read itself, as Graph
   * allows; anyone else needs one of the user-list scopes.
   */
  r.get(
    '/users/{id}',
    (ctx) => {
      const u = requireUser(ctx, ctx.params.id!);
      if (u.id !== ctx.principal.userId && !hasAny(ctx, SCOPES.users)) {
        throw new GraphHttpError(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');
      }
      return userEntity(ctx, u);
    },
    { scopes: SCOPES.me, doc: DOC.userGet },
  );

  r.get('/groups/$count', (ctx) => countResult(ctx, allGroups(ctx.emu.db).length), { scopes: SCOPES.groups, doc: DOC.groupList });

  /** GET /groups, including `groupTypes/any(c:c eq 'Unified')`. */
  r.get('/groups', (ctx) => listPage(ctx, GROUPS, allGroups(ctx.emu.db)), { scopes: SCOPES.groups, doc: DOC.groupList });

  /** GET /groups/{id}. */
  r.get(
    '/groups/{id}',
    (ctx) => {
      const g = requireGroup(ctx, ctx.params.id!);
      const select = parseSelect(ctx.query.get('$select') ?? ctx.query.get('select'));
      return ok({ '@odata.context': contextUrl(ctx, 'groups', select, true), ...project(g, select) });
    },
    { scopes: SCOPES.groups, doc: DOC.groupGet },
  );

  /** GET /groups/{id}/members: users as directoryObjects with `@odata.type`. */
  r.get(
    '/groups/{id}/members',
    (ctx) => {
      const g = requireGroup(ctx, ctx.params.id!);
      return listPage(ctx, MEMBERS, groupMembers(ctx.emu.db, g.id));
    },
    { scopes: SCOPES.groups, doc: DOC.groupMembers },
  );
}
