/**
 * Register lifecycles (domain §5.4), who may make each step and who may edit a record (§6.2
 * permission matrix), and the segregation-of-duty rules of §6.3 that apply to registers (2: the NC
 * owner and action assignees never verify or close the NC; 4: risk acceptance authority by residual
 * score; 6: reasons for rejections, cancellations, closures and blocks).
 *
 * The lifecycle is data (graph/schema `transitions`, passed in as `TransitionInput.transitions`): a
 * pair that is not listed is refused. A step whose `by` is `System` is made only by the app
 * ('system'); the app makes no other step. Registers §5.4 gives no lifecycle for (Interested
 * Parties) use `IMPLICIT_TRANSITIONS`. Actions have their own rules (actions.ts), which
 * `checkTransition` applies to the `actions` register.
 *
 * Refusal codes (`Refusal.code`; the UI shows `registers.refusal.<code>` with `params`):
 *
 * | Code                      | Params             | Meaning                                                                 |
 * |---------------------------|--------------------|-------------------------------------------------------------------------|
 * | transitionNotAllowed      | from, to           | The lifecycle has no such step                                          |
 * | systemOnly                | from, to           | Only the app makes this step (at a date, after a sync)                  |
 * | notSystemTransition       | from, to           | The app may not make this step: a person must                           |
 * | notOwner                  |                    | Only the record's owner (or, where §6.2 allows, an SMS manager)         |
 * | notSmsManager             |                    | Only an SMS manager                                                     |
 * | notTopManagement          |                    | Only top management                                                     |
 * | topManagementForMajor     |                    | A Major NC's plan is approved by top management                         |
 * | notServiceOwner           |                    | Only the service owner                                                  |
 * | notRelationshipManager    |                    | Only the supplier's relationship manager (or its owner)                 |
 * | notLineManager            |                    | Only the person's line manager (SMS manager when none is known)         |
 * | notPersonOrLineManager    |                    | Only the person or their line manager                                   |
 * | notVerifier               |                    | Only an SMS manager or internal auditor (actions: also the source owner) |
 * | notDecider                |                    | Only the SMS manager or top management decide improvements              |
 * | notAssignee               |                    | Only the action's assignee                                              |
 * | notManagerOrSourceOwner   |                    | Only an SMS manager or the source record's owner                        |
 * | cannotRaiseAction         |                    | Only the record's owner, an SMS manager or top management raise actions |
 * | ownerCannotVerify         |                    | §6.3 rule 2: the NC owner may not verify or close it                    |
 * | assigneeCannotVerify      |                    | §6.3 rule 2: an action assignee may not verify the NC or their action   |
 * | personCannotVerifyOwn     |                    | Nobody verifies their own competence evidence                           |
 * | acceptanceNeedsSmsManager | score, max         | §6.3 rule 4: residual above the owner's limit (`max`)                   |
 * | acceptanceNeedsTopManagement | score, max      | §6.3 rule 4: residual above the SMS manager's limit (`max`)             |
 * | decisionNeedsTopManagement | cost, threshold   | Improvement cost above the SMS manager's threshold                      |
 * | reasonRequired            |                    | §6.3 rule 6: give a reason                                              |
 * | fieldRequired             | column             | Fill in `column` (internal name; `registers.column.<column>`) first     |
 * | correctiveActionRequired  |                    | An NC plan needs at least one Correction / Corrective action            |
 * | actionsOpen               | open               | `open` linked actions are not Completed/Verified yet                    |
 * | closeNeedsEffective       |                    | An NC closes only with EffectivenessResult = Effective                  |
 * | reopenNeedsNotEffective   |                    | An NC reopens only with EffectivenessResult = Not effective             |
 * | notYetDue                 | date               | The step is possible from `date` on, not yet                            |
 * | targetNotMet              |                    | Achieved, but the current value misses the target                       |
 * | targetMet                 |                    | Not achieved, but the current value meets the target                    |
 * | targetAlreadyAchieved     |                    | Further action on an improvement whose target was achieved              |
 * | agreementEnded            | date               | An agreement past its EndDate cannot become Active again                |
 * | verificationNotNeeded     |                    | The action does not need verification                                   |
 * | recordClosed              | status             | The record is closed: read-only                                         |
 * | notEditor                 |                    | The actor may not edit this record (§6.2)                               |
 * | cannotCreate              |                    | The actor may not add records to this register (§6.2)                   |
 * | columnNotEditable         | column             | The actor may not change this column                                    |
 * | useTransition             | column             | The status changes only through a lifecycle step                        |
 * | assigneeNotInGroup        | person             | Actions engine: the assignee is not a member of the SMS group (Planner)  |
 */
