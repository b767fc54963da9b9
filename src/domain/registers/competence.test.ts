import { describe, expect, it } from 'vitest';
import { competenceGaps, expiringWithin, isInDate } from './competence.js';

const requirements = [
  { id: '1', role: 'Process owner', competence: 'ISO/IEC 20000-1 foundation', mandatory: true },
  { id: '2', role: 'Process owner', competence: 'Root cause analysis', mandatory: true },
  { id: '3', role: 'Process owner', competence: 'Presentation skills', mandatory: false },
  { id: '4', role: 'Internal auditor', competence: 'ISO 19011 auditing', mandatory: true },
  { id: '5', role: 'Employee', competence: 'Information security awareness', mandatory: true },
];
const rec = (personId: string, requirementId: string | null, status: string, expiresOn: string | null, ref = '') => ({ personId, requirementId, status, expiresOn, ref });
const TODAY = '2026-12-07';

describe('competenceGaps', () => {
  it('lists the mandatory requirements of the person’s roles without an in-date Valid record', () => {
    const records = [
      rec('marcus@contoso.test', '1', 'Valid', '2028-01-01'),
      rec('marcus@contoso.test', '2', 'In progress', null),
      rec('marcus@contoso.test', '5', 'Valid', '2026-12-07'),
      rec('david@contoso.test', '4', 'Valid', null),
    ];
    const gaps = competenceGaps({ id: 'Marcus@contoso.test', roles: ['Process owner', 'Employee'] }, requirements, records, TODAY);
    expect(gaps.map((g) => [g.requirement.id, g.reason])).toEqual([
      ['2', 'inProgress'],
      ['5', 'expired'],
    ]);
    expect(gaps[0]!.personId).toBe('marcus@contoso.test');
    expect(gaps[1]!.records).toHaveLength(1);
  });

  it('ignores optional requirements and other roles, and reports requirements with no record as missing', () => {
    const gaps = competenceGaps({ id: 'fiona@contoso.test', roles: ['internal auditor'] }, requirements, [], TODAY);
    expect(gaps.map((g) => [g.requirement.competence, g.reason])).toEqual([['ISO 19011 auditing', 'missing']]);
  });

  it('is closed by a renewal even when an older record expired', () => {
    const records = [rec('fiona@contoso.test', '4', 'Expired', '2025-01-01'), rec('fiona@contoso.test', '4', 'Valid', '2027-06-01')];
    expect(competenceGaps({ id: 'fiona@contoso.test', roles: ['Internal auditor'] }, requirements, records, TODAY)).toEqual([]);
  });

  it('counts a record valid while its expiry date has not come', () => {
    expect(isInDate(rec('a', '1', 'Valid', '2026-12-08'), TODAY)).toBe(true);
    expect(isInDate(rec('a', '1', 'Valid', TODAY), TODAY)).toBe(false);
    expect(isInDate(rec('a', '1', 'Valid', null), TODAY)).toBe(true);
    expect(isInDate(rec('a', '1', 'Superseded', null), TODAY)).toBe(false);
  });
});

describe('expiringWithin', () => {
  it('lists Valid records expiring from today to 60 days later, soonest first', () => {
    const records = [
      rec('a', '1', 'Valid', '2027-02-05', 'CR-4'),
      rec('a', '1', 'Valid', '2027-02-06', 'CR-5'),
      rec('a', '1', 'Valid', TODAY, 'CR-1'),
      rec('a', '1', 'Valid', '2026-12-06', 'CR-0'),
      rec('a', '1', 'Valid', '2027-01-10', 'CR-3'),
      rec('a', '1', 'In progress', '2027-01-01', 'CR-2'),
      rec('a', '1', 'Valid', null, 'CR-6'),
    ];
    expect(expiringWithin(records, TODAY).map((r) => r.ref)).toEqual(['CR-1', 'CR-3', 'CR-4']);
    expect(expiringWithin(records, TODAY, 30).map((r) => r.ref)).toEqual(['CR-1']);
    expect(expiringWithin(records, 'not a date')).toEqual([]);
  });
});
