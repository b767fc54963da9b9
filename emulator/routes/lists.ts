import type { Emu } from '../emu.js';
import { ok, created, noContent, type Ctx, type RouteResult } from '../core/router.js';
import { accessDenied, badRequest, conflict, notFound } from '../core/errors.js';
import { SCOPES } from '../core/scopes.js';
import { applySelect, evalFilter, parseExpand, parseFilter, parseSelect, parseTop, q, type ExpandItem } from '../core/odata.js';
import { findSite, findSiteByPath, type SiteRow } from '../services/siteStore.js';
import { findUser, findGroup, findGroupByName, type UserRecord } from '../services/directory.js';
import { atLeast, requireLevel, effectiveLevel, type PermissionLevel } from '../services/permissions.js';
import { clearGrants, grant, grantsOn, hasUniqueGrants } from '../services/permissionStore.js';
import {
  checkIfMatch,
  columnsOf,
  countItems,
  createItem,
  deleteItem,
  findColumn,
  findList,
  findListById,
  itemVersions,
  itemsOf,
  listsOfSite,
  requireItem,
  siteUserLookupId,
  truncateChangeLog,
  updateColumn,
  insertColumn,
  updateItem,
  updateListRow,
  type ColumnRecord,
  type ItemRow,
  type ListRow,
  type ListSettings,
} from '../services/lists.js';
import { libraryItemForViewer, assertLibraryItemWritable, visibleVersionLabel } from '../services/driveRules.js';
import { createListIn, urlNameOf } from '../services/listFactory.js';
import {
  buildColumn,
  checkIndexRules,
  checkRequired,
  checkUnique,
  mayEditItem,
  normalizeFieldsForWrite,
  patchColumn,
  storageKey,
  type WriteContext,
} from '../services/listFields.js';
import { presentCtx, presentFields, presentItem, presentList, presentVersion, identityOf, type PresentCtx } from '../services/listPresent.js';
import {
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  compileItemQuery,
  decodeSkipToken,
  encodeSkipToken,
  enforceThreshold,
  pageItems,
  type ItemEval,
} from '../services/listQuery.js';
import { deltaPage } from '../services/listDelta.js';
import { ensureUserInfoList, isUserInfoListName, recordSiteVisit } from '../services/userInfoList.js';

/**
 * SharePoint lists, columns and list items (Microsoft Graph `sites/{id}/lists`). Document libraries are lists
 * too: their items are created by the drives routes and listed here.
 *
 * Permissions (SharePoint's model, services/permissions.ts): reading needs Read on the list; creating items needs
 * Add only (a custom level) or more; updating and deleting items needs Contribute; creating lists and columns
 * needs Edit ("Manage Lists"). A list with
 * `settings.writeSecurity: 'own'` lets Contribute users change only the items they created.
 *
 * Developer endpoints (outside Graph, no token), because Graph v1.0 cannot change list settings:
 * - `PUT /_dev/lists/{list-id}/permissions` with `{ "inherit": true }` or
 *   `{ "grants": [{ "group": "SMS-AllStaff", "level": "read" }, { "user": "jack.turner@...", "level": "contribute" }] }`
 *   (levels: read, add, contribute, edit, fullControl; `add` is the custom "Add only" level) sets unique permissions on a list or makes it inherit again;
 *   `GET` on the same path shows them.
 * - `PATCH /_dev/lists/{list-id}/settings` with ListSettings fields (`writeSecurity: 'all' | 'own'`,
 *   `enableMinorVersions`, `requireCheckout`, `draftVisibility`) changes List settings.
 * - `POST /_dev/lists/{list-id}/expireDeltaTokens` purges the list's change log, so older delta tokens get 410.
 */
const DOC = (page: string) => `https://learn.microsoft.com/graph/api/${page}`;
const READ = (page: string) => ({ scopes: SCOPES.sitesRead, doc: DOC(page), scopeErrorCode: 'accessDenied' });
const WRITE = (page: string) => ({ scopes: SCOPES.sitesWrite, doc: DOC(page), scopeErrorCode: 'accessDenied' });
const MANAGE = (page: string) => ({ scopes: SCOPES.sitesManage, doc: DOC(page), scopeErrorCode: 'accessDenied' });

const invalid = (message: string) => badRequest(message, 'invalidRequest');
const nowIso = (emu: Emu) => emu.now().toISOString().replace(/\.\d{3}Z$/, 'Z');

// ---------- resolution ----------

