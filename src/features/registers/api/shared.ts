/** Steps the register verbs share: finding the register, validating values and adding the computed columns. */
import { deriveValues } from '../../../domain/registers/derive.js';
import type { RegisterSettings } from '../../../domain/registers/types.js';
import type { CellValue } from '../../../platform/registers/index.js';
import { validateRecord } from '../../../platform/registers/validation.js';
import type { PeopleDirectory } from '../../../platform/people.js';
import { registerConfig, upnTwinsOf, type RegisterConfig } from '../services/catalog.js';
import { RecordValidationError } from '../services/errors.js';

/** The register of a schema key; an unknown key is a programming error. */
export function requireRegister(key: string): RegisterConfig {
  const config = registerConfig(key);
  if (!config) throw new Error(`'${key}' is not a register of the Registers area.`);
  return config;
}

/** Throws `RecordValidationError` when the values break the schema or the register's rules (`validateRecord`). */
export function assertValid(config: RegisterConfig, values: Readonly<Record<string, CellValue>>): void {
  const issues = validateRecord(config.schema, values);
  if (issues.length > 0) throw new RecordValidationError(issues);
}

/**
 * The computed columns (`deriveValues`: risk scores and acceptance, improvement priority) for these
 * values, only those the register computes and that differ from `before`.
 */
export function computedChanges(config: RegisterConfig, values: Readonly<Record<string, CellValue>>, settings: RegisterSettings, before: Readonly<Record<string, CellValue>> = {}): Record<string, CellValue> {
  if (config.computedColumns.length === 0) return {};
  const derived = deriveValues(config.key, values, settings);
  const out: Record<string, CellValue> = {};
  for (const name of config.computedColumns) {
    if (!(name in derived)) continue;
    const v = (derived[name] ?? null) as CellValue;
    if (before[name] !== v) out[name] = v;
  }
  return out;
}

/** The UPN twins of the person columns among `values` (`PersonUPN` from `Person`), as the directory names them. */
export function upnTwinChanges(config: RegisterConfig, values: Readonly<Record<string, CellValue>>, people: PeopleDirectory): Record<string, CellValue> {
  const out: Record<string, CellValue> = {};
  for (const [person, twin] of upnTwinsOf(config.schema)) {
    if (!(person in values)) continue;
    const v = values[person];
    out[twin] = typeof v === 'string' ? (people.byLookupId(v)?.id ?? null) : null;
  }
  return out;
}
