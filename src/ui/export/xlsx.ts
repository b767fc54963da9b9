import type { Workbook } from 'exceljs';
import type { ExportTable } from './table.js';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** exceljs is large, so it is loaded only when someone exports (its own chunk in the build). */
async function newWorkbook(): Promise<Workbook> {
  const mod = (await import('exceljs')) as unknown as { Workbook?: new () => Workbook; default?: { Workbook: new () => Workbook } };
  const Ctor = mod.Workbook ?? mod.default?.Workbook;
  if (!Ctor) throw new Error('exceljs did not load');
  return new Ctor();
}

/** Excel sheet names: at most 31 characters, none of `[]:*?/\`. */
export function sheetName(name: string): string {
  const clean = name.replace(/[[\]:*?/\\]/g, ' ').trim();
  return (clean || 'Sheet1').slice(0, 31);
}

/**
 * The table as an Excel workbook (exceljs): one sheet, a bold header row that stays in view
 * (frozen) with an auto filter, column widths, and date columns as real Excel dates shown
 * `yyyy-mm-dd`. Text cells are written as text, never as formulas.
 */
export async function xlsxBytes(table: ExportTable, title: string): Promise<Uint8Array> {
  const workbook = await newWorkbook();
  workbook.creator = 'sms365';
  workbook.created = new Date();
  const sheet = workbook.addWorksheet(sheetName(title), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = table.columns.map((c, i) => ({
    key: `c${i}`,
    header: c.header,
    width: c.width,
    ...(c.kind === 'date' ? { style: { numFmt: 'yyyy-mm-dd' } } : {}),
  }));
  for (const row of table.rows) {
    sheet.addRow(
      row.map((cell) => {
        if (cell.kind === 'text') return cell.value;
        // A calendar date is midnight UTC: exceljs turns Dates into Excel serial days from UTC.
        return cell.value ? new Date(`${cell.value}T00:00:00Z`) : null;
      }),
    );
  }
  const header = sheet.getRow(1);
  header.font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
