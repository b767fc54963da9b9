import type { GraphClient } from './client.js';
import { graphRequest, isAbsoluteUrl, type QueryValue } from './request.js';

/** One page of a Graph collection, with its links shown explicitly. */
export interface Page<T> {
  items: T[];
  /** `@odata.nextLink`: the next page, to be followed verbatim. */
  nextLink: string | null;
  /** `@odata.deltaLink`: present on the last page of a delta query. */
  deltaLink: string | null;
}

export interface PageOptions {
  /** Query for the first request only; a nextLink already carries its query. */
  query?: Record<string, QueryValue>;
  /**
   * Headers sent with every page. Graph does not carry `ConsistencyLevel` into next-page
   * requests, so it is sent again on each (https://learn.microsoft.com/graph/paging).
   */
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

interface CollectionBody<T> {
  value?: T[];
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}

/**
 * Gets one page of a collection: a path (plus `opts.query`) for the first page, or a nextLink or
 * deltaLink exactly as Graph returned it. https://learn.microsoft.com/graph/paging
 */
export async function getPage<T>(client: GraphClient, pathOrLink: string, opts: PageOptions = {}): Promise<Page<T>> {
  const { body } = await graphRequest<CollectionBody<T>>(client, {
    path: pathOrLink,
    query: isAbsoluteUrl(pathOrLink) ? undefined : opts.query,
    headers: opts.headers,
    signal: opts.signal,
  });
  return {
    items: body?.value ?? [],
    nextLink: body?.['@odata.nextLink'] ?? null,
    deltaLink: body?.['@odata.deltaLink'] ?? null,
  };
}

/** Gets every item of a collection by following `@odata.nextLink` until there is none. */
export async function getAll<T>(client: GraphClient, path: string, opts: PageOptions = {}): Promise<T[]> {
  const items: T[] = [];
  for await (const page of pages<T>(client, path, opts)) items.push(...page.items);
  return items;
}

/** Yields each page of a collection in turn, following `@odata.nextLink` verbatim. */
export async function* pages<T>(client: GraphClient, path: string, opts: PageOptions = {}): AsyncGenerator<Page<T>> {
  let link: string | null = path;
  let first = true;
  const seen = new Set<string>();
  while (link) {
    const page: Page<T> = await getPage<T>(client, link, first ? opts : { headers: opts.headers, signal: opts.signal });
    first = false;
    yield page;
    link = page.nextLink;
    if (link && seen.has(link)) throw new Error(`Graph returned the same nextLink twice: ${link}`);
    if (link) seen.add(link);
  }
}
