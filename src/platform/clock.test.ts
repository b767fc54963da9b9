import { describe, expect, it } from 'vitest';
import { DEFAULT_SITE_TIME_ZONE, fromDateOnly, localCalendarDate, localDate, shiftedClock, siteDateInstant, siteDateValue, systemClock, toDateOnly } from './clock.js';

describe('clock', () => {
  it('gives the local calendar date, not the UTC one', () => {
    const lateEvening = new Date(2025, 2, 14, 23, 30);
    expect(localDate(lateEvening)).toBe('2025-03-14');
    expect(localCalendarDate(lateEvening)).toEqual({ year: 2025, month: 3, day: 14 });
    expect(systemClock.today()).toBe(localDate());
    expect(Date.parse(systemClock.now())).not.toBeNaN();
  });

  it('converts between YYYY-MM-DD and { year, month, day }', () => {
    expect(toDateOnly({ year: 2025, month: 1, day: 5 })).toBe('2025-01-05');
    expect(fromDateOnly('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(fromDateOnly('2025-02-29')).toBeNull();
    expect(fromDateOnly('14/03/2025')).toBeNull();
  });

  it('shifts a clock by whole days', () => {
    const base = new Date(2025, 5, 10, 12).getTime();
    const clock = shiftedClock(-3, () => base);
    expect(clock.today()).toBe('2025-06-07');
    expect(Date.parse(clock.now())).toBe(base - 3 * 86_400_000);
  });
});

describe('the site time zone of date-only values', () => {
  it('gives the UTC instant of the site midnight of a date, east and west of UTC, with daylight saving', () => {
    expect(siteDateInstant('2026-03-14', 'Asia/Shanghai').toISOString()).toBe('2026-03-13T16:00:00.000Z');
    expect(siteDateInstant('2026-01-15', 'America/New_York').toISOString()).toBe('2026-01-15T05:00:00.000Z');
    expect(siteDateInstant('2026-07-15', 'America/New_York').toISOString()).toBe('2026-07-15T04:00:00.000Z');
    // Auckland in summer is UTC+13: its midnight is 11:00 the day before in UTC.
    expect(siteDateInstant('2026-01-15', 'Pacific/Auckland').toISOString()).toBe('2026-01-14T11:00:00.000Z');
    expect(siteDateInstant('2026-01-15', DEFAULT_SITE_TIME_ZONE).toISOString()).toBe('2026-01-15T00:00:00.000Z');
    expect(() => siteDateInstant('15/01/2026', 'UTC')).toThrow(TypeError);
  });

  it('reads a stored instant back as the date on the site, where rounding to UTC midnight would fail', () => {
    expect(siteDateValue('2026-03-13T16:00:00Z', 'Asia/Shanghai')).toBe('2026-03-14');
    expect(siteDateValue('2026-01-15T05:00:00Z', 'America/New_York')).toBe('2026-01-15');
    expect(siteDateValue('2026-01-14T11:00:00Z', 'Pacific/Auckland')).toBe('2026-01-15');
    expect(siteDateValue('2026-01-15', 'Pacific/Auckland')).toBe('2026-01-15');
    expect(siteDateValue('soon', 'UTC')).toBeNull();
    expect(siteDateValue(null, 'UTC')).toBeNull();
  });

  it('reads dates right in zones beyond ±12 h of UTC, and in UTC when no zone is given', () => {
    expect(siteDateValue('2026-12-24T11:00:00Z', 'Pacific/Auckland')).toBe('2026-12-25'); // UTC+13 in summer
    expect(siteDateValue('2026-06-24T12:00:00Z', 'Pacific/Auckland')).toBe('2026-06-25'); // UTC+12 in winter
    expect(siteDateValue('2026-12-24T10:00:00Z', 'Pacific/Kiritimati')).toBe('2026-12-25'); // UTC+14
    expect(siteDateValue('2026-12-25T08:00:00Z', 'America/Los_Angeles')).toBe('2026-12-25');
    expect(siteDateValue('2026-12-24T11:00:00Z')).toBe('2026-12-24');
    expect(siteDateValue('2025-03-13T23:00:00Z')).toBe('2025-03-14');
  });
});
