import { findApp } from './appRegistrationStore.js';
import type { Emu } from '../emu.js';
import { notFound } from '../core/errors.js';
import { findUser, findGroup, type UserRecord } from './directory.js';
import type { SiteRow } from './siteStore.js';
import { versionLabel, columnsOf, type ItemRow, type ListRow } from './lists.js';
import { presentCtx, presentFields, presentItem, type PresentCtx } from './listPresent.js';
import { bytesUsedByList, contentAt, type DriveRow, type NodeRow, type BlobInfo } from './driveStore.js';
import { mimeTypeOf, signDownload, DOWNLOAD_URL_LIFETIME_MS } from './driveContent.js';
import {
  childrenOf, seenItem, pathOf, nameOf, parentIdOf, etagOf, ctagOf, rootEtag, type DriveCtx, type Target, type VersionView,
} from './drives.js';

/**
 * Graph-shaped JSON for drives (https://learn.microsoft.com/graph/api/resources/drive), driveItems
 * (https://learn.microsoft.com/graph/api/resources/driveitem), driveItemVersions and the listItem
 * behind a file. Items are shown in the version the caller may see (draft item security).
 */

/** Graph shows SharePoint times to the second (`2024-05-01T10:00:00Z`). */
const iso = (t: string): string => t.replace(/\.\d{3}Z$/, 'Z');

const itemNotFound = () => notFound('The resource could not be found.', 'itemNotFound');

const identity = (u: UserRecord | undefined) =>
  u ? { user: { email: u.mail ?? u.userPrincipalName, id: u.id, displayName: u.displayName } } : { user: { displayName: 'System Account' } };

/** A drive as Graph returns a SharePoint document library (https://learn.microsoft.com/graph/api/resources/drive). */
export function driveJson(emu: Emu, drive: DriveRow, list: ListRow, site: SiteRow): Record<string, unknown> {
  const group = site.groupId ? findGroup(emu.db, site.groupId) : undefined;
  const used = bytesUsedByList(emu.db, list.id);
  const total = 27_487_790_694_400;
  return {
    createdDateTime: iso(list.created),
    description: list.list.description ?? '',
    id: drive.id,
    lastModifiedDateTime: iso(list.modified),
    name: list.displayName,
    webUrl: list.list.webUrl,
    driveType: 'documentLibrary',
    createdBy: { user: { displayName: 'System Account' } },
    owner: group ? { group: { email: group.mail ?? undefined, id: group.id, displayName: group.displayName } } : { user: { displayName: 'System Account' } },
    quota: { deleted: 0, remaining: total - used, state: 'normal', total, used },
  };
}

/** The browser URL of a file or folder: the library URL followed by its path. */
export const webUrlOf = (dc: DriveCtx, path: string): string =>
  path ? `${dc.list.list.webUrl}/${path.split('/').map(encodeURIComponent).join('/')}` : String(dc.list.list.webUrl);

/**
 * `@microsoft.graph.downloadUrl`: a pre-authenticated URL (no bearer token) serving the bytes of one
 * version, valid about an hour (driveitem-get-content, resources/driveitem).
 */
export function downloadUrl(dc: DriveCtx, item: ItemRow, label: string): string {
  const token = signDownload(dc.emu.db, { l: item.listId, i: item.id, v: label, exp: dc.emu.now().getTime() + DOWNLOAD_URL_LIFETIME_MS });
  return `${dc.origin}/_download/${token}`;
}

export interface RenderOptions {
  /** `$select` names (lower case) or null. */
  select?: string[] | null;
}

function userById(dc: DriveCtx, id: string): UserRecord | undefined {
  return findUser(dc.emu.db, id);
}

/**
 * createdBy/lastModifiedBy of a drive item: the user, or for what an app-only token wrote the application,
 * with SharePoint's "SharePoint App" as the user (SharePoint/sp-dev-docs#1213).
 */
function identityOf(dc: DriveCtx, id: string): Record<string, unknown> {
  const u = userById(dc, id);
  const app = u ? undefined : findApp(dc.emu.db, id);
  return app ? { application: { id: app.appId, displayName: app.displayName }, user: { displayName: 'SharePoint App' } } : identity(u);
}

