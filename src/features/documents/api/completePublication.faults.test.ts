// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { demo } from '../../../../tests/support/emulator.js';
import { finalApprovalScenario, type FinalApproval } from '../../../../tests/support/publishScenario.js';
import { startSmsEmulator, type SmsEmulator } from '../../../../tests/support/smsEmulator.js';
import { decideApproval } from './decideApproval.js';

/**
 * The fault story of issue 9 §4, over real HTTP against the emulator: Raj's last approval of a
 * revised procedure publishes 2.0 and supersedes 1.0 (tests/support/publishScenario.ts) while the
 * emulator answers writes "504 after commit" (the change made, the answer lost) and fails requests
 * with 429/503. Raj presses "Try again" as long as the page shows an error. However the faults fall,
 * the document ends published exactly once: checked in as one major version 2.0 that readers get,
 * one release record per version (2.0 Published with the hash of those bytes, 1.0 Superseded), and
 * one audit entry per step (Raj's decision, the approval, the publication). The faults are seeded,
 * so a run meets the same pattern each time (up to the order of requests sent in parallel).
 */
type Json = Record<string, unknown>;

let sms: SmsEmulator;
let scenario: FinalApproval;
let auditBefore: Set<string>;

beforeEach(async () => {
  sms = await startSmsEmulator();
  scenario = await finalApprovalScenario(sms);
  auditBefore = new Set((await items('SMS Audit Trail')).map((e) => String(e.id)));
}, 60_000);
afterEach(async () => {
  await sms.close();
});

/** Fault injection over HTTP, as a tester sets it (`PUT /_dev/faults`). */
async function putFaults(patch: Json): Promise<void> {
  const res = await fetch(`${sms.emu.origin}/_dev/faults`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(patch) });
  expect(res.status).toBe(200);
}

/** Raw Graph GET as `upn` (not through the code under test); the faults are off when it is used. */
async function get(path: string, upn = demo.tom): Promise<Response> {
  const res = await sms.emu.graph(upn, path);
  expect(res.status, path).toBe(200);
  return res;
}

/** Every item of a list of the SMS site with its fields, as Tom reads them. */
async function items(list: string, filter?: string): Promise<Json[]> {
  const res = await get(`/sites/${sms.siteId}/lists/${list}/items?$expand=fields&$top=999${filter ? `&$filter=${filter}` : ''}`);
  return ((await res.json()) as { value: { id: string; fields: Json }[] }).value.map((i) => ({ id: i.id, ...i.fields }));
}

/** Raj's decision as the approval dialog sends it, "Try again" pressed after each failure; the failures seen. */
async function approveTryingAgain(maxTries = 10): Promise<{ status: string; failures: unknown[] }> {
  const failures: unknown[] = [];
  for (let i = 0; i < maxTries; i++) {
    try {
      const outcome = await decideApproval(scenario.raj, scenario.docId, scenario.approvalItemId, 'Approved', null);
      return { status: outcome.status, failures };
    } catch (e) {
      failures.push(e);
    }
  }
  throw new Error(`Still failing after ${maxTries} tries: ${failures.map((f) => (f instanceof Error ? f.message : String(f))).join(' | ')}`);
}