/** Site ids as Graph takes them in `/sites/{site-id}`: the id triple, the site collection GUID, or `root`. */
function siteOf(ctx: Ctx): SiteRow {
  const raw = ctx.params.siteId ?? '';
  const site = raw.toLowerCase() === 'root' ? findSiteByPath(ctx.emu.db, '/') : findSite(ctx.emu.db, raw);
  if (!site) throw notFound('Requested site could not be found', 'itemNotFound');
  // Any request to a site puts a caller who can read it into its User Information List (services/userInfoList.ts).
  recordSiteVisit(ctx.emu.db, site.id, ctx.principal.userId);
  return site;
}

/** A list by GUID, URL name or display name (list-get accepts the title). Needs Read on it. */
function listOf(ctx: Ctx, site: SiteRow): ListRow {
  const wanted = ctx.params.listId ?? '';
  let list = findList(ctx.emu.db, site.id, wanted);
  if (isUserInfoListName(wanted) || (list && isUserInfoListName(list.displayName))) list = ensureUserInfoList(ctx.emu, site);
  if (!list) throw notFound('The specified list was not found', 'itemNotFound');
  requireLevel(ctx.emu.db, ctx.principal.userId, 'read', site.id, list.id);
  return list;
}

function callerRecord(ctx: Ctx): UserRecord {
  // An app-only caller writes as the application: its id is stored as author/editor and
  // services/listPresent.ts presents it as `{ application: { id, displayName } }`.
  if (ctx.principal.kind === 'app') return { id: ctx.principal.userId, userPrincipalName: '', displayName: ctx.principal.displayName };
  const u = findUser(ctx.emu.db, ctx.principal.userId);
  if (!u) throw accessDenied('Access denied. The signed-in user is not known to this site.');
  return u;
}

function pctx(ctx: Ctx, site: SiteRow, list: ListRow): PresentCtx {
  return presentCtx(ctx.emu.db, ctx.baseUrl, site, list, columnsOf(ctx.emu.db, list.id));
}

const itemEval = (ctx: Ctx, list: ListRow, columns: ColumnRecord[]): ItemEval => {
  const cache = new Map<string, number>();
  return {
    columns,
    lookupIdOf(userId) {
      let n = cache.get(userId);
      if (n === undefined) { n = siteUserLookupId(ctx.emu.db, list.siteId, userId); cache.set(userId, n); }
      return n;
    },
  };
};

/** Builds a link that repeats the request's query with one option replaced (nextLink / deltaLink). */
function linkWith(ctx: Ctx, path: string, set: Record<string, string>, drop: string[]): string {
  const parts: string[] = [];
  const dropped = new Set([...drop, ...Object.keys(set)].map((k) => k.toLowerCase()));
  for (const [k, v] of ctx.query) {
    if (dropped.has(k.toLowerCase()) || dropped.has(`$${k.toLowerCase()}`) || dropped.has(k.toLowerCase().replace(/^\$/, ''))) continue;
    parts.push(`${encodeURIComponent(k).replace(/^%24/, '$')}=${encodeURIComponent(v)}`);
  }
  for (const [k, v] of Object.entries(set)) parts.push(`${k}=${encodeURIComponent(v)}`);
  return `${ctx.baseUrl}${path}${parts.length ? `?${parts.join('&')}` : ''}`;
}

const context = (ctx: Ctx, site: SiteRow, tail: string) => `${ctx.baseUrl}/$metadata#sites('${encodeURIComponent(site.id)}')${tail}`;

/** `fields` in `$expand` (also `fields($select=a,b)`); returns undefined when not expanded. */
function fieldsExpand(expand: ExpandItem[]): { select: string[] | null } | undefined {
  const f = expand.find((e) => e.name.toLowerCase() === 'fields');
  return f ? { select: parseSelect(f.options.$select) } : undefined;
}

// ---------- permission checks for writes ----------

/**
 * Creating an item needs the AddListItems permission, which the custom "Add only" level (`add`) holds;
 * changing or deleting one needs EditListItems / DeleteListItems, which start at Contribute
 * (services/permissions.ts). So a user with "Add only" creates items and is refused every update and delete,
 * their own items included.
 */
function requireItemWrite(ctx: Ctx, list: ListRow, item?: ItemRow): void {
  requireLevel(ctx.emu.db, ctx.principal.userId, item ? 'contribute' : 'add', list.siteId, list.id);
  if (item && !mayEditItem(ctx.emu.db, list, item, ctx.principal.userId)) {
    throw accessDenied('Access denied. This list only lets you edit items you created.');
  }
}

const bumpFor = (list: ListRow): 'major' | 'minor' => (list.template === 'documentLibrary' && list.settings.enableMinorVersions ? 'minor' : 'major');

