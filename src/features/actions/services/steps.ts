/**
 * The steps the action page offers on one action, asked of the action rules (src/domain/registers
 * `nextActionTransitions`, `checkActionEdit`) for the signed-in person. Progress itself (Not started →
 * In progress → Completed) is made in Planner and comes back by the sync, so it is not a step here.
 */
import type { ActionStatus } from '../../../../graph/schema/actions.js';
import { actionStepNeedsReason, checkActionEdit, checkActionTransition, nextActionTransitions, type ActionField } from '../../../domain/registers/actions.js';
import type { Actor, Refusal } from '../../../domain/registers/types.js';
import type { ActionRow } from '../../../platform/actions/types.js';

export type TransitionStep = 'verify' | 'rejectEvidence' | 'block' | 'unblock' | 'cancel';
export type ChangeStep = 'changeDueDate' | 'changeAssignee';
export type StepKind = TransitionStep | ChangeStep;

/** Statuses in which an action is still worked on, so its due date and assignee may change. */
const OPEN: readonly ActionStatus[] = ['Not started', 'In progress', 'Blocked'];

/** The step of each lifecycle move the page offers (the others are Planner's). */
function stepOf(from: string, to: string): TransitionStep | null {
  if (from === 'Completed' && to === 'Verified') return 'verify';
  if (from === 'Completed' && to === 'In progress') return 'rejectEvidence';
  if (to === 'Blocked') return 'block';
  if (from === 'Blocked' && to === 'In progress') return 'unblock';
  if (to === 'Cancelled') return 'cancel';
  return null;
}

/** The field a change step changes. */
const CHANGED: Readonly<Record<ChangeStep, ActionField>> = { changeDueDate: 'dueDate', changeAssignee: 'assigneeId' };

export interface OfferedStep {
  readonly kind: StepKind;
  /** The status the step moves the action to (none for a change of due date or assignee). */
  readonly to: ActionStatus | null;
  /**
   * Whether the step asks for a reason: the rules' (§6.3 rule 6: blocks, rejected evidence, cancellations, a
   * changed due date), and a changed assignee, whose reason goes to the action's history too.
   */
  readonly needsReason: boolean;
  /** Why the signed-in person may not take the step whatever they type, or null. */
  readonly refusal: Refusal | null;
}

/** A stand-in reason, so that the up-front check answers about who and when, not about the reason not typed yet. */
const SOME_REASON = '-';

/** The rules' answer for moving `row` to `to`, as `actor`, giving `reason`. */
export function transitionRefusal(row: ActionRow, to: ActionStatus, actor: Actor, reason: string | null): Refusal | null {
  return checkActionTransition({ from: row.status, to, actor, assigneeId: row.assigneeId, sourceOwnerId: row.ownerId, needsVerification: row.needsVerification, reason });
}

/** The rules' answer for changing `row`'s due date or assignee, as `actor`, giving `reason`. */
export function changeRefusal(row: ActionRow, step: ChangeStep, actor: Actor, reason: string | null): Refusal | null {
  return checkActionEdit({ actor, status: row.status, assigneeId: row.assigneeId, sourceOwnerId: row.ownerId, changed: [CHANGED[step]], reason });
}

/** The steps offered on `row` to `actor`, each with the rules' refusal when they may not take it. */
export function offeredSteps(row: ActionRow, actor: Actor): OfferedStep[] {
  const out: OfferedStep[] = [];
  for (const next of nextActionTransitions({ from: row.status, actor, assigneeId: row.assigneeId, sourceOwnerId: row.ownerId, needsVerification: row.needsVerification })) {
    const kind = stepOf(row.status, next.to);
    if (!kind || out.some((s) => s.kind === kind)) continue;
    // An action that needs no verification is not verified: Completed is its end.
    if (kind === 'verify' && !row.needsVerification) continue;
    const needsReason = actionStepNeedsReason(row.status, next.to);
    out.push({ kind, to: next.to, needsReason, refusal: transitionRefusal(row, next.to, actor, needsReason ? SOME_REASON : null) });
  }
  if (OPEN.includes(row.status)) {
    for (const kind of ['changeDueDate', 'changeAssignee'] as const) out.push({ kind, to: null, needsReason: true, refusal: changeRefusal(row, kind, actor, SOME_REASON) });
  }
  return out;
}
