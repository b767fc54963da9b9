import { randomBytes, createHash } from 'node:crypto';
import type { Db } from '../store/db.js';
import { fromJson, toJson } from '../store/db.js';
import { outlookId } from '../core/ids.js';
import { GraphHttpError } from '../core/errors.js';
import { findUser, type GroupRecord, type UserRecord } from './directory.js';
import {
  civilDate,
  civilToUtc,
  dayNumber,
  formatCivil,
  formatUtcSeconds,
  normalizeRecurrence,
  occurrenceDays,
  parseDateTime,
  RecurrenceError,
  resolveTimeZone,
  utcToCivil,
  type PatternedRecurrence,
} from './recurrence.js';

/**
 * Outlook calendars of users and Microsoft 365 groups.
 *
 * One stored event per meeting: it lives in its organizer's calendar (a user's, or a group's
 * for group-calendar events) and is visible in each attendee's calendar through
 * `cal_attendance`, where the attendee's copy is shown with `isOrganizer: false`. Real Exchange
 * keeps a separate copy per mailbox (with its own id); the emulator shares one id.
 *
 * Sources: https://learn.microsoft.com/graph/api/resources/event ,
 * https://learn.microsoft.com/graph/api/user-post-events , https://learn.microsoft.com/graph/api/event-cancel
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
// Types

export type CalendarOwner = { kind: 'user'; user: UserRecord } | { kind: 'group'; group: GroupRecord };

interface EmailAddress { name: string; address: string }
interface Attendee { type: 'required' | 'optional' | 'resource'; status: { response: string; time: string }; emailAddress: EmailAddress }
interface Location { displayName: string; locationType: string; uniqueId?: string; uniqueIdType: string; [k: string]: unknown }
interface Body { contentType: 'text' | 'html'; content: string }
interface DateTimeTimeZone { dateTime: string; timeZone: string }

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

/** Whose calendar a request reads: decides `isOrganizer` and `responseStatus`. */
export type CalendarView = { kind: 'user'; userId: string } | { kind: 'group'; groupId: string };

/** An event as it appears in one calendar: a single event, a series master, or one occurrence. */
export interface Instance {
  rec: StoredEvent;
  occurrence?: { originalStart: number; start: number; end: number };
  /** The viewer is the organizer (or the calendar is the organizing group's). */
  organizerView: boolean;
}

// ---------------------------------------------------------------------------------------------
// Errors (codes are the ones Outlook returns; see the report for which are confirmed)

export const itemNotFound = () => new GraphHttpError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
export const outlookAccessDenied = () => new GraphHttpError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
const validationFailure = (detail?: string) =>
  new GraphHttpError(400, 'ErrorPropertyValidationFailure', detail ? `At least one property failed validation. ${detail}` : 'At least one property failed validation.');
const cannotDeserialize = (detail: string) => new GraphHttpError(400, 'UnableToDeserializePostBody', `were unable to deserialize ${detail}`);
export const timeZoneNotSupported = (tz: string) =>
  new GraphHttpError(400, 'TimeZoneNotSupportedException', `A valid TimeZone value must be specified. The following TimeZone value is not supported: '${tz}'.`);

// ---------------------------------------------------------------------------------------------
// Storage

const newChangeKey = () => randomBytes(22).toString('base64');
const NO_TIME = '0001-01-01T00:00:00Z';
const isoNow = (now: Date) => now.toISOString().replace(/Z$/, '0000Z');

function saveEvent(db: Db, rec: StoredEvent, organizerRemoved?: boolean): void {
  db.prepare(
    `INSERT INTO cal_events(id, owner_kind, owner_id, transaction_id, organizer_removed, json) VALUES(?, ?, ?, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET json = excluded.json, organizer_removed = COALESCE(?, organizer_removed)`,
  ).run(rec.id, rec.ownerKind, rec.ownerId, rec.transactionId, organizerRemoved ? 1 : 0, toJson(rec), organizerRemoved === undefined ? null : organizerRemoved ? 1 : 0);
}

/** Keeps `cal_attendance` in step with the attendee list: attendees who are tenant users see the event. */
function syncAttendance(db: Db, rec: StoredEvent): void {
  const ids = new Set<string>();
  for (const a of rec.attendees) {
    const u = findUser(db, a.emailAddress.address);
    if (u && u.id !== rec.organizerUserId) ids.add(u.id);
  }
  const current = (db.prepare('SELECT user_id FROM cal_attendance WHERE event_id = ?').all(rec.id) as { user_id: string }[]).map((r) => r.user_id);
  const del = db.prepare('DELETE FROM cal_attendance WHERE event_id = ? AND user_id = ?');
  for (const u of current) if (!ids.has(u)) del.run(rec.id, u);
  const ins = db.prepare('INSERT OR IGNORE INTO cal_attendance(event_id, user_id) VALUES(?, ?)');
  for (const u of ids) ins.run(rec.id, u);
}

