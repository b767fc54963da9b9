import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClientProvider } from '@tanstack/react-query';
import ExcelJS from 'exceljs';
import type { GraphClient } from '../../../../../graph/core/client.js';
import { checkin, checkout, getItemListItem, getListDrive, updateListItemFields, uploadSmall } from '../../../../../graph/drive/index.js';
import { getColumns, getList } from '../../../../../graph/lists/index.js';
import { listAllItems } from '../../../../../graph/lists/items.js';
import { getSiteByUrl } from '../../../../../graph/sites/sites.js';
import { findUser, insertUser } from '../../../../../emulator/services/directory.js';
import { createItem, findList } from '../../../../../emulator/services/lists.js';
import { upnOf } from '../../../../../emulator/seed/tenant.js';
import { DEMO_DOCUMENTS } from '../../../../../scripts/demo/data/documents.js';
import { seedDates } from '../../../../../scripts/demo/dates.js';
import { ensureDemoContent } from '../../../../../scripts/demo/firstStart.js';
import { AppProviders } from '../../../../app/App.js';
import { signInToEmulator } from '../../../../app/auth/devSignIn.js';
import { APP_SCOPES } from '../../../../app/auth/scopes.js';
import { DEMO_SMS_SITE_URL } from '../../../../app/config.js';
import { createI18n, type Language } from '../../../../app/i18n/i18n.js';
import { createQueryClient } from '../../../../app/query/queryClient.js';
import { CONFIG, ORIGIN, demoPerson, renderApp, startHarness, type Harness } from '../../../../../tests/support/appHarness.js';
import type { SmsRole } from '../../../../domain/roles.js';
import type { SavedFile } from '../../../../ui/export/saveFile.js';
import { DocumentRegister } from './DocumentRegister.js';
import { parseCsv } from '../../../../../tests/support/csv.js';

const jack = demoPerson('Jack', 'Turner');
const priya = demoPerson('Priya', 'Nair');

const DEMO_IDS = DEMO_DOCUMENTS.map((d) => d.docId);
const dates = seedDates(new Date());
/** A test document whose title a spreadsheet could take for a formula, with quotes, a comma and Chinese. */
const TRICKY_TITLE = '=SUM(1,2) "合计", 草稿';
const TRICKY = { DocId: 'SMS-FRM-012', Title: TRICKY_TITLE, DocType: 'Form/Template', DocStatus: 'Published', NextReviewDate: dates.date(20), EffectiveDate: dates.date(-10) };
const WITHDRAWN = { DocId: 'SMS-WI-007', Title: 'Legacy tape restore instruction', DocType: 'Work instruction', DocStatus: 'Withdrawn', NextReviewDate: dates.date(100), EffectiveDate: dates.date(-400) };

let harness: Harness;
let siteId: string;

/** Uploads a file to SMS Documents and publishes it (a major version) with these fields, as the document controller would. */
async function addPublishedDocument(client: GraphClient, fields: Record<string, unknown>): Promise<void> {
  const list = await getList(client, siteId, 'SMS Documents');
  const drive = await getListDrive(client, siteId, list.id!);
  const file = await uploadSmall(client, drive.id!, 'root', `${String(fields.DocId)}.docx`, new TextEncoder().encode('test'), 'application/octet-stream');
  const item = await getItemListItem(client, drive.id!, file.id!);
  await updateListItemFields(client, drive.id!, file.id!, { PublishedVersion: '1.0', ReviewCycleMonths: 12, ...fields }, item['@odata.etag'] ?? '');
  await checkout(client, drive.id!, file.id!);
  await checkin(client, drive.id!, file.id!, { comment: 'test', publish: true });
}

beforeAll(async () => {
  harness = await startHarness();
  await ensureDemoContent({ origin: ORIGIN, graphBaseUrl: CONFIG.graphBaseUrl, log: () => undefined });
  const controller = harness.clientAs(priya.userPrincipalName);
  siteId = (await getSiteByUrl(controller, DEMO_SMS_SITE_URL)).id!;
  await addPublishedDocument(controller, TRICKY);
  await addPublishedDocument(controller, WITHDRAWN);
}, 120_000);
afterEach(() => cleanup());
afterAll(() => harness.close());

// ---------- helpers ----------

