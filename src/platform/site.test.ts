import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demo } from '../../tests/support/emulator.js';
import { startSmsEmulator, type SmsEmulator } from '../../tests/support/smsEmulator.js';
import { SMS_LISTS } from '../../graph/schema/index.js';
import { ListNotProvisionedError, listIdOf, loadSmsSite } from './site.js';

let sms: SmsEmulator;
beforeAll(async () => {
  sms = await startSmsEmulator();
}, 60_000);
afterAll(() => sms?.close());

describe('loadSmsSite', () => {
  it('reads every list id by schema key, the library drive and the group, in at most three sequential round trips', async () => {
    sms.emu.emulator.emu.requests.clear();
    const site = await loadSmsSite(sms.clientAs(demo.tom), sms.siteId, sms.siteWebUrl);
    const log = sms.emu.emulator.emu.requests.list().filter((e) => e.path.startsWith('/v1.0/') && !e.inBatch);
    expect(log.length).toBeLessThanOrEqual(5);

    const raw = (await (await sms.emu.graph(demo.tom, `/sites/${sms.siteId}/lists?$select=id,displayName&$top=999`)).json()) as { value: { id: string; displayName: string }[] };
    for (const list of SMS_LISTS) expect(site.listIds[list.key], list.key).toBe(raw.value.find((l) => l.displayName === list.displayName)!.id);
    const drive = (await (await sms.emu.graph(demo.tom, `/sites/${sms.siteId}/lists/SMS Documents/drive`)).json()) as { id: string };
    expect(site.documentsDriveId).toBe(drive.id);
    const groups = (await (await sms.emu.graph(demo.tom, `/groups?$filter=displayName eq 'Kestrel SMS'`)).json()) as { value: { id: string }[] };
    expect(site.groupId).toBe(groups.value[0]!.id);
    expect(site).toMatchObject({ siteId: sms.siteId, webUrl: sms.siteWebUrl });
  });

  it('names the missing list when a key is not provisioned', () => {
    expect(() => listIdOf({ listIds: {} }, 'auditTrail')).toThrow(ListNotProvisionedError);
    expect(() => listIdOf({ listIds: {} }, 'auditTrail')).toThrow(/SMS Audit Trail/);
  });
});
