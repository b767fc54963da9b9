import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createGraphClient, type GraphClient } from '../../../graph/core/client.js';
import { GraphConflictError } from '../../../graph/core/errors.js';
import { NonIndexedFilterError } from '../../../graph/core/filter.js';
import { createItem, createList, listAllItems } from '../../../graph/lists/index.js';
import { choice, dateOnly, dateTime, multiChoice, note, number, people, registerColumns, text, toGraphColumnDefinition, yesNo } from '../../../graph/schema/columns.js';
import type { SmsListSchema } from '../../../graph/schema/types.js';
import { getSiteByUrl } from '../../../graph/sites/sites.js';
import { demo, startTestEmulator, type TestEmulator } from '../../../tests/support/emulator.js';
import { createRecord, readAll, readPage, updateRecord, type RegisterAuditEntry, type RegisterDefinition, type RegisterRecord } from './index.js';

/**
 * The register engine against the emulator over HTTP: a register list made from a schema (one
 * column of each type), read through `readPage`/`readAll` and written through
 * `createRecord`/`updateRecord` with an injected sequence and audit writer.
 */

const SITE_URL = 'https://kestrelms.sharepoint.com/sites/KestrelSMS';
const STATUSES = ['Open', 'In progress', 'Closed'] as const;

/** A test register: the common register columns (Ref, Status, Owner, PrimaryClause, ClauseRefs, Process) and one column of every other type. */
const register: SmsListSchema = {
  key: 'engineThings',
  displayName: 'Engine things',
  template: 'genericList',
  kind: 'register',
  entity: 'Thing',
  description: 'Register engine test list',
  large: true,
  refPrefix: 'TH',
  refFormat: { yearly: true, digits: 3 },
  statuses: STATUSES,
  columns: [
    ...registerColumns({ statuses: STATUSES, process: true }),
    number('Score', { indexed: true }),
    dateOnly('Due', { indexed: true }),
    dateTime('RaisedAt'),
    yesNo('Urgent'),
    choice('Severity', ['Low', 'High']),
    multiChoice('Tags', ['red', 'green', 'blue']),
    note('Notes'),
    people('Reviewers'),
    text('Area'),
  ],
};
const processesSchema: SmsListSchema = { key: 'processes', displayName: 'Engine processes', template: 'genericList', kind: 'register', entity: 'Process', description: 'x', large: false, columns: [] };

let emu: TestEmulator;
let siteId: string;
const lookupIds: Record<string, string> = {};
const processIds: string[] = [];
const as = (upn: string): GraphClient => createGraphClient({ baseUrl: emu.graphBaseUrl, getToken: () => emu.token(upn) });

/** A client that records the headers of every request it sends. */
function watched(client: GraphClient): { client: GraphClient; sent: { method: string; url: string; headers: Headers }[] } {
  const sent: { method: string; url: string; headers: Headers }[] = [];
  return {
    sent,
    client: { ...client, send: (url, init, opts) => (sent.push({ method: init.method ?? 'GET', url, headers: new Headers(init.headers) }), client.send(url, init, opts)) },
  };
}

/** The register's items requests the emulator saw, with their query. */
function itemRequests() {
  return emu.emulator.emu.requests
    .list()
    .filter((e) => /\/lists\/Engine%20things\/items(\?|$)/.test(e.path))
    .map((e) => ({ path: e.path, query: new URLSearchParams(e.path.split('?')[1] ?? '') }));
}

interface Row {
  ref: string | null;
  status: string | null;
  owner: string | null;
  score: number | null;
}
const definition: RegisterDefinition<Row> = {
  schema: register,
  columns: ['Ref', 'Status', 'Owner', 'Score'],
  toRow: (r) => ({ ref: r.values.Ref as string | null, status: r.values.Status as string | null, owner: r.values.Owner as string | null, score: r.values.Score as number | null }),
};

beforeAll(async () => {
  emu = await startTestEmulator();
  const tom = as(demo.tom);
  siteId = (await getSiteByUrl(tom, SITE_URL)).id!;
  // Only users who have opened the site have a lookup id (its User Information List, ADR 0005).
  await Promise.all([demo.priya, demo.marcus, demo.jack].map((upn) => getSiteByUrl(as(upn), SITE_URL)));
  const users = await listAllItems(tom, siteId, 'User Information List', { select: ['UserName'] });
  for (const u of users) lookupIds[String(u.fields.UserName).toLowerCase()] = String(u.id);
  const processes = await createList(tom, siteId, { displayName: processesSchema.displayName, list: { template: 'genericList' } });
  for (const title of ['Incident', 'Change']) processIds.push(String((await createItem(tom, siteId, processes.id!, { Title: title })).id));
  // Columns go in the list's create request: Graph refuses multi-choice columns in POST .../columns (as provisioning does).
  await createList(tom, siteId, {
    displayName: register.displayName,
    list: { template: 'genericList' },
    columns: register.columns.filter((x) => !x.builtIn).map((c) => toGraphColumnDefinition(c, () => processes.id!)),
  });
  // 60 things: owners alternate between Priya and Marcus, scores 1…60, every third one Closed.
  const priya = as(demo.priya);
  for (let i = 1; i <= 60; i++) {
    await createItem(priya, siteId, register.displayName, {
      Title: `Thing ${i}`,
      Ref: `TH-2025-${String(i).padStart(3, '0')}`,
      Status: i % 3 === 0 ? 'Closed' : 'Open',
      OwnerLookupId: lookupIds[i % 2 ? demo.priya : demo.marcus],
      Score: i,
    });
  }
}, 60_000);
afterAll(() => emu.close());
beforeEach(() => emu.emulator.emu.requests.clear());

