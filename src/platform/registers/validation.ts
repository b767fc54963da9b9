/**
 * Validation of a register record's values before anything is written: a zod 4 schema built from
 * the list schema's columns (type, required, choices, number bounds; `formSchemaOf`), plus the
 * register's own rules from the domain (`recordIssues`: ratings, date order, risk treatment…).
 * Problems come back as `FieldIssue`s whose codes are i18n keys `registers.validation.<code>`:
 *
 * | Code             | Params | Meaning                                                   |
 * |------------------|--------|-----------------------------------------------------------|
 * | required         |        | The column is required                                    |
 * | invalidText      |        | Not text                                                  |
 * | tooLong          | max    | Longer than a single line of text holds (255 characters)  |
 * | notAChoice       |        | Not one of the column's choices                           |
 * | invalidList      |        | Not a list of values                                      |
 * | notANumber       |        | Not a number                                              |
 * | tooSmall         | min    | Below the column's minimum                                |
 * | tooLarge         | max    | Above the column's maximum                                |
 * | notABoolean      |        | Not yes or no                                             |
 * | invalidDate      |        | Not a calendar date YYYY-MM-DD                            |
 * | invalidDateTime  |        | Not an ISO 8601 date and time                             |
 * | invalidReference |        | Not a person or item reference                            |
 * | invalidUrl       |        | Not an http(s) address                                    |
 * and the domain's codes (src/domain/registers/validation.ts).
 *
 * Values are those the register engine reads and writes (`CellValue`: person and lookup columns as
 * lookup ids, or a person's UPN in a form); blank text counts as no value.
 */
import { z } from 'zod';
import type { SmsColumn, SmsListSchema } from '../../../graph/schema/types.js';
import { isIsoDate } from '../../domain/documents/dates.js';
import { recordIssues } from '../../domain/registers/validation.js';
import type { FieldIssue } from '../../domain/registers/types.js';
import type { CellValue } from './types.js';

export type { FieldIssue };

/** The platform's validation codes (the table above). */
export const FORM_VALIDATION_CODES = [
  'required',
  'invalidText',
  'tooLong',
  'notAChoice',
  'invalidList',
  'notANumber',
  'tooSmall',
  'tooLarge',
  'notABoolean',
  'invalidDate',
  'invalidDateTime',
  'invalidReference',
  'invalidUrl',
] as const;
type FormCode = (typeof FORM_VALIDATION_CODES)[number];

/** SharePoint's single line of text holds up to 255 characters. */
export const SINGLE_LINE_MAX = 255;

const code = (c: FormCode) => ({ error: c });
/** A type error reads as `required` when there is no value at all, else as `c`. */
const typed = (c: FormCode) => ({ error: (issue: { input?: unknown }) => (issue.input === undefined || issue.input === null ? 'required' : c) });

