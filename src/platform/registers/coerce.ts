/**
 * One set of coercions per column type, both ways: a Graph list item's `fields` → typed cell
 * values (`toRecord`), and typed cell values → the `fields` body of a create or update
 * (`encodeFields`). Every register reads and writes its columns through these, so a date-only
 * column is read the same way in every area.
 *
 * Graph shapes (https://learn.microsoft.com/graph/api/resources/fieldvalueset): person and lookup
 * columns are read and written as `<Name>LookupId`; multi-value columns carry an `@odata.type`
 * annotation when written; date-only columns hold midnight in the site's time zone as a UTC
 * instant, which `siteDateValue` (src/platform/clock.ts) turns back into the calendar date on the
 * site's wall clock: reading needs the site's time zone (default UTC).
 */
import type { ListItem } from '../../../graph/lists/items.js';
import type { SmsColumn, SmsColumnType, SmsListSchema } from '../../../graph/schema/types.js';
import { isIsoDate } from '../../domain/documents/dates.js';
import { DEFAULT_SITE_TIME_ZONE, siteDateValue } from '../clock.js';
import { withoutBidiControls } from '../../domain/text.js';
import type { CellValue, RegisterRecord } from './types.js';

const LOOKUP_TYPES: readonly SmsColumnType[] = ['person', 'personMulti', 'lookup', 'lookupMulti'];
const MULTI_TYPES: readonly SmsColumnType[] = ['multiChoice', 'personMulti', 'lookupMulti'];

/** Person and lookup columns (single or multi), which Graph addresses as `<Name>LookupId`. */
export const isLookupColumn = (column: SmsColumn): boolean => LOOKUP_TYPES.includes(column.type);
/** Columns whose value is a list (multi-choice, several people, several lookups). */
export const isMultiValueColumn = (column: SmsColumn): boolean => MULTI_TYPES.includes(column.type);

/** The key of a column under `fields` (and in `$select`, `$filter`, `$orderby`): `OwnerLookupId` for the person column `Owner`. */
export function fieldKeyOf(column: SmsColumn): string {
  return isLookupColumn(column) ? `${column.name}LookupId` : column.name;
}

/** The schema's column of that internal name; throws for a name the schema does not have (a programming error). */
export function columnOf(schema: SmsListSchema, name: string): SmsColumn {
  const column = schema.columns.find((c) => c.name === name);
  if (!column) throw new Error(`List '${schema.key}' has no column '${name}'.`);
  return column;
}

// ---------- reading ----------

/**
 * Text as a register shows it. Directional overrides and isolates are dropped, so a value written
 * over Graph with, say, U+202E cannot display in another order than it is stored.
 */
const text = (v: unknown): string | null => {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (typeof v !== 'string') return null;
  const shown = withoutBidiControls(v);
  return shown.trim() === '' ? null : shown;
};

function number(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' && v.trim() !== '') {
    const n = Number(v);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

function boolean(v: unknown): boolean | null {
  if (typeof v === 'boolean') return v;
  if (v === 1 || v === '1' || v === 'true' || v === 'Yes') return true;
  if (v === 0 || v === '0' || v === 'false' || v === 'No') return false;
  return null;
}

function dateTime(v: unknown): string | null {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(v.trim())) return null;
  const t = Date.parse(v);
  return Number.isNaN(t) ? null : new Date(t).toISOString().replace(/\.000Z$/, 'Z');
}

/** A lookup id from `7`, `'7'` or `{ LookupId: 7 }`. */
function lookupId(v: unknown): string | null {
  if (typeof v === 'number' && Number.isInteger(v)) return String(v);
  if (typeof v === 'string' && v.trim() !== '') return v.trim();
  if (v && typeof v === 'object' && 'LookupId' in v) return lookupId((v as { LookupId: unknown }).LookupId);
  return null;
}

/** A list from an array, or from SharePoint's `;#A;#B;#` text form. */
function list(v: unknown, item: (x: unknown) => string | null): string[] {
  const values = Array.isArray(v) ? v : typeof v === 'string' ? v.split(';#') : [];
  return values.map(item).filter((x): x is string => x !== null);
}

function hyperlink(v: unknown): string | null {
  if (typeof v === 'string') return text(v);
  if (v && typeof v === 'object') {
    const o = v as { Url?: unknown; url?: unknown };
    return text(o.Url ?? o.url);
  }
  return null;
}

/**
 * The coerced value of one column from an item's `fields` (see `CellValue` for the type per column
 * kind). `timeZone` is the site's (IANA, default UTC): a date-only value is its calendar date there.
 */
