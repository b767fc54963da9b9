/**
 * `npx tsx bench/acknowledgements.ts` (or `npm run bench:acknowledgements`): what policy acknowledgement costs
 * at 600 and at 60,000 items (issue 11, "Scale").
 *
 * For each size it starts an emulator on port 0 (in-memory database), provisions the SMS site (graph/provisioning,
 * over HTTP like `npm run provision`), then loads the data DIRECTLY through the emulator's services in one SQLite
 * transaction (no HTTP, so the load is not part of any figure):
 * - users in the emulator's directory, members of SMS-AllStaff, their departments spread over six; the measured
 *   person is the demo user Jack Turner (Service Desk), the others are created (`bench.user.0001@…`);
 * - 30 releases; for each, one `Acknowledgement Campaigns` item (audience SMS-AllStaff), one `Acknowledgement
 *   Requests` item per user (`newRequestFields`, as a campaign writes them) and, for 9 users in 10, an
 *   `Acknowledgements` item created AS that user (`newAcknowledgementFields`; the emulator stamps `createdBy` with
 *   the user, as SharePoint does when the employee writes it with their own token). The rest are pending, or
 *   overdue for the releases whose due date has passed. Field values go through the emulator's write
 *   normalisation (`normalizeFieldsForWrite`, `checkRequired`), so they are stored as a Graph write stores them.
 *   The releases' item ids (`DocumentVersionId`) are 1001–1030: none of the reads measured here looks a release up.
 *
 * Sizes: "600 items" = 20 users × 30 releases, "60,000 items" = 2,000 users × 30 releases (items per list: that
 * many requests, and 90% of that many acknowledgements).
 *
 * It then measures, with the functions the app uses (src/platform/acknowledgements/read.ts, graph/home/homeCounts.ts)
 * and the site as the app session holds it (`loadSmsSite`, read once before measuring):
 * - `my pending`: `loadMyAcknowledgements` for Jack;
 * - `compliance report (N targeted)`: `loadReleaseAcknowledgements` of one release, as Priya (document controller);
 * - Home's counts for Jack (`getHomeCounts` with the input Home sends for an employee).
 * Round trips and response body bytes come from the emulator's request log (./requestLog.ts: a `$batch` counts
 * once). Each read runs once without added latency (its time, printed as "not a figure") and once with 50 ms per
 * Graph request, where the sequential round trips are the longest chain of requests each sent after the previous
 * one answered. The scale rule is checked and printed as PASS/FAIL lines; nothing is thrown for a FAIL.
 */
import { performance } from 'node:perf_hooks';
import { getHomeCounts, type HomeCount, type HomeCounts } from '../graph/home/homeCounts.js';
import { provision } from '../graph/provisioning/index.js';
import { ackCampaigns, ackRequests, acknowledgements } from '../graph/schema/acknowledgements.js';
import { getSiteByUrl } from '../graph/sites/sites.js';
import { addMember, findUser, insertUser, type UserRecord } from '../emulator/services/directory.js';
import { checkRequired, normalizeFieldsForWrite } from '../emulator/services/listFields.js';
import { columnsOf, createItem, findList, type ListRow } from '../emulator/services/lists.js';
import { groupIdOf, SMS_GROUP, TENANT, userIdOf } from '../emulator/seed/tenant.js';
import { demo, startTestEmulator, type TestEmulator } from '../tests/support/emulator.js';
import { REVIEW_DUE_SOON_DAYS } from '../src/domain/documents/constants.js';
import { addDays } from '../src/domain/documents/dates.js';
import { ackKey, figuresOf, type AckFigures, type AudienceMember } from '../src/domain/acknowledgements/index.js';
import { loadMyAcknowledgements, loadReleaseAcknowledgements, newAcknowledgementFields, newRequestFields, type AckRecords, type AckSite } from '../src/platform/acknowledgements/index.js';
import { DEFAULT_SITE_TIME_ZONE, fromDateOnly, siteDateOf } from '../src/platform/clock.js';
import { loadSmsSite } from '../src/platform/site.js';
import { cost, kb, ms, sequentialTrips, type Cost } from './requestLog.js';