import { addDays } from '../documents/dates.js';
import { filled, holds, isSystem, namedIn, numberIn, ownsProcessOf, personIn, samePerson, textIn } from './access.js';
import { actionStepNeedsReason, checkActionEdit, checkActionTransition, checkRaiseAction, hasReason, type ActionField, type ActionStatus } from './actions.js';
import { decisionAuthority } from './improvement.js';
import { ncAfterActions, ncVerifierConflict, CORRECTIVE_ACTION_TYPES, liveActions } from './nonconformity.js';
import { objectiveProgress } from './objectives.js';
import { acceptanceAuthority, authorityCovers, residualOf, type AcceptanceAuthority } from './risk.js';
import { refuse, type RefusalCode } from './refusals.js';
import type { Actor, LinkedAction, Refusal, TransitionInput, TransitionRule, Values } from './types.js';

/** The column holding a register's status (graph/schema `statusColumn`; Services use `LifecycleStatus`). */
export function statusColumnOf(register: string): string {
  return register === 'services' ? 'LifecycleStatus' : 'Status';
}

/**
 * Lifecycles for registers whose statuses §5.4 lists without transitions: an Interested Party goes
 * Inactive and back (its owner, relationship owner or an SMS manager).
 */
export const IMPLICIT_TRANSITIONS: Readonly<Record<string, readonly TransitionRule[]>> = {
  interestedParties: [
    { from: 'Active', to: 'Inactive', by: 'Owner' },
    { from: 'Inactive', to: 'Active', by: 'Owner' },
  ],
};

/** The lifecycle to apply: the declared transitions, or the implicit ones when none are declared. */
export function transitionsOf(register: string, declared: readonly TransitionRule[]): readonly TransitionRule[] {
  return declared.length > 0 ? declared : (IMPLICIT_TRANSITIONS[register] ?? []);
}

const REASON_STATUSES: readonly string[] = ['Rejected', 'Cancelled', 'Closed', 'Blocked', 'Withdrawn', 'Terminated'];

/**
 * Whether a step needs a reason (§6.3 rule 6): rejections, cancellations, withdrawals, terminations,
 * closures and blocks, any step whose guard says so, and an improvement's deferral (§4.4: decisions on
 * deferred opportunities are recorded too). Actions: see actions.ts.
 */
export function reasonRequired(register: string, rule: Pick<TransitionRule, 'from' | 'to' | 'guard'>): boolean {
  if (register === 'actions') return actionStepNeedsReason(rule.from, rule.to);
  return REASON_STATUSES.includes(rule.to) || /reason required/i.test(rule.guard ?? '') || (register === 'improvements' && rule.to === 'Deferred');
}

// ---------- steps ----------

interface Step {
  readonly input: TransitionInput;
  readonly rule: TransitionRule;
  readonly values: Values;
  /** The person acting; null when the app makes the step. */
  readonly person: Actor | null;
  readonly linked: readonly LinkedAction[];
}

type Rules = (s: Step) => Refusal | null;

const isSystemRule = (rule: TransitionRule) => rule.by.trim().toLowerCase() === 'system';
const stepIs = (s: Step, from: string | readonly string[], to: string | readonly string[]) =>
  (typeof from === 'string' ? [from] : from).includes(s.rule.from) && (typeof to === 'string' ? [to] : to).includes(s.rule.to);

/** The first of `columns` not filled in, as a refusal. */
function need(values: Values, ...columns: readonly string[]): Refusal | null {
  const missing = columns.find((c) => !filled(values[c]));
  return missing === undefined ? null : refuse('fieldRequired', { column: missing });
}

/** Runs checks in order; the first refusal wins. */
function first(...checks: readonly (() => Refusal | null)[]): Refusal | null {
  for (const check of checks) {
    const r = check();
    if (r) return r;
  }
  return null;
}

/** The actor is named in one of `columns`, or holds one of `roles`; otherwise `code`. */
function who(s: Step, columns: readonly string[], roles: readonly Actor['roles'][number][], code: RefusalCode): Refusal | null {
  const p = s.person;
  if (p && (namedIn(p, s.values, columns) || holds(p, ...roles))) return null;
  return refuse(code);
}

function role(s: Step, r: Actor['roles'][number], code: RefusalCode): Refusal | null {
  return s.person && holds(s.person, r) ? null : refuse(code);
}

/** `date` has come on `today` (`inclusive`: on the day itself). Unknown today = not yet. */
function dateReached(date: string | null, today: string | undefined, inclusive: boolean): boolean {
  if (!date || !today) return false;
  return inclusive ? today >= date : today > date;
}

const contextIssues: Rules = (s) => who(s, ['Owner'], ['smsManager'], 'notOwner');

