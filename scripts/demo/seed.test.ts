import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo, startTestEmulator, type TestEmulator } from '../../tests/support/emulator.js';
import { ensureDemoContent, emulatorClients, DEMO_ADMIN_UPN, type EnsureDemoResult } from './firstStart.js';
import { seedDemo } from './seed.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const DAY = 86_400_000;
let emu: TestEmulator;
let first: EnsureDemoResult;
let siteId: string;
let groupId: string;
const listIds = new Map<string, string>();

const json = async (res: Response): Promise<Json> => {
  if (!res.ok) throw new Error(`${res.status} ${res.url}: ${await res.text()}`);
  return (await res.json()) as Json;
};
const get = async (upn: string, path: string): Promise<Json> => json(await emu.graph(upn, path));

/** Every item of a list as `upn` sees it (fields expanded, all pages). */
async function items(upn: string, list: string, query = ''): Promise<Json[]> {
  const out: Json[] = [];
  let next: string | undefined = `/sites/${siteId}/lists/${listIds.get(list)}/items?$expand=fields&$top=200${query}`;
  while (next) {
    const page = await get(upn, next);
    out.push(...(page.value as Json[]));
    next = page['@odata.nextLink'] as string | undefined;
  }
  return out;
}

const fieldsOf = (list: Json[]) => list.map((i) => i.fields as Json);

