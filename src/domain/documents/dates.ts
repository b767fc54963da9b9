/**
 * Calendar arithmetic on date-only strings (`YYYY-MM-DD`, the format of the `dateOnly` columns
 * EffectiveDate and NextReviewDate) and the periodic-review rules of §5.4. No clock: callers
 * pass `today` (the organisation's local date).
 */
import { REVIEW_CYCLE_MAX_MONTHS, REVIEW_CYCLE_MIN_MONTHS, REVIEW_DUE_SOON_DAYS, type DocStatus } from './constants.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

function daysInMonth(year: number, month1: number): number {
  return new Date(Date.UTC(year, month1, 0)).getUTCDate();
}

function parts(date: string): [number, number, number] {
  const m = ISO_DATE.exec(date);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const d = Number(m[3]);
    if (mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo)) return [y, mo, d];
  }
  throw new RangeError(`"${date}" is not a calendar date (expected YYYY-MM-DD)`);
}

const fmt = (y: number, m: number, d: number): string =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * The calendar date (`YYYY-MM-DD`) of a date-only SharePoint column as Graph returns it, or null
 * for anything that is not a date. Graph returns a date-only column as an instant: midnight of the
 * date in the site's time zone, written in UTC (`2025-03-13T23:00:00Z` for 14 March on a UTC+1
 * site). `siteOffsetMs` says how far the site's wall clock is ahead of UTC at an instant (the
 * caller knows the site's zone; default 0, UTC): the instant is moved onto the site's wall clock
 * and rounded to the nearest midnight there. Without it, rounding to the nearest UTC midnight gives
 * back the date for any site time zone within ±12 h, but not for Pacific/Auckland in summer
 * (UTC+13) or Pacific/Kiritimati (UTC+14); truncating the string would give the day before east
 * of UTC. A plain `YYYY-MM-DD` is returned as it is.
 */
export function dateOnlyValue(value: unknown, siteOffsetMs: (instantMs: number) => number = () => 0): string | null {
  if (typeof value !== 'string') return null;
  const m = ISO_DATE_TIME.exec(value.trim());
  if (!m) return null;
  if (m[4] === undefined) return isIsoDate(`${m[1]}-${m[2]}-${m[3]}`) ? `${m[1]}-${m[2]}-${m[3]}` : null;
  const t = Date.parse(value);
  if (Number.isNaN(t)) return null;
  const wall = t + siteOffsetMs(t);
  return new Date(Math.round(wall / DAY_MS) * DAY_MS).toISOString().slice(0, 10);
}

/** True for a real calendar date written `YYYY-MM-DD` (2024-02-29 yes, 2025-02-29 no). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    parts(value);
    return true;
  } catch {
    return false;
  }
}

/**
 * `date` plus a number of calendar months. A day that does not exist in the target month falls
 * back to that month's last day: 2025-01-31 + 1 → 2025-02-28, 2024-02-29 + 12 → 2025-02-28.
 */
export function addMonths(date: string, months: number): string {
  if (!Number.isInteger(months)) throw new RangeError(`Months must be a whole number (got ${months})`);
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const ny = Math.floor(index / 12);
  const nm = index - ny * 12 + 1;
  return fmt(ny, nm, Math.min(d, daysInMonth(ny, nm)));
}

/** `date` plus a number of days (negative to go back). */
export function addDays(date: string, days: number): string {
  if (!Number.isInteger(days)) throw new RangeError(`Days must be a whole number (got ${days})`);
  const [y, m, d] = parts(date);
  const t = new Date(Date.UTC(y, m - 1, d) + days * DAY_MS);
  return fmt(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const [y1, m1, d1] = parts(from);
  const [y2, m2, d2] = parts(to);
  return Math.round((Date.UTC(y2, m2 - 1, d2) - Date.UTC(y1, m1 - 1, d1)) / DAY_MS);
}

/** True when `cycleMonths` is an allowed review cycle: a whole number from 1 to 60. */
export function isValidReviewCycle(cycleMonths: unknown): cycleMonths is number {
  return typeof cycleMonths === 'number' && Number.isInteger(cycleMonths) && cycleMonths >= REVIEW_CYCLE_MIN_MONTHS && cycleMonths <= REVIEW_CYCLE_MAX_MONTHS;
}

/**
 * The next periodic review date: the effective date of a new release, or the date of the last
 * review, plus the review cycle (month-end rule of `addMonths`). Throws `RangeError` for a cycle
 * outside 1–60 months or a malformed date.
 */
export function nextReviewDate(from: string, cycleMonths: number): string {
  if (!isValidReviewCycle(cycleMonths)) {
    throw new RangeError(`A review cycle is ${REVIEW_CYCLE_MIN_MONTHS}–${REVIEW_CYCLE_MAX_MONTHS} whole months (got ${cycleMonths})`);
  }
  return addMonths(from, cycleMonths);
}

export type ReviewState = 'ok' | 'dueSoon' | 'overdue';

/** What `reviewState` reads from a document. */
export interface ReviewSubject {
  readonly status: DocStatus;
  readonly publishedVersion: string | null;
  readonly nextReviewDate: string | null;
  readonly effectiveDate: string | null;
  readonly reviewCycleMonths: number;
}

/**
 * Periodic-review state of a document on `today`:
 * - `overdue` when NextReviewDate is before today;
 * - `dueSoon` when it is today or at most 30 days away;
 * - `ok` otherwise.
 * Only documents with a release in force are reviewed (Published, or any draft status while an
 * earlier release is still published, e.g. Under revision); drafts that were never published and
 * withdrawn or archived documents are `ok`. A document in force without NextReviewDate uses
 * EffectiveDate + cycle; with neither it is `overdue` (no review was ever planned).
 */
export function reviewState(doc: ReviewSubject, today: string): ReviewState {
  const inForce = doc.publishedVersion !== null && doc.status !== 'Withdrawn' && doc.status !== 'Archived';
  if (!inForce) return 'ok';
  let due = doc.nextReviewDate;
  if (due === null && doc.effectiveDate !== null && isValidReviewCycle(doc.reviewCycleMonths)) {
    due = nextReviewDate(doc.effectiveDate, doc.reviewCycleMonths);
  }
  if (due === null) return 'overdue';
  const days = daysBetween(today, due);
  if (days < 0) return 'overdue';
  return days <= REVIEW_DUE_SOON_DAYS ? 'dueSoon' : 'ok';
}
