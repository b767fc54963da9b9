/**
 * Shapes the register rules work on (domain §5.3–§5.4, §6.2, §6.3): records as plain values with
 * people named by lower-case UPN, the person acting, the lifecycle as data, and the outcome of a
 * check (null = allowed, or one refusal whose text is the i18n key `registers.refusal.<code>`).
 *
 * The lifecycles themselves are data in graph/schema (`transitions` of each list schema), which the
 * domain may not import: callers pass them in (`TransitionInput.transitions`).
 */
import type { SmsRole } from '../roles.js';

/** The value of one column, as the register engine coerces it; person columns hold the person's lower-case UPN. */
export type Value = string | number | boolean | readonly string[] | null;
/** A record's values by column internal name (`Owner`, `ResidualScore`, …). */
export type Values = Readonly<Record<string, Value>>;

/** The person acting: lower-case UPN, SMS roles (from the role groups, §6.4) and the Processes item ids they own. */
export interface Actor {
  readonly id: string;
  readonly roles: readonly SmsRole[];
  readonly ownedProcessIds: readonly string[];
}

/** The app itself: the Planner sync and scheduled jobs (NC → Effectiveness check, Active → Expired at EndDate, …). */
export type SystemActor = 'system';

/** Why a change was refused. Stable codes (the table at the top of lifecycle.ts); the UI shows `registers.refusal.<code>`. */
export interface Refusal {
  readonly code: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

/** One permitted status change `from → to`, with who makes it (`by`) and its condition (`guard`), in words (graph/schema StatusTransition). */
export interface TransitionRule {
  readonly from: string;
  readonly to: string;
  readonly by: string;
  readonly guard?: string;
}

/** The SMS Settings the register rules read (keys `RiskAcceptance.OwnerMaxScore`, `RiskAcceptance.SmsManagerMaxScore`, `Improvement.CostThreshold`). */
export interface RegisterSettings {
  /** Highest residual risk score a risk owner may accept. */
  readonly ownerMaxScore: number;
  /** Highest residual risk score the SMS manager may accept; above it, top management only. */
  readonly smsManagerMaxScore: number;
  /** Highest improvement cost estimate the SMS manager may decide; above it, top management. */
  readonly improvementCostThreshold: number;
}

/**
 * The values the demo site seeds in SMS Settings (scripts/demo/data/people.ts). §5.4 gives an example
 * scale (≤ 6 owner, 8–12 SMS manager, ≥ 15 top management); the site's own SMS Settings win when read.
 */
export const DEFAULT_REGISTER_SETTINGS: RegisterSettings = Object.freeze({
  ownerMaxScore: 6,
  smsManagerMaxScore: 9,
  improvementCostThreshold: 5000,
});

/** An action whose source is the record being checked (Actions list: Status, AssignedTo as lower UPN, ActionType). */
export interface LinkedAction {
  readonly status: string;
  readonly assigneeId: string | null;
  readonly actionType: string;
}

/** A status change to check. */
export interface TransitionInput {
  /** Schema key of the register (`nonconformities`, `risks`, …). */
  readonly register: string;
  /** The register's lifecycle (its schema's `transitions`); empty for registers §5.4 gives none (see `IMPLICIT_TRANSITIONS`). */
  readonly transitions: readonly TransitionRule[];
  readonly from: string;
  readonly to: string;
  /** The record AFTER the change; person columns as lower-case UPN (Owner, VerifiedBy, …). */
  readonly values: Values;
  /** The person acting, or 'system' for the sync and jobs. */
  readonly actor: Actor | SystemActor;
  /** The reason the user gave; needed for rejections, cancellations, closures and blocks (§6.3 rule 6). */
  readonly reason?: string | null;
  readonly settings: RegisterSettings;
  /** Actions whose source is this record (NC plan and closure rules). */
  readonly linkedActions?: readonly LinkedAction[];
  /** Today's date `YYYY-MM-DD` in the site's time zone, for date guards (Expired at EndDate / ExpiresOn, objectives at period end). */
  readonly today?: string;
  /**
   * Competence records: the line manager (lower-case UPN) of the record's person. When not known,
   * the SMS manager acts as line manager / HR (§6.1 "Line manager / HR").
   */
  readonly lineManagerId?: string | null;
}

/** One problem with a record's values; the UI shows `registers.validation.<code>` with `params`. */
export interface FieldIssue {
  readonly column: string;
  readonly code: string;
  readonly params?: Readonly<Record<string, string | number>>;
}