function loadEvent(db: Db, id: string): { rec: StoredEvent; organizerRemoved: boolean } | undefined {
  const row = db.prepare('SELECT json, organizer_removed FROM cal_events WHERE id = ?').get(id) as { json: string; organizer_removed: number } | undefined;
  return row ? { rec: fromJson<StoredEvent>(row.json), organizerRemoved: row.organizer_removed === 1 } : undefined;
}

export function viewOf(owner: CalendarOwner): CalendarView {
  return owner.kind === 'user' ? { kind: 'user', userId: owner.user.id } : { kind: 'group', groupId: owner.group.id };
}

function isOrganizerView(rec: StoredEvent, view: CalendarView): boolean {
  return view.kind === 'group' ? rec.ownerKind === 'group' && rec.ownerId === view.groupId : rec.ownerKind === 'user' && rec.ownerId === view.userId;
}

interface Visible { rec: StoredEvent; organizerView: boolean; hidden: number[] }

/** Events in a calendar: those it organizes (not deleted) plus, for a user, meetings they attend. */
export function visibleEvents(db: Db, view: CalendarView): Visible[] {
  const out: Visible[] = [];
  const ownerKind = view.kind;
  const ownerId = view.kind === 'user' ? view.userId : view.groupId;
  const own = db.prepare('SELECT json FROM cal_events WHERE owner_kind = ? AND owner_id = ? AND organizer_removed = 0 ORDER BY rowid').all(ownerKind, ownerId) as { json: string }[];
  for (const r of own) out.push({ rec: fromJson<StoredEvent>(r.json), organizerView: true, hidden: [] });
  if (view.kind === 'user') {
    const attending = db
      .prepare('SELECT e.json, a.hidden_json FROM cal_attendance a JOIN cal_events e ON e.id = a.event_id WHERE a.user_id = ? AND a.removed = 0 ORDER BY e.rowid')
      .all(view.userId) as { json: string; hidden_json: string }[];
    for (const r of attending) out.push({ rec: fromJson<StoredEvent>(r.json), organizerView: false, hidden: fromJson<number[]>(r.hidden_json) });
  }
  return out;
}

function findVisible(db: Db, view: CalendarView, id: string): Visible | undefined {
  const hit = loadEvent(db, id);
  if (!hit) return undefined;
  if (isOrganizerView(hit.rec, view)) return hit.organizerRemoved ? undefined : { rec: hit.rec, organizerView: true, hidden: [] };
  if (view.kind !== 'user') return undefined;
  const row = db.prepare('SELECT hidden_json FROM cal_attendance WHERE event_id = ? AND user_id = ? AND removed = 0').get(id, view.userId) as
    | { hidden_json: string }
    | undefined;
  return row ? { rec: hit.rec, organizerView: false, hidden: fromJson<number[]>(row.hidden_json) } : undefined;
}

// ---------------------------------------------------------------------------------------------
// Occurrence ids: opaque, but they carry the series master id and the original start.

const OCC_PREFIX = 'occ\u0001';

export function occurrenceId(masterId: string, originalStart: number): string {
  return `AAMk${Buffer.from(`${OCC_PREFIX}${masterId}\u0001${originalStart}`, 'utf8').toString('base64url')}`;
}

function parseOccurrenceId(id: string): { masterId: string; originalStart: number } | null {
  if (!id.startsWith('AAMk')) return null;
  const raw = Buffer.from(id.slice(4), 'base64url').toString('utf8');
  if (!raw.startsWith(OCC_PREFIX)) return null;
  const [masterId, ms] = raw.slice(OCC_PREFIX.length).split('\u0001');
  const originalStart = Number(ms);
  return masterId && Number.isFinite(originalStart) ? { masterId, originalStart } : null;
}

/** The zone a series repeats in (recurrence time zone, else the start's). */
function seriesZone(rec: StoredEvent): string {
  return resolveTimeZone(rec.recurrence?.range.recurrenceTimeZone) ?? resolveTimeZone(rec.start.timeZone) ?? 'Etc/UTC';
}

/**
 * Occurrences of a series overlapping [from, to) (UTC ms). Each occurrence starts at the
 * master's wall-clock start time on its date, in the series' time zone, so it keeps its local
 * time across daylight-saving changes.
 */