const interestedParties: Rules = (s) => who(s, ['Owner', 'RelationshipOwner'], ['smsManager'], 'notOwner');

const services: Rules = (s) => {
  if (stepIs(s, 'Proposed', ['Approved', 'Rejected'])) return role(s, 'topManagement', 'notTopManagement');
  // Approved → … → Retired: the service owner, each step backed by an RFC reference (8.5.1.2).
  return first(
    () => who(s, ['ServiceOwner', 'Owner'], [], 'notServiceOwner'),
    () => need(s.values, 'ChangeRef'),
  );
};

const serviceAgreements: Rules = (s) => {
  const end = textIn(s.values, 'EndDate');
  if (stepIs(s, 'Active', 'Expired')) {
    // "At EndDate": the agreement runs through its end date and expires the day after.
    return first(
      () => need(s.values, 'EndDate'),
      () => (dateReached(end, s.input.today, false) ? null : refuse('notYetDue', { date: addDays(end!, 1) })),
    );
  }
  return first(
    () => who(s, ['Owner'], [], 'notOwner'),
    () => (s.rule.to === 'Active' ? need(s.values, 'StartDate') : null),
    () => (stepIs(s, 'Under review', 'Active') && end && s.input.today && end < s.input.today ? refuse('agreementEnded', { date: end }) : null),
  );
};

const suppliers: Rules = (s) =>
  first(
    () => who(s, ['RelationshipManager', 'Owner'], [], 'notRelationshipManager'),
    () => (stepIs(s, 'Under evaluation', ['Approved', 'Rejected']) ? need(s.values, 'SelectionEvidence') : null),
  );

/** The acceptance authority a person holds over this risk, or null when they have none. */
function riskAuthorityOf(actor: Actor, values: Values): AcceptanceAuthority | null {
  if (holds(actor, 'topManagement')) return 'topManagement';
  if (holds(actor, 'smsManager')) return 'smsManager';
  if (namedIn(actor, values, ['Owner']) || ownsProcessOf(actor, values)) return 'owner';
  return null;
}

function acceptRisk(s: Step): Refusal | null {
  const v = s.values;
  const residual = residualOf({
    likelihood: numberIn(v, 'Likelihood'),
    impact: numberIn(v, 'Impact'),
    residualLikelihood: numberIn(v, 'ResidualLikelihood'),
    residualImpact: numberIn(v, 'ResidualImpact'),
  });
  const held = s.person ? riskAuthorityOf(s.person, v) : null;
  if (held === null) return refuse('notOwner');
  if (residual === null) return need(v, 'Likelihood', 'Impact') ?? refuse('fieldRequired', { column: 'Likelihood' });
  const needed = acceptanceAuthority(residual, s.input.settings);
  if (authorityCovers(held, needed)) return null;
  return needed === 'topManagement'
    ? refuse('acceptanceNeedsTopManagement', { score: residual, max: s.input.settings.smsManagerMaxScore })
    : refuse('acceptanceNeedsSmsManager', { score: residual, max: s.input.settings.ownerMaxScore });
}

const risks: Rules = (s) => {
  if (s.rule.to === 'Closed') return role(s, 'smsManager', 'notSmsManager');
  if (stepIs(s, 'Assessed', 'Accepted')) return acceptRisk(s);
  const owner = s.person && (namedIn(s.person, s.values, ['Owner']) || ownsProcessOf(s.person, s.values) || holds(s.person, 'smsManager'));
  if (!owner) return refuse('notOwner');
  if (stepIs(s, 'Identified', 'Assessed')) return need(s.values, 'Likelihood', 'Impact');
  if (stepIs(s, 'Assessed', 'Treatment planned')) return need(s.values, 'TreatmentOption');
  if (stepIs(s, 'Treatment in progress', 'Monitoring')) return need(s.values, 'ResidualLikelihood', 'ResidualImpact');
  return null;
};

function evaluateObjective(s: Step): Refusal | null {
  const v = s.values;
  const due = textIn(v, 'DueDate');
  return first(
    () => role(s, 'smsManager', 'notSmsManager'),
    () => need(v, 'CurrentValue'),
    // "At period end": the objective's due date.
    () => (due && s.input.today && s.input.today < due ? refuse('notYetDue', { date: due }) : null),
    () => {
      const { met } = objectiveProgress({
        baseline: numberIn(v, 'Baseline'),
        target: numberIn(v, 'Target'),
        current: numberIn(v, 'CurrentValue'),
        direction: textIn(v, 'Direction'),
      });
      if (met === false && s.rule.to === 'Achieved') return refuse('targetNotMet');
      if (met === true && s.rule.to === 'Not achieved') return refuse('targetMet');
      return null;
    },
  );
}

