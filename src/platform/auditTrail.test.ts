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

  it('filters on one indexed field (EntityRef) and checks the time on the returned rows', async () => {
    await sms.emu.clearRequestLog();
    await auditEntryExists(sms.clientAs(demo.tom), site, entry());
    const filters = (await sms.emu.requestLog()).map((e) => new URLSearchParams(e.path.split('?')[1] ?? '').get('$filter')).filter(Boolean);
    expect(filters).toEqual(["fields/EntityRef eq 'NC-2031-007'"]);
  });
});
