/**
 * List item writes as `$batch` requests (`graph/core` `batch()`), for callers that create or
 * update many items at once (the demo seed, imports). Each builder returns one inner request of a
 * JSON batch; `batchBody()` turns its response into the item or a `GraphError`.
 * Microsoft Learn: https://learn.microsoft.com/graph/json-batching
 */
import type { BatchRequest } from '../core/batch.js';
import { seg } from '../core/request.js';

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
