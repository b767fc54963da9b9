import type { Drive, DriveItem, DriveItemVersion, PublicationFacet, UploadSession } from '@microsoft/microsoft-graph-types';
import type { GraphClient } from '../core/client.js';
import { isAbortError } from '../core/errors.js';
import { getAll, getPage, type Page } from '../core/paging.js';
import { graphRequest, seg } from '../core/request.js';
import type { ListItem, ItemFields } from '../lists/items.js';

export type ConflictBehavior = 'fail' | 'replace' | 'rename';

/** Simple upload (`PUT …/content`) takes files up to 4 MB (https://learn.microsoft.com/graph/api/driveitem-put-content). */
export const SIMPLE_UPLOAD_MAX_BYTES = 4 * 1024 * 1024;
/** Upload-session ranges must be multiples of 320 KiB (https://learn.microsoft.com/graph/api/driveitem-createuploadsession). */
export const UPLOAD_FRAGMENT_MULTIPLE = 320 * 1024;
/** Default range size: 10 × 320 KiB = 3.2 MiB (well under the 60 MiB per-request limit). */
export const DEFAULT_UPLOAD_FRAGMENT = 10 * UPLOAD_FRAGMENT_MULTIPLE;

const drivePath = (driveId: string) => `/drives/${seg(driveId)}`;
const itemPath = (driveId: string, itemId: string) => (itemId === 'root' ? `${drivePath(driveId)}/root` : `${drivePath(driveId)}/items/${seg(itemId)}`);
/** `…/items/{parent-id}:/{file-name}:` addresses a child by name (path-based addressing). */
const childPath = (driveId: string, parentId: string, fileName: string) => `${itemPath(driveId, parentId)}:/${encodeURIComponent(fileName)}:`;

function requireETag(eTag: string): string {
  if (!eTag || eTag.trim() === '*') throw new Error('A write needs the eTag that was read (never "*").');
  return eTag;
}

/**
 * The document libraries of a site (`GET /sites/{site-id}/drives`).
 *
 * Minimum delegated scope: `Files.Read.All` (or `Sites.Read.All`).
 * Microsoft Learn: https://learn.microsoft.com/graph/api/drive-list
 */
export async function getSiteDrives(client: GraphClient, siteId: string, signal?: AbortSignal): Promise<Drive[]> {
  return getAll<Drive>(client, `/sites/${seg(siteId)}/drives`, { signal });
}

/**
 * The drive behind a document library list (`GET /sites/{site-id}/lists/{list-id}/drive`).
 *
 * Minimum delegated scope: `Files.Read.All` (or `Sites.Read.All`).
 * Microsoft Learn: https://learn.microsoft.com/graph/api/drive-get
 */
export async function getListDrive(client: GraphClient, siteId: string, listId: string, signal?: AbortSignal): Promise<Drive> {
  return (await graphRequest<Drive>(client, { path: `/sites/${seg(siteId)}/lists/${seg(listId)}/drive`, signal })).body;
}

/**
 * One page of a folder's children (`GET /drives/{drive-id}/items/{item-id}/children`, or `root`).
 *
 * Minimum delegated scope: `Files.Read.All` (or `Sites.Read.All`).
 * Microsoft Learn: https://learn.microsoft.com/graph/api/driveitem-list-children
 */
export async function listChildren(
  client: GraphClient,
  driveId: string,
  itemId: string | 'root',
  opts: { nextLink?: string | null; top?: number; signal?: AbortSignal } = {},
): Promise<Page<DriveItem>> {
  if (opts.nextLink) return getPage<DriveItem>(client, opts.nextLink, { signal: opts.signal });
  return getPage<DriveItem>(client, `${itemPath(driveId, itemId)}/children`, { query: { $top: opts.top }, signal: opts.signal });
}

/**
 * Creates a folder (`POST …/children` with `folder: {}` and `@microsoft.graph.conflictBehavior` → 201).
 *
 * Minimum delegated scope: `Files.ReadWrite.All` (or `Sites.ReadWrite.All`).
 * Microsoft Learn: https://learn.microsoft.com/graph/api/driveitem-post-children
 */
export async function createFolder(
  client: GraphClient,
  driveId: string,
  parentId: string | 'root',
  name: string,
  conflictBehavior: ConflictBehavior = 'fail',
  signal?: AbortSignal,
): Promise<DriveItem> {
  const body = { name, folder: {}, '@microsoft.graph.conflictBehavior': conflictBehavior };
  return (await graphRequest<DriveItem>(client, { method: 'POST', path: `${itemPath(driveId, parentId)}/children`, body, signal })).body;
}

