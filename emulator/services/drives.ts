import { requestCaller } from '../core/auth.js';
import type { Emu } from '../emu.js';
import { GraphHttpError, badRequest, conflict, notFound, preconditionFailed } from '../core/errors.js';
import { findUser, findGroup, type UserRecord } from './directory.js';
import { recordSiteVisit } from './userInfoList.js';
import { findSite, findGroupSite, type SiteRow } from './siteStore.js';
import { requireLevel, type PermissionLevel } from './permissions.js';
import {
  createItem, updateItem, getItem, deleteItem, findListById, listsOfSite, itemVersions, versionLabel, columnsOf, rollbackItem,
  type ItemRow, type ListRow,
} from './lists.js';
import { normalizeFieldsForWrite, checkRequired, checkUnique } from './listFields.js';
import {
  findDrive, driveOfList, syncDrives, findNode, childNodes, childNodeByName, insertNode, newDriveItemId, setNodeParent, setNodeDescription,
  setCheckedOut, checkoutLabel, dropVersionContentAfter, bumpContentSeq, deleteNodeRow, collectBlobs, putBlob, setVersionContent, contentAt,
  type DriveRow, type NodeRow,
} from './driveStore.js';
import { seesDrafts, itemAsSeenBy, visibleVersionLabel, lockedError, checkoutRequiredError, neverCheckedInFor } from './driveRules.js';

/**
 * Files and folders of SharePoint document libraries as Graph driveItems
 * (https://learn.microsoft.com/graph/api/resources/driveitem). Every file or folder is a list
 * item of its library (content type Document or Folder, `FileLeafRef` = name), so list APIs
 * and drive APIs see the same data. Versions, check-out and draft visibility follow SharePoint.
 */

/** Simple upload limit (driveitem-put-content: "This method only supports files up to 4MB in size"). */
export const SIMPLE_UPLOAD_LIMIT = 4 * 1024 * 1024;
export const DEFAULT_PAGE_SIZE = 200;

export type ConflictBehavior = 'fail' | 'rename' | 'replace';

/** Everything a request on one drive needs: who asks, with what level, and where. */
export interface DriveCtx {
  emu: Emu;
  drive: DriveRow;
  list: ListRow;
  site: SiteRow;
  user: UserRecord;
  level: PermissionLevel;
  /** Origin the caller used (for pre-authenticated URLs). */
  origin: string;
}

export type Target = { kind: 'root' } | { kind: 'item'; node: NodeRow; item: ItemRow };

// ---------- errors ----------

const itemNotFound = () => notFound('The resource could not be found.', 'itemNotFound');

// ---------- opening drives ----------

/** Opens a drive for a user, requiring `need` on its library (403 `accessDenied` otherwise). */
export function openDrive(emu: Emu, drive: DriveRow, userId: string, need: PermissionLevel, origin: string): DriveCtx {
  const list = findListById(emu.db, drive.listId);
  const site = findSite(emu.db, drive.siteId);
  if (!list || !site) throw itemNotFound();
  // An app-only caller (no user) works as the application: what it writes names the app (drivePresent.ts).
  const caller = requestCaller.getStore();
  const app = caller?.kind === 'app' && caller.userId === userId ? caller : undefined;
  const user = app ? { id: userId, userPrincipalName: '', displayName: app.displayName } : findUser(emu.db, userId);
  if (!user) throw new GraphHttpError(401, 'InvalidAuthenticationToken', 'The user of this token no longer exists.');
  const level = requireLevel(emu.db, userId, need, site.id, list.id);
  // Opening a site's library is a visit to the site: the user joins its User Information List (userInfoList.ts).
  if (!app) recordSiteVisit(emu.db, site.id, userId);
  return { emu, drive, list, site, user, level, origin };
}

/** A drive by id (`b!…`); 404 `itemNotFound` when no library has it. */
export function requireDrive(emu: Emu, driveId: string): DriveRow {
  const d = findDrive(emu.db, driveId);
  if (!d) throw notFound('The drive could not be found.', 'itemNotFound');
  return d;
}