const objectives: Rules = (s) => {
  if (stepIs(s, 'Draft', 'Approved')) return first(() => role(s, 'topManagement', 'notTopManagement'), () => need(s.values, 'Owner', 'Target', 'DueDate'));
  if (s.rule.to === 'Withdrawn') return role(s, 'topManagement', 'notTopManagement');
  if (stepIs(s, 'Active', ['Achieved', 'Not achieved'])) return evaluateObjective(s);
  if (s.rule.to === 'Closed') return role(s, 'smsManager', 'notSmsManager');
  // Approved → Active, Active → Revised: the owner (or an SMS manager, who edits objectives: §6.2).
  return s.person && (namedIn(s.person, s.values, ['Owner']) || ownsProcessOf(s.person, s.values) || holds(s.person, 'smsManager')) ? null : refuse('notOwner');
}

/** §6.3 rule 2 for the actor and for the person recorded as verifier. */
function verifierConflict(s: Step): Refusal | null {
  const verifiedBy = personIn(s.values, 'VerifiedBy');
  return ncVerifierConflict(s.person!.id, s.values, s.linked) ?? (verifiedBy ? ncVerifierConflict(verifiedBy, s.values, s.linked) : null);
}

const nonconformities: Rules = (s) => {
  const v = s.values;
  if (stepIs(s, 'Actions in progress', 'Effectiveness check')) {
    if (ncAfterActions(s.rule.from, s.linked)) return null;
    const live = liveActions(s.linked);
    return refuse('actionsOpen', { open: live.length === 0 ? 0 : live.filter((a) => a.status !== 'Completed' && a.status !== 'Verified').length });
  }
  if (stepIs(s, 'Effectiveness check', ['Closed', 'Root cause analysis'])) {
    const result = textIn(v, 'EffectivenessResult');
    return first(
      () => (s.person && namedIn(s.person, v, ['Owner']) ? refuse('ownerCannotVerify') : null),
      () => (s.person && holds(s.person, 'smsManager', 'internalAuditor') ? null : refuse('notVerifier')),
      () => verifierConflict(s),
      () => need(v, 'EffectivenessResult'),
      () => (s.rule.to === 'Closed' && result !== 'Effective' ? refuse('closeNeedsEffective') : null),
      () => (s.rule.to === 'Root cause analysis' && result !== 'Not effective' ? refuse('reopenNeedsNotEffective') : null),
    );
  }
  if (stepIs(s, 'Action planned', 'Actions in progress')) {
    if (textIn(v, 'Grade') === 'Major') return role(s, 'topManagement', 'topManagementForMajor');
    return s.person && holds(s.person, 'smsManager', 'topManagement') ? null : refuse('notSmsManager');
  }
  if (stepIs(s, 'Containment', 'Root cause analysis')) return first(() => who(s, ['Owner'], [], 'notOwner'), () => need(v, 'Correction'));
  if (stepIs(s, 'Root cause analysis', 'Action planned')) {
    return first(
      () => who(s, ['Owner'], [], 'notOwner'),
      () => need(v, 'RootCause', 'ExtentOfCondition', 'EffectivenessCriteria'),
      () => (liveActions(s.linked).some((a) => CORRECTIVE_ACTION_TYPES.includes(a.actionType)) ? null : refuse('correctiveActionRequired')),
    );
  }
  // Reported → Under review → Rejected | Containment: the SMS manager classifies (§4.3 step 2).
  return first(
    () => role(s, 'smsManager', 'notSmsManager'),
    () => (stepIs(s, 'Under review', 'Containment') ? need(v, 'Grade', 'Owner') : null),
  );
};

function decideImprovement(s: Step): Refusal | null {
  const v = s.values;
  const p = s.person;
  if (!p || !holds(p, 'smsManager', 'topManagement')) return refuse('notDecider');
  return first(
    () => need(v, 'AlignedObjective'),
    () => (s.rule.to === 'Approved' ? need(v, 'CostEstimate') : null),
    () => {
      const cost = numberIn(v, 'CostEstimate') ?? 0;
      const threshold = s.input.settings.improvementCostThreshold;
      if (holds(p, 'topManagement') || decisionAuthority(cost, s.input.settings) === 'smsManager') return null;
      return refuse('decisionNeedsTopManagement', { cost, threshold });
    },
  );
}

