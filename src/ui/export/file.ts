import { csvBytes, CSV_MIME } from './csv.js';
import type { SavedFile } from './saveFile.js';
import type { ExportTable } from './table.js';
import { xlsxBytes, XLSX_MIME } from './xlsx.js';

export type ExportFormat = 'csv' | 'xlsx';

/**
 * A table as the file a user downloads: `<baseName>.csv` (UTF-8 with a byte order mark) or
 * `<baseName>.xlsx` (one sheet named `sheet`). Both are written from the same table, so they agree.
 */
export async function exportFile(format: ExportFormat, table: ExportTable, baseName: string, sheet: string): Promise<SavedFile> {
  if (format === 'csv') return { name: `${baseName}.csv`, type: CSV_MIME, bytes: csvBytes(table) };
  return { name: `${baseName}.xlsx`, type: XLSX_MIME, bytes: await xlsxBytes(table, sheet) };
}
