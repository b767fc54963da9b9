import type { ExportCell, ExportTable } from './table.js';

/**
 * CSV as RFC 4180 describes it: comma-separated fields, CRLF line breaks, and a field that holds
 * a comma, a double quote, CR or LF enclosed in double quotes with inner quotes doubled.
 *
 * Two additions for spreadsheet users:
 * - a UTF-8 byte order mark, so Excel reads the file as UTF-8 (Chinese titles stay readable);
 * - a formula-injection guard (OWASP "CSV Injection"): a cell that starts with `=`, `+`, `-`, `@`,
 *   a tab or a carriage return gets a leading `'`, so a spreadsheet shows it as text instead of
 *   running it as a formula.
 */

export const CSV_MIME = 'text/csv;charset=utf-8';
const BOM = '\uFEFF';
const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell's text with the formula-injection guard applied. */
export function guardFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** One field, quoted when RFC 4180 requires it. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

const cellText = (cell: ExportCell): string => cell.value ?? '';

/** The table as CSV text (no BOM), CRLF after every record. */
export function toCsv(table: ExportTable): string {
  const records = [table.columns.map((c) => c.header), ...table.rows.map((r) => r.map(cellText))];
  return records.map((fields) => fields.map((v) => csvField(guardFormula(v))).join(',')).join('\r\n') + '\r\n';
}

/** The CSV file's bytes: UTF-8 with a byte order mark. */
export function csvBytes(table: ExportTable): Uint8Array {
  return new TextEncoder().encode(BOM + toCsv(table));
}
