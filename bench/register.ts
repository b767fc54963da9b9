/**
 * `npx tsx bench/register.ts` (or `npm run bench:register`): what opening the document register
 * costs with 5,000+ documents in `SMS Documents`.
 *
 * Starts an emulator on port 0 (in-memory database), provisions the SMS site (graph/provisioning,
 * over HTTP like `npm run provision`), then inserts 5,000 documents DIRECTLY through the
 * emulator's services in one SQLite transaction (list item + drive item + version content per
 * file; no HTTP, so the data load takes about a second and is not part of any figure). The mix:
 * 95% published (major version 1.0, seen by everyone), 5% never published and "In review" (a 0.1
 * draft, which draft item security hides from readers); owners, types, clauses and review dates
 * spread over the demo users, the DocTypes and the next 15 months (some overdue).
 *
 * Then it opens the register the way the app does, with the same functions (site and roles,
 * then the register's first page and the people directory in parallel; see
 * src/features/documents/register/registerQuery.ts, a configuration of src/platform/registers),
 * and prints for each scenario: Graph round trips and body bytes (from the emulator's request log)
 * and the time to the first rows (the first register page answered) and to everything.
 * Scenarios: a document controller's view (all statuses), an employee's view (documents in
 * force), the filtered view `DocStatus eq 'In review'`, the same with the site id and roles
 * already cached by the app session, "Load more", and an export that reads every matching document.
 * "Awaiting my decision" (Raj, top management) reads his approvals and the releases in review in one
 * `$batch`, then only his documents by DocId: each document also gets a release and an approval
 * record (Raj approves every tenth; the drafts in review wait for Tom, ten of them for Raj).
 *
 * Each scenario runs without added latency and with 50 ms per Graph request. With latency, it also
 * prints the sequential round trips to the first rows: from the request log (each request's start
 * is its end minus its duration), the longest chain of requests each of which started after the
 * one before it had answered, ending with the first register page. Requests sent together overlap
 * by the added latency and count once. (Without latency the single-threaded emulator answers
 * parallel requests one after another, so the chain is not measured there.)
 *
 * Measures only; asserts nothing.
 */
import { performance } from 'node:perf_hooks';
import { createGraphClient, type GraphClient } from '../graph/core/client.js';
import { getMyGroups } from '../graph/directory/groups.js';
import { listItems } from '../graph/lists/items.js';
import { provision } from '../graph/provisioning/index.js';
import { clauseNumbers } from '../graph/schema/clauses.js';
import { getSiteByUrl } from '../graph/sites/sites.js';
import { getAwaitingDecision } from '../graph/home/awaitingDecision.js';
import { driveOfList, insertNode, newDriveItemId, putBlob, setVersionContent } from '../emulator/services/driveStore.js';
import { findUser } from '../emulator/services/directory.js';
import { createItem, findList, siteUserLookupId } from '../emulator/services/lists.js';
import { SMS_GROUP, userIdOf } from '../emulator/seed/tenant.js';
import { demo, startTestEmulator, type TestEmulator } from '../tests/support/emulator.js';
import { cost, describeCost, ms, sequentialTrips, type Cost } from './requestLog.js';
import { DOC_TYPES } from '../src/domain/documents/constants.js';
import { rolesFromGroupNames, type SmsRole } from '../src/domain/roles.js';
import { loadPeopleDirectory } from '../src/platform/people.js';
import {
  DEFAULT_SORT,
  DOCUMENTS_LIST,
  NO_FILTERS,
  REGISTER_PAGE_SIZE,
  REGISTER_SCHEMA,
  fetchAllRegisterRows,
  fetchRegisterPage,
  localDate,
  registerViewFor,
  type RegisterFilters,
  type RegisterParams,
} from '../src/features/documents/services/registerQuery.js';

const SITE_URL = 'https://kestrelms.sharepoint.com/sites/KestrelSMS';
const DOCUMENTS = 5000;
const LATENCIES = [0, 50];
const DAY_MS = 86_400_000;

/** Whether a logged request reads the register's library items. */
const isRegisterPage = (path: string) => /\/lists\/SMS%20Documents\/items(\?|$)/.test(path);

