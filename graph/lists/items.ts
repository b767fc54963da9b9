import type { ListItem as GraphListItem } from '@microsoft/microsoft-graph-types';
import type { GraphClient } from '../core/client.js';
import { runDelta, type DeltaResult } from '../core/delta.js';
import { listFilter, renderFilter, nonIndexedFields, NonIndexedFilterError, type FilterExpr } from '../core/filter.js';
import { getAll, getPage, type Page, type PageOptions } from '../core/paging.js';
import { graphRequest, seg, type QueryValue } from '../core/request.js';
import type { SmsListSchema } from '../schema/types.js';

/** The `fields` of a list item: the columns you typed as `F`, plus the item's id and eTag. */
export type ItemFields<F> = F & { id?: string; '@odata.etag'?: string };

/** A list item whose `fields` are typed (`$expand=fields`). */
export type ListItem<F = Record<string, unknown>> = Omit<GraphListItem, 'fields'> & {
  '@odata.etag'?: string;
  fields: ItemFields<F>;
};

export interface ListItemsOptions {
  /** A rendered filter (from `listFilter`) or an expression; with `schema` it is checked against indexes. */
  filter?: string | FilterExpr;
  /** `$orderby` clauses, e.g. `['fields/DueDate', 'fields/Modified desc']`. */
  orderby?: string | readonly string[];
  top?: number;
  /** Field names to return (`$expand=fields($select=…)`); all fields when absent. */
  select?: readonly string[];
  /** Include `fields` (default true). */
  expand?: boolean;
  /**
   * listItem properties to return (`$select=id,webUrl`); all of them when absent. Selecting only
   * what is shown keeps pages small (https://learn.microsoft.com/graph/api/resources/sharepoint).
   */
  properties?: readonly string[];
  /** The list's schema: refuses non-indexed filter/orderby columns on large lists before sending. */
  schema?: SmsListSchema;
  /**
   * Sends `Prefer: HonorNonIndexedQueriesWarningMayFailRandomly`. Only for small lists, and a sign
   * that a column should be indexed; never allowed on a list the schema marks large.
   */
  allowNonIndexed?: boolean;
  /** A nextLink from an earlier page; when set, the query options are ignored. */
  nextLink?: string | null;
  signal?: AbortSignal;
}

const itemsPath = (siteId: string, listId: string) => `/sites/${seg(siteId)}/lists/${seg(listId)}/items`;

function expandFields(select?: readonly string[]): string {
  return select?.length ? `fields($select=${select.join(',')})` : 'fields';
}

function requireETag(eTag: string): string {
  if (!eTag || eTag.trim() === '*') throw new Error('A write needs the eTag that was read (never "*").');
  return eTag;
}

/**
 * One page of list items (`GET /sites/{site-id}/lists/{list-id}/items?$expand=fields`), with
 * `$filter`/`$orderby` on `fields/<Name>`. Follow `nextLink` (or pass it back as `opts.nextLink`)
 * for the next page.
 *
 * Minimum delegated scope: `Sites.Read.All`.
 * Microsoft Learn: https://learn.microsoft.com/graph/api/listitem-list
 */
export async function listItems<F = Record<string, unknown>>(client: GraphClient, siteId: string, listId: string, opts: ListItemsOptions = {}): Promise<Page<ListItem<F>>> {
  if (opts.nextLink) {
    const headers: Record<string, string> = opts.allowNonIndexed ? { Prefer: 'HonorNonIndexedQueriesWarningMayFailRandomly' } : {};
    return getPage<ListItem<F>>(client, opts.nextLink, { headers, signal: opts.signal });
  }
  return getPage<ListItem<F>>(client, itemsPath(siteId, listId), listItemsQuery(opts));
}

/**
 * Every list item that matches (`listItems`' first page, then each `@odata.nextLink` through
 * `getAll`). For small lists (people, processes, a document's releases); page a large one with
 * `listItems`.
 *
 * Minimum delegated scope: `Sites.Read.All`.
 * Microsoft Learn: https://learn.microsoft.com/graph/api/listitem-list
 */
export async function listAllItems<F = Record<string, unknown>>(client: GraphClient, siteId: string, listId: string, opts: Omit<ListItemsOptions, 'nextLink'> = {}): Promise<ListItem<F>[]> {
  return getAll<ListItem<F>>(client, itemsPath(siteId, listId), listItemsQuery(opts));
}

