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

async function graph(upn: string, path: string, init: { method?: string; body?: unknown } = {}): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await emu.graph(upn, path, { method: init.method ?? 'GET', ...(init.body === undefined ? {} : { body: JSON.stringify(init.body), headers: { 'content-type': 'application/json' } }) });
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

  it('refuses bad arguments with exit code 2', async () => {
    expect(await main(['--target', 'cloud'], {}, () => undefined)).toBe(2);
  });
});