const SITE_URL = 'https://kestrelms.sharepoint.com/sites/KestrelSMS';
const RELEASES = 30;
const FIRST_RELEASE_ID = 1001;
const LATENCY_MS = 50;
const DAY_MS = 86_400_000;
const TIME_ZONE = DEFAULT_SITE_TIME_ZONE;
const DEPARTMENTS = ['Service Desk', 'Operations', 'Security', 'Customer Success', 'Finance', 'People'] as const;
/** The release whose compliance report is measured (0-based): its due date has passed, so it has overdue people. */
const REPORTED_RELEASE = 5;
/** Home's budget for "My pending" (issue 11, "Scale"). */
const MAX_SEQUENTIAL = 2;
/** How far the report's bytes per person targeted may differ between the sizes and still count as "the same". */
const PER_PERSON_TOLERANCE = 0.1;

interface Size {
  name: string;
  users: number;
}

const SIZES: readonly Size[] = [
  { name: '600 items', users: 20 },
  { name: '60,000 items', users: 2000 },
];

const iso = (t: number) => new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');
const count = (n: number) => n.toLocaleString('en-GB');

interface Release {
  releaseId: number;
  docId: string;
  docTitle: string;
  versionLabel: string;
  /** Site date (YYYY-MM-DD). */
  dueDate: string;
  requestedAt: number;
  fileHash: string;
}

/** Release `r`: due dates from 20 days ago to 38 days ahead, requested 45 days before. */
function releaseOf(r: number, today: string): Release {
  const dueDate = addDays(today, (r - 10) * 2);
  return {
    releaseId: FIRST_RELEASE_ID + r,
    docId: `SMS-POL-${String(101 + r)}`,
    docTitle: `Benchmark policy ${r + 1}`,
    versionLabel: `${1 + (r % 3)}.0`,
    dueDate,
    requestedAt: Date.parse(`${dueDate}T09:00:00Z`) - 45 * DAY_MS,
    fileHash: (r + 1).toString(16).padStart(64, 'a'),
  };
}

/** Whether user `u` (0 = the measured person) has acknowledged release `r`: 9 in 10 have. */
const acknowledges = (u: number, r: number) => (u * 7 + r * 3) % 10 !== 0;

/** When user `u` acknowledged release `r` (server time): 0–47 days after the request, never in the future. */
function acknowledgedAt(u: number, rel: Release, r: number, now: number): number {
  const at = rel.requestedAt + ((u * 13 + r * 5) % 48) * DAY_MS + (u % 3600) * 1000;
  return Math.min(at, now - (1 + ((u * 31 + r) % 600)) * 60_000);
}

/** Adds `n - 1` staff to the directory (members of SMS-AllStaff, six departments) and returns them after Jack. */
function addStaff(emu: TestEmulator, n: number): UserRecord[] {
  const { db } = emu.emulator.emu;
  const jack = findUser(db, demo.jack);
  if (!jack) throw new Error('no Jack in the demo tenant');
  const staff: UserRecord[] = [jack];
  const allStaff = groupIdOf('SMS-AllStaff');
  db.transaction(() => {
    for (let i = 1; i < n; i++) {
      const tag = String(i).padStart(4, '0');
      const upn = `bench.user.${tag}@${TENANT.domain}`;
      const user = {
        id: userIdOf(upn),
        displayName: `Bench User ${tag}`,
        givenName: 'Bench',
        surname: `User ${tag}`,
        department: DEPARTMENTS[i % DEPARTMENTS.length]!,
        mail: upn,
        userPrincipalName: upn,
        accountEnabled: true,
        companyName: TENANT.organisation,
      } as UserRecord;
      insertUser(db, user);
      addMember(db, allStaff, user.id);
      staff.push(user);
    }
  })();
  return staff;
}

interface Loaded {
  requests: number;
  acks: number;
  releases: Release[];
}

/**
 * One campaign per release, one request per person and release, and an acknowledgement created as the person for
 * 9 in 10 of them; in one transaction through the emulator's services.
 */
