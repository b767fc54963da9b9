import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emulatorGraphClient } from '../graph/provisioning/emulatorTarget.js';
import { ALL_SCOPES, demo } from '../tests/support/emulator.js';
import { startSmsEmulator, type SmsEmulator } from '../tests/support/smsEmulator.js';
import { groupIdOf } from '../emulator/seed/tenant.js';
import { buildDocumentMetadata } from '../tests/support/factories.js';
import { createDocument, decideApproval, loadDocument, loadDocumentServices, submitForReview } from '../src/features/documents/services/index.js';
import { startCampaign } from '../src/platform/acknowledgements/index.js';
import { shiftedClock, systemClock } from '../src/platform/clock.js';
import { loadSmsSite } from '../src/platform/site.js';
import { getTask, updateTask } from '../graph/planner/planner.js';
import { loadActionByRef, raiseAction, type ActionsContext } from '../src/platform/actions/index.js';
import { loadPeopleDirectory } from '../src/platform/people.js';
import { platformWriteDeps } from '../src/platform/registers/write.defaults.js';
import { main } from './jobs.js';

/**
 * `npm run jobs -- acknowledgements` against the emulator over HTTP (its dev sign-in as the SMS manager): one
 * line per open campaign, the notices sent with a deep link to the personal tab, nothing written or sent by a
 * second run the same day, the overdue marking and reminder on a later day, and exit code 2 for bad arguments.
 */
let sms: SmsEmulator;
let siteUrl: string;
const APP_ID = '5d1f7c2a-3b64-4e0f-9a8d-6c2b1e4f7a90';

interface Sent {
  recipient: { userPrincipalName: string };
  activityType: string;
  topic: { value: string; webUrl: string | null };
  delivered: boolean;
}
async function noticesAbout(docId: string): Promise<Sent[]> {
  const all = (await (await fetch(`${sms.emu.origin}/_dev/notifications`)).json()) as Sent[];
  return all.filter((n) => n.topic.value.startsWith(`${docId} `));
}
async function run(args: string[] = [], clock = systemClock): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await main(['acknowledgements', '--site', siteUrl, '--teams-app-id', APP_ID, ...args], {}, (l) => lines.push(l), clock);
  return { code, lines };
}
async function writesSince(): Promise<string[]> {
  const log = await sms.emu.requestLog();
  return log.filter((e) => e.method !== 'GET' && !(e.method === 'POST' && e.path.endsWith('/$batch'))).map((e) => `${e.method} ${e.path}`);
}

beforeAll(async () => {
  sms = await startSmsEmulator();
  siteUrl = `${sms.emu.origin}/sites/KestrelSMS`;
  const client = emulatorGraphClient(sms.emu.origin, demo.priya, ALL_SCOPES);
  const site = await loadSmsSite(client, sms.siteId, sms.siteWebUrl);
  // A campaign started without notices (as a publication in a browser without a deep link would).
  await startCampaign(
    { client, site, clock: systemClock, actor: { upn: demo.priya, roles: ['documentController', 'employee'] }, notify: false },
    {
      release: { id: 7001, docId: 'SMS-POL-201', title: 'Service Management Policy', versionLabel: '3.0', fileHash: null },
      audienceGroups: [],
      audiencePeople: [demo.omar, demo.fiona],
      dueDate: shiftedClock(2).today(),
      trigger: 'On demand',
      startKey: 'jobs-test:7001',
    },
  );
}, 60_000);
afterAll(async () => {
  await sms?.close();
});