export function expandSeries(rec: StoredEvent, from: number, to: number): { originalStart: number; start: number; end: number }[] {
  if (!rec.recurrence) return [];
  const zone = seriesZone(rec);
  const startLocal = utcToCivil(rec.startUtc, zone);
  const duration = rec.endUtc - rec.startUtc;
  const last = utcToCivil(to, zone);
  const untilDay = dayNumber(last.y, last.m, last.d) + 1;
  const out: { originalStart: number; start: number; end: number }[] = [];
  for (const day of occurrenceDays(rec.recurrence, untilDay)) {
    const c = civilDate(day);
    const start = civilToUtc({ ...c, hh: startLocal.hh, mi: startLocal.mi, ss: startLocal.ss, ms: 0 }, zone);
    const end = start + duration;
    if (overlaps(start, end, from, to)) out.push({ originalStart: start, start, end });
  }
  return out;
}

/** calendarView membership: an event overlaps the window (a zero-length one must start inside it). */
function overlaps(start: number, end: number, from: number, to: number): boolean {
  return end > start ? start < to && end > from : start >= from && start < to;
}

// ---------------------------------------------------------------------------------------------
// Reading a request body

const ATTENDEE_TYPES = ['required', 'optional', 'resource'] as const;
const SHOW_AS = ['free', 'tentative', 'busy', 'oof', 'workingElsewhere', 'unknown'] as const;
const IMPORTANCE = ['low', 'normal', 'high'] as const;
const SENSITIVITY = ['normal', 'personal', 'private', 'confidential'] as const;
const PROVIDERS = ['unknown', 'teamsForBusiness', 'skypeForBusiness', 'skypeForConsumer'] as const;

function pickEnum<T extends string>(values: readonly T[], raw: unknown, what: string): T {
  if (typeof raw === 'string') {
    const hit = values.find((v) => v.toLowerCase() === raw.toLowerCase());
    if (hit) return hit;
  }
  throw cannotDeserialize(`'${String(raw)}' as ${what}`);
}

function str(raw: unknown, what: string): string {
  if (typeof raw !== 'string') throw cannotDeserialize(`${what}`);
  return raw;
}

function bool(raw: unknown, what: string): boolean {
  if (typeof raw !== 'boolean') throw cannotDeserialize(`${what}`);
  return raw;
}

/** Reads a dateTimeTimeZone; returns the normalised value and its instant. */
function readDateTimeTimeZone(raw: unknown, what: 'start' | 'end'): { value: DateTimeTimeZone; utc: number } {
  if (typeof raw !== 'object' || raw === null) throw validationFailure(`The ${what} time is required.`);
  const { dateTime, timeZone } = raw as { dateTime?: unknown; timeZone?: unknown };
  if (typeof dateTime !== 'string' || !dateTime) throw validationFailure(`The ${what} dateTime is required.`);
  const tzName = typeof timeZone === 'string' && timeZone ? timeZone : 'UTC';
  const zone = resolveTimeZone(tzName);
  if (!zone) throw timeZoneNotSupported(tzName);
  const parsed = parseDateTime(dateTime);
  if (!parsed) throw cannotDeserialize(`'${dateTime}' as the ${what} dateTime`);
  const utc = parsed.kind === 'civil' ? civilToUtc(parsed.civil, zone) : parsed.ms;
  const civil = utcToCivil(utc, zone);
  return { value: { dateTime: formatCivil(civil).slice(0, 19), timeZone: tzName }, utc };
}

function readBody(raw: unknown): Body {
  if (typeof raw !== 'object' || raw === null) throw cannotDeserialize('body');
  const b = raw as { contentType?: unknown; content?: unknown };
  const contentType = b.contentType === undefined ? 'text' : pickEnum(['text', 'html'] as const, b.contentType, 'bodyType');
  return { contentType, content: b.content === undefined || b.content === null ? '' : str(b.content, 'body content') };
}

function readLocation(raw: unknown): Location {
  if (raw === null) return emptyLocation();
  if (typeof raw !== 'object') throw cannotDeserialize('location');
  const l = raw as Record<string, unknown>;
  const displayName = l.displayName === undefined || l.displayName === null ? '' : str(l.displayName, 'location displayName');
  const out: Location = {
    displayName,
    locationType: typeof l.locationType === 'string' ? l.locationType.charAt(0).toLowerCase() + l.locationType.slice(1) : 'default',
    ...(displayName ? { uniqueId: typeof l.uniqueId === 'string' ? l.uniqueId : displayName } : {}),
    uniqueIdType: displayName ? 'private' : 'unknown',
  };
  if (typeof l.locationEmailAddress === 'string') out.locationEmailAddress = l.locationEmailAddress;
  if (typeof l.address === 'object' && l.address !== null) out.address = l.address;
  if (typeof l.coordinates === 'object' && l.coordinates !== null) out.coordinates = l.coordinates;
  return out;
}

