import { describe, expect, it } from 'vitest';
import { person, text } from '../schema/columns.js';
import { compareColumn } from './compare.js';

describe('compareColumn', () => {
  it('makes a column optional when the schema no longer requires it (Document Approvals.Assignee, ADR 0005)', () => {
    const cmp = compareColumn(person('Assignee', { indexed: true }), { name: 'Assignee', indexed: true, required: true, personOrGroup: {} }, false);
    expect(cmp).toEqual({ kind: 'change', change: { patch: { required: false }, what: 'optional' } });
  });

  it('leaves a required column required when the schema requires it too', () => {
    expect(compareColumn(text('AssigneeUPN', { indexed: true, required: true }), { name: 'AssigneeUPN', indexed: true, required: true, text: {} }, false)).toEqual({ kind: 'same' });
  });
});
