import { describe, expect, it } from 'vitest';
// The clause tree lives beside the list schema; the rules take it as a function.
// eslint-disable-next-line no-restricted-imports
import { clauseByNumber } from '../../../graph/schema/clauses.js';
import { people, procedure } from './fixtures.js';
import { validateDocumentMetadata, type DocumentMetadataInput } from './metadata.js';

const isValidClause = (c: string) => clauseByNumber(c) !== undefined;
const codes = (input: DocumentMetadataInput, opts: Partial<Parameters<typeof validateDocumentMetadata>[1]> = {}) =>
  validateDocumentMetadata(input, { isValidClause, ...opts }).map((e) => e.code);

describe('validateDocumentMetadata', () => {
  const valid: DocumentMetadataInput = procedure('Draft');

  it('accepts complete metadata', () => {
    expect(validateDocumentMetadata(valid, { isValidClause, requireDocId: true, requireAuthor: true })).toEqual([]);
  });

  it('reports every missing required field at once, with the field it belongs to', () => {
    const errors = validateDocumentMetadata({}, { isValidClause, requireDocId: true, requireAuthor: true, requireChangeSummary: true });
    expect(errors.map((e) => [e.field, e.code])).toEqual([
      ['docId', 'docId.required'],
      ['title', 'title.required'],
      ['docType', 'docType.required'],
      ['ownerId', 'owner.required'],
      ['authorId', 'author.required'],
      ['approverIds', 'approver.required'],
      ['reviewCycleMonths', 'reviewCycle.outOfRange'],
      ['classification', 'classification.required'],
      ['changeSummary', 'changeSummary.required'],
    ]);
    for (const e of errors) expect(e.message.length).toBeGreaterThan(10);
  });

  it('requires an owner and at least one non-blank approver', () => {
    expect(codes({ ...valid, ownerId: '  ' })).toEqual(['owner.required']);
    expect(codes({ ...valid, approverIds: [] })).toEqual(['approver.required']);
    expect(codes({ ...valid, approverIds: [' '] })).toEqual(['approver.required']);
  });

  it('refuses the author as approver, whatever the case of the id', () => {
    const errors = validateDocumentMetadata({ ...valid, authorId: people.raj.id.toUpperCase() }, { isValidClause });
    expect(errors).toEqual([
      { field: 'approverIds', code: 'approver.isAuthor', value: people.raj.id, message: expect.stringMatching(/author/) },
    ]);
  });

  it('accepts review cycles of 1 to 60 whole months only', () => {
    for (const ok of [1, 12, 60]) expect(codes({ ...valid, reviewCycleMonths: ok }), String(ok)).toEqual([]);
    for (const bad of [0, 61, -1, 6.5, null]) expect(codes({ ...valid, reviewCycleMonths: bad }), String(bad)).toEqual(['reviewCycle.outOfRange']);
  });

  it('takes the classification and DocType from their lists', () => {
    expect(codes({ ...valid, classification: 'Secret' })).toEqual(['classification.invalid']);
    expect(codes({ ...valid, classification: 'internal' })).toEqual(['classification.invalid']);
    expect(codes({ ...valid, docType: 'Memo' })).toEqual(['docType.invalid']);
  });

  it('checks every clause against the clause tree and names the bad ones', () => {
    expect(codes({ ...valid, primaryClause: '8.5.1.3', clauseRefs: ['7.5', '8.5.1.3', '10.2'] })).toEqual([]);
    const errors = validateDocumentMetadata({ ...valid, primaryClause: '11', clauseRefs: ['7.5', '3.1', '8.5.9'] }, { isValidClause });
    expect(errors.map((e) => [e.code, e.value])).toEqual([
      ['primaryClause.invalid', '11'],
      ['clauseRefs.invalid', '3.1'],
      ['clauseRefs.invalid', '8.5.9'],
    ]);
  });

  it('checks the document id format and the mandatory item', () => {
    expect(codes({ ...valid, docId: 'POL-1' })).toEqual(['docId.invalid']);
    expect(codes({ ...valid, docId: '' })).toEqual([]);
    expect(codes({ ...valid, docId: '' }, { requireDocId: true })).toEqual(['docId.required']);
    expect(codes({ ...valid, mandatoryItem: 'D25' })).toEqual(['mandatoryItem.invalid']);
  });

  it('refuses a document id whose prefix does not fit the document type', () => {
    expect(codes({ ...valid, docId: 'SMS-POL-010' })).toEqual(['docId.typeMismatch']);
    expect(codes({ ...valid, docType: 'Work instruction', docId: 'SMS-WI-004' })).toEqual([]);
    expect(codes({ ...valid, docType: 'Work instruction', docId: 'SMS-PRC-010' })).toEqual(['docId.typeMismatch']);
    // The SMS scope (mandatory item D1) is numbered SMS-SCP-nnn, whatever its type.
    expect(codes({ ...valid, docType: 'Policy', mandatoryItem: 'D1', docId: 'SMS-SCP-001' })).toEqual([]);
    expect(codes({ ...valid, docType: 'Policy', mandatoryItem: 'D1', docId: 'SMS-POL-001' })).toEqual(['docId.typeMismatch']);
    expect(codes({ ...valid, docType: 'Policy', mandatoryItem: 'None', docId: 'SMS-SCP-001' })).toEqual(['docId.typeMismatch']);
    const [e] = validateDocumentMetadata({ ...valid, docId: 'SMS-CON-003' }, { isValidClause });
    expect(e).toMatchObject({ field: 'docId', value: 'SMS-CON-003' });
  });

  it('needs an audience and a 0–365 day period when acknowledgement is required', () => {
    expect(codes({ ...valid, ackRequired: true, ackAudience: [], ackDueDays: 14 })).toEqual(['ackAudience.required']);
    expect(codes({ ...valid, ackRequired: true, ackDueDays: -1 })).toEqual(['ackDueDays.outOfRange']);
    expect(codes({ ...valid, ackRequired: true, ackDueDays: 366 })).toEqual(['ackDueDays.outOfRange']);
    expect(codes({ ...valid, ackRequired: false, ackAudience: [], ackDueDays: -1 })).toEqual([]);
  });

  it('needs an issuer for external-origin documents, a title that fits, and a change summary when asked', () => {
    expect(codes({ ...valid, externalOrigin: true, issuer: null })).toEqual(['issuer.required']);
    expect(codes({ ...valid, externalOrigin: true, issuer: 'Microsoft' })).toEqual([]);
    expect(codes({ ...valid, title: 'x'.repeat(256) })).toEqual(['title.tooLong']);
    // A right-to-left override makes "Policy\u202Efdp.exe" display as "Policyexe.pdf".
    expect(codes({ ...valid, title: 'Access policy \u202Efdp.exe' })).toEqual(['title.bidiControl']);
    expect(codes({ ...valid, title: 'Access policy \u2067note\u2069' })).toEqual(['title.bidiControl']);
    // Right-to-left text and its marks are titles like any other.
    expect(codes({ ...valid, title: 'سياسة الوصول \u200F(v2)' })).toEqual([]);
    expect(codes({ ...valid, changeSummary: ' ' }, { requireChangeSummary: true })).toEqual(['changeSummary.required']);
  });
});
