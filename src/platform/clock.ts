/**
 * The one clock of the app and its date-only values: an ISO timestamp for "when", and the local
 * calendar date (`YYYY-MM-DD`, the format of date-only columns) for "which day" in the user's time
 * zone. Services take a `Clock` so tests and benches can fix or shift time.
 */
import { dateOnlyValue, isIsoDate } from '../domain/documents/dates.js';
import { siteMidnight, zoneOffsetMs } from '../../graph/core/filter.js';

/** A clock in the organisation's terms: an ISO timestamp and the local calendar date. */
export interface Clock {
  now(): string;
  /** `YYYY-MM-DD` in the user's time zone. */
  today(): string;
}

/** A calendar date as numbers (month 1–12). */
export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The local calendar date of `d` (default now) as `YYYY-MM-DD`. */
export function localDate(d: Date = new Date()): string {
  return toDateOnly(localCalendarDate(d));
}

/** The local calendar date of `d` (default now) as `{ year, month, day }`. */
export function localCalendarDate(d: Date = new Date()): CalendarDate {
  return { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate() };
}

/** Today's local date, `YYYY-MM-DD`. */
export const today = (): string => localDate();

/** `{ year: 2025, month: 3, day: 14 }` → `2025-03-14`. */
export function toDateOnly(date: CalendarDate): string {
  return `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}`;
}

/** `2025-03-14` → `{ year: 2025, month: 3, day: 14 }`; null for anything that is not a calendar date. */
export function fromDateOnly(value: string): CalendarDate | null {
  if (!isIsoDate(value)) return null;
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

/** The system clock in the user's time zone. */
export const systemClock: Clock = { now: () => new Date().toISOString(), today };

/** A clock `days` after (or, negative, before) `base` (default the system clock's now). */
export function shiftedClock(days: number, base: () => number = Date.now): Clock {
  const at = () => new Date(base() + days * 86_400_000);
  return { now: () => at().toISOString(), today: () => localDate(at()) };
}

// ---------- the SMS site's time zone ----------
//
// SharePoint keeps a date-only column as midnight of that date in the SITE's time zone, in UTC
// (site in UTC+8: 2026-03-14 is stored as 2026-03-13T16:00:00Z; site in UTC-5: 2026-03-14T05:00:00Z).
// Reading one back and filtering on one both go through the site's zone, not the user's and not UTC.

/** The time zone of a site whose regional settings are not known: UTC. */
export const DEFAULT_SITE_TIME_ZONE = 'UTC';

/** The UTC instant a date-only value (`YYYY-MM-DD`) is stored as on a site in `timeZone` (IANA). */
export function siteDateInstant(date: string, timeZone: string): Date {
  const d = fromDateOnly(date);
  if (!d) throw new TypeError(`Not a calendar date: ${JSON.stringify(date)}`);
  return siteMidnight(d, timeZone);
}

/** The calendar date (`YYYY-MM-DD`) of an instant on the wall clock of `timeZone`. */
export function siteDateOf(instant: string | Date, timeZone: string): string | null {
  const ms = instant instanceof Date ? instant.getTime() : Date.parse(instant);
  if (Number.isNaN(ms)) return null;
  const wall = new Date(ms + zoneOffsetMs(ms, timeZone));
  return toDateOnly({ year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate() });
}

/**
 * A date-only value as Graph returns it (the UTC instant of the site's midnight, or already
 * `YYYY-MM-DD`) as its calendar date on the site in `timeZone` (IANA; default UTC): the instant
 * on the site's wall clock, rounded to the nearest midnight there (the domain's `dateOnlyValue`).
 * Pacific/Auckland in December (UTC+13): `2026-12-24T11:00:00Z` → `2026-12-25`.
 */
export function siteDateValue(value: unknown, timeZone: string = DEFAULT_SITE_TIME_ZONE): string | null {
  if (timeZone === DEFAULT_SITE_TIME_ZONE) return dateOnlyValue(value);
  return dateOnlyValue(value, (ms) => zoneOffsetMs(ms, timeZone));
}