function loadAcknowledgements(emu: TestEmulator, siteId: string, staff: readonly UserRecord[], today: string, now: number): Loaded {
  const { db } = emu.emulator.emu;
  const listOf = (name: string): ListRow => {
    const list = findList(db, siteId, name);
    if (!list) throw new Error(`${name} is not provisioned`);
    return list;
  };
  const campaigns = listOf(ackCampaigns.displayName);
  const requests = listOf(ackRequests.displayName);
  const acks = listOf(acknowledgements.displayName);
  const priya = findUser(db, demo.priya);
  if (!priya) throw new Error('no Priya in the demo tenant');
  const columns = new Map([campaigns, requests, acks].map((l) => [l.id, columnsOf(db, l.id)]));
  /** Stores fields as a Graph write would (normalised, required columns present), created by `user` at `at`. */
  const write = (list: ListRow, fields: Record<string, unknown>, user: UserRecord, at: string) => {
    const wctx = { db, list, columns: columns.get(list.id)! };
    const stored = normalizeFieldsForWrite(wctx, fields);
    for (const k of Object.keys(stored)) if (stored[k] === null) delete stored[k];
    checkRequired(wctx, stored);
    return createItem(db, list, { fields: stored, user, at });
  };
  const members: AudienceMember[] = staff.map((u) => ({ userId: u.id, upn: u.userPrincipalName, name: u.displayName, department: u.department ?? null }));
  const releases = Array.from({ length: RELEASES }, (_, r) => releaseOf(r, today));
  let requestCount = 0;
  let ackCount = 0;
  db.transaction(() => {
    releases.forEach((rel, r) => {
      const startedOn = iso(rel.requestedAt);
      const campaign = write(
        campaigns,
        {
          Title: `${rel.docId} ${rel.versionLabel}`,
          DocumentVersionId: rel.releaseId,
          DocId: rel.docId,
          DocTitle: rel.docTitle,
          VersionLabel: rel.versionLabel,
          FileHash: rel.fileHash,
          CampaignStatus: 'Open',
          Trigger: 'Publication',
          AudienceGroups: groupIdOf('SMS-AllStaff'),
          DueDate: rel.dueDate,
          StartedOn: startedOn,
          StartKey: `publication:${rel.releaseId}`,
        },
        priya,
        startedOn,
      );
      const campaignRef = { id: String(campaign.id), releaseId: rel.releaseId, docId: rel.docId, docTitle: rel.docTitle, versionLabel: rel.versionLabel, dueDate: rel.dueDate };
      members.forEach((member, u) => {
        write(requests, newRequestFields(campaignRef, member, startedOn), priya, startedOn);
        requestCount++;
        if (!acknowledges(u, r)) return;
        const at = iso(acknowledgedAt(u, rel, r, now));
        const request = { key: ackKey(rel.releaseId, member.userId), releaseId: rel.releaseId, docId: rel.docId, versionLabel: rel.versionLabel, userId: member.userId, userUpn: member.upn };
        const attestation = `I have read and understood version ${rel.versionLabel} of ${rel.docId} ${rel.docTitle}.`;
        write(acks, newAcknowledgementFields(request, { attestation, fileHash: rel.fileHash, channel: 'App' }, at), staff[u]!, at);
        ackCount++;
      });
    });
  })();
  return { requests: requestCount, acks: ackCount, releases };
}

interface Measured<T> {
  value: T;
  cost: Cost;
  /** Sequential round trips with `LATENCY_MS` added per Graph request. */
  sequential: number;
  /** Time without added latency (not a figure). */
  elapsedMs: number;
  /** Time the emulator took answering the round trips without added latency (not a figure). */
  serverMs: number;
}

/** Runs a read without added latency (for its time), then with `LATENCY_MS` (for its cost and sequential chain). */
async function measure<T>(emu: TestEmulator, run: () => Promise<T>): Promise<Measured<T>> {
  const faults = emu.emulator.emu.faults;
  faults.update({ latencyMs: 0 });
  emu.emulator.emu.requests.clear();
  const started = performance.now();
  await run();
  const elapsedMs = performance.now() - started;
  const serverMs = emu.emulator.emu.requests
    .list()
    .filter((e) => e.path.startsWith('/v1.0/') && !e.inBatch)
    .reduce((n, e) => n + e.durationMs, 0);
  const unlagged = cost(emu);
  faults.update({ latencyMs: LATENCY_MS });
  emu.emulator.emu.requests.clear();
  try {
    const value = await run();
    const lagged = cost(emu);
    if (lagged.trips !== unlagged.trips || lagged.received !== unlagged.received) {
      console.log(`  (note: the two runs differ: ${unlagged.trips} and ${lagged.trips} round trips, ${unlagged.received} and ${lagged.received} B)`);
    }
    return { value, cost: lagged, sequential: sequentialTrips(emu, LATENCY_MS), elapsedMs, serverMs };
  } finally {
    faults.update({ latencyMs: 0 });
  }
}

