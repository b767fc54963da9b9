import { describe, expect, it } from 'vitest';
import type { GraphClient } from '../../../../graph/core/client.js';
import { renderFilter } from '../../../../graph/core/filter.js';
import { directoryOf, type Person } from '../../../platform/people.js';
import type { CellValue, RegisterRecord } from '../../../platform/registers/index.js';
import {
  DEFAULT_SORT,
  NO_FILTERS,
  dateOnlyValue,
  awaitsNothing,
  docIdPrefixOf,
  fetchAllRegisterRows,
  fetchRegisterPage,
  ownerOf,
  ownerOptions,
  planRegisterQuery,
  processLabel,
  processOptions,
  registerViewFor,
  toRegisterRow,
  type RegisterParams,
} from './registerQuery.js';

const base: RegisterParams = { view: 'all', filters: NO_FILTERS, sort: DEFAULT_SORT, docIdPrefix: '', today: '2025-06-15' };
const serverFilter = (p: Partial<RegisterParams>) => {
  const plan = planRegisterQuery({ ...base, ...p });
  return plan.filter ? renderFilter(plan.filter, { quoteDates: true }) : null;
};

/** A library record as the engine reads it (values already coerced). */
const record = (over: Record<string, CellValue>): RegisterRecord => ({
  id: '1',
  eTag: null,
  webUrl: null,
  values: {
    DocId: 'SMS-POL-001',
    Title: 'Policy',
    DocType: 'Policy',
    DocStatus: 'Published',
    Owner: '7',
    OwnerUPN: 'Aisha.Khan@x.test',
    Process: '3',
    PublishedVersion: '1.0',
    EffectiveDate: '2025-01-01',
    NextReviewDate: '2026-01-01',
    ReviewCycleMonths: 12,
    PrimaryClause: '5.2',
    ClauseRefs: [],
    ...over,
  },
});

/** Whether the register keeps this record: the engine's filters on the record, then the view rules on its row. */
const keeps = (p: Partial<RegisterParams>, over: Record<string, CellValue>): boolean => {
  const params = { ...base, ...p };
  const plan = planRegisterQuery(params);
  const r = record(over);
  return plan.matches(r) && plan.rowFilter(toRegisterRow(r, params.today));
};

