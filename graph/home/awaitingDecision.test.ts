import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, demo, type TestEmulator } from '../../tests/support/emulator.js';
import { seedItems } from '../../emulator/routes/lists.testkit.js';
import { createItem } from '../lists/items.js';
import { createList } from '../lists/lists.js';
import { columnOf, toGraphColumnDefinition } from '../schema/index.js';
import { documentApprovals, documentReleases } from '../schema/documents.js';
import type { SmsListSchema } from '../schema/types.js';
import { getSiteByUrl } from '../sites/sites.js';
import { getHomeCounts, homeCountRequests } from './homeCounts.js';
import { AWAITING_REQUEST_IDS, AWAITING_SCAN_CAP, awaitingDecisionRequests, getAwaitingDecision } from './awaitingDecision.js';

/**
 * "Awaiting my decision" over Graph against the emulator: which approvals count (Pending, the
 * user's, on a release in review), one indexed field per filter, paging past the first page, and
 * 403/404 as states rather than errors.
 */
const SITE_URL = 'https://kestrelms.sharepoint.com/sites/KestrelSMS';
const TODAY = { year: 2031, month: 6, day: 15 };

let emu: TestEmulator;
let siteId: string;
const listIds: Record<string, string> = {};

async function createSchemaList(list: SmsListSchema, names: readonly string[]): Promise<void> {
  const columns = names.map((n) => toGraphColumnDefinition(columnOf(list, n)!, (key) => listIds[key]!));
  const created = await createList(emu.client(demo.tom), siteId, { displayName: list.displayName, list: { template: list.template }, columns });
  listIds[list.key] = created.id!;
}

const release = async (docId: string, status: string) =>
  (await createItem(emu.client(demo.tom), siteId, documentReleases.displayName, { Title: `${docId} v0.1`, DocId: docId, VersionLabel: '0.1', VersionStatus: status })).id!;
/** An approval record; a decided one is written by its assignee, as the app writes it (else it would not count). */
const approval = (releaseId: string, upn: string, decision: string, writer = decision === 'Pending' ? demo.tom : upn) =>
  createItem(emu.client(writer), siteId, documentApprovals.displayName, { Title: `approval of ${releaseId}`, DocumentVersionLookupId: releaseId, Step: 'Approval', AssigneeUPN: upn, Decision: decision });

beforeAll(async () => {
  emu = await startTestEmulator();
  siteId = (await getSiteByUrl(emu.client(demo.tom), SITE_URL)).id!;
});
afterAll(async () => {
  await emu.close();
});

