import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import type { GraphClient } from '../graph/core/client.js';
import { SMS_MANAGER_UPN, SMS_SITE_URL } from '../graph/provisioning/emulatorTarget.js';
import { getSite, getSiteByUrl } from '../graph/sites/sites.js';
import { CLOUD_NAMES, type CloudName } from '../src/app/config.js';
import { teamsDeepLink } from '../src/app/tabs/deepLinks.js';
import { runOpenCampaigns, catchUpPublications, type CampaignContext, type CampaignRunSummary } from '../src/platform/acknowledgements/index.js';
import { syncActions, type ActionsContext, type SyncReport } from '../src/platform/actions/index.js';
import { siteDateOf, systemClock, type Clock } from '../src/platform/clock.js';
import { loadPeopleDirectory } from '../src/platform/people.js';
import { platformWriteDeps } from '../src/platform/registers/write.defaults.js';
import { loadSmsSite } from '../src/platform/site.js';
import type { AckCampaign } from '../src/domain/acknowledgements/index.js';
import { parseEnvFile, resolveEnvFile } from './package.js';
import { cliGraphClient, parseOrExit, siteArgument, targetOf } from './provision.js';

/**
 * `npm run jobs -- acknowledgements --site <url|id> [--target emulator|graph] [--cloud global|china] [--time-zone <IANA>] [--teams-app-id <id>]`
 *
 * The scheduled jobs of the SMS, run daily by any scheduler (cron, a pipeline, Azure Automation), signed in
 * app-only as the jobs app (docs/deploy.md, "Command-line tools and scheduled jobs"). One job today:
 * - `acknowledgements`: starts the campaigns of publications that have none (an approver's final approval published
 *   them) and cancels those of withdrawn releases (`catchUpPublications`), then reconciles every open
 *   acknowledgement campaign (src/platform/acknowledgements, `runOpenCampaigns`): joiners of the audience groups get a request, leavers' requests are cancelled, requests
 *   past due become Overdue, acknowledged ones catch up, and the activity-feed notices due today go out
 *   (requested, before the due date, after it), at most one per person and request a day. Idempotent: a second run
 *   the same day writes nothing and sends nothing. Prints one line per campaign.
 * - `actions`: syncs every open action with its Planner task (src/platform/actions, `syncActions` scope `all`):
 *   progress from Planner to the action, title, assignee, due date, priority and label from the action to Planner,
 *   deleted tasks recreated, nonconformities whose actions are all complete moved to 'Effectiveness check'.
 *   Idempotent: a second run writes nothing. Prints one summary line, then one line per warning.
 *
 * Exit codes: 0 done (problems such as a notification Graph refused are printed but do not fail the run), 1 a
 * campaign or the site could not be read or reconciled, 2 bad arguments or no token.
 */
export const USAGE = `usage: npm run jobs -- acknowledgements --site <url|id> [--target emulator|graph] [--cloud global|china]
                      [--time-zone <IANA zone>] [--teams-app-id <Teams app id>]
       npm run jobs -- actions --site <url|id> [--target emulator|graph] [--cloud global|china] [--time-zone <IANA zone>]

  acknowledgements  Start the campaigns of publications that have none, reconcile every open acknowledgement
                    campaign and send the notices that are due.
  actions           Sync every open action with its Planner task (progress from Planner; title, assignee, due date,
                    priority and label to Planner; deleted tasks recreated; NCs moved on when their actions are done).
  --site            The SMS site: its URL, its Graph id, or an emulator URL (http://127.0.0.1:4000/sites/KestrelSMS).
                    Default for the emulator: ${SMS_SITE_URL}
  --target          emulator (default when --site is an emulator URL or EMULATOR_URL is set) or graph.
  --cloud           global (default) or china.
  --time-zone       The SMS site's time zone (its regional settings, e.g. Europe/London): which day "today" is.
                    Default: the time zone of the machine the job runs on.
  --teams-app-id    The Teams app id (manifest id) the notifications' deep links open. Default: APP_ID from the
                    environment, else manifest/.env, else manifest/.env.example.

Sign-in as for npm run provision: app-only with the AZURE_* settings (what a scheduler uses), GRAPH_TOKEN
(delegated), or for the emulator its dev sign-in as the SMS manager. The jobs app needs Sites.Selected (a write
grant on the SMS site), GroupMember.Read.All, User.Read.All (departments), TeamsActivity.Send and, for the actions
job, Tasks.ReadWrite.All (Planner, app-only: planner-post-tasks); for the
notifications Teams requires the token to be valid for 45 more minutes, and the sms365 Teams app installed for
the recipients.`;

/** Scopes the job asks the emulator's dev sign-in for. */
export const JOB_SCOPES = ['Sites.ReadWrite.All', 'GroupMember.Read.All', 'User.Read.All', 'TeamsActivity.Send', 'Tasks.ReadWrite'] as const;

export const JOBS = ['acknowledgements', 'actions'] as const;
export type JobName = (typeof JOBS)[number];

