/**
 * Shapes shared by the document-lifecycle services: what every service needs (the Graph client,
 * the SMS site's lists and library, the people directory, the signed-in user, a clock), and the
 * snapshot of one controlled document that a service reads before it changes anything.
 */
import type { GraphClient } from '../../../../graph/core/client.js';
import type { DocumentState, DocumentUser } from '../../../domain/documents/types.js';
import type { ApprovalDecision, ApprovalStep, VersionStatus } from '../../../domain/documents/constants.js';
import type { Refusal } from '../../../domain/documents/results.js';
import type { PeopleDirectory, Person } from '../../../platform/people.js';
import type { Clock } from '../../../platform/clock.js';
import type { SmsSite } from '../../../platform/site.js';

/** Ids of the SMS site's document-control lists and the library's drive (a view of the platform's `SmsSite`). */
export interface DocumentsSite {
  readonly siteId: string;
  readonly siteWebUrl: string;
  /** `SMS Documents` (the library's list id). */
  readonly documentsListId: string;
  readonly releasesListId: string;
  readonly approvalsListId: string;
  readonly sequencesListId: string;
  readonly auditListId: string;
  /** The drive of `SMS Documents`. */
  readonly driveId: string;
  /** Id of the Microsoft 365 group behind the site (Planner plan "SMS Actions"); null if unknown. */
  readonly groupId: string | null;
  /** The whole SMS site (every list by schema key), for the platform's writers. */
  readonly sms: SmsSite;
}

export type { Clock } from '../../../platform/clock.js';

/** Everything a lifecycle service needs. Built once per signed-in session (see `useDocumentServices`). */
export interface DocumentServices {
  readonly client: GraphClient;
  readonly site: DocumentsSite;
  readonly people: PeopleDirectory;
  /** The signed-in user, as the document rules see them (id = lower-case UPN). */
  readonly me: DocumentUser;
  readonly mePerson: Person;
  readonly clock: Clock;
  /**
   * The SMS site's time zone (IANA; runtime config `siteTimeZone`): date-only columns are read as
   * their calendar date there. Absent: UTC.
   */
  readonly timeZone?: string;
  /** Link to a document's page in the app (Planner task references); absent outside a browser. */
  readonly documentLink?: (docId: string) => string;
  /** Steps that run after every publication (see `publish.ts`). */
  readonly afterPublish: readonly import('./publish.js').AfterPublishHandler[];
  /**
   * False where the tenant's cloud has no Planner (Microsoft 365 operated by 21Vianet; see
   * `cloudFeatures` in src/app/config.ts): approvals are recorded without Planner tasks, and Planner
   * is never called. Absent: Planner is there.
   */
  readonly planner?: boolean;
}

/** A `Document Releases` item, read. */
export interface ReleaseRow {
  readonly itemId: string;
  readonly eTag: string;
  readonly createdDateTime: string | null;
  readonly docId: string;
  readonly versionLabel: string;
  readonly versionStatus: VersionStatus;
  readonly changeType: string | null;
  readonly changeSummary: string | null;
  readonly authorId: string | null;
  readonly submittedOn: string | null;
  readonly approvedBy: string | null;
  readonly approvedOn: string | null;
  readonly publishedOn: string | null;
  readonly supersededOn: string | null;
  readonly fileHash: string | null;
  readonly ackRequired: boolean;
  readonly ackAudience: readonly string[];
  readonly ackDueDays: number | null;
  readonly ackDueDate: string | null;
}

/** A `Document Approvals` item, read. */
export interface ApprovalRow {
  readonly itemId: string;
  readonly eTag: string;
  readonly releaseItemId: string;
  readonly title: string;
  readonly step: ApprovalStep;
  readonly assigneeId: string;
  readonly decision: ApprovalDecision;
  readonly comment: string | null;
  readonly decidedOn: string | null;
  readonly plannerTaskId: string | null;
  /** Which submission of the version created it (1, 2, …; see `approvalRound`). */
  readonly round: number;
  /**
   * Who the server stamped as the record's last writer (`lastModifiedBy`, as a person id), null when
   * the stamp names no person: with `assigneeId`, whether the decision counts (domain `integrity.ts`).
   */
  readonly decidedBy: string | null;
}

/** The file behind a controlled document. */
export interface DocumentFile {
  readonly driveItemId: string;
  readonly name: string;
  readonly mimeType: string | null;
  readonly size: number | null;
  readonly webUrl: string | null;
  /** Library version label of the version the caller sees (`_UIVersionString`), e.g. `1.0` or `1.3`. */
  readonly versionLabel: string | null;
}

/** One controlled document as the signed-in user sees it, with its releases and current approvals. */
export interface DocumentSnapshot {
  /** Item id in `SMS Documents`. */
  readonly listItemId: string;
  /** The list item's eTag (sent as `If-Match` on metadata writes). */
  readonly eTag: string;
  /** The library item's fields as Graph returned them. */
  readonly fields: Readonly<Record<string, unknown>>;
  readonly state: DocumentState;
  readonly file: DocumentFile;
  /** Every release record of the DocId, oldest first. */
  readonly releases: readonly ReleaseRow[];
  /** The release record of the version being worked on (Draft / In review / Approved), if any. */
  readonly draftRelease: ReleaseRow | null;
  /** Approvals of the latest round of the draft release. */
  readonly approvals: readonly ApprovalRow[];
  /**
   * True when the caller may not read `Document Releases` and `Document Approvals` (staff who may not
   * see drafts; graph/provisioning/permissions.ts): `releases` and `approvals` are then empty.
   */
  readonly recordsHidden?: boolean;
}

/** A lifecycle step the document rules refused; nothing was changed. */
export class DocumentRuleError extends Error {
  override readonly name: string = 'DocumentRuleError';

  constructor(readonly refusal: Refusal) {
    super(refusal.message);
  }
}

/** The document does not exist for the signed-in user (never created, or a draft they may not see). */
export class DocumentNotFoundError extends Error {
  override readonly name: string = 'DocumentNotFoundError';

  constructor(readonly docId: string) {
    super(`${docId} was not found.`);
  }
}