describe('awaiting my decision', () => {
  it('is "not set up" before the lists exist, not an error', async () => {
    expect(await getAwaitingDecision(emu.client(demo.raj), siteId, demo.raj)).toEqual({ state: 'missingList', list: 'Document Approvals' });
  });

  describe('with approvals and releases', () => {
    beforeAll(async () => {
      await createSchemaList(documentReleases, ['DocId', 'VersionLabel', 'VersionStatus']);
      await createSchemaList(documentApprovals, ['DocumentVersion', 'Step', 'AssigneeUPN', 'Decision']);
      const inReview = await release('SMS-PRC-031', 'In review');
      await approval(inReview, demo.raj, 'Pending');
      // A later round of the same release: still one document.
      await approval(inReview, demo.raj, 'Pending');
      await approval(inReview, demo.tom, 'Approved');
      // Sent back for changes: the release is a draft again and Raj's record stays Pending.
      await approval(await release('SMS-PRC-032', 'Draft'), demo.raj, 'Pending');
      await approval(await release('SMS-POL-001', 'Published'), demo.raj, 'Approved');
      const decided = await release('SMS-PLN-001', 'In review');
      await approval(decided, demo.raj, 'Changes requested');
      await approval(decided, demo.tom, 'Pending');
    });

    it("finds the documents in review with the user's pending approval, and nothing else", async () => {
      expect(await getAwaitingDecision(emu.client(demo.raj), siteId, demo.raj)).toEqual({ state: 'found', docIds: ['SMS-PRC-031'], more: false });
      expect(await getAwaitingDecision(emu.client(demo.tom), siteId, demo.tom)).toEqual({ state: 'found', docIds: ['SMS-PLN-001'], more: false });
      expect(await getAwaitingDecision(emu.client(demo.priya), siteId, demo.priya)).toEqual({ state: 'found', docIds: [], more: false });
    });

    it('counts them on Home inside its one $batch, only when asked to', async () => {
      const input = { siteId, upn: demo.raj, today: TODAY };
      // Pending acknowledgements (requests and the user's acknowledgements), actions, reviews, audits: no approvals.
      expect(homeCountRequests(input).map((r) => r.id)).not.toEqual(expect.arrayContaining(Object.values(AWAITING_REQUEST_IDS)));
      expect(homeCountRequests(input)).toHaveLength(5);
      const counts = await getHomeCounts(emu.client(demo.raj), { ...input, awaitingDecision: true });
      expect(counts.awaitingDecision).toEqual({ state: 'counted', count: 1, more: false });
      expect((await getHomeCounts(emu.client(demo.raj), input)).awaitingDecision).toBeUndefined();
    });

    it('sends one indexed field per filter, the UPN escaped', () => {
      const filters = awaitingDecisionRequests(siteId, "o'brien@kestrelms.example").map((r) => new URLSearchParams(r.url.split('?')[1]).get('$filter'));
      expect(filters).toEqual(["fields/AssigneeUPN eq 'o''brien@kestrelms.example'", "fields/VersionStatus eq 'In review'"]);
    });

    it('reads every page of a long-serving approver for the register, and says "more" on Home', async () => {
      const busy = await release('SMS-POL-002', 'Published');
      seedItems({ emu, siteId }, listIds[documentApprovals.key]!, AWAITING_SCAN_CAP, () => ({ Title: 'old', DocumentVersionLookupId: busy, Step: 'Approval', AssigneeUPN: demo.fiona, Decision: 'Approved' }));
      const inReview = await release('SMS-SLA-004', 'In review');
      await approval(inReview, demo.fiona, 'Pending');
      expect(await getAwaitingDecision(emu.client(demo.fiona), siteId, demo.fiona)).toEqual({ state: 'found', docIds: ['SMS-SLA-004'], more: false });
      const counts = await getHomeCounts(emu.client(demo.fiona), { siteId, upn: demo.fiona, today: TODAY, awaitingDecision: true });
      expect(counts.awaitingDecision).toMatchObject({ state: 'counted', more: true });
    });

    it('still awaits a decision someone else wrote on the user\'s record (it does not count)', async () => {
      const forged = await release('SMS-PRC-040', 'In review');
      await approval(forged, demo.raj, 'Approved', demo.priya);
      const raj = (await (await emu.graph(demo.raj, '/me')).json()) as { id: string };
      expect(await getAwaitingDecision(emu.client(demo.raj), siteId, demo.raj, { userId: raj.id })).toMatchObject({ state: 'found', docIds: ['SMS-PRC-031', 'SMS-PRC-040'] });
      const counts = await getHomeCounts(emu.client(demo.raj), { siteId, upn: demo.raj, userId: raj.id, today: TODAY, awaitingDecision: true });
      expect(counts.awaitingDecision).toEqual({ state: 'counted', count: 2, more: false });
    });

    it('has nothing for someone who may not read the approvals (403), rather than failing', async () => {
      const res = await fetch(`${emu.origin}/_dev/lists/${encodeURIComponent(listIds[documentApprovals.key]!)}/permissions`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ grants: [{ group: 'SMS-Managers', level: 'fullControl' }, { group: 'SMS-TopManagement', level: 'contribute' }] }),
      });
      expect(res.ok).toBe(true);
      expect(await getAwaitingDecision(emu.client(demo.jack), siteId, demo.jack)).toEqual({ state: 'noAccess' });
      const counts = await getHomeCounts(emu.client(demo.jack), { siteId, upn: demo.jack, today: TODAY, awaitingDecision: true });
      expect(counts.awaitingDecision).toEqual({ state: 'noAccess' });
      expect(await getAwaitingDecision(emu.client(demo.raj), siteId, demo.raj)).toMatchObject({ state: 'found', docIds: ['SMS-PRC-031', 'SMS-PRC-040'] });
    });
  });
});
