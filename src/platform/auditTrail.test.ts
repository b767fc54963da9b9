// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo } from '../../tests/support/emulator.js';
import { startSmsEmulator, type SmsEmulator } from '../../tests/support/smsEmulator.js';
import { appendAuditEntry, AUDIT_DEDUPE_WINDOW_MS, auditEntryExists, type AuditRecord } from './auditTrail.js';
import { loadSmsSite, type SmsSite } from './site.js';

/** The audit trail's duplicate check against the provisioned SMS site over HTTP. */
let sms: SmsEmulator;
let site: SmsSite;

const entry = (over: Partial<AuditRecord> = {}): AuditRecord => ({
  listKey: 'nonconformities',
  entityType: 'Nonconformity',
  entityRef: 'NC-2031-007',
  entityItemId: 7,
  eventType: 'Transition',
  at: '2031-06-15T09:30:00Z',
  fromStatus: 'Open',
  toStatus: 'Closed',
  comment: null,
  actor: { upn: demo.tom, lookupId: null },
  ...over,
});

beforeAll(async () => {
  sms = await startSmsEmulator();
  site = await loadSmsSite(sms.clientAs(demo.tom), sms.siteId, sms.siteWebUrl);
  await appendAuditEntry(sms.clientAs(demo.tom), site, entry());
}, 60_000);
afterAll(async () => {
  await sms.close();
});

describe('auditEntryExists', () => {
  it('finds the same entry within the window, and not outside it or for another record', async () => {
    const tom = sms.clientAs(demo.tom);
    const later = (ms: number) => new Date(Date.parse(entry().at) + ms).toISOString();
    expect(await auditEntryExists(tom, site, entry({ at: later(AUDIT_DEDUPE_WINDOW_MS - 1000) }))).toBe(true);
    expect(await auditEntryExists(tom, site, entry({ at: later(AUDIT_DEDUPE_WINDOW_MS + 60_000) }))).toBe(false);
    expect(await auditEntryExists(tom, site, entry({ entityRef: 'NC-2031-008' }))).toBe(false);
  });

  it('with a scope, counts the entry once per cycle of the record, however late the check comes', async () => {
    const tom = sms.clientAs(demo.tom);
    const ref = 'NC-2031-009';
    const month = (n: number) => ({ entityRef: ref, at: `2031-0${n}-01T09:00:00Z` });
    const scope = { afterToStatus: 'Open', since: null };
    // Cycle 1: opened, then closed. Cycle 2: opened again (and not closed yet).
    await appendAuditEntry(tom, site, entry({ ...month(1), fromStatus: null, toStatus: 'Open' }));
    await appendAuditEntry(tom, site, entry({ ...month(2) }));
    await appendAuditEntry(tom, site, entry({ ...month(3), fromStatus: 'Closed', toStatus: 'Open' }));
    // Months later, the closing of cycle 2 is not there yet: the closing of cycle 1 does not count.
    const closing = entry({ entityRef: ref, at: '2031-09-01T09:00:00Z' });
    expect(await auditEntryExists(tom, site, closing, undefined, scope)).toBe(false);
    expect(await appendAuditEntry(tom, site, closing, { dedupe: true, dedupeScope: scope })).toBe(true);
    // Once written, it is found whatever time a retry gives it.
    expect(await appendAuditEntry(tom, site, { ...closing, at: '2031-12-24T09:00:00Z' }, { dedupe: true, dedupeScope: scope })).toBe(false);
  });

  it('filters on one indexed field (EntityRef) and checks the time on the returned rows', async () => {
    await sms.emu.clearRequestLog();
    await auditEntryExists(sms.clientAs(demo.tom), site, entry());
    const filters = (await sms.emu.requestLog()).map((e) => new URLSearchParams(e.path.split('?')[1] ?? '').get('$filter')).filter(Boolean);
    expect(filters).toEqual(["fields/EntityRef eq 'NC-2031-007'"]);
  });
});