const improvements: Rules = (s) => {
  if (stepIs(s, ['Logged', 'Deferred'], 'Under evaluation')) return role(s, 'smsManager', 'notSmsManager');
  if (stepIs(s, 'Under evaluation', ['Approved', 'Rejected', 'Deferred'])) return decideImprovement(s);
  // Approved → In progress → Implemented → Measured → Closed, Measured → In progress: the owner.
  return first(
    () => who(s, ['Owner'], ['smsManager'], 'notOwner'),
    () => (stepIs(s, 'Approved', 'In progress') ? need(s.values, 'Owner') : null),
    () => (stepIs(s, 'Implemented', 'Measured') ? need(s.values, 'ResultValue', 'TargetAchieved') : null),
    () => (stepIs(s, 'Measured', 'In progress') && textIn(s.values, 'TargetAchieved') === 'Yes' ? refuse('targetAlreadyAchieved') : null),
  );
};

/** The line manager of the record's person; the SMS manager stands in as HR when none is known (§6.1). */
function isLineManager(s: Step): boolean {
  const p = s.person;
  if (!p) return false;
  const manager = s.input.lineManagerId;
  return manager ? samePerson(p.id, manager) : holds(p, 'smsManager');
}

const competenceRecords: Rules = (s) => {
  const v = s.values;
  if (stepIs(s, 'Valid', 'Expired')) {
    const expires = textIn(v, 'ExpiresOn');
    return first(
      () => need(v, 'ExpiresOn'),
      () => (dateReached(expires, s.input.today, true) ? null : refuse('notYetDue', { date: expires! })),
    );
  }
  if (stepIs(s, 'Valid', 'Superseded')) return null;
  if (stepIs(s, 'Planned', 'In progress')) {
    return s.person && (namedIn(s.person, v, ['Person', 'PersonUPN']) || isLineManager(s)) ? null : refuse('notPersonOrLineManager');
  }
  // In progress → Valid | Not achieved: the line manager verifies the evidence, never their own.
  const verifiedBy = personIn(v, 'VerifiedBy');
  return first(
    () => (s.person && namedIn(s.person, v, ['Person', 'PersonUPN']) ? refuse('personCannotVerifyOwn') : null),
    () => (isLineManager(s) ? null : refuse('notLineManager')),
    () => (verifiedBy && (samePerson(verifiedBy, personIn(v, 'Person')) || samePerson(verifiedBy, personIn(v, 'PersonUPN'))) ? refuse('personCannotVerifyOwn') : null),
    () => (s.rule.to === 'Valid' ? need(v, 'CompletedOn') : null),
  );
};

/** Registers without rules of their own: `Owner` steps by the owner or an SMS manager, the rest by an SMS manager. */
const fallback: Rules = (s) => (/owner/i.test(s.rule.by) ? who(s, ['Owner'], ['smsManager'], 'notOwner') : role(s, 'smsManager', 'notSmsManager'));

const RULES: Readonly<Record<string, Rules>> = {
  contextIssues,
  interestedParties,
  services,
  serviceAgreements,
  suppliers,
  risks,
  objectives,
  nonconformities,
  improvements,
  competenceRecords,
};

/** An `actions` record as the actions rules see it (AssignedTo, Owner = the source's owner, NeedsVerification). */
function actionOf(values: Values) {
  return {
    assigneeId: personIn(values, 'AssignedTo') ?? personIn(values, 'AssignedToUPN'),
    sourceOwnerId: personIn(values, 'Owner') ?? personIn(values, 'Accountable'),
    needsVerification: values.NeedsVerification === true,
  };
}

/**
 * The refusal for moving a record `from → to`, or null when the actor may. In order: the step must
 * exist in the lifecycle; System steps are the app's and only those; then who may make it (§6.2) and
 * the segregation of duties (§6.3); then the step's guard on the record after the change; last, the
 * reason (§6.3 rule 6), so a `reasonRequired` refusal means "allowed once a reason is given".
 */
export function checkTransition(input: TransitionInput): Refusal | null {
  const { register, from, to, actor } = input;
  if (register === 'actions') {
    return checkActionTransition({ from: from as ActionStatus, to: to as ActionStatus, actor, reason: input.reason ?? null, ...actionOf(input.values) });
  }
  const rule = from === to ? undefined : transitionsOf(register, input.transitions).find((t) => t.from === from && t.to === to);
  if (!rule) return refuse('transitionNotAllowed', { from, to });
  const system = isSystemRule(rule);
  if (system && !isSystem(actor)) return refuse('systemOnly', { from, to });
  if (!system && isSystem(actor)) return refuse('notSystemTransition', { from, to });
  const step: Step = { input, rule, values: input.values, person: isSystem(actor) ? null : actor, linked: input.linkedActions ?? [] };
  const refusal = (RULES[register] ?? fallback)(step);
  if (refusal) return refusal;
  if (!system && reasonRequired(register, rule) && !hasReason(input.reason)) return refuse('reasonRequired');
  return null;
}

/**
 * The steps out of `input.from` (in lifecycle order, each target once) with the refusal the actor
 * would get (null = allowed) and whether a reason must be given. A person is offered the steps
 * people make, the app the System steps.
 */
