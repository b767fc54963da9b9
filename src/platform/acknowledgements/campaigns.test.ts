// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupIdOf } from '../../../emulator/seed/tenant.js';
import { emulatorGraphClient } from '../../../graph/provisioning/emulatorTarget.js';
import type { GraphClient } from '../../../graph/core/client.js';
import { ALL_SCOPES, demo } from '../../../tests/support/emulator.js';
import { startSmsEmulator, type SmsEmulator } from '../../../tests/support/smsEmulator.js';
import { LEFT_AUDIENCE, type AckRequest } from '../../domain/acknowledgements/index.js';
import type { SmsRole } from '../../domain/roles.js';
import { shiftedClock, systemClock, type Clock } from '../clock.js';
import { loadSmsSite, type SmsSite } from '../site.js';
import { acknowledge } from './acknowledge.js';
import { afterPublication, CampaignRefusedError, mayStartCampaign, runCampaign, runOpenCampaigns, startCampaign, waiveRequest, type CampaignContext, type StartCampaignInput } from './campaigns.js';
import { loadCampaign, loadReleaseAcknowledgements } from './read.js';

/**
 * The campaign engine against the emulator over HTTP (the SMS site provisioned as `npm run provision` does): the
 * audience resolved through nested groups, joiners and leavers, overdue marking, a new major version asking again,
 * activity notifications sent once per person and day (also from two runs at once), and staff refused.
 */
let sms: SmsEmulator;
let site: SmsSite;

type Fields = Record<string, unknown>;
interface Sent {
  recipient: { userPrincipalName: string };
  activityType: string;
  topic: { value: string; webUrl: string | null };
  text: string;
  delivered: boolean;
}

const ROLES: Record<string, readonly SmsRole[]> = {
  [demo.priya]: ['documentController', 'internalAuditor', 'processOwner', 'employee'],
  [demo.tom]: ['smsManager', 'processOwner', 'employee'],
  [demo.raj]: ['topManagement', 'processOwner', 'employee'],
  [demo.jack]: ['employee'],
};
const LINK = 'https://teams.microsoft.com/l/entity/5d1f7c2a-3b64-4e0f-9a8d-6c2b1e4f7a90/my';

/** The app's scopes do not include TeamsActivity.Send (yet): a client that may send activity notifications. */
const senders = new Map<string, GraphClient>();
function sender(upn: string): GraphClient {
  let c = senders.get(upn);
  if (!c) senders.set(upn, (c = emulatorGraphClient(sms.emu.origin, upn, [...ALL_SCOPES, 'TeamsActivity.Send'])));
  return c;
}
function ctxOf(upn: string, over: Partial<CampaignContext> = {}): CampaignContext {
  return { client: sender(upn), site, clock: systemClock, actor: { upn, roles: ROLES[upn] ?? ['employee'] }, noticeLink: () => LINK, ...over };
}
const later = (days: number): Clock => shiftedClock(days);

let nextRelease = 9000;
function input(docId: string, over: Partial<StartCampaignInput> = {}): StartCampaignInput {
  const id = ++nextRelease;
  return {
    release: { id, docId, title: `Title of ${docId}`, versionLabel: '1.0', fileHash: 'a'.repeat(64) },
    audienceGroups: [],
    audiencePeople: [],
    dueDate: systemClock.today(),
    trigger: 'On demand',
    startKey: `test:${id}`,
    ...over,
  };
}
const dueIn = (days: number) => later(days).today();

