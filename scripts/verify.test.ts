import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo, startTestEmulator, type TestEmulator } from '../tests/support/emulator.js';
import { ensureDemoContent } from './demo/firstStart.js';
import { main } from './verify.js';

/**
 * `npm run verify` against the demo tenant in the emulator (over HTTP, as the SMS manager): clean as
 * seeded, then each forgery the issue tried is named on its own line with exit code 1.
 */
let emu: TestEmulator;
let siteUrl: string;
let siteId: string;

async function run(): Promise<{ code: number; lines: string[] }> {
  const lines: string[] = [];
  const code = await main(['--site', siteUrl], {}, (l) => lines.push(l));
  return { code, lines };
}

async function graph(upn: string, path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<{ status: number; json: Record<string, unknown> }> {
  const headers = { ...(init.body === undefined ? {} : { 'content-type': 'application/json' }), ...init.headers };
  const res = await emu.graph(upn, path, { method: init.method ?? 'GET', headers, ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }) });
  return { status: res.status, json: (await res.json().catch(() => ({}))) as Record<string, unknown> };
}

beforeAll(async () => {
  emu = await startTestEmulator();
  await ensureDemoContent({ origin: emu.origin, graphBaseUrl: `${emu.origin}/v1.0`, log: () => undefined });
  siteUrl = `${emu.origin}/sites/KestrelSMS`;
  const site = await graph(demo.tom, '/sites/kestrelms.sharepoint.com:/sites/KestrelSMS');
  siteId = String(site.json.id);
}, 240_000);
afterAll(() => emu?.close());

