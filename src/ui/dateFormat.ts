/** Dates as the screens show them, in the UI language (shared by every area). */
import { useTranslation } from 'react-i18next';

/** `2026-12-21` (a site date) → "21 Dec 2026" in the UI language; the value itself when it is not a date. */
export function useDateFormat(): (date: string | null | undefined) => string {
  const { i18n } = useTranslation();
  // A site date is a calendar date, not an instant: formatted as that day in UTC it never shifts.
  const fmt = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeZone: 'UTC' });
  return (date) => {
    if (!date) return '—';
    const ms = Date.parse(`${date.slice(0, 10)}T00:00:00Z`);
    return Number.isNaN(ms) ? date : fmt.format(new Date(ms));
  };
}

/** `2026-12-07T09:30:00Z` → a local date and time in the UI language. */
export function useDateTimeFormat(): (iso: string | null | undefined) => string {
  const { i18n } = useTranslation();
  const fmt = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (iso) => {
    if (!iso) return '—';
    const ms = Date.parse(iso);
    return Number.isNaN(ms) ? iso : fmt.format(new Date(ms));
  };
}
