import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { createGraphClient, GRAPH_BASE_URL, type GraphClient } from '../graph/core/index.js';
import { getSite } from '../graph/sites/index.js';
import { provision, ProvisionAbortedError, ProvisionError, type ProvisionTarget } from '../graph/provisioning/engine.js';
import { DEFAULT_EMULATOR_ORIGIN, SMS_MANAGER_UPN, SMS_SITE_URL, emulatorGraphClient } from '../graph/provisioning/emulatorTarget.js';
import { CLOUD_NAMES, CLOUDS, cloudFeatures, graphV1BaseUrl, type CloudName } from '../src/app/config.js';
import { appOnlyFromEnv, appOnlyTokenProvider, type AppOnlyCredentials } from './auth/appOnly.js';

/**
 * `npm run provision -- --site <url|id> [--target emulator|graph] [--dry-run] [--group <id|displayName>] [--cloud global|china]`
 *
 * Creates what the SMS needs in the SMS group's site: the SMS Documents and SMS Records libraries,
 * every register and system list of graph/schema with its columns and indexes, list settings and
 * permissions, and the Planner plan "SMS Actions" with its buckets. Safe to run again: a second
 * run prints "no changes"; a run that stopped halfway is finished by the next one.
 *
 * Target emulator (default when --site is an emulator URL such as http://127.0.0.1:4000/sites/KestrelSMS,
 * or when EMULATOR_URL is set): signs in through the emulator's dev endpoint as the SMS manager.
 * Target graph: Microsoft Graph v1.0, signed in app-only with a certificate (AZURE_* settings,
 * scripts/auth/appOnly.ts), or with the delegated access token in GRAPH_TOKEN (see USAGE).
 * The app-only settings work against the emulator too (its client-credentials endpoint).
 *
 * Exit codes: 0 done (warnings are printed but do not fail the run), 1 a step failed or the run was
 * interrupted, 2 bad arguments or no token.
 */
/**
 * App-only credentials for a cloud: its sign-in host (unless AZURE_AUTHORITY_HOST says otherwise)
 * and its Graph's `.default` scope, so a 21Vianet tenant gets a token for the China Graph.
 */
export function appOnlyInCloud(c: AppOnlyCredentials, cloud: CloudName): AppOnlyCredentials {
  return { ...c, authorityHost: c.authorityHost ?? CLOUDS[cloud].loginUrl, scope: c.scope ?? `${CLOUDS[cloud].graphResource}/.default` };
}

export const USAGE = `usage: npm run provision -- --site <url|id> [--target emulator|graph] [--dry-run] [--group <id|displayName>] [--cloud global|china]

  --site     The SMS site: its URL (https://contoso.sharepoint.com/sites/SMS), its Graph id, or an
             emulator URL (http://127.0.0.1:4000/sites/KestrelSMS). Default for the emulator:
             ${SMS_SITE_URL}
  --target   emulator (default when --site is an emulator URL or EMULATOR_URL is set) or graph.
  --dry-run  Print the plan; change nothing.
  --group    The Microsoft 365 group that owns the Planner plan, by id or display name
             (default: the group named like the site, e.g. "Kestrel SMS").
  --cloud    global (default) or china (Microsoft 365 operated by 21Vianet, which has no Planner:
             no plan or buckets are made; approvals and actions are tracked without Planner tasks).
             With --target graph, china also makes https://microsoftgraph.chinacloudapi.cn/v1.0 the
             default Graph root (GRAPH_BASE_URL overrides it).

Emulator: origin from the --site URL, else EMULATOR_URL, else http://127.0.0.1:4000. The token comes
from POST {origin}/_dev/token for the SMS manager ${SMS_MANAGER_UPN}.

Real tenant (--target graph), app-only (for a scheduler or a pipeline; docs/deploy.md, "Command-line
tools and scheduled jobs"): sign in as the jobs app registration with its certificate:
  AZURE_TENANT_ID=<tenant id or domain>  AZURE_CLIENT_ID=<the jobs app's client id>
  AZURE_CLIENT_CERTIFICATE_PATH=<PEM file with the private key and the certificate>
  [AZURE_AUTHORITY_HOST=https://login.microsoftonline.com]
The app needs the application permissions Sites.Selected (with a "manage" grant on the SMS site),
GroupMember.Read.All and Tasks.ReadWrite.All. With the same settings and --target emulator, the run
signs in at the emulator's token endpoint (the app registered there through POST /_dev/apps).

Real tenant, delegated (GRAPH_TOKEN wins over the AZURE_* settings): put a delegated Microsoft Graph
access token of a site owner who is a member of the SMS group in GRAPH_TOKEN. With the Azure CLI:
  az login --allow-no-subscriptions
  export GRAPH_TOKEN=$(az account get-access-token --resource-type ms-graph --query accessToken -o tsv)
The token needs Sites.Manage.All (create lists and columns), Group.Read.All or GroupMember.Read.All
(find the group) and Tasks.ReadWrite (Planner). The Azure CLI's token carries only the scopes its
own app registration has been granted in your tenant; if a step fails with 403, get a token with those
scopes another way (e.g. Graph Explorer → Modify permissions → Access token). Tokens last about an
hour. Library versioning, draft item security, compound indexes and list permissions cannot be set
through Graph v1.0: the run ends with these as manual steps for the admin.`;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a URL on this machine (`http://127.0.0.1:4000/...`, `http://localhost:4000/...`): the emulator. */
export function isEmulatorUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/i.test(u.hostname);
  } catch {
    return false;
  }
}

