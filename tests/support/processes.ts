import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startTestEmulator, type TestEmulator } from './emulator.js';
import type { FaultConfig } from '../../emulator/core/faults.js';
import { serveApp } from '../../scripts/serve-app.js';
import { emulatorRuntimeConfig } from '../../scripts/runtime-config.js';

/**
 * Processes for end-to-end tests: the built app served statically (as a deployment would serve
 * it) plus an emulator, both in-process on port 0 so test files never collide.
 *
 * The app is built once per run: the e2e project's global setup calls `ensureAppBuilt()`, which
 * runs `vite build` only when `dist/` is missing or older than an input of the build. `npm test`
 * builds before vitest runs, so there it is a no-op; `npm run test:e2e` alone stays correct.
 */
export const PROJECT_ROOT = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const DIST_DIR = path.join(PROJECT_ROOT, 'dist');

/** Files and folders whose change makes `dist/` stale. */
const BUILD_INPUTS = ['src', 'graph', 'webparts', 'index.html', 'vite.config.ts', 'scripts/runtime-config.ts', 'package-lock.json'];

function newestMtime(p: string): number {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(p)) newest = Math.max(newest, newestMtime(path.join(p, entry)));
  return newest;
}

/** True when `dist/index.html` exists and is newer than every build input. */
export function appBuildIsFresh(): boolean {
  const built = newestMtime(path.join(DIST_DIR, 'index.html'));
  if (!built) return false;
  return BUILD_INPUTS.every((input) => newestMtime(path.join(PROJECT_ROOT, input)) <= built);
}

/** Runs `vite build` (in a child process) unless `dist/` is fresh. */
export async function ensureAppBuilt(): Promise<void> {
  if (appBuildIsFresh()) return;
  const vite = path.join(PROJECT_ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  await new Promise<void>((resolve, reject) => {
    // vitest sets NODE_ENV=test, which Vite would keep: React's development build (StrictMode double effects) would ship.
    const env = { ...process.env, NODE_ENV: 'production' };
    const child = spawn(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`vite build failed (exit ${code}):\n${output}`))));
  });
}

export interface AppStack {
  /** Where the browser opens the app, e.g. `http://127.0.0.1:53011/`. */
  appUrl: string;
  /** The emulator the app talks to (tokens, Graph calls, `/_dev/*` controls, request log). */
  emulator: TestEmulator;
  close(): Promise<void>;
}

/** Starts a fresh in-memory emulator and serves `dist/` with a runtime config pointing at it. */
export async function startAppStack(opts: { faults?: Partial<FaultConfig>; now?: () => Date } = {}): Promise<AppStack> {
  const emulator = await startTestEmulator({ faults: opts.faults, now: opts.now });
  try {
    const app = await serveApp({ distDir: DIST_DIR, runtimeConfig: emulatorRuntimeConfig(emulator.origin) });
    return {
      appUrl: `${app.url}/`,
      emulator,
      async close() {
        await Promise.allSettled([app.close(), emulator.close()]);
      },
    };
  } catch (e) {
    await emulator.close();
    throw e;
  }
}
