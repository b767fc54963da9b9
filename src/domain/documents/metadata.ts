/**
 * Metadata validation for a new controlled document and for a submission for review (§3.4
 * item 1, §5.4 guard "metadata complete, ≥ 1 approver set, approver ≠ author"). Returns every
 * problem at once, each with a stable code the UI translates and the field it belongs to.
 */
import { CLASSIFICATIONS, DOC_TYPES, MANDATORY_ITEMS, REVIEW_CYCLE_MAX_MONTHS, REVIEW_CYCLE_MIN_MONTHS, isOneOf } from './constants.js';
import { isValidReviewCycle } from './dates.js';
import { DOC_ID_NAMESPACE, SCOPE_PREFIX, docIdPrefix, parseDocId } from './numbering.js';
import { samePerson } from './types.js';
import { hasBidiControl } from '../text.js';

/** Metadata as a form or a stored item gives it (anything may be missing or wrong). */
export interface DocumentMetadataInput {
  readonly docId?: string | null;
  readonly title?: string | null;
  readonly docType?: string | null;
  readonly ownerId?: string | null;
  readonly approverIds?: readonly string[] | null;
  readonly authorId?: string | null;
  readonly reviewCycleMonths?: number | null;
  readonly classification?: string | null;
  readonly primaryClause?: string | null;
  readonly clauseRefs?: readonly string[] | null;
  readonly mandatoryItem?: string | null;
  readonly ackRequired?: boolean | null;
  readonly ackAudience?: readonly string[] | null;
  readonly ackDueDays?: number | null;
  readonly externalOrigin?: boolean | null;
  readonly issuer?: string | null;
  readonly changeSummary?: string | null;
}

export const METADATA_ERROR_CODES = [
  'docId.required',
  'docId.invalid',
  'docId.typeMismatch',
  'title.required',
  'title.tooLong',
  'title.bidiControl',
  'docType.required',
  'docType.invalid',
  'owner.required',
  'author.required',
  'approver.required',
  'approver.isAuthor',
  'approver.notTopManagement',
  'approver.noAuthority',
  'reviewCycle.outOfRange',
  'classification.required',
  'classification.invalid',
  'primaryClause.invalid',
  'clauseRefs.invalid',
  'mandatoryItem.invalid',
  'ackAudience.required',
  'ackDueDays.outOfRange',
  'issuer.required',
  'changeSummary.required',
] as const;
export type MetadataErrorCode = (typeof METADATA_ERROR_CODES)[number];

/** One problem with one field. `value` names the offending entry of a multi-value field. */
export interface FieldError {
  readonly field: keyof DocumentMetadataInput;
  readonly code: MetadataErrorCode;
  readonly message: string;
  readonly value?: string;
}

export interface MetadataValidationOptions {
  /** True for a clause number of the ISO/IEC 20000-1 clause tree (graph/schema `clauseByNumber`). */
  readonly isValidClause: (clause: string) => boolean;
  /** The id must already be set (at submission; a new document gets it when created). */
  readonly requireDocId?: boolean;
  /** The version author must be set (at submission, so approver ≠ author can be checked). */
  readonly requireAuthor?: boolean;
  /** A change summary is required (submitting a revision of a published document). */
  readonly requireChangeSummary?: boolean;
}

/** SharePoint single line of text holds at most 255 characters. */
export const TITLE_MAX_LENGTH = 255;
/** Longest acknowledgement period the app accepts, in days. */
export const ACK_DUE_DAYS_MAX = 365;

const blank = (s: string | null | undefined): boolean => s === null || s === undefined || s.trim() === '';

/**
 * Every problem with the metadata, in field order; an empty list means it is complete. Checks:
 * id format and a prefix that fits the DocType (SCP for the scope document, D1), title, DocType from the list, owner set, at least one approver, no approver who is
 * the author of the version (§6.3 rule 1), review cycle 1–60 whole months, classification from the
 * list, primary clause and clause refs valid clause numbers, mandatory item None/D1…D24, an
 * audience when acknowledgement is required and a due period of 0–365 days, an issuer for
 * external-origin documents, and (when asked) a change summary.
 */
