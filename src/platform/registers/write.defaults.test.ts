import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { f } from '../../../graph/core/filter.js';
import { listItems } from '../../../graph/lists/items.js';
import { auditTrail, nonconformities, smsSequences } from '../../../graph/schema/index.js';
import { demo } from '../../../tests/support/emulator.js';
import { startSmsEmulator, type SmsEmulator } from '../../../tests/support/smsEmulator.js';
import { loadSmsSite, type SmsSite } from '../site.js';
import { createRecord, updateRecord } from './write.js';
import { formatRef, platformWriteDeps, refSequence } from './write.defaults.js';

/** The register writer wired to the platform: Refs from `SMS Sequences`, entries in the `SMS Audit Trail`, over HTTP. */
let sms: SmsEmulator;
let site: SmsSite;
const NOW = '2031-04-02T09:15:00.000Z';

beforeAll(async () => {
  sms = await startSmsEmulator();
  site = await loadSmsSite(sms.clientAs(demo.priya), sms.siteId, sms.siteWebUrl);
}, 60_000);
afterAll(() => sms?.close());

describe('references', () => {
  it('numbers yearly registers per year and the others once, padded to the schema’s digits', () => {
    expect(formatRef(refSequence(nonconformities, 2031))).toBe('NC-2031-001');
    expect(refSequence(nonconformities, 2031).sequenceName).toBe('NC-2031');
    const risks = { ...nonconformities, key: 'risks', refPrefix: 'RSK', refFormat: { yearly: false, digits: 4 } };
    expect(formatRef({ ...refSequence(risks, 2031), nextNumber: 12 })).toBe('RSK-0012');
    expect(() => refSequence({ ...nonconformities, refPrefix: undefined }, 2031)).toThrow(/no reference prefix/);
  });
});

describe('platformWriteDeps', () => {
  it('gives consecutive Refs from SMS Sequences and writes one audit entry per write, keyed by the schema', async () => {
    const client = sms.clientAs(demo.priya);
    const deps = platformWriteDeps({ client, site, actor: { upn: demo.priya, lookupId: null }, clock: { now: () => NOW } });
    const fields = { Title: 'Change deployed without approval', Status: 'Reported', Source: 'Self-identified' } as const;
    const first = await createRecord(client, sms.siteId, nonconformities, fields, deps);
    const second = await createRecord(client, sms.siteId, nonconformities, fields, deps);
    expect([first.values.Ref, second.values.Ref]).toEqual(['NC-2031-001', 'NC-2031-002']);
    const counter = await listItems(client, sms.siteId, site.listIds[smsSequences.key]!, { filter: f.eq('fields/SequenceName', 'NC-2031'), schema: smsSequences });
    expect(counter.items.map((i) => i.fields.NextNumber)).toEqual([3]);

    await updateRecord(client, sms.siteId, nonconformities, first, { Status: 'Under review' }, deps, { comment: 'triage' });
    const trail = await listItems(client, sms.siteId, site.listIds[auditTrail.key]!, { filter: f.eq('fields/EntityRef', 'NC-2031-001'), schema: auditTrail });
    const entries = trail.items.map((i) => i.fields as Record<string, unknown>).sort((a, b) => Number(a.id) - Number(b.id));
    expect(entries.map((e) => [e.ListKey, e.EntityType, e.EventType, e.FromStatus ?? null, e.ToStatus, e.Comment ?? null, e.ActorUPN, e.EntityItemId])).toEqual([
      ['nonconformities', 'Nonconformity', 'Created', null, 'Reported', null, demo.priya, Number(first.id)],
      ['nonconformities', 'Nonconformity', 'Transition', 'Reported', 'Under review', 'triage', demo.priya, Number(first.id)],
    ]);
    expect(JSON.parse(String(entries[1]!.Details))).toEqual({ changed: ['Status'] });
  });
});
