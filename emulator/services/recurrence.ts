/**
 * Wall-clock time, time zones and recurrence expansion for the Outlook calendar emulation.
 *
 * - Time zones: `dateTimeTimeZone.timeZone` takes Windows time zone names and a list of IANA
 *   names (https://learn.microsoft.com/graph/api/resources/datetimetimezone). Conversions use
 *   the runtime's `Intl.DateTimeFormat` (full ICU in Node 20), nothing hand-rolled per zone.
 * - Recurrence: patternedRecurrence = recurrencePattern + recurrenceRange
 *   (https://learn.microsoft.com/graph/api/resources/recurrencepattern ,
 *   https://learn.microsoft.com/graph/api/resources/recurrencerange).
 */

/** A wall-clock date and time with no zone attached. */
export interface Civil {
  y: number;
  m: number; // 1..12
  d: number;
  hh: number;
  mi: number;
  ss: number;
  ms: number;
}

const DAY_MS = 86_400_000;

// ---------------------------------------------------------------------------------------------
// Time zones

/**
 * Windows time zone ids (as Exchange uses them) mapped to the IANA zone with the same rules.
 * Names are matched case-insensitively.
 */
const WINDOWS_TO_IANA: Record<string, string> = {
  'UTC': 'Etc/UTC',
  'Dateline Standard Time': 'Etc/GMT+12',
  'Hawaiian Standard Time': 'Pacific/Honolulu',
  'Alaskan Standard Time': 'America/Anchorage',
  'Pacific Standard Time': 'America/Los_Angeles',
  'US Mountain Standard Time': 'America/Phoenix',
  'Mountain Standard Time': 'America/Denver',
  'Central America Standard Time': 'America/Guatemala',
  'Central Standard Time': 'America/Chicago',
  'Canada Central Standard Time': 'America/Regina',
  'SA Pacific Standard Time': 'America/Bogota',
  'Eastern Standard Time': 'America/New_York',
  'Atlantic Standard Time': 'America/Halifax',
  'Newfoundland Standard Time': 'America/St_Johns',
  'E. South America Standard Time': 'America/Sao_Paulo',
  'Argentina Standard Time': 'America/Argentina/Buenos_Aires',
  'Azores Standard Time': 'Atlantic/Azores',
  'Morocco Standard Time': 'Africa/Casablanca',
  'GMT Standard Time': 'Europe/London',
  'Greenwich Standard Time': 'Atlantic/Reykjavik',
  'W. Europe Standard Time': 'Europe/Berlin',
  'Central Europe Standard Time': 'Europe/Budapest',
  'Romance Standard Time': 'Europe/Paris',
  'Central European Standard Time': 'Europe/Warsaw',
  'W. Central Africa Standard Time': 'Africa/Lagos',
  'GTB Standard Time': 'Europe/Bucharest',
  'FLE Standard Time': 'Europe/Kiev',
  'E. Europe Standard Time': 'Europe/Chisinau',
  'Egypt Standard Time': 'Africa/Cairo',
  'South Africa Standard Time': 'Africa/Johannesburg',
  'Israel Standard Time': 'Asia/Jerusalem',
  'Turkey Standard Time': 'Europe/Istanbul',
  'Russian Standard Time': 'Europe/Moscow',
  'Arab Standard Time': 'Asia/Riyadh',
  'E. Africa Standard Time': 'Africa/Nairobi',
  'Arabian Standard Time': 'Asia/Dubai',
  'Pakistan Standard Time': 'Asia/Karachi',
  'India Standard Time': 'Asia/Kolkata',
  'Bangladesh Standard Time': 'Asia/Dhaka',
  'SE Asia Standard Time': 'Asia/Bangkok',
  'China Standard Time': 'Asia/Shanghai',
  'Singapore Standard Time': 'Asia/Singapore',
  'W. Australia Standard Time': 'Australia/Perth',
  'Taipei Standard Time': 'Asia/Taipei',
  'Tokyo Standard Time': 'Asia/Tokyo',
  'Korea Standard Time': 'Asia/Seoul',
  'E. Australia Standard Time': 'Australia/Brisbane',
  'AUS Eastern Standard Time': 'Australia/Sydney',
  'New Zealand Standard Time': 'Pacific/Auckland',
};
const WINDOWS_LOWER = new Map(Object.entries(WINDOWS_TO_IANA).map(([k, v]) => [k.toLowerCase(), v]));

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(iana: string): Intl.DateTimeFormat {
  let f = formatters.get(iana);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: iana,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(iana, f);
  }
  return f;
}

