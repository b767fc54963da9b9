import { describe, expect, it } from 'vitest';
import { addDays, addMonths, dateOnlyValue, daysBetween, isIsoDate, nextReviewDate, reviewState, type ReviewSubject } from './dates.js';

describe('addMonths and nextReviewDate around month ends and leap years', () => {
  it.each([
    ['2025-01-31', 1, '2025-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', 48, '2028-02-29'],
    ['2025-08-31', 6, '2026-02-28'],
    ['2025-10-31', 1, '2025-11-30'],
    ['2025-12-15', 1, '2026-01-15'],
    ['2025-11-30', 3, '2026-02-28'],
    ['2023-03-31', -1, '2023-02-28'],
    ['2025-06-10', 60, '2030-06-10'],
  ])('%s + %i months = %s', (from, months, expected) => {
    expect(addMonths(from, months)).toBe(expected);
  });

  it('moves a review by the cycle from the effective date or last review', () => {
    expect(nextReviewDate('2025-03-15', 12)).toBe('2026-03-15');
    expect(nextReviewDate('2024-02-29', 12)).toBe('2025-02-28');
    expect(nextReviewDate('2025-01-31', 1)).toBe('2025-02-28');
    expect(nextReviewDate('2023-08-31', 6)).toBe('2024-02-29');
  });

  it('refuses review cycles outside 1–60 whole months and non-dates', () => {
    for (const cycle of [0, 61, -12, 1.5, Number.NaN]) expect(() => nextReviewDate('2025-01-01', cycle), String(cycle)).toThrow(RangeError);
    for (const bad of ['2025-02-29', '2025-13-01', '2025-1-1', '2025-04-31', '2025-03-01T00:00:00Z']) {
      expect(() => nextReviewDate(bad, 12), bad).toThrow(RangeError);
    }
  });
});

describe('day arithmetic', () => {
  it('adds days and counts days across February and year ends', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2025-12-25', 14)).toBe('2026-01-08');
    expect(daysBetween('2024-02-01', '2024-03-01')).toBe(29);
    expect(daysBetween('2025-02-01', '2025-03-01')).toBe(28);
    expect(daysBetween('2025-03-01', '2025-02-28')).toBe(-1);
  });

  it('recognises real calendar dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate(20250101)).toBe(false);
  });
});

describe('reviewState', () => {
  const published = (nextReview: string | null, over: Partial<ReviewSubject> = {}): ReviewSubject => ({
    status: 'Published',
    publishedVersion: '2.0',
    nextReviewDate: nextReview,
    effectiveDate: '2024-03-01',
    reviewCycleMonths: 12,
    ...over,
  });

  it.each([
    ['2025-02-28', 'overdue'],
    ['2025-03-01', 'dueSoon'],
    ['2025-03-31', 'dueSoon'],
    ['2025-04-01', 'ok'],
  ] as const)('on 2025-03-01 a review due %s is %s', (due, expected) => {
    expect(reviewState(published(due), '2025-03-01')).toBe(expected);
  });

  it('counts the 30 days across 29 February in a leap year', () => {
    expect(reviewState(published('2024-03-29'), '2024-02-28')).toBe('dueSoon');
    expect(reviewState(published('2024-03-30'), '2024-02-28')).toBe('ok');
  });

  it('keeps watching the release in force while a revision is under way', () => {
    expect(reviewState(published('2025-01-01', { status: 'Under revision' }), '2025-03-01')).toBe('overdue');
    expect(reviewState(published('2025-01-01', { status: 'In review' }), '2025-03-01')).toBe('overdue');
  });

  it('does not review drafts never published, or withdrawn and archived documents', () => {
    expect(reviewState(published('2020-01-01', { status: 'Draft', publishedVersion: null }), '2025-03-01')).toBe('ok');
    expect(reviewState(published('2020-01-01', { status: 'Withdrawn' }), '2025-03-01')).toBe('ok');
    expect(reviewState(published('2020-01-01', { status: 'Archived' }), '2025-03-01')).toBe('ok');
  });

  it('falls back to effective date + cycle, and flags a release with no planned review', () => {
    expect(reviewState(published(null, { effectiveDate: '2024-03-15' }), '2025-03-01')).toBe('dueSoon');
    expect(reviewState(published(null, { effectiveDate: '2024-02-15' }), '2025-03-01')).toBe('overdue');
    expect(reviewState(published(null, { effectiveDate: '2024-12-01' }), '2025-03-01')).toBe('ok');
    expect(reviewState(published(null, { effectiveDate: null }), '2025-03-01')).toBe('overdue');
  });
});

describe('dateOnlyValue: the date of a date-only column as Graph returns it', () => {
  it('rounds the instant to the nearest UTC midnight, whatever side of UTC the site is', () => {
    expect(dateOnlyValue('2025-03-13T23:00:00Z')).toBe('2025-03-14'); // 14 March on a UTC+1 site
    expect(dateOnlyValue('2025-03-14T00:00:00Z')).toBe('2025-03-14');
    expect(dateOnlyValue('2025-03-14T05:00:00Z')).toBe('2025-03-14'); // UTC-5 site
    expect(dateOnlyValue('2024-12-31T22:00:00Z')).toBe('2025-01-01'); // across a year end
  });

  it("rounds to the nearest midnight on the site's wall clock when given the site's offset", () => {
    const hours = (h: number) => () => h * 3_600_000;
    expect(dateOnlyValue('2026-12-24T11:00:00Z', hours(13))).toBe('2026-12-25'); // 25 December on a UTC+13 site
    expect(dateOnlyValue('2026-12-24T10:00:00Z', hours(14))).toBe('2026-12-25'); // UTC+14
    expect(dateOnlyValue('2026-12-25T08:00:00Z', hours(-8))).toBe('2026-12-25');
    expect(dateOnlyValue('2026-12-24T11:00:00Z')).toBe('2026-12-24'); // without it: UTC
    expect(dateOnlyValue('2026-12-25', hours(13))).toBe('2026-12-25');
  });

  it('keeps a plain date and refuses anything else', () => {
    expect(dateOnlyValue('2025-03-14')).toBe('2025-03-14');
    expect(dateOnlyValue('2025-02-30')).toBeNull();
    expect(dateOnlyValue('soon')).toBeNull();
    expect(dateOnlyValue(null)).toBeNull();
    expect(dateOnlyValue(20250314)).toBeNull();
  });
});
