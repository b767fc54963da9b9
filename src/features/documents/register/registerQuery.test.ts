import { describe, expect, it } from 'vitest';
import { renderFilter } from '../../../../graph/core/filter.js';
import { DEFAULT_SORT, NO_FILTERS, dateOnlyValue, docIdPrefixOf, planRegisterQuery, registerViewFor, type RegisterParams, type RegisterRow } from './registerQuery.js';

const base: RegisterParams = { view: 'all', filters: NO_FILTERS, sort: DEFAULT_SORT, docIdPrefix: '', today: '2025-06-15' };
const serverFilter = (p: Partial<RegisterParams>) => {
  const plan = planRegisterQuery({ ...base, ...p });
  return plan.filter ? renderFilter(plan.filter, { quoteDates: true }) : null;
};

const row = (over: Partial<RegisterRow>): RegisterRow => ({
  itemId: '1',
  webUrl: null,
  docId: 'SMS-POL-001',
  title: 'Policy',
  docType: 'Policy',
  status: 'Published',
  ownerLookupId: '7',
  processLookupId: '3',
  publishedVersion: '1.0',
  effectiveDate: '2025-01-01',
  nextReviewDate: '2026-01-01',
  primaryClause: '5.2',
  clauseRefs: [],
  review: 'ok',
  ...over,
});

describe('planRegisterQuery', () => {
  it('sends one indexed predicate, the most selective one chosen, and checks all of them on the rows', () => {
    const filters = { ...NO_FILTERS, docType: 'Policy' as const, status: 'Published' as const, ownerLookupId: '7' };
    expect(serverFilter({ filters })).toBe('fields/OwnerLookupId eq 7');
    expect(serverFilter({ filters, docIdPrefix: 'SMS-PO' })).toBe("startswith(fields/DocId,'SMS-PO')");
    expect(serverFilter({ filters: { ...NO_FILTERS, status: 'Withdrawn' } })).toBe("fields/DocStatus eq 'Withdrawn'");
    const plan = planRegisterQuery({ ...base, filters });
    expect(plan.matches(row({}))).toBe(true);
    expect(plan.matches(row({ docType: 'Plan' }))).toBe(false);
    expect(plan.matches(row({ status: 'Draft' }))).toBe(false);
  });

  it('asks for reviews before a date for the review filter', () => {
    expect(serverFilter({ filters: { ...NO_FILTERS, review: 'overdue' } })).toBe("fields/NextReviewDate lt '2025-06-15T00:00:00.000Z'");
    expect(serverFilter({ filters: { ...NO_FILTERS, review: 'due' } })).toBe("fields/NextReviewDate le '2025-07-15T00:00:00.000Z'");
  });

  it('limits people without document-control rights to documents in force, ignoring a status filter', () => {
    expect(registerViewFor(['processOwner', 'employee'])).toBe('inForce');
    expect(registerViewFor(['documentController', 'employee'])).toBe('all');
    const inForce = { ...base, view: 'inForce' as const, filters: { ...NO_FILTERS, status: 'Withdrawn' as const } };
    expect(serverFilter(inForce)).toBe("(fields/DocStatus eq 'Published') or (fields/DocStatus eq 'Under revision') or (fields/DocStatus eq 'In review') or (fields/DocStatus eq 'Approved')");
    const plan = planRegisterQuery(inForce);
    expect(plan.matches(row({ status: 'Withdrawn' }))).toBe(false);
    expect(plan.matches(row({ status: 'In review', publishedVersion: null }))).toBe(false);
    expect(plan.matches(row({ status: 'Under revision' }))).toBe(true);
  });

  it('orders on the chosen indexed column', () => {
    expect(planRegisterQuery({ ...base, sort: { column: 'NextReviewDate', direction: 'descending' } }).orderby).toEqual(['fields/NextReviewDate desc']);
  });
});

describe('search text', () => {
  it('treats a DocId prefix as a server-side search and anything else as a title search', () => {
    expect(docIdPrefixOf(' sms-pol ')).toBe('SMS-POL');
    expect(docIdPrefixOf('SMS-')).toBe('SMS-');
    expect(docIdPrefixOf('incident')).toBe('');
    expect(docIdPrefixOf('change - policy')).toBe('');
  });
});

describe('dateOnlyValue', () => {
  it('reads the calendar date of a date-only column for site time zones within ±12 hours', () => {
    expect(dateOnlyValue('2025-03-14T00:00:00Z')).toBe('2025-03-14');
    expect(dateOnlyValue('2025-03-13T23:00:00Z')).toBe('2025-03-14'); // UTC+1 site
    expect(dateOnlyValue('2025-03-14T05:00:00Z')).toBe('2025-03-14'); // UTC-5 site
    expect(dateOnlyValue('2025-03-14')).toBe('2025-03-14');
    expect(dateOnlyValue('soon')).toBeNull();
    expect(dateOnlyValue(null)).toBeNull();
  });
});