/**
 * Resolves a Graph time zone name (Windows id or IANA name) to an IANA zone, or null when the
 * name is not one Outlook accepts (the caller then answers `TimeZoneNotSupportedException`).
 */
export function resolveTimeZone(name: string | null | undefined): string | null {
  if (!name) return null;
  const trimmed = name.trim();
  const win = WINDOWS_LOWER.get(trimmed.toLowerCase());
  if (win) return win;
  // IANA names look like Area/Location (plus Etc/GMT±n); bare abbreviations such as "EST" are not accepted.
  if (!trimmed.includes('/')) return null;
  try {
    formatterFor(trimmed).format(0);
    return trimmed;
  } catch {
    return null;
  }
}

/** The wall-clock time of an instant in a zone. */
export function utcToCivil(ms: number, iana: string): Civil {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(iana).formatToParts(new Date(ms))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    y: parts.year!,
    m: parts.month!,
    d: parts.day!,
    hh: parts.hour! % 24,
    mi: parts.minute!,
    ss: parts.second!,
    ms: ((ms % 1000) + 1000) % 1000,
  };
}

const civilAsUtc = (c: Civil): number => Date.UTC(c.y, c.m - 1, c.d, c.hh, c.mi, c.ss, c.ms);

/** Offset of a zone from UTC at an instant, in ms (positive east of Greenwich). */
function offsetAt(ms: number, iana: string): number {
  const c = utcToCivil(ms, iana);
  return civilAsUtc({ ...c, ms: 0 }) - (ms - c.ms);
}

/**
 * The instant of a wall-clock time in a zone. For a time skipped by a daylight-saving jump the
 * result falls after the jump; for a repeated hour it is the first of the two.
 */
export function civilToUtc(c: Civil, iana: string): number {
  const local = civilAsUtc(c);
  // The offset can differ by at most one transition within a day either side.
  const offsets = new Set([offsetAt(local - DAY_MS, iana), offsetAt(local, iana), offsetAt(local + DAY_MS, iana)]);
  const matching = [...offsets].map((o) => local - o).filter((t) => civilAsUtc(utcToCivil(t, iana)) === local);
  if (matching.length > 0) return Math.min(...matching);
  // A wall-clock time skipped by a jump forward: read it with the offset in force before the jump.
  return local - Math.min(...offsets);
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Formats a wall-clock time the way Outlook returns `dateTimeTimeZone.dateTime` (7 fractional digits). */
export function formatCivil(c: Civil): string {
  return `${pad(c.y, 4)}-${pad(c.m)}-${pad(c.d)}T${pad(c.hh)}:${pad(c.mi)}:${pad(c.ss)}.${pad(c.ms, 3)}0000`;
}

/** Formats an instant as a UTC timestamp without fractions, e.g. `2024-05-01T09:00:00Z`. */
export function formatUtcSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export type ParsedDateTime = { kind: 'civil'; civil: Civil } | { kind: 'instant'; ms: number };

/**
 * Parses an ISO 8601 date-time. Without an offset it is a wall-clock time; with `Z` or an
 * offset it is an instant. Returns null when the text is not a date-time.
 */
export function parseDateTime(text: string): ParsedDateTime | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?)?(Z|[+-]\d{2}:?\d{2})?$/i.exec(text.trim());
  if (!m) return null;
  const civil: Civil = {
    y: Number(m[1]),
    m: Number(m[2]),
    d: Number(m[3]),
    hh: Number(m[4] ?? 0),
    mi: Number(m[5] ?? 0),
    ss: Number(m[6] ?? 0),
    ms: m[7] ? Math.floor(Number(`0.${m[7]}`) * 1000) : 0,
  };
  if (civil.m < 1 || civil.m > 12 || civil.d < 1 || civil.d > daysInMonth(civil.y, civil.m) || civil.hh > 23 || civil.mi > 59 || civil.ss > 59) {
    return null;
  }
  const zone = m[8];
  if (!zone) return { kind: 'civil', civil };
  if (zone.toUpperCase() === 'Z') return { kind: 'instant', ms: civilAsUtc(civil) };
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const offset = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4))) * 60_000;
  return { kind: 'instant', ms: civilAsUtc(civil) - offset };
}

