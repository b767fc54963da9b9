/**
 * Exporting a table as CSV or Excel, shared by every area: the table (`table.ts`), its CSV
 * (`csv.ts`) and Excel (`xlsx.ts`, exceljs loaded on demand) files, and how a host saves a file
 * (`saveFile.ts`).
 */
export { csvBytes, csvField, CSV_MIME, guardFormula, toCsv } from './csv.js';
export { exportFile, type ExportFormat } from './file.js';
export { downloadFile, type SaveFile, type SavedFile } from './saveFile.js';
export { dateCell, textCell, type ExportCell, type ExportColumn, type ExportTable } from './table.js';
export { sheetName, xlsxBytes, XLSX_MIME } from './xlsx.js';
