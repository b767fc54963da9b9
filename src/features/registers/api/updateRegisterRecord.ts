/**
 * Edits a record's fields (not its status: that is `transitionRecord`). The rules decide who may edit
 * (`checkEdit`) and the values are validated before anything is sent; the write sends `If-Match` with
 * the eTag of the record as the user saw it, so a change someone made meanwhile answers 412 and
 * throws `GraphConflictError` (the screen explains it and keeps the input).
 */
import { checkEdit } from '../../../domain/registers/lifecycle.js';
import { updateRecord, type CellValue, type RegisterRecord } from '../../../platform/registers/index.js';
import { writeDepsOf, type RegisterContext } from '../services/context.js';
import { RegisterRefusalError } from '../services/errors.js';
import { domainValues } from '../services/records.js';
import { linkedActionsOf } from './transitionRecord.js';
import { assertValid, computedChanges, requireRegister, upnTwinChanges } from './shared.js';

export interface UpdateRegisterRecordInput {
  readonly register: string;
  /** The record as the user saw it (its eTag is sent as `If-Match`). */
  readonly record: RegisterRecord;
  /** The columns changed, as the engine writes them. Columns outside the register's form are ignored. */
  readonly changes: Readonly<Record<string, CellValue>>;
}

/** Throws `RecordValidationError` or `RegisterRefusalError` (nothing sent), `GraphConflictError` on a stale eTag. */
export async function updateRegisterRecord(ctx: RegisterContext, input: UpdateRegisterRecordInput, signal?: AbortSignal): Promise<RegisterRecord> {
  const config = requireRegister(input.register);
  const changes: Record<string, CellValue> = {};
  for (const name of config.formColumns) if (name in input.changes) changes[name] = input.changes[name] ?? null;
  Object.assign(changes, upnTwinChanges(config, changes, ctx.people));
  const after = { ...input.record.values, ...changes };
  assertValid(config, after);
  const linkedActions = await linkedActionsOf(ctx, config, input.record.id, signal);
  const refusal = checkEdit(config.key, domainValues(config, input.record.values, ctx.people), ctx.actor, { changed: Object.keys(changes), linkedActions });
  if (refusal) throw new RegisterRefusalError(refusal);
  const toWrite = { ...changes, ...computedChanges(config, after, ctx.settings, input.record.values) };
  if (Object.keys(toWrite).length === 0) return input.record;
  return updateRecord(ctx.client, ctx.site.siteId, config.schema, input.record, toWrite, writeDepsOf(ctx), { timeZone: ctx.timeZone, signal });
}