const trips = (c: Cost) => `${c.trips} round trips, ${kb(c.received)}`;
const describeFigures = (f: AckFigures) => `targeted ${f.targeted}, acknowledged ${f.acknowledged} (late ${f.late}), pending ${f.pending}, overdue ${f.overdue}, waived ${f.waived}`;
/** Whether Home's pending-acknowledgements count is the number of open (pending or overdue) requests the engine finds. */
const homeAgrees = (h: HomeCounts, mine: AckFigures) => h.pendingAcknowledgements.state === 'counted' && h.pendingAcknowledgements.count === mine.pending + mine.overdue;
const describeCount = (c: HomeCount | undefined) => (!c ? 'not asked' : c.state === 'counted' ? `${c.count}${c.more ? '+' : ''}` : c.state === 'missingList' ? `list missing (${c.list})` : 'no access');

interface SizeResult {
  size: Size;
  mine: Measured<AckRecords>;
  report: Measured<AckRecords>;
  home: Measured<HomeCounts>;
  targeted: number;
}

async function runSize(size: Size): Promise<SizeResult> {
  const emu = await startTestEmulator();
  try {
    const tom = emu.client(demo.tom);
    const site = await getSiteByUrl(tom, SITE_URL);
    const siteId = site.id!;
    let t = performance.now();
    await provision({ client: tom, siteId, groupName: SMS_GROUP, target: 'emulator', emulatorOrigin: emu.origin, log: () => undefined });
    const provisionMs = performance.now() - t;
    const now = Date.now();
    const today = siteDateOf(new Date(now), TIME_ZONE)!;
    t = performance.now();
    const staff = addStaff(emu, size.users);
    const loaded = loadAcknowledgements(emu, siteId, staff, today, now);
    const loadMs = performance.now() - t;
    // The load held the event loop for a while: let the keep-alive timers it delayed close their idle sockets now,
    // before the next request picks one of them (undici's "fetch failed: other side closed").
    await new Promise((resolve) => setTimeout(resolve, 100));
    console.log(`\n${size.name}: ${count(size.users)} users × ${RELEASES} releases = ${count(loaded.requests)} requests, ${count(loaded.acks)} acknowledgements, ${RELEASES} campaigns`);

    const jack = emu.client(demo.jack);
    const priya = emu.client(demo.priya);
    // The site as the app session holds it (read once per session, not part of the figures).
    const jackSite: AckSite = await loadSmsSite(jack, siteId, site.webUrl ?? SITE_URL);
    const priyaSite: AckSite = await loadSmsSite(priya, siteId, site.webUrl ?? SITE_URL);
    const me = findUser(emu.emulator.emu.db, demo.jack)!;
    const release = loaded.releases[REPORTED_RELEASE]!;
    const opts = { today, timeZone: TIME_ZONE };
    const calendarToday = fromDateOnly(today)!;
    const homeInput = {
      siteId,
      upn: demo.jack,
      userId: me.id,
      today: calendarToday,
      timeZone: TIME_ZONE,
      documentReviewsDueBy: fromDateOnly(addDays(today, REVIEW_DUE_SOON_DAYS))!,
      // An employee approves nothing: Home does not ask for the documents awaiting their decision.
      awaitingDecision: false,
    };

    const mine = await measure(emu, () => loadMyAcknowledgements(jack, jackSite, demo.jack, opts));
    const report = await measure(emu, () => loadReleaseAcknowledgements(priya, priyaSite, release.releaseId, opts));
    const home = await measure(emu, () => getHomeCounts(jack, homeInput));

    const myFigures = figuresOf(mine.value.views);
    const reportFigures = figuresOf(report.value.views);
    console.log(`  my pending: ${trips(mine.cost)}`);
    console.log(`  compliance report (${count(reportFigures.targeted)} targeted): ${trips(report.cost)}`);
    console.log(`  Home counts: ${trips(home.cost)}`);
    console.log(
      `  sanity: Jack has ${mine.value.requests.length} requests and ${mine.value.acks.length} acknowledgements: ${myFigures.pending} pending, ${myFigures.overdue} overdue, ${myFigures.acknowledged} acknowledged; ` +
        `report of ${release.docId} ${release.versionLabel} (release ${release.releaseId}, due ${release.dueDate}): ${describeFigures(reportFigures)} ` +
        `from ${report.value.requests.length} requests and ${report.value.acks.length} acknowledgements; ` +
        `Home: pending acknowledgements ${describeCount(home.value.pendingAcknowledgements)} (${homeAgrees(home.value, myFigures) ? 'the same as' : 'NOT the same as'} Jack's ${myFigures.pending + myFigures.overdue} open requests above)`,
    );
    console.log(`  sequential round trips (${LATENCY_MS} ms added per Graph request): my pending ${mine.sequential}, compliance report ${report.sequential}, Home counts ${home.sequential}`);
    console.log(
      `  times (not figures, no added latency): provisioning ${ms(provisionMs)}, data load ${ms(loadMs)}; ` +
        `my pending ${ms(mine.elapsedMs)} (emulator ${ms(mine.serverMs)}), compliance report ${ms(report.elapsedMs)} (emulator ${ms(report.serverMs)}), Home counts ${ms(home.elapsedMs)} (emulator ${ms(home.serverMs)})`,
    );
    return { size, mine, report, home, targeted: reportFigures.targeted };
  } finally {
    await emu.close();
  }
}