/** Document libraries of a site, as drives (hidden libraries are left out). */
export function drivesOfSite(emu: Emu, site: SiteRow): { drive: DriveRow; list: ListRow }[] {
  syncDrives(emu.db);
  const out: { drive: DriveRow; list: ListRow }[] = [];
  for (const list of listsOfSite(emu.db, site.id)) {
    if (list.template !== 'documentLibrary' || list.list.list?.hidden) continue;
    const drive = driveOfList(emu.db, list.id);
    if (drive) out.push({ drive, list });
  }
  return out;
}

/** A site's default drive: its "Documents" library (URL name `Shared Documents`). */
export function defaultDriveOfSite(emu: Emu, site: SiteRow): DriveRow {
  const all = drivesOfSite(emu, site);
  const hit = all.find((d) => d.list.name.toLowerCase() === 'shared documents') ?? all[0];
  if (!hit) throw notFound('The site has no document library.', 'itemNotFound');
  return hit.drive;
}

/** A site by Graph site id; 404 `itemNotFound` otherwise. */
export function requireSite(emu: Emu, siteId: string): SiteRow {
  const site = findSite(emu.db, siteId);
  if (!site) throw notFound(`Requested site could not be found`, 'itemNotFound');
  return site;
}

/** The SharePoint site of a Microsoft 365 group (`/groups/{id}/drive` is its default library). */
export function groupSite(emu: Emu, groupId: string): SiteRow {
  if (!findGroup(emu.db, groupId)) throw notFound(`Resource '${groupId}' does not exist or one of its queried reference-property objects are not present.`, 'Request_ResourceNotFound');
  const site = findGroupSite(emu.db, groupId);
  if (!site) throw notFound('The group has no site.', 'itemNotFound');
  return site;
}

// ---------- drive JSON ----------

// ---------- loading items ----------

/** The root or an item of the drive by id, whatever the caller may see; 404 when it does not exist. */
export function loadTarget(dc: DriveCtx, id: string): Target {
  if (id.toLowerCase() === 'root' || id === dc.drive.rootId) return { kind: 'root' };
  const node = findNode(dc.emu.db, dc.drive.id, id);
  if (!node) throw itemNotFound();
  const item = getItem(dc.emu.db, node.listId, node.listItemId);
  if (!item) {
    // The list item was deleted through the list API: the file is gone.
    deleteNodeRow(dc.emu.db, node);
    throw itemNotFound();
  }
  return { kind: 'item', node, item };
}

/** A file's or folder's name: its list item's `FileLeafRef`. */
export const nameOf = (item: Pick<ItemRow, 'fields'>): string => String(item.fields.FileLeafRef ?? '');

/** The driveItem id children of this folder point at. */
export const parentIdOf = (t: Target, dc: DriveCtx): string => (t.kind === 'root' ? dc.drive.rootId : t.node.id);

/** Children of a folder with their list items (everything, whatever the viewer may see). */
export function childrenOf(dc: DriveCtx, parentId: string): { node: NodeRow; item: ItemRow }[] {
  const out: { node: NodeRow; item: ItemRow }[] = [];
  for (const node of childNodes(dc.emu.db, parentId)) {
    const item = getItem(dc.emu.db, node.listId, node.listItemId);
    if (item) out.push({ node, item });
  }
  return out;
}

function findChild(dc: DriveCtx, parentId: string, name: string): { node: NodeRow; item: ItemRow } | undefined {
  const node = childNodeByName(dc.emu.db, parentId, name);
  const item = node ? getItem(dc.emu.db, node.listId, node.listItemId) : undefined;
  return node && item ? { node, item } : undefined;
}

/** Whether the caller sees drafts of this item. */
export function draftsFor(dc: DriveCtx, node: NodeRow, item: ItemRow): boolean {
  return seesDrafts(dc.list, dc.level, item, dc.user.id, node.checkedOutBy);
}

/** The item as the caller sees it; undefined when it does not exist for them. */
export function seenItem(dc: DriveCtx, node: NodeRow, item: ItemRow): ItemRow | undefined {
  if (neverCheckedInFor(dc.emu.db, node, dc.user.id)) return undefined;
  return itemAsSeenBy(dc.emu.db, dc.list, item, draftsFor(dc, node, item));
}

