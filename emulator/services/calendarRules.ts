import { randomBytes } from 'node:crypto';
import type { Db } from '../store/db.js';
import { GraphHttpError } from '../core/errors.js';
import { findUser, type GroupRecord, type UserRecord } from './directory.js';
import {
  civilDate,
  civilToUtc,
  dayNumber,
  formatCivil,
  normalizeRecurrence,
  occurrenceDays,
  parseDateTime,
  RecurrenceError,
  resolveTimeZone,
  utcToCivil,
} from './recurrence.js';
import type { Attendee, Body, DateTimeTimeZone, EmailAddress, Location, StoredEvent } from './calendarStore.js';

/**
 * Rules of Outlook calendars shared by the calendar operations (services/calendar.ts) and the JSON
 * (services/calendarPresent.ts): whose calendar shows what, Outlook's errors, occurrence ids and series
 * expansion, reading and checking a POST/PATCH body, change keys and If-Match. No SQL here.
 */

// ---------------------------------------------------------------------------------------------
// Calendars and views

export type CalendarOwner = { kind: 'user'; user: UserRecord } | { kind: 'group'; group: GroupRecord };

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
export const validationFailure = (detail?: string) =>
  new GraphHttpError(400, 'ErrorPropertyValidationFailure', detail ? `At least one property failed validation. ${detail}` : 'At least one property failed validation.');
export const cannotDeserialize = (detail: string) => new GraphHttpError(400, 'UnableToDeserializePostBody', `were unable to deserialize ${detail}`);
export const timeZoneNotSupported = (tz: string) =>
  new GraphHttpError(400, 'TimeZoneNotSupportedException', `A valid TimeZone value must be specified. The following TimeZone value is not supported: '${tz}'.`);

// ---------------------------------------------------------------------------------------------
// Change keys and times

export const newChangeKey = () => randomBytes(22).toString('base64');
export const NO_TIME = '0001-01-01T00:00:00Z';
export const isoNow = (now: Date) => now.toISOString().replace(/Z$/, '0000Z');

export function viewOf(owner: CalendarOwner): CalendarView {
  return owner.kind === 'user' ? { kind: 'user', userId: owner.user.id } : { kind: 'group', groupId: owner.group.id };
}

export function isOrganizerView(rec: StoredEvent, view: CalendarView): boolean {
  return view.kind === 'group' ? rec.ownerKind === 'group' && rec.ownerId === view.groupId : rec.ownerKind === 'user' && rec.ownerId === view.userId;
}

/** The tenant users among the attendees (other than the organizer): they see the event in their calendars. */
export function attendeeUserIds(db: Db, rec: StoredEvent): Set<string> {
  const ids = new Set<string>();
  for (const a of rec.attendees) {
    const u = findUser(db, a.emailAddress.address);
    if (u && u.id !== rec.organizerUserId) ids.add(u.id);
  }
  return ids;
}

// ---------------------------------------------------------------------------------------------
// Occurrence ids: opaque, but they carry the series master id and the original start.

const OCC_PREFIX = 'occ\u0001';

export function occurrenceId(masterId: string, originalStart: number): string {
  return `AAMk${Buffer.from(`${OCC_PREFIX}${masterId}\u0001${originalStart}`, 'utf8').toString('base64url')}`;
}

export function parseOccurrenceId(id: string): { masterId: string; originalStart: number } | null {
  if (!id.startsWith('AAMk')) return null;
  const raw = Buffer.from(id.slice(4), 'base64url').toString('utf8');
  if (!raw.startsWith(OCC_PREFIX)) return null;
  const [masterId, ms] = raw.slice(OCC_PREFIX.length).split('\u0001');
  const originalStart = Number(ms);
  return masterId && Number.isFinite(originalStart) ? { masterId, originalStart } : null;
}

/** The zone a series repeats in (recurrence time zone, else the start's). */
export function seriesZone(rec: StoredEvent): string {
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
export function overlaps(start: number, end: number, from: number, to: number): boolean {
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

export const emptyLocation = (): Location => ({ displayName: '', locationType: 'default', uniqueIdType: 'unknown', address: {}, coordinates: {} });

/**
 * One entry of `locations` as Outlook stores it (user-post-events, "Create an event with multiple locations"):
 * a place known by its name only has no `uniqueId` and `uniqueIdType: unknown`; one with an address or
 * coordinates is a private location named by its display name, and its address gets `type: unknown`.
 */
function locationsEntry(l: Location): Location {
  const { uniqueId, ...rest } = l;
  const placed = (l.address && Object.keys(l.address).length > 0) || (l.coordinates && Object.keys(l.coordinates).length > 0);
  if (!placed) return { ...rest, uniqueIdType: 'unknown' };
  return { ...rest, uniqueId, uniqueIdType: 'private', ...(l.address ? { address: { type: 'unknown', ...(l.address as object) } } : {}) };
}

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
export function applyWritable(db: Db, rec: StoredEvent, body: Record<string, unknown>, creating: boolean): void {
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
    // "The location and locations properties always correspond with each other. If you update the location
    // property, any prior locations in the locations collection are removed and replaced by the new location
    // value." (resources/event)
    rec.locations = rec.location.displayName ? [locationsEntry(rec.location)] : [];
  }
  if (has('locations')) {
    if (!Array.isArray(body.locations)) throw cannotDeserialize('locations');
    rec.locations = body.locations.map((l) => locationsEntry(readLocation(l)));
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
export function organizerOf(owner: CalendarOwner): { address: EmailAddress; userId: string | null } {
  if (owner.kind === 'user') {
    const u = owner.user;
    return { address: { name: u.displayName, address: u.mail ?? u.userPrincipalName }, userId: u.id };
  }
  const g = owner.group;
  return { address: { name: g.displayName, address: g.mail ?? `${g.mailNickname ?? g.id}@unknown` }, userId: null };
}

export function initOnlineMeeting(rec: StoredEvent, tenantId: string): void {
  if (rec.onlineMeeting) return;
  const wantsTeams = rec.isOnlineMeeting || rec.onlineMeetingProvider === 'teamsForBusiness';
  if (!wantsTeams) return;
  rec.isOnlineMeeting = true;
  if (rec.onlineMeetingProvider === 'unknown') rec.onlineMeetingProvider = 'teamsForBusiness';
  rec.onlineMeeting = fakeTeamsMeeting(tenantId, rec.organizerUserId ?? rec.ownerId);
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
