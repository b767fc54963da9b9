import { createHash, randomBytes } from 'node:crypto';
import { cachedStatement, type Db } from '../store/db.js';
import { driveIdFor } from '../core/ids.js';
import { quickXorHash } from './driveContent.js';

/**
 * Tables behind drives (document libraries seen as file systems). A drive is derived from a
 * list with template `documentLibrary`; each file or folder is a list item of that library
 * (services/lists.ts) plus a row here holding its driveItem id, parent folder and check-out
 * state. File bytes are content-addressed blobs; each item version points at one.
 */
export function ensureDrivesSchema(db: Db): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS drives (
      id TEXT PRIMARY KEY,
      site_id TEXT NOT NULL,
      list_id TEXT NOT NULL UNIQUE,
      root_id TEXT NOT NULL UNIQUE
    );
    CREATE TABLE IF NOT EXISTS drive_items (
      id TEXT PRIMARY KEY,
      drive_id TEXT NOT NULL,
      list_id TEXT NOT NULL,
      list_item_id INTEGER NOT NULL,
      parent_id TEXT NOT NULL,
      is_folder INTEGER NOT NULL,
      content_seq INTEGER NOT NULL DEFAULT 1,
      description TEXT,
      checked_out_by TEXT,
      UNIQUE (list_id, list_item_id)
    );
    CREATE INDEX IF NOT EXISTS drive_items_by_parent ON drive_items(parent_id);
    CREATE TABLE IF NOT EXISTS drive_blobs (
      sha256 TEXT PRIMARY KEY,
      size INTEGER NOT NULL,
      quick_xor TEXT NOT NULL,
      bytes BLOB NOT NULL
    );
    CREATE TABLE IF NOT EXISTS drive_versions (
      list_id TEXT NOT NULL,
      list_item_id INTEGER NOT NULL,
      label TEXT NOT NULL,
      blob TEXT NOT NULL,
      comment TEXT,
      PRIMARY KEY (list_id, list_item_id, label)
    );
    CREATE TABLE IF NOT EXISTS drive_upload_sessions (
      token TEXT PRIMARY KEY,
      drive_id TEXT NOT NULL,
      parent_id TEXT NOT NULL,
      target_id TEXT,
      name TEXT NOT NULL,
      conflict TEXT NOT NULL,
      user_id TEXT NOT NULL,
      declared_size INTEGER,
      total INTEGER,
      received INTEGER NOT NULL DEFAULT 0,
      defer_commit INTEGER NOT NULL DEFAULT 0,
      if_match TEXT,
      expires TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS drive_tombstones (
      list_id TEXT NOT NULL,
      list_item_id INTEGER NOT NULL,
      id TEXT NOT NULL,
      parent_id TEXT NOT NULL,
      is_folder INTEGER NOT NULL,
      PRIMARY KEY (list_id, list_item_id)
    );
    CREATE TABLE IF NOT EXISTS drive_upload_fragments (
      token TEXT NOT NULL,
      start INTEGER NOT NULL,
      bytes BLOB NOT NULL,
      PRIMARY KEY (token, start)
    );
  `);
  // Version of a file when it was checked out, so discardCheckout can go back to it (added after the
  // first release of the table: older data files get the column here).
  const cols = db.prepare('PRAGMA table_info(drive_items)').all() as { name: string }[];
  if (!cols.some((c) => c.name === 'checkout_label')) db.exec('ALTER TABLE drive_items ADD COLUMN checkout_label TEXT');
}

/** SharePoint driveItem ids: `01` followed by 32 base32 characters. */
export function newDriveItemId(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const bytes = randomBytes(32);
  let s = '01';
  for (let i = 0; i < 32; i++) s += alphabet[bytes[i]! & 31];
  return s;
}

// ---------- drives ----------

export interface DriveRow {
  id: string;
  siteId: string;
  listId: string;
  rootId: string;
}

interface RawDrive { id: string; site_id: string; list_id: string; root_id: string }
const toDrive = (r: RawDrive): DriveRow => ({ id: r.id, siteId: r.site_id, listId: r.list_id, rootId: r.root_id });

/**
 * Makes sure every document library has its drive row. Libraries are created by the list
 * factory (which knows nothing of drives), so rows are added on first use.
 */
export function syncDrives(db: Db): void {
  const missing = db
    .prepare(
      `SELECT l.id AS list_id, s.id AS site_id, s.site_guid, s.web_guid FROM lists l JOIN sites s ON s.id = l.site_id
       LEFT JOIN drives d ON d.list_id = l.id WHERE l.template = 'documentLibrary' AND d.id IS NULL`,
    )
    .all() as { list_id: string; site_id: string; site_guid: string; web_guid: string }[];
  const insert = db.prepare('INSERT INTO drives(id, site_id, list_id, root_id) VALUES(?,?,?,?)');
  for (const m of missing) insert.run(driveIdFor(m.site_guid, m.web_guid, m.list_id), m.site_id, m.list_id, newDriveItemId());
}

export function findDrive(db: Db, driveId: string): DriveRow | undefined {
  syncDrives(db);
  const r = db.prepare('SELECT * FROM drives WHERE id = ?').get(driveId) as RawDrive | undefined;
  return r ? toDrive(r) : undefined;
}

export function driveOfList(db: Db, listId: string): DriveRow | undefined {
  syncDrives(db);
  const r = db.prepare('SELECT * FROM drives WHERE lower(list_id) = lower(?)').get(listId) as RawDrive | undefined;
  return r ? toDrive(r) : undefined;
}

// ---------- nodes (driveItems other than the root) ----------

export interface NodeRow {
  id: string;
  driveId: string;
  listId: string;
  listItemId: number;
  parentId: string;
  isFolder: boolean;
  contentSeq: number;
  description: string | null;
  checkedOutBy: string | null;
}

interface RawNode {
  id: string; drive_id: string; list_id: string; list_item_id: number; parent_id: string; is_folder: number;
  content_seq: number; description: string | null; checked_out_by: string | null;
}
const toNode = (r: RawNode): NodeRow => ({
  id: r.id,
  driveId: r.drive_id,
  listId: r.list_id,
  listItemId: r.list_item_id,
  parentId: r.parent_id,
  isFolder: r.is_folder === 1,
  contentSeq: r.content_seq,
  description: r.description,
  checkedOutBy: r.checked_out_by,
});

export function insertNode(db: Db, n: NodeRow): void {
  db.prepare(
    'INSERT INTO drive_items(id, drive_id, list_id, list_item_id, parent_id, is_folder, content_seq, description, checked_out_by) VALUES(?,?,?,?,?,?,?,?,?)',
  ).run(n.id, n.driveId, n.listId, n.listItemId, n.parentId, n.isFolder ? 1 : 0, n.contentSeq, n.description, n.checkedOutBy);
}

export function findNode(db: Db, driveId: string, id: string): NodeRow | undefined {
  const r = cachedStatement(db, 'SELECT * FROM drive_items WHERE drive_id = ? AND id = ?').get(driveId, id) as RawNode | undefined;
  return r ? toNode(r) : undefined;
}

export function nodeOfListItem(db: Db, listId: string, listItemId: number): NodeRow | undefined {
  const r = cachedStatement(db, 'SELECT * FROM drive_items WHERE list_id = ? AND list_item_id = ?').get(listId, listItemId) as RawNode | undefined;
  return r ? toNode(r) : undefined;
}

/** Bytes the versions of a library's files take up (its drive's `quota.used`). */
export function bytesUsedByList(db: Db, listId: string): number {
  return (db.prepare('SELECT COALESCE(SUM(b.size), 0) AS n FROM drive_versions v JOIN drive_blobs b ON b.sha256 = v.blob WHERE v.list_id = ?').get(listId) as { n: number }).n;
}

export function childNodes(db: Db, parentId: string): NodeRow[] {
  return (db.prepare('SELECT * FROM drive_items WHERE parent_id = ? ORDER BY list_item_id').all(parentId) as RawNode[]).map(toNode);
}

/** The child of a folder with this name (case-insensitive, as SharePoint compares names), by its list item's FileLeafRef. */
export function childNodeByName(db: Db, parentId: string, name: string): NodeRow | undefined {
  const r = db
    .prepare(
      `SELECT d.* FROM drive_items d JOIN list_items i ON i.list_id = d.list_id AND i.id = d.list_item_id
       WHERE d.parent_id = ? AND lower(json_extract(i.fields, '$.FileLeafRef')) = lower(?) LIMIT 1`,
    )
    .get(parentId, name) as RawNode | undefined;
  return r ? toNode(r) : undefined;
}

export function setNodeParent(db: Db, id: string, parentId: string): void {
  db.prepare('UPDATE drive_items SET parent_id = ? WHERE id = ?').run(parentId, id);
}

export function setNodeDescription(db: Db, id: string, description: string | null): void {
  db.prepare('UPDATE drive_items SET description = ? WHERE id = ?').run(description, id);
}

/** Marks a file checked out by `userId` at version `label` (null clears both: check-in or discard). */
export function setCheckedOut(db: Db, id: string, userId: string | null, label: string | null = null): void {
  db.prepare('UPDATE drive_items SET checked_out_by = ?, checkout_label = ? WHERE id = ?').run(userId, userId ? label : null, id);
}

/** The version a file had when it was checked out (null when not checked out, or created checked out). */
export function checkoutLabel(db: Db, id: string): string | null {
  const row = db.prepare('SELECT checkout_label FROM drive_items WHERE id = ?').get(id) as { checkout_label: string | null } | undefined;
  return row?.checkout_label ?? null;
}

/** Forgets the file bytes of versions newer than `label` (used when a check-out is discarded). */
export function dropVersionContentAfter(db: Db, listId: string, listItemId: number, label: string): void {
  const rows = db.prepare('SELECT label FROM drive_versions WHERE list_id = ? AND list_item_id = ?').all(listId, listItemId) as { label: string }[];
  for (const r of rows) {
    if (!labelLe(r.label, label)) db.prepare('DELETE FROM drive_versions WHERE list_id = ? AND list_item_id = ? AND label = ?').run(listId, listItemId, r.label);
  }
}

export function bumpContentSeq(db: Db, id: string): void {
  db.prepare('UPDATE drive_items SET content_seq = content_seq + 1 WHERE id = ?').run(id);
}

export function deleteNodeRow(db: Db, n: NodeRow): void {
  // The driveItem id outlives the row, so a delta feed can report the deletion under that id.
  db.prepare('INSERT OR REPLACE INTO drive_tombstones(list_id, list_item_id, id, parent_id, is_folder) VALUES(?,?,?,?,?)').run(
    n.listId, n.listItemId, n.id, n.parentId, n.isFolder ? 1 : 0,
  );
  db.prepare('DELETE FROM drive_items WHERE id = ?').run(n.id);
  db.prepare('DELETE FROM drive_versions WHERE list_id = ? AND list_item_id = ?').run(n.listId, n.listItemId);
}

/** Drops blobs no version refers to any more. */
export function collectBlobs(db: Db): void {
  db.prepare('DELETE FROM drive_blobs WHERE sha256 NOT IN (SELECT blob FROM drive_versions)').run();
}

/** The driveItem a deleted list item of a library was (for delta's `deleted` entries). */
export function tombstoneOf(db: Db, listId: string, listItemId: number): { id: string; parentId: string; isFolder: boolean } | undefined {
  const r = db.prepare('SELECT id, parent_id, is_folder FROM drive_tombstones WHERE list_id = ? AND list_item_id = ?').get(listId, listItemId) as
    | { id: string; parent_id: string; is_folder: number }
    | undefined;
  return r ? { id: r.id, parentId: r.parent_id, isFolder: r.is_folder === 1 } : undefined;
}

// ---------- content ----------

export interface BlobInfo {
  sha256: string;
  size: number;
  quickXor: string;
}

export function putBlob(db: Db, bytes: Uint8Array): BlobInfo {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const existing = db.prepare('SELECT sha256, size, quick_xor FROM drive_blobs WHERE sha256 = ?').get(sha256) as
    | { sha256: string; size: number; quick_xor: string }
    | undefined;
  if (existing) return { sha256, size: existing.size, quickXor: existing.quick_xor };
  const info = { sha256, size: bytes.byteLength, quickXor: quickXorHash(bytes) };
  db.prepare('INSERT INTO drive_blobs(sha256, size, quick_xor, bytes) VALUES(?,?,?,?)').run(sha256, info.size, info.quickXor, Buffer.from(bytes));
  return info;
}

export function blobBytes(db: Db, sha256: string): Uint8Array {
  const r = db.prepare('SELECT bytes FROM drive_blobs WHERE sha256 = ?').get(sha256) as { bytes: Buffer } | undefined;
  return r ? new Uint8Array(r.bytes) : new Uint8Array();
}

/** Records which bytes a version label of a file holds. */
export function setVersionContent(db: Db, listId: string, listItemId: number, label: string, blob: BlobInfo, comment?: string): void {
  db.prepare('INSERT OR REPLACE INTO drive_versions(list_id, list_item_id, label, blob, comment) VALUES(?,?,?,?,?)').run(
    listId, listItemId, label, blob.sha256, comment ?? null,
  );
}

export function setVersionComment(db: Db, listId: string, listItemId: number, label: string, comment: string): void {
  db.prepare('UPDATE drive_versions SET comment = ? WHERE list_id = ? AND list_item_id = ? AND label = ?').run(comment, listId, listItemId, label);
}

const labelKey = (l: string): [number, number] => {
  const [a, b] = l.split('.').map(Number);
  return [a ?? 0, b ?? 0];
};
const labelLe = (a: string, b: string): boolean => {
  const [am, an] = labelKey(a);
  const [bm, bn] = labelKey(b);
  return am < bm || (am === bm && an <= bn);
};

/**
 * The bytes of a file at a version label. A version made without new content (for example
 * a metadata change made through the list API) holds the bytes of the newest earlier version.
 */
export function contentAt(db: Db, listId: string, listItemId: number, label: string): (BlobInfo & { comment: string | null }) | undefined {
  const rows = db
    .prepare('SELECT v.label, v.comment, b.sha256, b.size, b.quick_xor FROM drive_versions v JOIN drive_blobs b ON b.sha256 = v.blob WHERE v.list_id = ? AND v.list_item_id = ?')
    .all(listId, listItemId) as { label: string; comment: string | null; sha256: string; size: number; quick_xor: string }[];
  let best: (typeof rows)[number] | undefined;
  for (const r of rows) {
    if (!labelLe(r.label, label)) continue;
    if (!best || labelLe(best.label, r.label)) best = r;
  }
  return best ? { sha256: best.sha256, size: best.size, quickXor: best.quick_xor, comment: best.label === label ? best.comment : null } : undefined;
}

// ---------- upload sessions ----------

export interface UploadSessionRow {
  token: string;
  driveId: string;
  parentId: string;
  targetId: string | null;
  name: string;
  conflict: 'fail' | 'rename' | 'replace';
  userId: string;
  declaredSize: number | null;
  total: number | null;
  received: number;
  deferCommit: boolean;
  ifMatch: string | null;
  expires: string;
}

interface RawSession {
  token: string; drive_id: string; parent_id: string; target_id: string | null; name: string; conflict: string; user_id: string;
  declared_size: number | null; total: number | null; received: number; defer_commit: number; if_match: string | null; expires: string;
}

export function insertSession(db: Db, s: UploadSessionRow): void {
  db.prepare(
    'INSERT INTO drive_upload_sessions(token, drive_id, parent_id, target_id, name, conflict, user_id, declared_size, total, received, defer_commit, if_match, expires) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?)',
  ).run(s.token, s.driveId, s.parentId, s.targetId, s.name, s.conflict, s.userId, s.declaredSize, s.total, s.received, s.deferCommit ? 1 : 0, s.ifMatch, s.expires);
}

export function findSession(db: Db, token: string): UploadSessionRow | undefined {
  const r = db.prepare('SELECT * FROM drive_upload_sessions WHERE token = ?').get(token) as RawSession | undefined;
  if (!r) return undefined;
  return {
    token: r.token,
    driveId: r.drive_id,
    parentId: r.parent_id,
    targetId: r.target_id,
    name: r.name,
    conflict: r.conflict as UploadSessionRow['conflict'],
    userId: r.user_id,
    declaredSize: r.declared_size,
    total: r.total,
    received: r.received,
    deferCommit: r.defer_commit === 1,
    ifMatch: r.if_match,
    expires: r.expires,
  };
}

export function appendFragment(db: Db, token: string, start: number, bytes: Uint8Array, total: number): void {
  db.prepare('INSERT INTO drive_upload_fragments(token, start, bytes) VALUES(?,?,?)').run(token, start, Buffer.from(bytes));
  db.prepare('UPDATE drive_upload_sessions SET received = ?, total = ? WHERE token = ?').run(start + bytes.byteLength, total, token);
}

export function sessionBytes(db: Db, token: string): Uint8Array {
  const parts = (db.prepare('SELECT bytes FROM drive_upload_fragments WHERE token = ? ORDER BY start').all(token) as { bytes: Buffer }[]).map((r) => r.bytes);
  return new Uint8Array(Buffer.concat(parts));
}

export function deleteSession(db: Db, token: string): void {
  db.prepare('DELETE FROM drive_upload_fragments WHERE token = ?').run(token);
  db.prepare('DELETE FROM drive_upload_sessions WHERE token = ?').run(token);
}

/** Upload sessions clean up after their expiry (createUploadSession docs). */
export function purgeExpiredSessions(db: Db, nowIso: string): void {
  const old = db.prepare('SELECT token FROM drive_upload_sessions WHERE expires < ?').all(nowIso) as { token: string }[];
  for (const o of old) deleteSession(db, o.token);
}
