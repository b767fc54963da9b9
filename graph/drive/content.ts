/**
 * Reading files of a document library: the driveItem behind a list item, a file's bytes (current
 * version or an older one), a short-lived preview URL, and looking a file up by name.
 * (Added beside `drive.ts` for the document lifecycle; same conventions.)
 */
import type { DriveItem, DriveItemVersion, ItemPreviewInfo } from '@microsoft/microsoft-graph-types';
import type { GraphClient } from '../core/client.js';
import { GraphError } from '../core/errors.js';
import { graphRequest, seg } from '../core/request.js';
import { batch, batchBody, type BatchResponse } from '../core/batch.js';

const itemPath = (driveId: string, itemId: string) => `/drives/${seg(driveId)}/items/${seg(itemId)}`;

type WithDownloadUrl<T> = T & { '@microsoft.graph.downloadUrl'?: string };

/**
 * The driveItem (file) behind an item of a document library
 * (`GET /sites/{site-id}/lists/{list-id}/items/{item-id}/driveItem`).
 *
 * Minimum delegated scope: `Sites.Read.All` (or `Files.Read.All`).
 * Microsoft Learn: https://learn.microsoft.com/graph/api/resources/listitem (relationship `driveItem`)
 */
export async function getListItemDriveItem(client: GraphClient, siteId: string, listId: string, itemId: string, signal?: AbortSignal): Promise<DriveItem> {
  const path = `/sites/${seg(siteId)}/lists/${seg(listId)}/items/${seg(itemId)}/driveItem`;
  return (await graphRequest<DriveItem>(client, { path, signal })).body;
}

/**
 * A child of a folder by name (`GET /drives/{drive-id}/items/{parent-id}:/{name}`), or null when
 * there is none (404 `itemNotFound`). Lets a retried upload find the file an earlier attempt made.
 *
 * Minimum delegated scope: `Files.Read.All` (or `Sites.Read.All`).
 * Microsoft Learn: https://learn.microsoft.com/graph/api/driveitem-get
 */
export async function findChildByName(client: GraphClient, driveId: string, parentId: string | 'root', name: string, signal?: AbortSignal): Promise<DriveItem | null> {
  const parent = parentId === 'root' ? `/drives/${seg(driveId)}/root` : itemPath(driveId, parentId);
  try {
    return (await graphRequest<DriveItem>(client, { path: `${parent}:/${encodeURIComponent(name)}`, signal })).body;
  } catch (e) {
    if (e instanceof GraphError && e.status === 404) return null;
    throw e;
  }
}

/** Fetches a pre-authenticated URL without the bearer token (it must never leave Graph's origin). */
async function fetchAnonymous(client: GraphClient, url: string, signal?: AbortSignal): Promise<Uint8Array> {
  const { body } = await graphRequest<ArrayBuffer>(client, { path: url, anonymous: true, responseType: 'arrayBuffer', signal });
  return new Uint8Array(body);
}

/**
 * The bytes of the version of a file the signed-in user sees (readers of a library with draft
 * item security get the last published version). Reads the driveItem's short-lived
 * `@microsoft.graph.downloadUrl` and fetches it without a token: the `…/content` route answers
 * 302 to another origin, which browsers cannot follow under CORS.
 *
 * Minimum delegated scope: `Files.Read.All` (or `Sites.Read.All`).
 * Microsoft Learn: https://learn.microsoft.com/graph/api/driveitem-get-content
 */
export async function downloadItemBytes(client: GraphClient, driveId: string, itemId: string, signal?: AbortSignal): Promise<Uint8Array> {
  const { body } = await graphRequest<WithDownloadUrl<DriveItem>>(client, { path: itemPath(driveId, itemId), signal });
  const url = body['@microsoft.graph.downloadUrl'];
  if (!url) throw new Error('This item has no download URL (is it a folder?).');
  return fetchAnonymous(client, url, signal);
}

/**
 * The bytes of one earlier version of a file, in a way that works in a browser.
 * `GET …/versions/{version-id}/content` answers 302 to a pre-authenticated download URL; a browser
 * cannot follow it (the redirected request needs a CORS preflight the download host refuses) and
 * cannot read the `Location` of a 302 either (`redirect: 'manual'` gives an opaque response). So the
 * request goes inside a JSON `$batch`, whose response carries each inner response's status and
 * headers as data: the service does not follow the 302 there (pnp/pnpjs issue 3177;
 * microsoftgraph/msgraph-sdk-dotnet-core issue 945), so the `Location` is read from it and fetched
 * without a token as a simple GET, which the download URL allows. The version itself is read in the
 * same batch: where it carries `@microsoft.graph.downloadUrl` (the resource documents it; SharePoint
 * has been seen leaving it out, microsoft-graph-docs issue 16053) that URL is used. Graph does not
 * serve the current version this way ("Getting the content of the current version is not
 * supported"): use `downloadItemBytes`.
 *
 * Minimum delegated scope: `Files.Read.All` (or `Sites.Read.All`).
 * Microsoft Learn: https://learn.microsoft.com/graph/api/driveitemversion-get-contents, https://learn.microsoft.com/graph/json-batching
 */
export async function downloadVersionBytes(client: GraphClient, driveId: string, itemId: string, versionId: string, signal?: AbortSignal): Promise<Uint8Array> {
  const path = `${itemPath(driveId, itemId)}/versions/${seg(versionId)}`;
  const answers = await batch(client, [{ id: 'version', method: 'GET', url: path }, { id: 'content', method: 'GET', url: `${path}/content` }], { signal });
  const version = batchBody<WithDownloadUrl<DriveItemVersion>>(answers.get('version'));
  const content = answers.get('content');
  const location = version['@microsoft.graph.downloadUrl'] ?? headerOf(content, 'location');
  if (location) return fetchAnonymous(client, location, signal);
  const body = batchBody<unknown>(content);
  // A service that answered the inner request with the bytes (base64 in the batch body) instead.
  if (content?.status === 200 && typeof body === 'string') return Uint8Array.from(atob(body), (ch) => ch.charCodeAt(0));
  throw new Error(`Graph returned no download location for version ${versionId}.`);
}

const headerOf = (response: BatchResponse | undefined, name: string): string | undefined =>
  Object.entries(response?.headers ?? {}).find(([k]) => k.toLowerCase() === name)?.[1];

/** What `POST …/preview` answers: an embeddable URL (`getUrl`), or a URL to POST `postParameters` to. */
export type PreviewInfo = Pick<ItemPreviewInfo, 'getUrl' | 'postUrl' | 'postParameters'>;

/**
 * A short-lived embeddable URL that renders the file (`POST /drives/{drive-id}/items/{item-id}/preview`),
 * for an `<iframe>`. It shows the version of the file the caller may see.
 *
 * Minimum delegated scope: `Files.Read.All` (or `Sites.Read.All`).
 * Microsoft Learn: https://learn.microsoft.com/graph/api/driveitem-preview
 */
export async function previewItem(client: GraphClient, driveId: string, itemId: string, opts: { page?: string; zoom?: number; signal?: AbortSignal } = {}): Promise<PreviewInfo> {
  const body: Record<string, unknown> = {};
  if (opts.page !== undefined) body.page = opts.page;
  if (opts.zoom !== undefined) body.zoom = opts.zoom;
  return (await graphRequest<PreviewInfo>(client, { method: 'POST', path: `${itemPath(driveId, itemId)}/preview`, body, signal: opts.signal })).body;
}
