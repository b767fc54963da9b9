import type { Db } from '../store/db.js';
import { fromJson, toJson } from '../store/db.js';

/**
 * The tables behind Teams app installations for users and the activity feed notifications the emulator
 * received (services/teamwork.ts). The only teamwork module that speaks SQL.
 */
export function ensureTeamworkSchema(db: Db): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS teams_app_installations (
      user_id TEXT NOT NULL,
      teams_app_id TEXT NOT NULL,
      installed_at TEXT NOT NULL,
      PRIMARY KEY (user_id, teams_app_id)
    );
    CREATE TABLE IF NOT EXISTS activity_notifications (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      recipient_user_id TEXT NOT NULL,
      json TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS activity_notifications_recipient ON activity_notifications(recipient_user_id);
  `);
}

// ---------------------------------------------------------------------------------------------
// Installations in a user's personal scope

export interface Installation {
  userId: string;
  teamsAppId: string;
  installedAt: string;
}

/** Installs an app for a user; false when it was already installed. */
export function insertInstallation(db: Db, i: Installation): boolean {
  const r = db
    .prepare('INSERT OR IGNORE INTO teams_app_installations(user_id, teams_app_id, installed_at) VALUES(?, ?, ?)')
    .run(i.userId, i.teamsAppId, i.installedAt);
  return r.changes > 0;
}

/** The apps installed in a user's personal scope, oldest first. */
export function installationsOf(db: Db, userId: string): Installation[] {
  const rows = db
    .prepare('SELECT user_id, teams_app_id, installed_at FROM teams_app_installations WHERE user_id = ? ORDER BY rowid')
    .all(userId) as { user_id: string; teams_app_id: string; installed_at: string }[];
  return rows.map((r) => ({ userId: r.user_id, teamsAppId: r.teams_app_id, installedAt: r.installed_at }));
}

export function isInstalled(db: Db, userId: string, teamsAppId: string): boolean {
  return db.prepare('SELECT 1 FROM teams_app_installations WHERE user_id = ? AND teams_app_id = ?').get(userId, teamsAppId) !== undefined;
}

// ---------------------------------------------------------------------------------------------
// Notifications the emulator received (kept for tests and the dev view; not a Graph resource)

export interface SentNotification {
  /** Order of arrival, from 1. */
  seq: number;
  sentDateTime: string;
  /** The API that carried it. */
  api: 'sendActivityNotification' | 'sendActivityNotificationToRecipients';
  requestId: string;
  /** Who sent it: the signed-in user (delegated) or the app (app-only). */
  sender: { kind: 'user' | 'app'; id: string; displayName: string };
  recipient: { userId: string; userPrincipalName: string; displayName: string };
  activityType: string;
  topic: { source: string; value: string; webUrl: string | null };
  previewText: { content: string; contentType: string } | null;
  templateParameters: { name: string; value: string }[];
  chainId: number | null;
  teamsAppId: string;
  /** The `Actor+Reason` line Teams shows: the manifest's templateText with the parameters filled in. */
  text: string;
  /** False when Teams would not show it (a user sending to themselves, per the activity feed FAQ). */
  delivered: boolean;
  /** Why it was not delivered. */
  reason?: string;
}

export function insertNotification(db: Db, n: Omit<SentNotification, 'seq'>): SentNotification {
  const r = db.prepare('INSERT INTO activity_notifications(recipient_user_id, json) VALUES(?, ?)').run(n.recipient.userId, toJson(n));
  return { seq: Number(r.lastInsertRowid), ...n };
}

/** Every notification received, oldest first; only one recipient's when `recipientUserId` is given. */
export function listNotifications(db: Db, recipientUserId?: string): SentNotification[] {
  const rows = (
    recipientUserId === undefined
      ? db.prepare('SELECT seq, json FROM activity_notifications ORDER BY seq').all()
      : db.prepare('SELECT seq, json FROM activity_notifications WHERE recipient_user_id = ? ORDER BY seq').all(recipientUserId)
  ) as { seq: number; json: string }[];
  return rows.map((r) => ({ ...fromJson<Omit<SentNotification, 'seq'>>(r.json), seq: r.seq }));
}

export function clearNotifications(db: Db): void {
  db.prepare('DELETE FROM activity_notifications').run();
}