/** Sequential round trips up to the first register page (the first SMS Documents items request; see ./requestLog.ts). */
const sequentialTripsToFirstRows = (emu: TestEmulator, latencyMs: number): number => sequentialTrips(emu, latencyMs, isRegisterPage);

/** Inserts `count` documents into SMS Documents in one transaction, through the emulator's services. */
function insertDocuments(emu: TestEmulator, siteId: string, count: number): { inReview: number; docs: { itemId: number; docId: string; draft: boolean }[] } {
  const { db } = emu.emulator.emu;
  const list = findList(db, siteId, 'SMS Documents');
  if (!list) throw new Error('SMS Documents is not provisioned');
  const drive = driveOfList(db, list.id);
  if (!drive) throw new Error('SMS Documents has no drive');
  const author = findUser(db, demo.priya);
  if (!author) throw new Error('no Priya');
  const owners = Object.values(demo).map((upn) => siteUserLookupId(db, siteId, userIdOf(upn)));
  const blob = putBlob(db, new TextEncoder().encode('benchmark document'));
  const today = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate());
  const dateOnly = (offsetDays: number) => new Date(today + offsetDays * DAY_MS).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const at = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  let inReview = 0;
  const docs: { itemId: number; docId: string; draft: boolean }[] = [];
  db.transaction(() => {
    for (let i = 1; i <= count; i++) {
      const type = DOC_TYPES[i % DOC_TYPES.length]!;
      const docId = `SMS-${type.replace(/[^A-Za-z]/g, '').slice(0, 3).toUpperCase()}-${String(i).padStart(4, '0')}`;
      const draft = i % 20 === 0;
      if (draft) inReview++;
      const fields: Record<string, unknown> = {
        FileLeafRef: `${docId}.docx`,
        Title: `${type} ${i}: benchmark document`,
        DocId: docId,
        DocType: type,
        DocStatus: draft ? 'In review' : 'Published',
        OwnerLookupId: owners[i % owners.length],
        PrimaryClause: clauseNumbers[i % clauseNumbers.length],
        ClauseRefs: [clauseNumbers[(i * 7) % clauseNumbers.length]],
        ReviewCycleMonths: 12,
        ...(draft ? {} : { PublishedVersion: '1.0', EffectiveDate: dateOnly(-((i * 13) % 700)), NextReviewDate: dateOnly(((i * 37) % 450) - 30) }),
      };
      const item = createItem(db, list, { fields, user: author, at, contentType: 'Document', draft });
      docs.push({ itemId: item.id, docId, draft });
      insertNode(db, { id: newDriveItemId(), driveId: drive.id, listId: list.id, listItemId: item.id, parentId: drive.rootId, isFolder: false, contentSeq: 1, description: null, checkedOutBy: null });
      setVersionContent(db, list.id, item.id, draft ? '0.1' : '1.0', blob);
    }
  })();
  return { inReview, docs };
}

/**
 * One release and one approval record per document, in one transaction: published documents have
 * a Published release approved by Raj (every tenth) or Tom; drafts an In review release with a
 * Pending approval, Raj's for every 25th draft. Returns Raj's pending and total approvals.
 */
function insertDecisions(emu: TestEmulator, siteId: string, docs: readonly { itemId: number; docId: string; draft: boolean }[]): { pending: number; total: number } {
  const { db } = emu.emulator.emu;
  const releases = findList(db, siteId, 'Document Releases');
  const approvals = findList(db, siteId, 'Document Approvals');
  const author = findUser(db, demo.priya);
  if (!releases || !approvals || !author) throw new Error('Document Releases or Approvals is not provisioned');
  const at = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  let pending = 0;
  let total = 0;
  let drafts = 0;
  db.transaction(() => {
    docs.forEach((d, i) => {
      if (d.draft) drafts++;
      const label = d.draft ? '0.1' : '1.0';
      const release = createItem(db, releases, { fields: { Title: `${d.docId} v${label}`, DocumentLookupId: d.itemId, DocId: d.docId, VersionLabel: label, VersionStatus: d.draft ? 'In review' : 'Published' }, user: author, at });
      const byRaj = d.draft ? drafts % 25 === 0 : i % 10 === 0;
      if (byRaj) total++;
      if (byRaj && d.draft) pending++;
      createItem(db, approvals, {
        fields: { Title: `${d.docId} v${label} · Approval`, DocumentVersionLookupId: release.id, Step: 'Approval', AssigneeUPN: byRaj ? demo.raj : demo.tom, Decision: d.draft ? 'Pending' : 'Approved' },
        user: author,
        at,
      });
    });
  })();
  return { pending, total };
}