// ---------- handlers: lists ----------

function listLists(ctx: Ctx): RouteResult {
  const site = siteOf(ctx);
  const { db } = ctx.emu;
  requireLevel(db, ctx.principal.userId, 'read', site.id);
  const top = parseTop(ctx.query, MAX_PAGE_SIZE) ?? DEFAULT_PAGE_SIZE;
  const filterSrc = q(ctx.query, 'filter');
  const filter = filterSrc ? parseFilter(filterSrc) : null;
  const select = parseSelect(q(ctx.query, 'select'));
  const token = q(ctx.query, 'skiptoken');
  const after = token ? Number(Buffer.from(token, 'base64url').toString('utf8').replace(/^Paged=TRUE&p_Pos=/, '')) : 0;
  if (!Number.isInteger(after) || after < 0) throw invalid('The $skiptoken is not valid for this query.');
  const visible = listsOfSite(db, site.id)
    .filter((l) => atLeast(effectiveLevel(db, ctx.principal.userId, site.id, l.id), 'read'))
    .map((l) => presentList(l, site.id))
    .filter((json) => !filter || evalFilter(filter, (path) => path.split('/').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), json)));
  const page = visible.slice(after, after + top);
  const body: Record<string, unknown> = {
    '@odata.context': context(ctx, site, '/lists'),
    value: page.map((l) => applySelect(l, select)),
  };
  if (after + top < visible.length) {
    body['@odata.nextLink'] = linkWith(ctx, ctx.path, { $skiptoken: Buffer.from(`Paged=TRUE&p_Pos=${after + top}`).toString('base64url') }, ['skiptoken']);
  }
  return ok(body);
}

async function createList(ctx: Ctx): Promise<RouteResult> {
  const site = siteOf(ctx);
  const { db } = ctx.emu;
  requireLevel(db, ctx.principal.userId, 'edit', site.id);
  const body = await ctx.json<Record<string, unknown>>();
  if (body.name !== undefined) throw invalid("Cannot define a 'name' for a list as it is assigned by the server. Instead, provide 'displayName'");
  const displayName = body.displayName;
  if (typeof displayName !== 'string' || !displayName.trim()) throw invalid("A list needs a 'displayName'.");
  const listFacet = (body.list ?? {}) as Record<string, unknown>;
  const template = typeof listFacet.template === 'string' && listFacet.template ? listFacet.template : 'genericList';
  const name = urlNameOf(displayName);
  if (findList(db, site.id, displayName) || findList(db, site.id, name)) {
    throw conflict('A list, survey, discussion board, or document library with the specified title already exists in this Web site. Please choose another title.', 'nameAlreadyExists');
  }
  if (body.columns !== undefined && !Array.isArray(body.columns)) throw invalid("'columns' must be an array of columnDefinitions.");
  const user = callerRecord(ctx);
  const result = db.transaction(() => {
    const list = createListIn(ctx.emu, site, {
      displayName: displayName.trim(),
      description: typeof body.description === 'string' ? body.description : '',
      template,
      hidden: listFacet.hidden === true,
    });
    const cols = columnsOf(db, list.id);
    for (const raw of (body.columns ?? []) as unknown[]) {
      if (typeof raw !== 'object' || raw === null) throw invalid("Each entry of 'columns' must be a columnDefinition.");
      const col = buildColumn(db, raw as Record<string, unknown>, cols, { inListCreate: true });
      checkIndexRules(cols, col);
      insertColumn(db, list.id, col);
      cols.push(col);
    }
    const p = presentCtx(db, ctx.baseUrl, site, list, cols);
    list.list = { ...list.list, createdBy: identityOf(p, user.id), lastModifiedBy: identityOf(p, user.id) } as ListRow['list'];
    updateListRow(db, list, list.modified);
    return list;
  })();
  return created({ '@odata.context': context(ctx, site, '/lists/$entity'), ...presentList(result, site.id) });
}

