import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestEmulator, type TestEmulator } from '../tests/support/emulator.js';
import { SMS_LISTS } from '../graph/schema/index.js';
import { getAllValues, plannerSnapshot, requestLog, clearRequestLog, smsSiteId, writes } from '../tests/support/provisionTestkit.js';
import { appOnlyInCloud, main, parseCli } from './provision.js';

const ROOT = path.resolve(fileURLToPath(new URL('..', import.meta.url)));

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs `npx tsx scripts/provision.ts ...`; `killAfter(lines)` may return true to SIGKILL it mid-run. */
function runCli(args: string[], killAfter?: (stdout: string) => boolean): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child: ChildProcess = spawn('npx', ['tsx', 'scripts/provision.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, EMULATOR_URL: '', GRAPH_TOKEN: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
      // Own process group: npx starts tsx, which starts node; the kill must reach all of them.
      detached: true,
    });
    let stdout = '';
    let stderr = '';
    let killed = false;
    child.stdout!.on('data', (c: Buffer) => {
      stdout += c.toString();
      if (!killed && killAfter?.(stdout)) {
        killed = true;
        process.kill(-child.pid!, 'SIGKILL');
      }
    });
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

describe('npm run provision (CLI)', () => {
  let emu: TestEmulator;
  beforeAll(async () => {
    // 50 ms per Graph request, so the first run is still busy when it is killed after three steps.
    emu = await startTestEmulator({ faults: { latencyMs: 50 } });
  });
  afterAll(async () => {
    await emu.close();
  });

  it('killed halfway, then run again: finishes, and a third run prints "no changes" without writing', async () => {
    const site = `${emu.origin}/sites/KestrelSMS`;
    const progress = (out: string) => out.split('\n').filter((l) => /^\[\d+\/\d+\] .* … ok$/.test(l)).length;

    const killed = await runCli(['--site', site], (out) => progress(out) >= 3);
    expect(killed.signal, killed.stderr).toBe('SIGKILL');
    expect(killed.stdout).toMatch(/^Plan: \d+ steps/m);
    const siteId = await smsSiteId(emu);
    const partial = await getAllValues(emu, `/sites/${siteId}/lists`);
    expect(partial.length).toBeLessThan(SMS_LISTS.length);
    await fetch(`${emu.origin}/_dev/faults`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ latencyMs: 0 }) });

    const resumed = await runCli(['--site', site]);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stdout).toMatch(/^\[1\/\d+\] .* … ok$/m);
    const lists = await getAllValues(emu, `/sites/${siteId}/lists`);
    for (const l of SMS_LISTS) expect(lists.map((x) => x.displayName), l.displayName).toContain(l.displayName);
    expect((await plannerSnapshot(emu)).buckets).toEqual(['Corrective actions', 'Audit follow-up', 'Management review', 'Risk treatment', 'Objectives', 'Document reviews', 'Improvements']);

    await clearRequestLog(emu);
    const again = await runCli(['--site', site]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/no changes/);
    expect(writes(await requestLog(emu))).toEqual([]);
  });

  it('--dry-run against a fresh emulator lists the steps and changes nothing', async () => {
    const fresh = await startTestEmulator();
    try {
      await clearRequestLog(fresh);
      const run = await runCli(['--site', `${fresh.origin}/sites/KestrelSMS`, '--dry-run']);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain('  create list Nonconformities');
      expect(run.stdout).toContain('dry run: nothing was changed');
      expect(writes(await requestLog(fresh))).toEqual([]);
    } finally {
      await fresh.close();
    }
  });
});

describe('provision CLI arguments', () => {
  it('picks the target from the site URL and EMULATOR_URL', () => {
    expect(parseCli(['--site', 'http://127.0.0.1:4123/sites/KestrelSMS'], {})).toMatchObject({ target: 'emulator', emulatorOrigin: 'http://127.0.0.1:4123' });
    expect(parseCli(['--site', 'https://contoso.sharepoint.com/sites/SMS'], {})).toMatchObject({ target: 'graph', site: 'https://contoso.sharepoint.com/sites/SMS' });
    expect(parseCli(['--site', 'https://kestrelms.sharepoint.com/sites/KestrelSMS'], { EMULATOR_URL: 'http://127.0.0.1:4555' })).toMatchObject({
      target: 'emulator',
      emulatorOrigin: 'http://127.0.0.1:4555',
    });
    expect(parseCli([], {})).toMatchObject({ target: 'emulator', emulatorOrigin: 'http://127.0.0.1:4000', site: 'https://kestrelms.sharepoint.com/sites/KestrelSMS' });
    expect(parseCli(['--site', 'x', '--target', 'graph', '--dry-run', '--group', 'Kestrel SMS'], {})).toMatchObject({ target: 'graph', dryRun: true, group: 'Kestrel SMS' });
    expect(() => parseCli(['--target', 'cloud'], {})).toThrow(/emulator or graph/);
    expect(parseCli([], {})).toMatchObject({ cloud: 'global' });
    expect(parseCli(['--cloud', 'china'], {})).toMatchObject({ cloud: 'china' });
    expect(() => parseCli(['--cloud', 'usgov'], {})).toThrow(/global or china/);
    expect(() => parseCli(['--target', 'graph'], {})).toThrow(/--site is required/);
  });

  it('--target graph without GRAPH_TOKEN exits 2 and says how to get a token', async () => {
    const errors: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((m: unknown) => void errors.push(String(m)));
    try {
      const code = await main(['--site', 'https://contoso.sharepoint.com/sites/SMS', '--target', 'graph'], {}, () => {});
      expect(code).toBe(2);
      expect(errors.join('\n')).toContain('GRAPH_TOKEN is not set');
      expect(errors.join('\n')).toContain('az account get-access-token --resource-type ms-graph');
    } finally {
      spy.mockRestore();
    }
  });
});

describe('app-only sign-in per cloud', () => {
  const credentials = { tenantId: 'contoso.partner.onmschina.cn', clientId: '11111111-2222-3333-4444-555555555555', certificatePem: 'unused' };

  it('signs in at the China sign-in host for the China Graph when the cloud is china', () => {
    expect(appOnlyInCloud(credentials, 'china')).toMatchObject({ authorityHost: 'https://login.chinacloudapi.cn', scope: 'https://microsoftgraph.chinacloudapi.cn/.default' });
    expect(appOnlyInCloud(credentials, 'global')).toMatchObject({ authorityHost: 'https://login.microsoftonline.com', scope: 'https://graph.microsoft.com/.default' });
  });

  it('keeps an explicit AZURE_AUTHORITY_HOST', () => {
    expect(appOnlyInCloud({ ...credentials, authorityHost: 'https://login.example.test' }, 'china').authorityHost).toBe('https://login.example.test');
  });
});
