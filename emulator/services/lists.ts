import type { Db } from '../store/db.js';
import { guid } from '../core/ids.js';
import { preconditionFailed, notFound } from '../core/errors.js';
import type { UserRecord } from './directory.js';
import {
  columnsOf, deleteItemRows, getItem, insertItem, itemVersions, recordChange, removeVersion, snapshotVersion, takeNextItemId, writeItem,
  type ColumnRecord, type ItemRow, type ListRow,
} from './listStore.js';

export * from './listStore.js';

/**
 * SharePoint lists and document libraries, their columns and items, item versions and a change
 * log for delta. Routes (routes/lists.ts) and drives (routes/drives.ts) both build on this. The tables are in
 * services/listStore.ts, re-exported here so that callers have one list module.
 *
 * Item eTags look like SharePoint's: `"{guid},{n}"` where n counts changes to the item.
 */

export function findColumn(db: Db, listId: string, idOrName: string): ColumnRecord | undefined {
  return columnsOf(db, listId).find((c) => c.id.toLowerCase() === idOrName.toLowerCase() || c.name.toLowerCase() === idOrName.toLowerCase());
}

/** SharePoint's item eTag: `"{uid},{changeCount}"` (quotes included). */
export const itemETag = (item: Pick<ItemRow, 'uid' | 'changeCount'>): string => `"${item.uid},${item.changeCount}"`;

/**
 * Checks an `If-Match` header against the item's eTag. Accepts the eTag with or without
 * quotes and with or without a `W/` prefix. Missing header: no check (SharePoint list items
 * do not require If-Match). A stale value: 412.
 */
export function checkIfMatch(ifMatch: string | null, item: ItemRow): void {
  if (ifMatch === null) return;
  const norm = (s: string) => s.trim().replace(/^W\//, '').replace(/^"|"$/g, '');
  if (ifMatch.trim() !== '*' && norm(ifMatch) !== norm(itemETag(item))) throw preconditionFailed();
}

export interface CreateItemInput {
  fields: Record<string, unknown>;
  user: UserRecord;
  at: string;
  contentType?: string;
  /** Libraries with minor versions create files as 0.1 drafts. */
  draft?: boolean;
}

export function createItem(db: Db, list: ListRow, input: CreateItemInput): ItemRow {
  const id = takeNextItemId(db, list.id, input.at);
  const row: ItemRow = {
    listId: list.id,
    id,
    uid: guid(),
    changeCount: 1,
    versionMajor: input.draft ? 0 : 1,
    versionMinor: input.draft ? 1 : 0,
    fields: input.fields,
    created: input.at,
    createdBy: input.user.id,
    modified: input.at,
    modifiedBy: input.user.id,
    contentType: input.contentType ?? 'Item',
  };
  insertItem(db, row);
  snapshotVersion(db, row);
  recordChange(db, list.id, id, 'upsert', input.at);
  return row;
}

export function requireItem(db: Db, listId: string, itemId: string | number): ItemRow {
  const n = typeof itemId === 'number' ? itemId : Number(itemId);
  const item = Number.isInteger(n) ? getItem(db, listId, n) : undefined;
  if (!item) throw notFound('The specified list item was not found.', 'itemNotFound');
  return item;
}

export interface UpdateItemInput {
  fields: Record<string, unknown>;
  user: UserRecord;
  at: string;
  /** How the version number moves: a new major (lists, published files), a new minor (drafts), or none (metadata on a checked-out file). */
  bump: 'major' | 'minor' | 'none';
}

/** Merges fields into the item, bumps its eTag and version, keeps a version snapshot and logs a change. */
export function updateItem(db: Db, item: ItemRow, input: UpdateItemInput): ItemRow {
  const next: ItemRow = {
    ...item,
    fields: { ...item.fields, ...input.fields },
    changeCount: item.changeCount + 1,
    modified: input.at,
    modifiedBy: input.user.id,
  };
  if (input.bump === 'major') {
    next.versionMajor = item.versionMajor + 1;
    next.versionMinor = 0;
  } else if (input.bump === 'minor') {
    next.versionMinor = item.versionMinor + 1;
  }
  writeItem(db, next);
  snapshotVersion(db, next);
  recordChange(db, item.listId, item.id, 'upsert', input.at);
  return next;
}

export function deleteItem(db: Db, item: ItemRow, at: string): void {
  deleteItemRows(db, item.listId, item.id);
  recordChange(db, item.listId, item.id, 'delete', at);
}


/**
 * Puts an item back to one of its versions and forgets the versions after it (SharePoint's
 * "discard check out": changes made while the file was checked out are thrown away). The eTag
 * still moves on, so a client holding an eTag from during the check-out gets 412.
 */
export function rollbackItem(db: Db, item: ItemRow, label: string, at: string): ItemRow {
  const versions = itemVersions(db, item.listId, item.id);
  const target = versions.find((v) => v.label === label);
  if (!target) throw notFound('The version to go back to was not found.', 'itemNotFound');
  const [major, minor] = label.split('.').map(Number) as [number, number];
  const after = (l: string) => {
    const [m, n] = l.split('.').map(Number) as [number, number];
    return m > major || (m === major && n > minor);
  };
  for (const v of versions) if (after(v.label)) removeVersion(db, item.listId, item.id, v.label);
  const next: ItemRow = {
    ...item,
    fields: target.fields,
    versionMajor: major,
    versionMinor: minor,
    changeCount: item.changeCount + 1,
    modified: target.modified,
    modifiedBy: target.modifiedBy,
  };
  writeItem(db, next);
  recordChange(db, item.listId, item.id, 'upsert', at);
  return next;
}