const emptyLocation = (): Location => ({ displayName: '', locationType: 'default', uniqueIdType: 'unknown', address: {}, coordinates: {} });

function readAttendees(db: Db, raw: unknown): Attendee[] {
  if (!Array.isArray(raw)) throw cannotDeserialize('attendees');
  return raw.map((a) => {
    if (typeof a !== 'object' || a === null) throw cannotDeserialize('attendee');
    const { type, emailAddress } = a as { type?: unknown; emailAddress?: unknown };
    const e = (emailAddress ?? {}) as { address?: unknown; name?: unknown };
    if (typeof e.address !== 'string' || !e.address.includes('@')) throw validationFailure('Every attendee needs an email address.');
    const user = findUser(db, e.address);
    const name = typeof e.name === 'string' && e.name ? e.name : user?.displayName ?? e.address;
    return {
      type: type === undefined ? 'required' : pickEnum(ATTENDEE_TYPES, type, 'attendeeType'),
      status: { response: 'none', time: NO_TIME },
      emailAddress: { name, address: e.address },
    };
  });
}

function readCategories(raw: unknown): string[] {
  if (!Array.isArray(raw) || !raw.every((c) => typeof c === 'string')) throw cannotDeserialize('categories');
  return raw as string[];
}

/**
 * Applies the writable event properties of a POST or PATCH body to `rec` (in place) and checks
 * the result: times in supported zones, end not before start, all-day events at midnight,
 * a consistent recurrence. Read-only properties in the body are ignored, as Outlook does.
 */
function applyWritable(db: Db, rec: StoredEvent, body: Record<string, unknown>, creating: boolean): void {
  const has = (k: string) => Object.prototype.hasOwnProperty.call(body, k);
  if (has('subject')) rec.subject = body.subject === null ? '' : str(body.subject, 'subject');
  if (has('body')) rec.body = body.body === null ? { contentType: 'text', content: '' } : readBody(body.body);
  if (creating || has('start')) {
    const s = readDateTimeTimeZone(body.start, 'start');
    rec.start = s.value;
    rec.startUtc = s.utc;
  }
  if (creating || has('end')) {
    const e = readDateTimeTimeZone(body.end, 'end');
    rec.end = e.value;
    rec.endUtc = e.utc;
  }
  if (has('isAllDay')) rec.isAllDay = bool(body.isAllDay, 'isAllDay');
  if (has('location')) {
    rec.location = readLocation(body.location);
    // Setting location replaces the locations collection with it (resources/event, "locations").
    rec.locations = rec.location.displayName ? [{ ...rec.location, uniqueIdType: 'unknown' }] : [];
  }
  if (has('locations')) {
    if (!Array.isArray(body.locations)) throw cannotDeserialize('locations');
    rec.locations = body.locations.map(readLocation);
    if (!has('location')) {
      const names = rec.locations.map((l) => l.displayName).filter(Boolean);
      rec.location = names.length ? { displayName: names.join('; '), locationType: 'default', uniqueId: names.join('; '), uniqueIdType: 'private' } : emptyLocation();
    }
  }
  if (has('attendees')) rec.attendees = body.attendees === null ? [] : readAttendees(db, body.attendees);
  if (has('showAs')) rec.showAs = pickEnum(SHOW_AS, body.showAs, 'freeBusyStatus');
  if (has('importance')) rec.importance = pickEnum(IMPORTANCE, body.importance, 'importance');
  if (has('sensitivity')) rec.sensitivity = pickEnum(SENSITIVITY, body.sensitivity, 'sensitivity');
  if (has('categories')) rec.categories = body.categories === null ? [] : readCategories(body.categories);
  if (has('isReminderOn')) rec.isReminderOn = bool(body.isReminderOn, 'isReminderOn');
  if (has('reminderMinutesBeforeStart')) {
    if (typeof body.reminderMinutesBeforeStart !== 'number' || !Number.isInteger(body.reminderMinutesBeforeStart)) throw cannotDeserialize('reminderMinutesBeforeStart');
    rec.reminderMinutesBeforeStart = body.reminderMinutesBeforeStart;
  }
  if (has('responseRequested')) rec.responseRequested = bool(body.responseRequested, 'responseRequested');
  if (has('allowNewTimeProposals')) rec.allowNewTimeProposals = bool(body.allowNewTimeProposals, 'allowNewTimeProposals');
  if (has('hideAttendees')) rec.hideAttendees = bool(body.hideAttendees, 'hideAttendees');
  if (has('onlineMeetingProvider') && body.onlineMeetingProvider !== null) {
    const provider = pickEnum(PROVIDERS, body.onlineMeetingProvider, 'onlineMeetingProviderType');
    // Once a meeting is online its provider can't change (resources/event, onlineMeetingProvider).
    if (!rec.onlineMeeting) rec.onlineMeetingProvider = provider;
  }
  if (has('isOnlineMeeting') && body.isOnlineMeeting !== null) {
    const online = bool(body.isOnlineMeeting, 'isOnlineMeeting');
    // After Graph initialises onlineMeeting, further changes to isOnlineMeeting are ignored.
    if (!rec.onlineMeeting) rec.isOnlineMeeting = online;
  }
  if (has('recurrence')) {
    if (body.recurrence === null) rec.recurrence = null;
    else {
      try {
        rec.recurrence = normalizeRecurrence(body.recurrence, rec.start.timeZone);
      } catch (e) {
        if (!(e instanceof RecurrenceError)) throw e;
        if (e.kind === 'timeZone') throw timeZoneNotSupported(e.message);
        throw e.kind === 'deserialize' ? cannotDeserialize(e.message) : validationFailure(e.message);
      }
    }
  } else if (rec.recurrence && (has('start') || has('end'))) {
    // Moving a series master keeps its pattern; the range starts on the new start date.
    const zone = seriesZone(rec);
    const c = utcToCivil(rec.startUtc, zone);
    rec.recurrence.range.startDate = formatCivil(c).slice(0, 10);
  }

  if (rec.endUtc < rec.startUtc) throw validationFailure('The end of the event is before its start.');
  if (rec.isAllDay) {
    const midnight = (v: DateTimeTimeZone) => v.dateTime.endsWith('T00:00:00');
    if (!midnight(rec.start) || !midnight(rec.end) || rec.start.timeZone !== rec.end.timeZone || rec.endUtc === rec.startUtc) {
      throw validationFailure('An all-day event must start and end at midnight in the same time zone.');
    }
  }
}

