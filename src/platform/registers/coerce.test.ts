import { describe, expect, it } from 'vitest';
import {
  choice,
  currency,
  dateOnly,
  dateTime,
  hyperlink,
  lookup,
  lookupMulti,
  multiChoice,
  note,
  number,
  people,
  person,
  text,
  titleColumn,
  yesNo,
} from '../../../graph/schema/columns.js';
import type { SmsListSchema } from '../../../graph/schema/types.js';
import { encodeFields, readCell, toRecord } from './coerce.js';

const schema: SmsListSchema = {
  key: 'coerceTest',
  displayName: 'Coerce test',
  template: 'genericList',
  kind: 'register',
  entity: 'Thing',
  description: 'test',
  large: false,
  columns: [
    titleColumn(),
    note('Notes'),
    choice('Status', ['Open', 'Closed']),
    multiChoice('Tags', ['a', 'b']),
    number('Score'),
    currency('Cost'),
    yesNo('Urgent'),
    dateOnly('Due'),
    dateTime('RaisedAt'),
    person('Owner'),
    people('Reviewers'),
    lookup('Process', 'processes'),
    lookupMulti('Services', 'services'),
    hyperlink('Link'),
    text('Code'),
  ],
};
const col = (name: string) => schema.columns.find((c) => c.name === name)!;
const read = (name: string, fields: Record<string, unknown>) => readCell(col(name), fields);

describe('reading: one coercion per column type', () => {
  it('text, note and choice: the string, null when blank or missing; a number as text', () => {
    expect(read('Title', { Title: 'Laptop stolen' })).toBe('Laptop stolen');
    expect(read('Notes', { Notes: '  ' })).toBeNull();
    expect(read('Status', {})).toBeNull();
    expect(read('Code', { Code: 42 })).toBe('42');
  });

  it('text shows as it is stored: directional overrides written over Graph are dropped', () => {
    expect(read('Title', { Title: 'Laptop \u202Efdp.exe' })).toBe('Laptop fdp.exe');
    expect(read('Notes', { Notes: '\u2067\u2069' })).toBeNull();
  });

  it('multi-choice: a list, from an array or from SharePoint’s ;# text', () => {
    expect(read('Tags', { Tags: ['a', 'b'] })).toEqual(['a', 'b']);
    expect(read('Tags', { Tags: ';#a;#b;#' })).toEqual(['a', 'b']);
    expect(read('Tags', {})).toEqual([]);
  });

  it('number and currency: a number, from a number or numeric text; null otherwise', () => {
    expect(read('Score', { Score: 7.5 })).toBe(7.5);
    expect(read('Cost', { Cost: '1200' })).toBe(1200);
    expect(read('Score', { Score: 'many' })).toBeNull();
    expect(read('Score', { Score: '' })).toBeNull();
  });

  it('yes/no: a boolean, from true/false or 1/0', () => {
    expect(read('Urgent', { Urgent: true })).toBe(true);
    expect(read('Urgent', { Urgent: 0 })).toBe(false);
    expect(read('Urgent', { Urgent: 'maybe' })).toBeNull();
  });

  it('date-only: the calendar date, whatever the site time zone made of midnight', () => {
    expect(read('Due', { Due: '2025-03-14T00:00:00Z' })).toBe('2025-03-14');
    expect(read('Due', { Due: '2025-03-13T23:00:00Z' })).toBe('2025-03-14');
    expect(read('Due', { Due: '2025-03-14' })).toBe('2025-03-14');
    expect(read('Due', { Due: 'soon' })).toBeNull();
  });

  it('date-only on a site beyond ±12 h of UTC: the calendar date in the site time zone given', () => {
    // Pacific/Auckland in December is UTC+13; Pacific/Kiritimati is UTC+14 all year.
    expect(readCell(col('Due'), { Due: '2026-12-24T11:00:00Z' }, 'Pacific/Auckland')).toBe('2026-12-25');
    expect(readCell(col('Due'), { Due: '2026-12-24T10:00:00Z' }, 'Pacific/Kiritimati')).toBe('2026-12-25');
    expect(readCell(col('Due'), { Due: '2026-12-25T08:00:00Z' }, 'America/Los_Angeles')).toBe('2026-12-25');
    expect(toRecord(schema, { id: '1', fields: { Due: '2026-12-24T11:00:00Z' } }, ['Due'], 'Pacific/Auckland').values).toEqual({ Due: '2026-12-25' });
    // Without a zone the site is taken to be in UTC, as before.
    expect(toRecord(schema, { id: '1', fields: { Due: '2026-12-24T11:00:00Z' } }, ['Due']).values).toEqual({ Due: '2026-12-24' });
  });

  it('date and time: the UTC instant', () => {
    expect(read('RaisedAt', { RaisedAt: '2025-03-14T10:30:00+01:00' })).toBe('2025-03-14T09:30:00Z');
    expect(read('RaisedAt', { RaisedAt: '2025-03-14T09:30:00.250Z' })).toBe('2025-03-14T09:30:00.250Z');
    expect(read('RaisedAt', { RaisedAt: 'yesterday' })).toBeNull();
  });

  it('person and lookup: the lookup id from <Name>LookupId (or a { LookupId } value); several: their ids', () => {
    expect(read('Owner', { OwnerLookupId: '7' })).toBe('7');
    expect(read('Process', { ProcessLookupId: 3 })).toBe('3');
    expect(read('Process', { Process: { LookupId: 4, LookupValue: 'Change' } })).toBe('4');
    expect(read('Owner', {})).toBeNull();
    expect(read('Reviewers', { ReviewersLookupId: ['7', 9] })).toEqual(['7', '9']);
    expect(read('Services', { Services: [{ LookupId: 1, LookupValue: 'Email' }, { LookupId: 2 }] })).toEqual(['1', '2']);
  });

  it('hyperlink: the URL, from text or from { Url, Description }', () => {
    expect(read('Link', { Link: 'https://example.com/a' })).toBe('https://example.com/a');
    expect(read('Link', { Link: { Url: 'https://example.com/b', Description: 'B' } })).toBe('https://example.com/b');
    expect(read('Link', {})).toBeNull();
  });

  it('toRecord keeps the id, eTag and URL and reads only the columns asked for', () => {
    const record = toRecord(schema, { id: '12', webUrl: 'https://x/12', '@odata.etag': '"a,3"', fields: { Title: 'A', OwnerLookupId: '7', Score: 3 } }, ['Title', 'Owner']);
    expect(record).toEqual({ id: '12', eTag: '"a,3"', webUrl: 'https://x/12', values: { Title: 'A', Owner: '7' } });
  });
});