describe('npm run verify', () => {
  it('finds the demo tenant clean (exit 0), having checked what staff can read', async () => {
    const { code, lines } = await run();
    expect(lines.filter((l) => !l.startsWith('note:')).slice(0, -1)).toEqual([]);
    expect(lines.some((l) => l.startsWith('note:'))).toBe(false);
    expect(lines.at(-1)).toMatch(/clean, no findings$/);
    expect(code).toBe(0);
  }, 120_000);

  it('finds the demo written by the right people: each decision, acceptance, completion and verification by whoever may make it', async () => {
    const versionsOf = async (list: string, ref: string) => {
      const all = (await graph(demo.tom, `/sites/${siteId}/lists/${list}/items?$expand=fields&$top=500`)).json.value as { id: string; fields: Record<string, unknown> }[];
      const item = all.find((i) => i.fields.Ref === ref)!;
      const versions = (await graph(demo.tom, `/sites/${siteId}/lists/${list}/items/${item.id}/versions?$expand=fields`)).json.value as { lastModifiedBy: { user: { email: string } }; fields: Record<string, unknown> }[];
      return versions.reverse().map((v) => `${String(v.fields.Status)} by ${v.lastModifiedBy.user.email.toLowerCase()}`);
    };
    expect(await versionsOf('Improvement Register', 'IMP-014')).toEqual([`Under evaluation by ${demo.tom}`, `Approved by ${demo.raj}`, `In progress by ${demo.marcus}`]);
    expect(await versionsOf('Risk Register', 'RSK-006')).toEqual([`Assessed by ${demo.tom}`, `Accepted by ${demo.raj}`]);
    const act141 = await versionsOf('Actions', 'ACT-0141');
    expect(act141.slice(0, 3)).toEqual([`In progress by ${demo.tom}`, `Completed by ${demo.david}`, `Verified by ${demo.tom}`]);
    // The next nonconformity raised this year is NC-<year>-004 (issue 12's story).
    const sequences = (await graph(demo.tom, `/sites/${siteId}/lists/SMS Sequences/items?$expand=fields&$top=500`)).json.value as { fields: Record<string, unknown> }[];
    const year = new Date().getUTCFullYear();
    expect(sequences.find((s) => s.fields.SequenceName === `NC-${year}`)?.fields.NextNumber).toBe(4);
  });

  it('names a decision the author wrote for her approver, and an audit entry an employee forged and edited (exit 1)', async () => {
    // Priya writes the pending approval decision on SMS-PLN-001 herself.
    const approvals = await graph(demo.priya, `/sites/${siteId}/lists/Document Approvals/items?$expand=fields&$top=500`);
    const pending = (approvals.json.value as { id: string; fields: Record<string, unknown> }[]).find((i) => String(i.fields.Title).startsWith('SMS-PLN-001 ') && i.fields.Step === 'Approval' && i.fields.Decision === 'Pending');
    expect(approvals.status, JSON.stringify(approvals.json).slice(0, 300)).toBe(200);
    expect(pending).toBeTruthy();
    const forged = await graph(demo.priya, `/sites/${siteId}/lists/Document Approvals/items/${pending!.id}/fields`, { method: 'PATCH', body: { Decision: 'Approved' } });
    expect(forged.status).toBe(200);
    // Jack writes an audit entry in Tom's name.
    const entry = await graph(demo.jack, `/sites/${siteId}/lists/SMS Audit Trail/items`, {
      method: 'POST',
      body: { fields: { Title: 'SMS-POL-001: Published → Withdrawn', EntityType: 'ControlledDocument', EntityRef: 'SMS-POL-001', Timestamp: new Date().toISOString(), ActorUPN: demo.tom, EventType: 'Transition', FromStatus: 'Published', ToStatus: 'Withdrawn' } },
    });
    expect(entry.status).toBe(201);
    // Nobody can write the server's stamps.
    const stamp = await graph(demo.jack, `/sites/${siteId}/lists/SMS Audit Trail/items/${String(entry.json.id)}/fields`, { method: 'PATCH', body: { AuthorLookupId: '1' } });
    expect(stamp.status).toBe(400);
    // An employee edits his own entry (the list lets him: "edit items that were created by the user").
    const edited = await graph(demo.jack, `/sites/${siteId}/lists/SMS Audit Trail/items/${String(entry.json.id)}/fields`, { method: 'PATCH', body: { Comment: 'Withdrawn by the SMS manager.' } });
    expect(edited.status).toBe(200);

    const { code, lines } = await run();
    expect(code).toBe(1);
    expect(lines.find((l) => l.startsWith('SMS-PLN-001 '))).toMatch(/written by Priya Nair, not by its approver Eleanor Marsh/);
    expect(lines.filter((l) => l.startsWith('SMS-POL-001'))).toEqual([
      expect.stringMatching(/names tom\.whitaker@.* as actor but was created by jack\.turner@/),
      expect.stringMatching(/was edited after it was written \(by jack\.turner@/),
    ]);
    expect(lines.at(-1)).toMatch(/3 finding\(s\)$/);
  }, 120_000);

  it('names acknowledgements written for someone else or changed, and waivers and statuses without evidence (exit 1)', async () => {
    const requests = await graph(demo.tom, `/sites/${siteId}/lists/Acknowledgement Requests/items?$expand=fields&$top=500`);
    const requestOf = (upn: string, docId: string) => (requests.json.value as { id: string; fields: Record<string, unknown> }[]).find((i) => i.fields.UserUPN === upn && i.fields.DocId === docId)!;
    const jacks = requestOf(demo.jack, 'SMS-POL-001').fields;
    const ackBody = (r: Record<string, unknown>) => ({
      fields: { Title: 'forged', AckKey: r.RequestKey, DocumentVersionId: r.DocumentVersionId, DocId: r.DocId, VersionLabel: r.VersionLabel, UserId: r.UserId, UserUPN: r.UserUPN, AcknowledgedOn: new Date().toISOString(), AttestationText: 'I have read it.' },
    });
    // An employee can add acknowledgements (the list grants staff "Add only") but never change one.
    const bySofia = await graph(demo.sofia, `/sites/${siteId}/lists/Acknowledgements/items`, { method: 'POST', body: ackBody(jacks) });
    expect(bySofia.status).toBe(201);
    const changed = await graph(demo.sofia, `/sites/${siteId}/lists/Acknowledgements/items/${String(bySofia.json.id)}/fields`, { method: 'PATCH', body: { AttestationText: 'Changed.' } });
    expect(changed.status).toBe(403);
    // Nor write a request.
    const request = await graph(demo.sofia, `/sites/${siteId}/lists/Acknowledgement Requests/items/${requestOf(demo.sofia, 'SMS-POL-001').id}/fields`, { method: 'PATCH', body: { RequestStatus: 'Acknowledged' } });
    expect(request.status).toBe(403);
    // The SMS manager (Full Control) changes Aisha's acknowledgement of SMS-POL-001.
    const acks = await graph(demo.tom, `/sites/${siteId}/lists/Acknowledgements/items?$expand=fields&$top=500`);
    const aishas = (acks.json.value as { id: string; fields: Record<string, unknown> }[]).find((i) => i.fields.UserUPN === demo.aisha && i.fields.DocId === 'SMS-POL-001')!;
    expect((await graph(demo.tom, `/sites/${siteId}/lists/Acknowledgements/items/${aishas.id}/fields`, { method: 'PATCH', body: { AcknowledgedOn: '2020-01-01T00:00:00Z' } })).status).toBe(200);
    // The document controller waives Ben's overdue request and marks Sofia's as acknowledged.
    expect((await graph(demo.priya, `/sites/${siteId}/lists/Acknowledgement Requests/items/${requestOf(demo.ben, 'SMS-POL-002').id}/fields`, { method: 'PATCH', body: { RequestStatus: 'Waived', StatusReason: 'On leave.' } })).status).toBe(200);
    expect((await graph(demo.priya, `/sites/${siteId}/lists/Acknowledgement Requests/items/${requestOf(demo.sofia, 'SMS-POL-001').id}/fields`, { method: 'PATCH', body: { RequestStatus: 'Acknowledged' } })).status).toBe(200);

    const { code, lines } = await run();
    expect(code).toBe(1);
    const ackLines = lines.filter((l) => /acknowledg|waived/i.test(l) && !l.includes('audit entry'));
    expect(ackLines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`^SMS-POL-001 3\\.0 \\(${demo.jack.replace(/\./g, '\\.')}\\): acknowledgement was created by ${demo.sofia.replace(/\./g, '\\.')}, not by the person it names$`)),
        expect.stringMatching(new RegExp(`^SMS-POL-001 3\\.0 \\(${demo.aisha.replace(/\./g, '\\.')}\\): acknowledgement was changed after it was written \\(by ${demo.tom.replace(/\./g, '\\.')}\\)$`)),
        expect.stringMatching(new RegExp(`^SMS-POL-002 4\\.0 \\(${demo.ben.replace(/\./g, '\\.')}\\): request was waived by ${demo.priya.replace(/\./g, '\\.')}, who is not an SMS manager$`)),
        expect.stringMatching(new RegExp(`^SMS-POL-001 3\\.0 \\(${demo.sofia.replace(/\./g, '\\.')}\\): request is marked Acknowledged but no acknowledgement by the person backs it$`)),
        // Aisha's changed acknowledgement no longer counts, so her acknowledged request has nothing behind it.
        expect.stringMatching(new RegExp(`^SMS-POL-001 3\\.0 \\(${demo.aisha.replace(/\./g, '\\.')}\\): request is marked Acknowledged but no acknowledgement by the person backs it$`)),
      ]),
    );
    expect(ackLines, ackLines.join('\n')).toHaveLength(5);
  }, 120_000);

  it('names register and action transitions written by the wrong person, from the version stamps and Planner (exit 1)', async () => {
    const items = async (list: string) => (await graph(demo.tom, `/sites/${siteId}/lists/${list}/items?$expand=fields&$top=500`)).json.value as { id: string; fields: Record<string, unknown> }[];
    const byRef = (all: { id: string; fields: Record<string, unknown> }[], ref: string) => all.find((i) => i.fields.Ref === ref)!;
    const write = async (upn: string, list: string, id: string, fields: Record<string, unknown>) => {
      const res = await graph(upn, `/sites/${siteId}/lists/${list}/items/${id}/fields`, { method: 'PATCH', body: fields });
      expect(res.status, JSON.stringify(res.json).slice(0, 300)).toBe(200);
    };
    /** Sets a Planner task's percentComplete as `upn`, with the task's eTag (Planner stamps completedBy with the caller). */
    const plannerProgress = async (upn: string, taskId: string, percentComplete: number) => {
      const task = await graph(upn, `/planner/tasks/${taskId}`);
      const res = await graph(upn, `/planner/tasks/${taskId}`, { method: 'PATCH', body: { percentComplete }, headers: { 'If-Match': String(task.json['@odata.etag']), Prefer: 'return=representation' } });
      expect(res.status, JSON.stringify(res.json).slice(0, 300)).toBeLessThan(300);
    };
    const [ncs, risks, improvements, actions] = await Promise.all(['Nonconformities', 'Risk Register', 'Improvement Register', 'Actions'].map(items));

    // NC-2025-003: Tom, the assignee of its effectiveness-check action ACT-0144, records the result; David, its owner, closes it.
    const nc = byRef(ncs!, 'NC-2025-003');
    await write(demo.tom, 'Nonconformities', nc.id, { Status: 'Effectiveness check', EffectivenessResult: 'Not effective' });
    await write(demo.david, 'Nonconformities', nc.id, { Status: 'Closed', EffectivenessResult: 'Effective' });
    // Marcus accepts his own RSK-003 (residual 12: top management only); Tom accepts RSK-001 (residual 9: within his authority).
    await write(demo.marcus, 'Risk Register', byRef(risks!, 'RSK-003').id, { Status: 'Accepted', AcceptedOn: '2026-01-01T00:00:00Z' });
    await write(demo.tom, 'Risk Register', byRef(risks!, 'RSK-001').id, { Status: 'Accepted' });
    // Tom approves IMP-017 at a cost above his threshold (5,000).
    await write(demo.tom, 'Improvement Register', byRef(improvements!, 'IMP-017').id, { CostEstimate: 9000, Decision: 'Approved', Status: 'Approved' });
    // David verifies his own completed ACT-0143.
    await write(demo.david, 'Actions', byRef(actions!, 'ACT-0143').id, { Status: 'Verified' });
    // Tom marks David's ACT-0142 Completed, its Planner task untouched (50 %).
    await write(demo.tom, 'Actions', byRef(actions!, 'ACT-0142').id, { Status: 'Completed' });
    // Marcus completes ACT-0150 in Planner and Tom's sync copies it: the task's completedBy backs it (not reported).
    const act150 = byRef(actions!, 'ACT-0150');
    await plannerProgress(demo.marcus, String(act150.fields.PlannerTaskId), 100);
    await write(demo.tom, 'Actions', act150.id, { Status: 'Completed' });
    // Tom completes Marcus's ACT-0162 in Planner himself and writes it to the list.
    const act162 = byRef(actions!, 'ACT-0162');
    await plannerProgress(demo.tom, String(act162.fields.PlannerTaskId), 100);
    await write(demo.tom, 'Actions', act162.id, { Status: 'Completed' });

    const { code, lines } = await run();
    expect(code).toBe(1);
    const mine = lines.filter((l) => /^(NC-|RSK-|IMP-|ACT-)/.test(l));
    const upn = (u: string) => u.replace(/\./g, '\\.');
    const version = String.raw`\(version \d+\.0\)`;
    expect(mine, lines.join('\n')).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`^NC-2025-003 ${version}: moved to Closed and EffectivenessResult "Effective" recorded by ${upn(demo.david)}, its owner`)),
        expect.stringMatching(new RegExp(`^NC-2025-003 ${version}: EffectivenessResult "Not effective" recorded by ${upn(demo.tom)}, an assignee of its actions`)),
        expect.stringMatching(new RegExp(`^RSK-003 ${version}: accepted at residual score 12 by ${upn(demo.marcus)}, without the authority to accept it \\(needs top management\\)$`)),
        expect.stringMatching(new RegExp(`^IMP-017 ${version}: decision "Approved" on an estimated cost of 9000 written by ${upn(demo.tom)}, above their authority \\(needs top management\\)$`)),
        expect.stringMatching(new RegExp(`^ACT-0143 ${version}: verified by its assignee ${upn(demo.david)}`)),
        expect.stringMatching(new RegExp(`^ACT-0142 ${version}: marked Completed by ${upn(demo.tom)}, not by its assignee ${upn(demo.david)}, and its Planner task is not complete$`)),
        expect.stringMatching(new RegExp(`^ACT-0162 ${version}: marked Completed by ${upn(demo.tom)}, not by its assignee ${upn(demo.marcus)}, and its Planner task was completed by ${upn(demo.tom)}$`)),
      ]),
    );
    // Nothing about RSK-001 (accepted within Tom's authority) or ACT-0150 (completed in Planner by its assignee).
    expect(mine, mine.join('\n')).toHaveLength(7);
  }, 120_000);

  it('refuses bad arguments with exit code 2', async () => {
    expect(await main(['--target', 'cloud'], {}, () => undefined)).toBe(2);
  });
});