function getList(ctx: Ctx): RouteResult {
  const site = siteOf(ctx);
  const list = listOf(ctx, site);
  const expand = parseExpand(q(ctx.query, 'expand'));
  const body: Record<string, unknown> = applySelect({ '@odata.context': context(ctx, site, '/lists/$entity'), ...presentList(list, site.id) }, parseSelect(q(ctx.query, 'select')));
  for (const e of expand) {
    const what = e.name.toLowerCase();
    if (what === 'columns') {
      const select = parseSelect(e.options.$select);
      body.columns = visibleColumns(columnsOf(ctx.emu.db, list.id), select).map((c) => applySelect(c as unknown as Record<string, unknown>, select));
    } else if (what === 'items') {
      const p = pctx(ctx, site, list);
      const fields = fieldsExpand(parseExpand(e.options.$expand ?? null));
      const items = visibleItems(ctx, list);
      body.items = items.slice(0, DEFAULT_PAGE_SIZE).map((i) => presentItem(p, i, { fields, select: parseSelect(e.options.$select) }));
      if (items.length > DEFAULT_PAGE_SIZE) {
        const last = items[DEFAULT_PAGE_SIZE - 1]!;
        const cq = compileItemQuery(p.columns, null, null);
        const expandText = e.options.$expand ? `fields${fields?.select ? `($select=${fields.select.join(',')})` : ''}` : null;
        body['items@odata.nextLink'] = `${ctx.baseUrl}/sites/${encodeURIComponent(site.id)}/lists/${list.id}/items?${expandText ? `$expand=${encodeURIComponent(expandText)}&` : ''}$skiptoken=${encodeSkipToken(cq, [last.id])}`;
      }
    } else {
      throw invalid(`Parsing OData Select and Expand failed: Could not find a property named '${e.name}' on type 'microsoft.graph.list'.`);
    }
  }
  return ok(body);
}

// ---------- handlers: columns ----------

/** Hidden columns are listed only when `$select` names `hidden` (columndefinition resource page). */
const visibleColumns = (cols: ColumnRecord[], select: string[] | null) =>
  select?.some((s) => s.toLowerCase() === 'hidden') ? cols : cols.filter((c) => !c.hidden);

function listColumns(ctx: Ctx): RouteResult {
  const site = siteOf(ctx);
  const list = listOf(ctx, site);
  const select = parseSelect(q(ctx.query, 'select'));
  return ok({
    '@odata.context': context(ctx, site, `/lists('${list.id}')/columns`),
    value: visibleColumns(columnsOf(ctx.emu.db, list.id), select).map((c) => applySelect(c as unknown as Record<string, unknown>, select)),
  });
}

function getColumn(ctx: Ctx): RouteResult {
  const site = siteOf(ctx);
  const list = listOf(ctx, site);
  const col = findColumn(ctx.emu.db, list.id, ctx.params.columnId ?? '');
  if (!col) throw notFound('The specified column was not found', 'itemNotFound');
  return ok({ '@odata.context': context(ctx, site, `/lists('${list.id}')/columns/$entity`), ...applySelect(col as unknown as Record<string, unknown>, parseSelect(q(ctx.query, 'select'))) });
}

async function createColumn(ctx: Ctx): Promise<RouteResult> {
  const site = siteOf(ctx);
  const list = listOf(ctx, site);
  const { db } = ctx.emu;
  requireLevel(db, ctx.principal.userId, 'edit', site.id, list.id);
  const body = await ctx.json<Record<string, unknown>>();
  const cols = columnsOf(db, list.id);
  const col = buildColumn(db, body, cols);
  checkIndexRules(cols, col);
  db.transaction(() => {
    insertColumn(db, list.id, col);
    updateListRow(db, list, nowIso(ctx.emu));
  })();
  return created({ '@odata.context': context(ctx, site, `/lists('${list.id}')/columns/$entity`), ...col });
}

async function updateColumnRoute(ctx: Ctx): Promise<RouteResult> {
  const site = siteOf(ctx);
  const list = listOf(ctx, site);
  const { db } = ctx.emu;
  requireLevel(db, ctx.principal.userId, 'edit', site.id, list.id);
  // The body is read before the column is loaded, so nothing awaits between read and write.
  const patch = await ctx.json<Record<string, unknown>>();
  const col = findColumn(db, list.id, ctx.params.columnId ?? '');
  if (!col) throw notFound('The specified column was not found', 'itemNotFound');
  const next = patchColumn(db, col, patch);
  checkIndexRules(columnsOf(db, list.id), next);
  if (next.enforceUniqueValues && !col.enforceUniqueValues) {
    const seen = new Set<string>();
    for (const i of itemsOf(db, list.id)) {
      const v = i.fields[storageKey(next)];
      if (v === null || v === undefined) continue;
      const k = typeof v === 'string' ? v.toLowerCase() : JSON.stringify(v);
      if (seen.has(k)) throw invalid('This field contains duplicate values. Remove all duplicate values and try the operation again.');
      seen.add(k);
    }
  }
  db.transaction(() => {
    updateColumn(db, list.id, next);
    updateListRow(db, list, nowIso(ctx.emu));
  })();
  return ok({ '@odata.context': context(ctx, site, `/lists('${list.id}')/columns/$entity`), ...next });
}

