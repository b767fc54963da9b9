import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';

export type Db = Database.Database;

/** Opens the emulator's SQLite file (or an in-memory database for tests). */
export function openDb(dataDir: string | null, reset = false): Db {
  if (dataDir === null) return configure(new Database(':memory:'));
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'emulator.sqlite');
  if (reset) {
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  }
  return configure(new Database(file));
}

function configure(db: Db): Db {
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.exec(`CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)`);
  return db;
}

export function getMeta(db: Db, key: string): string | undefined {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value;
}

export function setMeta(db: Db, key: string, value: string): void {
  db.prepare('INSERT INTO meta(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
}

const statements = new WeakMap<Db, Map<string, Database.Statement>>();

/**
 * A prepared statement kept per database, for queries that run once per item in hot loops
 * (preparing is a large part of a small query's cost). Only for `get`/`all`/`run`, never `iterate`.
 */
export function cachedStatement(db: Db, sql: string): Database.Statement {
  let byDb = statements.get(db);
  if (!byDb) statements.set(db, (byDb = new Map()));
  let st = byDb.get(sql);
  if (!st) byDb.set(sql, (st = db.prepare(sql)));
  return st;
}

/** JSON column helpers: rows keep their Graph resource as JSON next to indexed columns. */
export const toJson = (v: unknown): string => JSON.stringify(v);
export const fromJson = <T>(s: string): T => JSON.parse(s) as T;
