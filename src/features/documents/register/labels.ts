import type { TFunction } from 'i18next';
import type { DocStatus, DocType } from '../../../domain/documents/constants.js';
import type { ReviewState } from '../../../domain/documents/dates.js';

/** Catalog keys of the stored DocStatus values (the stored value stays English). */
export const STATUS_KEYS = {
  Draft: 'documents.register.status.draft',
  'In review': 'documents.register.status.inReview',
  Approved: 'documents.register.status.approved',
  Published: 'documents.register.status.published',
  'Under revision': 'documents.register.status.underRevision',
  Withdrawn: 'documents.register.status.withdrawn',
  Archived: 'documents.register.status.archived',
} as const satisfies Record<DocStatus, string>;

/** Catalog keys of the stored DocType values. */
export const TYPE_KEYS = {
  Policy: 'documents.register.type.policy',
  Plan: 'documents.register.type.plan',
  'Process description': 'documents.register.type.processDescription',
  Procedure: 'documents.register.type.procedure',
  'Work instruction': 'documents.register.type.workInstruction',
  'Form/Template': 'documents.register.type.formTemplate',
  Catalogue: 'documents.register.type.catalogue',
  Agreement: 'documents.register.type.agreement',
  Contract: 'documents.register.type.contract',
  Register: 'documents.register.type.register',
  'External document': 'documents.register.type.externalDocument',
} as const satisfies Record<DocType, string>;

export const REVIEW_KEYS = {
  overdue: 'documents.register.review.overdue',
  dueSoon: 'documents.register.review.dueSoon',
} as const satisfies Record<Exclude<ReviewState, 'ok'>, string>;

/** A DocStatus in the UI language (an unknown value is shown as stored). */
export function statusLabel(t: TFunction, status: string): string {
  return status in STATUS_KEYS ? t(STATUS_KEYS[status as DocStatus]) : status;
}

/** A DocType in the UI language (an unknown value is shown as stored). */
export function typeLabel(t: TFunction, docType: string): string {
  return docType in TYPE_KEYS ? t(TYPE_KEYS[docType as DocType]) : docType;
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
