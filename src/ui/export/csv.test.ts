import { describe, expect, it } from 'vitest';
import { csvBytes, csvField, guardFormula, toCsv } from './csv.js';
import { dateCell, textCell, type ExportTable } from './table.js';

describe('CSV cells', () => {
  it('quotes only fields with a comma, a double quote, CR or LF, doubling inner quotes (RFC 4180)', () => {
    expect(csvField('plain text')).toBe('plain text');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
  });

  it('neutralises text a spreadsheet would run as a formula', () => {
    for (const v of ['=1+1', '+44 161', '-2', '@SUM(A1)', '\tx', '\rx']) expect(guardFormula(v)).toBe(`'${v}`);
    for (const v of ['SMS-POL-001', '2025-03-14', 'a=b', '']) expect(guardFormula(v)).toBe(v);
  });
});

describe('CSV file', () => {
  const table: ExportTable = {
    columns: [
      { header: 'ID', width: 10, kind: 'text' },
      { header: 'Title', width: 30, kind: 'text' },
      { header: 'Next review', width: 12, kind: 'date' },
    ],
    rows: [
      [textCell('SMS-1'), textCell('=HYPERLINK("x"), 标题'), dateCell('2025-03-14')],
      [textCell('SMS-2'), textCell(null), dateCell(null)],
    ],
  };

  it('writes CRLF after every record, dates as YYYY-MM-DD and empty cells as nothing', () => {
    expect(toCsv(table)).toBe('ID,Title,Next review\r\nSMS-1,"\'=HYPERLINK(""x""), 标题",2025-03-14\r\nSMS-2,,\r\n');
  });

  it('starts with a UTF-8 byte order mark and encodes Chinese as UTF-8', () => {
    const bytes = csvBytes(table);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.slice(3))).toBe(toCsv(table));
  });
});
