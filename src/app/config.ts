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

/**
 * The Microsoft cloud the tenant lives in. `global` is Microsoft 365 worldwide; `china` is Microsoft
 * 365 operated by 21Vianet, with its own Entra ID and Graph endpoints (tokens of one cloud are not
 * accepted by another). Learn: https://learn.microsoft.com/graph/deployments
 */
export const CLOUD_NAMES = ['global', 'china'] as const;
export type CloudName = (typeof CLOUD_NAMES)[number];

/** What the app uses in a cloud that another cloud may not have. */
export interface CloudFeatures {
  /**
   * Planner (tasks for approvals and actions). Its APIs carry Learn's "global service and US
   * Government only" table (e.g. https://learn.microsoft.com/graph/api/planner-post-tasks ,
   * https://learn.microsoft.com/graph/api/plannergroup-list-plans): not in China (21Vianet).
   */
  planner: boolean;
  /**
   * Teams activity feed notifications (`teamwork/sendActivityNotification`,
   * `teamwork/sendActivityNotificationToRecipients`): Learn's national cloud tables mark all four
   * clouds ✅, China (21Vianet) included
   * (https://learn.microsoft.com/graph/api/userteamwork-sendactivitynotification,
   * https://learn.microsoft.com/graph/api/teamwork-sendactivitynotificationtorecipients). Installing the
   * app for a user through Graph is not available there (`teamsAppInstallForUser`), so in China the app
   * reaches only users who have it installed in Teams already (added by themselves or by an admin policy).
   */
  teamsActivityNotifications: boolean;
  /**
   * Installing the Teams app for a user through Graph (`POST /users/{id}/teamwork/installedApps`) and
   * reading that installation: global service and US Government only
   * (https://learn.microsoft.com/graph/api/userteamwork-post-installedapps,
   * https://learn.microsoft.com/graph/api/userteamwork-get-installedapps: China operated by 21Vianet ❌).
   */
  teamsAppInstallForUser: boolean;
}

export interface CloudEndpoints {
  /** Microsoft Entra ID sign-in host; the MSAL authority is `{loginUrl}/{tenantId}`. */
  loginUrl: string;
  /** The Graph resource: the service root, and the prefix of every scope asked for (`{graphResource}/User.Read`). */
  graphResource: string;
  features: CloudFeatures;
}

/**
 * Endpoints and features per cloud, from Learn's "Microsoft Graph national cloud deployments" tables
 * (https://learn.microsoft.com/graph/deployments): Entra ID `https://login.microsoftonline.com` and
 * `https://login.chinacloudapi.cn`; Graph `https://graph.microsoft.com` and
 * `https://microsoftgraph.chinacloudapi.cn`. SharePoint, OneDrive, users, groups and group calendars
 * are served in both; each API page's "national cloud availability" table says which are not.
 */
export const CLOUDS: Readonly<Record<CloudName, CloudEndpoints>> = {
  global: {
    loginUrl: 'https://login.microsoftonline.com',
    graphResource: 'https://graph.microsoft.com',
    features: { planner: true, teamsActivityNotifications: true, teamsAppInstallForUser: true },
  },
  china: {
    loginUrl: 'https://login.chinacloudapi.cn',
    graphResource: 'https://microsoftgraph.chinacloudapi.cn',
    features: { planner: false, teamsActivityNotifications: true, teamsAppInstallForUser: false },
  },
};

/** The configured cloud (`global` when the configuration does not name one). */
export const cloudOf = (config: Pick<RuntimeConfig, 'cloud'>): CloudEndpoints => CLOUDS[config.cloud ?? 'global'];

/** What the configured cloud offers; areas it lacks are hidden or explained, never called. */
export const cloudFeatures = (config: Pick<RuntimeConfig, 'cloud'>): CloudFeatures => cloudOf(config).features;

/** The Graph v1.0 service root of a cloud, the default `graphBaseUrl` of a tenant there. */
export const graphV1BaseUrl = (cloud: CloudName = 'global'): string => `${CLOUDS[cloud].graphResource}/v1.0`;

/** The SMS site the app works on: the configured one, or in emulator mode the demo tenant's. */
export function smsSiteUrl(config: RuntimeConfig): string {
  return config.siteUrl ?? DEMO_SMS_SITE_URL;
}

/**
 * The SMS site's time zone (IANA), in which its date-only columns hold midnight: the configured
 * `siteTimeZone`, else UTC (the emulator's demo site). It is configuration because Graph v1.0 does
 * not expose a site's regional settings: only beta `GET /sites/{id}/settings` has a `timeZone`
 * (https://learn.microsoft.com/graph/api/sitesettings-get?view=graph-rest-beta), and SharePoint's
 * `/_api/web/RegionalSettings/TimeZone` needs a SharePoint token the app does not hold.
 */
export function siteTimeZone(config: Pick<RuntimeConfig, 'siteTimeZone'>): string {
  return config.siteTimeZone ?? 'UTC';
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
  VITE_SMS365_CLOUD?: string;
}

const ENV_KEYS: Record<keyof ConfigEnv, string> = {
  VITE_SMS365_MODE: 'mode',
  VITE_SMS365_GRAPH_BASE_URL: 'graphBaseUrl',
  VITE_SMS365_DEV_AUTH_URL: 'devAuthUrl',
  VITE_SMS365_CLIENT_ID: 'clientId',
  VITE_SMS365_TENANT_ID: 'tenantId',
  VITE_SMS365_SITE_URL: 'siteUrl',
  VITE_SMS365_REDIRECT_URI: 'redirectUri',
  VITE_SMS365_CLOUD: 'cloud',
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
