import type { Statement } from 'better-sqlite3';
import type { Db } from '../store/db.js';
import { cachedStatement, fromJson, toJson } from '../store/db.js';
import type { ColumnDefinition, List } from '@microsoft/microsoft-graph-types';

/**
 * The tables behind SharePoint lists and document libraries: lists, their columns, items, item versions,
 * the change log delta reads, and site users (person column lookup ids). The list rules built on them are in
 * services/lists.ts (which re-exports this module), listFields.ts and listQuery.ts.
 */
export function ensureListsSchema(db: Db): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS lists (
      id TEXT PRIMARY KEY,
      site_id TEXT NOT NULL,
      name TEXT NOT NULL COLLATE NOCASE,
      display_name TEXT NOT NULL COLLATE NOCASE,
      template TEXT NOT NULL,
      json TEXT NOT NULL,
      settings TEXT NOT NULL DEFAULT '{}',
      next_item_id INTEGER NOT NULL DEFAULT 1,
      created TEXT NOT NULL,
      modified TEXT NOT NULL,
      UNIQUE (site_id, name)
    );
    CREATE TABLE IF NOT EXISTS list_columns (
      list_id TEXT NOT NULL REFERENCES lists(id),
      name TEXT NOT NULL COLLATE NOCASE,
      position INTEGER NOT NULL,
      json TEXT NOT NULL,
      PRIMARY KEY (list_id, name)
    );
    CREATE TABLE IF NOT EXISTS list_items (
      list_id TEXT NOT NULL REFERENCES lists(id),
      id INTEGER NOT NULL,
      uid TEXT NOT NULL,
      change_count INTEGER NOT NULL DEFAULT 1,
      version_major INTEGER NOT NULL DEFAULT 1,
      version_minor INTEGER NOT NULL DEFAULT 0,
      fields TEXT NOT NULL,
      created TEXT NOT NULL,
      created_by TEXT NOT NULL,
      modified TEXT NOT NULL,
      modified_by TEXT NOT NULL,
      content_type TEXT NOT NULL DEFAULT 'Item',
      PRIMARY KEY (list_id, id)
    );
    CREATE TABLE IF NOT EXISTS list_item_versions (
      list_id TEXT NOT NULL,
      item_id INTEGER NOT NULL,
      label TEXT NOT NULL,
      fields TEXT NOT NULL,
      modified TEXT NOT NULL,
      modified_by TEXT NOT NULL,
      PRIMARY KEY (list_id, item_id, label)
    );
    CREATE TABLE IF NOT EXISTS list_changes (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      list_id TEXT NOT NULL,
      item_id INTEGER NOT NULL,
      kind TEXT NOT NULL,
      at TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS list_changes_by_list ON list_changes(list_id, seq);
    CREATE TABLE IF NOT EXISTS list_change_floor (
      list_id TEXT PRIMARY KEY,
      floor_seq INTEGER NOT NULL
    );
    CREATE TABLE IF NOT EXISTS site_users (
      site_id TEXT NOT NULL,
      lookup_id INTEGER NOT NULL,
      user_id TEXT NOT NULL,
      PRIMARY KEY (site_id, user_id)
    );
  `);
}

export type ListTemplate = 'genericList' | 'documentLibrary' | string;

/** Per-list behaviour settings a SharePoint admin would set in List settings. */
export interface ListSettings {
  /** "Create and Edit access": 'all' items, or only items the user 'own'(s). */
  writeSecurity?: 'all' | 'own';
  /** Libraries: keep major and minor (draft) versions. */
  enableMinorVersions?: boolean;
  /** Libraries: require check out before editing. */
  requireCheckout?: boolean;
  /** Libraries with minor versions: who sees drafts ('reader' | 'author' | 'approver'). */
  draftVisibility?: 'reader' | 'author' | 'approver';
}

export interface ListRow {
  id: string;
  siteId: string;
  name: string;
  displayName: string;
  template: ListTemplate;
  list: List & { id: string };
  settings: ListSettings;
  created: string;
  modified: string;
}

interface RawList { id: string; site_id: string; name: string; display_name: string; template: string; json: string; settings: string; created: string; modified: string }
const toList = (r: RawList): ListRow => ({
  id: r.id,
  siteId: r.site_id,
  name: r.name,
  displayName: r.display_name,
  template: r.template,
  list: fromJson(r.json),
  settings: fromJson(r.settings),
  created: r.created,
  modified: r.modified,
});

export function insertList(db: Db, row: Omit<ListRow, 'created' | 'modified'>, at: string): ListRow {
  cachedStatement(db, 'INSERT INTO lists(id, site_id, name, display_name, template, json, settings, created, modified) VALUES(?,?,?,?,?,?,?,?,?)').run(
    row.id, row.siteId, row.name, row.displayName, row.template, toJson(row.list), toJson(row.settings), at, at,
  );
  return { ...row, created: at, modified: at };
}

export function updateListRow(db: Db, row: ListRow, at: string): void {
  cachedStatement(db, 'UPDATE lists SET display_name = ?, json = ?, settings = ?, modified = ? WHERE id = ?').run(row.displayName, toJson(row.list), toJson(row.settings), at, row.id);
}

/** Finds a list of a site by GUID, by URL name or by display name (Graph accepts all three). */
export function findList(db: Db, siteId: string, idOrName: string): ListRow | undefined {
  const r = db
    .prepare('SELECT * FROM lists WHERE site_id = ? AND (lower(id) = lower(?) OR name = ? OR display_name = ?) ORDER BY (lower(id) = lower(?)) DESC LIMIT 1')
    .get(siteId, idOrName, idOrName, idOrName, idOrName) as RawList | undefined;
  return r ? toList(r) : undefined;
}

export function findListById(db: Db, listId: string): ListRow | undefined {
  const r = cachedStatement(db, 'SELECT * FROM lists WHERE lower(id) = lower(?)').get(listId) as RawList | undefined;
  return r ? toList(r) : undefined;
}

export function listsOfSite(db: Db, siteId: string): ListRow[] {
  return (cachedStatement(db, 'SELECT * FROM lists WHERE site_id = ? ORDER BY created, display_name').all(siteId) as RawList[]).map(toList);
}

// ---------- columns ----------

export type ColumnRecord = ColumnDefinition & { id: string; name: string };

export function insertColumn(db: Db, listId: string, column: ColumnRecord): void {
  const pos = (cachedStatement(db, 'SELECT COALESCE(MAX(position), 0) + 1 AS p FROM list_columns WHERE list_id = ?').get(listId) as { p: number }).p;
  cachedStatement(db, 'INSERT INTO list_columns(list_id, name, position, json) VALUES(?,?,?,?)').run(listId, column.name, pos, toJson(column));
}

export function updateColumn(db: Db, listId: string, column: ColumnRecord): void {
  cachedStatement(db, 'UPDATE list_columns SET json = ? WHERE list_id = ? AND name = ?').run(toJson(column), listId, column.name);
}

export function columnsOf(db: Db, listId: string): ColumnRecord[] {
  return (cachedStatement(db, 'SELECT json FROM list_columns WHERE list_id = ? ORDER BY position').all(listId) as { json: string }[]).map((r) => fromJson<ColumnRecord>(r.json));
}


// ---------- site users (person column lookup ids) ----------

/** The site-specific lookup id of a user (as in SharePoint's User Information List), made on first use. */
export function siteUserLookupId(db: Db, siteId: string, userId: string): number {
  const row = cachedStatement(db, 'SELECT lookup_id FROM site_users WHERE site_id = ? AND user_id = ?').get(siteId, userId) as { lookup_id: number } | undefined;
  if (row) return row.lookup_id;
  const next = (cachedStatement(db, 'SELECT COALESCE(MAX(lookup_id), 5) + 1 AS n FROM site_users WHERE site_id = ?').get(siteId) as { n: number }).n;
  cachedStatement(db, 'INSERT INTO site_users(site_id, lookup_id, user_id) VALUES(?,?,?)').run(siteId, next, userId);
  return next;
}

export function userIdForLookup(db: Db, siteId: string, lookupId: number): string | undefined {
  const row = cachedStatement(db, 'SELECT user_id FROM site_users WHERE site_id = ? AND lookup_id = ?').get(siteId, lookupId) as { user_id: string } | undefined;
  return row?.user_id;
}

// ---------- items ----------

export interface ItemRow {
  listId: string;
  id: number;
  uid: string;
  changeCount: number;
  versionMajor: number;
  versionMinor: number;
  fields: Record<string, unknown>;
  created: string;
  createdBy: string;
  modified: string;
  modifiedBy: string;
  contentType: string;
}

interface RawItem { list_id: string; id: number; uid: string; change_count: number; version_major: number; version_minor: number; fields: string; created: string; created_by: string; modified: string; modified_by: string; content_type: string }
const toItem = (r: RawItem): ItemRow => ({
  listId: r.list_id,
  id: r.id,
  uid: r.uid,
  changeCount: r.change_count,
  versionMajor: r.version_major,
  versionMinor: r.version_minor,
  fields: fromJson(r.fields),
  created: r.created,
  createdBy: r.created_by,
  modified: r.modified,
  modifiedBy: r.modified_by,
  contentType: r.content_type,
});

/** SharePoint's item eTag: `"{uid},{changeCount}"` (quotes included). */
/** The version label of an item, `major.minor`. */
export const versionLabel = (item: Pick<ItemRow, 'versionMajor' | 'versionMinor'>): string => `${item.versionMajor}.${item.versionMinor}`;

/** All site users with their lookup ids, in lookup id order. */
export function siteUsers(db: Db, siteId: string): { lookupId: number; userId: string }[] {
  const rows = cachedStatement(db, 'SELECT lookup_id, user_id FROM site_users WHERE site_id = ? ORDER BY lookup_id').all(siteId) as { lookup_id: number; user_id: string }[];
  return rows.map((r) => ({ lookupId: r.lookup_id, userId: r.user_id }));
}

/** Takes the next item id of a list (and marks the list modified). */
export function takeNextItemId(db: Db, listId: string, at: string): number {
  const id = (cachedStatement(db, 'SELECT next_item_id AS n FROM lists WHERE id = ?').get(listId) as { n: number }).n;
  cachedStatement(db, 'UPDATE lists SET next_item_id = next_item_id + 1, modified = ? WHERE id = ?').run(at, listId);
  return id;
}

/** Sets the id the next item of a list gets (`atLeast`: only ever raises it). */
export function setNextItemId(db: Db, listId: string, next: number, atLeast = false): void {
  if (atLeast) cachedStatement(db, 'UPDATE lists SET next_item_id = MAX(next_item_id, ?) WHERE id = ?').run(next, listId);
  else cachedStatement(db, 'UPDATE lists SET next_item_id = ? WHERE id = ?').run(next, listId);
}

export function insertItem(db: Db, row: ItemRow): void {
  cachedStatement(db, 
    'INSERT INTO list_items(list_id, id, uid, change_count, version_major, version_minor, fields, created, created_by, modified, modified_by, content_type) VALUES(?,?,?,?,?,?,?,?,?,?,?,?)',
  ).run(row.listId, row.id, row.uid, row.changeCount, row.versionMajor, row.versionMinor, toJson(row.fields), row.created, row.createdBy, row.modified, row.modifiedBy, row.contentType);
}

/** Writes an item's fields, change count, version and modification. */
export function writeItem(db: Db, item: ItemRow): void {
  cachedStatement(db, 'UPDATE list_items SET fields = ?, change_count = ?, version_major = ?, version_minor = ?, modified = ?, modified_by = ? WHERE list_id = ? AND id = ?').run(
    toJson(item.fields), item.changeCount, item.versionMajor, item.versionMinor, item.modified, item.modifiedBy, item.listId, item.id,
  );
}

/** Removes an item and its versions. */
export function deleteItemRows(db: Db, listId: string, itemId: number): void {
  cachedStatement(db, 'DELETE FROM list_items WHERE list_id = ? AND id = ?').run(listId, itemId);
  cachedStatement(db, 'DELETE FROM list_item_versions WHERE list_id = ? AND item_id = ?').run(listId, itemId);
}

export function recordChange(db: Db, listId: string, itemId: number, kind: 'upsert' | 'delete', at: string): void {
  cachedStatement(db, 'INSERT INTO list_changes(list_id, item_id, kind, at) VALUES(?,?,?,?)').run(listId, itemId, kind, at);
}

export function getItem(db: Db, listId: string, itemId: number): ItemRow | undefined {
  const r = cachedStatement(db, 'SELECT * FROM list_items WHERE list_id = ? AND id = ?').get(listId, itemId) as RawItem | undefined;
  return r ? toItem(r) : undefined;
}

/** All items of a list in id order. Filtering, ordering and paging happen in the route. */
export function itemsOf(db: Db, listId: string): ItemRow[] {
  return (cachedStatement(db, 'SELECT * FROM list_items WHERE list_id = ? ORDER BY id').all(listId) as RawItem[]).map(toItem);
}

export function countItems(db: Db, listId: string): number {
  return (cachedStatement(db, 'SELECT COUNT(*) AS n FROM list_items WHERE list_id = ?').get(listId) as { n: number }).n;
}
/** Keeps the item as it is now as the version of its current label. */
export function snapshotVersion(db: Db, item: ItemRow): void {
  cachedStatement(db, 'INSERT OR REPLACE INTO list_item_versions(list_id, item_id, label, fields, modified, modified_by) VALUES(?,?,?,?,?,?)').run(
    item.listId, item.id, versionLabel(item), toJson(item.fields), item.modified, item.modifiedBy,
  );
}

export interface ItemVersionRow {
  label: string;
  fields: Record<string, unknown>;
  modified: string;
  modifiedBy: string;
}

/** Versions newest first, as Graph lists them. */
export function itemVersions(db: Db, listId: string, itemId: number): ItemVersionRow[] {
  const rows = cachedStatement(db, 'SELECT label, fields, modified, modified_by FROM list_item_versions WHERE list_id = ? AND item_id = ?').all(listId, itemId) as {
    label: string; fields: string; modified: string; modified_by: string;
  }[];
  const key = (l: string) => l.split('.').map(Number) as [number, number];
  return rows
    .map((r) => ({ label: r.label, fields: fromJson<Record<string, unknown>>(r.fields), modified: r.modified, modifiedBy: r.modified_by }))
    .sort((a, b) => {
      const [am, an] = key(a.label);
      const [bm, bn] = key(b.label);
      return bm - am || bn - an;
    });
}

export function removeVersion(db: Db, listId: string, itemId: number, label: string): void {
  cachedStatement(db, 'DELETE FROM list_item_versions WHERE list_id = ? AND item_id = ? AND label = ?').run(listId, itemId, label);
}

/** Changes after a sequence number, oldest first (for delta). */
export function changesSince(db: Db, listId: string, afterSeq: number): { seq: number; itemId: number; kind: 'upsert' | 'delete' }[] {
  return (cachedStatement(db, 'SELECT seq, item_id, kind FROM list_changes WHERE list_id = ? AND seq > ? ORDER BY seq').all(listId, afterSeq) as {
    seq: number; item_id: number; kind: 'upsert' | 'delete';
  }[]).map((r) => ({ seq: r.seq, itemId: r.item_id, kind: r.kind }));
}

export function latestChangeSeq(db: Db): number {
  // The AUTOINCREMENT counter, not MAX(seq): purged changes (truncateChangeLog) must not lower it.
  const row = cachedStatement(db, "SELECT seq AS s FROM sqlite_sequence WHERE name = 'list_changes'").get() as { s: number } | undefined;
  return row?.s ?? 0;
}

/**
 * The oldest change sequence a delta token of this list may still start from. Changes at or below it
 * have been purged from the change log, so a token that predates it cannot be served (Graph answers
 * 410 Gone and asks the client to resync; https://learn.microsoft.com/graph/api/listitem-delta).
 */
export function changeFloor(db: Db, listId: string): number {
  const row = cachedStatement(db, 'SELECT floor_seq FROM list_change_floor WHERE list_id = ?').get(listId) as { floor_seq: number } | undefined;
  return row?.floor_seq ?? 0;
}

/**
 * Drops the retained change log of a list (as SharePoint does once changes age out of its
 * retention window). Every delta token issued before the newest purged change becomes stale.
 * Returns how many changes were purged.
 */
export function truncateChangeLog(db: Db, listId: string): number {
  const max = (cachedStatement(db, 'SELECT MAX(seq) AS s FROM list_changes WHERE list_id = ?').get(listId) as { s: number | null }).s;
  if (max === null) return 0;
  const purged = cachedStatement(db, 'DELETE FROM list_changes WHERE list_id = ? AND seq <= ?').run(listId, max).changes;
  cachedStatement(db, 'INSERT INTO list_change_floor(list_id, floor_seq) VALUES(?, ?) ON CONFLICT(list_id) DO UPDATE SET floor_seq = MAX(floor_seq, excluded.floor_seq)').run(listId, max);
  return purged;
}

const duplicateQueries = new WeakMap<Db, Statement>();

/**
 * Does another item of the list hold this value in a unique column? `uniqueKey` turns SQLite's `json_type` and
 * `json_extract` of a stored value into the key `key` was made with (services/listFields.ts decides how).
 * One prepared query per database.
 */
export function holdsUniqueValue(
  db: Db,
  listId: string,
  exceptItemId: number,
  jsonPath: string,
  key: string | null,
  uniqueKey: (type: string | null, value: unknown) => string | null,
): boolean {
  let st = duplicateQueries.get(db);
  if (!st) {
    db.function('emu_unique_key', { deterministic: true }, (type: unknown, value: unknown) => uniqueKey(type as string | null, value));
    st = cachedStatement(db, 'SELECT 1 FROM list_items WHERE list_id = ? AND id <> ? AND emu_unique_key(json_type(fields, ?), json_extract(fields, ?)) = ? LIMIT 1');
    duplicateQueries.set(db, st);
  }
  return st.get(listId, exceptItemId, jsonPath, jsonPath, key) !== undefined;
}