/** Visible children count and total size below a folder, for the caller. */
function folderStats(dc: DriveCtx, folderId: string, depth = 0): { count: number; size: number } {
  let count = 0;
  let size = 0;
  for (const c of childrenOf(dc, folderId)) {
    const seen = seenItem(dc, c.node, c.item);
    if (!seen) continue;
    count++;
    if (c.node.isFolder) {
      if (depth < 50) size += folderStats(dc, c.node.id, depth + 1).size;
    } else {
      size += contentAt(dc.emu.db, c.item.listId, c.item.id, versionLabel(seen))?.size ?? 0;
    }
  }
  return { count, size };
}

function publicationOf(dc: DriveCtx, node: NodeRow, seen: ItemRow): Record<string, unknown> {
  const out: Record<string, unknown> = { level: node.checkedOutBy ? 'checkout' : 'published', versionId: versionLabel(seen) };
  if (node.checkedOutBy) out.checkedOutBy = identityOf(dc, node.checkedOutBy);
  return out;
}

/** The root folder of a drive as a driveItem. */
export function rootJson(dc: DriveCtx, opts: RenderOptions = {}): Record<string, unknown> {
  const stats = folderStats(dc, dc.drive.rootId);
  const obj: Record<string, unknown> = {
    createdBy: { user: { displayName: 'System Account' } },
    createdDateTime: iso(dc.list.created),
    eTag: rootEtag(dc),
    id: dc.drive.rootId,
    lastModifiedBy: { user: { displayName: 'System Account' } },
    lastModifiedDateTime: iso(dc.list.modified),
    name: 'root',
    parentReference: { driveType: 'documentLibrary', driveId: dc.drive.id },
    webUrl: webUrlOf(dc, ''),
    fileSystemInfo: { createdDateTime: iso(dc.list.created), lastModifiedDateTime: iso(dc.list.modified) },
    folder: { childCount: stats.count },
    root: {},
    size: stats.size,
  };
  return select(obj, opts.select);
}

function select(obj: Record<string, unknown>, sel: string[] | null | undefined): Record<string, unknown> {
  if (!sel) return obj;
  const want = new Set(sel.map((s) => s.toLowerCase()));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) {
    if (k.startsWith('@odata.') || k === 'id' || want.has(k.toLowerCase())) out[k] = v;
  }
  return out;
}

/** A file or folder as a driveItem, in the version the caller sees. */
export function itemJson(dc: DriveCtx, node: NodeRow, item: ItemRow, opts: RenderOptions = {}): Record<string, unknown> | undefined {
  const seen = seenItem(dc, node, item);
  if (!seen) return undefined;
  const label = versionLabel(seen);
  const path = pathOf(dc, { kind: 'item', node, item });
  const parentPath = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
  const name = nameOf(seen);
  const parentRef: Record<string, unknown> = {
    driveType: 'documentLibrary',
    driveId: dc.drive.id,
    id: node.parentId,
    name: parentPath ? parentPath.split('/').pop() : dc.list.name,
    path: `/drives/${dc.drive.id}/root:${parentPath ? `/${parentPath}` : ''}`,
    siteId: dc.site.siteGuid,
  };
  const obj: Record<string, unknown> = {};
  let content: BlobInfo | undefined;
  if (!node.isFolder) {
    content = contentAt(dc.emu.db, item.listId, item.id, label);
    obj['@microsoft.graph.downloadUrl'] = downloadUrl(dc, item, label);
  }
  Object.assign(obj, {
    createdBy: identityOf(dc, item.createdBy),
    createdDateTime: iso(item.created),
    eTag: etagOf(item),
    id: node.id,
    lastModifiedBy: identityOf(dc, seen.modifiedBy),
    lastModifiedDateTime: iso(seen.modified),
    name,
    parentReference: parentRef,
    webUrl: webUrlOf(dc, path),
  });
  if (node.description) obj.description = node.description;
  if (node.isFolder) {
    const stats = folderStats(dc, node.id);
    Object.assign(obj, {
      fileSystemInfo: { createdDateTime: iso(item.created), lastModifiedDateTime: iso(seen.modified) },
      folder: { childCount: stats.count },
      size: stats.size,
    });
  } else {
    Object.assign(obj, {
      cTag: ctagOf(item, node),
      file: { mimeType: mimeTypeOf(name), hashes: { quickXorHash: content?.quickXor ?? 'AAAAAAAAAAAAAAAAAAAAAAAAAAA=' } },
      fileSystemInfo: { createdDateTime: iso(item.created), lastModifiedDateTime: iso(seen.modified) },
      size: content?.size ?? 0,
    });
  }
  const want = new Set((opts.select ?? []).map((s) => s.toLowerCase()));
  if (want.has('publication')) obj.publication = publicationOf(dc, node, seen);
  if (want.has('sharepointids')) {
    obj.sharepointIds = {
      listId: dc.list.id,
      listItemId: String(item.id),
      listItemUniqueId: item.uid,
      siteId: dc.site.siteGuid,
      siteUrl: dc.site.site.webUrl,
      tenantId: dc.emu.tenantId,
      webId: dc.site.webGuid,
    };
  }
  return select(obj, opts.select ?? null);
}