/** A Teams join link shaped like the real ones (fake thread id; it opens nothing). */
function fakeTeamsMeeting(tenantId: string, organizerObjectId: string): Record<string, unknown> {
  const thread = randomBytes(36).toString('base64url');
  const context = encodeURIComponent(JSON.stringify({ Tid: tenantId, Oid: organizerObjectId })).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase());
  const conferenceId = String(100_000_000 + (randomBytes(4).readUInt32BE(0) % 900_000_000));
  return {
    joinUrl: `https://teams.microsoft.com/l/meetup-join/19%3ameeting_${thread}%40thread.v2/0?context=${context}`,
    conferenceId,
    tollNumber: null,
    tollFreeNumbers: [],
    phones: [],
    quickDial: null,
  };
}

export interface CreateContext {
  db: Db;
  now: Date;
  tenantId: string;
  owner: CalendarOwner;
}

function organizerOf(owner: CalendarOwner): { address: EmailAddress; userId: string | null } {
  if (owner.kind === 'user') {
    const u = owner.user;
    return { address: { name: u.displayName, address: u.mail ?? u.userPrincipalName }, userId: u.id };
  }
  const g = owner.group;
  return { address: { name: g.displayName, address: g.mail ?? `${g.mailNickname ?? g.id}@unknown` }, userId: null };
}

/**
 * Creates an event in a user's or group's calendar (POST .../events). With a `transactionId`
 * already used in that calendar, the existing event comes back instead of a duplicate
 * (resources/event, "transactionId").
 */
