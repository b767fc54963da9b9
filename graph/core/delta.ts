import type { GraphClient } from './client.js';
import { GraphError } from './errors.js';
import { getPage, type Page, type PageOptions } from './paging.js';
import { isAbsoluteUrl } from './request.js';

export interface DeltaResult<T> {
  /** Created or changed items (deleted ones are not included). */
  items: T[];
  /** Ids of items reported deleted (`deleted` facet, or `@removed` on directory objects). */
  deleted: string[];
  /** Save this and pass it to the next `runDelta` call. */
  deltaLink: string;
  /**
   * Set when the saved token had expired (410 Gone) and the enumeration started again: the
   * result is then the whole collection, so replace the local copy rather than patch it.
   * Holds Graph's error code (e.g. `resyncChangesApplyDifferences`).
   */
  resync: string | null;
}

export interface DeltaOptions extends PageOptions {
  /** Where to start again after a 410 when the first argument is a saved deltaLink. */
  startPath?: string;
}

interface DeltaItem {
  id?: string;
  deleted?: unknown;
  '@removed'?: unknown;
}

/**
 * Runs a delta query to the end: follows `@odata.nextLink` until a `@odata.deltaLink` arrives.
 * Start with the collection's delta path (e.g. `/sites/{s}/lists/{l}/items/delta`) or a saved
 * deltaLink. A stale token answers 410 Gone; the enumeration then restarts from the `Location`
 * header Graph sends, else from `opts.startPath`, else (when the first argument was a start path,
 * not a saved link) from that path. A saved deltaLink with neither is not rebuilt into a start
 * URL, which would silently drop its `$select`/`$expand`: that throws a `GraphError` (status 410,
 * code `deltaRestartUnknown`) asking the caller to pass `startPath`.
 * https://learn.microsoft.com/graph/delta-query-overview , https://learn.microsoft.com/graph/api/listitem-delta
 */
export async function runDelta<T extends DeltaItem>(client: GraphClient, startPathOrDeltaLink: string, opts: DeltaOptions = {}): Promise<DeltaResult<T>> {
  try {
    return { ...(await walk<T>(client, startPathOrDeltaLink, opts)), resync: null };
  } catch (e) {
    if (!(e instanceof GraphError) || e.status !== 410) throw e;
    const restart = e.location ?? opts.startPath ?? (isAbsoluteUrl(startPathOrDeltaLink) ? null : startPathOrDeltaLink);
    if (restart === null) {
      throw new GraphError(
        `The delta token expired (${e.code}) and Graph sent no Location to start again from; pass opts.startPath (the delta path with its query options) to runDelta.`,
        e.status,
        'deltaRestartUnknown',
        e.requestId,
        e.retryAfterSeconds,
      );
    }
    return { ...(await walk<T>(client, restart, opts)), resync: e.code };
  }
}

async function walk<T extends DeltaItem>(client: GraphClient, start: string, opts: PageOptions): Promise<Omit<DeltaResult<T>, 'resync'>> {
  const items: T[] = [];
  const deleted: string[] = [];
  let link: string | null = start;
  let first = true;
  while (link) {
    const page: Page<T> = await getPage<T>(client, link, first ? opts : { headers: opts.headers, signal: opts.signal });
    first = false;
    for (const item of page.items) {
      if (item.deleted || item['@removed']) {
        if (item.id) deleted.push(item.id);
      } else {
        items.push(item);
      }
    }
    if (page.deltaLink) return { items, deleted, deltaLink: page.deltaLink };
    link = page.nextLink;
  }
  throw new Error('The delta query ended without an @odata.deltaLink.');
}