/** The bytes a user downloads from `…/content` (following the 302 to the pre-authenticated URL). */
async function download(upn: string, path: string): Promise<Buffer> {
  const res = await emu.graph(upn, path, { redirect: 'manual' });
  expect(res.status).toBe(302);
  const file = await fetch(res.headers.get('location')!);
  return Buffer.from(await file.arrayBuffer());
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

beforeAll(async () => {
  emu = await startTestEmulator();
  first = await ensureDemoContent({ origin: emu.origin, graphBaseUrl: emu.graphBaseUrl, log: () => undefined });
  const site = await get(demo.tom, '/sites/kestrelms.sharepoint.com:/sites/KestrelSMS');
  siteId = site.id as string;
  for (const l of (await get(demo.tom, `/sites/${siteId}/lists?$select=id,displayName`)).value as Json[]) listIds.set(l.displayName as string, l.id as string);
  groupId = ((await get(demo.tom, `/groups?$filter=displayName eq 'Kestrel SMS'`)).value as Json[])[0]!.id as string;
}, 120_000);
afterAll(() => emu.close());

describe('first start', () => {
  it('provisions the site and seeds it', () => {
    expect(first.alreadyDone).toBe(false);
    expect(first.provisionedSteps).toBeGreaterThan(0);
    expect(first.seed?.seeded).toBe(true);
    expect(listIds.has('SMS Documents')).toBe(true);
  });

  it('is skipped on the next start after a few requests', async () => {
    const again = await ensureDemoContent({ origin: emu.origin, graphBaseUrl: emu.graphBaseUrl, log: () => undefined });
    expect(again.alreadyDone).toBe(true);
    expect(again.seed).toBeNull();
    expect(again.requests).toBeLessThanOrEqual(4);
  });
});

describe('controlled documents', () => {
  const docIds = ['SMS-POL-001', 'SMS-SCP-001', 'SMS-PLN-001', 'SMS-POL-002', 'SMS-POL-003', 'SMS-PRC-010', 'SMS-PLN-002', 'SMS-CAT-001', 'SMS-PRC-030', 'SMS-AGR-004'];

  async function driveItemOf(upn: string, docId: string): Promise<{ driveId: string; item: Json; fields: Json }> {
    const li = (await items(upn, 'SMS Documents')).find((i) => i.fields.DocId === docId);
    expect(li, `${docId} visible to ${upn}`).toBeDefined();
    const item = await get(upn, `/sites/${siteId}/lists/${listIds.get('SMS Documents')}/items/${li!.id}/driveItem`);
    return { driveId: item.parentReference.driveId as string, item, fields: li!.fields as Json };
  }

  it('holds the ten documents of the demo as Word files with their metadata', async () => {
    const docs = fieldsOf(await items(demo.priya, 'SMS Documents'));
    expect(docs.map((d) => d.DocId).sort()).toEqual([...docIds].sort());
    for (const d of docs) expect(String(d.FileLeafRef)).toMatch(/\.docx$/);
    const policy = docs.find((d) => d.DocId === 'SMS-POL-001')!;
    expect(policy).toMatchObject({ DocType: 'Policy', DocStatus: 'Published', PublishedVersion: '3.0', MandatoryItem: 'D2', AckRequired: true, AckDueDays: 14, Classification: 'Internal' });
    const users = fieldsOf(await items(demo.tom, 'User Information List'));
    const nameOf = (lookupId: unknown) => users.find((u) => String(u.id) === String(lookupId))?.Title;
    expect(nameOf(policy.OwnerLookupId)).toBe('Tom Whitaker');
    expect(nameOf(policy.ApproverLookupId)).toBe('Eleanor Marsh');
    // The UPN twins name the same people (ADR 0005: the record of who they are).
    expect(policy).toMatchObject({ OwnerUPN: demo.tom, ApproverUPN: demo.eleanor });
    const incident = docs.find((d) => d.DocId === 'SMS-PRC-010')!;
    expect(Date.parse(String(incident.NextReviewDate))).toBeLessThan(Date.now());
    expect(docs.find((d) => d.DocId === 'SMS-PLN-002')!.Classification).toBe('Restricted');
  });

  it('keeps the version history: SMS-POL-001 published as 1.0, 2.0 and 3.0', async () => {
    const { driveId, item } = await driveItemOf(demo.jack, 'SMS-POL-001');
    const versions = (await get(demo.jack, `/drives/${driveId}/items/${item.id}/versions`)).value as Json[];
    expect(versions.map((v) => v.id)).toEqual(['3.0', '2.0', '1.0']);
    const releases = fieldsOf(await items(demo.tom, 'Document Releases')).filter((r) => r.DocId === 'SMS-POL-001');
    expect(releases.map((r) => `${r.VersionLabel} ${r.VersionStatus}`).sort()).toEqual(['1.0 Superseded', '2.0 Superseded', '3.0 Published']);
    // The file a reader downloads is the one the current release recorded.
    const current = releases.find((r) => r.VersionStatus === 'Published')!;
    expect(sha256(await download(demo.jack, `/drives/${driveId}/items/${item.id}/content`))).toBe(current.FileHash);
    expect(sha256(await download(demo.jack, `/drives/${driveId}/items/${item.id}/versions/1.0/content`))).toBe(releases.find((r) => r.VersionLabel === '1.0')!.FileHash);
  });

  it('shows readers SMS-PLN-001 2.1 while the document controller sees the 2.2 draft in review', async () => {
    const jack = await driveItemOf(demo.jack, 'SMS-PLN-001');
    const priya = await driveItemOf(demo.priya, 'SMS-PLN-001');
    expect(jack.fields).toMatchObject({ DocStatus: 'Published', PublishedVersion: '2.1' });
    expect(priya.fields).toMatchObject({ DocStatus: 'In review', PublishedVersion: '2.1' });
    expect(String(priya.fields.ChangeSummary)).toContain('SVC-06');

    const release21 = fieldsOf(await items(demo.tom, 'Document Releases')).find((r) => r.Title === 'SMS-PLN-001 v2.1')!;
    const jackBytes = await download(demo.jack, `/drives/${jack.driveId}/items/${jack.item.id}/content`);
    const priyaBytes = await download(demo.priya, `/drives/${priya.driveId}/items/${priya.item.id}/content`);
    expect(sha256(jackBytes)).toBe(release21.FileHash);
    expect(sha256(priyaBytes)).not.toBe(release21.FileHash);

    const jackVersions = ((await get(demo.jack, `/drives/${jack.driveId}/items/${jack.item.id}/versions`)).value as Json[]).map((v) => v.id as string);
    const priyaVersions = ((await get(demo.priya, `/drives/${priya.driveId}/items/${priya.item.id}/versions`)).value as Json[]).map((v) => v.id as string);
    expect(jackVersions.every((v) => v.endsWith('.0'))).toBe(true);
    expect(priyaVersions[0]).toMatch(/^\d+\.[1-9]\d*$/);
    expect(priyaVersions.length).toBeGreaterThan(jackVersions.length);
  });

  it('records SMS-PRC-030 1.3 in review with Raj’s approval pending', async () => {
    const prc = fieldsOf(await items(demo.priya, 'SMS Documents')).find((d) => d.DocId === 'SMS-PRC-030')!;
    expect(prc).toMatchObject({ DocStatus: 'In review', PublishedVersion: '1.2' });
    const approvals = fieldsOf(await items(demo.tom, 'Document Approvals')).filter((a) => String(a.Title).startsWith('SMS-PRC-030 v1.3'));
    expect(approvals.map((a) => `${a.Step} ${a.Decision}`).sort()).toEqual(['Approval Pending', 'Review Approved']);
  });
});

describe('registers of §7.5', () => {
  it('has the sample entries in each register', async () => {
    const expected: Record<string, number> = {
      'Context Issues': 5,
      'Interested Parties': 16,
      Services: 6,
      Suppliers: 7,
      'Risk Register': 6,
      Objectives: 5,
      Metrics: 6,
      'Audit Programmes': 1,
      Audits: 5,
      'Audit Findings': 4,
      Nonconformities: 3,
      Actions: 10,
      'Improvement Register': 4,
      'Management Reviews': 2,
      'Review Inputs': 12,
      'Review Outputs': 3,
      'Complaints & Disputes': 2,
      'Supplier Reviews': 2,
      'Continuity Tests': 3,
      'Competence Records': 7,
    };
    const actual: Record<string, number> = {};
    for (const name of Object.keys(expected)) actual[name] = (await items(demo.tom, name)).length;
    expect(actual).toEqual(expected);
    const refs = fieldsOf(await items(demo.tom, 'Actions')).map((a) => a.Ref).sort();
    expect(refs[0]).toBe('ACT-0141');
    expect(refs[refs.length - 1]).toBe('ACT-0170');
  });

  it('has twelve monthly readings per series, with two KPI-01 misses for Pennine Logistics', async () => {
    const readings = fieldsOf(await items(demo.tom, 'Metric Readings'));
    expect(readings.length).toBeGreaterThanOrEqual(250);
    const series = new Map<string, number>();
    for (const r of readings) {
      const key = String(r.Title).split(' · ').slice(0, -1).join(' · ');
      series.set(key, (series.get(key) ?? 0) + 1);
    }
    expect([...series.values()].every((n) => n === 12)).toBe(true);
    const misses = fieldsOf(await items(demo.tom, 'Metric Readings', `&$filter=fields/MetricRef eq 'KPI-01' and fields/Met eq false`));
    expect(misses).toHaveLength(2);
    expect(misses.every((m) => String(m.Title).includes('Pennine Logistics'))).toBe(true);
  });

  it('links NC-2025-003 to its finding and its corrective actions', async () => {
    const nc = fieldsOf(await items(demo.tom, 'Nonconformities')).find((n) => n.Ref === 'NC-2025-003')!;
    expect(nc).toMatchObject({ Status: 'Actions in progress', Grade: 'Minor', PrimaryClause: '8.5.1.3' });
    const ncItem = (await items(demo.tom, 'Nonconformities')).find((n) => n.fields.Ref === 'NC-2025-003')!;
    const f01 = fieldsOf(await items(demo.tom, 'Audit Findings')).find((f) => f.Ref === 'F01')!;
    expect(String(f01.LinkedNCLookupId)).toBe(String(ncItem.id));
    const acts = fieldsOf(await items(demo.tom, 'Actions')).filter((a) => a.SourceRef === 'NC-2025-003');
    expect(acts.map((a) => a.Ref).sort()).toEqual(['ACT-0141', 'ACT-0142', 'ACT-0143', 'ACT-0144']);
    expect(acts.every((a) => String(a.SourceItemId) === String(ncItem.id))).toBe(true);
  });

  it('has MR-2025-H2 with 12 inputs: 8 submitted, 3 requested, 1 not applicable', async () => {
    const inputs = fieldsOf(await items(demo.eleanor, 'Review Inputs'));
    const byStatus = (s: string) => inputs.filter((i) => i.Status === s).length;
    expect([byStatus('Submitted'), byStatus('Requested'), byStatus('Not applicable')]).toEqual([8, 3, 1]);
    const mr = fieldsOf(await items(demo.eleanor, 'Management Reviews')).find((m) => m.Ref === 'MR-2025-H2')!;
    expect(mr).toMatchObject({ Status: 'Inputs requested', InputCoverage: 75 });
  });

  it('continues the SMS Sequences after the seeded refs', async () => {
    const seqs = fieldsOf(await items(demo.tom, 'SMS Sequences'));
    const next = (name: string) => seqs.find((s) => s.SequenceName === name)?.NextNumber;
    expect(next('NC-2025')).toBe(5);
    expect(next('ACT')).toBe(171);
    expect(next('SMS-POL')).toBe(4);
  });
});

describe('acknowledgements', () => {
  it('leaves Jack his requests for SMS-POL-001 3.0 and SMS-POL-002 4.0 open, with no acknowledgement of his', async () => {
    const mine = fieldsOf(await items(demo.jack, 'Acknowledgement Requests', `&$filter=fields/UserUPN eq '${demo.jack}'`));
    const policy = mine.filter((r) => r.DocId === 'SMS-POL-001');
    expect(policy).toHaveLength(1);
    expect(policy[0]).toMatchObject({ RequestStatus: 'Pending', VersionLabel: '3.0', DocTitle: 'Service Management Policy' });
    expect(Date.parse(String(policy[0]!.DueDate))).toBeGreaterThan(Date.now());
    expect(mine.map((r) => `${r.DocId} ${r.VersionLabel}`).sort()).toEqual(['SMS-POL-001 3.0', 'SMS-POL-002 4.0']);
    expect(await items(demo.jack, 'Acknowledgements', `&$filter=fields/UserUPN eq '${demo.jack}'`)).toEqual([]);
  });

  it('has 14 of 16 acknowledged for SMS-POL-001 and 12 of 16 for SMS-POL-002, each acknowledgement created by the person it names', async () => {
    const acks = await items(demo.tom, 'Acknowledgements');
    const requests = fieldsOf(await items(demo.tom, 'Acknowledgement Requests'));
    const tally = (docId: string) => ({
      targeted: requests.filter((r) => r.DocId === docId).length,
      acknowledged: acks.filter((a) => a.fields.DocId === docId).length,
      overdue: requests.filter((r) => r.DocId === docId && r.RequestStatus === 'Overdue').map((r) => r.UserUPN),
    });
    expect(tally('SMS-POL-001')).toEqual({ targeted: 16, acknowledged: 14, overdue: [demo.sofia] });
    const pol2 = tally('SMS-POL-002');
    expect([pol2.targeted, pol2.acknowledged, pol2.overdue.length]).toEqual([16, 12, 2]);
    for (const a of acks) {
      expect((a.createdBy as Json).user.email).toBe(a.fields.UserUPN);
      expect(((a.createdBy as Json).user.id as string).toLowerCase()).toBe(a.fields.UserId);
      expect(a.fields.AckKey).toBe(`${a.fields.DocumentVersionId}:${a.fields.UserId}`);
    }
    const keys = new Set(requests.map((r) => r.RequestKey));
    expect(acks.every((a) => keys.has(a.fields.AckKey))).toBe(true);
  });

  it('opens one campaign per policy, addressed to SMS-AllStaff, with figures as of its newest acknowledgement', async () => {
    const campaigns = fieldsOf(await items(demo.tom, 'Acknowledgement Campaigns'));
    const allStaff = ((await get(demo.tom, `/groups?$filter=displayName eq 'SMS-AllStaff'`)).value as Json[])[0]!.id;
    expect(campaigns.map((c) => [c.DocId, c.VersionLabel, c.CampaignStatus, c.AudienceGroups, c.Targeted, c.Acknowledged]).sort()).toEqual([
      ['SMS-POL-001', '3.0', 'Open', allStaff, 16, 14],
      ['SMS-POL-002', '4.0', 'Open', allStaff, 16, 12],
    ]);
    expect(campaigns.every((c) => typeof c.FiguresAsOf === 'string')).toBe(true);
  });
});

describe('Planner "SMS Actions"', () => {
  it('has one task per action in the right bucket, assigned and linked back to SharePoint', async () => {
    const plan = ((await get(demo.tom, `/groups/${groupId}/planner/plans`)).value as Json[]).find((p) => p.title === 'SMS Actions')!;
    const buckets = new Map(((await get(demo.tom, `/planner/plans/${plan.id}/buckets`)).value as Json[]).map((b) => [b.id as string, b.name as string]));
    const tasks = (await get(demo.tom, `/planner/plans/${plan.id}/tasks`)).value as Json[];
    expect(tasks).toHaveLength(10);
    const task = (ref: string) => tasks.find((t) => String(t.title).startsWith(`[${ref}]`))!;
    const userId = async (upn: string) => (await get(upn, '/me')).id as string;

    expect(buckets.get(task('ACT-0142').bucketId)).toBe('Corrective actions');
    expect(Object.keys(task('ACT-0142').assignments)).toEqual([await userId(demo.david)]);
    expect(task('ACT-0142').percentComplete).toBe(50);
    expect(buckets.get(task('ACT-0170').bucketId)).toBe('Audit follow-up');
    expect(buckets.get(task('ACT-0160').bucketId)).toBe('Document reviews');
    expect(buckets.get(task('ACT-0156').bucketId)).toBe('Management review');
    expect(buckets.get(task('ACT-0150').bucketId)).toBe('Risk treatment');
    expect(buckets.get(task('ACT-0162').bucketId)).toBe('Improvements');
    expect(task('ACT-0141').percentComplete).toBe(100);
    expect(task('ACT-0144').percentComplete).toBe(0);
    expect(Date.parse(task('ACT-0160').dueDateTime)).toBeLessThan(Date.now());

    const davids = ((await get(demo.david, '/me/planner/tasks')).value as Json[]).map((t) => t.title as string);
    expect(davids.some((t) => t.startsWith('[ACT-0142]'))).toBe(true);

    const action = (await items(demo.tom, 'Actions')).find((a) => a.fields.Ref === 'ACT-0142')!;
    expect(action.fields.PlannerTaskId).toBe(task('ACT-0142').id);
    const details = await get(demo.david, `/planner/tasks/${task('ACT-0142').id}/details`);
    const refs = Object.keys(details.references as Json).map((k) => decodeURIComponent(k));
    expect(refs.some((r) => r.endsWith(`DispForm.aspx?ID=${action.id}`))).toBe(true);
  });
});

describe('group calendar', () => {
  it('shows the six demo events in the next 40 days, with the event ids on the SharePoint items', async () => {
    const start = new Date();
    const end = new Date(start.getTime() + 40 * DAY);
    const view = (await get(demo.marcus, `/groups/${groupId}/calendarView?startDateTime=${start.toISOString()}&endDateTime=${end.toISOString()}`)).value as Json[];
    const subjects = view.map((e) => e.subject as string).sort();
    expect(subjects).toEqual([
      'CT-2025-04 SVC-03 region failover simulation',
      'IA-2025-03 Closing meeting – resolution and fulfilment audit',
      'IA-2025-03 Opening meeting – resolution and fulfilment audit',
      'MR-2025-H2 Management review',
      'Pennine Logistics quarterly service review',
      'SR-2025-10 FibreLink Telecom supplier review',
    ]);
    const mrEvent = view.find((e) => e.subject === 'MR-2025-H2 Management review')!;
    expect((mrEvent.attendees as Json[]).map((a) => String(a.emailAddress.address).toLowerCase())).toContain(demo.eleanor);
    expect(mrEvent.isOnlineMeeting).toBe(true);
    const mr = fieldsOf(await items(demo.tom, 'Management Reviews')).find((m) => m.Ref === 'MR-2025-H2')!;
    expect(mr.CalendarEventId).toBe(mrEvent.id);
    const audit = fieldsOf(await items(demo.tom, 'Audits')).find((a) => a.Ref === 'IA-2025-03')!;
    expect(String(audit.CalendarEventIds).split('\n')).toHaveLength(2);
  });
});

describe('running the seed again', () => {
  it('creates nothing when everything exists, and only what is missing after a partial loss', async () => {
    const clients = emulatorClients(emu.origin, emu.graphBaseUrl);
    const countsBefore = {
      readings: (await items(demo.tom, 'Metric Readings')).length,
      actions: (await items(demo.tom, 'Actions')).length,
      tasks: 10,
    };
    // Remove the completion marker and one metric reading, as if the first run had stopped early.
    const settings = await items(demo.tom, 'SMS Settings');
    const marker = settings.find((s) => s.fields.Key === 'DemoSeeded')!;
    const reading = (await items(demo.tom, 'Metric Readings'))[0]!;
    for (const [list, item] of [['SMS Settings', marker], ['Metric Readings', reading]] as const) {
      const res = await emu.graph(demo.tom, `/sites/${siteId}/lists/${listIds.get(list)}/items/${item.id}`, { method: 'DELETE', headers: { 'if-match': item['@odata.etag'] as string } });
      expect(res.status).toBe(204);
    }

    const again = await seedDemo({ clientFor: (upn) => clients.clientFor(upn), adminUpn: DEMO_ADMIN_UPN, siteId, groupId, log: () => undefined });
    expect(again.seeded).toBe(true);
    expect(Object.entries(again.created).filter(([, n]) => n > 0)).toEqual([['metricReadings', 1]]);
    expect((await items(demo.tom, 'Metric Readings')).length).toBe(countsBefore.readings);
    expect((await items(demo.tom, 'Actions')).length).toBe(countsBefore.actions);

    const third = await seedDemo({ clientFor: (upn) => clients.clientFor(upn), adminUpn: DEMO_ADMIN_UPN, siteId, groupId, log: () => undefined });
    expect(third.seeded).toBe(false);
    expect(Object.values(third.created).every((n) => n === 0)).toBe(true);
  });
});

describe('a seed run that stopped before linking', () => {
  const rerun = () => {
    const clients = emulatorClients(emu.origin, emu.graphBaseUrl);
    return seedDemo({ clientFor: (upn) => clients.clientFor(upn), adminUpn: DEMO_ADMIN_UPN, siteId, groupId, log: () => undefined });
  };

  async function deleteMarker(): Promise<void> {
    const marker = (await items(demo.tom, 'SMS Settings')).find((s) => s.fields.Key === 'DemoSeeded')!;
    const res = await emu.graph(demo.tom, `/sites/${siteId}/lists/${listIds.get('SMS Settings')}/items/${marker.id}`, { method: 'DELETE', headers: { 'if-match': marker['@odata.etag'] as string } });
    expect(res.status).toBe(204);
  }

  /** Number of items in every list and library of the site. */
  async function countsOfAllLists(): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const name of listIds.keys()) out[name] = (await items(demo.tom, name)).length;
    return out;
  }

  it('links the lookups left empty again on the next run, and creates nothing', async () => {
    const processes = await items(demo.tom, 'Processes');
    const prc13 = processes.find((p) => p.fields.Ref === 'PRC-13')!;
    const doc = fieldsOf(await items(demo.tom, 'SMS Documents')).find((d) => d.DocId === 'SMS-PRC-010')!;
    const sup05 = (await items(demo.tom, 'Suppliers')).find((s) => s.fields.Ref === 'SUP-05')!;
    // Both lookups point to lists seeded after Processes, so the first run set them in its link pass.
    expect(String(prc13.fields.ProcessDocLookupId)).toBe(String(doc.id));
    expect((prc13.fields.OtherParties as Json[]).map((p) => String(p.LookupId))).toEqual([String(sup05.id)]);
    const before = await countsOfAllLists();

    // As if the first run had created the items and stopped before its link pass.
    const cleared = await emu.graph(demo.tom, `/sites/${siteId}/lists/${listIds.get('Processes')}/items/${prc13.id}/fields`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', 'if-match': prc13['@odata.etag'] as string },
      body: JSON.stringify({ ProcessDocLookupId: null, 'OtherPartiesLookupId@odata.type': 'Collection(Edm.String)', OtherPartiesLookupId: [] }),
    });
    expect(cleared.status).toBe(200);
    const emptied = (await items(demo.tom, 'Processes')).find((p) => p.fields.Ref === 'PRC-13')!;
    expect(emptied.fields.ProcessDocLookupId).toBeUndefined();
    expect(emptied.fields.OtherParties ?? []).toEqual([]);
    await deleteMarker();

    const again = await rerun();
    expect(again.seeded).toBe(true);
    expect(Object.values(again.created).every((n) => n === 0)).toBe(true);
    const relinked = (await items(demo.tom, 'Processes')).find((p) => p.fields.Ref === 'PRC-13')!;
    expect(String(relinked.fields.ProcessDocLookupId)).toBe(String(doc.id));
    expect((relinked.fields.OtherParties as Json[]).map((p) => String(p.LookupId))).toEqual([String(sup05.id)]);
    expect(await countsOfAllLists()).toEqual(before);
    expect((await items(demo.tom, 'SMS Settings')).filter((s) => s.fields.Key === 'DemoSeeded')).toHaveLength(1);
  });

  it('writes nothing but the DemoSeeded marker when everything exists and is linked', async () => {
    await deleteMarker();
    expect((await fetch(`${emu.origin}/_dev/requests`, { method: 'DELETE' })).status).toBe(204);

    const again = await rerun();
    expect(again.seeded).toBe(true);
    const log = (await (await fetch(`${emu.origin}/_dev/requests`)).json()) as { method: string; path: string; inBatch: boolean }[];
    const writes = log.filter((r) => r.method !== 'GET' && !r.path.startsWith('/v1.0/$batch'));
    expect(writes.map((w) => `${w.method} ${w.path}`)).toEqual([`POST /v1.0/sites/${siteId}/lists/${listIds.get('SMS Settings')}/items`]);
  });
});