/** Parses a `Date` (yyyy-mm-dd) into a day number (days since 1970-01-01), or null. */
export function parseDate(text: unknown): number | null {
  if (typeof text !== 'string') return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const y = Number(m[1]), mo = Number(m[2]), d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  return dayNumber(y, mo, d);
}

export const dayNumber = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / DAY_MS;

export function civilDate(day: number): { y: number; m: number; d: number } {
  const dt = new Date(day * DAY_MS);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

export const formatDay = (day: number): string => {
  const c = civilDate(day);
  return `${pad(c.y, 4)}-${pad(c.m)}-${pad(c.d)}`;
};

/** 0 = Sunday … 6 = Saturday. */
const weekday = (day: number): number => (((day + 4) % 7) + 7) % 7;

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

// ---------------------------------------------------------------------------------------------
// Recurrence

export const DAYS_OF_WEEK = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
export type DayOfWeek = (typeof DAYS_OF_WEEK)[number];
const PATTERN_TYPES = ['daily', 'weekly', 'absoluteMonthly', 'relativeMonthly', 'absoluteYearly', 'relativeYearly'] as const;
export type PatternType = (typeof PATTERN_TYPES)[number];
const WEEK_INDEXES = ['first', 'second', 'third', 'fourth', 'last'] as const;
export type WeekIndex = (typeof WEEK_INDEXES)[number];
const RANGE_TYPES = ['endDate', 'noEnd', 'numbered'] as const;
export type RangeType = (typeof RANGE_TYPES)[number];

/** patternedRecurrence as Outlook returns it (every member present, defaults filled in). */
export interface PatternedRecurrence {
  pattern: {
    type: PatternType;
    interval: number;
    month: number;
    dayOfMonth: number;
    daysOfWeek: DayOfWeek[];
    firstDayOfWeek: DayOfWeek;
    index: WeekIndex;
  };
  range: {
    type: RangeType;
    startDate: string;
    endDate: string;
    recurrenceTimeZone: string;
    numberOfOccurrences: number;
  };
}

/**
 * Why a recurrence was refused. `deserialize` = a value of the wrong shape or an unknown enum
 * member (Graph fails to read the body); `validation` = well-formed but inconsistent.
 */
export class RecurrenceError extends Error {
  constructor(readonly kind: 'deserialize' | 'validation' | 'timeZone', message: string) {
    super(message);
  }
}

function enumValue<T extends string>(values: readonly T[], raw: unknown, what: string): T | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw !== 'string') throw new RecurrenceError('deserialize', `Invalid value for ${what}.`);
  const hit = values.find((v) => v.toLowerCase() === raw.toLowerCase());
  if (!hit) throw new RecurrenceError('deserialize', `Requested value '${raw}' was not found for ${what}.`);
  return hit;
}

function intValue(raw: unknown, what: string): number | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw !== 'number' || !Number.isInteger(raw)) throw new RecurrenceError('deserialize', `Invalid value for ${what}.`);
  return raw;
}

/**
 * Checks a patternedRecurrence from a request body and fills in Outlook's defaults. The
 * required members per pattern and range type follow the tables on the recurrencePattern and
 * recurrenceRange pages. `defaultTimeZone` is the event's start time zone.
 */