/**
 * Uploads a new file, or replaces one of the same name, in one request
 * (`PUT /drives/{drive-id}/items/{parent-id}:/{file-name}:/content` → 201 new, 200 replaced).
 * Up to 4 MB; use `uploadLarge` above that.
 *
 * Minimum delegated scope: `Files.ReadWrite.All` (or `Sites.ReadWrite.All`).
 * Microsoft Learn: https://learn.microsoft.com/graph/api/driveitem-put-content
 */
export async function uploadSmall(
  client: GraphClient,
  driveId: string,
  parentId: string | 'root',
  fileName: string,
  bytes: Uint8Array,
  contentType = 'application/octet-stream',
  signal?: AbortSignal,
): Promise<DriveItem> {
  if (bytes.byteLength > SIMPLE_UPLOAD_MAX_BYTES) throw new Error(`uploadSmall takes up to 4 MB; ${fileName} has ${bytes.byteLength} bytes. Use uploadLarge.`);
  const path = `${childPath(driveId, parentId, fileName)}/content`;
  return (await graphRequest<DriveItem>(client, { method: 'PUT', path, body: bytes, headers: { 'Content-Type': contentType }, signal })).body;
}

export interface UploadProgress {
  /** Bytes the service has acknowledged so far. */
  uploaded: number;
  total: number;
}

export interface UploadLargeOptions {
  onProgress?: (progress: UploadProgress) => void;
  signal?: AbortSignal;
  conflictBehavior?: ConflictBehavior;
  /** Bytes per request; rounded down to a multiple of 320 KiB. Default 3.2 MiB. */
  fragmentSize?: number;
}

/**
 * Uploads a file of any size through an upload session: `POST …:/{file-name}:/createUploadSession`,
 * then `PUT`s of consecutive byte ranges (multiples of 320 KiB, `Content-Range: bytes a-b/total`) to
 * the pre-authenticated `uploadUrl`, which must not get the bearer token. Intermediate ranges answer
 * 202 with `nextExpectedRanges`; the last one 200/201 with the driveItem. `onProgress` is called after
 * each acknowledged range. If `signal` aborts, the session is deleted and the abort rethrown.
 * A name clash with `conflictBehavior: 'fail'` fails with 409 (`nameAlreadyExists`).
 *
 * Minimum delegated scope: `Files.ReadWrite.All` (or `Sites.ReadWrite.All`).
 * Microsoft Learn: https://learn.microsoft.com/graph/api/driveitem-createuploadsession
 */
export async function uploadLarge(
  client: GraphClient,
  driveId: string,
  parentId: string | 'root',
  fileName: string,
  bytes: Uint8Array,
  opts: UploadLargeOptions = {},
): Promise<DriveItem> {
  const fragment = Math.max(UPLOAD_FRAGMENT_MULTIPLE, Math.floor((opts.fragmentSize ?? DEFAULT_UPLOAD_FRAGMENT) / UPLOAD_FRAGMENT_MULTIPLE) * UPLOAD_FRAGMENT_MULTIPLE);
  const total = bytes.byteLength;
  const { body: session } = await graphRequest<UploadSession>(client, {
    method: 'POST',
    path: `${childPath(driveId, parentId, fileName)}/createUploadSession`,
    body: { item: { '@microsoft.graph.conflictBehavior': opts.conflictBehavior ?? 'fail', name: fileName } },
    signal: opts.signal,
  });
  const uploadUrl = session.uploadUrl;
  if (!uploadUrl) throw new Error('createUploadSession returned no uploadUrl.');
  try {
    let start = 0;
    for (;;) {
      const end = Math.min(start + fragment, total) - 1;
      const res = await graphRequest<UploadSession & DriveItem>(client, {
        method: 'PUT',
        path: uploadUrl,
        anonymous: true,
        body: bytes.subarray(start, end + 1),
        headers: { 'Content-Range': `bytes ${start}-${end}/${total}` },
        signal: opts.signal,
      });
      opts.onProgress?.({ uploaded: end + 1, total });
      if (res.status === 200 || res.status === 201) return res.body;
      start = nextStart(res.body.nextExpectedRanges, end + 1);
      if (start >= total) throw new Error('The upload session expects no more bytes but did not return the file.');
    }
  } catch (e) {
    if (isAbortError(e) || opts.signal?.aborted) {
      // Cancel the session so its bytes are dropped (DELETE uploadUrl, no token); ignore failures.
      await graphRequest(client, { method: 'DELETE', path: uploadUrl, anonymous: true, responseType: 'none' }).catch(() => undefined);
    }
    throw e;
  }
}

