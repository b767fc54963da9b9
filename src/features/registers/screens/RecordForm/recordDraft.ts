/**
 * A record's values as a form holds them while the user types (text for text boxes and number boxes,
 * ids for people and lookups, lists for multi-selects) and back to the values the engine writes. A
 * number box whose text is not a number keeps that text, so validation names the field instead of
 * the value silently becoming empty.
 */
import type { SmsColumn } from '../../../../../graph/schema/types.js';
import type { CellValue } from '../../../../platform/registers/index.js';

export type DraftValue = string | readonly string[] | boolean;
export type Draft = Readonly<Record<string, DraftValue>>;

/** The form's value of a cell. */
export function toDraftValue(column: SmsColumn, value: CellValue | undefined): DraftValue {
  switch (column.type) {
    case 'boolean':
      return value === true;
    case 'multiChoice':
    case 'personMulti':
    case 'lookupMulti':
      return Array.isArray(value) ? value : [];
    default:
      return value === null || value === undefined ? '' : String(value);
  }
}

/** The cell value of a form's value (blank text is empty; a number box's text becomes its number when it is one). */
export function fromDraftValue(column: SmsColumn, value: DraftValue | undefined): CellValue {
  if (value === undefined) return null;
  if (typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value as readonly string[];
  const s = (value as string).trim();
  if (s === '') return null;
  if (column.type === 'number' || column.type === 'currency') {
    const n = Number(s);
    return Number.isFinite(n) ? n : s;
  }
  return column.type === 'note' ? (value as string) : s;
}

/** The draft of a record's columns (a new record: each column's default, if any). */
export function draftOf(columns: readonly SmsColumn[], values: Readonly<Record<string, CellValue>> | null): Record<string, DraftValue> {
  const out: Record<string, DraftValue> = {};
  for (const c of columns) {
    const v = values ? values[c.name] : c.default !== undefined ? (c.default as CellValue) : null;
    out[c.name] = toDraftValue(c, v);
  }
  return out;
}

/** The values of a draft, as the engine writes them. */
export function valuesOf(columns: readonly SmsColumn[], draft: Draft): Record<string, CellValue> {
  const out: Record<string, CellValue> = {};
  for (const c of columns) out[c.name] = fromDraftValue(c, draft[c.name]);
  return out;
}

const same = (a: CellValue, b: CellValue) => (Array.isArray(a) && Array.isArray(b) ? a.length === b.length && a.every((x, i) => x === b[i]) : a === b);

/** The columns whose value in `draft` differs from `before` (what an edit writes). */
export function changesOf(columns: readonly SmsColumn[], draft: Draft, before: Readonly<Record<string, CellValue>>): Record<string, CellValue> {
  const out: Record<string, CellValue> = {};
  for (const c of columns) {
    const v = fromDraftValue(c, draft[c.name]);
    const was = before[c.name] ?? (Array.isArray(v) ? [] : null);
    if (!same(v, was)) out[c.name] = v;
  }
  return out;
}
