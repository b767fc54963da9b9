// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDraft, markdownFile, publishedDocument } from '../../../../tests/support/documentsHarness.js';
import { demo } from '../../../../tests/support/emulator.js';
import { startSmsEmulator, type SmsEmulator } from '../../../../tests/support/smsEmulator.js';
import { loadDocument, loadDocumentServices, type DocumentServices } from '../services/index.js';
import { startRevision } from './startRevision.js';
import { submitForReview } from './submitForReview.js';
import { withdrawDocument } from './withdrawDocument.js';

/**
 * Submit, revise and withdraw under faults (issue 9 §4), over real HTTP: the emulator carries out half
 * of the writes and answers them 504 (the answer lost) and fails others with 503; the user presses
 * "Try again" after each error. Each step ends done exactly once: its status, the file checked in, one
 * record per change and one audit entry, however the faults fell (seeded, so repeatable).
 */
type Json = Record<string, unknown>;

let sms: SmsEmulator;
let priya: DocumentServices;
let raj: DocumentServices;
let tom: DocumentServices;

beforeAll(async () => {
  sms = await startSmsEmulator();
  const servicesOf = (upn: string) => loadDocumentServices(sms.clientAs(upn), sms.siteId, sms.siteWebUrl, upn, { afterPublish: [] });
  [priya, raj, tom] = await Promise.all([servicesOf(demo.priya), servicesOf(demo.raj), servicesOf(demo.tom)]);
}, 60_000);
afterAll(() => sms.close());

async function putFaults(patch: Json): Promise<void> {
  const res = await fetch(`${sms.emu.origin}/_dev/faults`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(patch) });
  expect(res.status).toBe(200);
}

async function items(list: string, filter?: string): Promise<Json[]> {
  const res = await sms.emu.graph(demo.tom, `/sites/${sms.siteId}/lists/${list}/items?$expand=fields&$top=999${filter ? `&$filter=${filter}` : ''}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { value: { id: string; fields: Json }[] }).value.map((i) => ({ id: i.id, ...i.fields }));
}

/** Runs `step` under seeded faults, trying again after each failure as the user would; the failures seen. */
async function underFaults(seed: number, step: () => Promise<unknown>): Promise<number> {
  await putFaults({ failAfterCommitRate: 0.4, failureRate: 0.15, failureStatuses: [503], retryAfterSeconds: 0, seed });
  let failures = 0;
  try {
    for (;;) {
      try {
        await step();
        return failures;
      } catch (e) {
        if (++failures > 15) throw e;
      }
    }
  } finally {
    await putFaults({ failAfterCommitRate: 0, failureRate: 0, seed: null });
  }
}

/** The file's check-out state as Graph reports it. */
async function checkedIn(docId: string): Promise<boolean> {
  const snap = await loadDocument(tom, docId);
  const res = await sms.emu.graph(demo.tom, `/drives/${tom.site.driveId}/items/${snap.file.driveItemId}?$select=id,publication`);
  return ((await res.json()) as { publication: { level: string } }).publication.level === 'published';
}

const entriesTo = async (docId: string, toStatus: string) => (await items('SMS Audit Trail', `fields/EntityRef eq '${docId}'`)).filter((e) => e.ToStatus === toStatus);

describe('lifecycle steps under faults', () => {
  it('submit: In review once, one approval per approver, one audit entry', async () => {
    const docId = await createDraft(priya, { title: 'Capacity Review Procedure' });
    const failures = await underFaults(3, () => submitForReview(priya, docId));
    expect(failures).toBeGreaterThan(0);
    expect((await loadDocument(priya, docId)).state.status).toBe('In review');
    const approvals = (await items('Document Approvals')).filter((a) => String(a.Title).startsWith(`${docId} `));
    expect(approvals.map((a) => a.AssigneeUPN)).toEqual([demo.raj]);
    expect(await entriesTo(docId, 'In review')).toHaveLength(1);
  }, 120_000);

  it('revise: Under revision once with the new draft, checked in, one release, one audit entry', async () => {
    const docId = await publishedDocument(priya, raj, { title: 'Backup Restore Procedure' });
    const failures = await underFaults(5, () => startRevision(priya, docId, 'minor', { changeSummary: 'Quarterly restore tests.', file: markdownFile('backup.md', '# Backup\n\nQuarterly restore tests.\n') }));
    expect(failures).toBeGreaterThan(0);
    const snap = await loadDocument(priya, docId);
    expect(snap.state.status).toBe('Under revision');
    expect(await checkedIn(docId)).toBe(true);
    const releases = await items('Document Releases', `fields/DocId eq '${docId}'`);
    expect(releases.filter((r) => r.VersionLabel === '1.1')).toHaveLength(1);
    expect(await entriesTo(docId, 'Under revision')).toHaveLength(1);
  }, 120_000);

  it('withdraw: Withdrawn once, checked in as a major version, one withdrawal record, one audit entry', async () => {
    const docId = await publishedDocument(priya, raj, { title: 'Legacy Fax Procedure' });
    const failures = await underFaults(8, () => withdrawDocument(tom, docId, 'The fax service was retired.'));
    expect(failures).toBeGreaterThan(0);
    expect((await loadDocument(tom, docId)).state.status).toBe('Withdrawn');
    expect(await checkedIn(docId)).toBe(true);
    const releases = await items('Document Releases', `fields/DocId eq '${docId}'`);
    expect(releases.filter((r) => r.ChangeType === 'Withdrawal')).toHaveLength(1);
    expect(await entriesTo(docId, 'Withdrawn')).toHaveLength(1);
  }, 120_000);
});
