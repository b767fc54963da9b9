/**
 * `npx tsx bench/home.ts` (or `npm run bench:home`): how much Graph traffic Home costs, and how big
 * the first download is.
 *
 * Starts an emulator with 50 ms added latency per Graph request, serves the built app (`dist/`,
 * built first if stale), gives the demo user a little work in the SMS lists Home reads, signs in
 * in Chromium as that user and waits for Home's counts. Prints:
 * - Graph round trips: request-log entries with `inBatch: false` (a `$batch` counts once; its
 *   inner requests are listed separately), with request and response bytes;
 * - the initial JS of `dist/index.html` (its module script and modulepreloads), raw and gzip.
 * Measures only; asserts nothing.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import { DIST_DIR, ensureAppBuilt, startAppStack } from '../tests/support/processes.js';
import { launchBrowser, openSignIn, signInAs } from '../tests/support/browser.js';
import { demo } from '../tests/support/emulator.js';
import { createGraphClient } from '../graph/core/client.js';
import { getSiteByUrl } from '../graph/sites/sites.js';
import { addHomeItem, createHomeLists, homeAck, homeAckRequest } from '../tests/support/homeFixtures.js';
import { getMe } from '../graph/directory/me.js';

const LATENCY_MS = 50;
const USER = { name: 'Priya Nair', upn: demo.priya };
const SITE_URL = 'https://kestrelms.sharepoint.com/sites/KestrelSMS';

interface LogEntry {
  method: string;
  path: string;
  status: number;
  requestBytes: number;
  responseBytes: number;
  durationMs: number;
  inBatch: boolean;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

/** The JS files `index.html` loads before the app runs: the entry script and its modulepreloads. */
async function initialJs(): Promise<{ file: string; raw: number; gzip: number }[]> {
  const html = await fs.readFile(path.join(DIST_DIR, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g)].map((m) => m[1]!);
  const out = [];
  for (const ref of [...new Set(refs)]) {
    const bytes = await fs.readFile(path.join(DIST_DIR, ref.replace(/^\//, '')));
    out.push({ file: ref, raw: bytes.byteLength, gzip: zlib.gzipSync(bytes, { level: 9 }).byteLength });
  }
  return out;
}

async function seedHomeLists(graphBaseUrl: string, token: (upn: string) => Promise<string>): Promise<void> {
  const tom = createGraphClient({ baseUrl: graphBaseUrl, getToken: () => token(demo.tom) });
  const siteId = (await getSiteByUrl(tom, SITE_URL)).id!;
  await createHomeLists(tom, siteId);
  const soon = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
  const me = createGraphClient({ baseUrl: graphBaseUrl, getToken: () => token(USER.upn) });
  const userId = (await getMe(me)).id!;
  // Three requests to acknowledge, one of them acknowledged by the user (Home subtracts it in the same batch).
  for (let release = 1; release <= 3; release++) await addHomeItem(tom, siteId, 'ackRequests', homeAckRequest({ userId, upn: USER.upn }, release));
  await addHomeItem(me, siteId, 'acknowledgements', homeAck({ userId, upn: USER.upn }, 3));
  await addHomeItem(tom, siteId, 'actions', { Title: 'Close NC-2031-004', AssignedToUPN: USER.upn, Status: 'In progress' });
  await addHomeItem(tom, siteId, 'managementReviews', { Title: 'MR 2031 Q3', MeetingDate: soon, Status: 'Planned' });
  await addHomeItem(tom, siteId, 'audits', { Title: 'Change management audit', PlannedStart: soon, Status: 'Scheduled' });
}

async function main(): Promise<void> {
  await ensureAppBuilt();
  const stack = await startAppStack();
  const browser = await launchBrowser();
  try {
    await seedHomeLists(stack.emulator.graphBaseUrl, (upn) => stack.emulator.token(upn));
    stack.emulator.emulator.emu.faults.update({ latencyMs: LATENCY_MS });

    const { page } = browser;
    await openSignIn(page, stack.appUrl);
    stack.emulator.emulator.emu.requests.clear();
    const started = performance.now();
    await signInAs(page, USER.name);
    await page.getByRole('region', { name: 'My pending acknowledgements' }).waitFor();
    const homeMs = performance.now() - started;

    const log = stack.emulator.emulator.emu.requests.list() as LogEntry[];
    const graph = log.filter((e) => e.path.startsWith('/v1.0/'));
    const trips = graph.filter((e) => !e.inBatch);
    const inner = graph.filter((e) => e.inBatch);
    const sent = trips.reduce((n, e) => n + e.requestBytes, 0);
    const received = trips.reduce((n, e) => n + e.responseBytes, 0);

    console.log(`Home as ${USER.name}, emulator latency ${LATENCY_MS} ms per Graph request`);
    console.log(`  Graph round trips: ${trips.length}`);
    for (const e of trips) console.log(`    ${e.method} ${decodeURIComponent(e.path)} → ${e.status}, ${e.requestBytes} B sent, ${e.responseBytes} B received`);
    console.log(`  inside the $batch: ${inner.length} requests`);
    for (const e of inner) console.log(`    ${e.method} ${decodeURIComponent(e.path)} → ${e.status}, ${e.responseBytes} B`);
    console.log(`  body bytes of the round trips: ${sent} B sent, ${received} B received (${kb(sent + received)})`);
    console.log(`  sign-in click to counts shown: ${homeMs.toFixed(0)} ms (not a benchmark figure: includes rendering)`);

    const js = await initialJs();
    console.log(`Initial JS (dist/index.html): ${js.length} files, ${kb(js.reduce((n, f) => n + f.raw, 0))} raw, ${kb(js.reduce((n, f) => n + f.gzip, 0))} gzip`);
    for (const f of js) console.log(`    ${f.file}: ${kb(f.raw)} raw, ${kb(f.gzip)} gzip`);
    if (browser.errors.length) console.log(`Browser errors: ${browser.errors.join(' | ')}`);
  } finally {
    await browser.close();
    await stack.close();
  }
}

await main();
