/**
 * Dates of the demo, relative to the seed day D (domain reference §7: "D-45" = 45 days before
 * seeding), so the demo always looks current.
 */

const DAY_MS = 86_400_000;

/** Date helpers bound to one seed day. */
export interface SeedDates {
  /** The seed day D at 00:00 UTC. */
  readonly D: Date;
  /** `D + offset` days as a calendar date `YYYY-MM-DD`. */
  day(offset: number): string;
  /** `D + offset` days as the value of a date-only SharePoint column (`YYYY-MM-DDT00:00:00Z`). */
  date(offset: number): string;
  /** `D + offset` days at a UTC time of day `HH:MM`, as `YYYY-MM-DDTHH:MM:00Z`. */
  at(offset: number, time: string): string;
  /** The first day of the month `monthsBack` months before D's month (`YYYY-MM-DD`). */
  monthStart(monthsBack: number): string;
  /** The last day of the month `monthsBack` months before D's month (`YYYY-MM-DD`). */
  monthEnd(monthsBack: number): string;
}

/** Midnight UTC of the given instant's calendar day. */
export function startOfUtcDay(when: Date): Date {
  return new Date(Date.UTC(when.getUTCFullYear(), when.getUTCMonth(), when.getUTCDate()));
}

const ymd = (d: Date): string => d.toISOString().slice(0, 10);

/** Date helpers for a seed on `today` (default: now). */
export function seedDates(today: Date = new Date()): SeedDates {
  const D = startOfUtcDay(today);
  const shifted = (offset: number) => new Date(D.getTime() + offset * DAY_MS);
  const month = (back: number, last: boolean) =>
    ymd(new Date(Date.UTC(D.getUTCFullYear(), D.getUTCMonth() - back + (last ? 1 : 0), last ? 0 : 1)));
  return {
    D,
    day: (offset) => ymd(shifted(offset)),
    date: (offset) => `${ymd(shifted(offset))}T00:00:00Z`,
    at: (offset, time) => {
      if (!/^\d{2}:\d{2}$/.test(time)) throw new Error(`time must be HH:MM, got ${time}`);
      return `${ymd(shifted(offset))}T${time}:00Z`;
    },
    monthStart: (back) => month(back, false),
    monthEnd: (back) => month(back, true),
  };
}
