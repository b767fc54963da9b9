import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createServer } from 'vite';
import { startEmulator, type RunningEmulator } from '../emulator/server.js';
import { EMULATED_CLOUDS, type EmulatedCloud } from '../emulator/core/nationalCloud.js';
import { faultsFromEnv } from '../emulator/core/faults.js';
import { sms365ViteConfig } from '../vite.config.js';
import { emulatorRuntimeConfig } from './runtime-config.js';
import { ensureDemoContent } from './demo/firstStart.js';
import { cloudFeatures } from '../src/app/config.js';

/**
 * `npm start [-- --port <emulator port>] [--data <dir>] [--reset] [--app-port <port>] [--no-demo] [--cloud global|china]`
 * (`--cloud china`: the emulator answers as Microsoft Graph China operated by 21Vianet, and the app
 * is configured for that cloud; see docs/deploy.md "National clouds").
 *
 * Starts the Microsoft 365 emulator in-process (port 4000 or --port / EMULATOR_PORT, data in
 * .data/emulator, seeded with the demo tenant on first start) and the Vite dev server (port 5173
 * or the next free one), which serves `/sms365.config.json` pointing the app at the emulator.
 * On first start it also provisions the demo SMS site and seeds the demo content (scripts/demo);
 * later starts see the `DemoSeeded` marker and skip it. `--no-demo` skips it altogether.
 * Ctrl+C stops both.
 */
const USAGE = 'usage: npm start -- [--port <emulator port>] [--data <dir>] [--reset] [--app-port <port>] [--no-demo] [--cloud global|china]';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.EMULATOR_PORT ?? '4000' },
    data: { type: 'string', default: process.env.EMULATOR_DATA ?? '.data/emulator' },
    reset: { type: 'boolean', default: false },
    'app-port': { type: 'string', default: process.env.APP_PORT ?? '5173' },
    'no-demo': { type: 'boolean', default: false },
    cloud: { type: 'string', default: process.env.EMULATOR_CLOUD ?? 'global' },
    help: { type: 'boolean', default: false },
  },
  strict: true,
});

if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

function portArg(name: string, raw: string): number {
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`invalid ${name} '${raw}'\n${USAGE}`);
    process.exit(2);
  }
  return port;
}

const emulatorPort = portArg('--port', values.port);
const appPort = portArg('--app-port', values['app-port']);
if (!(EMULATED_CLOUDS as readonly string[]).includes(values.cloud)) {
  console.error(`invalid --cloud '${values.cloud}'\n${USAGE}`);
  process.exit(2);
}
const cloud = values.cloud as EmulatedCloud;
const dataDir = path.resolve(values.data);
const firstStart = values.reset || !fs.existsSync(path.join(dataDir, 'emulator.sqlite'));

let emulator: RunningEmulator;
try {
  emulator = await startEmulator({ port: emulatorPort, dataDir, reset: values.reset, faults: faultsFromEnv(process.env), cloud });
} catch (e) {
  const err = e as NodeJS.ErrnoException;
  if (err.code === 'EADDRINUSE') {
    console.error(`Port ${emulatorPort} is already in use. Stop whatever uses it, or run: npm start -- --port <free port>`);
  } else {
    console.error(`The emulator failed to start: ${err.message}`);
  }
  process.exit(1);
}

let demoNote = '';
if (!values['no-demo']) {
  try {
    const demo = await ensureDemoContent({ origin: emulator.origin, graphBaseUrl: emulator.graphBaseUrl, planner: cloudFeatures({ cloud }).planner, log: (line) => console.log(line) });
    if (!demo.alreadyDone) demoNote = `   (provisioned and seeded the demo content: ${demo.requests} requests, ${(demo.milliseconds / 1000).toFixed(1)} s)`;
  } catch (e) {
    console.error(`Seeding the demo content failed: ${(e as Error).message}\nThe app starts anyway; run npm start again to finish the seed (it continues where it stopped).`);
  }
}

const vite = await createServer({
  ...sms365ViteConfig(() => emulatorRuntimeConfig(emulator.origin, { cloud })),
  configFile: false,
  server: { port: appPort, strictPort: false },
});
await vite.listen();
const appUrl = vite.resolvedUrls?.local[0] ?? `http://localhost:${appPort}/`;

console.log(`
  sms365 is running: open ${appUrl} and sign in as a demo user.

  App (Vite dev server)     ${appUrl}
  Microsoft 365 emulator    ${emulator.origin}   (Graph: ${emulator.graphBaseUrl})
  Emulator data             ${path.relative(process.cwd(), dataDir) || '.'}${firstStart ? '   (seeded the demo tenant)' : ''}${demoNote}

  Press Ctrl+C to stop.
`);

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping sms365…');
  await Promise.allSettled([vite.close(), emulator.close()]);
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
