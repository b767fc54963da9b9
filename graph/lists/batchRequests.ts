/**
 * List item writes as `$batch` requests (`graph/core` `batch()`), for callers that create or
 * update many items at once (the demo seed, imports). Each builder returns one inner request of a
 * JSON batch; `batchBody()` turns its response into the item or a `GraphError`.
 * Microsoft Learn: https://learn.microsoft.com/graph/json-batching
 */
import type { BatchRequest } from '../core/batch.js';
import { encodeQuery, seg } from '../core/request.js';
import { listItemsQuery, type ListItemsOptions } from './items.js';

const itemsUrl = (siteId: string, listId: string) => `/sites/${seg(siteId)}/lists/${seg(listId)}/items`;

/**
 * Creates a list item (`POST /sites/{site-id}/lists/{list-id}/items` with `{ fields }` → 201).
 *
 * Minimum delegated scope: `Sites.ReadWrite.All`.
 * Microsoft Learn: https://learn.microsoft.com/graph/api/listitem-create
 */
export function createItemRequest(id: string, siteId: string, listId: string, fields: Record<string, unknown>): BatchRequest {
  return { id, method: 'POST', url: itemsUrl(siteId, listId), headers: { 'Content-Type': 'application/json' }, body: { fields } };
}

/**
 * Updates some fields of a list item (`PATCH …/items/{item-id}/fields`) if it is unchanged since
 * it was read (`If-Match: <eTag>`, never `*`); a stale eTag answers 412.
 *
 * Minimum delegated scope: `Sites.ReadWrite.All`.
 * Microsoft Learn: https://learn.microsoft.com/graph/api/listitem-update
 */
export function updateItemFieldsRequest(id: string, siteId: string, listId: string, itemId: string, fields: Record<string, unknown>, eTag: string): BatchRequest {
  if (!eTag || eTag.trim() === '*') throw new Error('A write needs the eTag that was read (never "*").');
  return {
    id,
    method: 'PATCH',
    url: `${itemsUrl(siteId, listId)}/${seg(itemId)}/fields`,
    headers: { 'Content-Type': 'application/json', 'If-Match': eTag },
    body: fields,
  };
}

/**
 * One page of list items (`GET …/items?$expand=fields&$filter=…`, as `listItems` sends it) as a
 * batch request. The body of its response is a collection (`value`, `@odata.nextLink`); follow
 * the nextLink with `getAll`/`pages` of graph/core. A non-indexed filter on a large list is refused
 * here, before sending, as `listItems` refuses it.
 *
 * Minimum delegated scope: `Sites.Read.All`.
 * Microsoft Learn: https://learn.microsoft.com/graph/api/listitem-list
 */
export function listItemsRequest(id: string, siteId: string, listId: string, opts: Omit<ListItemsOptions, 'nextLink' | 'signal'> = {}): BatchRequest {
  const { query, headers } = listItemsQuery(opts);
  const q = encodeQuery(query);
  return { id, method: 'GET', url: `${itemsUrl(siteId, listId)}${q ? `?${q}` : ''}`, ...(headers && Object.keys(headers).length ? { headers } : {}) };
}

/**
 * The driveItem (file) behind an item of a document library
 * (`GET …/items/{item-id}/driveItem`) as a batch request.
 *
 * Minimum delegated scope: `Sites.Read.All` (or `Files.Read.All`).
 * Microsoft Learn: https://learn.microsoft.com/graph/api/resources/listitem (relationship `driveItem`)
 */
export function listItemDriveItemRequest(id: string, siteId: string, listId: string, itemId: string): BatchRequest {
  return { id, method: 'GET', url: `${itemsUrl(siteId, listId)}/${seg(itemId)}/driveItem` };
}
