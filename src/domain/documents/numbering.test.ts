import { describe, expect, it } from 'vitest';
import { DOC_TYPES, type DocType } from './constants.js';
import { deepFreeze } from './fixtures.js';
import { docSequenceName, issueDocId, newDocSequence, nextDocId, parseDocId, sequenceUpdate, type SequenceState } from './numbering.js';

describe('nextDocId', () => {
  it('numbers each DocType with its own prefix, zero-padded to three digits', () => {
    const expected: Record<DocType, string> = {
      Policy: 'SMS-POL-004',
      Plan: 'SMS-PLN-004',
      'Process description': 'SMS-PRD-004',
      Procedure: 'SMS-PRC-004',
      'Work instruction': 'SMS-WI-004',
      'Form/Template': 'SMS-FRM-004',
      Catalogue: 'SMS-CAT-004',
      Agreement: 'SMS-AGR-004',
      Contract: 'SMS-CON-004',
      Register: 'SMS-REG-004',
      'External document': 'SMS-EXT-004',
    };
    for (const type of DOC_TYPES) expect(nextDocId(type, 4), type).toBe(expected[type]);
  });

  it('gives every DocType a different prefix', () => {
    const prefixes = DOC_TYPES.map((t) => parseDocId(nextDocId(t, 1))!.prefix);
    expect(new Set(prefixes).size).toBe(DOC_TYPES.length);
  });

  it('numbers the scope of the SMS (mandatory item D1) as SMS-SCP-nnn', () => {
    expect(nextDocId('Policy', 1, { mandatoryItem: 'D1' })).toBe('SMS-SCP-001');
    expect(docSequenceName('Policy', 'D1')).toBe('SMS-SCP');
    expect(nextDocId('Policy', 5, { mandatoryItem: 'D2' })).toBe('SMS-POL-005');
  });

  it('reads NextNumber and Padding from the SMS Sequences item the demo seed writes', () => {
    const seq: SequenceState = { sequenceName: 'SMS-POL', prefix: 'SMS-POL-', nextNumber: 4, padding: 3 };
    expect(nextDocId('Policy', seq)).toBe('SMS-POL-004');
    expect(nextDocId('Procedure', { sequenceName: 'SMS-PRC', prefix: 'SMS-PRC-', nextNumber: 31, padding: 4 })).toBe('SMS-PRC-0031');
  });

  it('does not cut numbers wider than the padding', () => {
    expect(nextDocId('Policy', 1000)).toBe('SMS-POL-1000');
  });

  it('refuses a counter for another type and numbers below 1', () => {
    const plans: SequenceState = { sequenceName: 'SMS-PLN', prefix: 'SMS-PLN-', nextNumber: 3, padding: 3 };
    expect(() => nextDocId('Policy', plans)).toThrow(/SMS-POL/);
    expect(() => nextDocId('Policy', 0)).toThrow(RangeError);
    expect(() => nextDocId('Policy', 2.5)).toThrow(RangeError);
  });
});

describe('sequenceUpdate / issueDocId / newDocSequence', () => {
  it('returns the counter with NextNumber + 1 and leaves the one read untouched', () => {
    const read = deepFreeze({ sequenceName: 'SMS-POL', prefix: 'SMS-POL-', nextNumber: 4, padding: 3 });
    expect(sequenceUpdate(read)).toEqual({ sequenceName: 'SMS-POL', prefix: 'SMS-POL-', nextNumber: 5, padding: 3 });
    expect(read.nextNumber).toBe(4);
  });

  it('works for any counter and rejects a broken one', () => {
    expect(sequenceUpdate({ nextNumber: 170, name: 'ACT' })).toEqual({ nextNumber: 171, name: 'ACT' });
    expect(() => sequenceUpdate({ nextNumber: 0 })).toThrow(RangeError);
  });

  it('hands out consecutive ids', () => {
    let seq = newDocSequence('Work instruction');
    expect(seq).toEqual({ sequenceName: 'SMS-WI', prefix: 'SMS-WI-', nextNumber: 1, padding: 3 });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = issueDocId('Work instruction', seq);
      ids.push(r.docId);
      seq = r.next;
    }
    expect(ids).toEqual(['SMS-WI-001', 'SMS-WI-002', 'SMS-WI-003']);
    expect(seq.nextNumber).toBe(4);
  });
});

describe('parseDocId', () => {
  it('reads the demo document ids of §7.4', () => {
    expect(parseDocId('SMS-POL-001')).toEqual({ prefix: 'POL', number: 1, docType: 'Policy' });
    expect(parseDocId('SMS-SCP-001')).toEqual({ prefix: 'SCP', number: 1, docType: 'Policy' });
    expect(parseDocId('SMS-PLN-002')).toEqual({ prefix: 'PLN', number: 2, docType: 'Plan' });
    expect(parseDocId('SMS-PRC-010')).toEqual({ prefix: 'PRC', number: 10, docType: 'Procedure' });
    expect(parseDocId('SMS-CAT-001')).toEqual({ prefix: 'CAT', number: 1, docType: 'Catalogue' });
    expect(parseDocId('SMS-AGR-004')).toEqual({ prefix: 'AGR', number: 4, docType: 'Agreement' });
  });

  it('rejects malformed ids and leaves unknown prefixes untyped', () => {
    for (const bad of ['POL-001', 'SMS-POL-1', 'SMS-POL-000', 'sms-pol-001', 'SMS-POLICY-001', 'SMS-POL-001 ']) {
      expect(parseDocId(bad), bad).toBeUndefined();
    }
    expect(parseDocId('SMS-ZZZ-001')).toEqual({ prefix: 'ZZZ', number: 1, docType: undefined });
  });
});
