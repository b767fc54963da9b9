/**
 * Versions of a list item with the column values of each version (for libraries: the metadata
 * of each version of a file). (Added beside `items.ts` for the document lifecycle.)
 */
import type { ListItemVersion } from '@microsoft/microsoft-graph-types';
import { batch, batchBody, type BatchRequest } from '../core/batch.js';
import type { GraphClient } from '../core/client.js';
import { getAll } from '../core/paging.js';
import { graphRequest, seg } from '../core/request.js';

/** A listItemVersion with its `fields` typed. */
export type ListItemVersionWithFields<F = Record<string, unknown>> = Omit<ListItemVersion, 'fields'> & { fields?: F };

const versionsPath = (siteId: string, listId: string, itemId: string) => `/sites/${seg(siteId)}/lists/${seg(listId)}/items/${seg(itemId)}/versions`;

/**
 * The versions of a list item the caller may see, newest first, each with its column values
 * (`GET /sites/{site-id}/lists/{list-id}/items/{item-id}/versions?$expand=fields`). In a library
 * with draft item security, readers get the major (published) versions only.
 *
 * Minimum delegated scope: `Sites.Read.All`.
 * Microsoft Learn: https://learn.microsoft.com/graph/api/listitem-list-versions
 */
export async function getItemVersions<F = Record<string, unknown>>(
  client: GraphClient,
  siteId: string,
  listId: string,
  itemId: string,
  signal?: AbortSignal,
): Promise<ListItemVersionWithFields<F>[]> {
  return getAll<ListItemVersionWithFields<F>>(client, versionsPath(siteId, listId, itemId), { query: { $expand: 'fields' }, signal });
}

/**
 * One version of a list item with its column values
 * (`GET /sites/{site-id}/lists/{list-id}/items/{item-id}/versions/{version-id}?$expand=fields`).
 *
 * Minimum delegated scope: `Sites.Read.All`.
 * Microsoft Learn: https://learn.microsoft.com/graph/api/listitemversion-get
 */
export async function getItemVersion<F = Record<string, unknown>>(
  client: GraphClient,
  siteId: string,
  listId: string,
  itemId: string,
  versionId: string,
  signal?: AbortSignal,
): Promise<ListItemVersionWithFields<F>> {
  const path = `${versionsPath(siteId, listId, itemId)}/${seg(versionId)}`;
  return (await graphRequest<ListItemVersionWithFields<F>>(client, { path, query: { $expand: 'fields' }, signal })).body;
}

/**
 * The versions of many items of one list, each newest first with its column values, in `$batch` round trips of 20
 * (`GET …/items/{item-id}/versions?$expand=fields` per item). An item whose versions come in more than one page has
 * its `@odata.nextLink` followed on its own. For checks that read whole registers (`npm run verify`), never a screen.
 *
 * Minimum delegated scope: `Sites.Read.All`.
 * Microsoft Learn: https://learn.microsoft.com/graph/api/listitem-list-versions, https://learn.microsoft.com/graph/json-batching
 */
export async function getItemsVersions<F = Record<string, unknown>>(
  client: GraphClient,
  siteId: string,
  listId: string,
  itemIds: readonly string[],
  signal?: AbortSignal,
): Promise<Map<string, ListItemVersionWithFields<F>[]>> {
  const requests: BatchRequest[] = itemIds.map((itemId, i) => ({ id: String(i + 1), method: 'GET', url: `${versionsPath(siteId, listId, itemId)}?$expand=fields` }));
  const out = new Map<string, ListItemVersionWithFields<F>[]>();
  if (requests.length === 0) return out;
  const responses = await batch(client, requests, { signal });
  for (const [i, itemId] of itemIds.entries()) {
    const request = requests[i]!;
    const body = batchBody<{ value?: ListItemVersionWithFields<F>[]; '@odata.nextLink'?: string }>(responses.get(request.id), request);
    const versions = [...(body.value ?? [])];
    if (body['@odata.nextLink']) versions.push(...(await getAll<ListItemVersionWithFields<F>>(client, body['@odata.nextLink'], { signal })));
    out.set(itemId, versions);
  }
  return out;
}
