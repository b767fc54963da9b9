import type { TFunction } from 'i18next';
import type { DocStatus, DocType } from '../../../domain/documents/constants.js';
import type { ReviewState } from '../../../domain/documents/dates.js';
import { DOC_STATUS_KEYS, DOC_TYPE_KEYS } from './labels.js';

export const REVIEW_KEYS = {
  overdue: 'documents.register.review.overdue',
  dueSoon: 'documents.register.review.dueSoon',
} as const satisfies Record<Exclude<ReviewState, 'ok'>, string>;

/** A DocStatus in the UI language (an unknown value is shown as stored). */
export function statusLabel(t: TFunction, status: string): string {
  return status in DOC_STATUS_KEYS ? t(DOC_STATUS_KEYS[status as DocStatus]) : status;
}

/** A DocType in the UI language (an unknown value is shown as stored). */
export function typeLabel(t: TFunction, docType: string): string {
  return docType in DOC_TYPE_KEYS ? t(DOC_TYPE_KEYS[docType as DocType]) : docType;
}

/** The review state as words ('' when no review is due). */
export function reviewLabel(t: TFunction, review: ReviewState): string {
  return review === 'ok' ? '' : t(REVIEW_KEYS[review]);
}

/** A calendar date `YYYY-MM-DD` in the UI language's medium format (the date itself, no time zone shift). */
export function formatDate(date: string | null, language: string): string {
  if (!date) return '';
  const d = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return date;
  return new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' }).format(d);
}

/** Clause numbers of a document, primary first, without repeats. */
export function clauseList(primary: string | null, refs: readonly string[]): string[] {
  return [...new Set([...(primary ? [primary] : []), ...refs])];
}