describe('planRegisterQuery', () => {
  it('sends one indexed predicate, the most selective one chosen, and checks all of them on the rows', () => {
    const filters = { ...NO_FILTERS, docType: 'Policy' as const, status: 'Published' as const, ownerUpn: 'Aisha.Khan@x.test' };
    expect(serverFilter({ filters })).toBe("fields/OwnerUPN eq 'Aisha.Khan@x.test'");
    expect(serverFilter({ filters, docIdPrefix: 'SMS-PO' })).toBe("startswith(fields/DocId,'SMS-PO')");
    expect(serverFilter({ filters: { ...NO_FILTERS, status: 'Withdrawn' } })).toBe("fields/DocStatus eq 'Withdrawn'");
    expect(planRegisterQuery({ ...base, filters }).rest.map((x) => x.column)).toEqual(['DocType', 'DocStatus']);
    expect(keeps({ filters }, {})).toBe(true);
    expect(keeps({ filters }, { DocType: 'Plan' })).toBe(false);
    expect(keeps({ filters }, { DocStatus: 'Draft' })).toBe(false);
    expect(keeps({ filters }, { OwnerUPN: 'ben.lee@x.test' })).toBe(false);
    // The owner is found by OwnerUPN alone: a person column left empty (an owner who never opened the site) does not matter.
    expect(keeps({ filters }, { Owner: null })).toBe(true);
  });

  it('escapes the owner UPN it sends (an apostrophe is allowed in a UPN)', () => {
    expect(serverFilter({ filters: { ...NO_FILTERS, ownerUpn: "conor.o'neill@x.test" } })).toBe("fields/OwnerUPN eq 'conor.o''neill@x.test'");
  });

  it('asks for reviews before a date for the review filter, and keeps only rows in that review state', () => {
    expect(serverFilter({ filters: { ...NO_FILTERS, review: 'overdue' } })).toBe("fields/NextReviewDate lt '2025-06-15T00:00:00.000Z'");
    expect(serverFilter({ filters: { ...NO_FILTERS, review: 'due' } })).toBe("fields/NextReviewDate le '2025-07-15T00:00:00.000Z'");
    const overdue = { filters: { ...NO_FILTERS, review: 'overdue' as const } };
    const due = { filters: { ...NO_FILTERS, review: 'due' as const } };
    expect(keeps(overdue, { NextReviewDate: '2025-06-14' })).toBe(true);
    expect(keeps(overdue, { NextReviewDate: '2025-06-15' })).toBe(false);
    expect(keeps(due, { NextReviewDate: '2025-07-15' })).toBe(true);
    expect(keeps(due, { NextReviewDate: '2025-07-16' })).toBe(false);
    // A withdrawn document is not due for review, whatever its date says.
    expect(keeps(due, { NextReviewDate: '2025-06-01', DocStatus: 'Withdrawn' })).toBe(false);
  });

  it("bounds the review dates with the site's midnight: east and west of UTC", () => {
    const due = { filters: { ...NO_FILTERS, review: 'due' as const } };
    // NextReviewDate (date-only) holds midnight of the date in the site's zone, in UTC.
    expect(serverFilter({ ...due, timeZone: 'Asia/Shanghai' })).toBe("fields/NextReviewDate le '2025-07-14T16:00:00.000Z'");
    expect(serverFilter({ ...due, timeZone: 'America/New_York' })).toBe("fields/NextReviewDate le '2025-07-15T04:00:00.000Z'");
    expect(serverFilter({ filters: { ...NO_FILTERS, review: 'overdue' }, timeZone: 'America/Los_Angeles' })).toBe("fields/NextReviewDate lt '2025-06-15T07:00:00.000Z'");
  });

  it('limits people without document-control rights to documents in force, ignoring a status filter', () => {
    expect(registerViewFor(['processOwner', 'employee'])).toBe('inForce');
    expect(registerViewFor(['documentController', 'employee'])).toBe('all');
    const inForce = { ...base, view: 'inForce' as const, filters: { ...NO_FILTERS, status: 'Withdrawn' as const } };
    expect(serverFilter(inForce)).toBe("(fields/DocStatus eq 'Published') or (fields/DocStatus eq 'Under revision') or (fields/DocStatus eq 'In review') or (fields/DocStatus eq 'Approved')");
    expect(keeps(inForce, { DocStatus: 'Withdrawn' })).toBe(false);
    expect(keeps(inForce, { DocStatus: 'In review', PublishedVersion: null })).toBe(false);
    expect(keeps(inForce, { DocStatus: 'Under revision' })).toBe(true);
  });

  it('orders on the chosen indexed column', () => {
    expect(planRegisterQuery({ ...base, sort: { column: 'NextReviewDate', direction: 'descending' } }).orderby).toEqual(['fields/NextReviewDate desc']);
  });
});

