/** Catalog keys of the choice values the lifecycle screens show (values stay English in SharePoint). */
import type { ApprovalDecision, ChangeType, Classification, DocStatus, DocType, VersionStatus } from '../../../domain/documents/constants.js';

export const DOC_TYPE_KEYS = {
  Policy: 'documents.lifecycle.docType.policy',
  Plan: 'documents.lifecycle.docType.plan',
  'Process description': 'documents.lifecycle.docType.processDescription',
  Procedure: 'documents.lifecycle.docType.procedure',
  'Work instruction': 'documents.lifecycle.docType.workInstruction',
  'Form/Template': 'documents.lifecycle.docType.formTemplate',
  Catalogue: 'documents.lifecycle.docType.catalogue',
  Agreement: 'documents.lifecycle.docType.agreement',
  Contract: 'documents.lifecycle.docType.contract',
  Register: 'documents.lifecycle.docType.register',
  'External document': 'documents.lifecycle.docType.externalDocument',
} as const satisfies Record<DocType, string>;

export const DOC_STATUS_KEYS = {
  Draft: 'documents.lifecycle.status.draft',
  'In review': 'documents.lifecycle.status.inReview',
  Approved: 'documents.lifecycle.status.approved',
  Published: 'documents.lifecycle.status.published',
  'Under revision': 'documents.lifecycle.status.underRevision',
  Withdrawn: 'documents.lifecycle.status.withdrawn',
  Archived: 'documents.lifecycle.status.archived',
} as const satisfies Record<DocStatus, string>;

export const CLASSIFICATION_KEYS = {
  Public: 'documents.lifecycle.classification.public',
  Internal: 'documents.lifecycle.classification.internal',
  Confidential: 'documents.lifecycle.classification.confidential',
  Restricted: 'documents.lifecycle.classification.restricted',
} as const satisfies Record<Classification, string>;

export const VERSION_STATUS_KEYS = {
  Draft: 'documents.lifecycle.versionStatus.draft',
  'In review': 'documents.lifecycle.versionStatus.inReview',
  Approved: 'documents.lifecycle.versionStatus.approved',
  Published: 'documents.lifecycle.versionStatus.published',
  Superseded: 'documents.lifecycle.versionStatus.superseded',
  Rejected: 'documents.lifecycle.versionStatus.rejected',
  Withdrawn: 'documents.lifecycle.versionStatus.withdrawn',
} as const satisfies Record<VersionStatus, string>;

export const CHANGE_TYPE_KEYS = {
  New: 'documents.lifecycle.changeType.new',
  'Major revision': 'documents.lifecycle.changeType.major',
  'Minor revision': 'documents.lifecycle.changeType.minor',
  'Reviewed – no change': 'documents.lifecycle.changeType.reviewed',
  Withdrawal: 'documents.lifecycle.changeType.withdrawal',
} as const satisfies Record<ChangeType, string>;

export const DECISION_KEYS = {
  Pending: 'documents.lifecycle.decision.pending',
  Approved: 'documents.lifecycle.decision.approved',
  'Changes requested': 'documents.lifecycle.decision.changesRequested',
  Rejected: 'documents.lifecycle.decision.rejected',
} as const satisfies Record<ApprovalDecision, string>;

/** The key of a value from one of the maps above, or null for a value outside it. */
export function keyOf<K extends string, V extends string>(map: Readonly<Record<K, V>>, value: string | null | undefined): V | null {
  return value !== null && value !== undefined && Object.prototype.hasOwnProperty.call(map, value) ? map[value as K] : null;
}
