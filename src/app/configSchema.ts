import { z } from 'zod/mini';
import { CLOUD_NAMES, ConfigError, configFromEnv, GRAPH_V1_BASE_URL, graphV1BaseUrl, RUNTIME_CONFIG_PATH, type CloudName, type ConfigEnv } from './config.js';

/**
 * The shape of the runtime configuration (./config.ts), checked with zod/mini. Its own module so
 * the validator is downloaded alongside `/sms365.config.json`, not in the app's first script;
 * the servers of the app (scripts/runtime-config.ts) use the same schema.
 */

/** Absolute URL of the SMS SharePoint site, e.g. `https://contoso.sharepoint.com/sites/SMS`. */
const sharePointSiteUrl = z.url({ protocol: /^https?$/ });

/** `global` (default) or `china` (Microsoft 365 operated by 21Vianet); see CLOUDS in ./config.ts. */
const cloud = z.optional(z.enum(CLOUD_NAMES));

/**
 * The SMS site's time zone as an IANA name (`Asia/Shanghai`), matching its SharePoint regional
 * settings: date-only columns hold midnight of the date in it. Graph v1.0 does not expose it (see
 * `siteTimeZone` in ./config.ts); default UTC.
 */
const siteTimeZone = z.optional(z.string().check(z.regex(/^(UTC|[A-Za-z]+(\/[A-Za-z0-9_+-]+)+)$/, 'an IANA time zone name such as Asia/Shanghai')));

/**
 * How the app reaches the SMS site: `tenant` (default) asks for `Sites.Read.All`/`Sites.ReadWrite.All`;
 * `selected` asks for `Sites.Selected` only, for a tenant whose administrator granted this app the
 * SMS site alone (`POST /sites/{id}/permissions`, docs/deploy.md).
 */
const siteAccess = z.optional(z.enum(['tenant', 'selected']));

export const runtimeConfigSchema = z.discriminatedUnion('mode', [
  z.object({
    mode: z.literal('emulator'),
    /** Graph service root, e.g. `http://127.0.0.1:4000/v1.0`. */
    graphBaseUrl: z.url(),
    /** Origin of the emulator's dev sign-in endpoints (`/_dev/users`, `/_dev/token`). */
    devAuthUrl: z.url(),
    /** The SMS site; when absent, the demo tenant's (see `smsSiteUrl`). */
    siteUrl: z.optional(sharePointSiteUrl),
    /** The cloud the emulator stands in for (`emulator --cloud china` answers as Graph in China does). */
    cloud,
    siteTimeZone,
    siteAccess,
  }),
  z.object({
    mode: z.literal('tenant'),
    /** Defaults to the cloud's Graph v1.0 root (`https://microsoftgraph.chinacloudapi.cn/v1.0` in China). */
    graphBaseUrl: z._default(z.url(), GRAPH_V1_BASE_URL),
    cloud,
    /** Application (client) id of the Entra app registration (a GUID). */
    clientId: z.uuid(),
    /** Directory (tenant) id or a verified domain, e.g. `contoso.onmicrosoft.com`. */
    tenantId: z.string().check(z.regex(/^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[a-z0-9-]+(\.[a-z0-9-]+)+)$/i, 'a tenant GUID or domain')),
    siteUrl: sharePointSiteUrl,
    siteTimeZone,
    siteAccess,
    /** Redirect URI registered for the SPA; defaults to the origin the app is served from. */
    redirectUri: z.optional(z.url()),
  }),
]);

export type RuntimeConfig = z.infer<typeof runtimeConfigSchema>;

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
  const merged: Record<string, unknown> = sameMode ? { ...fromEnv, ...fromFile } : { ...fromFile };
  // A tenant in another cloud talks to that cloud's Graph unless a base URL is given.
  if (merged.mode === 'tenant' && merged.graphBaseUrl === undefined && (CLOUD_NAMES as readonly unknown[]).includes(merged.cloud)) {
    merged.graphBaseUrl = graphV1BaseUrl(merged.cloud as CloudName);
  }
  const parsed = runtimeConfigSchema.safeParse(merged);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || 'mode'}: ${i.message}`).join('; ');
    throw new ConfigError(`Invalid configuration (${issues})`);
  }
  return parsed.data;
}