function isHttpUrl(v: string): boolean {
  try {
    const url = new URL(v);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

const isDateTime = (v: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(v) && !Number.isNaN(Date.parse(v));

function choiceOf(column: SmsColumn): z.ZodType<string> {
  const choices = column.choices ?? [];
  const text = z.string(typed('notAChoice'));
  return column.fillIn ? text : text.refine((v) => choices.includes(v), code('notAChoice'));
}

/** The zod type of one column's value (never null: `fieldSchemaOf` adds that). */
function valueSchemaOf(column: SmsColumn): z.ZodType {
  const required = column.required === true;
  switch (column.type) {
    case 'text': {
      const s = z.string(typed('invalidText')).max(SINGLE_LINE_MAX, code('tooLong'));
      return required ? s.refine((v) => v.trim() !== '', code('required')) : s;
    }
    case 'note': {
      const s = z.string(typed('invalidText'));
      return required ? s.refine((v) => v.trim() !== '', code('required')) : s;
    }
    case 'choice':
      return choiceOf(column);
    case 'multiChoice': {
      const list = z.array(choiceOf(column), typed('invalidList'));
      return required ? list.min(1, code('required')) : list;
    }
    case 'number':
    case 'currency': {
      let n = z.number(typed('notANumber'));
      if (column.min !== undefined) n = n.min(column.min, code('tooSmall'));
      if (column.max !== undefined) n = n.max(column.max, code('tooLarge'));
      return n;
    }
    case 'boolean':
      return z.boolean(typed('notABoolean'));
    case 'dateOnly':
      return z.string(typed('invalidDate')).refine((v) => isIsoDate(v), code('invalidDate'));
    case 'dateTime':
      return z.string(typed('invalidDateTime')).refine(isDateTime, code('invalidDateTime'));
    case 'person':
    case 'lookup':
      return z.string(typed('invalidReference')).refine((v) => v.trim() !== '', code('invalidReference'));
    case 'personMulti':
    case 'lookupMulti': {
      const list = z.array(z.string(typed('invalidReference')).refine((v) => v.trim() !== '', code('invalidReference')), typed('invalidList'));
      return required ? list.min(1, code('required')) : list;
    }
    case 'hyperlink':
      return z.string(typed('invalidUrl')).refine(isHttpUrl, code('invalidUrl'));
  }
}

/** Blank text is no value. */
const blankToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);

/** The zod type of one column's value as a form holds it: blank is no value, and no value is allowed unless the column is required. */
export function fieldSchemaOf(column: SmsColumn): z.ZodType {
  const value = valueSchemaOf(column);
  return z.preprocess(blankToNull, column.required ? value : value.nullable().optional());
}

/**
 * A zod object for a form over `columns` (internal names) of the list: each value typed per its
 * column, required columns required, choices limited to the column's choices (unless fill-in),
 * numbers within the column's bounds. Throws for a column the schema does not have.
 */
export function formSchemaOf(schema: SmsListSchema, columns: readonly string[]): z.ZodObject<Record<string, z.ZodType>> {
  const shape: Record<string, z.ZodType> = {};
  for (const name of columns) {
    const column = schema.columns.find((c) => c.name === name);
    if (!column) throw new Error(`List '${schema.key}' has no column '${name}'.`);
    shape[name] = fieldSchemaOf(column);
  }
  return z.object(shape);
}

/** The columns `validateRecord` checks by default: those given, plus required ones with no default (Ref is the app's). */
function columnsToCheck(schema: SmsListSchema, values: Readonly<Record<string, unknown>>): string[] {
  return schema.columns
    .filter((c) => c.name !== 'Ref' && (c.name in values || (c.required === true && c.default === undefined)))
    .map((c) => c.name);
}

/** Turns a zod issue into a field issue (its message is our code; bounds become params). */
function toFieldIssue(issue: z.core.$ZodIssue): FieldIssue {
  const column = String(issue.path[0] ?? '');
  const known = (FORM_VALIDATION_CODES as readonly string[]).includes(issue.message);
  const c = known ? issue.message : issue.code === 'invalid_type' ? 'invalidText' : 'required';
  if (issue.code === 'too_small' && c === 'tooSmall') return { column, code: c, params: { min: Number(issue.minimum) } };
  if (issue.code === 'too_big') return { column, code: c, params: { max: Number(issue.maximum) } };
  return { column, code: c };
}

/**
 * Every problem with a record's values: the column checks of `formSchemaOf` (over `columns`, by
 * default the columns present plus the required ones without a default) and the register's rules
 * (`recordIssues`), at most one issue per column (the column check first).
 */
export function validateRecord(schema: SmsListSchema, values: Readonly<Record<string, CellValue | undefined>>, columns?: readonly string[]): FieldIssue[] {
  const names = columns ?? columnsToCheck(schema, values);
  const result = formSchemaOf(schema, names).safeParse(values);
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  const add = (issue: FieldIssue) => {
    if (seen.has(issue.column)) return;
    seen.add(issue.column);
    issues.push(issue);
  };
  if (!result.success) for (const issue of result.error.issues) add(toFieldIssue(issue));
  const domainValues = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, blankToNull(v ?? null) as CellValue]));
  for (const issue of recordIssues(schema.key, domainValues)) add(issue);
  return issues;
}