describe('readPage: the plan over HTTP', () => {
  it('sends only the most selective indexed predicate and applies the others to the returned rows', async () => {
    const page = await readPage(as(demo.jack), siteId, definition, {
      filters: [
        { column: 'Status', op: 'eq', value: 'Open' },
        { column: 'Owner', op: 'eq', value: lookupIds[demo.priya]! },
        { column: 'Score', op: 'ge', value: 20 },
      ],
      sort: { column: 'Score', direction: 'ascending' },
    });
    const sent = itemRequests();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.query.get('$filter')).toBe(`fields/OwnerLookupId eq ${lookupIds[demo.priya]}`);
    expect(sent[0]!.query.get('$orderby')).toBe('fields/Score');
    expect(sent[0]!.query.get('$expand')).toBe('fields($select=Ref,Status,OwnerLookupId,Score)');
    // Priya owns the odd scores; of those ≥ 20, the multiples of 3 are Closed.
    const expected = Array.from({ length: 60 }, (_, i) => i + 1).filter((n) => n % 2 === 1 && n >= 20 && n % 3 !== 0);
    expect(page.rows.map((r) => r.score)).toEqual(expected);
    expect(page.rows.every((r) => r.owner === lookupIds[demo.priya] && r.status === 'Open')).toBe(true);
    expect(page.scanned).toBe(30);
  });

  it('refuses a non-indexed column on a large list before sending anything', async () => {
    const refused = readPage(as(demo.jack), siteId, definition, { filters: [{ column: 'Status', op: 'eq', value: 'Open' }, { column: 'Area', op: 'eq', value: 'Desk' }], sort: null });
    await expect(refused).rejects.toBeInstanceOf(NonIndexedFilterError);
    await expect(refused).rejects.toMatchObject({ listKey: 'engineThings', fields: ['fields/Area'] });
    const sorted = readPage(as(demo.jack), siteId, definition, { filters: [], sort: { column: 'Notes', direction: 'ascending' } });
    await expect(sorted).rejects.toBeInstanceOf(NonIndexedFilterError);
    expect(emu.emulator.emu.requests.list()).toHaveLength(0);
  });

  it('keeps reading pages, following @odata.nextLink verbatim, until enough rows match or the request budget is spent', async () => {
    const client = watched(as(demo.jack));
    const query = { filters: [{ column: 'Score', op: 'ge' as const, value: 1 }, { column: 'Status', op: 'eq' as const, value: 'Closed' }], sort: { column: 'Score', direction: 'ascending' as const } };
    // Status is a choice (rank 6), Score a range (rank 5): Score ≥ 1 is sent, Closed is checked on the rows.
    const first = await readPage(client.client, siteId, definition, query, { pageSize: 6, minRows: 5 });
    // 2 Closed per page of 6: three pages to reach 5 rows.
    expect(first.requests).toBe(3);
    expect(first.rows.map((r) => r.score)).toEqual([3, 6, 9, 12, 15, 18]);
    const budget = await readPage(client.client, siteId, definition, query, { nextLink: first.nextLink, pageSize: 6, minRows: 100, maxRequests: 2 });
    expect(budget.requests).toBe(2);
    expect(budget.rows.map((r) => r.score)).toEqual([21, 24, 27, 30]);
    // The nextLink is requested exactly as Graph returned it.
    expect(client.sent.at(-2)!.url).toBe(first.nextLink);
    const all = await readAll(client.client, siteId, definition, query, { pageSize: 25 });
    expect(all).toHaveLength(20);
  });
});

