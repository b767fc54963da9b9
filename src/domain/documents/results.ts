/** Outcome types shared by the document-control rules: a change, or a refusal that changes nothing. */
import type { FieldError } from './metadata.js';

/** Why a transition or decision was refused (stable; the UI translates them). */
export const REFUSAL_CODES = [
  /** The lifecycle has no such step from the current status. */
  'notAllowedFromStatus',
  /** Withdrawn and archived documents are read-only. */
  'readOnly',
  /** The actor's roles or ownership do not allow it (§6.2). */
  'notPermitted',
  /** Only the app itself performs this step. */
  'systemOnly',
  /** Metadata incomplete or invalid (`errors` lists the fields). */
  'metadataIncomplete',
  /** Segregation of duties: the author of a version may not approve it (§6.3 rule 1). */
  'segregationOfDuties',
  /** A policy-level document needs a top-management approver (§6.2, §6.3 rule 1). */
  'topManagementApproverRequired',
  /** The approver holds no authority to approve this document's content. */
  'approverLacksAuthority',
  /** Not every required approval has been recorded as Approved. */
  'approvalsIncomplete',
  'commentRequired',
  'reasonRequired',
  /** Automatic publication before the planned effective date, or a manual one with a date other than today. */
  'notYetEffective',
  /** A version label in the document is malformed. */
  'invalidVersion',
  /** The approval was already decided. */
  'notPending',
  /** Only the assignee decides an approval. */
  'notAssignee',
  /** Approvals are decided only while the version is In review. */
  'versionNotInReview',
  /** Not one of Approved, Changes requested, Rejected. */
  'invalidDecision',
  /** A recorded decision was not written by its designated approver (or was written by the author): it does not count. */
  'untrustedDecision',
] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];

export interface Refusal {
  readonly ok: false;
  readonly reason: RefusalCode;
  readonly message: string;
  /** Field problems behind `metadataIncomplete` (and approver problems found at submission). */
  readonly errors?: readonly FieldError[];
}

export function refuse(reason: RefusalCode, message: string, errors?: readonly FieldError[]): Refusal {
  return errors === undefined ? { ok: false, reason, message } : { ok: false, reason, message, errors };
}