export interface CliSettings {
  target: ProvisionTarget;
  site: string;
  dryRun: boolean;
  group?: string;
  emulatorOrigin?: string;
  cloud: CloudName;
}

/** Parses the command line and environment into settings (throws a message for bad arguments). */
export function parseCli(argv: readonly string[], env: NodeJS.ProcessEnv): CliSettings | 'help' {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      site: { type: 'string' },
      target: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      group: { type: 'string' },
      cloud: { type: 'string', default: 'global' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  });
  if (values.help) return 'help';
  const site = values.site;
  if (!(CLOUD_NAMES as readonly string[]).includes(values.cloud)) throw new Error(`--cloud must be ${CLOUD_NAMES.join(' or ')}, not '${values.cloud}'`);
  const cloud = values.cloud as CloudName;
  const { target, emulatorOrigin } = targetOf(site, values.target, env);
  return { target, site: site ?? SMS_SITE_URL, dryRun: values['dry-run'] === true, group: values.group, emulatorOrigin, cloud };
}

/**
 * Where a command-line tool goes: `--target` if given, else the emulator for an emulator URL or when
 * EMULATOR_URL is set, else Microsoft Graph for any other `--site`. Throws a message for bad arguments.
 */
export function targetOf(site: string | undefined, wanted: string | undefined, env: NodeJS.ProcessEnv): { target: ProvisionTarget; emulatorOrigin?: string } {
  if (wanted !== undefined && wanted !== 'emulator' && wanted !== 'graph') throw new Error(`--target must be emulator or graph, not '${wanted}'`);
  const target: ProvisionTarget = (wanted as ProvisionTarget | undefined) ?? ((site && isEmulatorUrl(site)) || env.EMULATOR_URL ? 'emulator' : site ? 'graph' : 'emulator');
  if (target === 'graph' && !site) throw new Error('--site is required with --target graph');
  const emulatorOrigin = target === 'emulator' ? (site && isEmulatorUrl(site) ? new URL(site).origin : (env.EMULATOR_URL || DEFAULT_EMULATOR_ORIGIN)).replace(/\/+$/, '') : undefined;
  return { target, ...(emulatorOrigin ? { emulatorOrigin } : {}) };
}

/** Parses a tool's command line: the settings, or the exit code after printing help (0) or a bad argument (2). */
export function parseOrExit<T>(parse: () => T | 'help', usage: string, log: (line: string) => void): T | number {
  let settings: T | 'help';
  try {
    settings = parse();
  } catch (e) {
    console.error(`${(e as Error).message}\n\n${usage}`);
    return 2;
  }
  if (settings === 'help') {
    log(usage);
    return 0;
  }
  return settings;
}

/**
 * The site argument as provision() takes it. An emulator URL keeps only its path and gets the
 * tenant's SharePoint host name from the root site (`GET /sites/root` → siteCollection.hostname).
 */