describe('coercions over HTTP: one per column type', () => {
  it('reads every column type of a created item as its typed value', async () => {
    const audit = vi.fn(async () => undefined);
    const created = await createRecord(
      as(demo.priya),
      siteId,
      register,
      {
        Title: 'Every type',
        Ref: 'TH-2025-900',
        Status: 'In progress',
        Owner: lookupIds[demo.marcus]!,
        PrimaryClause: '8.6.1',
        ClauseRefs: ['8.6.1', '8.6.2'],
        Process: processIds[1]!,
        Score: 4.5,
        Due: '2025-03-14',
        RaisedAt: '2025-03-14T10:30:00+01:00',
        Urgent: true,
        Severity: 'High',
        Tags: ['red', 'blue'],
        Notes: 'Line one\nLine two',
        Reviewers: [lookupIds[demo.tom]!, lookupIds[demo.jack]!],
        Area: null,
      },
      { audit },
    );
    const def: RegisterDefinition<RegisterRecord> = { schema: register, columns: register.columns.map((c) => c.name), toRow: (r) => r };
    const [read] = (await readPage(as(demo.jack), siteId, def, { filters: [{ column: 'Ref', op: 'eq', value: 'TH-2025-900' }], sort: null })).rows;
    expect(read!.id).toBe(created.id);
    expect(read!.values).toEqual({
      Title: 'Every type',
      Ref: 'TH-2025-900',
      Status: 'In progress',
      Owner: lookupIds[demo.marcus],
      PrimaryClause: '8.6.1',
      ClauseRefs: ['8.6.1', '8.6.2'],
      Process: processIds[1],
      Score: 4.5,
      Due: '2025-03-14',
      RaisedAt: '2025-03-14T09:30:00Z',
      Urgent: true,
      Severity: 'High',
      Tags: ['red', 'blue'],
      Notes: 'Line one\nLine two',
      Reviewers: [lookupIds[demo.tom], lookupIds[demo.jack]],
      Area: null,
    });
  });
});

describe('createRecord and updateRecord', () => {
  it('creates with the next Ref from the sequence and audits the creation', async () => {
    const nextRef = vi.fn(async (schema: SmsListSchema) => `${schema.refPrefix}-2025-101`);
    const entries: RegisterAuditEntry[] = [];
    const record = await createRecord(as(demo.priya), siteId, register, { Title: 'Numbered', Status: 'Open', Owner: lookupIds[demo.priya]! }, { nextRef, audit: async (e) => void entries.push(e) }, { comment: 'raised at the desk' });
    expect(nextRef).toHaveBeenCalledTimes(1);
    expect(nextRef.mock.calls[0]![0]).toBe(register);
    expect(record.values.Ref).toBe('TH-2025-101');
    expect(record.eTag).toMatch(/^".+"$/);
    expect(entries).toEqual([
      { schema: register, itemId: record.id, ref: 'TH-2025-101', eventType: 'Created', fromStatus: null, toStatus: 'Open', changed: ['Title', 'Status', 'Owner', 'Ref'], comment: 'raised at the desk' },
    ]);
    // A numbered list cannot be written without a sequence.
    await expect(createRecord(as(demo.priya), siteId, register, { Title: 'No number' }, { audit: async () => undefined })).rejects.toThrow(/needs a reference sequence/);
  });

  it('updates with If-Match set to the eTag read, and audits a status change as a transition', async () => {
    const audit = vi.fn(async (_entry: RegisterAuditEntry) => undefined);
    const record = await createRecord(as(demo.priya), siteId, register, { Title: 'To update', Ref: 'TH-2025-201', Status: 'Open' }, { audit });
    audit.mockClear();
    const { client, sent } = watched(as(demo.priya));
    const updated = await updateRecord(client, siteId, register, record, { Status: 'Closed', Score: 9 }, { audit }, { comment: 'fixed' });
    const patch = sent.find((s) => s.method === 'PATCH')!;
    expect(patch.headers.get('If-Match')).toBe(record.eTag);
    expect(updated.eTag).not.toBe(record.eTag);
    expect(updated.values).toMatchObject({ Ref: 'TH-2025-201', Status: 'Closed', Score: 9 });
    expect(audit).toHaveBeenCalledWith(
      { schema: register, itemId: record.id, ref: 'TH-2025-201', eventType: 'Transition', fromStatus: 'Open', toStatus: 'Closed', changed: ['Status', 'Score'], comment: 'fixed' },
      undefined,
    );
    await updateRecord(client, siteId, register, updated, { Score: 10 }, { audit });
    expect(audit.mock.calls.at(-1)![0]).toMatchObject({ eventType: 'Updated', fromStatus: 'Closed', toStatus: 'Closed', changed: ['Score'] });
  });

  it('surfaces a write over a stale eTag as GraphConflictError (412) and audits nothing', async () => {
    const audit = vi.fn(async () => undefined);
    const record = await createRecord(as(demo.priya), siteId, register, { Title: 'Contended', Ref: 'TH-2025-301', Status: 'Open' }, { audit });
    await updateRecord(as(demo.marcus), siteId, register, record, { Score: 1 }, { audit });
    audit.mockClear();
    const stale = updateRecord(as(demo.priya), siteId, register, record, { Status: 'Closed' }, { audit });
    await expect(stale).rejects.toBeInstanceOf(GraphConflictError);
    await expect(stale).rejects.toMatchObject({ status: 412 });
    expect(audit).not.toHaveBeenCalled();
  });
});