interface OpenResult {
  firstRowsMs: number;
  allMs: number;
  rows: number;
  cost: Cost;
  /** Sequential round trips to the first rows (only measured with added latency). */
  waves: number | null;
}

/** What the app session may already hold when the register opens: the site id and the user's roles. */
interface SessionCache {
  siteId: string;
  roles: SmsRole[];
}

/**
 * Opens the register as the app does: the site id and the user's roles (cached for the session
 * in the app; fetched here unless `cached` is given), then the first register page and the people
 * directory (owner and process names) in parallel. "First rows" is when the register page is answered.
 */
async function openRegister(emu: TestEmulator, client: GraphClient, filters: RegisterFilters = NO_FILTERS, cached?: SessionCache): Promise<OpenResult> {
  emu.emulator.emu.requests.clear();
  const started = performance.now();
  const session: SessionCache =
    cached ??
    (await Promise.all([getSiteByUrl(client, SITE_URL), getMyGroups(client)]).then(([site, groups]) => ({
      siteId: site.id!,
      roles: rolesFromGroupNames(groups.map((g) => g.displayName ?? '')),
    })));
  const params: RegisterParams = { view: registerViewFor(session.roles), filters, sort: DEFAULT_SORT, docIdPrefix: '', today: localDate() };
  let firstRowsMs = 0;
  const [page] = await Promise.all([
    fetchRegisterPage(client, session.siteId, params).then((p) => {
      firstRowsMs = performance.now() - started;
      return p;
    }),
    loadPeopleDirectory(client, session.siteId),
  ]);
  const latency = emu.emulator.emu.faults.config.latencyMs;
  return { firstRowsMs, allMs: performance.now() - started, rows: page.rows.length, cost: cost(emu), waves: latency > 0 ? sequentialTripsToFirstRows(emu, latency) : null };
}

/** One register request on its own (site id known): a first page, or "Load more". */
async function registerOnly(emu: TestEmulator, run: () => Promise<{ rows: number }>): Promise<{ ms: number; rows: number; cost: Cost }> {
  emu.emulator.emu.requests.clear();
  const started = performance.now();
  const { rows } = await run();
  return { ms: performance.now() - started, rows, cost: cost(emu) };
}

