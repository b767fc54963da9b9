import { describe, expect, it } from 'vitest';
import { fromDateOnly, localCalendarDate, localDate, shiftedClock, systemClock, toDateOnly } from './clock.js';

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
