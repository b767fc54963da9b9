/**
 * An Action's own rules (domain §5.4 "CorrectiveAction and Action", §5.7 Planner mapping, §6.3 rules
 * 2 and 6): its lifecycle and who moves it, what Planner's progress means for its status, when it is
 * overdue, and who may change it.
 *
 * | From                              | To          | Who                                   | Needs                                  |
 * |-----------------------------------|-------------|---------------------------------------|----------------------------------------|
 * | Not started                       | In progress | assignee, or the app from Planner     |                                        |
 * | In progress                       | Completed   | assignee, or the app from Planner     |                                        |
 * | Not started / Blocked             | Completed   | the app from Planner (100 %)          | (Planner only: the task jumped to done) |
 * | In progress                       | Not started | the app from Planner (0 %)            |                                        |
 * | In progress                       | Blocked     | assignee                              | reason                                 |
 * | Blocked                           | In progress | assignee                              |                                        |
 * | Completed                         | Verified    | verifier ≠ assignee                   | NeedsVerification                      |
 * | Completed                         | In progress | verifier ≠ assignee (rejects evidence)| reason                                 |
 * | Not started / In progress / Blocked | Cancelled | SMS manager or source owner           | reason                                 |
 *
 * Verifier: the source's owner (the action's accountable person), an SMS manager or an internal
 * auditor (§6.2 "verify effectiveness / close NC"), never the assignee (§6.3 rule 2). The steps
 * made by the app are the ones the Planner sync carries over (progress only: §5.7), evidenced by the
 * task's server-stamped `completedBy`; the app never verifies, rejects, blocks or cancels.
 */
import { holds, isSystem, samePerson } from './access.js';
import { refuse } from './refusals.js';
import type { Actor, Refusal, SystemActor } from './types.js';