async function main(): Promise<void> {
  const emu = await startTestEmulator();
  try {
    const clientFor = (upn: string) => createGraphClient({ baseUrl: emu.graphBaseUrl, getToken: () => emu.token(upn) });
    const tom = clientFor(demo.tom);
    const siteId = (await getSiteByUrl(tom, SITE_URL)).id!;
    let t = performance.now();
    await provision({ client: tom, siteId, groupName: SMS_GROUP, target: 'emulator', emulatorOrigin: emu.origin, log: () => undefined });
    console.log(`Provisioned the SMS site in ${ms(performance.now() - t)}.`);
    t = performance.now();
    const { inReview, docs } = insertDocuments(emu, siteId, DOCUMENTS);
    console.log(`Inserted ${DOCUMENTS} documents (${DOCUMENTS - inReview} published, ${inReview} never-published drafts in review) through the emulator's services in one transaction: ${ms(performance.now() - t)}.`);
    const rajs = insertDecisions(emu, siteId, docs);
    console.log(`Inserted ${DOCUMENTS} releases and ${DOCUMENTS} approvals (Raj: ${rajs.total}, ${rajs.pending} of them pending).`);
    const raj = clientFor(demo.raj);

    const priya = clientFor(demo.priya);
    const jack = clientFor(demo.jack);
    // Warm up: tokens, prepared statements, the User Information List.
    await openRegister(emu, priya);
    await openRegister(emu, jack);

    for (const latency of LATENCIES) {
      emu.emulator.emu.faults.update({ latencyMs: latency });
      console.log(`\nEmulator latency ${latency} ms per Graph request`);
      const scenarios: [string, GraphClient, RegisterFilters, SessionCache | undefined][] = [
        ['Priya (document controller, all statuses)', priya, NO_FILTERS, undefined],
        ['Jack (employee, documents in force)', jack, NO_FILTERS, undefined],
        ["Priya, filtered: DocStatus eq 'In review'", priya, { ...NO_FILTERS, status: 'In review' }, undefined],
        ['Jack, site id and roles already cached by the app session', jack, NO_FILTERS, { siteId, roles: ['employee'] }],
      ];
      const waves: number[] = [];
      for (const [name, client, filters, cached] of scenarios) {
        const r = await openRegister(emu, client, filters, cached);
        console.log(`  Open the register — ${name}: first ${r.rows} rows in ${ms(r.firstRowsMs)}, all done in ${ms(r.allMs)}; ${describeCost(r.cost)}`);
        if (r.waves !== null) {
          console.log(`    sequential round trips to first rows: ${r.waves}`);
          if (!cached) waves.push(r.waves);
        }
      }
      if (waves.length) console.log(`  sequential round trips to first rows: ${Math.max(...waves)} (worst opening without a session cache, ${DOCUMENTS} documents)`);

      const params: RegisterParams = { view: 'all', filters: NO_FILTERS, sort: DEFAULT_SORT, docIdPrefix: '', today: localDate() };
      const first = await fetchRegisterPage(priya, siteId, params);
      const more = await registerOnly(emu, async () => ({ rows: (await fetchRegisterPage(priya, siteId, params, { nextLink: first.nextLink })).rows.length }));
      console.log(`  Load more (Priya): ${more.rows} rows in ${ms(more.ms)}; ${describeCost(more.cost)}`);
      const sorted = await registerOnly(emu, async () => ({
        rows: (await fetchRegisterPage(priya, siteId, { ...params, sort: { column: 'NextReviewDate', direction: 'ascending' } })).rows.length,
      }));
      console.log(`  Sort by next review (Priya): first ${sorted.rows} rows in ${ms(sorted.ms)}; ${describeCost(sorted.cost)}`);
      const search = await registerOnly(emu, async () => ({ rows: (await fetchRegisterPage(jack, siteId, { ...params, view: 'inForce', docIdPrefix: 'SMS-POL-01' })).rows.length }));
      console.log(`  DocId search 'SMS-POL-01' (Jack): ${search.rows} rows in ${ms(search.ms)}; ${describeCost(search.cost)}`);
      const unselected = await registerOnly(emu, async () => ({
        rows: (await listItems(priya, siteId, DOCUMENTS_LIST, { schema: REGISTER_SCHEMA, orderby: ['fields/DocId'], top: REGISTER_PAGE_SIZE })).items.length,
      }));
      console.log(`  For comparison, the same first page without $select (all listItem properties and fields): ${describeCost(unselected.cost)}`);
      const exported = await registerOnly(emu, async () => ({ rows: (await fetchAllRegisterRows(priya, siteId, params)).length }));
      console.log(`  Export, every matching document (Priya): ${exported.rows} rows in ${ms(exported.ms)}; ${describeCost(exported.cost)}`);
      const awaiting = await registerOnly(emu, async () => {
        const found = await getAwaitingDecision(raj, siteId, demo.raj);
        const awaitingDocIds = found.state === 'found' ? found.docIds : [];
        const filters: RegisterFilters = { ...NO_FILTERS, awaitingMyDecision: true };
        return { rows: (await fetchRegisterPage(raj, siteId, { ...params, view: 'inForce', filters, awaitingDocIds })).rows.length };
      });
      console.log(`  Awaiting my decision (Raj, top management): ${awaiting.rows} rows in ${ms(awaiting.ms)}; ${describeCost(awaiting.cost)}`);
    }
  } finally {
    await emu.close();
  }
}

await main();
