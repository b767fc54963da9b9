import { parseArgs } from 'node:util';
import { ensureDemoContent } from './firstStart.js';

/**
 * `npm run seed:demo [-- --origin http://127.0.0.1:4000]`
 *
 * Provisions the demo SMS site and seeds the demo content into an emulator that is already
 * running (e.g. started with `npm run emulator`). Does nothing when the content is there already;
 * after an interrupted run it continues where it stopped.
 */
const { values } = parseArgs({
  options: {
    origin: { type: 'string', default: process.env.EMULATOR_ORIGIN ?? `http://127.0.0.1:${process.env.EMULATOR_PORT ?? '4000'}` },
    help: { type: 'boolean', default: false },
  },
  strict: true,
});
if (values.help) {
  console.log('usage: npm run seed:demo -- [--origin <emulator origin>]');
  process.exit(0);
}

const origin = values.origin.replace(/\/+$/, '');
try {
  const result = await ensureDemoContent({ origin, graphBaseUrl: `${origin}/v1.0`, log: (line) => console.log(line) });
  console.log(
    result.alreadyDone
      ? 'The demo content is already there: nothing to do.'
      : `Done: ${result.provisionedSteps} provisioning steps, ${result.requests} requests in ${(result.milliseconds / 1000).toFixed(1)} s.`,
  );
} catch (e) {
  console.error(`Seeding the demo content failed: ${(e as Error).message}`);
  process.exit(1);
}