/** The query and headers `listItems` sends for these options (also for its batch form, `listItemsRequest`). */
export function listItemsQuery(opts: ListItemsOptions): PageOptions {
  const headers: Record<string, string> = {};
  const orderby = typeof opts.orderby === 'string' ? [opts.orderby] : (opts.orderby ?? []);
  const orderFields = orderby.map((o) => o.trim().split(/\s+/)[0]!);
  let filter: string | undefined;
  if (opts.filter !== undefined && typeof opts.filter !== 'string') {
    filter = opts.schema ? listFilter(opts.schema, opts.filter, orderFields) : renderFilter(opts.filter, { quoteDates: true });
  } else {
    filter = opts.filter;
    if (opts.schema) {
      const bad = nonIndexedFields(opts.schema, orderFields);
      if (bad.length) throw new NonIndexedFilterError(opts.schema.key, bad);
    }
  }
  if (opts.allowNonIndexed) {
    if (opts.schema?.large) throw new Error(`List '${opts.schema.key}' is large: non-indexed queries are not allowed on it.`);
    headers.Prefer = 'HonorNonIndexedQueriesWarningMayFailRandomly';
  }
  const query: Record<string, QueryValue> = {
    $select: opts.properties?.length ? opts.properties.join(',') : undefined,
    $expand: opts.expand === false ? undefined : expandFields(opts.select),
    $filter: filter,
    $orderby: orderby.length ? orderby.join(',') : undefined,
    $top: opts.top,
  };
  return { query, headers, signal: opts.signal };
}

/**
 * One list item with its fields (`GET /sites/{site-id}/lists/{list-id}/items/{item-id}?$expand=fields`).
 *
 * Minimum delegated scope: `Sites.Read.All`.
 * Microsoft Learn: https://learn.microsoft.com/graph/api/listitem-get
 */
export async function getItem<F = Record<string, unknown>>(
  client: GraphClient,
  siteId: string,
  listId: string,
  itemId: string,
  opts: { select?: readonly string[]; signal?: AbortSignal } = {},
): Promise<ListItem<F>> {
  const path = `${itemsPath(siteId, listId)}/${seg(itemId)}`;
  return (await graphRequest<ListItem<F>>(client, { path, query: { $expand: expandFields(opts.select) }, signal: opts.signal })).body;
}

/**
 * Creates a list item (`POST /sites/{site-id}/lists/{list-id}/items` with `{ fields }` → 201).
 *
 * Minimum delegated scope: `Sites.ReadWrite.All`.
 * Microsoft Learn: https://learn.microsoft.com/graph/api/listitem-create
 */
export async function createItem<F = Record<string, unknown>>(client: GraphClient, siteId: string, listId: string, fields: Partial<F> | Record<string, unknown>, signal?: AbortSignal): Promise<ListItem<F>> {
  return (await graphRequest<ListItem<F>>(client, { method: 'POST', path: itemsPath(siteId, listId), body: { fields }, signal })).body;
}

/**
 * Updates some fields of a list item (`PATCH …/items/{item-id}/fields` with a bare map of fields),
 * only if it has not changed since it was read: sends `If-Match: <eTag>` (never `*`). A stale
 * eTag answers 412 and throws `GraphConflictError`. Returns the updated fields with the new eTag.
 *
 * Minimum delegated scope: `Sites.ReadWrite.All`.
 * Microsoft Learn: https://learn.microsoft.com/graph/api/listitem-update
 */
export async function updateItemFields<F = Record<string, unknown>>(
  client: GraphClient,
  siteId: string,
  listId: string,
  itemId: string,
  fields: Partial<F> | Record<string, unknown>,
  eTag: string,
  signal?: AbortSignal,
): Promise<ItemFields<F>> {
  const path = `${itemsPath(siteId, listId)}/${seg(itemId)}/fields`;
  return (await graphRequest<ItemFields<F>>(client, { method: 'PATCH', path, body: fields, headers: { 'If-Match': requireETag(eTag) }, signal })).body;
}

/**
 * Deletes a list item (`DELETE …/items/{item-id}` → 204) if it is unchanged since read
 * (`If-Match`; a stale eTag throws `GraphConflictError`).
 *
 * Minimum delegated scope: `Sites.ReadWrite.All`.
 * Microsoft Learn: https://learn.microsoft.com/graph/api/listitem-delete
 */
export async function deleteItem(client: GraphClient, siteId: string, listId: string, itemId: string, eTag: string, signal?: AbortSignal): Promise<void> {
  await graphRequest(client, { method: 'DELETE', path: `${itemsPath(siteId, listId)}/${seg(itemId)}`, headers: { 'If-Match': requireETag(eTag) }, responseType: 'none', signal });
}

/**
 * Changes to a list's items since `deltaLink` (or all items when absent), with their fields.
 * Save the returned `deltaLink` for next time; `resync` is set when an expired token made Graph
 * start over (410 Gone), in which case `items` is the whole list.
 *
 * Minimum delegated scope: `Sites.Read.All`.
 * Microsoft Learn: https://learn.microsoft.com/graph/api/listitem-delta
 */
export async function itemsDelta<F = Record<string, unknown>>(
  client: GraphClient,
  siteId: string,
  listId: string,
  deltaLink?: string | null,
  signal?: AbortSignal,
): Promise<DeltaResult<ListItem<F>>> {
  const start = `${itemsPath(siteId, listId)}/delta?$expand=fields`;
  return runDelta<ListItem<F> & { deleted?: unknown }>(client, deltaLink ?? start, { startPath: start, signal });
}
