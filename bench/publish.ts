/**
 * `npx tsx bench/publish.ts` (or `npm run bench:publish`): what the final approval that publishes a
 * document costs (issue 8, target: at most 12 Graph requests and 6 sequential round trips).
 *
 * Starts an emulator on port 0 (in-memory database), provisions the SMS site over HTTP, and sets
 * up a procedure published as 1.0 and revised to a 2.0 draft with two approvers (approver Raj,
 * reviewer Tom) of whom Tom has approved (tests/support/publishScenario.ts). Then, with 100 ms of
 * latency added to every Graph request, Raj gives the last approval (`decideApproval`, which
 * publishes 2.0 and supersedes 1.0), and the emulator's request log is read:
 * - `Graph requests`: every request to /v1.0 (a `$batch` counts once, its inner requests not);
 * - `sequential round trips`: the longest chain of requests each started after the previous one
 *   ended (requests in flight together overlap under the added latency, and count once).
 * Measures only; asserts nothing (src/features/documents/services/publish.requests.test.ts does).
 */
import { performance } from 'node:perf_hooks';
import { decideApproval } from '../src/features/documents/services/index.js';
import { finalApprovalScenario, graphRequests, sequentialRoundTrips } from '../tests/support/publishScenario.js';
import { startSmsEmulator } from '../tests/support/smsEmulator.js';

const LATENCY_MS = 100;

async function main(): Promise<void> {
  const sms = await startSmsEmulator();
  try {
    const { docId, raj, approvalItemId } = await finalApprovalScenario(sms);
    const { faults, requests } = sms.emu.emulator.emu;
    faults.update({ latencyMs: LATENCY_MS });
    requests.clear();
    const started = performance.now();
    const outcome = await decideApproval(raj, docId, approvalItemId, 'Approved', null);
    const elapsed = performance.now() - started;
    faults.update({ latencyMs: 0 });
    const log = requests.list();
    const graph = graphRequests(log);
    if (process.argv.includes('--verbose')) for (const e of graph) console.log(`  ${e.time} ${String(e.durationMs).padStart(4)} ms ${e.method} ${e.status} ${decodeURIComponent(e.path).slice(0, 140)}`);
    console.log(`Final approval of ${docId} (two approvers, one had approved): ${outcome.status} ${outcome.published?.versionLabel ?? ''}`);
    console.log(`Graph requests: ${graph.length}`);
    console.log(`sequential round trips: ${sequentialRoundTrips(log)}`);
    console.log(`Time with ${LATENCY_MS} ms per request: ${elapsed.toFixed(0)} ms`);
  } finally {
    await sms.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
