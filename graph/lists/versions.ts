/**
 * Versions of a list item with the column values of each version (for libraries: the metadata
 * of each version of a file). (Added beside `items.ts` for the document lifecycle.)
 */
import type { ListItemVersion } from '@microsoft/microsoft-graph-types';
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
