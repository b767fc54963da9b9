import { ensureAppBuilt } from '../support/processes.js';

/** Builds `dist/` once before the e2e files run (skipped when it is already fresh). */
export default async function setup(): Promise<void> {
  await ensureAppBuilt();
}
