import { describe, expect, it } from 'vitest';
import { acknowledgementLink, acknowledgementPath, actionLink, actionPath, documentLink, documentPath, linkFor, pathFor, recordLink, recordPath, subPageIdOf } from './paths.js';

describe('paths', () => {
  it('builds the page path of each target, encoding what it carries', () => {
    expect(documentPath('SMS-POL-001')).toBe('/documents/SMS-POL-001');
    expect(documentPath('A/B C')).toBe('/documents/A%2FB%20C');
    expect(recordPath('nonconformities', 12)).toBe('/registers/nonconformities/12');
    expect(actionPath('ACT-0142')).toBe('/actions/ACT-0142');
    expect(pathFor({ kind: 'document', docId: 'SMS-PRC-004' })).toBe(documentPath('SMS-PRC-004'));
    expect(acknowledgementPath(12)).toBe('/acknowledgements?release=12');
  });

  it('builds absolute links from any address of the app', () => {
    expect(documentLink('https://sms.example/tab/home?x=1', 'SMS-POL-001')).toBe('https://sms.example/documents/SMS-POL-001');
    expect(recordLink('http://localhost:5173', 'risks', 3)).toBe('http://localhost:5173/registers/risks/3');
    expect(actionLink('https://sms.example', 'ACT-0001')).toBe('https://sms.example/actions/ACT-0001');
    expect(linkFor('https://sms.example/', { kind: 'action', actionRef: 'ACT-0002' })).toBe('https://sms.example/actions/ACT-0002');
    expect(acknowledgementLink('https://sms.example/tab/my', 7)).toBe('https://sms.example/acknowledgements?release=7');
  });

  it('gives the sub-page id a Teams deep link carries', () => {
    expect(subPageIdOf({ kind: 'document', docId: 'SMS-POL-001' })).toBe('doc:SMS-POL-001');
    expect(subPageIdOf({ kind: 'record', register: 'nonconformities', itemId: 12 })).toBe('rec:nonconformities:12');
    expect(subPageIdOf({ kind: 'action', actionRef: 'ACT-0142' })).toBe('act:ACT-0142');
    expect(subPageIdOf({ kind: 'acknowledgement', releaseId: 12 })).toBe('ack:12');
  });
});