export function normalizeRecurrence(raw: unknown, defaultTimeZone: string): PatternedRecurrence {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new RecurrenceError('deserialize', 'Invalid recurrence.');
  const { pattern, range } = raw as { pattern?: unknown; range?: unknown };
  if (typeof pattern !== 'object' || pattern === null || typeof range !== 'object' || range === null) {
    throw new RecurrenceError('validation', 'A recurrence needs both a pattern and a range.');
  }
  const p = pattern as Record<string, unknown>;
  const r = range as Record<string, unknown>;

  const type = enumValue(PATTERN_TYPES, p.type, 'recurrencePatternType');
  if (!type) throw new RecurrenceError('validation', 'The recurrence pattern type is required.');
  const interval = intValue(p.interval, 'interval');
  if (interval === undefined || interval < 1) throw new RecurrenceError('validation', 'The recurrence interval must be a positive number.');
  if (p.daysOfWeek !== undefined && p.daysOfWeek !== null && !Array.isArray(p.daysOfWeek)) throw new RecurrenceError('deserialize', 'Invalid value for daysOfWeek.');
  const days = ((p.daysOfWeek as unknown[] | null | undefined) ?? []).map((d) => enumValue(DAYS_OF_WEEK, d, 'dayOfWeek')!);
  const firstDayOfWeek = enumValue(DAYS_OF_WEEK, p.firstDayOfWeek, 'firstDayOfWeek') ?? 'sunday';
  const index = enumValue(WEEK_INDEXES, p.index, 'weekIndex') ?? 'first';
  const dayOfMonth = intValue(p.dayOfMonth, 'dayOfMonth') ?? 0;
  const month = intValue(p.month, 'month') ?? 0;

  const needsDays = type === 'weekly' || type === 'relativeMonthly' || type === 'relativeYearly';
  const needsDayOfMonth = type === 'absoluteMonthly' || type === 'absoluteYearly';
  const needsMonth = type === 'absoluteYearly' || type === 'relativeYearly';
  if (needsDays && days.length === 0) throw new RecurrenceError('validation', `A ${type} recurrence needs daysOfWeek.`);
  if (needsDayOfMonth && (dayOfMonth < 1 || dayOfMonth > 31)) throw new RecurrenceError('validation', `A ${type} recurrence needs a dayOfMonth from 1 to 31.`);
  if (needsMonth && (month < 1 || month > 12)) throw new RecurrenceError('validation', `A ${type} recurrence needs a month from 1 to 12.`);
  if (!needsDayOfMonth && dayOfMonth !== 0) throw new RecurrenceError('validation', `dayOfMonth is not supported for a ${type} recurrence.`);
  if (!needsMonth && month !== 0) throw new RecurrenceError('validation', `month is not supported for a ${type} recurrence.`);
  if (!needsDays && days.length > 0) throw new RecurrenceError('validation', `daysOfWeek is not supported for a ${type} recurrence.`);

  const rangeType = enumValue(RANGE_TYPES, r.type, 'recurrenceRangeType');
  if (!rangeType) throw new RecurrenceError('validation', 'The recurrence range type is required.');
  if (r.startDate === undefined || r.startDate === null) throw new RecurrenceError('validation', 'The recurrence range startDate is required.');
  const startDay = parseDate(r.startDate);
  if (startDay === null) throw new RecurrenceError('deserialize', `Cannot convert '${String(r.startDate)}' to a Date.`);
  let endDate = '0001-01-01';
  let numberOfOccurrences = 0;
  if (rangeType === 'endDate') {
    const endDay = parseDate(r.endDate);
    if (r.endDate === undefined || r.endDate === null) throw new RecurrenceError('validation', 'An endDate range needs an endDate.');
    if (endDay === null) throw new RecurrenceError('deserialize', `Cannot convert '${String(r.endDate)}' to a Date.`);
    if (endDay < startDay) throw new RecurrenceError('validation', 'The recurrence range endDate is before its startDate.');
    endDate = formatDay(endDay);
  } else if (rangeType === 'numbered') {
    const n = intValue(r.numberOfOccurrences, 'numberOfOccurrences');
    if (n === undefined || n < 1) throw new RecurrenceError('validation', 'A numbered range needs a positive numberOfOccurrences.');
    numberOfOccurrences = n;
  }
  let recurrenceTimeZone = defaultTimeZone;
  if (typeof r.recurrenceTimeZone === 'string' && r.recurrenceTimeZone) {
    if (!resolveTimeZone(r.recurrenceTimeZone)) throw new RecurrenceError('timeZone', r.recurrenceTimeZone);
    recurrenceTimeZone = r.recurrenceTimeZone;
  }

  // Outlook lists the days in week order starting at firstDayOfWeek.
  const first = DAYS_OF_WEEK.indexOf(firstDayOfWeek);
  const ordered = [...new Set(days)].sort((a, b) => ((DAYS_OF_WEEK.indexOf(a) - first + 7) % 7) - ((DAYS_OF_WEEK.indexOf(b) - first + 7) % 7));
  return {
    pattern: { type, interval, month, dayOfMonth, daysOfWeek: ordered, firstDayOfWeek, index },
    range: { type: rangeType, startDate: formatDay(startDay), endDate, recurrenceTimeZone, numberOfOccurrences },
  };
}

