import { describe, expect, it } from 'vitest';
import { NonIndexedFilterError, renderFilter } from '../../../graph/core/filter.js';
import { choice, dateOnly, dateTime, lookup, multiChoice, note, number, person, text, titleColumn, yesNo } from '../../../graph/schema/columns.js';
import type { SmsListSchema } from '../../../graph/schema/types.js';
import { planQuery } from './plan.js';
import type { CellValue, RegisterFilter, RegisterRecord } from './types.js';

/** A register with one column of each kind the planner treats differently. */
const schema: SmsListSchema = {
  key: 'engineTest',
  displayName: 'Engine test',
  template: 'genericList',
  kind: 'register',
  entity: 'Thing',
  description: 'test',
  large: true,
  columns: [
    titleColumn(),
    text('Ref', { unique: true, indexed: true }),
    choice('Status', ['Open', 'Closed', 'Cancelled'], { indexed: true }),
    person('Owner', { indexed: true }),
    lookup('Process', 'processes', { indexed: true }),
    text('Area', { indexed: true }),
    number('Score', { indexed: true }),
    dateOnly('Due', { indexed: true }),
    dateTime('RaisedAt', { indexed: true }),
    yesNo('Urgent', { indexed: true }),
    multiChoice('Tags', ['a', 'b', 'c']),
    note('Notes'),
    text('Summary'),
  ],
};
const small: SmsListSchema = { ...schema, large: false };

const sent = (filters: RegisterFilter[], s: SmsListSchema = schema) => {
  const plan = planQuery(s, filters);
  return plan.filter ? renderFilter(plan.filter, { quoteDates: true }) : null;
};
const rec = (values: Record<string, CellValue>): RegisterRecord => ({ id: '1', eTag: null, webUrl: null, values });

const status: RegisterFilter = { column: 'Status', op: 'eq', value: 'Open' };
const owner: RegisterFilter = { column: 'Owner', op: 'eq', value: '7' };
const area: RegisterFilter = { column: 'Area', op: 'eq', value: 'Service desk' };
const due: RegisterFilter = { column: 'Due', op: 'lt', value: '2025-06-15' };
const open: RegisterFilter = { column: 'Status', op: 'in', value: ['Open', 'Closed'] };

describe('planQuery: the one predicate sent', () => {
  it('sends the most selective indexed predicate: unique, then person/lookup, text, range, choice, in', () => {
    expect(sent([open, status, due, area, owner, { column: 'Ref', op: 'startsWith', value: 'NC-' }])).toBe("startswith(fields/Ref,'NC-')");
    expect(sent([{ column: 'Ref', op: 'startsWith', value: 'NC-' }, { column: 'Ref', op: 'eq', value: 'NC-1' }])).toBe("fields/Ref eq 'NC-1'");
    expect(sent([open, status, due, area, owner])).toBe('fields/OwnerLookupId eq 7');
    expect(sent([open, status, due, area])).toBe("fields/Area eq 'Service desk'");
    expect(sent([open, status, due])).toBe("fields/Due lt '2025-06-15T00:00:00.000Z'");
    expect(sent([open, status])).toBe("fields/Status eq 'Open'");
    expect(sent([open])).toBe("(fields/Status eq 'Open') or (fields/Status eq 'Closed')");
  });

  it('breaks ties by the order the filters are listed in', () => {
    expect(sent([{ column: 'Process', op: 'eq', value: '3' }, owner])).toBe('fields/ProcessLookupId eq 3');
    expect(sent([owner, { column: 'Process', op: 'eq', value: '3' }])).toBe('fields/OwnerLookupId eq 7');
  });

  it('writes values as their column compares them: numbers for lookups and numbers, midnight UTC for dates, booleans', () => {
    expect(sent([{ column: 'Score', op: 'ge', value: '10' }])).toBe('fields/Score ge 10');
    expect(sent([{ column: 'RaisedAt', op: 'gt', value: '2025-01-02T10:00:00Z' }])).toBe("fields/RaisedAt gt '2025-01-02T10:00:00.000Z'");
    expect(sent([{ column: 'Urgent', op: 'eq', value: true }])).toBe('fields/Urgent eq true');
    expect(() => planQuery(schema, [{ column: 'Owner', op: 'eq', value: 'Tom' }])).toThrow(/needs a number/);
  });

  it('never sends ne or contains: they only run on the returned rows', () => {
    const plan = planQuery(schema, [{ column: 'Status', op: 'ne', value: 'Closed' }, { column: 'Area', op: 'contains', value: 'desk' }]);
    expect(plan.filter).toBeNull();
    expect(plan.rest).toHaveLength(2);
    expect(plan.matches(rec({ Status: 'Open', Area: 'Service Desk' }))).toBe(true);
    expect(plan.matches(rec({ Status: 'Closed', Area: 'Service Desk' }))).toBe(false);
    expect(plan.matches(rec({ Status: 'Open', Area: 'Network' }))).toBe(false);
  });

  it('orders on the sort column, a person or lookup by its lookup id', () => {
    expect(planQuery(schema, [], { column: 'Due', direction: 'descending' }).orderby).toEqual(['fields/Due desc']);
    expect(planQuery(schema, [], { column: 'Owner', direction: 'ascending' }).orderby).toEqual(['fields/OwnerLookupId']);
    expect(planQuery(schema, []).orderby).toEqual([]);
  });
});

