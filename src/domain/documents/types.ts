/**
 * Shapes the document-control rules work on. They mirror the columns of `SMS Documents`,
 * `Document Releases` and `Document Approvals` (domain §5.4) with people as stable ids (Entra
 * object id or UPN, compared case-insensitively), dates as `YYYY-MM-DD` and times as ISO 8601.
 */
import type { SmsRole } from '../roles.js';
import type { ApprovalDecision, ApprovalStep, ChangeType, Classification, DocStatus, DocType, VersionStatus } from './constants.js';

/** A person, as far as ownership rules need: who they are and which processes they own. */
export interface UserRef {
  readonly id: string;
  /** Ids of the processes (Processes list) this person owns; "Own" in the §6.2 matrix. */
  readonly ownedProcessIds?: readonly string[];
}

/** A signed-in person acting on a document, with the SMS roles of their groups (§6.4). */
export interface DocumentUser extends UserRef {
  readonly roles: readonly SmsRole[];
}

/** The app itself (scheduled jobs, automatic steps such as In review → Approved). */
export interface SystemActor {
  readonly system: true;
  readonly id: 'system';
}

export const SYSTEM_ACTOR: SystemActor = Object.freeze({ system: true, id: 'system' });

export type DocumentActor = DocumentUser | SystemActor;

export function isSystemActor(actor: DocumentActor): actor is SystemActor {
  return 'system' in actor && actor.system === true;
}

/** True when two person ids name the same person (ids and UPNs are case-insensitive). */
export function samePerson(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return false;
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** True when `ids` contains `id` (see `samePerson`). */
export function includesPerson(ids: readonly string[], id: string | null | undefined): boolean {
  return ids.some((x) => samePerson(x, id));
}

/** A controlled document (one file in `SMS Documents` and its metadata). */
export interface DocumentState {
  /** `DocId`, e.g. SMS-POL-001. */
  readonly docId: string;
  readonly title: string;
  readonly docType: DocType;
  /** `DocStatus`. */
  readonly status: DocStatus;
  readonly ownerId: string | null;
  /** `Approver`: the library holds one person; more are allowed here and all must approve. */
  readonly approverIds: readonly string[];
  /** `Reviewers`. */
  readonly reviewerIds: readonly string[];
  /** `Process` (id of the Processes item), which decides "own process" rights. */
  readonly processId: string | null;
  readonly primaryClause: string | null;
  readonly clauseRefs: readonly string[];
  /** `MandatoryItem`: None or D1…D24. */
  readonly mandatoryItem: string;
  readonly classification: Classification;
  /** `PublishedVersion`: release label readers see; null until first publication. */
  readonly publishedVersion: string | null;
  /**
   * Release label of the version being worked on (the draft `Document Releases` item): 0.1 for a
   * new document, the target label (e.g. 2.2 or 3.0) for a revision; null when there is no draft.
   */
  readonly draftVersion: string | null;
  /** `VersionAuthor` of the draft version (segregation of duties: never its approver). */
  readonly authorId: string | null;
  /** `ChangeSummary` of the current draft. */
  readonly changeSummary: string | null;
  readonly effectiveDate: string | null;
  readonly reviewCycleMonths: number;
  readonly nextReviewDate: string | null;
  readonly ackRequired: boolean;
  /** `AckAudience`: ids of Entra groups or people. */
  readonly ackAudience: readonly string[];
  readonly ackDueDays: number;
  readonly externalOrigin: boolean;
  readonly issuer: string | null;
}

/** One `Document Approvals` item. */
export interface ApprovalState {
  readonly step: ApprovalStep;
  readonly assigneeId: string;
  readonly decision: ApprovalDecision;
  readonly comment: string | null;
  /** `DecidedOn`, ISO date-time. */
  readonly decidedOn: string | null;
}

/** Fields of a `Document Releases` item an effect creates or changes. */
export interface ReleaseRecord {
  readonly versionLabel: string;
  readonly versionStatus: VersionStatus;
  readonly changeType: ChangeType;
  readonly changeSummary: string | null;
  /** `VersionAuthor`. */
  readonly authorId: string | null;
  readonly submittedOn?: string;
  readonly approvedBy?: readonly string[];
  readonly approvedOn?: string;
  readonly publishedOn?: string;
  readonly supersededOn?: string;
  /** Acknowledgement settings stored with a published release. */
  readonly ackRequired?: boolean;
  readonly ackAudience?: readonly string[];
  readonly ackDueDays?: number;
  /** Date-only due date of the acknowledgements requested for this release. */
  readonly ackDueDate?: string;
}

/** One entry for the `SMS Audit Trail` (§5.4: every transition is logged). */
export interface AuditEntry {
  readonly eventType: 'Created' | 'Transition';
  readonly entityType: 'ControlledDocument' | 'DocumentApproval';
  readonly entityRef: string;
  readonly actorId: string;
  /** ISO date-time. */
  readonly at: string;
  readonly fromStatus: string | null;
  readonly toStatus: string;
  readonly comment: string | null;
}