export function nextTransitions(input: Omit<TransitionInput, 'to'>): { to: string; refusal: Refusal | null; needsReason: boolean }[] {
  const system = isSystem(input.actor);
  if (input.register === 'actions') {
    const action = actionOf(input.values);
    const targets = ['Not started', 'In progress', 'Blocked', 'Completed', 'Verified', 'Cancelled'] as const;
    return targets
      .map((to) => ({ to, refusal: checkActionTransition({ from: input.from as ActionStatus, to, actor: input.actor, reason: input.reason ?? null, ...action }) }))
      .filter((t) => t.refusal?.code !== 'transitionNotAllowed' && t.refusal?.code !== (system ? 'notSystemTransition' : 'systemOnly'))
      .map((t) => ({ ...t, needsReason: reasonRequired('actions', { from: input.from, to: t.to }) }));
  }
  const seen = new Set<string>();
  const out: { to: string; refusal: Refusal | null; needsReason: boolean }[] = [];
  for (const rule of transitionsOf(input.register, input.transitions)) {
    if (rule.from !== input.from || rule.from === rule.to || seen.has(rule.to) || isSystemRule(rule) !== system) continue;
    seen.add(rule.to);
    out.push({ to: rule.to, refusal: checkTransition({ ...input, to: rule.to }), needsReason: !system && reasonRequired(input.register, rule) });
  }
  return out;
}

// ---------- editing ----------

/** Statuses in which a record is closed and read-only, per register. */
export const CLOSED_STATUSES: Readonly<Record<string, readonly string[]>> = {
  contextIssues: ['Closed'],
  services: ['Retired', 'Rejected'],
  serviceAgreements: ['Expired', 'Terminated'],
  suppliers: ['Rejected', 'Terminated'],
  risks: ['Closed'],
  objectives: ['Closed', 'Withdrawn'],
  nonconformities: ['Closed', 'Rejected'],
  improvements: ['Closed', 'Rejected'],
  competenceRecords: ['Expired', 'Superseded', 'Not achieved'],
  actions: ['Verified', 'Cancelled'],
};

/**
 * Columns only a lifecycle step writes (who accepted, decided, approved, verified, when; who raised
 * or submitted the record), never a plain edit: they are the record's evidence.
 */
export const STEP_COLUMNS: readonly string[] = [
  'Ref',
  'AcceptedBy',
  'AcceptedOn',
  'Decision',
  'DecisionBy',
  'DecisionOn',
  'PlanApprovedBy',
  'PlanApprovedOn',
  'VerifiedBy',
  'VerifiedOn',
  'ApprovedBy',
  'ApprovedOn',
  'ClosedOn',
  'RaisedBy',
  'SubmittedBy',
];

/** Columns the app computes (derive.ts): recomputed on every write, so a change to them is not an edit. */
export const DERIVED_COLUMNS: readonly string[] = ['InherentScore', 'ResidualScore', 'WithinAcceptance', 'PriorityScore'];

const NC_REPORT_COLUMNS = ['Title', 'Source', 'SourceRef', 'RequirementText', 'Evidence', 'Services', 'Process', 'PrimaryClause', 'ClauseRefs', 'RaisedOn'];
const NC_OWNER_COLUMNS = [
  'Correction',
  'CorrectionDoneOn',
  'Consequences',
  'RootCauseMethod',
  'RootCause',
  'ExtentOfCondition',
  'DueDate',
  'EffectivenessCriteria',
  'EffectivenessCheckDate',
  'SMSChangeNeeded',
  'ChangeRef',
];
const NC_VERIFIER_COLUMNS = ['EffectivenessResult'];
const NC_OWNER_STATUSES = ['Containment', 'Root cause analysis', 'Action planned', 'Actions in progress'];
const IMPROVEMENT_REPORT_COLUMNS = ['Title', 'Source', 'SourceRef', 'Services', 'Process', 'PrimaryClause', 'ClauseRefs', 'LoggedOn'];
const IMPROVEMENT_EVALUATION_COLUMNS = ['AlignedObjective', 'AlignmentRationale', 'BenefitScore', 'RiskReductionScore', 'CustomerImpactScore', 'EffortScore', 'CostEstimate'];
const IMPROVEMENT_OWNER_COLUMNS = ['TargetDimensions', 'Baseline', 'TargetValue', 'DueDate', 'ChangeRef', 'ResultValue', 'TargetAchieved'];
const OBJECTIVE_PROGRESS_COLUMNS = ['CurrentValue', 'RAG'];
const COMPETENCE_EVIDENCE_COLUMNS = ['EvidenceType', 'Provider', 'CompletedOn', 'ExpiresOn', 'EvidenceDoc'];