describe('npm run jobs -- acknowledgements', () => {
  it('sends the notices that are due, once, with a deep link to "My acknowledgements"; a second run the same day does nothing', async () => {
    const first = await run();
    expect(first.code).toBe(0);
    expect(first.lines).toContain('SMS-POL-201 3.0: created 0, cancelled 0, overdue 0, acknowledged 0, notices 2 (requested 2, before due 0, after due 0)');
    expect(first.lines.at(-1)).toMatch(/: 1 open campaign\(s\)$/);
    const notices = await noticesAbout('SMS-POL-201');
    expect(notices.map((n) => [n.recipient.userPrincipalName, n.activityType, n.delivered]).sort()).toEqual([
      [demo.fiona, 'acknowledgementRequested', true],
      [demo.omar, 'acknowledgementRequested', true],
    ]);
    expect(notices[0]!.topic.webUrl).toMatch(new RegExp(`^https://teams\\.microsoft\\.com/l/entity/${APP_ID}/my\\?`));

    await sms.emu.clearRequestLog();
    const second = await run();
    expect(second.code).toBe(0);
    expect(second.lines[0]).toBe('SMS-POL-201 3.0: created 0, cancelled 0, overdue 0, acknowledged 0, notices 0 (requested 0, before due 0, after due 0)');
    expect(await writesSince()).toEqual([]);
    expect(await noticesAbout('SMS-POL-201')).toHaveLength(2);
  });

  it('on a later day marks the overdue requests and sends the reminder after the due date', async () => {
    const late = await run([], shiftedClock(3));
    expect(late.code).toBe(0);
    expect(late.lines[0]).toBe('SMS-POL-201 3.0: created 0, cancelled 0, overdue 2, acknowledged 0, notices 2 (requested 0, before due 0, after due 2)');
    expect((await noticesAbout('SMS-POL-201')).filter((n) => n.activityType === 'acknowledgementReminder')).toHaveLength(2);
  });

  it('starts the campaign of a publication whose own campaign step never ran', async () => {
    const servicesOf = (upn: string, opts: Parameters<typeof loadDocumentServices>[4] = {}) => loadDocumentServices(sms.clientAs(upn), sms.siteId, sms.siteWebUrl, upn, opts);
    // Raj's final approval publishes; the step after publication (the campaign) is lost, as after a crash.
    const [priya, raj] = await Promise.all([servicesOf(demo.priya), servicesOf(demo.raj, { afterPublish: [] })]);
    const { docId } = await createDocument(priya, {
      metadata: buildDocumentMetadata({ title: 'On-call Procedure', ackRequired: true, ackAudience: [groupIdOf('Kestrel-OpsOnCall')], ackDueDays: 7 }),
      file: { name: 'oncall.md', bytes: new TextEncoder().encode('# On call\n') },
    });
    await submitForReview(priya, docId);
    const mine = (await loadDocument(raj, docId)).approvals.find((a) => a.assigneeId === demo.raj)!;
    expect((await decideApproval(raj, docId, mine.itemId, 'Approved', null)).published?.versionLabel).toBe('1.0');

    const { code, lines } = await run();
    expect(code).toBe(0);
    expect(lines).toContain(`${docId} 1.0: campaign started (published without one): created 4, cancelled 0, overdue 0, acknowledged 0, notices 4 (requested 4, before due 0, after due 0)`);
    expect(lines.filter((l) => l.startsWith(`${docId} `))).toHaveLength(1);
    expect((await noticesAbout(docId)).map((n) => n.recipient.userPrincipalName).sort()).toEqual([demo.david, demo.fiona, demo.gareth, demo.omar].sort());
    expect((await run()).lines).toContain(`${docId} 1.0: created 0, cancelled 0, overdue 0, acknowledged 0, notices 0 (requested 0, before due 0, after due 0)`);
  });

  it('answers 2 for bad arguments', async () => {
    const quiet = () => undefined;
    expect(await main([], {}, quiet)).toBe(2);
    expect(await main(['reports', '--site', siteUrl], {}, quiet)).toBe(2);
    expect(await main(['acknowledgements', '--site', siteUrl, '--target', 'cloud'], {}, quiet)).toBe(2);
    expect(await main(['acknowledgements', '--site', siteUrl, '--time-zone', 'Mars/Olympus'], {}, quiet)).toBe(2);
    expect(await main(['acknowledgements', '--help'], {}, quiet)).toBe(0);
    expect(await main(['actions', '--site', siteUrl, '--target', 'cloud'], {}, quiet)).toBe(2);
  });
});

describe('npm run jobs -- actions', () => {
  it('brings progress set in Planner into the action, puts back what SharePoint owns, and a second run writes nothing', async () => {
    const client = sms.clientAs(demo.marcus);
    const site = await loadSmsSite(client, sms.siteId, sms.siteWebUrl);
    const people = await loadPeopleDirectory(client, sms.siteId);
    const ctx: ActionsContext = {
      client,
      site,
      people,
      timeZone: 'UTC',
      today: systemClock.today(),
      appOrigin: 'https://sms.example',
      actor: { id: demo.marcus, roles: ['processOwner', 'employee'], ownedProcessIds: [] },
      writeDeps: platformWriteDeps({ client, site, actor: { upn: demo.marcus, lookupId: null }, clock: systemClock }),
    };
    const base = { sourceRegister: 'risks', sourceItemId: 901, sourceRef: 'RSK-901', sourceOwnerId: demo.marcus, actionType: 'Risk treatment', assigneeId: demo.david, dueDate: '2099-06-30' } as const;
    const done = await raiseAction(ctx, { ...base, title: 'Cross-train two analysts' });
    const renamed = await raiseAction(ctx, { ...base, title: 'Add a second carrier' });
    const david = sms.clientAs(demo.david);
    await updateTask(david, done.plannerTaskId!, { percentComplete: 100 }, (await getTask(david, done.plannerTaskId!))['@odata.etag']!);
    await updateTask(david, renamed.plannerTaskId!, { title: 'carrier?' }, (await getTask(david, renamed.plannerTaskId!))['@odata.etag']!);

    const lines: string[] = [];
    expect(await main(['actions', '--site', siteUrl], {}, (l) => lines.push(l))).toBe(0);
    expect(lines[0]).toMatch(new RegExp(`: \\d+ action\\(s\\) checked, updated from Planner 1 \\(${done.ref}\\), tasks updated 1 \\(${renamed.ref}\\), tasks recreated 0, conflicts merged 0, sources advanced 0$`));
    expect((await loadActionByRef(ctx, done.ref))?.status).toBe('Completed');
    expect((await getTask(david, renamed.plannerTaskId!)).title).toBe(`[${renamed.ref}] Add a second carrier`);

    await sms.emu.clearRequestLog();
    const again: string[] = [];
    expect(await main(['actions', '--site', siteUrl], {}, (l) => again.push(l))).toBe(0);
    expect(again[0]).toMatch(/updated from Planner 0, tasks updated 0, tasks recreated 0, conflicts merged 0, sources advanced 0$/);
    expect(await writesSince()).toEqual([]);
  });
});
