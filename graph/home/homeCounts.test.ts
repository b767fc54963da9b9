import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestEmulator, demo, type TestEmulator } from '../../tests/support/emulator.js';
import type { GraphClient } from '../core/client.js';
import { GraphError } from '../core/errors.js';
import { batch } from '../core/batch.js';
import { getSiteByUrl } from '../sites/sites.js';
import { getHomeCounts, homeCountRequests, HOME_COUNT_CAP, HOME_SCAN_CAP, type HomeCountsInput } from './homeCounts.js';
import { getMe } from '../directory/me.js';
import { addHomeItem, createHomeLists, homeAck, homeAckRequest } from '../../tests/support/homeFixtures.js';
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

/** A demo person with their Entra object id (a request's `UserId`). */
const person = async (upn: string) => ({ upn, userId: (await getMe(clientFor(upn))).id! });

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
      pendingAcknowledgements: { state: 'missingList', list: 'Acknowledgement Requests' },
      openActions: { state: 'missingList', list: 'Actions' },
      upcomingReviews: { state: 'missingList', list: 'Management Reviews' },
      upcomingAudits: { state: 'missingList', list: 'Audits' },
    });
  });

  describe('with the lists provisioned', () => {
    beforeAll(async () => {
      const tom = clientFor(demo.tom);
      await createHomeLists(tom, siteId);
      const [priya, jack] = [await person(demo.priya), await person(demo.jack)];
      const request = (who: typeof priya, release: number, status: string) => addHomeItem(tom, siteId, 'ackRequests', homeAckRequest(who, release, status));
      await request(priya, 1, 'Pending');
      await request(priya, 2, 'Overdue');
      await request(priya, 3, 'Pending');
      // Priya acknowledged release 3 herself: its request is no longer pending, whatever its stored status.
      await addHomeItem(clientFor(demo.priya), siteId, 'acknowledgements', homeAck(priya, 3));
      await request(priya, 4, 'Waived');
      await request(priya, 5, 'Cancelled');
      await request(priya, 6, 'Superseded');
      // Someone else wrote an acknowledgement in her name for release 7: it is not hers, so 7 stays pending.
      await request(priya, 7, 'Pending');
      await addHomeItem(tom, siteId, 'acknowledgements', homeAck(priya, 7));
      await request(jack, 1, 'Pending');
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
        // Releases 1, 2 (overdue) and 7 (its acknowledgement was not written by her).
        pendingAcknowledgements: { state: 'counted', count: 3, more: false },
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

    it('drops the count the moment the person acknowledges, with no other change', async () => {
      const priya = await person(demo.priya);
      await addHomeItem(clientFor(demo.tom), siteId, 'ackRequests', homeAckRequest(priya, 8));
      expect((await getHomeCounts(clientFor(demo.priya), input(demo.priya))).pendingAcknowledgements).toEqual({ state: 'counted', count: 4, more: false });
      // Her acknowledgement of release 8 (written with her own token); the request itself is left as it was.
      await addHomeItem(clientFor(demo.priya), siteId, 'acknowledgements', homeAck(priya, 8));
      expect((await getHomeCounts(clientFor(demo.priya), input(demo.priya))).pendingAcknowledgements).toEqual({ state: 'counted', count: 3, more: false });
    });

    it('makes exactly one Graph round trip: a $batch with the list queries inside (requests and acknowledgements together)', async () => {
      await getHomeCounts(clientFor(demo.priya), input(demo.priya));
      const log = await requestLog();
      expect(log.filter((r) => !r.inBatch).map((r) => `${r.method} ${r.path}`)).toEqual(['POST /v1.0/$batch']);
      const inner = log.filter((r) => r.inBatch);
      expect(inner).toHaveLength(5);
      expect(inner.every((r) => r.status === 200)).toBe(true);
    });

    it("counts Valid competence records expiring from today to the window's last day: everyone's, or only the user's", async () => {
      const tom = clientFor(demo.tom);
      const record = (upn: string, expiresOn: string, status: string) => addHomeItem(tom, siteId, 'competenceRecords', { Title: `${upn} ${expiresOn}`, PersonUPN: upn, ExpiresOn: expiresOn, Status: status });
      await record(demo.fiona, '2031-07-10', 'Valid');
      // The window's last day (today + 60) counts; the day after does not.
      await record(demo.omar, '2031-08-14', 'Valid');
      await record(demo.omar, '2031-08-15', 'Valid');
      // Expired yesterday, or no longer the valid record: not counted.
      await record(demo.fiona, '2031-06-14', 'Valid');
      await record(demo.fiona, '2031-07-01', 'Superseded');
      const by = { year: 2031, month: 8, day: 14 };
      const everyone = await getHomeCounts(clientFor(demo.tom), { ...input(demo.tom), competenceExpiringBy: { ...by, of: 'everyone' } });
      expect(everyone.expiringCompetence).toEqual({ state: 'counted', count: 2, more: false });
      const fiona = await getHomeCounts(clientFor(demo.fiona), { ...input(demo.fiona), competenceExpiringBy: { ...by, of: 'mine' } });
      expect(fiona.expiringCompetence).toEqual({ state: 'counted', count: 1, more: false });
      const jack = await getHomeCounts(clientFor(demo.jack), { ...input(demo.jack), competenceExpiringBy: { ...by, of: 'mine' } });
      expect(jack.expiringCompetence).toEqual({ state: 'counted', count: 0, more: false });
      // One field in the filter (a range on the indexed ExpiresOn), so it holds past 5,000 records.
      const filter = homeCountRequests({ ...input(demo.fiona), competenceExpiringBy: { ...by, of: 'mine' } }).map((r) => new URLSearchParams(r.url.split('?')[1]).get('$filter')!);
      expect(filter.at(-1)).toBe("(fields/ExpiresOn ge '2031-06-15T00:00:00.000Z') and (fields/ExpiresOn le '2031-08-14T00:00:00.000Z')");
    });

    it('survives names with quotes: the UPN is escaped, not concatenated', async () => {
      const counts = await getHomeCounts(clientFor(demo.priya), input("o'brien@kestrelms.example' or fields/RequestStatus eq 'Pending"));
      expect(counts.pendingAcknowledgements).toEqual({ state: 'counted', count: 0, more: false });
    });

    it(`shows a capped count as "more" past ${HOME_COUNT_CAP} items instead of paging through them`, async () => {
      const tom = clientFor(demo.tom);
      const fiona = await person(demo.fiona);
      for (let from = 0; from <= HOME_COUNT_CAP; from += 20) {
        const many = Array.from({ length: Math.min(20, HOME_COUNT_CAP + 1 - from) }, (_, i) => ({
          id: `a${from + i}`,
          method: 'POST',
          url: `/sites/${siteId}/lists/Acknowledgement Requests/items`,
          body: { fields: homeAckRequest(fiona, 100 + from + i) },
        }));
        const created = await batch(tom, many);
        expect([...created.values()].every((r) => r.status === 201)).toBe(true);
      }
      const counts = await getHomeCounts(clientFor(demo.fiona), input(demo.fiona));
      expect(counts.pendingAcknowledgements).toEqual({ state: 'counted', count: HOME_COUNT_CAP, more: true });
    });

    it('sends one field per filter: the UPN or the date, never the status too', () => {
      const filters = homeCountRequests({ ...input(demo.priya), documentReviewsDueBy: TODAY }).map((r) => new URLSearchParams(r.url.split('?')[1]).get('$filter')!);
      expect(filters).toEqual([
        `fields/UserUPN eq '${demo.priya}'`,
        `fields/UserUPN eq '${demo.priya}'`,
        `fields/AssignedToUPN eq '${demo.priya}'`,
        "fields/MeetingDate ge '2031-06-15T00:00:00.000Z'",
        "fields/PlannedStart ge '2031-06-15T00:00:00.000Z'",
        "fields/NextReviewDate le '2031-06-15T00:00:00.000Z'",
      ]);
    });

    it('still counts when the organisation has more than 5,000 pending acknowledgements (one indexed field at a time)', async () => {
      const listId = ((await (await emu.graph(demo.tom, `/sites/${siteId}/lists/Acknowledgement Requests`)).json()) as { id: string }).id;
      seedItems({ emu, siteId }, listId, 5001, (i) => homeAckRequest({ userId: `staff-${i % 250}`, upn: `staff${i % 250}@kestrelms.example` }, 1000 + i));
      const counts = await getHomeCounts(clientFor(demo.priya), input(demo.priya));
      expect(counts.pendingAcknowledgements).toEqual({ state: 'counted', count: 3, more: false });
    });

    it(`reads at most ${HOME_SCAN_CAP} items per count, and says "more" when a user has more`, async () => {
      const listId = ((await (await emu.graph(demo.tom, `/sites/${siteId}/lists/Acknowledgement Requests`)).json()) as { id: string }).id;
      const omar = await person(demo.omar);
      seedItems({ emu, siteId }, listId, HOME_SCAN_CAP, (i) => homeAckRequest(omar, 10_000 + i, 'Superseded'));
      seedItems({ emu, siteId }, listId, 3, (i) => homeAckRequest(omar, 20_000 + i));
      const counts = await getHomeCounts(clientFor(demo.omar), input(demo.omar));
      // The three pending ones are past the first 500 items read: none counted, but "more" says there may be some.
      expect(counts.pendingAcknowledgements).toEqual({ state: 'counted', count: 0, more: true });
      const inner = (await requestLog()).filter((r) => r.inBatch && decodeURIComponent(r.path).includes('/lists/Acknowledgement'));
      expect(inner.map((r) => new URLSearchParams(r.path.split('?')[1]).get('$top'))).toEqual([String(HOME_SCAN_CAP), String(HOME_SCAN_CAP)]);
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
