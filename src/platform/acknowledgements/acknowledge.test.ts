import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDemoContent } from '../../../scripts/demo/firstStart.js';
import { demo, startTestEmulator, type TestEmulator } from '../../../tests/support/emulator.js';
import { loadSmsSite, type SmsSite } from '../site.js';
import { acknowledge, AcknowledgementRefusedError } from './acknowledge.js';
import { loadMyAcknowledgements, loadReleaseAcknowledgements } from './read.js';

/**
 * Exactly one acknowledgement per person and release, against the demo tenant in the emulator over HTTP: Jack's
 * open request for SMS-POL-001 3.0 (issue 11, "Exactly once").
 */
let emu: TestEmulator;
let site: SmsSite;
const TODAY = new Date().toISOString().slice(0, 10);
const HASH = 'ab'.repeat(32);

async function setFaults(patch: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${emu.origin}/_dev/faults`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(patch) });
  if (!res.ok) throw new Error(`faults: ${res.status}`);
}

async function userIdOf(upn: string): Promise<string> {
  const res = await emu.graph(upn, '/me?$select=id');
  return ((await res.json()) as { id: string }).id;
}

async function openRequest(upn: string, docId: string) {
  const mine = await loadMyAcknowledgements(emu.client(upn), site, upn, { today: TODAY });
  const view = mine.views.find((v) => v.request.docId === docId && (v.status === 'Pending' || v.status === 'Overdue'));
  if (!view) throw new Error(`${upn} has no open request for ${docId}`);
  return view.request;
}

beforeAll(async () => {
  emu = await startTestEmulator();
  await ensureDemoContent({ origin: emu.origin, graphBaseUrl: `${emu.origin}/v1.0`, log: () => undefined });
  const found = (await (await emu.graph(demo.tom, '/sites/kestrelms.sharepoint.com:/sites/KestrelSMS')).json()) as { id: string; webUrl: string };
  site = await loadSmsSite(emu.client(demo.jack), found.id, found.webUrl);
}, 240_000);
afterAll(() => emu?.close());

describe('acknowledge', () => {
  it('writes one acknowledgement however many times Jack clicks at once, in two tabs', async () => {
    const request = await openRequest(demo.jack, 'SMS-POL-001');
    const person = { userId: await userIdOf(demo.jack), upn: demo.jack };
    const what = { attestation: 'I have read and understood version 3.0 of SMS-POL-001 Service Management Policy.', fileHash: HASH };
    const tabs = [emu.client(demo.jack), emu.client(demo.jack)];
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => acknowledge(tabs[i % 2]!, site, person, request, what, { now: new Date().toISOString() })));
    expect(results.filter((r) => !r.already)).toHaveLength(1);
    expect(new Set(results.map((r) => r.ack.id)).size).toBe(1);

    const release = await loadReleaseAcknowledgements(emu.client(demo.tom), site, request.releaseId, { today: TODAY });
    const jacks = release.acks.filter((a) => a.userUpn === demo.jack);
    expect(jacks).toHaveLength(1);
    expect(jacks[0]).toMatchObject({ versionLabel: '3.0', fileHash: HASH, attestation: what.attestation });
    expect(jacks[0]!.stamp.createdById?.toLowerCase()).toBe(person.userId.toLowerCase());
    expect(release.views.find((v) => v.request.userUpn === demo.jack)?.status).toBe('Acknowledged');
  }, 60_000);

  it('finishes after a timeout that hid a landed create, without a second item', async () => {
    const request = await openRequest(demo.jack, 'SMS-POL-002');
    const person = { userId: await userIdOf(demo.jack), upn: demo.jack };
    await setFaults({ failAfterCommitCount: 1 });
    try {
      const result = await acknowledge(emu.client(demo.jack), site, person, request, { attestation: 'I have read and understood version 4.0 of SMS-POL-002.', fileHash: HASH }, { now: new Date().toISOString() });
      expect(result.already).toBe(false);
    } finally {
      await setFaults({ failAfterCommitCount: 0 });
    }
    const release = await loadReleaseAcknowledgements(emu.client(demo.tom), site, request.releaseId, { today: TODAY });
    expect(release.acks.filter((a) => a.userUpn === demo.jack)).toHaveLength(1);
  }, 60_000);

  it("refuses to acknowledge someone else's request, and writes nothing", async () => {
    const sofias = await openRequest(demo.sofia, 'SMS-POL-001');
    const jack = { userId: await userIdOf(demo.jack), upn: demo.jack };
    await expect(acknowledge(emu.client(demo.jack), site, jack, sofias, { attestation: 'I have read it.', fileHash: HASH }, { now: new Date().toISOString() })).rejects.toMatchObject({
      name: 'AcknowledgementRefusedError',
      code: 'notOwnRequest',
    });
    const release = await loadReleaseAcknowledgements(emu.client(demo.tom), site, sofias.releaseId, { today: TODAY });
    expect(release.acks.filter((a) => a.userUpn === demo.sofia)).toEqual([]);
  });

  it('refuses without the statement and the hash of what was shown', async () => {
    const sofias = await openRequest(demo.sofia, 'SMS-POL-001');
    const sofia = { userId: await userIdOf(demo.sofia), upn: demo.sofia };
    const refused = acknowledge(emu.client(demo.sofia), site, sofia, sofias, { attestation: 'I have read it.', fileHash: '' }, { now: new Date().toISOString() });
    await expect(refused).rejects.toBeInstanceOf(AcknowledgementRefusedError);
    await expect(refused).rejects.toMatchObject({ code: 'attestationMissing' });
  });

  it('tells the person when an acknowledgement under their name was written by someone else, and does not count it', async () => {
    const sofias = await openRequest(demo.sofia, 'SMS-POL-001');
    // Omar (any member of staff may add items) writes one in Sofia's name with her key.
    const forged = await emu.graph(demo.omar, `/sites/${site.siteId}/lists/${site.listIds.acknowledgements}/items`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ fields: { Title: 'x', AckKey: sofias.key, DocumentVersionId: sofias.releaseId, DocId: sofias.docId, VersionLabel: sofias.versionLabel, UserId: sofias.userId, UserUPN: sofias.userUpn, AcknowledgedOn: new Date().toISOString() } }),
    });
    expect(forged.status).toBe(201);
    const sofia = { userId: await userIdOf(demo.sofia), upn: demo.sofia };
    await expect(acknowledge(emu.client(demo.sofia), site, sofia, sofias, { attestation: 'I have read it.', fileHash: HASH }, { now: new Date().toISOString() })).rejects.toMatchObject({ code: 'notOwnAcknowledgement' });
    const release = await loadReleaseAcknowledgements(emu.client(demo.tom), site, sofias.releaseId, { today: TODAY });
    expect(release.views.find((v) => v.request.userUpn === demo.sofia)?.status).toBe('Overdue');
  });
});
