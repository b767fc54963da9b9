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
 * Entra ID directory: the signed-in user, users, groups, group members and memberships (`/me/…` and the
 * same routes under `/users/{id | userPrincipalName}/…`), with the query rules of directory objects (advanced queries need
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

/**
 * The properties `GET /groups` and `GET /groups/{id}` return when there is no `$select` (v1.0), in the order
 * of the "Get group" example response (https://learn.microsoft.com/graph/api/group-get, example 1;
 * https://learn.microsoft.com/graph/api/resources/group marks each "Returned by default").
 */
export const GROUP_DEFAULT_PROPERTIES = [
  'id',
  'deletedDateTime',
  'classification',
  'createdDateTime',
  'description',
  'displayName',
  'expirationDateTime',
  'groupTypes',
  'isAssignableToRole',
  'mail',
  'mailEnabled',
  'mailNickname',
  'membershipRule',
  'membershipRuleProcessingState',
  'onPremisesDomainName',
  'onPremisesLastSyncDateTime',
  'onPremisesNetBiosName',
  'onPremisesSamAccountName',
  'onPremisesSecurityIdentifier',
  'onPremisesSyncEnabled',
  'preferredDataLocation',
  'preferredLanguage',
  'proxyAddresses',
  'renewedDateTime',
  'resourceBehaviorOptions',
  'resourceProvisioningOptions',
  'securityEnabled',
  'securityIdentifier',
  'theme',
  'visibility',
  'onPremisesProvisioningErrors',
] as const;

/** Collection-valued group properties: `[]`, never null, when the group has none. */
const GROUP_COLLECTIONS = new Set(['groupTypes', 'proxyAddresses', 'resourceBehaviorOptions', 'resourceProvisioningOptions', 'onPremisesProvisioningErrors']);

/**
 * The security identifier Entra ID gives a cloud group: `S-1-12-1-` and the object id's 16 bytes read as four
 * little-endian 32-bit numbers (the example on group-get, `02bd9fd6-8f93-4758-87c3-1fb73740a315` →
 * `S-1-12-1-45981654-1196986259-3072312199-363020343`, follows this rule).
 */
export function groupSecurityIdentifier(id: string): string {
  const hex = id.replace(/-/g, '');
  // A GUID's first three fields are stored little-endian; the last two byte for byte.
  const bytes = Buffer.from(
    hex.slice(6, 8) + hex.slice(4, 6) + hex.slice(2, 4) + hex.slice(0, 2) + hex.slice(10, 12) + hex.slice(8, 10) + hex.slice(14, 16) + hex.slice(12, 14) + hex.slice(16),
    'hex',
  );
  const parts = [0, 4, 8, 12].map((o) => bytes.readUInt32LE(o));
  return `S-1-12-1-${parts.join('-')}`;
}

/**
 * A group as Graph returns it by default: every default property, null when unset. Values the directory derives
 * are filled in as the service does: `proxyAddresses` holds the primary SMTP address of a mail-enabled group,
 * `renewedDateTime` starts at `createdDateTime`, `securityIdentifier` comes from the object id.
 */
export function presentGroup(g: Row): Row {
  const derived: Row = {
    proxyAddresses: typeof g.mail === 'string' && g.mail ? [`SMTP:${g.mail}`] : [],
    renewedDateTime: g.createdDateTime ?? null,
    securityIdentifier: typeof g.id === 'string' ? groupSecurityIdentifier(g.id) : null,
  };
  const out: Row = {};
  for (const k of GROUP_DEFAULT_PROPERTIES) out[k] = g[k] ?? derived[k] ?? (GROUP_COLLECTIONS.has(k) ? [] : null);
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
  present: presentGroup,
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
const insufficientPrivileges = () => new GraphHttpError(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');

/** A stored group with the properties the directory derives, so `$filter` and `$select` see them too. */
const fullGroup = (g: GroupRecord): Row => ({ ...g, ...presentGroup(g as unknown as Row) });

function userEntity(ctx: Ctx, u: UserRecord) {
  const select = parseSelect(ctx.query.get('$select') ?? ctx.query.get('select'));
  return ok({ '@odata.context': contextUrl(ctx, 'users', select, true), ...project(u, select, undefined, presentUser) });
}

export function register(emu: Emu): void {
  const r = emu.router;

  /** GET /me: the signed-in user. */
  r.get('/me', (ctx) => userEntity(ctx, requireUser(ctx, ctx.principal.userId)), { scopes: SCOPES.me, doc: DOC.userGet });

  /**
   * GET /me/memberOf and GET /users/{id | userPrincipalName}/memberOf: the groups a user is a direct member of.
   * A user reads their own memberships with User.Read; another user's need one of the higher privileged
   * permissions of user-list-memberof (GroupMember.Read.All, Directory.Read.All, Directory.ReadWrite.All).
   */
  const memberOf = (ctx: Ctx, u: UserRecord) => {
    if (u.id !== ctx.principal.userId && !hasAny(ctx, SCOPES.myMemberships.filter((s) => s !== 'User.Read'))) throw insufficientPrivileges();
    const ids = new Set(groupIdsOf(ctx.emu.db, u.id));
    return listPage(ctx, MEMBER_OF, allGroups(ctx.emu.db).filter((g) => ids.has(g.id)).map(fullGroup));
  };
  r.get('/me/memberOf', (ctx) => memberOf(ctx, requireUser(ctx, ctx.principal.userId)), { scopes: SCOPES.myMemberships, doc: DOC.memberOf });
  r.get('/users/{id}/memberOf', (ctx) => memberOf(ctx, requireUser(ctx, ctx.params.id!)), { scopes: SCOPES.myMemberships, doc: DOC.memberOf });

  /**
   * POST /me/checkMemberGroups and /users/{id | userPrincipalName}/checkMemberGroups: which of up to 20 group ids
   * the user is a member of. For another user the user half of the permission pair must be one that reads
   * other users (User.ReadBasic.All or higher), as directoryobject-checkmembergroups lists.
   */
  const checkGroups = async (ctx: Ctx, u: UserRecord) => {
    const directoryWide = hasAny(ctx, ['Directory.Read.All', 'Directory.ReadWrite.All']);
    const userScopes = u.id === ctx.principal.userId ? ['User.Read', 'User.ReadWrite', ...SCOPES.users] : SCOPES.users;
    if (!directoryWide && !hasAny(ctx, userScopes)) throw insufficientPrivileges();
    const body = await ctx.json<{ groupIds?: unknown }>();
    const ids = body.groupIds;
    if (!Array.isArray(ids) || !ids.every((x) => typeof x === 'string')) {
      throw badRequest("The parameter 'groupIds' must be an array of group ids.", 'Request_BadRequest');
    }
    if (ids.length > 20) {
      throw badRequest(`At most 20 group ids can be checked per request; ${ids.length} were given.`, 'Request_BadRequest');
    }
    const theirs = new Set(groupIdsOf(ctx.emu.db, u.id).map((g) => g.toLowerCase()));
    const value = [...new Set(ids as string[])].filter((id) => theirs.has(id.toLowerCase()));
    return ok({ '@odata.context': `${ctx.baseUrl}/$metadata#Collection(Edm.String)`, value });
  };
  r.post('/me/checkMemberGroups', (ctx) => checkGroups(ctx, requireUser(ctx, ctx.principal.userId)), {
    scopes: SCOPES.checkMemberGroups,
    doc: DOC.checkMemberGroups,
  });
  r.post('/users/{id}/checkMemberGroups', (ctx) => checkGroups(ctx, requireUser(ctx, ctx.params.id!)), {
    scopes: SCOPES.checkMemberGroups,
    doc: DOC.checkMemberGroups,
  });

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
      if (u.id !== ctx.principal.userId && !hasAny(ctx, SCOPES.users)) throw insufficientPrivileges();
      return userEntity(ctx, u);
    },
    { scopes: SCOPES.me, doc: DOC.userGet },
  );

  r.get('/groups/$count', (ctx) => countResult(ctx, allGroups(ctx.emu.db).length), { scopes: SCOPES.groups, doc: DOC.groupList });

  /** GET /groups, including `groupTypes/any(c:c eq 'Unified')`. */
  r.get('/groups', (ctx) => listPage(ctx, GROUPS, allGroups(ctx.emu.db).map(fullGroup)), { scopes: SCOPES.groups, doc: DOC.groupList });

  /** GET /groups/{id}. */
  r.get(
    '/groups/{id}',
    (ctx) => {
      const g = requireGroup(ctx, ctx.params.id!);
      const select = parseSelect(ctx.query.get('$select') ?? ctx.query.get('select'));
      return ok({ '@odata.context': contextUrl(ctx, 'groups', select, true), ...project(fullGroup(g), select, undefined, presentGroup) });
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