export function createEvent(c: CreateContext, body: Record<string, unknown>): { rec: StoredEvent; duplicate: boolean } {
  const ownerId = c.owner.kind === 'user' ? c.owner.user.id : c.owner.group.id;
  const transactionId = typeof body.transactionId === 'string' && body.transactionId ? body.transactionId : null;
  if (transactionId) {
    const row = c.db
      .prepare('SELECT json FROM cal_events WHERE owner_kind = ? AND owner_id = ? AND transaction_id = ? AND organizer_removed = 0')
      .get(c.owner.kind, ownerId, transactionId) as { json: string } | undefined;
    if (row) return { rec: fromJson<StoredEvent>(row.json), duplicate: true };
  }
  const organizer = organizerOf(c.owner);
  const now = isoNow(c.now);
  const id = outlookId();
  const rec: StoredEvent = {
    id,
    iCalUId: `040000008200E00074C5B7101A82E00800000000${createHash('sha256').update(id).digest('hex').slice(0, 72).toUpperCase()}`,
    ownerKind: c.owner.kind,
    ownerId,
    organizer: organizer.address,
    organizerUserId: organizer.userId,
    subject: '',
    body: { contentType: 'html', content: '' },
    start: { dateTime: '', timeZone: 'UTC' },
    end: { dateTime: '', timeZone: 'UTC' },
    startUtc: 0,
    endUtc: 0,
    isAllDay: false,
    location: emptyLocation(),
    locations: [],
    attendees: [],
    recurrence: null,
    isOnlineMeeting: false,
    onlineMeetingProvider: 'unknown',
    onlineMeeting: null,
    showAs: 'busy',
    importance: 'normal',
    sensitivity: 'normal',
    categories: [],
    // Outlook doesn't support reminders for group events (resources/event).
    isReminderOn: c.owner.kind === 'user',
    reminderMinutesBeforeStart: 15,
    responseRequested: true,
    allowNewTimeProposals: true,
    hideAttendees: false,
    transactionId,
    createdDateTime: now,
    lastModifiedDateTime: now,
    changeKey: newChangeKey(),
    isCancelled: false,
    cancelledOccurrences: [],
  };
  applyWritable(c.db, rec, body, true);
  initOnlineMeeting(rec, c.tenantId);
  c.db.transaction(() => {
    saveEvent(c.db, rec, false);
    syncAttendance(c.db, rec);
  })();
  return { rec, duplicate: false };
}

function initOnlineMeeting(rec: StoredEvent, tenantId: string): void {
  if (rec.onlineMeeting) return;
  const wantsTeams = rec.isOnlineMeeting || rec.onlineMeetingProvider === 'teamsForBusiness';
  if (!wantsTeams) return;
  rec.isOnlineMeeting = true;
  if (rec.onlineMeetingProvider === 'unknown') rec.onlineMeetingProvider = 'teamsForBusiness';
  rec.onlineMeeting = fakeTeamsMeeting(tenantId, rec.organizerUserId ?? rec.ownerId);
}

/** Finds an event (or one occurrence of a series) in a calendar; 404 `ErrorItemNotFound` otherwise. */
export function getInstance(db: Db, view: CalendarView, id: string): Instance & { hidden: number[] } {
  const direct = findVisible(db, view, id);
  if (direct) return direct;
  const occ = parseOccurrenceId(id);
  if (!occ) throw itemNotFound();
  const master = findVisible(db, view, occ.masterId);
  if (!master || !master.rec.recurrence) throw itemNotFound();
  const hit = expandSeries(master.rec, occ.originalStart, occ.originalStart + 1).find((o) => o.originalStart === occ.originalStart);
  if (!hit || master.hidden.includes(hit.originalStart)) throw itemNotFound();
  if (master.organizerView && master.rec.cancelledOccurrences.includes(hit.originalStart)) throw itemNotFound();
  return { ...master, occurrence: hit };
}

