import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { demo } from '../../../../tests/support/emulator.js';
import { finalApprovalScenario, graphRequests, sequentialRoundTrips, type FinalApproval } from '../../../../tests/support/publishScenario.js';
import { startSmsEmulator, type SmsEmulator } from '../../../../tests/support/smsEmulator.js';
import { decideApproval, type DecisionOutcome } from './index.js';

/**
 * The final approval that publishes a document (issue 8): at most 12 Graph requests in at most 6
 * sequential round trips (counted from the emulator's request log over real HTTP, with latency so
 * that requests in flight together overlap), writing the same records as the step-by-step path.
 */
type Json = Record<string, unknown>;
let sms: SmsEmulator;
let scenario: FinalApproval;
let outcome: DecisionOutcome;
let requests = 0;
let waves = 0;
let auditBefore = new Set<string>();
const auditPath = () => `/sites/${sms.siteId}/lists/SMS Audit Trail/items?$expand=fields&$top=999`;

async function get(path: string): Promise<Json> {
  const res = await sms.emu.graph(demo.tom, path);
  expect(res.status).toBe(200);
  return (await res.json()) as Json;
}
const values = async (path: string): Promise<Json[]> =>
  ((await get(path)).value as { id: string; fields: Json }[]).map((i): Json => ({ id: i.id, ...i.fields }));

beforeAll(async () => {
  sms = await startSmsEmulator();
  scenario = await finalApprovalScenario(sms);
  auditBefore = new Set((await values(auditPath())).map((e) => String(e.id)));
  const { faults, requests: log } = sms.emu.emulator.emu;
  faults.update({ latencyMs: 40 });
  log.clear();
  outcome = await decideApproval(scenario.raj, scenario.docId, scenario.approvalItemId, 'Approved', null);
  faults.update({ latencyMs: 0 });
  requests = graphRequests(log.list()).length;
  waves = sequentialRoundTrips(log.list());
}, 120_000);
afterAll(() => sms?.close());

describe('the last approval of a document with two approvers', () => {
  it('publishes in at most 12 Graph requests and 6 sequential round trips', () => {
    expect(outcome).toMatchObject({ decision: 'Approved', status: 'Published', published: { versionLabel: '2.0', previousLabel: '1.0', resumed: false }, warnings: [] });
    expect(requests).toBeLessThanOrEqual(12);
    expect(waves).toBeLessThanOrEqual(6);
    expect(waves).toBeGreaterThan(1);
  });

  it('writes the release Published with the hash of the bytes readers get, and supersedes the previous one', async () => {
    const { docId } = scenario;
    const releases = await values(`/sites/${sms.siteId}/lists/Document Releases/items?$expand=fields&$filter=fields/DocId eq '${docId}'`);
    expect(releases.map((r) => `${r.VersionLabel as string} ${r.VersionStatus as string}`).sort()).toEqual(['1.0 Superseded', '2.0 Published']);
    const doc = (await values(`/sites/${sms.siteId}/lists/SMS Documents/items?$expand=fields&$filter=fields/DocId eq '${docId}'`))[0]!;
    const file = await get(`/sites/${sms.siteId}/lists/SMS Documents/items/${doc.id}/driveItem`);
    const drive = (file.parentReference as Json).driveId as string;
    const bytes = new Uint8Array(await (await sms.emu.graph(demo.jack, `/drives/${drive}/items/${file.id as string}/content`)).arrayBuffer());
    const published = releases.find((r) => r.VersionLabel === '2.0')!;
    expect(published).toMatchObject({ FileHash: createHash('sha256').update(bytes).digest('hex'), ApprovedByLookupId: expect.anything(), SubmittedOn: expect.any(String) });
    expect(String(published.ApprovedOn)).toMatch(/^\d{4}-/);
    expect(String(published.PublishedOn)).toMatch(/^\d{4}-/);
    expect(String(releases.find((r) => r.VersionLabel === '1.0')!.SupersededOn)).toMatch(/^\d{4}-/);
    // The library: Published 2.0, checked in as the next major version that readers see.
    expect(doc).toMatchObject({ DocStatus: 'Published', PublishedVersion: '2.0', _UIVersionString: '2.0' });
    expect(doc.CheckoutUserLookupId ?? null).toBeNull();
  });

  it('records the decision, closes its Planner task and writes the three audit entries', async () => {
    const approval = await get(`/sites/${sms.siteId}/lists/Document Approvals/items/${scenario.approvalItemId}?$expand=fields`);
    const fields = approval.fields as Json;
    expect(fields).toMatchObject({ Decision: 'Approved', DecidedOn: expect.any(String) });
    const task = await get(`/planner/tasks/${fields.PlannerTaskId as string}`);
    expect(task.percentComplete).toBe(100);
    const last = (await values(auditPath())).filter((e) => !auditBefore.has(String(e.id)));
    expect(last.map((e) => `${e.ListKey as string}: ${String(e.FromStatus)} → ${String(e.ToStatus)}`).sort()).toEqual([
      'documentApprovals: Pending → Approved',
      'smsDocuments: Approved → Published',
      'smsDocuments: In review → Approved',
    ]);
    expect(last.every((e) => e.ActorUPN === demo.raj)).toBe(true);
  });
});