/** What readers and the records show once the faults are off: published exactly once. */
async function expectPublishedOnce(): Promise<void> {
  const { docId } = scenario;
  const [doc] = await items('SMS Documents', `fields/DocId eq '${docId}'`);
  expect(doc).toMatchObject({ DocStatus: 'Published', PublishedVersion: '2.0' });

  // The file: checked in (nobody holds it), its versions holding exactly one 1.0 and one 2.0.
  const driveItem = (await (await get(`/sites/${sms.siteId}/lists/SMS Documents/items/${String(doc!.id)}/driveItem`)).json()) as { id: string; parentReference: { driveId: string } };
  const filePath = `/drives/${driveItem.parentReference.driveId}/items/${driveItem.id}`;
  const publication = (await (await get(`${filePath}?$select=id,publication`)).json()) as { publication: { level: string; versionId: string } };
  expect(publication.publication.level).toBe('published');
  const versions = ((await (await get(`${filePath}/versions`)).json()) as { value: { id: string }[] }).value.map((v) => v.id);
  expect(versions.filter((v) => v.endsWith('.0')).sort()).toEqual(['1.0', '2.0']);

  // A reader (Jack) gets version 2.0 and its bytes.
  const asJack = (await (await get(`/sites/${sms.siteId}/lists/SMS Documents/items?$expand=fields&$filter=fields/DocId eq '${docId}'`, demo.jack)).json()) as { value: { fields: Json }[] };
  expect(asJack.value.map((i) => i.fields.PublishedVersion)).toEqual(['2.0']);
  const bytes = new Uint8Array(await (await get(`${filePath}/content`, demo.jack)).arrayBuffer());
  expect(new TextDecoder().decode(bytes)).toContain('emergency changes too');

  // One release record per version: 2.0 Published with the hash of what readers get, 1.0 Superseded.
  const releases = await items('Document Releases', `fields/DocId eq '${docId}'`);
  const byLabel = (l: string) => releases.filter((r) => r.VersionLabel === l && r.ChangeType !== 'Reviewed – no change');
  expect(byLabel('2.0')).toHaveLength(1);
  expect(byLabel('2.0')[0]).toMatchObject({ VersionStatus: 'Published', FileHash: createHash('sha256').update(bytes).digest('hex') });
  expect(byLabel('2.0')[0]!.PublishedOn).toBeTruthy();
  expect(byLabel('1.0')).toHaveLength(1);
  expect(byLabel('1.0')[0]).toMatchObject({ VersionStatus: 'Superseded' });

  // Raj's approval is recorded once, Approved.
  const approvals = await items('Document Approvals', `fields/DocumentVersionLookupId eq ${String(byLabel('2.0')[0]!.id)}`);
  const rajs = approvals.filter((a) => a.id === scenario.approvalItemId);
  expect(rajs.map((a) => a.Decision)).toEqual(['Approved']);

  // One audit entry per step of this approval: Raj's decision, the approval, the publication.
  const added = (await items('SMS Audit Trail')).filter((e) => !auditBefore.has(String(e.id)));
  const steps = added.map((e) => `${String(e.EntityType)} ${String(e.FromStatus)}→${String(e.ToStatus)}`).sort();
  expect(steps).toEqual(['ControlledDocument Approved→Published', 'ControlledDocument In review→Approved', 'DocumentApproval Pending→Approved']);
  expect(added.find((e) => e.ToStatus === 'Published')!.Comment).toMatch(/^Version 2\.0 effective \d{4}-\d{2}-\d{2}$/);
  expect(added.every((e) => String(e.EntityRef).startsWith(scenario.docId))).toBe(true);
}

/** How many requests of the final approval the emulator answered with `status` (its request log, over HTTP). */
async function answered(status: number): Promise<number> {
  const log = (await (await fetch(`${sms.emu.origin}/_dev/requests`)).json()) as { status: number }[];
  return log.filter((e) => e.status === status).length;
}

describe('the final approval that publishes, under faults', () => {
  it('with every write answered 504 after it was made, ends published exactly once', async () => {
    await sms.emu.clearRequestLog();
    await putFaults({ failAfterCommitRate: 1, retryAfterSeconds: 0 });
    const { status } = await approveTryingAgain();
    await putFaults({ failAfterCommitRate: 0 });
    expect(status).toBe('Published');
    expect(await answered(504)).toBeGreaterThan(5);
    await expectPublishedOnce();
  }, 90_000);

  it('with seeded 504s after commit and 429/503 failures, ends published exactly once', async () => {
    await sms.emu.clearRequestLog();
    await putFaults({ failAfterCommitRate: 0.3, failureRate: 0.25, failureStatuses: [429, 503], retryAfterSeconds: 0, seed: 20_26 });
    const { status } = await approveTryingAgain();
    await putFaults({ failAfterCommitRate: 0, failureRate: 0, seed: null });
    expect(status).toBe('Published');
    expect((await answered(503)) + (await answered(504))).toBeGreaterThan(0);
    await expectPublishedOnce();
  }, 90_000);

  it('with 503s only (never retried for a POST), ends published exactly once', async () => {
    await sms.emu.clearRequestLog();
    await putFaults({ failureRate: 0.3, failureStatuses: [503], retryAfterSeconds: 0, seed: 9 });
    const { status } = await approveTryingAgain();
    await putFaults({ failureRate: 0, seed: null });
    expect(status).toBe('Published');
    expect(await answered(503)).toBeGreaterThan(0);
    await expectPublishedOnce();
  }, 90_000);
});
