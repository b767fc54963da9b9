import { z } from 'zod';

/**
 * Runtime configuration, fetched from `/sms365.config.json` when the app starts. It is written by
 * whoever serves the app (`npm start`, the e2e static server, later a deployment step), never baked
 * into the build, so one build runs against the emulator or a real tenant. See
 * docs/decisions/0001-runtime-config-and-emulator-first.md.
 */
export const runtimeConfigSchema = z.discriminatedUnion('mode', [
  z.object({
    mode: z.literal('emulator'),
    /** Graph service root, e.g. `http://127.0.0.1:4000/v1.0`. */
    graphBaseUrl: z.url(),
    /** Origin of the emulator's dev sign-in endpoints (`/_dev/users`, `/_dev/token`). */
    devAuthUrl: z.url(),
  }),
  z.object({
    mode: z.literal('tenant'),
    graphBaseUrl: z.url(),
  }),
]);

export type RuntimeConfig = z.infer<typeof runtimeConfigSchema>;
export type EmulatorRuntimeConfig = Extract<RuntimeConfig, { mode: 'emulator' }>;

export const RUNTIME_CONFIG_PATH = '/sms365.config.json';

/** Loads and validates the runtime configuration served next to the app. */
export async function loadRuntimeConfig(signal?: AbortSignal): Promise<RuntimeConfig> {
  const res = await fetch(RUNTIME_CONFIG_PATH, { signal, cache: 'no-store' });
  if (!res.ok) throw new Error(`${RUNTIME_CONFIG_PATH} answered ${res.status}`);
  return runtimeConfigSchema.parse(await res.json());
}
