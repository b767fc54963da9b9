/**
 * Creates a register record: the form's values (only the register's form columns), the first status
 * of the lifecycle, the computed columns, validated with `validateRecord` before anything is sent;
 * then the engine writes the item with the next `Ref` from SMS Sequences and a `Created` audit entry.
 */
import { checkCreate } from '../../../domain/registers/lifecycle.js';
import { RegisterRefusalError } from '../services/errors.js';
import { domainValues } from '../services/records.js';
import { createRecord, type CellValue, type RegisterRecord } from '../../../platform/registers/index.js';
import { writeDepsOf, type RegisterContext } from '../services/context.js';
import { assertValid, computedChanges, requireRegister, upnTwinChanges } from './shared.js';

export interface CreateRegisterRecordInput {
  /** Schema key of the register (`nonconformities`). */
  readonly register: string;
  /** Column → value, as the engine writes them (person and lookup columns as lookup ids). */
  readonly values: Readonly<Record<string, CellValue>>;
}

/**
 * Throws `RecordValidationError` (nothing sent) when a value is not valid, `RegisterRefusalError` when the
 * user may not add records to the register (`checkCreate`, §6.2); the engine's errors
 * otherwise (a failed audit write leaves the item written: the error says so).
 */
export async function createRegisterRecord(ctx: RegisterContext, input: CreateRegisterRecordInput, signal?: AbortSignal): Promise<RegisterRecord> {
  const config = requireRegister(input.register);
  const values: Record<string, CellValue> = {};
  for (const name of config.formColumns) if (name in input.values) values[name] = input.values[name] ?? null;
  const initial = config.schema.statuses?.[0];
  if (config.statusColumn && initial) values[config.statusColumn] = initial;
  for (const c of config.createWrites.by) values[c] = ctx.me.lookupId;
  for (const c of config.createWrites.today) if (values[c] === null || values[c] === undefined) values[c] = ctx.today;
  Object.assign(values, upnTwinChanges(config, values, ctx.people));
  assertValid(config, values);
  const refusal = checkCreate(config.key, domainValues(config, values, ctx.people), ctx.actor);
  if (refusal) throw new RegisterRefusalError(refusal);
  const toWrite = { ...values, ...computedChanges(config, values, ctx.settings) };
  return createRecord(ctx.client, ctx.site.siteId, config.schema, toWrite, writeDepsOf(ctx), { timeZone: ctx.timeZone, signal });
}