describe('writing: the fields body per column type', () => {
  it('writes person and lookup ids under <Name>LookupId, and multi-value columns with their @odata.type', () => {
    expect(
      encodeFields(schema, {
        Title: 'A',
        Status: 'Open',
        Tags: ['a'],
        Score: 3,
        Urgent: false,
        Due: '2025-03-14',
        RaisedAt: '2025-03-14T10:30:00+01:00',
        Owner: '7',
        Reviewers: ['7', '9'],
        Process: null,
      }),
    ).toEqual({
      Title: 'A',
      Status: 'Open',
      'Tags@odata.type': 'Collection(Edm.String)',
      Tags: ['a'],
      Score: 3,
      Urgent: false,
      // The bare date: the site stores it as its own midnight (UTC midnight would be the day before west of UTC).
      Due: '2025-03-14',
      RaisedAt: '2025-03-14T09:30:00Z',
      OwnerLookupId: '7',
      'ReviewersLookupId@odata.type': 'Collection(Edm.String)',
      ReviewersLookupId: ['7', '9'],
      ProcessLookupId: null,
    });
  });

  it('refuses a value of the wrong type, naming the column', () => {
    expect(() => encodeFields(schema, { Score: 'three' })).toThrow("Column 'Score' (number): expected a number.");
    expect(() => encodeFields(schema, { Due: '14/03/2025' })).toThrow(/Column 'Due' \(dateOnly\)/);
    expect(() => encodeFields(schema, { Owner: 'tom@x' })).toThrow(/expected a lookup id/);
    expect(() => encodeFields(schema, { Tags: 'a' })).toThrow(/expected a list/);
    expect(() => encodeFields(schema, { Link: 'https://x' })).toThrow(/cannot write hyperlink/);
    expect(() => encodeFields(schema, { Nope: 'x' })).toThrow("List 'coerceTest' has no column 'Nope'.");
  });
});
