/**
 * Names of registers, columns, statuses, refusals and validation problems in the UI language. Keys:
 * `registers.name.<key>`, `registers.description.<key>`, `registers.column.<Column>`,
 * `registers.status.<value>`, `registers.refusal.<code>`, `registers.validation.<code>`. A column the
 * catalogs do not name falls back to the schema's display name, a status to its stored value, so
 * every column and status always has a label.
 */
import type { TFunction } from 'i18next';
import type { SmsColumn, SmsListSchema } from '../../../../graph/schema/types.js';
import type { Refusal } from '../../../domain/registers/types.js';
import type { FieldIssue } from '../services/errors.js';

type Params = Readonly<Record<string, string | number>>;

/** A catalog string whose key is built at run time; null when the catalogs lack the key (i18next then answers the key itself). */
function lookup(t: TFunction, key: string, params?: Params): string | null {
  const text = (t as unknown as (k: string, o?: object) => string)(key, params ?? {});
  return text === key ? null : text;
}

/** `Nonconformities` / `不符合项`. */
export function registerName(t: TFunction, schema: Pick<SmsListSchema, 'key' | 'displayName'>): string {
  return lookup(t, `registers.name.${schema.key}`) ?? schema.displayName;
}

/** What the register holds, in the UI language (the schema's description when untranslated). */
export function registerDescription(t: TFunction, schema: Pick<SmsListSchema, 'key' | 'description'>): string {
  return lookup(t, `registers.description.${schema.key}`) ?? schema.description;
}

/** A column's label: `registers.column.<Column>`, else the schema's display name. */
export function columnLabel(t: TFunction, column: Pick<SmsColumn, 'name' | 'displayName'>): string {
  return lookup(t, `registers.column.${column.name}`) ?? column.displayName;
}

/** A column named by its internal name only (in a refusal's params): its label, else the name. */
function columnName(t: TFunction, name: string): string {
  return lookup(t, `registers.column.${name}`) ?? name;
}

/** A status value in the UI language (as stored when untranslated). */
export function statusLabel(t: TFunction, status: string | null | undefined): string {
  if (!status) return '';
  return lookup(t, `registers.status.${status}`) ?? status;
}

/** Why the rules refused a step, with its params (a status in params is translated too). */
export function refusalText(t: TFunction, refusal: Refusal): string {
  const params: Record<string, string | number> = { ...(refusal.params ?? {}) };
  for (const k of ['from', 'to', 'status']) if (typeof params[k] === 'string') params[k] = statusLabel(t, params[k] as string);
  for (const k of ['column', 'other']) if (typeof params[k] === 'string') params[k] = columnName(t, params[k] as string);
  return lookup(t, `registers.refusal.${refusal.code}`, params) ?? t('registers.record.refusedOther', { code: refusal.code });
}

/** One validation problem of a field, in words (the column's label is the `column` param). */
export function issueText(t: TFunction, schema: SmsListSchema, issue: FieldIssue): string {
  const column = schema.columns.find((c) => c.name === issue.column);
  const params: Record<string, string | number> = { ...((issue.params ?? {}) as Params), column: column ? columnLabel(t, column) : issue.column };
  if (typeof params.other === 'string') {
    const other = schema.columns.find((c) => c.name === params.other);
    params.other = other ? columnLabel(t, other) : columnName(t, params.other);
  }
  return lookup(t, `registers.validation.${issue.code}`, params) ?? t('registers.form.invalidOther', { column: params.column as string });
}
