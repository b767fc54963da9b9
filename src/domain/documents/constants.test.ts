import { describe, expect, it } from 'vitest';
// The copies in src/domain must equal the list schema (tests may read graph/schema; the code may not).
// eslint-disable-next-line no-restricted-imports
import * as schema from '../../../graph/schema/documents.js';
import { APPROVAL_DECISIONS, APPROVAL_STEPS, CHANGE_TYPES, CLASSIFICATIONS, DOC_STATUSES, DOC_TYPES, MANDATORY_ITEMS, VERSION_STATUSES } from './constants.js';
import { DOCUMENT_TRANSITIONS } from './lifecycle.js';

const pairs = (ts: readonly { from: string; to: string }[]) => ts.map((t) => `${t.from} → ${t.to}`).sort();

describe('document-control constants copied from graph/schema', () => {
  it('has the same choice values, in the same order, as the list schema', () => {
    expect(DOC_TYPES).toEqual(schema.DOC_TYPES);
    expect(DOC_STATUSES).toEqual(schema.DOC_STATUSES);
    expect(MANDATORY_ITEMS).toEqual(schema.MANDATORY_ITEMS);
    expect(CLASSIFICATIONS).toEqual(schema.CLASSIFICATIONS);
    expect(VERSION_STATUSES).toEqual(schema.VERSION_STATUSES);
    expect(CHANGE_TYPES).toEqual(schema.CHANGE_TYPES);
    expect(APPROVAL_DECISIONS).toEqual(schema.APPROVAL_DECISIONS);
  });

  it('uses the Step choices and status columns of the schema', () => {
    const step = schema.documentApprovals.columns.find((c) => c.name === 'Step');
    expect(step?.choices).toEqual(APPROVAL_STEPS);
    expect(schema.smsDocuments.statuses).toEqual(DOC_STATUSES);
    expect(schema.documentReleases.statuses).toEqual(VERSION_STATUSES);
    expect(schema.documentApprovals.statuses).toEqual(APPROVAL_DECISIONS);
  });

  it('implements exactly the document transitions the schema lists', () => {
    expect(pairs(DOCUMENT_TRANSITIONS)).toEqual(pairs(schema.smsDocuments.transitions ?? []));
  });
});
