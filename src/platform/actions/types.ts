/**
 * The actions engine's vocabulary (domain §5.4 "CorrectiveAction and Action", §5.7 Planner): the context
 * every operation runs in, an action as the engine reads it (`ActionRow`), and which register raises which
 * kind of action.
 */
import type { GraphClient } from '../../../graph/core/client.js';
import type { ActionPriority, ActionSourceType, ActionStatus, ActionType } from '../../../graph/schema/actions.js';
import type { Actor, RegisterSettings } from './domain.js';
import type { PeopleDirectory } from '../people.js';
import type { RegisterWriteDeps } from '../registers/write.js';
import type { SmsSite } from '../site.js';

export type { ActionPriority, ActionSourceType, ActionStatus, ActionType };

export interface ActionsContext {
  readonly client: GraphClient;
  readonly site: Pick<SmsSite, 'siteId' | 'listIds' | 'groupId' | 'webUrl'>;
  readonly people: PeopleDirectory;
  /** The site's time zone (IANA): date-only columns are read and written as its calendar dates. */
  readonly timeZone: string;
  /** Today in the site's time zone (`YYYY-MM-DD`): what "overdue" is measured against. */
  readonly today: string;
  /** The app's origin, for the links back to the action and its source (src/platform/paths.ts). */
  readonly appOrigin: string;
  /** Who acts: a signed-in person, or `'app'` for the scheduled job (app-only). */
  readonly actor: Actor | 'app';
  /** Reference sequence and audit trail (platformWriteDeps). */
  readonly writeDeps: RegisterWriteDeps;
  readonly settings?: RegisterSettings;
  readonly signal?: AbortSignal;
}

/** An action as the engine reads it: person columns as lower-case UPNs. */
export interface ActionRow {
  readonly id: string;
  readonly eTag: string | null;
  readonly webUrl: string | null;
  readonly ref: string;
  readonly title: string;
  readonly actionType: ActionType;
  readonly sourceType: ActionSourceType;
  readonly sourceItemId: number | null;
  readonly sourceRef: string | null;
  /** Schema key of the source's list (`nonconformities`), null for sources outside the registers. */
  readonly sourceRegister: string | null;
  readonly description: string | null;
  readonly assigneeId: string | null;
  /** The accountable person (the source's owner). */
  readonly ownerId: string | null;
  readonly dueDate: string | null;
  readonly priority: ActionPriority;
  readonly status: ActionStatus;
  readonly completedOn: string | null;
  readonly needsVerification: boolean;
  readonly verifiedById: string | null;
  readonly verifiedOn: string | null;
  readonly plannerTaskId: string | null;
  readonly plannerPlanId: string | null;
  readonly plannerETag: string | null;
  readonly lastSyncedAt: string | null;
  /** Derived: due before today and not Completed, Verified or Cancelled. */
  readonly overdue: boolean;
}

/** The action source type of each register that raises actions (schema key → SourceType). */
export const SOURCE_TYPE_BY_REGISTER: Readonly<Record<string, ActionSourceType>> = {
  nonconformities: 'Nonconformity',
  complaints: 'Complaint',
  risks: 'Risk',
  objectives: 'Objective',
  improvements: 'Improvement',
  audits: 'Audit',
  auditFindings: 'AuditFinding',
  managementReviews: 'ManagementReview',
  reviewOutputs: 'ReviewOutput',
  smsDocuments: 'ControlledDocument',
  supplierReviews: 'SupplierReview',
  continuityTests: 'ContinuityTest',
};

/** The register (schema key) of each source type; `Other` has none. */
export const REGISTER_BY_SOURCE_TYPE: Readonly<Partial<Record<ActionSourceType, string>>> = Object.fromEntries(
  Object.entries(SOURCE_TYPE_BY_REGISTER).map(([register, type]) => [type, register]),
);
