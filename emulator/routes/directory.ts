import type { Emu } from '../emu.js';
import { ok, noContent, type Ctx } from '../core/router.js';
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
  groupOwners,
  memberGroups,
  transitiveMembers,
  transitiveGroupIdsOf,
  isDirectMember,
  addMember,
  addGroupMember,
  removeMember,
  type UserRecord,
  type GroupRecord,
} from '../services/directory.js';
import { findSiteByPath } from '../services/siteStore.js';
import { atLeast, effectiveLevel } from '../services/permissions.js';
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
  groupTransitiveMembers: 'https://learn.microsoft.com/graph/api/group-list-transitivemembers',
  groupAddMember: 'https://learn.microsoft.com/graph/api/group-post-members',
  groupRemoveMember: 'https://learn.microsoft.com/graph/api/group-delete-members',
  memberOf: 'https://learn.microsoft.com/graph/api/user-list-memberof',
  transitiveMemberOf: 'https://learn.microsoft.com/graph/api/user-list-transitivememberof',
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

const USER_TYPE = '#microsoft.graph.user';
const GROUP_TYPE = '#microsoft.graph.group';
const MEMBERS: CollectionSpec = { ...USERS, entitySet: 'directoryObjects', odataType: USER_TYPE };
const MEMBER_OF: CollectionSpec = { ...GROUPS, entitySet: 'directoryObjects', odataType: GROUP_TYPE };

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

/**
 * Members of a group as the directoryObject collection Graph returns: users and nested groups, each with its
 * `@odata.type` and shaped as its own type (a group's default properties are a group's). `$filter`, `$search`
 * and `$orderby` take the user properties, as on `/groups/{id}/members` before nesting.
 */
function memberObjects(users: readonly UserRecord[], groups: readonly GroupRecord[]): { spec: CollectionSpec; rows: Row[] } {
  const groupIds = new Set(groups.map((g) => g.id));
  const isGroup = (r: Row) => groupIds.has(r.id as string);
  return {
    spec: {
      ...MEMBERS,
      odataType: (r) => (isGroup(r) ? GROUP_TYPE : USER_TYPE),
      present: (r) => (isGroup(r) ? presentGroup(r) : presentUser(r)),
      partialType: isGroup,
    },
    rows: [...(users as unknown as Row[]), ...groups.map(fullGroup)],
  };
}

/**
 * The OData casts of a members collection: `/microsoft.graph.user` lists only the users, `/microsoft.graph.group`
 * only the groups, as plain `users` / `groups` collections. Any other member type is refused with 400
 * Request_UnsupportedQuery, as group-list-transitivemembers says for "an OData cast that represents an
 * unsupported member type" (the emulated directory has no devices, contacts or service principals as members).
 */
function castPage(ctx: Ctx, cast: string, users: readonly UserRecord[], groups: readonly GroupRecord[]) {
  switch (cast.toLowerCase()) {
    case 'microsoft.graph.user':
      return listPage(ctx, USERS, users);
    case 'microsoft.graph.group':
      return listPage(ctx, GROUPS, groups.map(fullGroup));
    default:
      throw new GraphHttpError(400, 'Request_UnsupportedQuery', `The type cast '${cast}' is not a supported member type of this collection.`);
  }
}

/**
 * Who may change a group's members. Delegated: the signed-in user must also hold an Entra role that may
 * update group members, group owners first among them (group-post-members, "In delegated scenarios, the
 * signed-in user must also be assigned a supported Microsoft Entra role ... Group owners, ... Groups
 * Administrator, User Administrator"). The emulator has no directory roles: besides the group's owners it lets
 * through a user with Full Control on the tenant's root site, the stand-in for an administrator that
 * routes/sitePermissions.ts uses too. App-only callers need only the application permission (checked on the route).
 */
function requireMembershipManager(ctx: Ctx, g: GroupRecord): void {
  if (ctx.principal.kind === 'app') return;
  const { db } = ctx.emu;
  if (groupOwners(db, g.id).some((o) => o.id === ctx.principal.userId)) return;
  const root = findSiteByPath(db, '/');
  if (root && atLeast(effectiveLevel(db, ctx.principal.userId, root.id), 'fullControl')) return;
  throw insufficientPrivileges();
}

