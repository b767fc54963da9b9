/**
 * Choice values of the document-control lists (domain reference §5.4), copied from
 * `graph/schema/documents.ts` because src/domain may not import graph/. `constants.test.ts`
 * fails if the two ever drift apart.
 */

/** `DocType` of a controlled document (library `SMS Documents`). */
export const DOC_TYPES = [
  'Policy',
  'Plan',
  'Process description',
  'Procedure',
  'Work instruction',
  'Form/Template',
  'Catalogue',
  'Agreement',
  'Contract',
  'Register',
  'External document',
] as const;
export type DocType = (typeof DOC_TYPES)[number];

/** `DocStatus` of a controlled document. */
export const DOC_STATUSES = ['Draft', 'In review', 'Approved', 'Published', 'Under revision', 'Withdrawn', 'Archived'] as const;
export type DocStatus = (typeof DOC_STATUSES)[number];

/** `MandatoryItem`: None or one of the mandatory documents D1…D24 of §3.1. */
export const MANDATORY_ITEMS = ['None', ...Array.from({ length: 24 }, (_, i) => `D${i + 1}`)] as readonly string[];

/** `Classification` of a controlled document. */
export const CLASSIFICATIONS = ['Public', 'Internal', 'Confidential', 'Restricted'] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];

/** `VersionStatus` of a Document Releases item. */
export const VERSION_STATUSES = ['Draft', 'In review', 'Approved', 'Published', 'Superseded', 'Rejected', 'Withdrawn'] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];

/** `ChangeType` of a Document Releases item. */
export const CHANGE_TYPES = ['New', 'Major revision', 'Minor revision', 'Reviewed – no change', 'Withdrawal'] as const;
export type ChangeType = (typeof CHANGE_TYPES)[number];

/** `Decision` of a Document Approvals item. */
export const APPROVAL_DECISIONS = ['Pending', 'Approved', 'Changes requested', 'Rejected'] as const;
export type ApprovalDecision = (typeof APPROVAL_DECISIONS)[number];

/** `Step` of a Document Approvals item. */
export const APPROVAL_STEPS = ['Review', 'Approval'] as const;
export type ApprovalStep = (typeof APPROVAL_STEPS)[number];

/** Bounds of `ReviewCycleMonths` the app accepts (the column itself only sets min 1; 60 = five years). */
export const REVIEW_CYCLE_MIN_MONTHS = 1;
export const REVIEW_CYCLE_MAX_MONTHS = 60;
export const DEFAULT_REVIEW_CYCLE_MONTHS = 12;

/** A periodic review counts as "due soon" this many days (or fewer) before `NextReviewDate`. */
export const REVIEW_DUE_SOON_DAYS = 30;

/** True when `value` is one of `choices` (narrows the type). */
export function isOneOf<T extends string>(choices: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (choices as readonly string[]).includes(value);
}
