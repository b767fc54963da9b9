import type { Db } from '../store/db.js';
import { fromJson, toJson } from '../store/db.js';
import type { PatternedRecurrence } from './recurrence.js';

/**
 * The tables behind Outlook calendars (services/calendar.ts). One row of `cal_events` per meeting, in its
 * organizer's calendar (`owner_kind`/`owner_id`), holding the whole event as JSON; `cal_attendance` makes it
 * visible in each attendee's calendar and records what the attendee removed. The only calendar module that
 * speaks SQL.
 */
export function ensureCalendarSchema(db: Db): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS cal_events (
      id TEXT PRIMARY KEY,
      owner_kind TEXT NOT NULL,
      owner_id TEXT NOT NULL,
      transaction_id TEXT,
      organizer_removed INTEGER NOT NULL DEFAULT 0,
      json TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS cal_events_owner ON cal_events(owner_kind, owner_id);
    CREATE TABLE IF NOT EXISTS cal_attendance (
      event_id TEXT NOT NULL REFERENCES cal_events(id) ON DELETE CASCADE,
      user_id TEXT NOT NULL,
      removed INTEGER NOT NULL DEFAULT 0,
      hidden_json TEXT NOT NULL DEFAULT '[]',
      PRIMARY KEY (event_id, user_id)
    );
    CREATE INDEX IF NOT EXISTS cal_attendance_user ON cal_attendance(user_id);
  `);
}

// ---------------------------------------------------------------------------------------------
// Stored shapes

export interface EmailAddress { name: string; address: string }
export interface Attendee { type: 'required' | 'optional' | 'resource'; status: { response: string; time: string }; emailAddress: EmailAddress }
export interface Location { displayName: string; locationType: string; uniqueId?: string; uniqueIdType: string; [k: string]: unknown }
export interface Body { contentType: 'text' | 'html'; content: string }
export interface DateTimeTimeZone { dateTime: string; timeZone: string }

/** Everything the emulator keeps about one event (series masters included). */
export interface StoredEvent {
  id: string;
  iCalUId: string;
  ownerKind: 'user' | 'group';
  ownerId: string;
  organizer: EmailAddress;
  organizerUserId: string | null;
  subject: string;
  body: Body;
  /** As the client sent them (normalised wall clock + zone name). */
  start: DateTimeTimeZone;
  end: DateTimeTimeZone;
  startUtc: number;
  endUtc: number;
  isAllDay: boolean;
  location: Location;
  locations: Location[];
  attendees: Attendee[];
  recurrence: PatternedRecurrence | null;
  isOnlineMeeting: boolean;
  onlineMeetingProvider: string;
  onlineMeeting: Record<string, unknown> | null;
  showAs: string;
  importance: string;
  sensitivity: string;
  categories: string[];
  isReminderOn: boolean;
  reminderMinutesBeforeStart: number;
  responseRequested: boolean;
  allowNewTimeProposals: boolean;
  hideAttendees: boolean;
  transactionId: string | null;
  createdDateTime: string;
  lastModifiedDateTime: string;
  changeKey: string;
  isCancelled: boolean;
  cancellationComment?: string;
  /** Original start (UTC ms) of occurrences the organizer cancelled or deleted. */
  cancelledOccurrences: number[];
}

// ---------------------------------------------------------------------------------------------
// Events

/** Inserts or replaces an event; `organizerRemoved` marks it gone from the organizer's calendar (unchanged when omitted). */
export function saveEvent(db: Db, rec: StoredEvent, organizerRemoved?: boolean): void {
  db.prepare(
    `INSERT INTO cal_events(id, owner_kind, owner_id, transaction_id, organizer_removed, json) VALUES(?, ?, ?, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET json = excluded.json, organizer_removed = COALESCE(?, organizer_removed)`,
  ).run(rec.id, rec.ownerKind, rec.ownerId, rec.transactionId, organizerRemoved ? 1 : 0, toJson(rec), organizerRemoved === undefined ? null : organizerRemoved ? 1 : 0);
}

/** One event by id, and whether its organizer removed it. */
export function loadEvent(db: Db, id: string): { rec: StoredEvent; organizerRemoved: boolean } | undefined {
  const row = db.prepare('SELECT json, organizer_removed FROM cal_events WHERE id = ?').get(id) as { json: string; organizer_removed: number } | undefined;
  return row ? { rec: fromJson<StoredEvent>(row.json), organizerRemoved: row.organizer_removed === 1 } : undefined;
}

/** The events a user's or group's calendar organizes (not removed by the organizer), oldest first. */
export function ownEvents(db: Db, ownerKind: 'user' | 'group', ownerId: string): StoredEvent[] {
  const own = db.prepare('SELECT json FROM cal_events WHERE owner_kind = ? AND owner_id = ? AND organizer_removed = 0 ORDER BY rowid').all(ownerKind, ownerId) as { json: string }[];
  return own.map((r) => fromJson<StoredEvent>(r.json));
}

/** The event a calendar created with this `transactionId`, if any. */
export function eventByTransactionId(db: Db, ownerKind: 'user' | 'group', ownerId: string, transactionId: string): StoredEvent | undefined {
  const row = db
    .prepare('SELECT json FROM cal_events WHERE owner_kind = ? AND owner_id = ? AND transaction_id = ? AND organizer_removed = 0')
    .get(ownerKind, ownerId, transactionId) as { json: string } | undefined;
  return row ? fromJson<StoredEvent>(row.json) : undefined;
}

export function removeEvent(db: Db, id: string): void {
  db.prepare('DELETE FROM cal_events WHERE id = ?').run(id);
}

// ---------------------------------------------------------------------------------------------
// Attendance: an attendee's view of a meeting (`hidden` lists original starts of occurrences they deleted)

/** Makes exactly these users attendees of the event (keeping what existing attendees removed). */
export function setAttendees(db: Db, eventId: string, userIds: Set<string>): void {
  const current = (db.prepare('SELECT user_id FROM cal_attendance WHERE event_id = ?').all(eventId) as { user_id: string }[]).map((r) => r.user_id);
  const del = db.prepare('DELETE FROM cal_attendance WHERE event_id = ? AND user_id = ?');
  for (const u of current) if (!userIds.has(u)) del.run(eventId, u);
  const ins = db.prepare('INSERT OR IGNORE INTO cal_attendance(event_id, user_id) VALUES(?, ?)');
  for (const u of userIds) ins.run(eventId, u);
}

/** The meetings a user attends and has not removed, oldest first. */
export function attendedEvents(db: Db, userId: string): { rec: StoredEvent; hidden: number[] }[] {
  const rows = db
    .prepare('SELECT e.json, a.hidden_json FROM cal_attendance a JOIN cal_events e ON e.id = a.event_id WHERE a.user_id = ? AND a.removed = 0 ORDER BY e.rowid')
    .all(userId) as { json: string; hidden_json: string }[];
  return rows.map((r) => ({ rec: fromJson<StoredEvent>(r.json), hidden: fromJson<number[]>(r.hidden_json) }));
}

/** A user's attendance of one event, unless they removed it. */
export function attendance(db: Db, eventId: string, userId: string): { hidden: number[] } | undefined {
  const row = db.prepare('SELECT hidden_json FROM cal_attendance WHERE event_id = ? AND user_id = ? AND removed = 0').get(eventId, userId) as
    | { hidden_json: string }
    | undefined;
  return row ? { hidden: fromJson<number[]>(row.hidden_json) } : undefined;
}

/** How many attendees still have the event in their calendar. */
export function countAttendees(db: Db, eventId: string): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM cal_attendance WHERE event_id = ? AND removed = 0').get(eventId) as { n: number }).n;
}

/** Records the occurrences an attendee deleted from their calendar. */
export function setHiddenOccurrences(db: Db, eventId: string, userId: string, hidden: number[]): void {
  db.prepare('UPDATE cal_attendance SET hidden_json = ? WHERE event_id = ? AND user_id = ?').run(toJson(hidden), eventId, userId);
}

/** Takes the event out of an attendee's calendar. */
export function removeAttendance(db: Db, eventId: string, userId: string): void {
  db.prepare('UPDATE cal_attendance SET removed = 1 WHERE event_id = ? AND user_id = ?').run(eventId, userId);
}
