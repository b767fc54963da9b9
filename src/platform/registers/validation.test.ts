import { describe, expect, it } from 'vitest';
import { nonconformities, objectives, risks, serviceAgreements, services } from '../../../graph/schema/registers.js';
import en from '../../app/i18n/en.json';
import zh from '../../app/i18n/zh-CN.json';
import { FORM_VALIDATION_CODES, formSchemaOf, validateRecord } from './validation.js';

/** A risk as the register engine reads it (person and lookup columns as lookup ids). */
const risk = {
  Title: 'Azure region outage breaches SVC-03 availability and RTO',
  Ref: 'RSK-002',
  Status: 'Monitoring',
  Owner: '12',
  PrimaryClause: '6.1',
  ClauseRefs: ['6.1', '8.7.1'],
  Process: '15',
  RiskKind: 'Threat',
  Category: 'Continuity',
  Services: ['3'],
  Likelihood: 3,
  Impact: 5,
  InherentScore: 15,
  TreatmentOption: 'Reduce',
  ResidualLikelihood: 2,
  ResidualImpact: 4,
  ResidualScore: 8,
  WithinAcceptance: true,
  AcceptedBy: null,
  AcceptedOn: null,
  ReviewDate: '2027-01-06',
};

describe('validateRecord', () => {
  it('finds nothing wrong with a record as the engine reads it', () => {
    expect(validateRecord(risks, risk)).toEqual([]);
  });

  it('reports missing required columns on a new record, but not those with a default', () => {
    expect(validateRecord(risks, { Likelihood: 3 })).toEqual([
      { column: 'Title', code: 'required' },
      { column: 'RiskKind', code: 'required' },
    ]);
    expect(validateRecord(risks, { ...risk, Title: '   ' })).toEqual([{ column: 'Title', code: 'required' }]);
  });

  it('checks choices, unless the column takes fill-in values', () => {
    expect(validateRecord(risks, { ...risk, Category: 'Weather' })).toEqual([{ column: 'Category', code: 'notAChoice' }]);
    expect(validateRecord(risks, { ...risk, ClauseRefs: ['6.1', '99.9'] })).toEqual([{ column: 'ClauseRefs', code: 'notAChoice' }]);
    const objective = { Title: 'Cut P1 backlog', PolicyCommitment: 'Keep the lights on' };
    expect(validateRecord(objectives, objective)).toEqual([]);
  });

  it('keeps numbers within the column bounds and reports one issue per column', () => {
    expect(validateRecord(risks, { ...risk, Likelihood: 7, ResidualImpact: 0 })).toEqual([
      { column: 'Likelihood', code: 'tooLarge', params: { max: 5 } },
      { column: 'ResidualImpact', code: 'tooSmall', params: { min: 1 } },
    ]);
    expect(validateRecord(services, { Title: 'Hosting', AvailabilityTarget: 100.5 })).toEqual([{ column: 'AvailabilityTarget', code: 'tooLarge', params: { max: 100 } }]);
    expect(validateRecord(risks, { ...risk, Likelihood: '3' as unknown as number })).toEqual([{ column: 'Likelihood', code: 'notANumber' }]);
  });

  it('adds the register’s own rules (whole-number ratings, date order, residual ≤ inherent)', () => {
    expect(validateRecord(risks, { ...risk, Likelihood: 2.5 })).toEqual([{ column: 'Likelihood', code: 'ratingRange', params: { min: 1, max: 5 } }]);
    expect(validateRecord(risks, { ...risk, Likelihood: 1, Impact: 2 })).toEqual([{ column: 'ResidualImpact', code: 'residualAboveInherent' }]);
    expect(validateRecord(serviceAgreements, { Title: 'SLA', AgreementType: 'SLA', StartDate: '2026-03-01', EndDate: '2026-02-28' })).toEqual([
      { column: 'EndDate', code: 'dateOrder', params: { other: 'StartDate' } },
    ]);
  });

  it('checks dates, links, text length and references', () => {
    const nc = { Title: 'NC', Source: 'Internal audit' };
    expect(validateRecord(nonconformities, { ...nc, RaisedOn: '2026-02-30' })).toEqual([{ column: 'RaisedOn', code: 'invalidDate' }]);
    expect(validateRecord(nonconformities, { ...nc, RaisedOn: '' })).toEqual([]);
    expect(validateRecord(nonconformities, { ...nc, Title: 'x'.repeat(256) })).toEqual([{ column: 'Title', code: 'tooLong', params: { max: 255 } }]);
    expect(validateRecord(nonconformities, { ...nc, Owner: 'marcus@contoso.test', Services: ['3', ''] })).toEqual([{ column: 'Services', code: 'invalidReference' }]);
    expect(validateRecord(serviceAgreements, { Title: 'SLA', AgreementType: 'SLA', AgreementDoc: 'javascript:alert(1)' })).toEqual([{ column: 'AgreementDoc', code: 'invalidUrl' }]);
    expect(validateRecord(serviceAgreements, { Title: 'SLA', AgreementType: 'SLA', AgreementDoc: 'https://contoso.sharepoint.com/sla.docx' })).toEqual([]);
  });

  it('checks only the columns asked for', () => {
    expect(validateRecord(risks, { Likelihood: 9 }, ['Likelihood'])).toEqual([{ column: 'Likelihood', code: 'tooLarge', params: { max: 5 } }]);
  });
});

describe('formSchemaOf', () => {
  it('builds a zod object over the form columns that a form library can use directly', () => {
    const schema = formSchemaOf(risks, ['Title', 'Likelihood', 'ReviewDate']);
    expect(schema.safeParse({ Title: 'Risk', Likelihood: null, ReviewDate: '' }).success).toBe(true);
    const failed = schema.safeParse({ Title: '', Likelihood: 6, ReviewDate: '07/12/2026' });
    expect(failed.success).toBe(false);
    expect(failed.error!.issues.map((i) => [i.path[0], i.message])).toEqual([
      ['Title', 'required'],
      ['Likelihood', 'tooLarge'],
      ['ReviewDate', 'invalidDate'],
    ]);
  });

  it('refuses a column the list does not have', () => {
    expect(() => formSchemaOf(risks, ['Colour'])).toThrow(/no column 'Colour'/);
  });

  it('has an English and a Chinese text for every code', () => {
    for (const code of FORM_VALIDATION_CODES) {
      expect((en as Record<string, string>)[`registers.validation.${code}`], code).toBeTruthy();
      expect((zh as Record<string, string>)[`registers.validation.${code}`], code).toBeTruthy();
    }
  });
});
