import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestEmulator, demo, type TestEmulator } from '../tests/support/emulator.js';
import { JOBS_APP_ID, JOBS_APP_NAME, JOBS_APP_PEM_PATH, registerJobsApp } from '../tests/support/appOnly.js';
import { getAllValues, smsGroupId, smsSiteId, SMS_SITE_URL } from '../tests/support/provisionTestkit.js';
import { SMS_LISTS } from '../graph/schema/index.js';
import { TENANT } from '../emulator/seed/tenant.js';
import { main } from './provision.js';

/**
 * `npm run provision` signed in app-only (client credentials with a certificate), the way a pipeline runs
 * it on a real tenant, against the emulator's token endpoint: the jobs app holds Sites.Selected (a grant
 * on the SMS site only), GroupMember.Read.All and Tasks.ReadWrite.All.
 */
let emu: TestEmulator;
beforeAll(async () => {
  emu = await startTestEmulator();
  await registerJobsApp(emu.origin, ['Sites.Selected', 'GroupMember.Read.All', 'Tasks.ReadWrite.All'], TENANT.domain);
});
afterAll(() => emu.close());

const env = () => ({ EMULATOR_URL: emu.origin, AZURE_TENANT_ID: TENANT.domain, AZURE_CLIENT_ID: JOBS_APP_ID, AZURE_CLIENT_CERTIFICATE_PATH: JOBS_APP_PEM_PATH });
const run = async () => {
  const lines: string[] = [];
  const errors = vi.spyOn(console, 'error').mockImplementation((line: string) => void lines.push(line));
  try {
    const code = await main(['--site', SMS_SITE_URL, '--target', 'emulator'], env(), (line) => lines.push(line));
    return { code, out: lines.join('\n') };
  } finally {
    errors.mockRestore();
  }
};

describe('npm run provision, app-only', () => {
  it('fails with 403 until the site grants the app a role, then provisions everything as the application', async () => {
    const denied = await run();
    expect(denied.code).toBe(1);
    expect(denied.out).toMatch(/Access denied/);

    const siteId = await smsSiteId(emu);
    const asManager = { scopes: ['Sites.FullControl.All'] };
    const granted = await emu.graph(demo.tom, `/sites/${siteId}/permissions`, {
      ...asManager, method: 'POST', body: JSON.stringify({ roles: ['write'], grantedToIdentities: [{ application: { id: JOBS_APP_ID, displayName: JOBS_APP_NAME } }] }),
    });
    const { id } = (await granted.json()) as { id: string };
    await emu.graph(demo.tom, `/sites/${siteId}/permissions/${id}`, { ...asManager, method: 'PATCH', body: JSON.stringify({ roles: ['manage'] }) });

    const done = await run();
    expect(done.code, done.out).toBe(0);
    expect(done.out).toContain(`signed in app-only as ${JOBS_APP_ID}`);

    const lists = await getAllValues(emu, `/sites/${siteId}/lists?$select=displayName,createdBy`);
    for (const l of SMS_LISTS) expect(lists.map((x) => x.displayName)).toContain(l.displayName);
    const plans = await getAllValues(emu, `/groups/${await smsGroupId(emu)}/planner/plans`);
    expect(plans.find((p) => p.title === 'SMS Actions')?.createdBy).toEqual({ application: { id: JOBS_APP_ID, displayName: JOBS_APP_NAME } });
  });

  it('exits 2 naming what is missing when only some of the app-only settings are given', async () => {
    const errors: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((m: unknown) => void errors.push(String(m)));
    try {
      const code = await main(['--site', 'https://contoso.sharepoint.com/sites/SMS', '--target', 'graph'], { AZURE_CLIENT_ID: JOBS_APP_ID }, () => {});
      expect(code).toBe(2);
      expect(errors.join('\n')).toContain('App-only sign-in needs AZURE_TENANT_ID, AZURE_CLIENT_CERTIFICATE_PATH as well.');
    } finally {
      spy.mockRestore();
    }
  });
});