/** The object id at the end of a reference URL: `https://graph.microsoft.com/v1.0/directoryObjects/{id}` (also `/users/{id}`, `/groups/{id}`). */
function referencedId(ref: unknown): string {
  const m = typeof ref === 'string' ? /\/(?:directoryObjects|users|groups)\/([^/?#]+)\/?$/i.exec(ref) : null;
  if (!m) {
    throw badRequest("The request body must be { \"@odata.id\": \"https://graph.microsoft.com/v1.0/directoryObjects/{id}\" }.", 'Request_BadRequest');
  }
  return decodeURIComponent(m[1]!);
}

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
   * GET /me/transitiveMemberOf: the groups the signed-in user is a member of directly or through nested groups
   * (User.Read least privileged for one's own memberships, user-list-transitivememberof).
   */
  r.get(
    '/me/transitiveMemberOf',
    (ctx) => {
      const ids = new Set(transitiveGroupIdsOf(ctx.emu.db, ctx.principal.userId));
      return listPage(ctx, MEMBER_OF, allGroups(ctx.emu.db).filter((g) => ids.has(g.id)).map(fullGroup));
    },
    { scopes: SCOPES.myMemberships, doc: DOC.transitiveMemberOf },
  );

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
    // Transitive: "checks for membership ... directly or transitively" (directoryobject-checkmembergroups).
    const theirs = new Set(transitiveGroupIdsOf(ctx.emu.db, u.id).map((g) => g.toLowerCase()));
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

  /**
   * GET /groups/{id}/members: the direct members, users and nested groups, as directoryObjects with
   * `@odata.type` ("This operation isn't transitive", group-list-members).
   */
  r.get(
    '/groups/{id}/members',
    (ctx) => {
      const g = requireGroup(ctx, ctx.params.id!);
      const { spec, rows } = memberObjects(groupMembers(ctx.emu.db, g.id), memberGroups(ctx.emu.db, g.id));
      return listPage(ctx, spec, rows);
    },
    { scopes: SCOPES.groups, doc: DOC.groupMembers },
  );

  /** GET /groups/{id}/members/microsoft.graph.user (or .group): the direct members of one type. */
  r.get(
    '/groups/{id}/members/{cast}',
    (ctx) => {
      const g = requireGroup(ctx, ctx.params.id!);
      return castPage(ctx, ctx.params.cast!, groupMembers(ctx.emu.db, g.id), memberGroups(ctx.emu.db, g.id));
    },
    { scopes: SCOPES.groups, doc: DOC.groupMembers },
  );

  /**
   * GET /groups/{id}/transitiveMembers: "a flat list of all nested members" (group-list-transitivemembers): the
   * users of the group and of every group nested in it at any depth, and the nested groups, each once; a cycle
   * of nested groups is walked once. Same `$select`, `$top` and paging as /members.
   */
  r.get(
    '/groups/{id}/transitiveMembers',
    (ctx) => {
      const g = requireGroup(ctx, ctx.params.id!);
      const all = transitiveMembers(ctx.emu.db, g.id);
      const { spec, rows } = memberObjects(all.users, all.groups);
      return listPage(ctx, spec, rows);
    },
    { scopes: SCOPES.groupMembers, doc: DOC.groupTransitiveMembers },
  );

  /** GET /groups/{id}/transitiveMembers/microsoft.graph.user (or .group): the OData cast of the flat list ("OData cast is enabled"). */
  r.get(
    '/groups/{id}/transitiveMembers/{cast}',
    (ctx) => {
      const g = requireGroup(ctx, ctx.params.id!);
      const all = transitiveMembers(ctx.emu.db, g.id);
      return castPage(ctx, ctx.params.cast!, all.users, all.groups);
    },
    { scopes: SCOPES.groupMembers, doc: DOC.groupTransitiveMembers },
  );

  /**
   * POST /groups/{id}/members/$ref with `{ "@odata.id": "https://graph.microsoft.com/v1.0/directoryObjects/{id}" }`:
   * adds a user or a group (group-post-members): 204 No Content; 400 when the object is already a member, with the
   * directory's message "One or more added object references already exist for the following modified properties:
   * 'members'." (observed behaviour: public group-sync code matches on this exact message after a 400 to
   * mean "already a member"); 404 Request_ResourceNotFound when the object does
   * not exist. Member types per the page's table: a user or a security group joins a security group; nothing but
   * users joins a Microsoft 365 group, and a Microsoft 365 group joins no group.
   */
  r.post(
    '/groups/{id}/members/$ref',
    async (ctx) => {
      const g = requireGroup(ctx, ctx.params.id!);
      requireMembershipManager(ctx, g);
      const memberId = referencedId((await ctx.json<Record<string, unknown>>())['@odata.id']);
      const { db } = ctx.emu;
      // A reference names the object by id (findUser also takes a UPN, which a reference is not).
      const found = findUser(db, memberId);
      const user = found && found.id.toLowerCase() === memberId.toLowerCase() ? found : undefined;
      const group = user ? undefined : findGroup(db, memberId);
      if (!user && !group) throw userNotFound(memberId);
      const id = group ? group.id : user!.id;
      if (isDirectMember(db, g.id, id)) {
        throw badRequest("One or more added object references already exist for the following modified properties: 'members'.", 'Request_BadRequest');
      }
      if (group) {
        const unified = (x: GroupRecord) => (x.groupTypes ?? []).includes('Unified');
        if (group.id === g.id || unified(g) || unified(group)) {
          throw badRequest(`The group '${group.displayName}' cannot be added as a member of '${g.displayName}': only security groups nest, into security groups.`, 'Request_BadRequest');
        }
        addGroupMember(db, g.id, group.id);
      } else {
        addMember(db, g.id, id);
      }
      return noContent();
    },
    { scopes: SCOPES.groupMembersWrite, doc: DOC.groupAddMember },
  );

  /**
   * DELETE /groups/{id}/members/{memberId}/$ref: removes a direct member, user or group (group-delete-members):
   * 204 No Content. An id that is not a direct member answers 404 Request_ResourceNotFound with the directory's
   * "does not exist or one of its queried reference-property objects are not present" wording (observed:
   * microsoftgraph/microsoft-graph-docs-contrib#4847).
   */
  r.delete(
    '/groups/{id}/members/{memberId}/$ref',
    (ctx) => {
      const g = requireGroup(ctx, ctx.params.id!);
      requireMembershipManager(ctx, g);
      if (!removeMember(ctx.emu.db, g.id, ctx.params.memberId!)) throw userNotFound(ctx.params.memberId!);
      return noContent();
    },
    { scopes: SCOPES.groupMembersWrite, doc: DOC.groupRemoveMember },
  );
}
