/**
 * Turns what the document rules and Graph say into the user's language: field problems
 * (`FieldError.code`) next to their fields, refusals (`Refusal.reason`) as a sentence. The rules'
 * English messages are not shown as they are; their stable codes are translated.
 */
import type { TFunction } from 'i18next';
import type { FieldError } from '../../../domain/documents/metadata.js';
import type { Refusal, RefusalCode } from '../../../domain/documents/results.js';
import type { DocumentMetadataInput } from '../../../domain/documents/metadata.js';
import { problemsByField, type FieldProblem, type RefusalExplanation } from '../../../ui/RefusalMessage.js';
import { DocumentRuleError } from '../services/index.js';

/** A form field a problem is shown next to. */
export type FormField = keyof DocumentMetadataInput | 'processId' | 'reviewerIds' | 'file' | 'comment' | 'reason' | 'decision';

const FIELD_KEYS = {
  'docId.required': 'documents.lifecycle.field.docIdRequired',
  'docId.invalid': 'documents.lifecycle.field.docIdInvalid',
  'docId.typeMismatch': 'documents.lifecycle.field.docIdTypeMismatch',
  'title.required': 'documents.lifecycle.field.titleRequired',
  'title.tooLong': 'documents.lifecycle.field.titleTooLong',
  'title.bidiControl': 'documents.lifecycle.field.titleBidiControl',
  'docType.required': 'documents.lifecycle.field.docTypeRequired',
  'docType.invalid': 'documents.lifecycle.field.docTypeInvalid',
  'owner.required': 'documents.lifecycle.field.ownerRequired',
  'author.required': 'documents.lifecycle.field.authorRequired',
  'approver.required': 'documents.lifecycle.field.approverRequired',
  'approver.isAuthor': 'documents.lifecycle.field.approverIsAuthor',
  'approver.notTopManagement': 'documents.lifecycle.field.approverNotTopManagement',
  'approver.noAuthority': 'documents.lifecycle.field.approverNoAuthority',
  'reviewCycle.outOfRange': 'documents.lifecycle.field.reviewCycleOutOfRange',
  'classification.required': 'documents.lifecycle.field.classificationRequired',
  'classification.invalid': 'documents.lifecycle.field.classificationInvalid',
  'primaryClause.invalid': 'documents.lifecycle.field.primaryClauseInvalid',
  'clauseRefs.invalid': 'documents.lifecycle.field.clauseRefsInvalid',
  'mandatoryItem.invalid': 'documents.lifecycle.field.mandatoryItemInvalid',
  'ackAudience.required': 'documents.lifecycle.field.ackAudienceRequired',
  'ackDueDays.outOfRange': 'documents.lifecycle.field.ackDueDaysOutOfRange',
  'issuer.required': 'documents.lifecycle.field.issuerRequired',
  'changeSummary.required': 'documents.lifecycle.field.changeSummaryRequired',
} as const satisfies Record<FieldError['code'], string>;

const REFUSAL_KEYS = {
  notAllowedFromStatus: 'documents.lifecycle.refusal.notAllowedFromStatus',
  readOnly: 'documents.lifecycle.refusal.readOnly',
  notPermitted: 'documents.lifecycle.refusal.notPermitted',
  systemOnly: 'documents.lifecycle.refusal.systemOnly',
  metadataIncomplete: 'documents.lifecycle.refusal.metadataIncomplete',
  segregationOfDuties: 'documents.lifecycle.refusal.segregationOfDuties',
  topManagementApproverRequired: 'documents.lifecycle.refusal.topManagementApproverRequired',
  approverLacksAuthority: 'documents.lifecycle.refusal.approverLacksAuthority',
  approvalsIncomplete: 'documents.lifecycle.refusal.approvalsIncomplete',
  commentRequired: 'documents.lifecycle.refusal.commentRequired',
  reasonRequired: 'documents.lifecycle.refusal.reasonRequired',
  notYetEffective: 'documents.lifecycle.refusal.notYetEffective',
  invalidVersion: 'documents.lifecycle.refusal.invalidVersion',
  notPending: 'documents.lifecycle.refusal.notPending',
  notAssignee: 'documents.lifecycle.refusal.notAssignee',
  versionNotInReview: 'documents.lifecycle.refusal.versionNotInReview',
  invalidDecision: 'documents.lifecycle.refusal.invalidDecision',
  untrustedDecision: 'documents.lifecycle.refusal.untrustedDecision',
} as const satisfies Record<RefusalCode, string>;

/** The user-facing sentence for one field problem. */
export function fieldMessage(t: TFunction, e: FieldError, nameOf: (id: string) => string = (id) => id): string {
  const value = e.value === undefined ? '' : e.field === 'approverIds' ? nameOf(e.value) : e.value;
  return t(FIELD_KEYS[e.code], { value });
}

/** The user-facing sentence for a refusal. */
export function refusalMessage(t: TFunction, r: Pick<Refusal, 'reason'>): string {
  return t(REFUSAL_KEYS[r.reason]);
}

/** Field problems in the user's language, in the rules' order. */
export function fieldProblems(t: TFunction, errors: readonly FieldError[] | undefined, nameOf?: (id: string) => string): FieldProblem<FormField>[] {
  return (errors ?? []).map((e) => ({ field: e.field, message: fieldMessage(t, e, nameOf) }));
}

/** Field problems grouped by field (several problems of one field joined). */
export function messagesByField(t: TFunction, errors: readonly FieldError[] | undefined, nameOf?: (id: string) => string): Partial<Record<FormField, string>> {
  return problemsByField(fieldProblems(t, errors, nameOf));
}

/** Where a refusal without field errors belongs in a dialog (or the dialog's top when nowhere). */
export function refusalField(r: Pick<Refusal, 'reason'>): FormField | null {
  switch (r.reason) {
    case 'commentRequired':
      return 'comment';
    case 'reasonRequired':
      return 'reason';
    case 'segregationOfDuties':
    case 'topManagementApproverRequired':
    case 'approverLacksAuthority':
    case 'invalidDecision':
      return 'decision';
    default:
      return null;
  }
}

/** A refusal of the document rules in the user's language, for the shared refusal message (src/ui). */
export function explainRefusal(t: TFunction, r: Refusal, nameOf?: (id: string) => string): RefusalExplanation<FormField> {
  return { message: refusalMessage(t, r), problems: fieldProblems(t, r.errors, nameOf), at: refusalField(r) };
}

/**
 * What an `ActionDialog` (src/ui) of the document lifecycle needs to show the rules' refusals: the
 * refusal a failed step carries (`DocumentRuleError`) and its explanation.
 */
export function lifecycleRefusals(t: TFunction, nameOf?: (id: string) => string) {
  return {
    refusalOf: (e: unknown): Refusal | null => (e instanceof DocumentRuleError ? e.refusal : null),
    explain: (r: Refusal): RefusalExplanation<FormField> => explainRefusal(t, r, nameOf),
  };
}