export interface JobSettings {
  job: JobName;
  target: 'emulator' | 'graph';
  site: string;
  emulatorOrigin?: string;
  cloud: CloudName;
  timeZone?: string;
  teamsAppId?: string;
}

const validTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

/** Parses the command line (throws a message for bad arguments). */
export function parseJobsCli(argv: readonly string[], env: NodeJS.ProcessEnv): JobSettings | 'help' {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: {
      site: { type: 'string' },
      target: { type: 'string' },
      cloud: { type: 'string', default: 'global' },
      'time-zone': { type: 'string' },
      'teams-app-id': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) return 'help';
  if (positionals.length !== 1) throw new Error(`Name one job: ${JOBS.join(', ')}.`);
  const job = positionals[0]!;
  if (!(JOBS as readonly string[]).includes(job)) throw new Error(`Unknown job '${job}': the jobs are ${JOBS.join(', ')}.`);
  if (!(CLOUD_NAMES as readonly string[]).includes(values.cloud)) throw new Error(`--cloud must be ${CLOUD_NAMES.join(' or ')}, not '${values.cloud}'`);
  const timeZone = values['time-zone'];
  if (timeZone !== undefined && !validTimeZone(timeZone)) throw new Error(`--time-zone '${timeZone}' is not an IANA time zone (e.g. Europe/London).`);
  const { target, emulatorOrigin } = targetOf(values.site, values.target, env);
  return {
    job: job as JobName,
    target,
    site: values.site ?? SMS_SITE_URL,
    ...(emulatorOrigin ? { emulatorOrigin } : {}),
    cloud: values.cloud as CloudName,
    ...(timeZone ? { timeZone } : {}),
    ...(values['teams-app-id'] ? { teamsAppId: values['teams-app-id'] } : {}),
  };
}

/** The Teams app id and app origin the notifications link to: the flag, else APP_ID/BASE_URL of the environment, else the manifest's env file. */
export function teamsAppOf(settings: Pick<JobSettings, 'teamsAppId'>, env: NodeJS.ProcessEnv, cwd: string = process.cwd()): { appId: string; baseUrl: string | null } {
  const { appId: fromEnv, baseUrl } = manifestEnv(env, cwd);
  const appId = settings.teamsAppId ?? fromEnv;
  if (!appId) throw new Error('The Teams app id is unknown: pass --teams-app-id or set APP_ID (see manifest/.env.example).');
  return { appId, baseUrl };
}

/** APP_ID and BASE_URL (the app's origin) from the environment, else the manifest's env file. */
function manifestEnv(env: NodeJS.ProcessEnv, cwd: string = process.cwd()): { appId: string | null; baseUrl: string | null } {
  let file: Record<string, string> = {};
  try {
    file = parseEnvFile(readFileSync(resolveEnvFile(undefined, cwd), 'utf8'));
  } catch {
    // No manifest env file: only the flag or the environment can say.
  }
  return { appId: env.APP_ID ?? file.APP_ID ?? null, baseUrl: env.BASE_URL ?? file.BASE_URL ?? null };
}

/**
 * The deep link a notification opens: the app's personal tab "My acknowledgements" (manifest static tab `my`, not
 * the SMS tab that links to documents open), with the app's own address as the fallback where Teams cannot show it.
 */
export function acknowledgementsLink(app: { appId: string; baseUrl: string | null }): string {
  return teamsDeepLink({ appId: app.appId, pageId: 'my', ...(app.baseUrl ? { webUrl: `${app.baseUrl.replace(/\/+$/, '')}/tab/my` } : {}), label: 'My acknowledgements' });
}

/** One line for a campaign's run. */
export function describeRun(c: AckCampaign, run: CampaignRunSummary | undefined, error: string | undefined): string[] {
  const what = `${c.docId} ${c.versionLabel}`;
  if (error !== undefined || !run) return [`${what}: failed: ${error ?? 'unknown error'}`];
  const n = run.notified;
  const lines = [
    `${what}: created ${run.created}, cancelled ${run.cancelled}, overdue ${run.overdue}, acknowledged ${run.acknowledged}, notices ${n.requested + n.beforeDue + n.afterDue} (requested ${n.requested}, before due ${n.beforeDue}, after due ${n.afterDue})`,
  ];
  for (const p of run.unknownPeople) lines.push(`  ${what}: ${p} is not in the directory`);
  for (const p of run.problems) lines.push(`  ${what}: ${p}`);
  return lines;
}

/** The summary line of an actions sync, then one line per warning. */
export function describeSync(site: string, r: SyncReport): string[] {
  const refs = (label: string, list: readonly string[]) => (list.length ? `, ${label} ${list.length} (${list.join(', ')})` : `, ${label} 0`);
  return [
    `${site}: ${r.checked} action(s) checked${refs('updated from Planner', r.actionsUpdated)}${refs('tasks updated', r.tasksUpdated)}${refs('tasks recreated', r.tasksRecreated)}, conflicts merged ${r.conflictsMerged}${refs('sources advanced', r.sourcesAdvanced)}`,
    ...r.warnings.map((w) => `  ${w}`),
  ];
}