/** What an actor may change on a record: every column (`all`) or the ones listed, never those in `except`. */
export interface EditScope {
  readonly all: boolean;
  readonly columns: readonly string[];
  readonly except: readonly string[];
  /** Why the actor may change nothing; absent when they may change something. */
  readonly refusal?: Refusal;
}

export interface EditOptions {
  /** The columns that change (internal names); without it, the check is whether the actor may edit the record at all. */
  readonly changed?: readonly string[];
  /** Nonconformities: the NC's actions (§6.3 rule 2 for EffectivenessResult). */
  readonly linkedActions?: readonly LinkedAction[];
  /** Competence records: the person's line manager (see TransitionInput.lineManagerId). */
  readonly lineManagerId?: string | null;
  /** Actions: the reason for a due-date change. */
  readonly reason?: string | null;
}

type Grant = 'all' | readonly string[];

function grantsFor(register: string, v: Values, actor: Actor, opts: EditOptions): Grant[] {
  const grants: Grant[] = [];
  const grant = (ok: boolean, g: Grant) => {
    if (ok) grants.push(g);
  };
  const status = textIn(v, statusColumnOf(register));
  const owner = namedIn(actor, v, ['Owner']);
  switch (register) {
    case 'contextIssues':
      grant(owner || holds(actor, 'smsManager', 'processOwner'), 'all');
      break;
    case 'interestedParties':
      grant(namedIn(actor, v, ['Owner', 'RelationshipOwner']) || holds(actor, 'smsManager', 'processOwner'), 'all');
      break;
    case 'risks':
      grant(owner || ownsProcessOf(actor, v) || holds(actor, 'smsManager'), 'all');
      break;
    case 'objectives':
      grant(holds(actor, 'smsManager', 'topManagement'), 'all');
      grant(owner || ownsProcessOf(actor, v), OBJECTIVE_PROGRESS_COLUMNS);
      break;
    case 'services':
      grant(namedIn(actor, v, ['Owner', 'ServiceOwner']), 'all');
      break;
    case 'serviceAgreements':
      grant(owner, 'all');
      break;
    case 'suppliers':
      grant(namedIn(actor, v, ['Owner', 'RelationshipManager']), 'all');
      break;
    case 'nonconformities':
      grant(holds(actor, 'smsManager'), 'all');
      grant(owner && status !== null && NC_OWNER_STATUSES.includes(status), NC_OWNER_COLUMNS);
      grant(namedIn(actor, v, ['RaisedBy']) && status === 'Reported', NC_REPORT_COLUMNS);
      grant(holds(actor, 'internalAuditor') && status === 'Effectiveness check', NC_VERIFIER_COLUMNS);
      break;
    case 'improvements':
      grant(holds(actor, 'smsManager', 'topManagement'), 'all');
      grant(owner, IMPROVEMENT_OWNER_COLUMNS);
      grant(holds(actor, 'processOwner') && ['Logged', 'Under evaluation', 'Deferred'].includes(status ?? ''), IMPROVEMENT_EVALUATION_COLUMNS);
      grant(namedIn(actor, v, ['SubmittedBy']) && status === 'Logged', IMPROVEMENT_REPORT_COLUMNS);
      break;
    case 'competenceRecords': {
      const manager = opts.lineManagerId ? samePerson(actor.id, opts.lineManagerId) : holds(actor, 'smsManager');
      const self = namedIn(actor, v, ['Person', 'PersonUPN']);
      grant(manager && !self, 'all');
      grant(self && (status === 'Planned' || status === 'In progress'), COMPETENCE_EVIDENCE_COLUMNS);
      break;
    }
    case 'roleCompetenceRequirements':
      grant(holds(actor, 'processOwner', 'smsManager'), 'all');
      break;
    default:
      grant(owner || holds(actor, 'smsManager'), 'all');
  }
  return grants;
}

/**
 * What `actor` may change on a record with these values (§6.2): closed records are read-only; the
 * status column changes only through a step; `STEP_COLUMNS` only through steps; the NC owner and
 * action assignees never record its effectiveness (§6.3 rule 2).
 */
export function editScope(register: string, values: Values, actor: Actor, opts: EditOptions = {}): EditScope {
  const statusColumn = statusColumnOf(register);
  const except = [statusColumn, ...STEP_COLUMNS];
  const none = (refusal: Refusal): EditScope => ({ all: false, columns: [], except, refusal });
  const status = textIn(values, statusColumn);
  if (status !== null && (CLOSED_STATUSES[register] ?? []).includes(status)) return none(refuse('recordClosed', { status }));
  if (register === 'nonconformities' && ncVerifierConflict(actor.id, values, opts.linkedActions ?? [])) except.push(...NC_VERIFIER_COLUMNS);
  const grants = grantsFor(register, values, actor, opts);
  if (grants.length === 0) return none(refuse('notEditor'));
  const all = grants.includes('all');
  const columns = all ? [] : [...new Set(grants.flatMap((g) => (g === 'all' ? [] : g)))];
  return { all, columns: columns.filter((c) => !except.includes(c)), except };
}

