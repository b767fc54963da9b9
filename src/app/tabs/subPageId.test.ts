import { describe, expect, it } from 'vitest';
import { documentPath } from '../../features/documents/index.js';
import { formatSubPageId, isUnfilled, parseSubPageId, pathForTarget, RECORD_REGISTERS, type SubPageTarget } from './subPageId.js';

describe('parseSubPageId', () => {
  it('reads the four kinds of sub-page id', () => {
    expect(parseSubPageId('doc:SMS-POL-001')).toEqual({ status: 'ok', target: { kind: 'document', docId: 'SMS-POL-001' } });
    expect(parseSubPageId('rec:nonconformities:12')).toEqual({ status: 'ok', target: { kind: 'record', register: 'nonconformities', itemId: 12 } });
    expect(parseSubPageId('act:ACT-0142')).toEqual({ status: 'ok', target: { kind: 'action', actionRef: 'ACT-0142' } });
    expect(parseSubPageId('ack:12')).toEqual({ status: 'ok', target: { kind: 'acknowledgement', releaseId: 12 } });
  });

  it('ignores surrounding spaces', () => {
    expect(parseSubPageId('  doc:SMS-PRC-004 ')).toEqual({ status: 'ok', target: { kind: 'document', docId: 'SMS-PRC-004' } });
  });

  it('treats an absent, empty or unfilled Teams placeholder as no sub-page', () => {
    for (const raw of [null, undefined, '', '   ', '{page.subPageId}', '{subEntityId}']) {
      expect(parseSubPageId(raw), String(raw)).toEqual({ status: 'none' });
    }
  });

  it('rejects anything that is not one of our ids, keeping the raw text for the message', () => {
    const bad = [
      'SMS-POL-001',
      'doc:',
      'doc:sms-pol-001',
      'doc:SMS-POL-1',
      'doc:SMS-POL-000',
      'DOC:SMS-POL-001',
      'rec:nonconformities',
      'rec:nonconformities:0',
      'rec:nonconformities:12:3',
      'rec:nonconformities:-4',
      'rec:nonconformities:1.5',
      'rec:acknowledgements:3',
      'rec:actions:3',
      'rec:constructor:1',
      'rec:smsSettings:1',
      'act:ACT-42',
      'act:act-0142',
      'act:NC-2025-003',
      'task:123',
      'ack:',
      'ack:0',
      'ack:-3',
      'ack:1.5',
      'ack:12:3',
      'ack:SMS-POL-001',
      `doc:SMS-POL-${'1'.repeat(300)}`,
    ];
    for (const raw of bad) {
      expect(parseSubPageId(raw), raw).toEqual({ status: 'invalid', raw: raw.trim() });
    }
  });

  it('accepts every register list of the SMS schema for records, but not Actions', () => {
    expect(RECORD_REGISTERS).toContain('nonconformities');
    expect(RECORD_REGISTERS).toContain('risks');
    expect(RECORD_REGISTERS).not.toContain('actions');
    for (const register of RECORD_REGISTERS) {
      expect(parseSubPageId(`rec:${register}:7`).status, register).toBe('ok');
    }
  });
});

describe('formatSubPageId', () => {
  it('writes each kind so that it reads back the same', () => {
    const targets: SubPageTarget[] = [
      { kind: 'document', docId: 'SMS-POL-001' },
      { kind: 'record', register: 'nonconformities', itemId: 12 },
      { kind: 'action', actionRef: 'ACT-0142' },
      { kind: 'acknowledgement', releaseId: 12 },
    ];
    expect(targets.map(formatSubPageId)).toEqual(['doc:SMS-POL-001', 'rec:nonconformities:12', 'act:ACT-0142', 'ack:12']);
    for (const target of targets) expect(parseSubPageId(formatSubPageId(target))).toEqual({ status: 'ok', target });
  });

  it('refuses to write an id nobody could open', () => {
    expect(() => formatSubPageId({ kind: 'document', docId: 'policy' })).toThrow(RangeError);
    expect(() => formatSubPageId({ kind: 'record', register: 'nonconformities', itemId: 0 })).toThrow(RangeError);
    expect(() => formatSubPageId({ kind: 'record', register: 'nope', itemId: 3 })).toThrow(RangeError);
    expect(() => formatSubPageId({ kind: 'acknowledgement', releaseId: 0 })).toThrow(RangeError);
  });
});

describe('pathForTarget', () => {
  it('routes each kind into its area', () => {
    expect(pathForTarget({ kind: 'document', docId: 'SMS-POL-001' })).toBe('/documents/SMS-POL-001');
    expect(pathForTarget({ kind: 'record', register: 'nonconformities', itemId: 12 })).toBe('/registers/nonconformities/12');
    expect(pathForTarget({ kind: 'action', actionRef: 'ACT-0142' })).toBe('/actions/ACT-0142');
    expect(pathForTarget({ kind: 'acknowledgement', releaseId: 12 })).toBe('/acknowledgements?release=12');
  });

  it('sends a document where the Documents area puts its document pages', () => {
    expect(pathForTarget({ kind: 'document', docId: 'SMS-PRC-004' })).toBe(documentPath('SMS-PRC-004'));
  });
});

describe('isUnfilled', () => {
  it('knows an unfilled placeholder from a value', () => {
    expect(isUnfilled('{app.theme}')).toBe(true);
    expect(isUnfilled(' ')).toBe(true);
    expect(isUnfilled('dark')).toBe(false);
  });
});
