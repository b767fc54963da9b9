import { parseArgs } from 'node:util';
import path from 'node:path';
import { startEmulator } from './server.js';
import { faultsFromEnv, type FaultConfig } from './core/faults.js';

/**
 * `npm run emulator -- --port <n> --data <dir> [--reset] [--latency <ms>] [--failure-rate <0..1>]
 *   [--force-429 <n>] [--retry-after <s>] [--fail-after-commit <n>] [--fail-after-commit-rate <0..1>] [--fault-seed <n>]`
 * Prints `listening on http://127.0.0.1:<port>` once it accepts requests.
 */
export const DEFAULT_PORT = 4000;

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.EMULATOR_PORT ?? String(DEFAULT_PORT) },
    data: { type: 'string', default: process.env.EMULATOR_DATA ?? '.data/emulator' },
    reset: { type: 'boolean', default: false },
    latency: { type: 'string' },
    'failure-rate': { type: 'string' },
    'force-429': { type: 'string' },
    'retry-after': { type: 'string' },
    'fail-after-commit': { type: 'string' },
    'fail-after-commit-rate': { type: 'string' },
    'fault-seed': { type: 'string' },
    help: { type: 'boolean', default: false },
  },
  strict: true,
});

if (values.help) {
  console.log('usage: npm run emulator -- --port <n> --data <dir> [--reset] [--latency <ms>] [--failure-rate <0..1>] [--force-429 <n>] [--retry-after <s>] [--fail-after-commit <n>] [--fail-after-commit-rate <0..1>] [--fault-seed <n>]');
  process.exit(0);
}

const faults: Partial<FaultConfig> = faultsFromEnv(process.env);
if (values.latency !== undefined) faults.latencyMs = Number(values.latency);
if (values['failure-rate'] !== undefined) faults.failureRate = Number(values['failure-rate']);
if (values['force-429'] !== undefined) faults.force429Count = Number(values['force-429']);
if (values['retry-after'] !== undefined) faults.retryAfterSeconds = Number(values['retry-after']);
if (values['fail-after-commit'] !== undefined) faults.failAfterCommitCount = Number(values['fail-after-commit']);
if (values['fail-after-commit-rate'] !== undefined) faults.failAfterCommitRate = Number(values['fail-after-commit-rate']);
if (values['fault-seed'] !== undefined) faults.seed = Number(values['fault-seed']);

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`invalid --port '${values.port}'`);
  process.exit(2);
}

try {
  const running = await startEmulator({ port, dataDir: path.resolve(values.data), reset: values.reset, faults });
  console.log(`listening on ${running.origin}`);
  const stop = () => {
    void running.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (e) {
  console.error(`emulator failed to start: ${(e as Error).message}`);
  process.exit(1);
}