/** The day in a month on the n-th (or last) date whose weekday is in `days`. */
function relativeDay(y: number, m: number, days: ReadonlySet<number>, index: WeekIndex): number {
  const firstDay = dayNumber(y, m, 1);
  const count = daysInMonth(y, m);
  const hits: number[] = [];
  for (let i = 0; i < count; i++) if (days.has(weekday(firstDay + i))) hits.push(firstDay + i);
  if (index === 'last') return hits[hits.length - 1]!;
  return hits[WEEK_INDEXES.indexOf(index)] ?? hits[hits.length - 1]!;
}

/** Candidate dates of a pattern from the range start, in increasing order (unbounded). */
function* candidateDays(rec: PatternedRecurrence, startDay: number): Generator<number> {
  const p = rec.pattern;
  const dows = new Set(p.daysOfWeek.map((d) => DAYS_OF_WEEK.indexOf(d)));
  const start = civilDate(startDay);
  const clampDay = (y: number, m: number) => dayNumber(y, m, Math.min(p.dayOfMonth, daysInMonth(y, m)));
  switch (p.type) {
    case 'daily':
      for (let d = startDay; ; d += p.interval) yield d;
    case 'weekly': {
      const fdow = DAYS_OF_WEEK.indexOf(p.firstDayOfWeek);
      const weekStart = startDay - ((weekday(startDay) - fdow + 7) % 7);
      const offsets = [...dows].map((d) => (d - fdow + 7) % 7).sort((a, b) => a - b);
      for (let w = weekStart; ; w += 7 * p.interval) {
        for (const off of offsets) if (w + off >= startDay) yield w + off;
      }
    }
    case 'absoluteMonthly':
    case 'relativeMonthly': {
      for (let k = 0; ; k++) {
        const mi = start.y * 12 + (start.m - 1) + k * p.interval;
        const y = Math.floor(mi / 12), m = (mi % 12) + 1;
        const d = p.type === 'absoluteMonthly' ? clampDay(y, m) : relativeDay(y, m, dows, p.index);
        if (d >= startDay) yield d;
      }
    }
    case 'absoluteYearly':
    case 'relativeYearly': {
      for (let k = 0; ; k++) {
        const y = start.y + k * p.interval;
        const d = p.type === 'absoluteYearly' ? clampDay(y, p.month) : relativeDay(y, p.month, dows, p.index);
        if (d >= startDay) yield d;
      }
    }
  }
}

/** Hard stop for series without an end that are expanded over very long windows. */
const MAX_EXPANDED = 20_000;

/**
 * The dates (day numbers, in the series' time zone) on which a series occurs, up to and
 * including `untilDay`, honouring the range: `endDate` is inclusive, `numbered` counts from
 * the range's start date, `noEnd` runs until `untilDay`.
 */
export function occurrenceDays(rec: PatternedRecurrence, untilDay: number): number[] {
  const startDay = parseDate(rec.range.startDate)!;
  const endDay = rec.range.type === 'endDate' ? parseDate(rec.range.endDate)! : Number.POSITIVE_INFINITY;
  const limit = Math.min(untilDay, endDay);
  const out: number[] = [];
  for (const d of candidateDays(rec, startDay)) {
    if (d > limit) break;
    if (rec.range.type === 'numbered' && out.length >= rec.range.numberOfOccurrences) break;
    out.push(d);
    if (out.length >= MAX_EXPANDED) break;
  }
  return out;
}