const table = () => screen.getByRole('table', { name: 'Document register' });
const bodyRows = () => within(table()).getAllByRole('row').slice(1);
const cellsOf = (row: HTMLElement) => within(row).getAllByRole('cell').map((c) => c.textContent ?? '');
const docIds = () => bodyRows().map((r) => cellsOf(r)[0]!);
const rowOf = (docId: string) => bodyRows().find((r) => cellsOf(r)[0] === docId)!;
const COL = { docId: 0, title: 1, type: 2, owner: 3, status: 4, published: 5, effective: 6, review: 7, clauses: 8 } as const;

async function openAsApp(user: typeof jack) {
  renderApp({ path: '/documents', session: await signInToEmulator(ORIGIN, user, APP_SCOPES) });
  await screen.findByRole('table', { name: 'Document register' }, { timeout: 5000 });
}

/** The register as a web part renders it: just the component, with its providers and props. */
function renderRegister(upn: string, roles: SmsRole[], opts: { language?: Language; saved?: SavedFile[] } = {}) {
  const saved = opts.saved ?? [];
  render(
    <QueryClientProvider client={createQueryClient({ retry: false })}>
      <AppProviders host={null} i18n={createI18n(opts.language ?? 'en')}>
        <DocumentRegister client={harness.clientAs(upn)} siteId={siteId} roles={roles} saveFile={(f) => saved.push(f)} />
      </AppProviders>
    </QueryClientProvider>,
  );
  return saved;
}

/** Requests the emulator saw for SMS Documents items: their `$filter` and `$orderby`. */
function registerRequests() {
  return harness.emulator.emu.requests
    .list()
    .filter((e) => e.method === 'GET' && /\/lists\/SMS%20Documents\/items(\?|$)/.test(e.path))
    .map((e) => {
      const q = new URLSearchParams(e.path.split('?')[1] ?? '');
      return { filter: q.get('$filter'), orderby: q.get('$orderby'), skiptoken: q.get('$skiptoken') };
    });
}

// ---------- tests ----------

describe('what each role sees', () => {
  it('shows an employee only the published documents, never the withdrawn one, and offers no status filter', async () => {
    await openAsApp(jack);
    expect(screen.getByRole('heading', { level: 1, name: 'Document register' })).toBeTruthy();
    expect(docIds().sort()).toEqual([...DEMO_IDS, TRICKY.DocId].sort());
    for (const row of bodyRows()) expect(cellsOf(row)[COL.status]).toBe('Published');
    // SMS-PLN-001 has 2.2 in review: the employee sees the published 2.1.
    expect(cellsOf(rowOf('SMS-PLN-001'))[COL.published]).toBe('2.1');
    expect(screen.queryByRole('combobox', { name: 'Status' })).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('Showing 11 documents.');
    expect(screen.queryByRole('link', { name: 'New document' })).toBeNull();
  });

  it('shows the document controller every status, including the drafts in review and the withdrawn document, with a status filter', async () => {
    await openAsApp(priya);
    expect(docIds().sort()).toEqual([...DEMO_IDS, TRICKY.DocId, WITHDRAWN.DocId].sort());
    expect(cellsOf(rowOf('SMS-PLN-001'))[COL.status]).toBe('In review');
    expect(cellsOf(rowOf(WITHDRAWN.DocId))[COL.status]).toBe('Withdrawn');
    expect(screen.getByRole('link', { name: 'New document' }).getAttribute('href')).toBe('/documents/new');
    expect(within(rowOf('SMS-POL-001')).getByRole('link', { name: 'SMS-POL-001' }).getAttribute('href')).toBe('/documents/SMS-POL-001');

    const user = userEvent.setup();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'In review');
    await waitFor(() => expect(docIds().sort()).toEqual(['SMS-PLN-001', 'SMS-PRC-030']));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'Withdrawn');
    await waitFor(() => expect(docIds()).toEqual([WITHDRAWN.DocId]));
    expect(registerRequests().some((r) => r.filter === "fields/DocStatus eq 'Withdrawn'")).toBe(true);
  });
});