describe('planQuery: the rest, applied to the returned rows', () => {
  it('keeps the sent predicate and every other filter in the matcher', () => {
    const plan = planQuery(schema, [status, owner, due]);
    expect(plan.sent).toEqual(owner);
    expect(plan.rest).toEqual([status, due]);
    expect(plan.matches(rec({ Status: 'Open', Owner: '7', Due: '2025-06-14' }))).toBe(true);
    expect(plan.matches(rec({ Status: 'Closed', Owner: '7', Due: '2025-06-14' }))).toBe(false);
    expect(plan.matches(rec({ Status: 'Open', Owner: '8', Due: '2025-06-14' }))).toBe(false);
    expect(plan.matches(rec({ Status: 'Open', Owner: '7', Due: '2025-06-15' }))).toBe(false);
    // An empty cell fails every comparison.
    expect(plan.matches(rec({ Status: 'Open', Owner: '7', Due: null }))).toBe(false);
  });

  it('compares numbers as numbers and date-times as instants', () => {
    const plan = planQuery(schema, [
      { column: 'Score', op: 'gt', value: 9 },
      { column: 'RaisedAt', op: 'le', value: '2025-01-02T10:00:00+01:00' },
    ]);
    expect(plan.matches(rec({ Score: 10, RaisedAt: '2025-01-02T09:00:00Z' }))).toBe(true);
    expect(plan.matches(rec({ Score: 9, RaisedAt: '2025-01-02T09:00:00Z' }))).toBe(false);
    expect(plan.matches(rec({ Score: 10, RaisedAt: '2025-01-02T09:00:01Z' }))).toBe(false);
  });

  it('matches text prefixes and contents without case, and a multi-value cell by any of its values', () => {
    const plan = planQuery(small, [
      { column: 'Ref', op: 'startsWith', value: 'nc-' },
      { column: 'Tags', op: 'contains', value: 'B' },
      { column: 'Tags', op: 'in', value: ['a', 'c'] },
    ]);
    expect(plan.matches(rec({ Ref: 'NC-2025-001', Tags: ['c', 'b'] }))).toBe(true);
    expect(plan.matches(rec({ Ref: 'NC-2025-001', Tags: ['b'] }))).toBe(false);
    expect(plan.matches(rec({ Ref: 'RSK-001', Tags: ['a', 'b'] }))).toBe(false);
  });
});

describe('planQuery: columns a large list cannot be queried on', () => {
  it('refuses a filter or sort on a non-indexed column of a large list, naming every such column', () => {
    const err = (() => {
      try {
        planQuery(schema, [status, { column: 'Summary', op: 'eq', value: 'x' }, { column: 'Tags', op: 'contains', value: 'a' }], { column: 'Notes', direction: 'ascending' });
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(err).toBeInstanceOf(NonIndexedFilterError);
    expect((err as NonIndexedFilterError).fields).toEqual(['fields/Summary', 'fields/Tags', 'fields/Notes']);
    expect((err as NonIndexedFilterError).listKey).toBe('engineTest');
  });

  it('on a small list applies non-indexed filters to the returned rows only, and sends an indexed one', () => {
    const plan = planQuery(small, [{ column: 'Summary', op: 'eq', value: 'x' }, status]);
    expect(plan.sent).toEqual(status);
    expect(plan.matches(rec({ Summary: 'x', Status: 'Open' }))).toBe(true);
    expect(plan.matches(rec({ Summary: 'y', Status: 'Open' }))).toBe(false);
    expect(planQuery(small, [{ column: 'Summary', op: 'eq', value: 'x' }]).filter).toBeNull();
  });

  it('refuses a column the schema does not have', () => {
    expect(() => planQuery(schema, [{ column: 'Nope', op: 'eq', value: 'x' }])).toThrow("List 'engineTest' has no column 'Nope'.");
  });
});