export function validateDocumentMetadata(input: DocumentMetadataInput, options: MetadataValidationOptions): FieldError[] {
  const errors: FieldError[] = [];
  const add = (field: keyof DocumentMetadataInput, code: MetadataErrorCode, message: string, value?: string) =>
    errors.push(value === undefined ? { field, code, message } : { field, code, message, value });

  if (blank(input.docId)) {
    if (options.requireDocId) add('docId', 'docId.required', 'The document needs a document ID.');
  } else {
    const parsed = parseDocId(input.docId!.trim());
    if (!parsed) {
      add('docId', 'docId.invalid', `"${input.docId}" is not a document ID like SMS-POL-001.`, input.docId!);
    } else if (isOneOf(DOC_TYPES, input.docType)) {
      // The prefix names the DocType (SCP: the scope document, mandatory item D1).
      const expected = docIdPrefix(input.docType, input.mandatoryItem);
      if (parsed.prefix !== expected) {
        add('docId', 'docId.typeMismatch', `"${input.docId}" does not fit a ${input.docType}${expected === SCOPE_PREFIX ? ' that is the SMS scope (D1)' : ''}: its ID must start with ${DOC_ID_NAMESPACE}-${expected}-.`, input.docId!);
      }
    }
  }

  if (blank(input.title)) add('title', 'title.required', 'Enter a title.');
  else if (input.title!.trim().length > TITLE_MAX_LENGTH) add('title', 'title.tooLong', `The title is longer than ${TITLE_MAX_LENGTH} characters.`);
  else if (hasBidiControl(input.title!)) add('title', 'title.bidiControl', 'The title contains invisible characters that reverse or reorder how it reads (such as U+202E). Remove them.');

  if (blank(input.docType)) add('docType', 'docType.required', 'Choose a document type.');
  else if (!isOneOf(DOC_TYPES, input.docType)) add('docType', 'docType.invalid', `"${input.docType}" is not a document type.`, input.docType!);

  if (blank(input.ownerId)) add('ownerId', 'owner.required', 'Choose the document owner.');
  if (options.requireAuthor && blank(input.authorId)) add('authorId', 'author.required', 'The version has no author.');

  const approvers = (input.approverIds ?? []).filter((a) => !blank(a));
  if (approvers.length === 0) add('approverIds', 'approver.required', 'Choose at least one approver.');
  for (const a of approvers) {
    if (samePerson(a, input.authorId)) {
      add('approverIds', 'approver.isAuthor', 'The author of this version cannot approve it; choose another approver.', a);
    }
  }

  if (!isValidReviewCycle(input.reviewCycleMonths)) {
    add('reviewCycleMonths', 'reviewCycle.outOfRange', `The review cycle must be a whole number of months from ${REVIEW_CYCLE_MIN_MONTHS} to ${REVIEW_CYCLE_MAX_MONTHS}.`);
  }

  if (blank(input.classification)) add('classification', 'classification.required', 'Choose a classification.');
  else if (!isOneOf(CLASSIFICATIONS, input.classification)) {
    add('classification', 'classification.invalid', `"${input.classification}" is not a classification (${CLASSIFICATIONS.join(', ')}).`, input.classification!);
  }

  if (!blank(input.primaryClause) && !options.isValidClause(input.primaryClause!.trim())) {
    add('primaryClause', 'primaryClause.invalid', `"${input.primaryClause}" is not a clause of ISO/IEC 20000-1.`, input.primaryClause!);
  }
  for (const c of input.clauseRefs ?? []) {
    if (!options.isValidClause(c.trim())) add('clauseRefs', 'clauseRefs.invalid', `"${c}" is not a clause of ISO/IEC 20000-1.`, c);
  }

  if (!blank(input.mandatoryItem) && !MANDATORY_ITEMS.includes(input.mandatoryItem!)) {
    add('mandatoryItem', 'mandatoryItem.invalid', `"${input.mandatoryItem}" is not a mandatory item (None or D1…D24).`, input.mandatoryItem!);
  }

  if (input.ackRequired) {
    if ((input.ackAudience ?? []).filter((a) => !blank(a)).length === 0) {
      add('ackAudience', 'ackAudience.required', 'Choose who must acknowledge the document.');
    }
    const days = input.ackDueDays;
    if (typeof days !== 'number' || !Number.isInteger(days) || days < 0 || days > ACK_DUE_DAYS_MAX) {
      add('ackDueDays', 'ackDueDays.outOfRange', `The acknowledgement period must be a whole number of days from 0 to ${ACK_DUE_DAYS_MAX}.`);
    }
  }

  if (input.externalOrigin && blank(input.issuer)) add('issuer', 'issuer.required', 'Name the issuer of this external document.');

  if (options.requireChangeSummary && blank(input.changeSummary)) {
    add('changeSummary', 'changeSummary.required', 'Summarise what changed in this version.');
  }

  return errors;
}