/** Loads an item the caller can see (404 otherwise). */
export function visibleTarget(dc: DriveCtx, id: string): Target {
  const t = loadTarget(dc, id);
  if (t.kind === 'item' && !seenItem(dc, t.node, t.item)) throw itemNotFound();
  return t;
}

function splitPath(path: string): string[] {
  const parts = path.replace(/:$/, '').split('/').filter((p) => p.length > 0);
  if (parts.length === 0) throw badRequest('The path is empty.', 'invalidRequest');
  return parts;
}

/** Resolves `{base}:/{path}` (path addressing); 404 when any segment is missing. */
export function resolvePath(dc: DriveCtx, baseId: string, path: string): Target {
  let cur = visibleTarget(dc, baseId);
  for (const seg of splitPath(path)) {
    if (cur.kind === 'item' && !cur.node.isFolder) throw itemNotFound();
    const child = findChild(dc, parentIdOf(cur, dc), seg);
    if (!child || !seenItem(dc, child.node, child.item)) throw itemNotFound();
    cur = { kind: 'item', node: child.node, item: child.item };
  }
  return cur;
}

/**
 * Resolves the parent folder and leaf name of `{base}:/{path}` for creating an item, making
 * missing intermediate folders (as OneDrive does for `PUT /root:/FolderA/FileB.txt:/content`).
 */
export function resolveForCreate(dc: DriveCtx, baseId: string, path: string): { parent: Target; name: string; existing?: Target } {
  const parts = splitPath(path);
  const leaf = parts.pop()!;
  let cur = visibleTarget(dc, baseId);
  for (const seg of parts) {
    if (cur.kind === 'item' && !cur.node.isFolder) throw conflict('A file exists where a folder is expected in the path.', 'nameAlreadyExists');
    const child = findChild(dc, parentIdOf(cur, dc), seg);
    if (child) {
      cur = { kind: 'item', node: child.node, item: child.item };
    } else {
      const folder = insertFolder(dc, parentIdOf(cur, dc), validName(seg));
      cur = folder;
    }
  }
  if (cur.kind === 'item' && !cur.node.isFolder) throw badRequest('The parent item is not a folder.', 'invalidRequest');
  const existing = findChild(dc, parentIdOf(cur, dc), leaf);
  return { parent: cur, name: leaf, existing: existing ? { kind: 'item', node: existing.node, item: existing.item } : undefined };
}

// ---------- paths and URLs ----------

/** Folder path of a target below the root, e.g. `Policies/2024` ('' for the root). */
export function pathOf(dc: DriveCtx, t: Target): string {
  const names: string[] = [];
  let node: NodeRow | undefined = t.kind === 'item' ? t.node : undefined;
  let item: ItemRow | undefined = t.kind === 'item' ? t.item : undefined;
  for (let guard = 0; node && item && guard < 1000; guard++) {
    names.unshift(nameOf(item));
    if (node.parentId === dc.drive.rootId) break;
    node = findNode(dc.emu.db, dc.drive.id, node.parentId);
    item = node ? getItem(dc.emu.db, node.listId, node.listItemId) : undefined;
  }
  return names.join('/');
}

// ---------- tags ----------

/** driveItem eTag `"{GUID},N"` and cTag `"c:{GUID},N"` (cTag changes with content only). */
export const etagOf = (item: Pick<ItemRow, 'uid' | 'changeCount'>) => `"{${item.uid.toUpperCase()}},${item.changeCount}"`;
export const ctagOf = (item: Pick<ItemRow, 'uid'>, node: NodeRow) => `"c:{${item.uid.toUpperCase()}},${node.contentSeq}"`;
export const rootEtag = (dc: DriveCtx) => `"{${dc.list.id.toUpperCase()}},1"`;




// ---------- eTags ----------

/**
 * Checks `If-Match` against a driveItem: its eTag (`"{GUID},N"`), its cTag (`"c:{GUID},N"`)
 * or the list item's eTag (`"guid,N"`). A stale value: 412 `resourceModified`
 * (driveitem-update: "If this request header is included and the eTag (or cTag) provided does
 * not match the current eTag on the folder, a 412 Precondition Failed response is returned").
 */
