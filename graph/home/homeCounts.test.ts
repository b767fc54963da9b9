import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestEmulator, demo, type TestEmulator } from '../../tests/support/emulator.js';
import type { GraphClient } from '../core/client.js';
import { GraphError } from '../core/errors.js';
import { batch } from '../core/batch.js';
import { getSiteByUrl } from '../sites/sites.js';
import { getHomeCounts, homeCountRequests, HOME_COUNT_CAP, HOME_SCAN_CAP, type HomeCountsInput } from './homeCounts.js';
import { addHomeItem, createHomeLists } from '../../tests/support/homeFixtures.js';
import { seedItems } from '../../emulator/routes/lists.testkit.js';
import { setSiteTimeZone } from '../../emulator/services/siteStore.js';

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

    it('sends one field per filter: the UPN or the date, never the status too', () => {
      const filters = homeCountRequests({ ...input(demo.priya), documentReviewsDueBy: TODAY }).map((r) => new URLSearchParams(r.url.split('?')[1]).get('$filter')!);
      expect(filters).toEqual([
        `fields/UserUPN eq '${demo.priya}'`,
        `fields/AssignedToUPN eq '${demo.priya}'`,
        "fields/MeetingDate ge '2031-06-15T00:00:00.000Z'",
        "fields/PlannedStart ge '2031-06-15T00:00:00.000Z'",
        "fields/NextReviewDate le '2031-06-15T00:00:00.000Z'",
      ]);
    });

    it('still counts when the organisation has more than 5,000 pending acknowledgements (one indexed field at a time)', async () => {
      const listId = ((await (await emu.graph(demo.tom, `/sites/${siteId}/lists/Acknowledgements`)).json()) as { id: string }).id;
      seedItems({ emu, siteId }, listId, 5001, (i) => ({ Title: `Doc ${i}`, UserUPN: `staff${i % 250}@kestrelms.example`, AckStatus: 'Pending' }));
      const counts = await getHomeCounts(clientFor(demo.priya), input(demo.priya));
      expect(counts.pendingAcknowledgements).toEqual({ state: 'counted', count: 2, more: false });
    });

    it(`reads at most ${HOME_SCAN_CAP} items per count, and says "more" when a user has more`, async () => {
      const listId = ((await (await emu.graph(demo.tom, `/sites/${siteId}/lists/Acknowledgements`)).json()) as { id: string }).id;
      seedItems({ emu, siteId }, listId, HOME_SCAN_CAP, (i) => ({ Title: `Old ${i}`, UserUPN: demo.omar, AckStatus: 'Acknowledged' }));
      seedItems({ emu, siteId }, listId, 3, (i) => ({ Title: `New ${i}`, UserUPN: demo.omar, AckStatus: 'Pending' }));
      const counts = await getHomeCounts(clientFor(demo.omar), input(demo.omar));
      // The three pending ones are past the first 500 items read: none counted, but "more" says there may be some.
      expect(counts.pendingAcknowledgements).toEqual({ state: 'counted', count: 0, more: true });
      const inner = (await requestLog()).filter((r) => r.inBatch && r.path.includes('Acknowledgements'));
      expect(inner.map((r) => new URLSearchParams(r.path.split('?')[1]).get('$top'))).toEqual([String(HOME_SCAN_CAP)]);
    });

    it('throws the GraphError of a refused inner request (no scope to read sites)', async () => {
      const err = await getHomeCounts(clientFor(demo.jack, ['User.Read']), input(demo.jack)).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(GraphError);
      expect((err as GraphError).status).toBe(403);
    });
  });
});

describe('getHomeCounts and the site time zone', () => {
  let zoned: TestEmulator;
  /** The SMS site east of UTC, the root site west of it; each with the Home lists. */
  const sites = { east: { url: SITE_URL, timeZone: 'Asia/Shanghai', id: '' }, west: { url: 'https://kestrelms.sharepoint.com', timeZone: 'America/New_York', id: '' } };

  beforeAll(async () => {
    zoned = await startTestEmulator({ now: () => NOW });
    const tom = zoned.client(demo.tom);
    for (const site of Object.values(sites)) {
      site.id = (await getSiteByUrl(tom, site.url)).id!;
      setSiteTimeZone(zoned.emulator.emu.db, site.id, site.timeZone);
      await createHomeLists(tom, site.id, ['managementReviews', 'audits']);
      // Written as the app writes date-only values: the bare date, which the site keeps as its own midnight.
      await addHomeItem(tom, site.id, 'audits', { Title: 'Started yesterday', PlannedStart: '2031-06-14', Status: 'In progress' });
      await addHomeItem(tom, site.id, 'audits', { Title: 'Starts today', PlannedStart: '2031-06-15', Status: 'Scheduled' });
      await addHomeItem(tom, site.id, 'managementReviews', { Title: 'MR today', MeetingDate: '2031-06-15', Status: 'Planned' });
    }
  });
  afterAll(async () => {
    await zoned.close();
  });

  it.each(['east', 'west'] as const)("counts what starts today on a site %s of UTC, and not what started yesterday", async (side) => {
    const site = sites[side];
    const counts = await getHomeCounts(zoned.client(demo.priya), { siteId: site.id, upn: demo.priya, today: TODAY, timeZone: site.timeZone });
    expect(counts.upcomingAudits).toEqual({ state: 'counted', count: 1, more: false });
    expect(counts.upcomingReviews).toEqual({ state: 'counted', count: 1, more: false });
  });
});
