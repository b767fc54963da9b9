/**
 * A table for export: one header row and one row per record, each cell text or
 * a calendar date. CSV and Excel write the same table, so the two files always agree.
 */

/** A cell: text, or a calendar date `YYYY-MM-DD` (Excel writes it as a real date). */
export type ExportCell = { readonly kind: 'text'; readonly value: string } | { readonly kind: 'date'; readonly value: string | null };

export interface ExportColumn {
  readonly header: string;
  /** Column width in characters (Excel). */
  readonly width: number;
  readonly kind: 'text' | 'date';
}

export interface ExportTable {
  readonly columns: readonly ExportColumn[];
  readonly rows: readonly (readonly ExportCell[])[];
}

export const textCell = (value: string | null | undefined): ExportCell => ({ kind: 'text', value: value ?? '' });
export const dateCell = (value: string | null | undefined): ExportCell => ({ kind: 'date', value: value ?? null });