async function json<T>(res: Response): Promise<T> {
  if (!res.ok) throw new Error(`${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}
/** The requests of a release as Graph lists them (read raw, not through the code under test). */
async function requestsOf(releaseId: number): Promise<Fields[]> {
  const body = await json<{ value: { fields: Fields }[] }>(await sms.emu.graph(demo.tom, `/sites/${sms.siteId}/lists/Acknowledgement Requests/items?$expand=fields&$filter=fields/DocumentVersionId eq ${releaseId}&$top=500`));
  return body.value.map((v) => v.fields);
}
async function campaignsOf(releaseId: number): Promise<Fields[]> {
  const body = await json<{ value: { fields: Fields }[] }>(await sms.emu.graph(demo.tom, `/sites/${sms.siteId}/lists/Acknowledgement Campaigns/items?$expand=fields&$filter=fields/DocumentVersionId eq ${releaseId}`));
  return body.value.map((v) => v.fields);
}
const byUpn = (rows: Fields[]) => Object.fromEntries(rows.map((r) => [String(r.UserUPN), r]));
/** The notifications the emulator received about `docId`. */
async function noticesAbout(docId: string): Promise<Sent[]> {
  const all = await json<Sent[]>(await fetch(`${sms.emu.origin}/_dev/notifications`));
  return all.filter((n) => n.topic.value.startsWith(`${docId} `));
}
async function userId(upn: string): Promise<string> {
  return (await json<{ id: string }>(await sms.emu.graph(demo.tom, `/users/${upn}?$select=id`))).id;
}
/** Adds (or removes) a directory member over Graph, as an admin would. */
async function membership(method: 'POST' | 'DELETE', groupName: string, memberId: string): Promise<void> {
  const g = groupIdOf(groupName);
  const res =
    method === 'POST'
      ? await sms.emu.graph(demo.tom, `/groups/${g}/members/$ref`, { method, body: JSON.stringify({ '@odata.id': `https://graph.microsoft.com/v1.0/directoryObjects/${memberId}` }) })
      : await sms.emu.graph(demo.tom, `/groups/${g}/members/${memberId}/$ref`, { method });
  if (res.status !== 204) throw new Error(`${method} member of ${groupName}: ${res.status} ${await res.text()}`);
}
/** Writes (not reads) Graph received since the log was cleared, batched ones included. */
async function writesSince(): Promise<string[]> {
  const log = await sms.emu.requestLog();
  return log.filter((e) => e.method !== 'GET' && !(e.method === 'POST' && e.path.endsWith('/$batch'))).map((e) => `${e.method} ${e.path}`);
}

beforeAll(async () => {
  sms = await startSmsEmulator();
  site = await loadSmsSite(sms.clientAs(demo.tom), sms.siteId, sms.siteWebUrl);
}, 60_000);
afterAll(async () => {
  await sms?.close();
});

describe('startCampaign', () => {
  it('asks every user of the groups, through nested groups, and the people named, once each', async () => {
    // Kestrel-OpsOnCall (David, Gareth, Omar, Fiona) nested in Kestrel-ServiceDesk (Marcus, Sofia, Jack).
    await membership('POST', 'Kestrel-ServiceDesk', groupIdOf('Kestrel-OpsOnCall'));
    try {
      const req = input('SMS-PRC-101', { audienceGroups: [groupIdOf('Kestrel-ServiceDesk')], audiencePeople: [demo.laura, demo.omar.toUpperCase()], dueDate: dueIn(14) });
      const { started, run } = await startCampaign(ctxOf(demo.priya, { notify: false }), req);
      expect(started).toBe(true);
      expect(run.created).toBe(8);
      const rows = await requestsOf(req.release.id);
      expect(rows.map((r) => r.UserUPN).sort()).toEqual([demo.marcus, demo.sofia, demo.jack, demo.david, demo.gareth, demo.omar, demo.fiona, demo.laura].sort());
      const jack = byUpn(rows)[demo.jack]!;
      expect(jack).toMatchObject({ RequestKey: `${req.release.id}:${await userId(demo.jack)}`, RequestStatus: 'Pending', Department: 'Service Desk', DocId: 'SMS-PRC-101', VersionLabel: '1.0' });
      const [campaign] = await campaignsOf(req.release.id);
      expect(campaign).toMatchObject({ CampaignStatus: 'Open', Trigger: 'On demand', Targeted: 8, Pending: 8, Acknowledged: 0, StartKey: req.startKey });

      // Started again with the same key (a retry): the same campaign, nothing duplicated.
      const again = await startCampaign(ctxOf(demo.priya, { notify: false }), req);
      expect(again.started).toBe(false);
      expect(again.run.created).toBe(0);
      expect(await requestsOf(req.release.id)).toHaveLength(8);
      expect(await campaignsOf(req.release.id)).toHaveLength(1);
      const audit = await json<{ value: { fields: Fields }[] }>(await sms.emu.graph(demo.tom, `/sites/${sms.siteId}/lists/SMS Audit Trail/items?$expand=fields&$filter=fields/EntityRef eq 'SMS-PRC-101 1.0'`));
      expect(audit.value.filter((v) => v.fields.EventType === 'Created' && v.fields.ToStatus === 'Open')).toHaveLength(1);
    } finally {
      await membership('DELETE', 'Kestrel-ServiceDesk', groupIdOf('Kestrel-OpsOnCall'));
    }
  });

  it('two starts with the same key at once (a double click) make one campaign and one request per person', async () => {
    const req = input('SMS-PRC-111', { audiencePeople: [demo.ben, demo.laura, demo.chloe], dueDate: dueIn(7) });
    const [a, b] = await Promise.all([startCampaign(ctxOf(demo.priya, { notify: false }), req), startCampaign(ctxOf(demo.tom, { notify: false }), req)]);
    expect([a.started, b.started].sort()).toEqual([false, true]);
    expect(a.campaign.id).toBe(b.campaign.id);
    expect(a.run.created + b.run.created).toBe(3);
    expect(await campaignsOf(req.release.id)).toHaveLength(1);
    expect(await requestsOf(req.release.id)).toHaveLength(3);
  });

  it('refuses an empty audience, a past due date, and anyone but a controller or the SMS manager', async () => {
    await expect(startCampaign(ctxOf(demo.priya), input('SMS-PRC-102'))).rejects.toMatchObject({ code: 'audienceEmpty' });
    await expect(startCampaign(ctxOf(demo.priya), input('SMS-PRC-102', { audiencePeople: [demo.jack], dueDate: later(-1).today() }))).rejects.toMatchObject({ code: 'dueDatePast' });
    const asJack = startCampaign(ctxOf(demo.jack), input('SMS-PRC-102', { audiencePeople: [demo.jack] }));
    await expect(asJack).rejects.toBeInstanceOf(CampaignRefusedError);
    await expect(asJack).rejects.toMatchObject({ code: 'notPermitted' });
    // An approver (top management) starts nothing on demand; their final approval publishes, and that may.
    await expect(startCampaign(ctxOf(demo.raj), input('SMS-PRC-102', { audiencePeople: [demo.jack] }))).rejects.toMatchObject({ code: 'notPermitted' });
    expect(mayStartCampaign({ upn: demo.raj, roles: ROLES[demo.raj]! }, 'Publication')).toBe(true);
    expect(mayStartCampaign({ upn: demo.jack, roles: ['employee'] }, 'Publication')).toBe(false);
  });

  it("refuses an employee's own token: staff write neither campaigns nor requests (403)", async () => {
    const list = (name: string) => `/sites/${sms.siteId}/lists/${name}/items`;
    const campaign = await sms.emu.graph(demo.jack, list('Acknowledgement Campaigns'), {
      method: 'POST',
      body: JSON.stringify({ fields: { Title: 'x', DocumentVersionId: 1, DocId: 'SMS-POL-001', VersionLabel: '1.0', DueDate: '2030-01-01', StartKey: 'jack:1' } }),
    });
    expect(campaign.status).toBe(403);
    const request = await sms.emu.graph(demo.jack, list('Acknowledgement Requests'), {
      method: 'POST',
      body: JSON.stringify({ fields: { Title: 'x', RequestKey: '1:jack', CampaignId: 1, DocumentVersionId: 1, DocId: 'SMS-POL-001', VersionLabel: '1.0', UserId: 'jack', UserUPN: demo.jack, RequestedOn: new Date().toISOString(), DueDate: '2030-01-01' } }),
    });
    expect(request.status).toBe(403);
  });
});

describe('runCampaign', () => {
  it('asks joiners, cancels leavers (never overdue), marks overdue requests and catches up acknowledgements', async () => {
    const aisha = await userId(demo.aisha);
    const jack = await userId(demo.jack);
    const req = input('SMS-PRC-103', { audienceGroups: [groupIdOf('Kestrel-Engineers')], dueDate: dueIn(5) });
    const priya = ctxOf(demo.priya, { notify: false });
    const { campaign, run } = await startCampaign(priya, req);
    expect(run.created).toBe(4); // David, Aisha, Omar, Fiona
    await membership('POST', 'Kestrel-Engineers', jack);
    await membership('DELETE', 'Kestrel-Engineers', aisha);
    let aishaBack = false;
    try {
      const next = await runCampaign(priya, campaign);
      expect(next).toMatchObject({ created: 1, cancelled: 1, overdue: 0 });
      let rows = byUpn(await requestsOf(req.release.id));
      expect(rows[demo.jack]).toMatchObject({ RequestStatus: 'Pending' });
      expect(rows[demo.aisha]).toMatchObject({ RequestStatus: 'Cancelled', StatusReason: LEFT_AUDIENCE });

      // Omar acknowledges (his own token), after the due date: late.
      const records = await loadReleaseAcknowledgements(sms.clientAs(demo.omar), site, req.release.id, { today: systemClock.today() });
      const omarsRequest = records.requests.find((r) => r.userUpn === demo.omar)!;
      await acknowledge(sms.clientAs(demo.omar), site, { userId: omarsRequest.userId, upn: demo.omar }, omarsRequest, { attestation: 'I have read and understood version 1.0 of SMS-PRC-103.', fileHash: 'a'.repeat(64) }, { now: new Date().toISOString() });

      // Six days on, past the due date: the open requests become Overdue, Aisha's stays cancelled, Omar's is acknowledged.
      const late = ctxOf(demo.priya, { notify: false, clock: later(6) });
      const overdue = await runCampaign(late, await loadCampaign(sms.clientAs(demo.priya), site, campaign.id));
      expect(overdue).toMatchObject({ created: 0, cancelled: 0, overdue: 3, acknowledged: 1 });
      rows = byUpn(await requestsOf(req.release.id));
      expect([demo.david, demo.fiona, demo.jack].map((u) => rows[u]!.RequestStatus)).toEqual(['Overdue', 'Overdue', 'Overdue']);
      expect(rows[demo.aisha]!.RequestStatus).toBe('Cancelled');
      // Acknowledged today, due in five days: on time, so not late.
      expect(rows[demo.omar]).toMatchObject({ RequestStatus: 'Acknowledged', Late: false });
      expect(overdue.figures).toMatchObject({ targeted: 4, acknowledged: 1, overdue: 3, pending: 0, cancelled: 1 });
      const [stored] = await campaignsOf(req.release.id);
      expect(stored).toMatchObject({ Targeted: 4, Acknowledged: 1, Overdue: 3, Pending: 0 });
      expect(stored!.FiguresAsOf).toBeTruthy();

      // Aisha rejoins the group: her cancelled request asks her again (one request per person and release).
      await membership('POST', 'Kestrel-Engineers', aisha);
      aishaBack = true;
      const back = await runCampaign(late, await loadCampaign(sms.clientAs(demo.priya), site, campaign.id));
      expect(back).toMatchObject({ created: 1, cancelled: 0 });
      rows = byUpn(await requestsOf(req.release.id));
      expect(rows[demo.aisha]).toMatchObject({ RequestStatus: 'Pending' });
      expect(rows[demo.aisha]!.StatusReason ?? '').toBe('');
      expect(back.figures).toMatchObject({ targeted: 5, cancelled: 0 });
      // The run after that marks her overdue (past due), and changes nothing else.
      expect(await runCampaign(late, await loadCampaign(sms.clientAs(demo.priya), site, campaign.id))).toMatchObject({ created: 0, cancelled: 0, overdue: 1 });
    } finally {
      if (!aishaBack) await membership('POST', 'Kestrel-Engineers', aisha);
      await membership('DELETE', 'Kestrel-Engineers', jack);
    }
  });

  it('stores as FiguresAsOf the server time of the newest acknowledgement counted, never the time its author wrote', async () => {
    const req = input('SMS-PRC-109', { audiencePeople: [demo.omar, demo.fiona], dueDate: dueIn(7) });
    const priya = ctxOf(demo.priya, { notify: false });
    const { campaign } = await startCampaign(priya, req);
    const records = await loadReleaseAcknowledgements(sms.clientAs(demo.omar), site, req.release.id, { today: systemClock.today() });
    const omars = records.requests.find((r) => r.userUpn === demo.omar)!;
    // Omar's client writes an AcknowledgedOn years ahead; the server stamps when it stored the item.
    const { ack } = await acknowledge(sms.clientAs(demo.omar), site, { userId: omars.userId, upn: demo.omar }, omars, { attestation: 'I have read it.', fileHash: 'a'.repeat(64) }, { now: '2031-01-01T00:00:00Z' });
    await runCampaign(priya, await loadCampaign(sms.clientAs(demo.priya), site, campaign.id));
    const [stored] = await campaignsOf(req.release.id);
    expect(stored).toMatchObject({ Acknowledged: 1 });
    expect(Date.parse(String(stored!.FiguresAsOf))).toBe(Date.parse(ack.stamp.createdAt));
  });

  it('sends each notice once a day: requested, then before the due date, then after it (and again a week later)', async () => {
    const req = input('SMS-PRC-104', { audiencePeople: [demo.omar, demo.fiona], dueDate: dueIn(5) });
    const { campaign, run } = await startCampaign(ctxOf(demo.priya), req);
    expect(run.problems).toEqual([]);
    expect(run.notified).toEqual({ requested: 2, beforeDue: 0, afterDue: 0 });
    let notices = await noticesAbout('SMS-PRC-104');
    expect(notices.map((n) => [n.recipient.userPrincipalName, n.activityType, n.delivered]).sort()).toEqual([
      [demo.fiona, 'acknowledgementRequested', true],
      [demo.omar, 'acknowledgementRequested', true],
    ]);
    expect(notices[0]).toMatchObject({ topic: { value: 'SMS-PRC-104 1.0', webUrl: LINK } });
    expect(notices[0]!.text).toContain('Title of SMS-PRC-104 (SMS-PRC-104 1.0)');

    const at = async (days: number) => runCampaign(ctxOf(demo.priya, { clock: later(days) }), await loadCampaign(sms.clientAs(demo.priya), site, campaign.id));
    // The same day again: nothing.
    expect((await at(0)).notified).toEqual({ requested: 0, beforeDue: 0, afterDue: 0 });
    // Three days before the due date: the reminder, once.
    expect((await at(2)).notified).toEqual({ requested: 0, beforeDue: 2, afterDue: 0 });
    expect((await at(2)).notified).toEqual({ requested: 0, beforeDue: 0, afterDue: 0 });
    expect((await at(3)).notified).toEqual({ requested: 0, beforeDue: 0, afterDue: 0 });
    // The first day past due, then a week later.
    expect((await at(6)).notified).toEqual({ requested: 0, beforeDue: 0, afterDue: 2 });
    expect((await at(8)).notified).toEqual({ requested: 0, beforeDue: 0, afterDue: 0 });
    expect((await at(13)).notified).toEqual({ requested: 0, beforeDue: 0, afterDue: 2 });
    notices = await noticesAbout('SMS-PRC-104');
    const omars = notices.filter((n) => n.recipient.userPrincipalName === demo.omar).map((n) => n.activityType);
    expect(omars).toEqual(['acknowledgementRequested', 'acknowledgementReminder', 'acknowledgementReminder', 'acknowledgementReminder']);
    expect(notices.find((n) => n.activityType === 'acknowledgementReminder')!.text).toContain(`by ${req.dueDate}`);
  });

  it('a notice Graph refuses (no TeamsActivity.Send) is not counted as sent: a later run that may send it does, the same day', async () => {
    const req = input('SMS-PRC-110', { audiencePeople: [demo.omar], dueDate: dueIn(5) });
    const withoutSend = ctxOf(demo.priya, { client: sms.clientAs(demo.priya) });
    const { campaign, run } = await startCampaign(withoutSend, req);
    expect(run.notified.requested).toBe(0);
    expect(run.problems).toEqual([expect.stringContaining('requested notice to 1 person(s) not sent')]);
    expect((await requestsOf(req.release.id))[0]!.LastNotice ?? null).toBeNull();
    expect(await noticesAbout('SMS-PRC-110')).toHaveLength(0);
    const job = await runCampaign(ctxOf(demo.tom), await loadCampaign(sms.clientAs(demo.tom), site, campaign.id));
    expect(job.notified.requested).toBe(1);
    expect(await noticesAbout('SMS-PRC-110')).toHaveLength(1);
  });

  it('two runs at once send each notice once and write each request once', async () => {
    // A campaign stored before anyone ran it (a start interrupted after its create): four people to ask.
    const releaseId = ++nextRelease;
    const created = await json<{ id: string }>(
      await sms.emu.graph(demo.priya, `/sites/${sms.siteId}/lists/Acknowledgement Campaigns/items`, {
        method: 'POST',
        body: JSON.stringify({
          fields: { Title: 'SMS-PRC-105 1.0', DocumentVersionId: releaseId, DocId: 'SMS-PRC-105', DocTitle: 'Title of SMS-PRC-105', VersionLabel: '1.0', CampaignStatus: 'Open', Trigger: 'On demand', AudienceGroups: groupIdOf('Kestrel-OpsOnCall'), DueDate: dueIn(10), StartKey: `test:${releaseId}` },
        }),
      }),
    );
    const campaign = await loadCampaign(sms.clientAs(demo.priya), site, created.id);
    const [a, b] = await Promise.all([runCampaign(ctxOf(demo.priya), campaign), runCampaign(ctxOf(demo.tom), campaign)]);
    expect(a.created + b.created).toBe(4);
    expect(a.notified.requested + b.notified.requested).toBe(4);
    expect([...a.problems, ...b.problems]).toEqual([]);
    expect(await requestsOf(releaseId)).toHaveLength(4);
    const notices = await noticesAbout('SMS-PRC-105');
    expect(notices.map((n) => n.recipient.userPrincipalName).sort()).toEqual([demo.david, demo.fiona, demo.gareth, demo.omar].sort());
  });

  it('a second run on the same day writes nothing and sends nothing', async () => {
    const req = input('SMS-PRC-106', { audiencePeople: [demo.david, demo.chloe], dueDate: dueIn(7) });
    const { campaign } = await startCampaign(ctxOf(demo.priya), req);
    await sms.emu.clearRequestLog();
    const again = await runCampaign(ctxOf(demo.priya), await loadCampaign(sms.clientAs(demo.priya), site, campaign.id));
    expect(again).toMatchObject({ created: 0, cancelled: 0, overdue: 0, acknowledged: 0, notified: { requested: 0, beforeDue: 0, afterDue: 0 } });
    expect(await writesSince()).toEqual([]);
    expect(await noticesAbout('SMS-PRC-106')).toHaveLength(2);
  });
});

describe('afterPublication', () => {
  const published = (releaseId: number, versionLabel: string, previousLabel: string | null) => ({
    docId: 'SMS-POL-107',
    title: 'Information Security Policy',
    versionLabel,
    previousLabel,
    release: { itemId: String(releaseId) },
    fileHash: 'b'.repeat(64),
    ack: { required: true, audience: [groupIdOf('Kestrel-OpsOnCall')], dueDate: dueIn(14) },
  });

  it('a major version supersedes the open requests of the earlier one and asks again; a minor one asks nobody', async () => {
    const priya = ctxOf(demo.priya, { notify: false });
    const first = await afterPublication(priya, published(9501, '1.0', null));
    expect(first?.run.created).toBe(4);
    expect(first?.campaign).toMatchObject({ trigger: 'Publication', status: 'Open', releaseId: 9501 });
    // A retried publication: nothing new.
    const retried = await afterPublication(priya, published(9501, '1.0', null));
    expect(retried?.run.created).toBe(0);
    expect(await requestsOf(9501)).toHaveLength(4);

    expect(await afterPublication(priya, published(9502, '1.1', '1.0'))).toBeNull();
    expect(await requestsOf(9502)).toHaveLength(0);
    expect((await requestsOf(9501)).every((r) => r.RequestStatus === 'Pending')).toBe(true);

    const second = await afterPublication(priya, published(9503, '2.0', '1.1'));
    expect(second?.run.created).toBe(4);
    expect(second?.superseded[0]).toMatchObject({ requests: 4, campaigns: 1 });
    const old = await requestsOf(9501);
    expect(old.map((r) => r.RequestStatus)).toEqual(['Superseded', 'Superseded', 'Superseded', 'Superseded']);
    expect(old[0]!.StatusReason).toBe('Version 2.0 was published and asks again.');
    expect((await campaignsOf(9501))[0]).toMatchObject({ CampaignStatus: 'Superseded' });
    expect((await campaignsOf(9503))[0]).toMatchObject({ CampaignStatus: 'Open', Targeted: 4 });
  });
});

describe('waiveRequest', () => {
  it('only the SMS manager waives, with a reason', async () => {
    const req = input('SMS-PRC-108', { audiencePeople: [demo.chloe], dueDate: dueIn(7) });
    await startCampaign(ctxOf(demo.priya, { notify: false }), req);
    const records = await loadReleaseAcknowledgements(sms.clientAs(demo.tom), site, req.release.id, { today: systemClock.today() });
    const request: AckRequest = records.requests[0]!;
    await expect(waiveRequest(ctxOf(demo.priya), request, 'On long-term leave')).rejects.toMatchObject({ code: 'notPermitted' });
    await expect(waiveRequest(ctxOf(demo.tom), request, '  ')).rejects.toMatchObject({ code: 'reasonRequired' });
    const waived = await waiveRequest(ctxOf(demo.tom), request, 'On long-term leave');
    expect(waived).toMatchObject({ status: 'Waived', reason: 'On long-term leave' });
    expect((await requestsOf(req.release.id))[0]).toMatchObject({ RequestStatus: 'Waived', StatusReason: 'On long-term leave' });
  });
});

describe('runOpenCampaigns', () => {
  it('runs every open campaign and is idempotent within the day', async () => {
    const req = input('SMS-PRC-109', { audiencePeople: [demo.ben], dueDate: dueIn(7) });
    await startCampaign(ctxOf(demo.priya, { notify: false }), req);
    const job = ctxOf(demo.tom, { actor: { upn: demo.tom, roles: [], unattended: true } });
    const first = await runOpenCampaigns(job);
    const mine = first.find((r) => r.campaign.docId === 'SMS-PRC-109');
    expect(mine?.error).toBeUndefined();
    expect(mine?.run?.notified.requested).toBe(1);
    expect(first.every((r) => r.error === undefined)).toBe(true);
    await sms.emu.clearRequestLog();
    const second = await runOpenCampaigns(job);
    expect(second.map((r) => r.run?.notified)).toEqual(second.map(() => ({ requested: 0, beforeDue: 0, afterDue: 0 })));
    expect(await writesSince()).toEqual([]);
    await expect(runOpenCampaigns(ctxOf(demo.jack))).rejects.toMatchObject({ code: 'notPermitted' });
  });
});