export function checkDriveIfMatch(ifMatch: string | null, t: Target, dc: DriveCtx): void {
  if (ifMatch === null || ifMatch.trim() === '*') return;
  const norm = (s: string) => s.trim().replace(/^W\//, '').replace(/^"|"$/g, '').replace(/[{}]/g, '').toLowerCase();
  const given = norm(ifMatch);
  const current = t.kind === 'root' ? [norm(rootEtag(dc))] : [norm(etagOf(t.item))];
  if (t.kind === 'item' && !t.node.isFolder) current.push(norm(ctagOf(t.item, t.node)));
  if (!current.includes(given)) throw preconditionFailed();
}

/** `If-None-Match` on reads: true when the caller's tag is current (answer 304). */
export function notModified(ifNoneMatch: string | null, t: Target, dc: DriveCtx): boolean {
  if (ifNoneMatch === null) return false;
  try {
    checkDriveIfMatch(ifNoneMatch, t, dc);
    return true;
  } catch {
    return false;
  }
}

// ---------- writes ----------

const INVALID_NAME = /["*:<>?/\\|]/;

/** SharePoint refuses names with `" * : < > ? / \ |`, names ending in a dot or space, and empty names. */
export function validName(name: unknown): string {
  if (typeof name !== 'string' || !name.trim()) throw badRequest('The name is missing or empty.', 'invalidRequest');
  if (INVALID_NAME.test(name) || /[. ]$/.test(name) || /^ /.test(name) || name.length > 255) {
    throw new GraphHttpError(400, 'invalidRequest', `The name '${name}' contains invalid characters or is not allowed.`, {}, 'invalidPath');
  }
  return name;
}

export function parseConflict(v: unknown, dflt: ConflictBehavior): ConflictBehavior {
  if (v === undefined || v === null || v === '') return dflt;
  if (v === 'fail' || v === 'rename' || v === 'replace') return v;
  throw badRequest(`Invalid value '${String(v)}' for @microsoft.graph.conflictBehavior.`, 'invalidRequest');
}

/** `name 1.ext`, `name 2.ext`, … as SharePoint names copies. */
function freeName(dc: DriveCtx, parentId: string, name: string): string {
  const taken = new Set(childrenOf(dc, parentId).map((c) => nameOf(c.item).toLowerCase()));
  if (!taken.has(name.toLowerCase())) return name;
  const dot = name.lastIndexOf('.');
  const stem = dot > 0 ? name.slice(0, dot) : name;
  const ext = dot > 0 ? name.slice(dot) : '';
  for (let n = 1; ; n++) {
    const candidate = `${stem} ${n}${ext}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

const nowIso = (dc: DriveCtx) => dc.emu.now().toISOString();
const bumpOf = (dc: DriveCtx): 'major' | 'minor' => (dc.list.settings.enableMinorVersions ? 'minor' : 'major');
const stemOf = (name: string) => (name.lastIndexOf('.') > 0 ? name.slice(0, name.lastIndexOf('.')) : name);

/** Refuses a write by someone other than the user who has the file checked out (423). */
export function guardLock(dc: DriveCtx, node: NodeRow): void {
  if (node.checkedOutBy && node.checkedOutBy !== dc.user.id) throw lockedError();
}

/** Guards an edit of content or properties: lock, then the library's "require check out" setting. */
export function guardEdit(dc: DriveCtx, node: NodeRow): void {
  guardLock(dc, node);
  if (!node.isFolder && dc.list.settings.requireCheckout && node.checkedOutBy !== dc.user.id) throw checkoutRequiredError();
}

function insertFolder(dc: DriveCtx, parentId: string, name: string): Target {
  const item = createItem(dc.emu.db, dc.list, { fields: { FileLeafRef: name, Title: name }, user: dc.user, at: nowIso(dc), contentType: 'Folder' });
  const node: NodeRow = {
    id: newDriveItemId(), driveId: dc.drive.id, listId: dc.list.id, listItemId: item.id, parentId, isFolder: true, contentSeq: 1, description: null, checkedOutBy: null,
  };
  insertNode(dc.emu.db, node);
  return { kind: 'item', node, item };
}

/** Removes an item the caller is replacing (conflictBehavior `replace`). */
function removeForReplace(dc: DriveCtx, existing: { node: NodeRow; item: ItemRow }): void {
  guardLock(dc, existing.node);
  deleteTree(dc, existing.node, existing.item);
}

/** POST .../children with a `folder` facet: creates a folder (201), honouring conflictBehavior (default fail). */
export function createFolder(dc: DriveCtx, parent: Target, rawName: unknown, behavior: ConflictBehavior, description?: string): Target {
  if (parent.kind === 'item' && !parent.node.isFolder) throw badRequest('The parent item is not a folder.', 'invalidRequest');
  let name = validName(rawName);
  const parentId = parentIdOf(parent, dc);
  return dc.emu.db.transaction(() => {
    const existing = findChild(dc, parentId, name);
    if (existing) {
      if (behavior === 'fail') throw conflict(`An item with the name '${name}' already exists.`, 'nameAlreadyExists');
      if (behavior === 'rename') name = freeName(dc, parentId, name);
      else removeForReplace(dc, existing);
    }
    const t = insertFolder(dc, parentId, name);
    if (description && t.kind === 'item') {
      setNodeDescription(dc.emu.db, t.node.id, description);
      t.node.description = description;
    }
    return t;
  })();
}

/**
 * Creates a new file with content. In libraries with minor versions the first version is the
 * draft 0.1, otherwise 1.0. In libraries that require check out, and in libraries with required
 * columns the upload leaves empty (an upload carries no column values), the new file stays
 * checked out to its creator, visible to nobody else until it is checked in (`neverCheckedInFor`
 * in driveRules.ts cites the observed behaviour). SharePoint checks files in on upload only when
 * nothing is missing.
 */
export function createFile(dc: DriveCtx, parentId: string, name: string, bytes: Uint8Array, description?: string): Target {
  const db = dc.emu.db;
  const item = createItem(db, dc.list, {
    fields: { FileLeafRef: name, Title: stemOf(name), FileSizeDisplay: String(bytes.byteLength) },
    user: dc.user,
    at: nowIso(dc),
    contentType: 'Document',
    draft: !!dc.list.settings.enableMinorVersions,
  });
  const node: NodeRow = {
    id: newDriveItemId(),
    driveId: dc.drive.id,
    listId: dc.list.id,
    listItemId: item.id,
    parentId,
    isFolder: false,
    contentSeq: 1,
    description: description ?? null,
    checkedOutBy: dc.list.settings.requireCheckout || !hasRequiredValues(dc, item.fields) ? dc.user.id : null,
  };
  insertNode(db, node);
  setVersionContent(db, dc.list.id, item.id, versionLabel(item), putBlob(db, bytes));
  return { kind: 'item', node, item };
}

/** Replaces a file's bytes: a new minor version (libraries with minor versions) or a new major one. */
export function replaceContent(dc: DriveCtx, node: NodeRow, item: ItemRow, bytes: Uint8Array): Target {
  if (node.isFolder) throw badRequest('Cannot upload content to a folder.', 'invalidRequest');
  guardEdit(dc, node);
  const db = dc.emu.db;
  return db.transaction(() => {
    const next = updateItem(db, item, { fields: { FileSizeDisplay: String(bytes.byteLength) }, user: dc.user, at: nowIso(dc), bump: bumpOf(dc) });
    setVersionContent(db, dc.list.id, item.id, versionLabel(next), putBlob(db, bytes));
    bumpContentSeq(db, node.id);
    return { kind: 'item' as const, node: { ...node, contentSeq: node.contentSeq + 1 }, item: next };
  })();
}

/**
 * Upload of a named file below a parent (`PUT …/{parent-id}:/{filename}:/content` and upload
 * sessions). An existing file of that name is replaced (default for PUT) or the request fails
 * or the new file is renamed, as conflictBehavior says. `created` tells 201 from 200.
 */
export function uploadNamed(
  dc: DriveCtx,
  parent: Target,
  rawName: string,
  bytes: Uint8Array,
  behavior: ConflictBehavior,
  conflictCode = 'nameAlreadyExists',
  description?: string,
): { target: Target; created: boolean } {
  if (parent.kind === 'item' && !parent.node.isFolder) throw badRequest('The parent item is not a folder.', 'invalidRequest');
  let name = validName(rawName);
  const parentId = parentIdOf(parent, dc);
  return dc.emu.db.transaction(() => {
    const existing = findChild(dc, parentId, name);
    if (existing) {
      if (behavior === 'fail') throw conflict(`An item with the name '${name}' already exists.`, conflictCode);
      if (behavior === 'rename') {
        name = freeName(dc, parentId, name);
      } else {
        if (existing.node.isFolder) throw conflict(`A folder with the name '${name}' already exists.`, conflictCode);
        return { target: replaceContent(dc, existing.node, existing.item, bytes), created: false };
      }
    }
    return { target: createFile(dc, parentId, name, bytes, description), created: true };
  })();
}

function isDescendant(dc: DriveCtx, candidateId: string, ancestorId: string): boolean {
  let cur = findNode(dc.emu.db, dc.drive.id, candidateId);
  for (let guard = 0; cur && guard < 1000; guard++) {
    if (cur.id === ancestorId) return true;
    cur = findNode(dc.emu.db, dc.drive.id, cur.parentId);
  }
  return false;
}

export interface ItemPatch {
  name?: unknown;
  description?: unknown;
  parentReference?: { id?: unknown; path?: unknown; driveId?: unknown } | null;
}

/**
 * PATCH of a driveItem: rename (a property change, so a new version like any metadata edit),
 * move (parentReference; no new version) and description. Moves between drives are refused.
 */
export function patchItem(dc: DriveCtx, t: Target, patch: ItemPatch, behavior: ConflictBehavior): Target {
  if (t.kind === 'root') throw badRequest('The root folder cannot be changed.', 'invalidRequest');
  const db = dc.emu.db;
  return db.transaction(() => {
    let { node, item } = t;
    let parentId = node.parentId;
    if (patch.parentReference) {
      const ref = patch.parentReference;
      if (typeof ref.driveId === 'string' && ref.driveId !== dc.drive.id) {
        throw badRequest('Items cannot be moved between drives with this request.', 'invalidRequest');
      }
      let dest: Target | undefined;
      if (typeof ref.id === 'string') dest = visibleTarget(dc, ref.id);
      else if (typeof ref.path === 'string') {
        const p = ref.path.replace(/^\/drives\/[^/]+/, '').replace(/^\/drive/, '').replace(/^\/root:?/, '');
        dest = p.replace(/^\/+/, '') ? resolvePath(dc, dc.drive.rootId, p) : { kind: 'root' };
      }
      if (dest) {
        if (dest.kind === 'item' && !dest.node.isFolder) throw badRequest('The destination is not a folder.', 'invalidRequest');
        parentId = parentIdOf(dest, dc);
        if (parentId === node.id || (node.isFolder && isDescendant(dc, parentId, node.id))) {
          throw badRequest('A folder cannot be moved into itself or one of its subfolders.', 'invalidRequest');
        }
      }
    }
    let name = nameOf(item);
    if (patch.name !== undefined) name = validName(patch.name);
    const moving = parentId !== node.parentId;
    if (name !== nameOf(item)) guardEdit(dc, node);
    if (moving) guardLock(dc, node);
    if (moving || name !== nameOf(item)) {
      const clash = findChild(dc, parentId, name);
      if (clash && clash.node.id !== node.id) {
        if (behavior === 'fail') throw conflict(`An item with the name '${name}' already exists.`, 'nameAlreadyExists');
        if (behavior === 'rename') name = freeName(dc, parentId, name);
        else removeForReplace(dc, clash);
      }
    }
    if (name !== nameOf(item)) {
      item = updateItem(db, item, { fields: { FileLeafRef: name }, user: dc.user, at: nowIso(dc), bump: node.isFolder ? 'none' : bumpOf(dc) });
    }
    if (moving) {
      setNodeParent(db, node.id, parentId);
      node = { ...node, parentId };
    }
    if (patch.description !== undefined) {
      const d = patch.description === null ? null : String(patch.description);
      setNodeDescription(db, node.id, d);
      node = { ...node, description: d };
    }
    return { kind: 'item' as const, node, item };
  })();
}

function deleteTree(dc: DriveCtx, node: NodeRow, item: ItemRow): void {
  const db = dc.emu.db;
  if (node.isFolder) for (const c of childrenOf(dc, node.id)) {
    guardLock(dc, c.node);
    deleteTree(dc, c.node, c.item);
  }
  deleteItem(db, item, nowIso(dc));
  deleteNodeRow(db, node);
}

/** DELETE of a file or folder (with everything below it). */
export function deleteTarget(dc: DriveCtx, t: Target): void {
  if (t.kind === 'root') throw badRequest('The root folder cannot be deleted.', 'invalidRequest');
  guardLock(dc, t.node);
  dc.emu.db.transaction(() => {
    deleteTree(dc, t.node, t.item);
    collectBlobs(dc.emu.db);
  })();
}

/**
 * PATCH …/listItem/fields: a bare map of column values, validated as the lists API does
 * (unknown columns: 400 "Field 'X' is not recognized"). On a file this is a property edit, so it
 * makes a new version (minor with minor versions, else major), as SharePoint does; `FileLeafRef`
 * renames the file. Folders keep their version.
 */
export function patchFields(dc: DriveCtx, t: Target, body: unknown): Target {
  if (t.kind === 'root') throw notFound('The root folder has no list item.', 'itemNotFound');
  const db = dc.emu.db;
  const wctx = { db, list: dc.list, columns: columnsOf(db, dc.list.id), item: t.item };
  const fields = normalizeFieldsForWrite(wctx, body);
  checkRequired(wctx, { ...t.item.fields, ...fields });
  checkUnique(wctx, fields);
  guardEdit(dc, t.node);
  return db.transaction(() => {
    const leaf = fields.FileLeafRef;
    if (leaf !== undefined) {
      const name = validName(leaf);
      const clash = findChild(dc, t.node.parentId, name);
      if (clash && clash.node.id !== t.node.id) throw conflict(`An item with the name '${name}' already exists.`, 'nameAlreadyExists');
    }
    const item = updateItem(db, t.item, { fields, user: dc.user, at: nowIso(dc), bump: t.node.isFolder ? 'none' : bumpOf(dc) });
    return { kind: 'item' as const, node: t.node, item };
  })();
}

// ---------- check out / check in ----------

/** Whether every required column of the library has a value in these fields. */
function hasRequiredValues(dc: DriveCtx, fields: Record<string, unknown>): boolean {
  try {
    checkRequired({ db: dc.emu.db, list: dc.list, columns: columnsOf(dc.emu.db, dc.list.id) }, fields);
    return true;
  } catch {
    return false;
  }
}

/** POST …/checkout (204). Checking out a file checked out by someone else: 423. */
export function checkout(dc: DriveCtx, t: Target): void {
  if (t.kind === 'root' || t.node.isFolder) throw badRequest('Only files can be checked out.', 'invalidRequest');
  guardLock(dc, t.node);
  setCheckedOut(dc.emu.db, t.node.id, dc.user.id, t.node.checkedOutBy === dc.user.id ? checkoutLabel(dc.emu.db, t.node.id) : versionLabel(t.item));
}

/**
 * POST …/discardCheckout (204): releases a file the caller checked out and throws away the changes
 * made while it was checked out (content and column values go back to the version it had at
 * check-out). Only the user who checked it out may discard it; a file that is not checked out: 400.
 */
export function discardCheckout(dc: DriveCtx, t: Target): void {
  if (t.kind === 'root' || t.node.isFolder) throw badRequest('Only files can be checked out.', 'invalidRequest');
  if (!t.node.checkedOutBy) throw badRequest('The file is not checked out.', 'invalidRequest');
  guardLock(dc, t.node);
  const db = dc.emu.db;
  db.transaction(() => {
    const label = checkoutLabel(db, t.node.id);
    if (label && label !== versionLabel(t.item)) {
      rollbackItem(db, t.item, label, nowIso(dc));
      dropVersionContentAfter(db, t.item.listId, t.item.id, label);
      bumpContentSeq(db, t.node.id);
    }
    setCheckedOut(db, t.node.id, null);
  })();
}

/**
 * POST …/checkin (204). With `checkInAs: "published"` in a library with minor versions the
 * current draft becomes the next major version (0.3 → 1.0, 1.2 → 2.0); a plain check-in keeps
 * the current (minor) version. The comment is kept with that version.
 */
export function checkin(dc: DriveCtx, t: Target, comment: string, checkInAs: string): void {
  if (t.kind === 'root' || t.node.isFolder) throw badRequest('Only files can be checked in.', 'invalidRequest');
  if (checkInAs !== '' && checkInAs !== 'published') throw badRequest(`Invalid value '${checkInAs}' for checkInAs.`, 'invalidRequest');
  if (!t.node.checkedOutBy) throw badRequest('The file is not checked out.', 'invalidRequest');
  guardLock(dc, t.node);
  if (!hasRequiredValues(dc, t.item.fields)) {
    // Graph documents no response for this; SharePoint refuses the check-in (pnp/pnpjs issue 775). 400 is the emulator's choice.
    throw badRequest('The file cannot be checked in: required columns have no value. Set them first (PATCH …/listItem/fields).', 'invalidRequest');
  }
  const db = dc.emu.db;
  db.transaction(() => {
    let item = t.item;
    if (checkInAs === 'published' && dc.list.settings.enableMinorVersions && item.versionMinor !== 0) {
      item = updateItem(db, item, { fields: {}, user: dc.user, at: nowIso(dc), bump: 'major' });
    }
    const label = versionLabel(item);
    const blob = contentAt(db, item.listId, item.id, label);
    if (blob) setVersionContent(db, item.listId, item.id, label, blob, comment || undefined);
    setCheckedOut(db, t.node.id, null);
  })();
}

// ---------- versions ----------

export interface VersionView {
  label: string;
  modified: string;
  modifiedBy: string;
  size: number;
  fields: Record<string, unknown>;
}

/** Versions of a file the caller may see, newest first (driveitem-list-versions). */
export function versionsOf(dc: DriveCtx, node: NodeRow, item: ItemRow): VersionView[] {
  const drafts = draftsFor(dc, node, item);
  return itemVersions(dc.emu.db, item.listId, item.id)
    .filter((v) => visibleVersionLabel(v.label, drafts))
    .map((v) => ({
      label: v.label,
      modified: v.modified,
      modifiedBy: v.modifiedBy,
      fields: v.fields,
      size: contentAt(dc.emu.db, item.listId, item.id, v.label)?.size ?? 0,
    }));
}

/** One version the caller may see, by label (`1.0`); 404 `itemNotFound` otherwise. */
export function findVersion(dc: DriveCtx, node: NodeRow, item: ItemRow, label: string): VersionView {
  const v = versionsOf(dc, node, item).find((x) => x.label === label);
  if (!v) throw notFound('The requested version was not found.', 'itemNotFound');
  return v;
}

/**
 * POST …/versions/{id}/restoreVersion (204): "creates a new version with the contents of the
 * previous version, but preserves all existing versions". The restored version's column values
 * come back too (not its name).
 */
export function restoreVersion(dc: DriveCtx, t: Target, label: string): void {
  if (t.kind === 'root' || t.node.isFolder) throw notFound('The requested version was not found.', 'itemNotFound');
  const v = findVersion(dc, t.node, t.item, label);
  guardEdit(dc, t.node);
  const db = dc.emu.db;
  db.transaction(() => {
    const blob = contentAt(db, t.item.listId, t.item.id, v.label);
    const { FileLeafRef: _ignored, ...fields } = v.fields;
    void _ignored;
    if (blob) fields.FileSizeDisplay = String(blob.size);
    const next = updateItem(db, t.item, { fields, user: dc.user, at: nowIso(dc), bump: bumpOf(dc) });
    if (blob) setVersionContent(db, t.item.listId, t.item.id, versionLabel(next), blob);
    bumpContentSeq(db, t.node.id);
  })();
}

/** The version label of the bytes the caller gets from `…/content`. */
export function visibleLabel(dc: DriveCtx, node: NodeRow, item: ItemRow): string {
  const seen = seenItem(dc, node, item);
  if (!seen) throw itemNotFound();
  return versionLabel(seen);
}
