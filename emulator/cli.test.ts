import { describe, it, expect, afterEach } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The documented command line: `npm run emulator -- --port <n> --data <dir> [--reset]`. */
const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGTERM');
});

function start(args: string[]): Promise<{ origin: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'emulator/cli.ts', ...args], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no "listening on" line; got: ${out}`)), 20_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ origin: m[1]!, child });
      }
    });
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
}

const stop = (child: ChildProcess) => new Promise<void>((r) => { child.once('exit', () => r()); child.kill('SIGTERM'); });

describe('emulator command line', () => {
  it('prints its URL, keeps data across restarts in --data, and reseeds with --reset', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sms365-cli-'));
    const first = await start(['--port', '0', '--data', dir]);
    const users = (await (await fetch(`${first.origin}/_dev/users`)).json()) as unknown[];
    expect(users).toHaveLength(16);
    const health1 = (await (await fetch(`${first.origin}/_dev/health`)).json()) as { seededAt: string };
    await stop(first.child);

    const second = await start(['--port', '0', '--data', dir]);
    const health2 = (await (await fetch(`${second.origin}/_dev/health`)).json()) as { seededAt: string };
    expect(health2.seededAt).toBe(health1.seededAt);
    await stop(second.child);

    await new Promise((r) => setTimeout(r, 5));
    const third = await start(['--port', '0', '--data', dir, '--reset']);
    const health3 = (await (await fetch(`${third.origin}/_dev/health`)).json()) as { seededAt: string };
    expect(health3.seededAt).not.toBe(health1.seededAt);
    expect(fs.existsSync(path.join(dir, 'emulator.sqlite'))).toBe(true);
  });

  it('refuses an invalid port with a clear message', async () => {
    await expect(start(['--port', 'abc', '--data', fs.mkdtempSync(path.join(os.tmpdir(), 'sms365-cli-'))])).rejects.toThrow(/invalid --port 'abc'/);
  });
});