/** True when the scope lets the column change. */
export function mayEditColumn(scope: EditScope, column: string): boolean {
  if (scope.refusal || scope.except.includes(column)) return false;
  return scope.all || scope.columns.includes(column);
}

const ACTION_FIELD_BY_COLUMN: Readonly<Record<string, ActionField>> = {
  AssignedTo: 'assigneeId',
  AssignedToUPN: 'assigneeId',
  DueDate: 'dueDate',
  Priority: 'priority',
  Title: 'title',
  Description: 'description',
};

/**
 * Who may edit a record's non-status fields (§6.2): the refusal, or null when the actor may. With
 * `opts.changed`, every changed column must be one the actor may change (derived columns are
 * recomputed and pass); without it, the check is whether they may edit the record at all.
 */
export function checkEdit(register: string, values: Values, actor: Actor, opts: EditOptions = {}): Refusal | null {
  if (register === 'actions') {
    const changed = opts.changed ?? ['Description'];
    const other = changed.find((c) => !(c in ACTION_FIELD_BY_COLUMN));
    if (other !== undefined && other === 'Status') return refuse('useTransition', { column: other });
    const status = (textIn(values, 'Status') ?? 'Not started') as ActionStatus;
    const refusal = checkActionEdit({ actor, status, ...actionOf(values), changed: [...new Set(changed.flatMap((c) => (c in ACTION_FIELD_BY_COLUMN ? [ACTION_FIELD_BY_COLUMN[c]!] : [])))], reason: opts.reason ?? null });
    if (refusal) return refusal;
    return other === undefined ? null : refuse('columnNotEditable', { column: other });
  }
  const scope = editScope(register, values, actor, opts);
  if (scope.refusal?.code === 'recordClosed') return scope.refusal;
  if (register === 'nonconformities' && (opts.changed ?? []).some((c) => NC_VERIFIER_COLUMNS.includes(c))) {
    // §6.3 rule 2: recording the effectiveness result is verifying it.
    const conflict = ncVerifierConflict(actor.id, values, opts.linkedActions ?? []);
    if (conflict) return conflict;
  }
  if (scope.refusal) return scope.refusal;
  for (const column of opts.changed ?? []) {
    if (DERIVED_COLUMNS.includes(column)) continue;
    if (column === statusColumnOf(register)) return refuse('useTransition', { column });
    if (!mayEditColumn(scope, column)) return refuse('columnNotEditable', { column });
  }
  return null;
}

/**
 * Who may add a record to a register (§6.2): anyone raises a nonconformity, logs an improvement or
 * proposes a risk; context issues and interested parties are kept by SMS managers and process owners;
 * objectives are set by SMS managers and top management; services, agreements and suppliers by their
 * (process or service) owners; competence evidence by the person themselves or their line manager;
 * actions by the source's owner, SMS managers or top management.
 */
export function checkCreate(register: string, values: Values, actor: Actor, opts: Pick<EditOptions, 'lineManagerId'> = {}): Refusal | null {
  const ok = (b: boolean) => (b ? null : refuse('cannotCreate'));
  switch (register) {
    case 'nonconformities':
    case 'improvements':
    case 'risks':
      // §6.2 lets every employee report these, but the registers are Read for all staff on the site (provisioning):
      // whoever holds an SMS role records them; a member of staff without one reports to them.
      return actor.roles.some((r) => r !== 'employee') ? null : refuse('reportToSmsTeam');
    case 'contextIssues':
    case 'interestedParties':
      return ok(holds(actor, 'smsManager', 'processOwner'));
    case 'objectives':
      return ok(holds(actor, 'smsManager', 'topManagement'));
    case 'services':
    case 'serviceAgreements':
    case 'suppliers':
      return ok(holds(actor, 'processOwner'));
    case 'competenceRecords': {
      const manager = opts.lineManagerId ? samePerson(actor.id, opts.lineManagerId) : holds(actor, 'smsManager');
      return ok(namedIn(actor, values, ['Person', 'PersonUPN']) || manager);
    }
    case 'roleCompetenceRequirements':
      return ok(holds(actor, 'processOwner', 'smsManager'));
    case 'actions':
      return checkRaiseAction({ actor, sourceOwnerId: actionOf(values).sourceOwnerId });
    default:
      return ok(holds(actor, 'smsManager'));
  }
}