describe('filters, search and sort', () => {
  it('filters by type, owner, process, primary clause and review, and clears them', async () => {
    renderRegister(priya.userPrincipalName, ['documentController']);
    await screen.findByRole('table', { name: 'Document register' });
    const user = userEvent.setup();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Type' }), 'Procedure');
    await waitFor(() => expect(docIds()).toEqual(['SMS-PRC-010', 'SMS-PRC-030']));
    expect(cellsOf(rowOf('SMS-PRC-010'))[COL.type]).toBe('Procedure');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Owner' }), 'Marcus Chen');
    await waitFor(() => expect(docIds()).toEqual(['SMS-PRC-010']));
    expect(cellsOf(rowOf('SMS-PRC-010'))[COL.owner]).toBe('Marcus Chen');

    await user.click(screen.getAllByRole('button', { name: 'Clear filters' })[0]!);
    await waitFor(() => expect(docIds()).toHaveLength(12));

    await user.selectOptions(screen.getByRole('combobox', { name: 'Process' }), within(screen.getByRole('combobox', { name: 'Process' })).getByRole('option', { name: /^PRC-01 / }));
    await waitFor(() => expect(docIds()).toEqual(['SMS-PLN-001', 'SMS-POL-001', 'SMS-PRC-030', 'SMS-SCP-001']));
    await user.click(screen.getAllByRole('button', { name: 'Clear filters' })[0]!);

    await user.selectOptions(screen.getByRole('combobox', { name: 'Primary clause' }), '8.6.1');
    await waitFor(() => expect(docIds()).toEqual(['SMS-PRC-010']));
    await user.click(screen.getAllByRole('button', { name: 'Clear filters' })[0]!);

    await user.selectOptions(screen.getByRole('combobox', { name: 'Periodic review' }), 'Overdue or due within 30 days');
    await waitFor(() => expect(docIds()).toEqual([TRICKY.DocId, 'SMS-PRC-010']));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Periodic review' }), 'Overdue');
    await waitFor(() => expect(docIds()).toEqual(['SMS-PRC-010']));
  });

  it('marks the overdue review of SMS-PRC-010 and the review due soon in words, not only in colour', async () => {
    renderRegister(jack.userPrincipalName, ['employee']);
    await screen.findByRole('table', { name: 'Document register' });
    expect(cellsOf(rowOf('SMS-PRC-010'))[COL.review]).toMatch(/Overdue$/);
    expect(cellsOf(rowOf(TRICKY.DocId))[COL.review]).toMatch(/Due soon$/);
    const others = docIds().filter((id) => id !== 'SMS-PRC-010' && id !== TRICKY.DocId);
    for (const id of others) expect(cellsOf(rowOf(id))[COL.review]).not.toMatch(/Overdue|Due soon/);
  });

  it('sorts by document ID with aria-sort on the header, by mouse and by keyboard', async () => {
    renderRegister(jack.userPrincipalName, ['employee']);
    await screen.findByRole('table', { name: 'Document register' });
    const header = () => screen.getByRole('columnheader', { name: 'Document ID' });
    expect(header().getAttribute('aria-sort')).toBe('ascending');
    const ascending = [...DEMO_IDS, TRICKY.DocId].sort();
    expect(docIds()).toEqual(ascending);
    // Only indexed columns are sortable: Title is not.
    expect(screen.getByRole('columnheader', { name: 'Title' }).getAttribute('aria-sort')).toBeNull();

    const user = userEvent.setup();
    await user.click(within(header()).getByRole('button', { name: 'Document ID' }));
    await waitFor(() => expect(docIds()).toEqual([...ascending].reverse()));
    expect(header().getAttribute('aria-sort')).toBe('descending');

    within(header()).getByRole('button', { name: 'Document ID' }).focus();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(docIds()).toEqual(ascending));
    expect(header().getAttribute('aria-sort')).toBe('ascending');

    await user.click(within(screen.getByRole('columnheader', { name: 'Next review' })).getByRole('button'));
    await waitFor(() => expect(docIds()[0]).toBe('SMS-PRC-010'));
    expect(screen.getByRole('columnheader', { name: 'Next review' }).getAttribute('aria-sort')).toBe('ascending');
    expect(header().getAttribute('aria-sort')).toBe('none');
  });

  it('searches a DocId prefix across the register and titles among the loaded documents, saying so', async () => {
    renderRegister(jack.userPrincipalName, ['employee']);
    await screen.findByRole('table', { name: 'Document register' });
    const user = userEvent.setup();
    const box = screen.getByRole('searchbox', { name: 'Search by title or document ID' });

    await user.type(box, 'sms-po');
    await waitFor(() => expect(registerRequests().some((r) => r.filter === "startswith(fields/DocId,'SMS-PO')")).toBe(true));
    await waitFor(() => expect(docIds()).toEqual(['SMS-POL-001', 'SMS-POL-002', 'SMS-POL-003']));
    expect(screen.queryByText(/Title search covers/)).toBeNull();

    await user.clear(box);
    const before = registerRequests().length;
    await user.type(box, 'continuity');
    await waitFor(() => expect(docIds()).toEqual(['SMS-PLN-002']));
    expect(screen.getByText('Title search covers the 11 documents loaded so far. Load more to search further.')).toBeTruthy();
    // A title search reads no more pages: it never sends the title to Graph.
    expect(registerRequests().slice(before).every((r) => !r.filter?.includes('Title'))).toBe(true);
  });

  it('shows an empty state with a way out', async () => {
    renderRegister(jack.userPrincipalName, ['employee']);
    await screen.findByRole('table', { name: 'Document register' });
    const user = userEvent.setup();
    await user.type(screen.getByRole('searchbox', { name: 'Search by title or document ID' }), 'no such title');
    expect(await screen.findByText('No documents match these filters.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    await user.click(screen.getAllByRole('button', { name: 'Clear filters' }).at(-1)!);
    expect(await screen.findByRole('table', { name: 'Document register' })).toBeTruthy();
  });

  it('speaks Simplified Chinese', async () => {
    renderRegister(jack.userPrincipalName, ['employee'], { language: 'zh-CN' });
    await screen.findByRole('table', { name: '文档登记册列表' });
    expect(screen.getByRole('columnheader', { name: '文档编号' })).toBeTruthy();
    const row = within(screen.getByRole('table')).getAllByRole('row').find((r) => within(r).queryAllByRole('cell')[0]?.textContent === 'SMS-PRC-010')!;
    const cells = within(row).getAllByRole('cell').map((c) => c.textContent);
    expect(cells[COL.type]).toBe('程序');
    expect(cells[COL.status]).toBe('已发布');
    expect(cells[COL.review]).toMatch(/已逾期$/);
  });
});

describe('export', () => {
  it('exports the filtered register as CSV: UTF-8 with BOM, RFC 4180 quoting, formulas neutralised', async () => {
    const saved = renderRegister(priya.userPrincipalName, ['documentController']);
    await screen.findByRole('table', { name: 'Document register' });
    const user = userEvent.setup();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Type' }), 'Form/Template');
    await waitFor(() => expect(docIds()).toEqual([TRICKY.DocId]));
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    const file = saved[0]!;
    expect(file.name).toBe(`document-register-${dates.day(0)}.csv`);
    expect(file.type).toMatch(/^text\/csv/);
    expect([...file.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(file.bytes.slice(3));
    expect(text).toContain(`"'=SUM(1,2) ""合计"", 草稿"`);
    const [header, ...records] = parseCsv(text);
    expect(header).toEqual(['Document ID', 'Title', 'Type', 'Owner', 'Process', 'Status', 'Published version', 'Effective date', 'Next review', 'Review', 'Clauses (primary first)']);
    expect(records).toHaveLength(1);
    const [docId, title, type, , , status, version, effective, next, review] = records[0]!;
    expect({ docId, title, type, status, version, effective, next, review }).toEqual({
      docId: TRICKY.DocId,
      title: `'${TRICKY_TITLE}`,
      type: 'Form/Template',
      status: 'Published',
      version: '1.0',
      effective: dates.day(-10),
      next: dates.day(20),
      review: 'Due soon',
    });
    expect(await screen.findByText(/^Exported 1 document to document-register-/)).toBeTruthy();
  });

  it('exports the register as an Excel workbook with a bold header, widths and real dates', async () => {
    const saved = renderRegister(jack.userPrincipalName, ['employee']);
    await screen.findByRole('table', { name: 'Document register' });
    await userEvent.setup().click(screen.getByRole('button', { name: 'Export Excel' }));
    await waitFor(() => expect(saved).toHaveLength(1), { timeout: 5000 });
    const file = saved[0]!;
    expect(file.name).toBe(`document-register-${dates.day(0)}.xlsx`);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.bytes.buffer.slice(file.bytes.byteOffset, file.bytes.byteOffset + file.bytes.byteLength) as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('Document register');
    const header = sheet.getRow(1);
    expect(header.getCell(1).value).toBe('Document ID');
    expect(header.getCell(9).value).toBe('Next review');
    expect(header.getCell(1).font?.bold).toBe(true);
    expect(sheet.getColumn(2).width).toBeGreaterThan(sheet.getColumn(1).width ?? 0);
    expect(sheet.rowCount).toBe(1 + 11);

    const rowFor = (docId: string) => {
      for (let r = 2; r <= sheet.rowCount; r++) if (sheet.getRow(r).getCell(1).value === docId) return sheet.getRow(r);
      throw new Error(`${docId} not exported`);
    };
    const incident = rowFor('SMS-PRC-010');
    const nextReview = incident.getCell(9).value;
    expect(nextReview).toBeInstanceOf(Date);
    const demoNext = DEMO_DOCUMENTS.find((d) => d.docId === 'SMS-PRC-010')!.nextReview;
    expect((nextReview as Date).toISOString().slice(0, 10)).toBe(dates.day(demoNext));
    expect(incident.getCell(10).value).toBe('Overdue');
    expect(incident.getCell(4).value).toBe('Marcus Chen');
    // In the workbook the tricky title is plain text, never a formula.
    const tricky = rowFor(TRICKY.DocId).getCell(2);
    expect(tricky.value).toBe(TRICKY_TITLE);
    expect(tricky.type).toBe(ExcelJS.ValueType.String);
  });
});

describe('Graph traffic', () => {
  it('never sends a filter or sort on a column that is not indexed', async () => {
    const user = userEvent.setup();
    renderRegister(priya.userPrincipalName, ['documentController']);
    await screen.findByRole('table', { name: 'Document register' });
    for (const name of ['Type', 'Status', 'Next review', 'Clauses (primary first)']) {
      await user.click(within(await screen.findByRole('columnheader', { name })).getByRole('button'));
      await waitFor(() => expect(screen.getByRole('columnheader', { name }).getAttribute('aria-sort')).toBe('ascending'));
    }
    for (const [label, option] of [
      ['Type', 'Policy'],
      ['Status', 'Published'],
      ['Owner', 'Tom Whitaker'],
      ['Primary clause', '5.2'],
      ['Periodic review', 'Overdue'],
    ] as const) {
      await user.selectOptions(screen.getByRole('combobox', { name: label }), option);
      await screen.findByText(/^Showing \d+ documents?\.$/);
    }
    await user.type(screen.getByRole('searchbox', { name: 'Search by title or document ID' }), 'policy');

    const requests = registerRequests();
    // The owner filter goes to the indexed UPN column, never to the person column (ADR 0005).
    expect(requests.some((r) => r.filter === `fields/OwnerUPN eq '${upnOf({ given: 'Tom', surname: 'Whitaker' })}'`)).toBe(true);
    expect(requests.some((r) => r.filter?.includes('OwnerLookupId'))).toBe(false);
    const columns = await getColumns(harness.clientAs(upnOf({ given: 'Tom', surname: 'Whitaker' })), siteId, (await getList(harness.clientAs(priya.userPrincipalName), siteId, 'SMS Documents')).id!);
    const indexed = new Set(columns.filter((c) => c.indexed).map((c) => c.name!));
    const used = new Set<string>();
    for (const r of requests) {
      for (const text of [r.filter, r.orderby]) for (const m of (text ?? '').matchAll(/fields\/(\w+)/g)) used.add(m[1]!.replace(/LookupId$/, ''));
      // One indexed field per query: every predicate of a filter names the same column.
      const fieldsInFilter = new Set([...(r.filter ?? '').matchAll(/fields\/(\w+)/g)].map((m) => m[1]));
      expect(fieldsInFilter.size, r.filter ?? '').toBeLessThanOrEqual(1);
    }
    expect(used.size).toBeGreaterThan(3);
    for (const name of used) expect(indexed.has(name), `${name} is indexed`).toBe(true);
  });
});

describe('when Graph fails', () => {
  afterEach(() => harness.emulator.emu.faults.update({ force429Count: 0 }));

  it('explains a throttled request with the shell’s error message and recovers with "Try again"', async () => {
    harness.emulator.emu.faults.update({ force429Count: 100, retryAfterSeconds: 0 });
    renderRegister(jack.userPrincipalName, ['employee']);
    expect(await screen.findByText('Microsoft 365 is busy')).toBeTruthy();
    expect(screen.getByText(/Could not load the document register from Microsoft 365\./)).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    harness.emulator.emu.faults.update({ force429Count: 0 });
    await userEvent.setup().click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('table', { name: 'Document register' })).toBeTruthy();
  });
});

describe('paging past the first 100 documents', () => {
  beforeAll(() => {
    const { db } = harness.emulator.emu;
    const list = findList(db, siteId, 'SMS Documents')!;
    const user = findUser(db, priya.userPrincipalName)!;
    const at = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
    db.transaction(() => {
      for (let i = 1; i <= 150; i++) {
        const docId = `SMS-WI-${String(1000 + i)}`;
        createItem(db, list, {
          fields: { FileLeafRef: `${docId}.docx`, Title: `Work instruction ${i}`, DocId: docId, DocType: 'Work instruction', DocStatus: 'Published', PublishedVersion: '1.0', NextReviewDate: dates.date(200), ReviewCycleMonths: 12 },
          user,
          at,
          contentType: 'Document',
        });
      }
    })();
  });

  it('loads 100 at a time following @odata.nextLink, and exports every page', async () => {
    const saved = renderRegister(jack.userPrincipalName, ['employee']);
    await screen.findByRole('table', { name: 'Document register' });
    expect(docIds()).toHaveLength(100);
    expect(screen.getByRole('status').textContent).toBe('Showing 100 documents; more can be loaded.');

    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    const records = parseCsv(new TextDecoder().decode(saved[0]!.bytes)).slice(1);
    expect(records).toHaveLength(161);
    expect(new Set(records.map((r) => r[0])).size).toBe(161);

    await user.click(screen.getByRole('button', { name: 'Load more documents' }));
    await waitFor(() => expect(docIds()).toHaveLength(161), { timeout: 5000 });
    expect(screen.queryByRole('button', { name: 'Load more documents' })).toBeNull();
    expect(registerRequests().some((r) => r.skiptoken !== null)).toBe(true);
  });
});

describe('an owner who has never opened the SMS site', () => {
  // A new colleague in the directory who owns a document but has never opened the site: no lookup id, so the
  // document names them only in OwnerUPN (ADR 0005). An apostrophe is allowed in a UPN and must be escaped in $filter.
  const conor = { displayName: "Conor O'Neill", userPrincipalName: `conor.o'neill@${priya.userPrincipalName.split('@')[1]!}` };
  const OWNED = { DocId: 'SMS-PRC-090', Title: 'Supplier onboarding procedure', DocType: 'Procedure', DocStatus: 'Published', OwnerUPN: conor.userPrincipalName, NextReviewDate: dates.date(200), EffectiveDate: dates.date(-5) };

  beforeAll(async () => {
    insertUser(harness.emulator.emu.db, { id: '6d1f3c7a-5b2e-4c1d-9a8f-0e7b6c5d4a31', ...conor, mail: conor.userPrincipalName, givenName: 'Conor', surname: "O'Neill" });
    await addPublishedDocument(harness.clientAs(priya.userPrincipalName), OWNED);
  });

  it("shows the owner's name, offers them in the owner filter, finds their document by it and exports their name", async () => {
    const siteUsers = await listAllItems(harness.clientAs(priya.userPrincipalName), siteId, 'User Information List', { select: ['UserName', 'EMail'], top: 500 });
    expect(siteUsers.map((u) => String(u.fields.UserName ?? u.fields.EMail).toLowerCase())).not.toContain(conor.userPrincipalName);

    const saved = renderRegister(priya.userPrincipalName, ['documentController']);
    await screen.findByRole('table', { name: 'Document register' });
    const user = userEvent.setup();
    await user.type(screen.getByRole('searchbox', { name: 'Search by title or document ID' }), OWNED.DocId);
    await waitFor(() => expect(docIds()).toEqual([OWNED.DocId]));
    await waitFor(() => expect(cellsOf(rowOf(OWNED.DocId))[COL.owner]).toBe("Conor O'Neill"));
    await user.click(screen.getAllByRole('button', { name: 'Clear filters' })[0]!);

    await user.selectOptions(screen.getByRole('combobox', { name: 'Owner' }), "Conor O'Neill");
    await waitFor(() => expect(docIds()).toEqual([OWNED.DocId]));
    expect(registerRequests().some((r) => r.filter === `fields/OwnerUPN eq 'conor.o''neill@${priya.userPrincipalName.split('@')[1]!}'`)).toBe(true);

    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    const [header, record] = parseCsv(new TextDecoder('utf-8', { ignoreBOM: true }).decode(saved[0]!.bytes.slice(3)));
    expect(record![header!.indexOf('Owner')]).toBe("Conor O'Neill");
  });
});