/** Prints the scale rule of issue 11 as PASS/FAIL lines. */
function checkScale(small: SizeResult, large: SizeResult): void {
  const line = (ok: boolean, text: string) => console.log(`  ${ok ? 'PASS' : 'FAIL'} ${text}`);
  console.log(`\nScale rule (${small.size.name} → ${large.size.name})`);
  line(large.mine.cost.trips === small.mine.cost.trips, `my pending costs the same round trips: ${small.mine.cost.trips} → ${large.mine.cost.trips}`);
  const worst = Math.max(small.mine.sequential, large.mine.sequential);
  line(worst <= MAX_SEQUENTIAL, `my pending is at most ${MAX_SEQUENTIAL} sequential round trips: ${small.mine.sequential} → ${large.mine.sequential}`);
  const mineBytes = large.mine.cost.received / small.mine.cost.received;
  line(Math.abs(mineBytes - 1) <= PER_PERSON_TOLERANCE, `my pending reads the same bytes (the person's own records): ${kb(small.mine.cost.received)} → ${kb(large.mine.cost.received)}`);
  const perPerson = (r: SizeResult) => r.report.cost.received / r.targeted;
  const ratio = perPerson(large) / perPerson(small);
  line(
    Math.abs(ratio - 1) <= PER_PERSON_TOLERANCE,
    `compliance report bytes grow with the people targeted: ${kb(perPerson(small))} per person at ${count(small.targeted)} targeted, ${kb(perPerson(large))} at ${count(large.targeted)} (×${ratio.toFixed(2)})`,
  );
  const items = (r: SizeResult) => r.report.value.requests.length + r.report.value.acks.length;
  line(
    items(large) <= 2 * large.targeted,
    `compliance report reads only the release's records: ${count(items(large))} items for ${count(large.targeted)} people, of ${count(large.size.users * RELEASES)} requests in the list`,
  );
  // One $batch, plus one next page per 5,000 items of either list (RELEASE_PAGE_SIZE).
  const pages = 1 + Math.max(0, Math.ceil(large.targeted / 5000) - 1);
  line(large.report.cost.trips <= pages && large.report.sequential <= pages, `compliance report round trips follow the people targeted: ${large.report.cost.trips} (${large.report.sequential} sequential) for ${count(large.targeted)} people`);
  line(large.home.cost.trips === small.home.cost.trips && large.home.sequential <= 1, `Home counts cost the same round trips: ${small.home.cost.trips} → ${large.home.cost.trips}, ${large.home.sequential} sequential`);
}

async function main(): Promise<void> {
  const results: SizeResult[] = [];
  for (const size of SIZES) results.push(await runSize(size));
  checkScale(results[0]!, results[1]!);
}

await main();