// ---------- handlers: items ----------

function listItems(ctx: Ctx): RouteResult {
  const site = siteOf(ctx);
  const list = listOf(ctx, site);
  const { db } = ctx.emu;
  const p = pctx(ctx, site, list);
  const cq = compileItemQuery(p.columns, q(ctx.query, 'filter'), q(ctx.query, 'orderby'));
  enforceThreshold(cq, ctx.headers.get('prefer'), countItems(db, list.id));
  const size = parseTop(ctx.query, MAX_PAGE_SIZE) ?? DEFAULT_PAGE_SIZE;
  const token = q(ctx.query, 'skiptoken');
  const after = token ? decodeSkipToken(cq, token) : null;
  const fields = fieldsExpand(parseExpand(q(ctx.query, 'expand')));
  const select = parseSelect(q(ctx.query, 'select'));
  const page = pageItems(itemEval(ctx, list, p.columns), cq, visibleItems(ctx, list), after, Math.max(size, 1));
  const body: Record<string, unknown> = {
    '@odata.context': context(ctx, site, `/lists('${list.id}')/items${fields ? '(fields())' : ''}`),
    value: size === 0 ? [] : page.rows.map((i) => presentItem(p, i, { fields, select })),
  };
  if (page.nextKey && size > 0) body['@odata.nextLink'] = linkWith(ctx, ctx.path, { $skiptoken: encodeSkipToken(cq, page.nextKey) }, ['skiptoken']);
  return ok(body);
}

function itemOf(ctx: Ctx, list: ListRow): ItemRow {
  return requireItem(ctx.emu.db, list.id, ctx.params.itemId ?? '');
}

/**
 * The item as the caller may see it. In a library with minor versions, draft item security hides
 * drafts from readers: they get the last major version, and a never-published file does not exist.
 */
function visibleItemOf(ctx: Ctx, list: ListRow): ItemRow {
  const item = libraryItemForViewer(ctx.emu.db, list, itemOf(ctx, list), ctx.principal.userId);
  if (!item) throw notFound('The specified list item was not found.', 'itemNotFound');
  return item;
}

/**
 * The stored item a write acts on (never the last-major copy a reader sees: writing that back would
 * overwrite the drafts). 404 when the caller cannot see the item at all (a never-published draft).
 */
function writableItemOf(ctx: Ctx, list: ListRow): ItemRow {
  const item = itemOf(ctx, list);
  if (!libraryItemForViewer(ctx.emu.db, list, item, ctx.principal.userId)) throw notFound('The specified list item was not found.', 'itemNotFound');
  return item;
}

/** Every item of the list as the caller may see it (see `visibleItemOf`). */
function visibleItems(ctx: Ctx, list: ListRow): ItemRow[] {
  const out: ItemRow[] = [];
  const level = effectiveLevel(ctx.emu.db, ctx.principal.userId, list.siteId, list.id);
  for (const i of itemsOf(ctx.emu.db, list.id)) {
    const seen = libraryItemForViewer(ctx.emu.db, list, i, ctx.principal.userId, level);
    if (seen) out.push(seen);
  }
  return out;
}

/** True when the caller sees the item's drafts (the latest version is what they get back). */
function seesLatest(ctx: Ctx, list: ListRow, item: ItemRow): boolean {
  return libraryItemForViewer(ctx.emu.db, list, item, ctx.principal.userId) === item;
}

function getItemRoute(ctx: Ctx): RouteResult {
  const site = siteOf(ctx);
  const list = listOf(ctx, site);
  const item = visibleItemOf(ctx, list);
  const fields = fieldsExpand(parseExpand(q(ctx.query, 'expand')));
  return ok({
    '@odata.context': context(ctx, site, `/lists('${list.id}')/items/$entity`),
    ...presentItem(pctx(ctx, site, list), item, { fields, select: parseSelect(q(ctx.query, 'select')) }),
  });
}

function getFields(ctx: Ctx): RouteResult {
  const site = siteOf(ctx);
  const list = listOf(ctx, site);
  const item = visibleItemOf(ctx, list);
  return ok({
    '@odata.context': context(ctx, site, `/lists('${list.id}')/items('${item.id}')/fields/$entity`),
    ...presentFields(pctx(ctx, site, list), item, parseSelect(q(ctx.query, 'select'))),
  });
}