/** The SMS site the job runs on (`--site`, a URL or a Graph site id), with its list ids. */
async function loadJobSite(client: GraphClient, settings: JobSettings) {
  const arg = await siteArgument(client, { ...settings, dryRun: true });
  const found = arg.siteId ? await getSite(client, arg.siteId) : await getSiteByUrl(client, arg.siteUrl!);
  return { found, site: await loadSmsSite(client, found.id!, found.webUrl ?? settings.site) };
}

/** The `actions` job: one sync of every open action, app-only (or as the emulator's SMS manager). */
async function runActionsJob(settings: JobSettings, env: NodeJS.ProcessEnv, log: (line: string) => void, clock: Clock): Promise<number> {
  const signedIn = cliGraphClient(settings, env, USAGE, JOB_SCOPES);
  if (typeof signedIn === 'number') return signedIn;
  const { client, appOnly } = signedIn;
  try {
    const { found, site } = await loadJobSite(client, settings);
    const people = await loadPeopleDirectory(client, site.siteId);
    const timeZone = settings.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
    const upn = appOnly ? `app:${appOnly.clientId}` : settings.target === 'emulator' && !env.GRAPH_TOKEN ? SMS_MANAGER_UPN : 'GRAPH_TOKEN';
    const ctx: ActionsContext = {
      client,
      site,
      people,
      timeZone,
      today: siteDateOf(clock.now(), timeZone) ?? clock.today(),
      appOrigin: manifestEnv(env).baseUrl ?? site.webUrl,
      actor: 'app',
      writeDeps: platformWriteDeps({ client, site, actor: { upn, lookupId: people.byId(upn)?.lookupId ?? null }, clock }),
    };
    const report = await syncActions(ctx, { kind: 'all' });
    for (const line of describeSync(found.webUrl ?? settings.site, report)) log(line);
    return 0;
  } catch (e) {
    console.error(`The job could not finish: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}

/** Runs the CLI; returns the exit code. */
export async function main(argv: readonly string[], env: NodeJS.ProcessEnv = process.env, log: (line: string) => void = console.log, clock: Clock = systemClock): Promise<number> {
  const settings = parseOrExit(() => parseJobsCli(argv, env), USAGE, log);
  if (typeof settings === 'number') return settings;
  if (settings.job === 'actions') return runActionsJob(settings, env, log, clock);
  let app: { appId: string; baseUrl: string | null };
  try {
    app = teamsAppOf(settings, env);
  } catch (e) {
    console.error(`${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const signedIn = cliGraphClient(settings, env, USAGE, JOB_SCOPES);
  if (typeof signedIn === 'number') return signedIn;
  const { client, appOnly } = signedIn;
  try {
    const { found, site } = await loadJobSite(client, settings);
    const link = acknowledgementsLink(app);
    const ctx: CampaignContext = {
      client,
      site,
      clock,
      ...(settings.timeZone ? { timeZone: settings.timeZone } : {}),
      actor: { upn: appOnly ? `app:${appOnly.clientId}` : settings.target === 'emulator' && !env.GRAPH_TOKEN ? SMS_MANAGER_UPN : 'GRAPH_TOKEN', roles: [], unattended: true },
      noticeLink: () => link,
    };
    // First what document control left undone: publications without a campaign (an approver's final approval
    // published them), withdrawn releases whose campaign is still open.
    const missed = await catchUpPublications(ctx);
    const startedNow = new Set<string>();
    for (const m of missed) {
      const what = `${m.docId} ${m.versionLabel}`;
      if (m.error !== undefined) log(`${what}: published without a campaign, which could not be started: ${m.error}`);
      else if (m.skipped !== undefined) log(`${what}: ${m.skipped}`);
      else if (m.cancelled) log(`${what}: withdrawn: ${m.cancelled.requests} open request(s) and ${m.cancelled.campaigns} campaign(s) cancelled`);
      else if (m.started) {
        startedNow.add(m.started.campaign.id);
        const [first, ...rest] = describeRun(m.started.campaign, m.started.run, undefined);
        log(`${first!.replace(`${what}: `, `${what}: campaign started (published without one): `)}`);
        rest.forEach((line) => log(line));
      }
    }
    const results = await runOpenCampaigns(ctx);
    for (const r of results) if (!startedNow.has(r.campaign.id)) for (const line of describeRun(r.campaign, r.run, r.error)) log(line);
    const failed = results.filter((r) => r.error !== undefined).length + missed.filter((m) => m.error !== undefined).length;
    log(`${found.webUrl ?? settings.site}: ${results.length} open campaign(s)${failed ? `, ${failed} failed` : ''}`);
    return failed === 0 ? 0 : 1;
  } catch (e) {
    console.error(`The job could not finish: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
