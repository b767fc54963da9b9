import type { ColumnDefinition, List } from '@microsoft/microsoft-graph-types';
import type { GraphClient } from '../core/client.js';
import { getAll } from '../core/paging.js';
import { graphRequest, seg } from '../core/request.js';

const listsPath = (siteId: string) => `/sites/${seg(siteId)}/lists`;
const listPath = (siteId: string, listId: string) => `${listsPath(siteId)}/${seg(listId)}`;

/**
 * Every list and library of a site (`GET /sites/{site-id}/lists`, all pages).
 *
 * Minimum delegated scope: `Sites.Read.All`.
 * Microsoft Learn: https://learn.microsoft.com/graph/api/list-list
 */
export async function getLists(client: GraphClient, siteId: string, signal?: AbortSignal): Promise<List[]> {
  return getAll<List>(client, listsPath(siteId), { query: { $select: 'id,name,displayName,description,webUrl,list,createdDateTime,lastModifiedDateTime' }, signal });
}

/**
 * One list by id or by display name (`GET /sites/{site-id}/lists/{list-id | list-title}`).
 *
 * Minimum delegated scope: `Sites.Read.All`.
 * Microsoft Learn: https://learn.microsoft.com/graph/api/list-get
 */
export async function getList(client: GraphClient, siteId: string, listIdOrName: string, signal?: AbortSignal): Promise<List> {
  return (await graphRequest<List>(client, { path: listPath(siteId, listIdOrName), signal })).body;
}

/**
 * Creates a list or library (`POST /sites/{site-id}/lists` → 201) with
 * `{ displayName, list: { template }, columns? }`.
 *
 * Minimum delegated scope: `Sites.Manage.All`.
 * Microsoft Learn: https://learn.microsoft.com/graph/api/list-create
 */
export async function createList(client: GraphClient, siteId: string, body: List | Record<string, unknown>, signal?: AbortSignal): Promise<List> {
  return (await graphRequest<List>(client, { method: 'POST', path: listsPath(siteId), body, signal })).body;
}

/**
 * The columns of a list (`GET /sites/{site-id}/lists/{list-id}/columns`, all pages).
 *
 * Minimum delegated scope: `Sites.Read.All`.
 * Microsoft Learn: https://learn.microsoft.com/graph/api/list-list-columns
 */
export async function getColumns(client: GraphClient, siteId: string, listId: string, signal?: AbortSignal): Promise<ColumnDefinition[]> {
  return getAll<ColumnDefinition>(client, `${listPath(siteId, listId)}/columns`, { signal });
}

/**
 * Adds a column to a list (`POST /sites/{site-id}/lists/{list-id}/columns` → 201).
 *
 * Minimum delegated scope: `Sites.Manage.All`.
 * Microsoft Learn: https://learn.microsoft.com/graph/api/list-post-columns
 */
export async function createColumn(client: GraphClient, siteId: string, listId: string, column: ColumnDefinition, signal?: AbortSignal): Promise<ColumnDefinition> {
  return (await graphRequest<ColumnDefinition>(client, { method: 'POST', path: `${listPath(siteId, listId)}/columns`, body: column, signal })).body;
}

/**
 * Changes a column of a list (`PATCH /sites/{site-id}/lists/{list-id}/columns/{column-id}`), e.g. to
 * set `indexed: true`.
 *
 * Minimum delegated scope: `Sites.Manage.All`.
 * Microsoft Learn: https://learn.microsoft.com/graph/api/columndefinition-update
 */
export async function updateColumn(
  client: GraphClient,
  siteId: string,
  listId: string,
  columnId: string,
  patch: ColumnDefinition | Record<string, unknown>,
  signal?: AbortSignal,
): Promise<ColumnDefinition> {
  return (await graphRequest<ColumnDefinition>(client, { method: 'PATCH', path: `${listPath(siteId, listId)}/columns/${seg(columnId)}`, body: patch, signal })).body;
}