async function createItemRoute(ctx: Ctx): Promise<RouteResult> {
  const site = siteOf(ctx);
  const list = listOf(ctx, site);
  const { db } = ctx.emu;
  requireItemWrite(ctx, list);
  if (list.template === 'documentLibrary') {
    throw invalid('Files and folders should only be added to a DocumentLibrary via the OneDrive API');
  }
  const body = await ctx.json<Record<string, unknown>>();
  const columns = columnsOf(db, list.id);
  const wctx: WriteContext = { db, list, columns };
  const fields = normalizeFieldsForWrite(wctx, body.fields ?? {});
  for (const k of Object.keys(fields)) if (fields[k] === null) delete fields[k];
  checkRequired(wctx, fields);
  checkUnique(wctx, fields);
  const user = callerRecord(ctx);
  const item = db.transaction(() => createItem(db, list, { fields, user, at: nowIso(ctx.emu) }))();
  return created({
    '@odata.context': context(ctx, site, `/lists('${list.id}')/items/$entity`),
    ...presentItem(pctx(ctx, site, list), item, { fields: { select: null } }),
  });
}

/**
 * Shared by PATCH .../items/{id}/fields and PATCH .../items/{id} with `{ fields }`. The caller has read
 * the body already: load, checks and write run in one transaction with nothing awaited in between.
 */
function applyFieldUpdate(ctx: Ctx, list: ListRow, input: unknown): ItemRow {
  const { db } = ctx.emu;
  return db.transaction(() => {
    const item = writableItemOf(ctx, list);
    requireItemWrite(ctx, list, item);
    assertLibraryItemWritable(db, list, item, ctx.principal.userId);
    checkIfMatch(ctx.headers.get('if-match'), item);
    const columns = columnsOf(db, list.id);
    const wctx: WriteContext = { db, list, columns, item };
    const changes = normalizeFieldsForWrite(wctx, input);
    const merged = { ...item.fields, ...changes };
    for (const k of Object.keys(merged)) if (merged[k] === null) delete merged[k];
    checkRequired(wctx, merged);
    checkUnique(wctx, changes);
    const user = callerRecord(ctx);
    // updateItem merges the changes; a null clears a value (presenters omit nulls).
    return updateItem(db, item, { fields: changes, user, at: nowIso(ctx.emu), bump: bumpFor(list) });
  })();
}

async function patchFields(ctx: Ctx): Promise<RouteResult> {
  const site = siteOf(ctx);
  const list = listOf(ctx, site);
  const next = applyFieldUpdate(ctx, list, await ctx.json());
  return ok({
    '@odata.context': context(ctx, site, `/lists('${list.id}')/items('${next.id}')/fields/$entity`),
    ...presentFields(pctx(ctx, site, list), next, null),
  });
}

async function patchItem(ctx: Ctx): Promise<RouteResult> {
  const site = siteOf(ctx);
  const list = listOf(ctx, site);
  const body = await ctx.json<Record<string, unknown>>();
  const unknown = Object.keys(body).filter((k) => k !== 'fields' && !k.startsWith('@'));
  if (unknown.length) throw invalid(`Only 'fields' can be updated on a listItem; got '${unknown.join("', '")}'.`);
  const next = applyFieldUpdate(ctx, list, body.fields ?? {});
  return ok({
    '@odata.context': context(ctx, site, `/lists('${list.id}')/items/$entity`),
    ...presentItem(pctx(ctx, site, list), next, { fields: { select: null } }),
  });
}

function deleteItemRoute(ctx: Ctx): RouteResult {
  const site = siteOf(ctx);
  const list = listOf(ctx, site);
  const item = writableItemOf(ctx, list);
  requireItemWrite(ctx, list, item);
  assertLibraryItemWritable(ctx.emu.db, list, item, ctx.principal.userId, false);
  checkIfMatch(ctx.headers.get('if-match'), item);
  ctx.emu.db.transaction(() => deleteItem(ctx.emu.db, item, nowIso(ctx.emu)))();
  return noContent();
}

function listVersions(ctx: Ctx): RouteResult {
  const site = siteOf(ctx);
  const list = listOf(ctx, site);
  const latest = itemOf(ctx, list);
  const item = visibleItemOf(ctx, list);
  const drafts = seesLatest(ctx, list, latest);
  const p = pctx(ctx, site, list);
  const fields = fieldsExpand(parseExpand(q(ctx.query, 'expand')));
  return ok({
    '@odata.context': context(ctx, site, `/lists('${list.id}')/items('${item.id}')/versions`),
    value: itemVersions(ctx.emu.db, list.id, item.id).filter((v) => visibleVersionLabel(v.label, drafts)).map((v) => presentVersion(p, item, v, fields?.select ?? null)),
  });
}