export async function siteArgument(client: GraphClient, settings: CliSettings): Promise<{ siteId?: string; siteUrl?: string }> {
  const { site } = settings;
  if (isEmulatorUrl(site)) {
    const root = await getSite(client, 'root');
    const host = root.siteCollection?.hostname ?? (root.webUrl ? new URL(root.webUrl).hostname : undefined);
    if (!host) throw new Error('The emulator did not say which SharePoint host it serves (GET /sites/root).');
    const path = new URL(site).pathname.replace(/\/+$/, '');
    return { siteUrl: `https://${host}${path}` };
  }
  return /^https?:\/\//i.test(site) ? { siteUrl: site } : { siteId: site };
}

/**
 * The Graph client of a command-line tool (provision, verify): the emulator's dev sign-in as the SMS
 * manager, or app-only with the AZURE_* settings, or the delegated GRAPH_TOKEN for --target graph.
 * Returns exit code 2 (after printing why and `usage`) when the settings are wrong or missing.
 */
export function cliGraphClient(
  settings: Pick<CliSettings, 'target' | 'emulatorOrigin' | 'cloud'>,
  env: NodeJS.ProcessEnv,
  usage: string,
  emulatorScopes?: readonly string[],
): { client: GraphClient; appOnly?: AppOnlyCredentials } | 2 {
  let appOnly: AppOnlyCredentials | undefined;
  try {
    appOnly = env.GRAPH_TOKEN ? undefined : appOnlyFromEnv(env);
  } catch (e) {
    console.error(`${(e as Error).message}\n\n${usage}`);
    return 2;
  }
  if (settings.target === 'emulator') {
    const origin = settings.emulatorOrigin ?? DEFAULT_EMULATOR_ORIGIN;
    const client = appOnly
      ? createGraphClient({ baseUrl: `${origin}/v1.0`, getToken: appOnlyTokenProvider({ ...appOnly, authorityHost: appOnly.authorityHost ?? origin }) })
      : emulatorGraphClient(origin, SMS_MANAGER_UPN, emulatorScopes);
    return { client, appOnly };
  }
  const token = env.GRAPH_TOKEN;
  if (!token && !appOnly) {
    console.error(`GRAPH_TOKEN is not set, nor are the app-only settings (AZURE_TENANT_ID, AZURE_CLIENT_ID, AZURE_CLIENT_CERTIFICATE_PATH).\n\n${usage}`);
    return 2;
  }
  const client = createGraphClient({ baseUrl: env.GRAPH_BASE_URL ?? (settings.cloud === 'global' ? GRAPH_BASE_URL : graphV1BaseUrl(settings.cloud)), getToken: appOnly ? appOnlyTokenProvider(appOnlyInCloud(appOnly, settings.cloud)) : async () => token! });
  return { client, appOnly };
}

/** Runs the CLI; returns the exit code. */
export async function main(argv: readonly string[], env: NodeJS.ProcessEnv = process.env, log: (line: string) => void = console.log): Promise<number> {
  const settings = parseOrExit(() => parseCli(argv, env), USAGE, log);
  if (typeof settings === 'number') return settings;
  const signedIn = cliGraphClient(settings, env, USAGE);
  if (typeof signedIn === 'number') return signedIn;
  const { client, appOnly } = signedIn;
  if (appOnly) log(`signed in app-only as ${appOnly.clientId}`);
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  const started = performance.now();
  try {
    const site = await siteArgument(client, settings);
    const group = settings.group;
    const result = await provision({
      client,
      ...site,
      ...(group ? (GUID.test(group) ? { groupId: group } : { groupName: group }) : {}),
      target: settings.target,
      dryRun: settings.dryRun,
      emulatorOrigin: settings.emulatorOrigin,
      planner: cloudFeatures({ cloud: settings.cloud }).planner,
      signal: controller.signal,
      log,
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const what = settings.dryRun ? `${result.planned.length} step(s) planned` : `${result.created.length} step(s) done`;
    log(`finished in ${seconds} s: ${what}, ${result.unchanged} unchanged, ${result.warnings.length} warning(s)`);
    return 0;
  } catch (e) {
    if (e instanceof ProvisionAbortedError) {
      console.error(e.message);
      return 1;
    }
    if (e instanceof ProvisionError) {
      console.error(`${e.message}\nThe ${e.completed.length} step(s) before it are done; fix the cause and run provisioning again to continue.`);
      return 1;
    }
    console.error(`Provisioning failed: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
