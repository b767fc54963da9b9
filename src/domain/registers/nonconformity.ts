/**
 * Nonconformity and corrective action (domain §4.3, §5.4 Nonconformity, clause 10.1; §6.3 rule 2):
 * when an NC's actions are done it moves on to the effectiveness check, and who may not verify it.
 */
import { personIn, samePerson } from './access.js';
import { refuse } from './refusals.js';
import type { LinkedAction, Refusal, Values } from './types.js';

/** Action types that make an NC's corrective action plan (§5.4: CorrectiveAction = Correction / Corrective action). */
export const CORRECTIVE_ACTION_TYPES: readonly string[] = ['Correction', 'Corrective action'];

/** The actions that count for an NC: every one not Cancelled. */
export function liveActions(actions: readonly LinkedAction[]): LinkedAction[] {
  return actions.filter((a) => a.status !== 'Cancelled');
}

/**
 * 'Effectiveness check' when the NC is in 'Actions in progress' and every linked action that is not
 * Cancelled (at least one) is Completed or Verified; otherwise null (no change). The app ('system')
 * makes that step, after a sync or when an action is completed.
 */
export function ncAfterActions(ncStatus: string, actions: readonly LinkedAction[]): 'Effectiveness check' | null {
  if (ncStatus !== 'Actions in progress') return null;
  const live = liveActions(actions);
  return live.length > 0 && live.every((a) => a.status === 'Completed' || a.status === 'Verified') ? 'Effectiveness check' : null;
}

/**
 * §6.3 rule 2: the NC's owner and the assignees of its (non-cancelled) actions may not verify its
 * effectiveness or close it. The refusal for `personId`, or null when they may.
 */
export function ncVerifierConflict(personId: string, values: Values, actions: readonly LinkedAction[]): Refusal | null {
  if (samePerson(personIn(values, 'Owner'), personId)) return refuse('ownerCannotVerify');
  if (liveActions(actions).some((a) => samePerson(a.assigneeId, personId))) return refuse('assigneeCannotVerify');
  return null;
}