function getVersion(ctx: Ctx): RouteResult {
  const site = siteOf(ctx);
  const list = listOf(ctx, site);
  const latest = itemOf(ctx, list);
  const item = visibleItemOf(ctx, list);
  const drafts = seesLatest(ctx, list, latest);
  const v = itemVersions(ctx.emu.db, list.id, item.id).find((x) => x.label === ctx.params.versionId && visibleVersionLabel(x.label, drafts));
  if (!v) throw notFound('The specified version was not found', 'itemNotFound');
  const fields = fieldsExpand(parseExpand(q(ctx.query, 'expand')));
  return ok({
    '@odata.context': context(ctx, site, `/lists('${list.id}')/items('${item.id}')/versions/$entity`),
    ...presentVersion(pctx(ctx, site, list), item, v, fields?.select ?? null),
  });
}

function itemsDelta(ctx: Ctx): RouteResult {
  const site = siteOf(ctx);
  const list = listOf(ctx, site);
  const p = pctx(ctx, site, list);
  const size = parseTop(ctx.query, MAX_PAGE_SIZE) ?? DEFAULT_PAGE_SIZE;
  const fields = fieldsExpand(parseExpand(q(ctx.query, 'expand')));
  const select = parseSelect(q(ctx.query, 'select'));
  const level = effectiveLevel(ctx.emu.db, ctx.principal.userId, list.siteId, list.id);
  const fresh = linkWith(ctx, ctx.path, {}, ['token']);
  const page = deltaPage(ctx.emu.db, list.id, ctx.query.get('token'), Math.max(size, 1), fresh);
  const body: Record<string, unknown> = {
    '@odata.context': context(ctx, site, `/lists('${list.id}')/items`),
    value: page.entries.flatMap((e) => {
      if (e.kind !== 'item') return [{ id: String(e.id), parentReference: { id: list.id, siteId: site.id }, deleted: { state: 'deleted' } }];
      const seen = libraryItemForViewer(ctx.emu.db, list, e.item, ctx.principal.userId, level);
      return seen ? [presentItem(p, seen, { fields, select })] : [];
    }),
  };
  if (page.next) body['@odata.nextLink'] = linkWith(ctx, ctx.path, { token: page.next }, ['token']);
  if (page.delta) body['@odata.deltaLink'] = linkWith(ctx, ctx.path, { token: page.delta }, ['token']);
  return ok(body);
}

// ---------- developer endpoints ----------

const LEVELS: PermissionLevel[] = ['read', 'add', 'contribute', 'edit', 'fullControl'];

function devList(ctx: Ctx): ListRow {
  const list = findListById(ctx.emu.db, ctx.params.listId ?? '');
  if (!list) throw notFound('No list with that id.', 'itemNotFound');
  return list;
}

function describePermissions(ctx: Ctx, list: ListRow): Record<string, unknown> {
  const scope = hasUniqueGrants(ctx.emu.db, list.id) ? list.id : list.siteId;
  return {
    listId: list.id,
    inherit: scope !== list.id,
    grants: grantsOn(ctx.emu.db, scope).map((g) => {
      const group = findGroup(ctx.emu.db, g.principalId);
      return group ? { group: group.displayName, level: g.level } : { user: findUser(ctx.emu.db, g.principalId)?.userPrincipalName ?? g.principalId, level: g.level };
    }),
  };
}

async function putPermissions(ctx: Ctx): Promise<RouteResult> {
  const list = devList(ctx);
  const { db } = ctx.emu;
  const body = await ctx.json<{ inherit?: unknown; grants?: unknown }>();
  if (body.inherit === true) {
    clearGrants(db, list.id);
    return ok(describePermissions(ctx, list));
  }
  if (!Array.isArray(body.grants) || body.grants.length === 0) {
    throw badRequest('Send { "inherit": true } or { "grants": [{ "group" | "user": ..., "level": "read" | "add" | "contribute" | "edit" | "fullControl" }] }.', 'invalidRequest');
  }
  const resolved = body.grants.map((g: unknown) => {
    const e = (g ?? {}) as { group?: unknown; user?: unknown; level?: unknown };
    if (typeof e.level !== 'string' || !LEVELS.includes(e.level as PermissionLevel)) throw badRequest(`Unknown level '${String(e.level)}'.`, 'invalidRequest');
    let principal: string | undefined;
    if (typeof e.group === 'string') principal = (findGroupByName(db, e.group) ?? findGroup(db, e.group))?.id;
    else if (typeof e.user === 'string') principal = findUser(db, e.user)?.id;
    if (!principal) throw badRequest(`Unknown group or user in grant ${JSON.stringify(g)}.`, 'invalidRequest');
    return { principal, level: e.level as PermissionLevel };
  });
  db.transaction(() => {
    clearGrants(db, list.id);
    for (const r of resolved) grant(db, list.id, r.principal, r.level);
  })();
  return ok(describePermissions(ctx, list));
}

