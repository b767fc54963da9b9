import type { RuntimeConfig } from './configSchema.js';

export type { RuntimeConfig } from './configSchema.js';

/**
 * Runtime configuration, fetched from `/sms365.config.json` when the app starts. It is written by
 * whoever serves the app (`npm start`, the e2e static server, a deployment step), never baked into
 * the build, so one build runs against the emulator or a real tenant. Build-time `VITE_SMS365_*`
 * variables fill in whatever the file leaves out (and stand in for it when there is none).
 * See docs/decisions/0001-runtime-config-and-emulator-first.md and README.md "Configuration".
 * The validator (zod, ./configSchema.ts) is downloaded while the file is fetched, not with the app's first script.
 */

/** The SMS site of the demo tenant (emulator seed `Kestrel SMS`). */
export const DEMO_SMS_SITE_URL = 'https://kestrelms.sharepoint.com/sites/KestrelSMS';
export const GRAPH_V1_BASE_URL = 'https://graph.microsoft.com/v1.0';

export type EmulatorRuntimeConfig = Extract<RuntimeConfig, { mode: 'emulator' }>;
export type TenantRuntimeConfig = Extract<RuntimeConfig, { mode: 'tenant' }>;

export const RUNTIME_CONFIG_PATH = '/sms365.config.json';

/** The SMS site the app works on: the configured one, or in emulator mode the demo tenant's. */
export function smsSiteUrl(config: RuntimeConfig): string {
  return config.siteUrl ?? DEMO_SMS_SITE_URL;
}

/** Build-time variables (Vite `import.meta.env`) that may supply configuration. */
export interface ConfigEnv {
  VITE_SMS365_MODE?: string;
  VITE_SMS365_GRAPH_BASE_URL?: string;
  VITE_SMS365_DEV_AUTH_URL?: string;
  VITE_SMS365_CLIENT_ID?: string;
  VITE_SMS365_TENANT_ID?: string;
  VITE_SMS365_SITE_URL?: string;
  VITE_SMS365_REDIRECT_URI?: string;
}

const ENV_KEYS: Record<keyof ConfigEnv, string> = {
  VITE_SMS365_MODE: 'mode',
  VITE_SMS365_GRAPH_BASE_URL: 'graphBaseUrl',
  VITE_SMS365_DEV_AUTH_URL: 'devAuthUrl',
  VITE_SMS365_CLIENT_ID: 'clientId',
  VITE_SMS365_TENANT_ID: 'tenantId',
  VITE_SMS365_SITE_URL: 'siteUrl',
  VITE_SMS365_REDIRECT_URI: 'redirectUri',
};

/** The configuration fields that non-empty `VITE_SMS365_*` variables supply. */
export function configFromEnv(env: ConfigEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, field] of Object.entries(ENV_KEYS)) {
    const value = env[name as keyof ConfigEnv]?.trim();
    if (value) out[field] = value;
  }
  return out;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Loads `/sms365.config.json` (a 404 means "none") and resolves it with the build-time variables. */
export async function loadRuntimeConfig(signal?: AbortSignal, env: ConfigEnv = import.meta.env as ConfigEnv): Promise<RuntimeConfig> {
  const [res, { resolveRuntimeConfig }] = await Promise.all([fetch(RUNTIME_CONFIG_PATH, { signal, cache: 'no-store' }), import('./configSchema.js')]);
  if (res.status === 404) return resolveRuntimeConfig(null, env);
  if (!res.ok) throw new ConfigError(`${RUNTIME_CONFIG_PATH} answered ${res.status}`);
  let body: unknown;
  try {
    body = await res.json();
  } catch {
    throw new ConfigError(`${RUNTIME_CONFIG_PATH} is not valid JSON`);
  }
  return resolveRuntimeConfig(body, env);
}
