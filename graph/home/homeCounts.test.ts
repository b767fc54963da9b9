import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestEmulator, demo, type TestEmulator } from '../../tests/support/emulator.js';
import type { GraphClient } from '../core/client.js';
import { GraphError } from '../core/errors.js';
import { batch } from '../core/batch.js';
import { getSiteByUrl } from '../sites/sites.js';
import { getHomeCounts, HOME_COUNT_CAP, type HomeCountsInput } from './homeCounts.js';
import { addHomeItem, createHomeLists } from '../../tests/support/homeFixtures.js';

const SITE_URL = 'https://kestrelms.sharepoint.com/sites/KestrelSMS';
/** The emulator's clock and the user's "today" agree on 2031-06-15. */
const NOW = new Date('2031-06-15T09:30:00Z');
const TODAY = { year: 2031, month: 6, day: 15 };

let emu: TestEmulator;
let siteId: string;

const clientFor = (upn: string, scopes?: string[]): GraphClient => emu.client(upn, scopes);

const requestLog = () => emu.requestLog();

const input = (upn: string): HomeCountsInput => ({ siteId, upn, today: TODAY });

beforeAll(async () => {
  emu = await startTestEmulator({ now: () => NOW });
  siteId = (await getSiteByUrl(clientFor(demo.tom), SITE_URL)).id!;
});
afterAll(async () => {
  await emu.close();
});
beforeEach(async () => {
  await emu.clearRequestLog();
});

describe('getHomeCounts', () => {
  it('reports lists the SMS site does not have yet as missing, not as an error', async () => {
    const counts = await getHomeCounts(clientFor(demo.priya), input(demo.priya));
    expect(counts).toEqual({
      pendingAcknowledgements: { state: 'missingList', list: 'Acknowledgements' },
      openActions: { state: 'missingList', list: 'Actions' },
      upcomingReviews: { state: 'missingList', list: 'Management Reviews' },
      upcomingAudits: { state: 'missingList', list: 'Audits' },
    });
  });

  describe('with the lists provisioned', () => {
    beforeAll(async () => {
      const tom = clientFor(demo.tom);
      await createHomeLists(tom, siteId);
      const ack = (upn: string, status: string) => addHomeItem(tom, siteId, 'acknowledgements', { Title: 'SMS-POL-001 v2.0', UserUPN: upn, AckStatus: status });
      await ack(demo.priya, 'Pending');
      await ack(demo.priya, 'Pending');
      await ack(demo.priya, 'Acknowledged');
      await ack(demo.priya, 'Waived');
      await ack(demo.jack, 'Pending');
      const action = (upn: string, status: string) => addHomeItem(tom, siteId, 'actions', { Title: `Action ${status}`, AssignedToUPN: upn, Status: status });
      for (const status of ['Not started', 'In progress', 'Blocked', 'Completed', 'Verified', 'Cancelled']) await action(demo.priya, status);
      await action(demo.jack, 'In progress');
      const review = (date: string, status: string) => addHomeItem(tom, siteId, 'managementReviews', { Title: `MR ${date}`, MeetingDate: date, Status: status });
      await review('2031-09-10', 'Planned');
      await review('2031-03-10', 'Closed');
      await review('2031-12-01', 'Cancelled');
      const audit = (date: string, status: string) => addHomeItem(tom, siteId, 'audits', { Title: `Audit ${date}`, PlannedStart: date, Status: status });
      await audit('2031-06-15', 'Scheduled');
      await audit('2031-07-01', 'Planned');
      await audit('2031-06-14', 'In progress');
    });

    it("counts the signed-in user's pending acknowledgements and open actions, and upcoming reviews and audits", async () => {
      const counts = await getHomeCounts(clientFor(demo.priya), input(demo.priya));
      expect(counts).toEqual({
        pendingAcknowledgements: { state: 'counted', count: 2, more: false },
        openActions: { state: 'counted', count: 3, more: false },
        // The cancelled review keeps its future date but is not upcoming; the past one is not either.
        upcomingReviews: { state: 'counted', count: 1, more: false },
        // An audit starting today is upcoming; one that started yesterday is not.
        upcomingAudits: { state: 'counted', count: 2, more: false },
      });
    });

    it('counts per user', async () => {
      const counts = await getHomeCounts(clientFor(demo.jack), input(demo.jack));
      expect(counts.pendingAcknowledgements).toEqual({ state: 'counted', count: 1, more: false });
      expect(counts.openActions).toEqual({ state: 'counted', count: 1, more: false });
      const nobody = await getHomeCounts(clientFor(demo.omar), input(demo.omar));
      expect(nobody.pendingAcknowledgements).toEqual({ state: 'counted', count: 0, more: false });
    });

    it('makes exactly one Graph round trip: a $batch with the four list queries inside', async () => {
      await getHomeCounts(clientFor(demo.priya), input(demo.priya));
      const log = await requestLog();
      expect(log.filter((r) => !r.inBatch).map((r) => `${r.method} ${r.path}`)).toEqual(['POST /v1.0/$batch']);
      const inner = log.filter((r) => r.inBatch);
      expect(inner).toHaveLength(4);
      expect(inner.every((r) => r.status === 200)).toBe(true);
    });

    it('survives names with quotes: the UPN is escaped, not concatenated', async () => {
      const counts = await getHomeCounts(clientFor(demo.priya), input("o'brien@kestrelms.example' or fields/AckStatus eq 'Pending"));
      expect(counts.pendingAcknowledgements).toEqual({ state: 'counted', count: 0, more: false });
    });

    it(`shows a capped count as "more" past ${HOME_COUNT_CAP} items instead of paging through them`, async () => {
      const tom = clientFor(demo.tom);
      const many = Array.from({ length: HOME_COUNT_CAP + 1 }, (_, i) => ({
        id: `a${i}`,
        method: 'POST',
        url: `/sites/${siteId}/lists/Acknowledgements/items`,
        body: { fields: { Title: `Doc ${i}`, UserUPN: demo.fiona, AckStatus: 'Pending' } },
      }));
      const created = await batch(tom, many);
      expect([...created.values()].every((r) => r.status === 201)).toBe(true);
      const counts = await getHomeCounts(clientFor(demo.fiona), input(demo.fiona));
      expect(counts.pendingAcknowledgements).toEqual({ state: 'counted', count: HOME_COUNT_CAP, more: true });
    });

    it('throws the GraphError of a refused inner request (no scope to read sites)', async () => {
      const err = await getHomeCounts(clientFor(demo.jack, ['User.Read']), input(demo.jack)).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(GraphError);
      expect((err as GraphError).status).toBe(403);
    });
  });
});