async function patchSettings(ctx: Ctx): Promise<RouteResult> {
  const list = devList(ctx);
  const body = await ctx.json<Record<string, unknown>>();
  const next: ListSettings = { ...list.settings };
  for (const [k, v] of Object.entries(body)) {
    switch (k) {
      case 'writeSecurity':
        if (v !== 'all' && v !== 'own') throw badRequest("'writeSecurity' must be 'all' or 'own'.", 'invalidRequest');
        next.writeSecurity = v;
        break;
      case 'enableMinorVersions':
      case 'requireCheckout':
        if (typeof v !== 'boolean') throw badRequest(`'${k}' must be a boolean.`, 'invalidRequest');
        next[k] = v;
        break;
      case 'draftVisibility':
        if (v !== 'reader' && v !== 'author' && v !== 'approver') throw badRequest("'draftVisibility' must be 'reader', 'author' or 'approver'.", 'invalidRequest');
        next.draftVisibility = v;
        break;
      default:
        throw badRequest(`Unknown list setting '${k}'.`, 'invalidRequest');
    }
  }
  list.settings = next;
  updateListRow(ctx.emu.db, list, list.modified);
  return ok({ listId: list.id, settings: next });
}

// ---------- registration ----------

export function register(emu: Emu): void {
  const r = emu.router;
  const L = '/sites/{siteId}/lists';
  const I = `${L}/{listId}/items`;

  r.get(L, listLists, READ('list-list'));
  r.post(L, createList, MANAGE('list-create'));
  r.get(`${L}/{listId}`, getList, READ('list-get'));

  r.get(`${L}/{listId}/columns`, listColumns, READ('list-list-columns'));
  r.post(`${L}/{listId}/columns`, createColumn, MANAGE('list-post-columns'));
  r.get(`${L}/{listId}/columns/{columnId}`, getColumn, READ('columndefinition-get'));
  r.patch(`${L}/{listId}/columns/{columnId}`, updateColumnRoute, MANAGE('columndefinition-update'));

  r.get(`${I}/delta`, itemsDelta, READ('listitem-delta'));
  r.get(I, listItems, READ('listitem-list'));
  r.post(I, createItemRoute, WRITE('listitem-create'));
  r.get(`${I}/{itemId}`, getItemRoute, READ('listitem-get'));
  r.patch(`${I}/{itemId}`, patchItem, WRITE('listitem-update'));
  r.delete(`${I}/{itemId}`, deleteItemRoute, WRITE('listitem-delete'));
  r.get(`${I}/{itemId}/fields`, getFields, READ('listitem-get'));
  r.patch(`${I}/{itemId}/fields`, patchFields, WRITE('listitem-update'));
  r.get(`${I}/{itemId}/versions`, listVersions, READ('listitem-list-versions'));
  r.get(`${I}/{itemId}/versions/{versionId}`, getVersion, READ('listitemversion-get'));

  const dev = (doc: string) => ({ scopes: [] as string[], doc });
  const p = emu.publicRouter;
  p.get('/_dev/lists/{listId}/permissions', (ctx) => ok(describePermissions(ctx, devList(ctx))), dev('Shows whether a list inherits its site permissions, and its grants.'));
  p.put('/_dev/lists/{listId}/permissions', putPermissions, dev('Sets unique list permissions ({grants:[{group|user, level}]}) or restores inheritance ({inherit:true}), as an admin does in List settings.'));
  p.get('/_dev/lists/{listId}/settings', (ctx) => { const list = devList(ctx); return ok({ listId: list.id, settings: list.settings }); }, dev('Shows a list\'s List settings (writeSecurity, enableMinorVersions, requireCheckout, draftVisibility).'));
  p.patch('/_dev/lists/{listId}/settings', patchSettings, dev('Changes List settings: writeSecurity (all|own), enableMinorVersions, requireCheckout, draftVisibility.'));
  p.post(
    '/_dev/lists/{listId}/expireDeltaTokens',
    (ctx) => {
      const list = devList(ctx);
      return ok({ listId: list.id, purgedChanges: truncateChangeLog(ctx.emu.db, list.id) });
    },
    dev('Purges a list\'s change log so that older delta tokens get 410 Gone (resync).'),
  );
}
