/**
 * Who may do what with a controlled document (domain §6.2, §6.3) and who sees which version
 * (§3.4 item 3, §5.4 draft item security).
 *
 * Readings of the matrix, where it needs one:
 * - "Own" for a process owner means the document belongs to a process they own, or they are
 *   its named Owner. The Owner column alone gives no edit right to someone without an editing
 *   role (an employee may only propose changes).
 * - Content approval: policy-level documents need top management (§6.2 row 3, §6.3 rule 1).
 *   Other documents may be approved by the SMS manager, by the owner of the document's process,
 *   or by top management (the matrix shows top management as R for procedures, but the demo of
 *   §7.4 has Raj, top management, approving procedures, catalogue and SLA: a more senior approver
 *   is accepted). Document controllers, internal auditors and employees never approve content —
 *   unless they also hold one of the approving roles.
 */
import type { SmsRole } from '../roles.js';
import type { DocType } from './constants.js';
import { includesPerson, samePerson, type DocumentState, type DocumentUser, type UserRef } from './types.js';

/**
 * DocTypes that are policy-level (§6.2: scope, service management policy, service management
 * plan, information security policy, change management policy, service continuity plans).
 * In the schema those are `Policy` (SM, IS and change policies; the scope SMS-SCP-001 is filed as
 * Policy) and `Plan` (the SM plan SMS-PLN-001 and continuity plans such as SMS-PLN-002). Every
 * Plan counts, so e.g. a capacity plan also needs top management: stricter rather than looser.
 */
export const POLICY_LEVEL_DOC_TYPES: readonly DocType[] = ['Policy', 'Plan'];

/**
 * Mandatory items (§3.1) that are policy-level whatever DocType they are filed under: D1 scope,
 * D2 SM policy, D5 SM plan, D6 change management policy, D7 IS policy, D8 continuity plans.
 */
export const POLICY_LEVEL_MANDATORY_ITEMS: readonly string[] = ['D1', 'D2', 'D5', 'D6', 'D7', 'D8'];

/**
 * True when documents of this type (or fulfilling this mandatory item) need a top-management
 * approver (§6.2, §6.3 rule 1). See `POLICY_LEVEL_DOC_TYPES` for the mapping.
 */
export function policyLevel(docType: DocType, mandatoryItem?: string | null): boolean {
  return POLICY_LEVEL_DOC_TYPES.includes(docType) || (mandatoryItem != null && POLICY_LEVEL_MANDATORY_ITEMS.includes(mandatoryItem));
}

type Ownable = Pick<DocumentState, 'ownerId' | 'processId'>;
type Approvable = Pick<DocumentState, 'docType' | 'mandatoryItem' | 'processId'>;

const has = (roles: readonly SmsRole[], role: SmsRole): boolean => roles.includes(role);

/** True when the document belongs to a process `user` owns. */
export function ownsProcessOf(user: UserRef, doc: Pick<DocumentState, 'processId'>): boolean {
  return doc.processId !== null && (user.ownedProcessIds ?? []).some((p) => p === doc.processId);
}

/** True when the document is "own" for `user`: they are its Owner or own its process. */
export function isOwnDocument(user: UserRef, doc: Ownable): boolean {
  return samePerson(doc.ownerId, user.id) || ownsProcessOf(user, doc);
}

/**
 * May draft and edit the document, submit it for review, start a revision and record a
 * no-change periodic review (§6.2 row 1: SMS manager E, document controller E, process owner E
 * for own documents; top management, auditors and employees read or propose only).
 */
export function canEditDocument(user: DocumentUser, doc: Ownable): boolean {
  if (has(user.roles, 'smsManager') || has(user.roles, 'documentController')) return true;
  return has(user.roles, 'processOwner') && isOwnDocument(user, doc);
}

/** May create a new controlled document (anyone who can edit some document). */
export function canCreateDocument(user: DocumentUser, doc: Ownable): boolean {
  return canEditDocument(user, doc);
}

/**
 * Holds the authority to approve this document's content (not counting segregation of duties,
 * which `decideApproval` and the lifecycle add). See the module comment.
 */
export function canApproveContent(user: DocumentUser, doc: Approvable): boolean {
  if (policyLevel(doc.docType, doc.mandatoryItem)) return has(user.roles, 'topManagement');
  if (has(user.roles, 'topManagement') || has(user.roles, 'smsManager')) return true;
  return has(user.roles, 'processOwner') && ownsProcessOf(user, doc);
}

/** May publish an approved document or withdraw a published one (§6.2: SMS manager, document controller). */
export function canPublishOrWithdraw(user: DocumentUser): boolean {
  return has(user.roles, 'smsManager') || has(user.roles, 'documentController');
}

type Visible = Pick<DocumentState, 'status' | 'ownerId' | 'processId' | 'approverIds' | 'reviewerIds' | 'authorId' | 'publishedVersion' | 'draftVersion'>;

/**
 * Sees draft (minor) versions of the document: its owner, the author of the draft, its approvers
 * and nominated reviewers (they must read what they review), the owner of its process, SMS managers
 * and document controllers — i.e. the people who can edit or approve it (draft item security).
 * Everyone else sees only the last published version.
 */
export function canSeeDrafts(roles: readonly SmsRole[], doc: Visible, user: UserRef): boolean {
  if (has(roles, 'smsManager') || has(roles, 'documentController')) return true;
  if (samePerson(doc.ownerId, user.id) || samePerson(doc.authorId, user.id)) return true;
  if (includesPerson(doc.approverIds, user.id) || includesPerson(doc.reviewerIds, user.id)) return true;
  return has(roles, 'processOwner') && ownsProcessOf(user, doc);
}

/**
 * Sees the document at all. Withdrawn and archived documents: document controllers and SMS
 * managers only. A document never published: only those who see drafts. Otherwise everyone
 * (readers get the last published version, see `readableVersion`).
 */
export function canSeeDocument(roles: readonly SmsRole[], doc: Visible, user: UserRef): boolean {
  if (doc.status === 'Withdrawn' || doc.status === 'Archived') return has(roles, 'smsManager') || has(roles, 'documentController');
  if (doc.publishedVersion === null) return canSeeDrafts(roles, doc, user);
  return true;
}

/**
 * The release label this person is shown by default: the draft for those who see drafts (when
 * there is one), otherwise the published version; null when they may not see the document.
 */
export function readableVersion(roles: readonly SmsRole[], doc: Visible, user: UserRef): string | null {
  if (!canSeeDocument(roles, doc, user)) return null;
  if (doc.draftVersion !== null && canSeeDrafts(roles, doc, user)) return doc.draftVersion;
  return doc.publishedVersion;
}