/** The first byte the session expects next (`nextExpectedRanges: ["26-"]`), or `fallback`. */
function nextStart(ranges: readonly string[] | null | undefined, fallback: number): number {
  const first = ranges?.[0];
  const n = first === undefined ? NaN : Number(first.split('-')[0]);
  return Number.isInteger(n) ? n : fallback;
}

/**
 * Replaces a file's bytes (`PUT /drives/{drive-id}/items/{item-id}/content`, up to 4 MB), making a
 * new version. With `eTag` it is sent as `If-Match`, so a concurrent change throws `GraphConflictError`.
 *
 * Minimum delegated scope: `Files.ReadWrite.All` (or `Sites.ReadWrite.All`).
 * Microsoft Learn: https://learn.microsoft.com/graph/api/driveitem-put-content
 */
export async function replaceContent(
  client: GraphClient,
  driveId: string,
  itemId: string,
  bytes: Uint8Array,
  opts: { eTag?: string; contentType?: string; signal?: AbortSignal } = {},
): Promise<DriveItem> {
  const headers: Record<string, string> = { 'Content-Type': opts.contentType ?? 'application/octet-stream' };
  if (opts.eTag !== undefined) headers['If-Match'] = requireETag(opts.eTag);
  return (await graphRequest<DriveItem>(client, { method: 'PUT', path: `${itemPath(driveId, itemId)}/content`, body: bytes, headers, signal: opts.signal })).body;
}

/**
 * The list item behind a file, with its metadata columns
 * (`GET /drives/{drive-id}/items/{item-id}/listItem?$expand=fields`).
 *
 * Minimum delegated scope: `Sites.Read.All`.
 * Microsoft Learn: https://learn.microsoft.com/graph/api/resources/driveitem
 */
export async function getItemListItem<F = Record<string, unknown>>(client: GraphClient, driveId: string, itemId: string, signal?: AbortSignal): Promise<ListItem<F>> {
  return (await graphRequest<ListItem<F>>(client, { path: `${itemPath(driveId, itemId)}/listItem`, query: { $expand: 'fields' }, signal })).body;
}

/**
 * Updates metadata columns of a file (`PATCH /drives/{drive-id}/items/{item-id}/listItem/fields`)
 * with `If-Match` set to the list item's eTag; a stale one throws `GraphConflictError` (412).
 *
 * Minimum delegated scope: `Sites.ReadWrite.All`.
 * Microsoft Learn: https://learn.microsoft.com/graph/api/listitem-update
 */
export async function updateListItemFields<F = Record<string, unknown>>(
  client: GraphClient,
  driveId: string,
  itemId: string,
  fields: Partial<F> | Record<string, unknown>,
  eTag: string,
  signal?: AbortSignal,
): Promise<ItemFields<F>> {
  const path = `${itemPath(driveId, itemId)}/listItem/fields`;
  return (await graphRequest<ItemFields<F>>(client, { method: 'PATCH', path, body: fields, headers: { 'If-Match': requireETag(eTag) }, signal })).body;
}

/**
 * Whether a file is checked out (`GET /drives/{drive-id}/items/{item-id}?$select=id,publication`):
 * `level` is `checkout` while it is, `published` otherwise. A file uploaded to a library that
 * requires check-out, or whose required columns the upload left empty, stays checked out to the
 * uploader (and invisible to everyone else) until it is checked in.
 *
 * Minimum delegated scope: `Files.Read.All` (or `Sites.Read.All`).
 * Microsoft Learn: https://learn.microsoft.com/graph/api/resources/publicationfacet
 */
export async function getPublication(client: GraphClient, driveId: string, itemId: string, signal?: AbortSignal): Promise<PublicationFacet | null> {
  const { body } = await graphRequest<DriveItem>(client, { path: itemPath(driveId, itemId), query: { $select: 'id,publication' }, signal });
  return body.publication ?? null;
}