describe('Awaiting my decision', () => {
  const awaiting = (p: Partial<RegisterParams> = {}): Partial<RegisterParams> => ({
    view: 'inForce',
    awaitingDocIds: ['SMS-PRC-030', 'SMS-PRC-031'],
    ...p,
    filters: { ...NO_FILTERS, ...p.filters, awaitingMyDecision: true },
  });

  it('sends the awaiting DocIds, never a wider predicate, even beside a type filter or a DocId prefix', () => {
    const ids = "(fields/DocId eq 'SMS-PRC-030') or (fields/DocId eq 'SMS-PRC-031')";
    expect(serverFilter(awaiting())).toBe(ids);
    expect(serverFilter(awaiting({ docIdPrefix: 'SMS-', filters: { ...NO_FILTERS, docType: 'Procedure' } }))).toBe(ids);
    // The other filters still apply to the returned rows.
    expect(keeps(awaiting({ filters: { ...NO_FILTERS, docType: 'Policy' } }), { DocId: 'SMS-PRC-031', DocType: 'Procedure' })).toBe(false);
  });

  it('keeps what the approver must decide whatever its status, in the view of documents in force too', () => {
    expect(keeps(awaiting(), { DocId: 'SMS-PRC-031', DocStatus: 'In review', PublishedVersion: null })).toBe(true);
    expect(keeps(awaiting(), { DocId: 'SMS-POL-001', DocStatus: 'Published' })).toBe(false);
  });

  it('reads nothing at all when nothing awaits', async () => {
    const params = { ...base, ...awaiting({ awaitingDocIds: [] }) } as RegisterParams;
    expect(awaitsNothing(params)).toBe(true);
    const unreachable = {} as GraphClient;
    expect(await fetchRegisterPage(unreachable, 'site', params)).toEqual({ rows: [], scanned: 0, requests: 0, nextLink: null });
    expect(await fetchAllRegisterRows(unreachable, 'site', params)).toEqual([]);
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

describe('register rows', () => {
  it('maps a record to a row with its review state on the viewer\'s date, and the default review cycle when none is set', () => {
    const row = toRegisterRow(record({ NextReviewDate: null, EffectiveDate: '2024-06-01', ReviewCycleMonths: null, ClauseRefs: ['8.1', '8.2'] }), '2025-06-15');
    expect(row).toMatchObject({ docId: 'SMS-POL-001', ownerLookupId: '7', ownerUpn: 'Aisha.Khan@x.test', processLookupId: '3', clauseRefs: ['8.1', '8.2'], nextReviewDate: null });
    // Effective 2024-06-01 + 12 months (DEFAULT_REVIEW_CYCLE_MONTHS) = 2025-06-01: overdue on 2025-06-15.
    expect(row.review).toBe('overdue');
    expect(toRegisterRow(record({ NextReviewDate: '2025-07-01' }), '2025-06-15').review).toBe('dueSoon');
  });
});

describe('owners and processes from the people directory', () => {
  const person = (upn: string, displayName: string, lookupId: string | null): Person => ({ userId: upn, id: upn.toLowerCase(), upn, displayName, lookupId, roles: ['employee'], ownedProcessIds: [] });
  const directory = directoryOf(
    [person('Aisha.Khan@x.test', 'Aisha Khan', '12'), person('ben.lee@x.test', 'Ben Lee', null)],
    [
      { id: '2', ref: 'PRC-10', title: 'Change' },
      { id: '1', ref: 'PRC-2', title: 'Incident' },
    ],
  );

  it('offers every directory user as owner, those who never opened the site too, and processes in Ref order', () => {
    expect(ownerOptions(directory)).toEqual([
      { upn: 'Aisha.Khan@x.test', name: 'Aisha Khan' },
      { upn: 'ben.lee@x.test', name: 'Ben Lee' },
    ]);
    expect(processOptions(directory).map(processLabel)).toEqual(['PRC-2 Incident', 'PRC-10 Change']);
    expect(ownerOptions(undefined)).toEqual([]);
  });

  it('names the owner from the person column when it is filled, else from OwnerUPN', () => {
    const row = (ownerLookupId: string | null, ownerUpn: string | null) => ({ ownerLookupId, ownerUpn });
    expect(ownerOf(row(null, 'ben.lee@x.test'), directory)?.displayName).toBe('Ben Lee');
    expect(ownerOf(row(null, 'BEN.LEE@x.test'), directory)?.displayName).toBe('Ben Lee');
    // Items written before OwnerUPN existed have only the person column.
    expect(ownerOf(row('12', null), directory)?.displayName).toBe('Aisha Khan');
    // An edit in SharePoint's own form changes only the person column: it wins.
    expect(ownerOf(row('12', 'ben.lee@x.test'), directory)?.displayName).toBe('Aisha Khan');
    expect(ownerOf(row(null, 'gone@x.test'), directory)).toBeUndefined();
  });
});