export function readCell(column: SmsColumn, fields: Readonly<Record<string, unknown>>, timeZone: string = DEFAULT_SITE_TIME_ZONE): CellValue {
  switch (column.type) {
    case 'text':
    case 'note':
    case 'choice':
      return text(fields[column.name]);
    case 'multiChoice':
      return list(fields[column.name], text);
    case 'number':
    case 'currency':
      return number(fields[column.name]);
    case 'boolean':
      return boolean(fields[column.name]);
    case 'dateOnly':
      return siteDateValue(fields[column.name], timeZone);
    case 'dateTime':
      return dateTime(fields[column.name]);
    case 'person':
    case 'lookup':
      return lookupId(fields[fieldKeyOf(column)] ?? fields[column.name]);
    case 'personMulti':
    case 'lookupMulti':
      return list(fields[fieldKeyOf(column)] ?? fields[column.name], lookupId);
    case 'hyperlink':
      return hyperlink(fields[column.name]);
  }
}

/**
 * A list item as a record: id, eTag, URL and the coerced values of `columns` (default: every column
 * of the schema), date-only values read in the site's `timeZone` (default UTC; see `readCell`).
 */
export function toRecord(schema: SmsListSchema, item: ListItem, columns: readonly string[] = schema.columns.map((c) => c.name), timeZone: string = DEFAULT_SITE_TIME_ZONE): RegisterRecord {
  const fields = (item.fields ?? {}) as Record<string, unknown>;
  const values: Record<string, CellValue> = {};
  for (const name of columns) values[name] = readCell(columnOf(schema, name), fields, timeZone);
  const eTag = item['@odata.etag'] ?? (typeof fields['@odata.etag'] === 'string' ? fields['@odata.etag'] : null);
  return { id: String(item.id ?? fields.id ?? ''), eTag: eTag ?? null, webUrl: item.webUrl ?? null, values };
}

/** Typed views of a cell value, for the row mappers of each register. */
export const cell = {
  text: (v: CellValue | undefined): string | null => (typeof v === 'string' ? v : null),
  number: (v: CellValue | undefined): number | null => (typeof v === 'number' ? v : null),
  boolean: (v: CellValue | undefined): boolean | null => (typeof v === 'boolean' ? v : null),
  list: (v: CellValue | undefined): readonly string[] => (Array.isArray(v) ? v : []),
};

// ---------- writing ----------

const COLLECTION = 'Collection(Edm.String)';

function invalid(column: SmsColumn, what: string): TypeError {
  return new TypeError(`Column '${column.name}' (${column.type}): ${what}.`);
}

function encodeScalar(column: SmsColumn, value: CellValue): unknown {
  if (value === null) return null;
  switch (column.type) {
    case 'text':
    case 'note':
    case 'choice':
      if (typeof value === 'string') return value;
      if (typeof value === 'number') return String(value);
      throw invalid(column, 'expected text');
    case 'number':
    case 'currency':
      if (typeof value === 'number' && Number.isFinite(value)) return value;
      throw invalid(column, 'expected a number');
    case 'boolean':
      if (typeof value === 'boolean') return value;
      throw invalid(column, 'expected true or false');
    case 'dateOnly':
      // The bare calendar date: SharePoint stores it as midnight in the site's time zone. An instant
      // (`…T00:00:00Z`) would keep the site's date of that instant: the day before, west of UTC.
      if (isIsoDate(value)) return value;
      throw invalid(column, 'expected a calendar date YYYY-MM-DD');
    case 'dateTime': {
      const iso = dateTime(value);
      if (iso) return iso;
      throw invalid(column, 'expected an ISO 8601 date and time');
    }
    case 'person':
    case 'lookup': {
      const id = typeof value === 'number' || typeof value === 'string' ? lookupId(value) : null;
      if (id !== null && /^\d+$/.test(id)) return id;
      throw invalid(column, 'expected a lookup id');
    }
    default:
      throw invalid(column, 'expected a single value');
  }
}

/**
 * The `fields` body that writes these values (keys are column names; only the keys given). Person
 * and lookup columns become `<Name>LookupId`; multi-value columns get their `@odata.type`.
 * Hyperlink columns are refused: Graph's listItem fields cannot write them.
 */
export function encodeFields(schema: SmsListSchema, values: Readonly<Record<string, CellValue>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) {
    const column = columnOf(schema, name);
    const key = fieldKeyOf(column);
    if (column.type === 'hyperlink') throw invalid(column, 'Microsoft Graph cannot write hyperlink columns through list item fields');
    if (isMultiValueColumn(column)) {
      if (value !== null && !Array.isArray(value)) throw invalid(column, 'expected a list of values');
      const items = (value ?? []) as readonly string[];
      if (column.type !== 'multiChoice' && items.some((id) => !/^\d+$/.test(id))) throw invalid(column, 'expected lookup ids');
      out[`${key}@odata.type`] = COLLECTION;
      out[key] = [...items];
    } else {
      out[key] = encodeScalar(column, value);
    }
  }
  return out;
}
