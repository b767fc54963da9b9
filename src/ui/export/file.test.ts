import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { exportFile } from './file.js';
import { dateCell, textCell, type ExportTable } from './table.js';

const table: ExportTable = {
  columns: [
    { header: 'Name', width: 20, kind: 'text' },
    { header: 'Due', width: 12, kind: 'date' },
  ],
  rows: [
    [textCell('Sofia Almeida'), dateCell('2026-12-01')],
    [textCell('=cmd'), dateCell(null)],
  ],
};

describe('exportFile', () => {
  it('writes the table as <base>.csv, UTF-8 with a byte order mark', async () => {
    const file = await exportFile('csv', table, 'report-2026-12-07', 'Sheet');
    expect(file.name).toBe('report-2026-12-07.csv');
    expect(file.type).toBe('text/csv;charset=utf-8');
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(file.bytes)).toBe("\uFEFFName,Due\r\nSofia Almeida,2026-12-01\r\n'=cmd,\r\n");
  });

  it('writes the same table as <base>.xlsx with its sheet name, text as text and dates as dates', async () => {
    const file = await exportFile('xlsx', table, 'report', 'Acknowledgements');
    expect(file.name).toBe('report.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.bytes.buffer as ArrayBuffer);
    const sheet = workbook.getWorksheet('Acknowledgements')!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'Name', 'Due']);
    expect(sheet.getCell('A3').value).toBe('=cmd');
    expect((sheet.getCell('B2').value as Date).toISOString()).toBe('2026-12-01T00:00:00.000Z');
  });
});