/** Who holds a file's check-out (`publication.checkedOutBy.user`: Entra object id and name), or null when nobody does. */
export function checkoutHolder(publication: PublicationFacet | null | undefined): { readonly id: string; readonly name: string } | null {
  const user = publication?.level === 'checkout' ? publication.checkedOutBy?.user : null;
  return user?.id ? { id: user.id, name: user.displayName ?? user.id } : null;
}

/**
 * Checks a file out to the signed-in user (`POST …/checkout` → 204).
 *
 * Minimum delegated scope: `Files.ReadWrite.All` (or `Sites.ReadWrite.All`).
 * Microsoft Learn: https://learn.microsoft.com/graph/api/driveitem-checkout
 */
export async function checkout(client: GraphClient, driveId: string, itemId: string, signal?: AbortSignal): Promise<void> {
  await graphRequest(client, { method: 'POST', path: `${itemPath(driveId, itemId)}/checkout`, responseType: 'none', signal });
}

/**
 * Discards the signed-in user's check-out (`POST …/discardCheckout` → 204): the file goes back to
 * the version it had when it was checked out, and the lock is released. Only the user who checked
 * it out may discard it.
 *
 * Minimum delegated scope: `Files.ReadWrite` (work or school: `Files.ReadWrite.All` or `Sites.ReadWrite.All` also work).
 * Microsoft Learn: https://learn.microsoft.com/graph/api/driveitem-discardcheckout
 */
export async function discardCheckout(client: GraphClient, driveId: string, itemId: string, signal?: AbortSignal): Promise<void> {
  await graphRequest(client, { method: 'POST', path: `${itemPath(driveId, itemId)}/discardCheckout`, responseType: 'none', signal });
}

/**
 * Checks a file in (`POST …/checkin` → 204) with a comment; `publish: true` sends
 * `checkInAs: "published"` to make it a major (published) version.
 *
 * Minimum delegated scope: `Files.ReadWrite.All` (or `Sites.ReadWrite.All`).
 * Microsoft Learn: https://learn.microsoft.com/graph/api/driveitem-checkin
 */
export async function checkin(
  client: GraphClient,
  driveId: string,
  itemId: string,
  opts: { comment?: string; publish?: boolean; signal?: AbortSignal } = {},
): Promise<void> {
  const body: Record<string, string> = { comment: opts.comment ?? '' };
  if (opts.publish) body.checkInAs = 'published';
  await graphRequest(client, { method: 'POST', path: `${itemPath(driveId, itemId)}/checkin`, body, responseType: 'none', signal: opts.signal });
}

/**
 * The versions of a file, newest first (`GET /drives/{drive-id}/items/{item-id}/versions`).
 *
 * Minimum delegated scope: `Files.Read.All` (or `Sites.Read.All`).
 * Microsoft Learn: https://learn.microsoft.com/graph/api/driveitem-list-versions
 */
export async function getVersions(client: GraphClient, driveId: string, itemId: string, signal?: AbortSignal): Promise<DriveItemVersion[]> {
  return getAll<DriveItemVersion>(client, `${itemPath(driveId, itemId)}/versions`, { signal });
}

/**
 * Makes an earlier version the current one (`POST …/versions/{version-id}/restoreVersion` → 204).
 *
 * Minimum delegated scope: `Files.ReadWrite.All` (or `Sites.ReadWrite.All`).
 * Microsoft Learn: https://learn.microsoft.com/graph/api/driveitemversion-restore
 */
export async function restoreVersion(client: GraphClient, driveId: string, itemId: string, versionId: string, signal?: AbortSignal): Promise<void> {
  await graphRequest(client, { method: 'POST', path: `${itemPath(driveId, itemId)}/versions/${seg(versionId)}/restoreVersion`, responseType: 'none', signal });
}

/**
 * A short-lived, pre-authenticated URL for a file's bytes (the driveItem's
 * `@microsoft.graph.downloadUrl`), usable without a token, e.g. in an `<a href>` or a viewer.
 *
 * Minimum delegated scope: `Files.Read.All` (or `Sites.Read.All`).
 * Microsoft Learn: https://learn.microsoft.com/graph/api/driveitem-get-content
 */
export async function downloadUrl(client: GraphClient, driveId: string, itemId: string, signal?: AbortSignal): Promise<string> {
  const { body } = await graphRequest<DriveItem & { '@microsoft.graph.downloadUrl'?: string }>(client, { path: itemPath(driveId, itemId), signal });
  const url = body['@microsoft.graph.downloadUrl'];
  if (!url) throw new Error('This item has no download URL (is it a folder?).');
  return url;
}
