/** Dates and values as the document page shows them. */
import { useTranslation } from 'react-i18next';

/** `2025-03-01T09:30:00Z` → a short local date and time in the UI language; '—' when empty. */
export function useDateTimeFormat(): (iso: string | null | undefined) => string {
  const { i18n } = useTranslation();
  const fmt = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (iso) => {
    if (!iso) return '—';
    const t = Date.parse(iso);
    return Number.isNaN(t) ? iso : fmt.format(new Date(t));
  };
}