export function targetJson(dc: DriveCtx, t: Target, opts: RenderOptions = {}): Record<string, unknown> {
  if (t.kind === 'root') return rootJson(dc, opts);
  const j = itemJson(dc, t.node, t.item, opts);
  if (!j) throw itemNotFound();
  return j;
}

/** Children of a folder the caller can see, rendered. */
export function listChildren(dc: DriveCtx, parent: Target, opts: RenderOptions = {}): Record<string, unknown>[] {
  if (parent.kind === 'item' && !parent.node.isFolder) return [];
  const out: Record<string, unknown>[] = [];
  for (const c of childrenOf(dc, parentIdOf(parent, dc))) {
    const j = itemJson(dc, c.node, c.item, opts);
    if (j) out.push(j);
  }
  return out;
}

// ---------- listItem JSON ----------

function presenter(dc: DriveCtx, baseUrl: string): PresentCtx {
  return presentCtx(dc.emu.db, baseUrl, dc.site, dc.list, columnsOf(dc.emu.db, dc.list.id));
}

/** Fields of a library item as Graph shows them (a fieldValueSet), in the version the caller sees. */
export function fieldsJson(dc: DriveCtx, baseUrl: string, node: NodeRow, item: ItemRow, selectFields: string[] | null): Record<string, unknown> {
  const seen = seenItem(dc, node, item);
  if (!seen) throw itemNotFound();
  return presentFields(presenter(dc, baseUrl), seen, selectFields);
}

/** The list item behind a file or folder (driveItem `listItem` relationship), as the lists API presents it. */
export function listItemJson(
  dc: DriveCtx,
  baseUrl: string,
  node: NodeRow,
  item: ItemRow,
  expandFields: { select: string[] | null } | null,
  fieldsContext?: string,
): Record<string, unknown> {
  const seen = seenItem(dc, node, item);
  if (!seen) throw itemNotFound();
  const obj = presentItem(presenter(dc, baseUrl), seen, expandFields ? { fields: expandFields } : {});
  obj.webUrl = webUrlOf(dc, pathOf(dc, { kind: 'item', node, item }));
  if (expandFields && fieldsContext) obj['fields@odata.context'] = fieldsContext;
  return obj;
}

/** A driveItemVersion: id (label), lastModifiedBy/DateTime, size; `publication` only when selected. */
export function versionJson(dc: DriveCtx, node: NodeRow, v: VersionView, sel: string[] | null): Record<string, unknown> {
  const obj: Record<string, unknown> = {
    id: v.label,
    lastModifiedBy: identityOf(dc, v.modifiedBy),
    lastModifiedDateTime: iso(v.modified),
    size: v.size,
  };
  if (sel?.some((s) => s.toLowerCase() === 'publication')) obj.publication = { level: node.checkedOutBy ? 'checkout' : 'published', versionId: v.label };
  return select(obj, sel);
}