/** Strips `W/` and quotes from an ETag / If-Match value. */
const bareTag = (v: string) => v.trim().replace(/^W\//i, '').replace(/^"|"$/g, '');

/** Honours `If-Match` (412 `ErrorIrresolvableConflict` when the change key moved on). */
export function checkIfMatch(rec: StoredEvent, ifMatch: string | null): void {
  if (!ifMatch) return;
  const tags = ifMatch.split(',').map(bareTag);
  if (tags.includes('*') || tags.includes(rec.changeKey)) return;
  throw new GraphHttpError(
    412,
    'ErrorIrresolvableConflict',
    'The send or update operation could not be performed because the change key passed in the request does not match the current change key for the item.',
  );
}

/** PATCH .../events/{id}: updates the organizer's event; attendees can't change the shared meeting. */
export function updateEvent(db: Db, now: Date, tenantId: string, inst: Instance, body: Record<string, unknown>): StoredEvent {
  if (inst.occurrence) {
    throw new GraphHttpError(400, 'ErrorInvalidRequest', 'Updating a single occurrence of a series is not supported by the emulator; update the series master.');
  }
  if (!inst.organizerView) throw outlookAccessDenied();
  const rec: StoredEvent = structuredClone(inst.rec);
  applyWritable(db, rec, body, false);
  initOnlineMeeting(rec, tenantId);
  rec.changeKey = newChangeKey();
  rec.lastModifiedDateTime = isoNow(now);
  db.transaction(() => {
    saveEvent(db, rec);
    syncAttendance(db, rec);
  })();
  return rec;
}

/**
 * Takes an event (or occurrence) out of the organizer's calendar and marks it cancelled for
 * the attendees, who keep it with `isCancelled: true` until they delete it.
 */
function cancelForAttendees(db: Db, inst: Instance, now: Date, comment?: string): void {
  const rec: StoredEvent = structuredClone(inst.rec);
  rec.changeKey = newChangeKey();
  rec.lastModifiedDateTime = isoNow(now);
  if (comment !== undefined) rec.cancellationComment = comment;
  if (inst.occurrence) {
    rec.cancelledOccurrences = [...new Set([...rec.cancelledOccurrences, inst.occurrence.originalStart])];
    saveEvent(db, rec);
    return;
  }
  rec.isCancelled = true;
  const attended = (db.prepare('SELECT COUNT(*) AS n FROM cal_attendance WHERE event_id = ? AND removed = 0').get(rec.id) as { n: number }).n;
  if (attended === 0) {
    db.prepare('DELETE FROM cal_events WHERE id = ?').run(rec.id);
    return;
  }
  saveEvent(db, rec, true);
}

/** POST .../events/{id}/cancel: organizer only (400 for an attendee, per event-cancel). */
export function cancelEvent(db: Db, now: Date, inst: Instance, comment: string | undefined): void {
  if (!inst.organizerView) {
    throw new GraphHttpError(400, 'ErrorInvalidRequest', "Your request can't be completed. You need to be an organizer to cancel a meeting.");
  }
  cancelForAttendees(db, inst, now, comment);
}

/**
 * DELETE .../events/{id}. The organizer's delete removes the meeting and cancels it for the
 * attendees; an attendee's delete only removes it from their own calendar.
 */
export function deleteEvent(db: Db, now: Date, view: CalendarView, inst: Instance & { hidden: number[] }): void {
  if (inst.organizerView) {
    cancelForAttendees(db, inst, now);
    return;
  }
  if (view.kind !== 'user') throw itemNotFound();
  if (inst.occurrence) {
    const hidden = [...new Set([...inst.hidden, inst.occurrence.originalStart])];
    db.prepare('UPDATE cal_attendance SET hidden_json = ? WHERE event_id = ? AND user_id = ?').run(toJson(hidden), inst.rec.id, view.userId);
  } else {
    db.prepare('UPDATE cal_attendance SET removed = 1 WHERE event_id = ? AND user_id = ?').run(inst.rec.id, view.userId);
  }
}

/** Events of a calendar as `GET .../events` lists them: single instances and series masters. */
export function listInstances(db: Db, view: CalendarView): Instance[] {
  return visibleEvents(db, view).map((v) => ({ rec: v.rec, organizerView: v.organizerView }));
}

/** calendarView: single events and expanded occurrences overlapping [from, to). */
export function calendarViewInstances(db: Db, view: CalendarView, from: number, to: number): Instance[] {
  const out: Instance[] = [];
  for (const v of visibleEvents(db, view)) {
    if (!v.rec.recurrence) {
      if (overlaps(v.rec.startUtc, v.rec.endUtc, from, to)) out.push({ rec: v.rec, organizerView: v.organizerView });
      continue;
    }
    for (const o of expandSeries(v.rec, from, to)) {
      if (v.hidden.includes(o.originalStart)) continue;
      if (v.organizerView && v.rec.cancelledOccurrences.includes(o.originalStart)) continue;
      out.push({ rec: v.rec, organizerView: v.organizerView, occurrence: o });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Presentation

export interface PresentOptions {
  /** Zone name to report (`Prefer: outlook.timezone`, default `UTC`) and its IANA zone. */
  tzName: string;
  tzIana: string;
  /** `Prefer: outlook.body-content-type`; default html. */
  bodyType: 'html' | 'text';
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function htmlToText(html: string): string {
  return html
    .replace(/<(br|\/p|\/div)\s*\/?>/gi, '\r\n')
    .replace(/<head[\s\S]*?<\/head>/gi, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
}

function presentBody(b: Body, want: 'html' | 'text'): Body {
  if (want === 'text') return { contentType: 'text', content: b.contentType === 'text' ? b.content : htmlToText(b.content) };
  if (b.contentType === 'html') return b;
  return { contentType: 'html', content: `<html><head></head><body>${escapeHtml(b.content).replace(/\r?\n/g, '<br>')}</body></html>` };
}

function presentTime(utc: number, o: PresentOptions): DateTimeTimeZone {
  return { dateTime: formatCivil(utcToCivil(utc, o.tzIana)), timeZone: o.tzName };
}

/** Graph JSON of an event as seen from one calendar (without `@odata.context`). */
export function presentEvent(inst: Instance, o: PresentOptions): Record<string, unknown> {
  const { rec, occurrence } = inst;
  const id = occurrence ? occurrenceId(rec.id, occurrence.originalStart) : rec.id;
  const start = occurrence ? occurrence.start : rec.startUtc;
  const end = occurrence ? occurrence.end : rec.endUtc;
  const cancelled = rec.isCancelled || (occurrence !== undefined && rec.cancelledOccurrences.includes(occurrence.originalStart));
  const body = presentBody(rec.body, o.bodyType);
  const preview = htmlToText(rec.body.contentType === 'html' ? rec.body.content : escapeHtml(rec.body.content)).replace(/\s+/g, ' ').slice(0, 255);
  const type = occurrence ? 'occurrence' : rec.recurrence ? 'seriesMaster' : 'singleInstance';
  return {
    '@odata.etag': `W/"${rec.changeKey}"`,
    id,
    createdDateTime: rec.createdDateTime,
    lastModifiedDateTime: rec.lastModifiedDateTime,
    changeKey: rec.changeKey,
    categories: rec.categories,
    ...(rec.transactionId ? { transactionId: rec.transactionId } : {}),
    originalStartTimeZone: rec.start.timeZone,
    originalEndTimeZone: rec.end.timeZone,
    iCalUId: occurrence ? `${rec.iCalUId.slice(0, 32)}${formatUtcSeconds(occurrence.originalStart).replace(/\D/g, '').slice(0, 8)}${rec.iCalUId.slice(40)}` : rec.iCalUId,
    reminderMinutesBeforeStart: rec.reminderMinutesBeforeStart,
    isReminderOn: rec.isReminderOn,
    hasAttachments: false,
    subject: rec.subject,
    bodyPreview: preview,
    importance: rec.importance,
    sensitivity: rec.sensitivity,
    isAllDay: rec.isAllDay,
    isCancelled: cancelled,
    isOrganizer: inst.organizerView,
    responseRequested: rec.responseRequested,
    seriesMasterId: occurrence ? rec.id : null,
    showAs: rec.showAs,
    type,
    webLink: `https://outlook.office365.com/owa/?itemid=${encodeURIComponent(id)}&exvsurl=1&path=/calendar/item`,
    onlineMeetingUrl: null,
    isOnlineMeeting: rec.isOnlineMeeting,
    onlineMeetingProvider: rec.onlineMeetingProvider,
    allowNewTimeProposals: rec.allowNewTimeProposals,
    isDraft: false,
    hideAttendees: rec.hideAttendees,
    ...(occurrence ? { originalStart: formatUtcSeconds(occurrence.originalStart) } : {}),
    responseStatus: inst.organizerView ? { response: 'organizer', time: NO_TIME } : { response: 'notResponded', time: NO_TIME },
    body,
    start: presentTime(start, o),
    end: presentTime(end, o),
    location: rec.location,
    locations: rec.locations,
    recurrence: occurrence ? null : rec.recurrence,
    attendees: rec.attendees,
    organizer: { emailAddress: rec.organizer },
    onlineMeeting: rec.onlineMeeting,
  };
}

/** Instant of an instance's start/end (for `$filter`/`$orderby` on `start/dateTime`, compared in UTC). */
export function instanceTimes(inst: Instance): { start: number; end: number } {
  return inst.occurrence ? { start: inst.occurrence.start, end: inst.occurrence.end } : { start: inst.rec.startUtc, end: inst.rec.endUtc };
}

/** A stable id for a user's or group's default calendar. */
export function calendarIdOf(ownerId: string): string {
  return `AAMk${Buffer.from(`calendar\u0001${ownerId}`, 'utf8').toString('base64url')}`;
}

/** GET /me/calendar, /groups/{id}/calendar (resources/calendar). */
export function presentCalendar(owner: CalendarOwner, canEdit: boolean): Record<string, unknown> {
  const org = organizerOf(owner);
  const ownerId = owner.kind === 'user' ? owner.user.id : owner.group.id;
  return {
    id: calendarIdOf(ownerId),
    name: 'Calendar',
    color: 'auto',
    hexColor: '',
    isDefaultCalendar: true,
    changeKey: createHash('sha1').update(`calendar:${ownerId}`).digest('base64'),
    canShare: owner.kind === 'user',
    canViewPrivateItems: true,
    canEdit,
    allowedOnlineMeetingProviders: ['teamsForBusiness'],
    defaultOnlineMeetingProvider: 'teamsForBusiness',
    isTallyingResponses: owner.kind === 'user',
    isRemovable: false,
    owner: org.address,
  };
}
