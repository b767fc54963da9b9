import type { Db } from '../store/db.js';
import { GraphHttpError, badRequest } from '../core/errors.js';
import { changeFloor, changesSince, getItem, itemsOf, latestChangeSeq, type ItemRow } from './lists.js';

/**
 * `GET /sites/{id}/lists/{id}/items/delta` (https://learn.microsoft.com/graph/api/listitem-delta).
 *
 * Tokens are opaque to clients and encode where the walk stands:
 * - `e` (enumeration): the first call walks every current item by id; `s` is the change sequence when it began.
 * - `c` (changes): a delta walk of the items changed after `s` up to `u`, by id.
 * - `d` (deltaLink): everything up to `s` has been delivered.
 * A token whose changes were purged from the log (see `truncateChangeLog`) gets 410 Gone with
 * `resyncChangesApplyDifferences` and a `Location` header holding a fresh enumeration, as the Learn page describes.
 */
type DeltaToken =
  | { m: 'e'; l: string; s: number; a: number }
  | { m: 'c'; l: string; s: number; u: number; a: number }
  | { m: 'd'; l: string; s: number };

export const encodeDeltaToken = (t: DeltaToken): string => Buffer.from(JSON.stringify(t), 'utf8').toString('base64url');

export function decodeDeltaToken(raw: string, listId: string): DeltaToken {
  let t: DeltaToken;
  try {
    t = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as DeltaToken;
  } catch {
    throw badRequest('The delta token is not valid.', 'invalidRequest');
  }
  if (!t || typeof t !== 'object' || t.l !== listId || typeof t.s !== 'number' || !['e', 'c', 'd'].includes(t.m)) {
    throw badRequest('The delta token is not valid for this list.', 'invalidRequest');
  }
  return t;
}

export type DeltaEntry = { kind: 'item'; item: ItemRow } | { kind: 'deleted'; id: number };

export interface DeltaPage {
  entries: DeltaEntry[];
  /** Token for the nextLink, or null when this is the last page. */
  next: string | null;
  /** Token for the deltaLink (only on the last page). */
  delta: string | null;
}

/** 410 Gone for a token older than the retained change log; `freshLink` restarts the enumeration. */
export function resyncRequired(freshLink: string): GraphHttpError {
  return new GraphHttpError(
    410,
    'resyncChangesApplyDifferences',
    'The delta token has expired. Enumerate the list again from the link in the Location header and apply the differences.',
    { Location: freshLink },
  );
}

/** Serves one page of a delta walk. `raw` is the `token` query option (absent on the first call). */
export function deltaPage(db: Db, listId: string, raw: string | null, size: number, freshLink: string): DeltaPage {
  if (raw === 'latest') return { entries: [], next: null, delta: encodeDeltaToken({ m: 'd', l: listId, s: latestChangeSeq(db) }) };
  const token: DeltaToken = raw === null ? { m: 'e', l: listId, s: latestChangeSeq(db), a: 0 } : decodeDeltaToken(raw, listId);

  if (token.m === 'e') {
    const rest = itemsOf(db, listId).filter((i) => i.id > token.a);
    const rows = rest.slice(0, size);
    const last = rows[rows.length - 1];
    if (rest.length > size && last) {
      return { entries: rows.map((item) => ({ kind: 'item', item })), next: encodeDeltaToken({ ...token, a: last.id }), delta: null };
    }
    return { entries: rows.map((item) => ({ kind: 'item', item })), next: null, delta: encodeDeltaToken({ m: 'd', l: listId, s: token.s }) };
  }

  if (token.s < changeFloor(db, listId)) throw resyncRequired(freshLink);
  const upTo = token.m === 'c' ? token.u : latestChangeSeq(db);
  const after = token.m === 'c' ? token.a : 0;
  const ids = [...new Set(changesSince(db, listId, token.s).filter((c) => c.seq <= upTo).map((c) => c.itemId))]
    .filter((id) => id > after)
    .sort((a, b) => a - b);
  const pageIds = ids.slice(0, size);
  const entries: DeltaEntry[] = pageIds.map((id) => {
    const item = getItem(db, listId, id);
    return item ? { kind: 'item', item } : { kind: 'deleted', id };
  });
  const last = pageIds[pageIds.length - 1];
  if (ids.length > size && last !== undefined) {
    return { entries, next: encodeDeltaToken({ m: 'c', l: listId, s: token.s, u: upTo, a: last }), delta: null };
  }
  return { entries, next: null, delta: encodeDeltaToken({ m: 'd', l: listId, s: upTo }) };
}
