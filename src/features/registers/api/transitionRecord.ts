/**
 * Moves a record to another status. The screen disables and explains what the rules refuse, but the
 * verb decides on the server's state: it reads the item fresh, asks the rules (`checkTransition`:
 * the transition exists, the actor may make it, its guard holds, segregation of duties) with the
 * values the record will have, and writes the status with what the transition records (who and when,
 * e.g. `VerifiedBy`/`VerifiedOn` on closing a nonconformity) with `If-Match` set to the eTag it just
 * read, and a `Transition` audit entry carrying the reason. A nonconformity's transitions also depend
 * on its corrective actions: they are read from Actions (`loadActionsOfSource`).
 */
import { checkTransition } from '../../../domain/registers/lifecycle.js';
import type { LinkedAction } from '../../../domain/registers/types.js';
import { loadActionsOfSource } from '../../../platform/actions/read.js';
import { updateRecord, type CellValue, type RegisterRecord } from '../../../platform/registers/index.js';
import { transitionWriteOf, type RegisterConfig } from '../services/catalog.js';
import { actionsContextOf, writeDepsOf, type RegisterContext } from '../services/context.js';
import { RegisterRefusalError } from '../services/errors.js';
import { domainValues, loadRecord, statusOf } from '../services/records.js';
import { computedChanges, requireRegister } from './shared.js';

export interface TransitionRecordInput {
  readonly register: string;
  readonly itemId: string;
  readonly to: string;
  /** Why (required by the rules for rejections, cancellations, closures…); kept in the audit entry. */
  readonly reason?: string | null;
}

/** The actions whose source is this record, as the rules read them (only registers whose records raise actions). */
export async function linkedActionsOf(ctx: RegisterContext, config: RegisterConfig, itemId: string, signal?: AbortSignal): Promise<LinkedAction[] | undefined> {
  if (config.sourceType !== 'Nonconformity') return undefined;
  const rows = await loadActionsOfSource(actionsContextOf(ctx, signal), config.sourceType, Number(itemId));
  return rows.map((a) => ({ status: a.status, assigneeId: a.assigneeId, actionType: a.actionType }));
}

/** The columns a transition writes: the status, who and when, fixed values and the reason. */
export function transitionChanges(ctx: Pick<RegisterContext, 'me' | 'today'>, config: RegisterConfig, from: string, to: string, reason: string | null): Record<string, CellValue> {
  const write = transitionWriteOf(config, from, to);
  const changes: Record<string, CellValue> = { [config.statusColumn!]: to, ...(write.set ?? {}) };
  for (const c of write.by ?? []) changes[c] = ctx.me.lookupId;
  for (const c of write.on ?? []) changes[c] = ctx.today;
  if (write.reasonColumn && reason) changes[write.reasonColumn] = reason;
  return changes;
}

/** Throws `RegisterRefusalError` (nothing written) when the rules refuse; `GraphConflictError` when the item changed between the read and the write. */
export async function transitionRecord(ctx: RegisterContext, input: TransitionRecordInput, signal?: AbortSignal): Promise<RegisterRecord> {
  const config = requireRegister(input.register);
  if (!config.statusColumn) throw new Error(`Register '${config.key}' has no lifecycle.`);
  const reason = input.reason?.trim() ? input.reason.trim() : null;
  const [fresh, linkedActions] = await Promise.all([loadRecord(ctx.client, ctx.site.siteId, config, input.itemId, ctx.timeZone, signal), linkedActionsOf(ctx, config, input.itemId, signal)]);
  const from = statusOf(config, fresh) ?? '';
  const changes = transitionChanges(ctx, config, from, input.to, reason);
  const after = { ...fresh.values, ...changes };
  const refusal = checkTransition({
    register: config.key,
    transitions: config.schema.transitions ?? [],
    from,
    to: input.to,
    values: domainValues(config, after, ctx.people),
    actor: ctx.actor,
    reason,
    settings: ctx.settings,
    linkedActions,
    today: ctx.today,
  });
  if (refusal) throw new RegisterRefusalError(refusal);
  const toWrite = { ...changes, ...computedChanges(config, after, ctx.settings, fresh.values) };
  return updateRecord(ctx.client, ctx.site.siteId, config.schema, fresh, toWrite, writeDepsOf(ctx), { comment: reason, timeZone: ctx.timeZone, signal });
}