/** The Actions list's statuses (graph/schema/actions.ts ACTION_STATUSES, which the domain may not import). */
export const ACTION_STATUSES = ['Not started', 'In progress', 'Blocked', 'Completed', 'Verified', 'Cancelled'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** Statuses of an action someone still has to work on (Completed waits for verification, not for work). */
export const OPEN_ACTION_STATUSES: readonly ActionStatus[] = ['Not started', 'In progress', 'Blocked'];

/** Statuses no one changes any more (read-only). */
export const FINAL_ACTION_STATUSES: readonly ActionStatus[] = ['Verified', 'Cancelled'];

type Who = 'assignee' | 'verifier' | 'managerOrSourceOwner';

interface ActionStep {
  readonly from: ActionStatus;
  readonly to: ActionStatus;
  /** Who may make it in the app (null: only the app, from Planner). */
  readonly who: Who | null;
  /** The Planner sync may make it too. */
  readonly fromPlanner: boolean;
  readonly reason: boolean;
}

const step = (from: ActionStatus, to: ActionStatus, who: Who | null, fromPlanner: boolean, reason = false): ActionStep => ({ from, to, who, fromPlanner, reason });

/** Every step an action may take (the table above); graph/schema/actions.ts `transitions` plus the Planner-only steps. */
export const ACTION_STEPS: readonly ActionStep[] = [
  step('Not started', 'In progress', 'assignee', true),
  step('In progress', 'Completed', 'assignee', true),
  step('Not started', 'Completed', null, true),
  step('Blocked', 'Completed', null, true),
  step('In progress', 'Not started', null, true),
  step('In progress', 'Blocked', 'assignee', false, true),
  step('Blocked', 'In progress', 'assignee', false),
  step('Completed', 'Verified', 'verifier', false),
  step('Completed', 'In progress', 'verifier', false, true),
  step('Not started', 'Cancelled', 'managerOrSourceOwner', false, true),
  step('In progress', 'Cancelled', 'managerOrSourceOwner', false, true),
  step('Blocked', 'Cancelled', 'managerOrSourceOwner', false, true),
];

/** Whether the step `from → to` needs a reason (§6.3 rule 6: blocks, rejected evidence, cancellations). */
export function actionStepNeedsReason(from: string, to: string): boolean {
  return ACTION_STEPS.some((s) => s.from === from && s.to === to && s.reason);
}

/** True when `reason` has something in it besides spaces. */
export function hasReason(reason: string | null | undefined): boolean {
  return typeof reason === 'string' && reason.trim() !== '';
}

/** Due before `today` and still open (not Completed, Verified or Cancelled): §5.4 "Overdue is derived", never stored. */
export function isOverdue(a: { readonly status: string; readonly dueDate: string | null }, today: string): boolean {
  return a.dueDate !== null && a.dueDate < today && (OPEN_ACTION_STATUSES as readonly string[]).includes(a.status);
}

interface Sortable {
  readonly status: string;
  readonly dueDate: string | null;
  readonly ref?: string | null;
}

/** Comparator: overdue first, then by due date (none last), then by Ref. */
export function byOverdueFirst(today: string): (a: Sortable, b: Sortable) => number {
  return (a, b) => {
    const overdue = Number(isOverdue(b, today)) - Number(isOverdue(a, today));
    if (overdue !== 0) return overdue;
    if (a.dueDate !== b.dueDate) {
      if (a.dueDate === null) return 1;
      if (b.dueDate === null) return -1;
      return a.dueDate < b.dueDate ? -1 : 1;
    }
    return (a.ref ?? '').localeCompare(b.ref ?? '');
  };
}

/**
 * Planner progress → the action's status (Planner → SharePoint, progress only; §5.7); null = no
 * change. 0 % → Not started, 1–99 % → In progress, 100 % → Completed. Verified and Cancelled exist
 * only in SharePoint and Planner never changes them; Blocked stays Blocked below 100 % and becomes
 * Completed at 100 %; a Completed action is reopened only by its verifier rejecting the evidence
 * (SharePoint → Planner), never by Planner.
 */
export function progressFromPlanner(current: ActionStatus, percentComplete: number): ActionStatus | null {
  if (current === 'Verified' || current === 'Cancelled' || current === 'Completed') return null;
  if (percentComplete >= 100) return 'Completed';
  if (current === 'Blocked') return null;
  const next: ActionStatus = percentComplete <= 0 ? 'Not started' : 'In progress';
  return next === current ? null : next;
}

export interface ActionTransitionInput {
  readonly from: ActionStatus;
  readonly to: ActionStatus;
  readonly actor: Actor | SystemActor;
  /** Lower-case UPN of the action's assignee. */
  readonly assigneeId: string | null;
  /** Lower-case UPN of the source record's owner (the action's accountable person). */
  readonly sourceOwnerId: string | null;
  readonly needsVerification: boolean;
  readonly reason?: string | null;
}

function isVerifier(actor: Actor, sourceOwnerId: string | null): boolean {
  return samePerson(actor.id, sourceOwnerId) || holds(actor, 'smsManager', 'internalAuditor');
}

function isManagerOrSourceOwner(actor: Actor, sourceOwnerId: string | null): boolean {
  return samePerson(actor.id, sourceOwnerId) || holds(actor, 'smsManager');
}

/** The refusal for moving an action `from → to`, or null when the actor may (table at the top of this file). */
export function checkActionTransition(input: ActionTransitionInput): Refusal | null {
  const { from, to, actor } = input;
  const s = ACTION_STEPS.find((x) => x.from === from && x.to === to);
  if (!s) return refuse('transitionNotAllowed', { from, to });
  if (isSystem(actor)) return s.fromPlanner ? null : refuse('notSystemTransition', { from, to });
  if (s.who === null) return refuse('systemOnly', { from, to });
  const isAssignee = samePerson(actor.id, input.assigneeId);
  switch (s.who) {
    case 'assignee':
      if (!isAssignee) return refuse('notAssignee');
      break;
    case 'verifier':
      if (to === 'Verified' && !input.needsVerification) return refuse('verificationNotNeeded');
      if (isAssignee) return refuse('assigneeCannotVerify');
      if (!isVerifier(actor, input.sourceOwnerId)) return refuse('notVerifier');
      break;
    case 'managerOrSourceOwner':
      if (!isManagerOrSourceOwner(actor, input.sourceOwnerId)) return refuse('notManagerOrSourceOwner');
      break;
  }
  if (s.reason && !hasReason(input.reason)) return refuse('reasonRequired');
  return null;
}

/** The statuses `input.actor` may move an action to from `input.from`, each with its refusal (null = allowed). */
export function nextActionTransitions(input: Omit<ActionTransitionInput, 'to'>): { to: ActionStatus; refusal: Refusal | null }[] {
  return ACTION_STEPS.filter((s) => s.from === input.from && (isSystem(input.actor) ? s.fromPlanner : s.who !== null)).map((s) => ({
    to: s.to,
    refusal: checkActionTransition({ ...input, to: s.to }),
  }));
}

/** Fields of an action the app lets people change (SharePoint is master for them; §5.7). */
export type ActionField = 'assigneeId' | 'dueDate' | 'priority' | 'title' | 'description';

export interface ActionEditInput {
  readonly actor: Actor | SystemActor;
  readonly status: ActionStatus;
  readonly assigneeId: string | null;
  readonly sourceOwnerId: string | null;
  /** The fields that change. */
  readonly changed: readonly ActionField[];
  readonly reason?: string | null;
}

/**
 * Who may change an action: the source owner or an SMS manager change anything (re-assign, re-plan,
 * re-prioritise); the assignee only its description. Verified and Cancelled actions are read-only.
 * A due-date change needs a reason (§5.4 "moving target" actions, §6.3 rule 6). The app changes
 * none of these (Planner → SharePoint carries progress only).
 */
export function checkActionEdit(input: ActionEditInput): Refusal | null {
  const { actor, changed } = input;
  if (changed.length === 0) return null;
  if (isSystem(actor)) return refuse('notSystemTransition');
  if ((FINAL_ACTION_STATUSES as readonly string[]).includes(input.status)) return refuse('recordClosed', { status: input.status });
  if (!isManagerOrSourceOwner(actor, input.sourceOwnerId)) {
    const own = samePerson(actor.id, input.assigneeId);
    const other = changed.find((f) => f !== 'description');
    if (!own) return refuse('notManagerOrSourceOwner');
    if (other !== undefined) return refuse('columnNotEditable', { column: other });
  }
  if (changed.includes('dueDate') && !hasReason(input.reason)) return refuse('reasonRequired');
  return null;
}

/** Who may raise an action on a record: its owner, an SMS manager or top management. */
export function checkRaiseAction(input: { readonly actor: Actor; readonly sourceOwnerId: string | null }): Refusal | null {
  const { actor } = input;
  return samePerson(actor.id, input.sourceOwnerId) || holds(actor, 'smsManager', 'topManagement') ? null : refuse('cannotRaiseAction');
}
