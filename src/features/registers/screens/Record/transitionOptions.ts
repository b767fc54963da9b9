/**
 * The transitions the record page offers: every status the lifecycle allows out of the current one,
 * each checked by the rules with the values the record would have after it (`transitionChanges`:
 * who and when, the effectiveness result a verifier records…). A transition the rules allow only with
 * a reason is offered with a required reason field; one they refuse even with a reason is explained.
 */
import { checkTransition, transitionsOf } from '../../../../domain/registers/lifecycle.js';
import type { LinkedAction, Refusal } from '../../../../domain/registers/types.js';
import type { RegisterRecord } from '../../../../platform/registers/index.js';
import { transitionChanges } from '../../api/transitionRecord.js';
import type { RegisterConfig } from '../../services/catalog.js';
import type { RegisterContext } from '../../services/context.js';
import { domainValues, statusOf } from '../../services/records.js';

export interface TransitionOption {
  readonly to: string;
  /** Why the signed-in user may not make it (with a reason given), or null. */
  readonly refusal: Refusal | null;
  /** The rules allow it only with a reason. */
  readonly needsReason: boolean;
}

export function transitionOptions(ctx: RegisterContext, config: RegisterConfig, record: RegisterRecord, linkedActions: readonly LinkedAction[] | undefined): TransitionOption[] {
  const from = statusOf(config, record);
  if (from === null) return [];
  const rules = config.schema.transitions ?? [];
  // Steps the app makes (by System: the Planner sync, the jobs) are listed too, explained as the app's.
  const targets = [...new Set(transitionsOf(config.key, rules).filter((r) => r.from === from && r.to !== from).map((r) => r.to))];
  return targets.map((to) => {
    const after = { ...record.values, ...transitionChanges(ctx, config, from, to, null) };
    const refusal = checkTransition({
      register: config.key,
      transitions: rules,
      from,
      to,
      values: domainValues(config, after, ctx.people),
      actor: ctx.actor,
      reason: null,
      settings: ctx.settings,
      linkedActions,
      today: ctx.today,
    });
    // The rules check the reason last: `reasonRequired` means "allowed once a reason is given".
    const needsReason = refusal?.code === 'reasonRequired';
    return { to, refusal: needsReason ? null : refusal, needsReason };
  });
}
