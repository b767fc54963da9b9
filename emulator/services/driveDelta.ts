import { deltaPage, encodeDeltaToken } from './listDelta.js';
import { latestChangeSeq } from './lists.js';
import { nodeOfListItem, tombstoneOf } from './driveStore.js';
import { itemJson, rootJson, type RenderOptions } from './drivePresent.js';
import type { DriveCtx } from './drives.js';

/**
 * `GET /drives/{drive-id}/root/delta` (https://learn.microsoft.com/graph/api/driveitem-delta).
 *
 * A SharePoint drive is a document library, so the drive's change feed is its list's change feed
 * (services/listDelta.ts): the same opaque tokens, paging, `token=latest` ("returns empty response
 * with latest delta token") and 410 `resyncChangesApplyDifferences` for purged tokens. Each entry is
 * shown as a driveItem in the version the caller may see; files the caller cannot see (drafts under
 * draft item security, another user's first check-out) are left out. Deleted items come back under
 * their driveItem id with the `deleted` facet ("Deleted items are returned with the deleted facet").
 * The first page of a fresh enumeration starts with the root folder, as the service's does.
 * Parents of changed items are not repeated (the emulator behaves as with `deltaExcludeParent`).
 */
export interface DriveDeltaPage {
  value: Record<string, unknown>[];
  /** Token for `@odata.nextLink`, or null on the last page. */
  next: string | null;
  /** Token for `@odata.deltaLink` (last page only). */
  delta: string | null;
}

export function driveDeltaPage(dc: DriveCtx, token: string | null, size: number, freshLink: string, opts: RenderOptions = {}): DriveDeltaPage {
  const db = dc.emu.db;
  const value: Record<string, unknown>[] = token === null ? [rootJson(dc, opts)] : [];
  // The root takes one place of the first page; a page of one holds the root alone.
  if (token === null && size === 1) return { value, next: encodeDeltaToken({ m: 'e', l: dc.list.id, s: latestChangeSeq(db), a: 0 }), delta: null };
  const page = deltaPage(db, dc.list.id, token, size - value.length, freshLink);
  for (const e of page.entries) {
    const listItemId = e.kind === 'item' ? e.item.id : e.id;
    const node = nodeOfListItem(db, dc.list.id, listItemId);
    if (e.kind === 'item') {
      const json = node ? itemJson(dc, node, e.item, opts) : undefined;
      if (json) value.push(json);
      continue;
    }
    const gone = node ?? tombstoneOf(db, dc.list.id, listItemId);
    if (!gone) continue;
    value.push({
      id: gone.id,
      parentReference: { driveType: 'documentLibrary', driveId: dc.drive.id, id: gone.parentId },
      deleted: { state: 'deleted' },
      ...(gone.isFolder ? { folder: {} } : { file: {} }),
    });
  }
  return { value, next: page.next, delta: page.delta };
}
