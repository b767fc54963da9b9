import { z } from 'zod/mini';

/**
 * (zod/mini keeps the validator small in the first download.)
 *
 * Runtime configuration, fetched from `/sms365.config.json` when the app starts. It is written by
 * whoever serves the app (`npm start`, the e2e static server, a deployment step), never baked into
 * the build, so one build runs against the emulator or a real tenant. Build-time `VITE_SMS365_*`
 * variables fill in whatever the file leaves out (and stand in for it when there is none).
 * See docs/decisions/0001-runtime-config-and-emulator-first.md and README.md "Configuration".
 */

/** The SMS site of the demo tenant (emulator seed `Kestrel SMS`). */
export const DEMO_SMS_SITE_URL = 'https://kestrelms.sharepoint.com/sites/KestrelSMS';
export const GRAPH_V1_BASE_URL = 'https://graph.microsoft.com/v1.0';

/** Absolute URL of the SMS SharePoint site, e.g. `https://contoso.sharepoint.com/sites/SMS`. */
const sharePointSiteUrl = z.url({ protocol: /^https?$/ });

export const runtimeConfigSchema = z.discriminatedUnion('mode', [
  z.object({
    mode: z.literal('emulator'),
    /** Graph service root, e.g. `http://127.0.0.1:4000/v1.0`. */
    graphBaseUrl: z.url(),
    /** Origin of the emulator's dev sign-in endpoints (`/_dev/users`, `/_dev/token`). */
    devAuthUrl: z.url(),
    /** The SMS site; when absent, the demo tenant's (see `smsSiteUrl`). */
    siteUrl: z.optional(sharePointSiteUrl),
  }),
  z.object({
    mode: z.literal('tenant'),
    graphBaseUrl: z._default(z.url(), GRAPH_V1_BASE_URL),
    /** Application (client) id of the Entra app registration (a GUID). */
    clientId: z.uuid(),
    /** Directory (tenant) id or a verified domain, e.g. `contoso.onmicrosoft.com`. */
    tenantId: z.string().check(z.regex(/^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[a-z0-9-]+(\.[a-z0-9-]+)+)$/i, 'a tenant GUID or domain')),
    siteUrl: sharePointSiteUrl,
    /** Redirect URI registered for the SPA; defaults to the origin the app is served from. */
    redirectUri: z.optional(z.url()),
  }),
]);

export type RuntimeConfig = z.infer<typeof runtimeConfigSchema>;
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

/**
 * Merges the runtime config file (`file`, or null when the server has none) over the build-time
 * variables and validates the result. Fields of the file win; a file for the other mode than the
 * variables ignores them entirely, so a leftover tenant client id never leaks into emulator mode.
 */
export function resolveRuntimeConfig(file: unknown, env: ConfigEnv): RuntimeConfig {
  const fromEnv = configFromEnv(env);
  if (file !== null && (typeof file !== 'object' || Array.isArray(file))) {
    throw new ConfigError(`${RUNTIME_CONFIG_PATH} must hold a JSON object`);
  }
  const fromFile = (file ?? {}) as Record<string, unknown>;
  if (file === null && Object.keys(fromEnv).length === 0) {
    throw new ConfigError(`No configuration: ${RUNTIME_CONFIG_PATH} is missing and no VITE_SMS365_* variables were set at build time`);
  }
  const sameMode = fromFile.mode === undefined || fromEnv.mode === undefined || fromFile.mode === fromEnv.mode;
  const merged = sameMode ? { ...fromEnv, ...fromFile } : fromFile;
  const parsed = runtimeConfigSchema.safeParse(merged);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || 'mode'}: ${i.message}`).join('; ');
    throw new ConfigError(`Invalid configuration (${issues})`);
  }
  return parsed.data;
}

/** Loads `/sms365.config.json` (a 404 means "none") and resolves it with the build-time variables. */
export async function loadRuntimeConfig(signal?: AbortSignal, env: ConfigEnv = import.meta.env as ConfigEnv): Promise<RuntimeConfig> {
  const res = await fetch(RUNTIME_CONFIG_PATH, { signal, cache: 'no-store' });
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
