import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import type { GraphClient } from '../graph/core/client.js';
import { GraphError } from '../graph/core/errors.js';
import { listItems } from '../graph/lists/items.js';
import { documentApprovals, documentReleases } from '../graph/schema/index.js';
import { getSite, getSiteByUrl } from '../graph/sites/sites.js';
import { SMS_SITE_URL, emulatorGraphClient } from '../graph/provisioning/emulatorTarget.js';
import { createGraphClient } from '../graph/core/client.js';
import { CLOUD_NAMES, type CloudName } from '../src/app/config.js';
import type { IntegrityFinding } from '../src/domain/documents/integrity.js';
import { verifyDocuments } from '../src/features/documents/services/integrity.js';
import { documentsSiteOf } from '../src/features/documents/services/site.js';
import { verifyAuditTrail, type AuditFinding } from '../src/platform/auditTrail.js';
import { describeAckFinding, verifyAcknowledgements, type AckFinding } from '../src/platform/acknowledgements/verify.js';
import { describeRegisterOrActionFinding, verifyRegistersAndActions, type RegisterOrActionFinding } from '../src/platform/actions/verify.js';
import { loadPeopleDirectory, type PeopleDirectory } from '../src/platform/people.js';
import { listRefOf, loadSmsSite, type SmsSite } from '../src/platform/site.js';
import { cliGraphClient, parseOrExit, siteArgument, targetOf } from './provision.js';

/**
 * `npm run verify -- --site <url|id> [--target emulator|graph] [--staff <upn>] [--cloud global|china]`
 *
 * The integrity check of the SMS site (issue 9 §2): it trusts what SharePoint stamps (createdBy,
 * lastModifiedBy, item versions, file bytes), never what a client wrote into a column, and prints one
 * line per finding, naming the DocId or reference and the reason:
 * - published versions without approvals that count;
 * - decisions written by someone other than their approver, or by the author;
 * - releases whose SHA-256 differs from the bytes of that file version;
 * - audit entries whose actor differs from the server-stamped creator, or that were edited;
 * - files left checked out;
 * - release or approval records that staff can read (drafts must stay private);
 * - acknowledgements not created by the person they name, or changed since; requests marked Acknowledged without
 *   one; waivers not by an SMS manager (src/platform/acknowledgements/verify.ts);
 * - registers and actions (issue 12, from item versions' stamps and Planner's `completedBy`): nonconformities closed,
 *   or their effectiveness recorded, by their owner or an assignee of their actions; risks accepted and improvements
 *   decided above the writer's authority (SMS Settings); actions verified by their assignee, or standing completed
 *   with neither the completing version nor the Planner task's completion by the assignee
 *   (src/platform/registers/verify.ts, src/platform/actions/verify.ts).
 * Read-only. Exit codes: 0 clean, 1 findings (or the check could not finish), 2 bad arguments.
 */
export const USAGE = `usage: npm run verify -- --site <url|id> [--target emulator|graph] [--staff <upn>] [--cloud global|china]

  --site     The SMS site: its URL, its Graph id, or an emulator URL (http://127.0.0.1:4000/sites/KestrelSMS).
             Default for the emulator: ${SMS_SITE_URL}
  --target   emulator (default when --site is an emulator URL or EMULATOR_URL is set) or graph.
  --staff    Emulator: the member of staff whose access to the release and approval records is checked
             (default: the first person with no SMS role). Real tenant: put that person's delegated Graph
             token in VERIFY_STAFF_TOKEN; without it that check is reported as not done.
  --cloud    global (default) or china.

Sign-in as for npm run provision: the emulator's dev sign-in as the SMS manager, the AZURE_* app-only
settings, or GRAPH_TOKEN (delegated). Read-only: it needs Sites.Read.All (or a Sites.Selected read grant),
User.ReadBasic.All, GroupMember.Read.All and Tasks.Read (Planner; app-only: Tasks.Read.All).`;

/** Read-only scopes the check asks the emulator for. */
export const VERIFY_SCOPES = ['Sites.Read.All', 'User.ReadBasic.All', 'GroupMember.Read.All', 'Tasks.Read'] as const;

export interface VerifySettings {
  target: 'emulator' | 'graph';
  site: string;
  emulatorOrigin?: string;
  staff?: string;
  cloud: CloudName;
}

/** Parses the command line (throws a message for bad arguments). */
export function parseVerifyCli(argv: readonly string[], env: NodeJS.ProcessEnv): VerifySettings | 'help' {
  const { values } = parseArgs({
    args: [...argv],
    options: { site: { type: 'string' }, target: { type: 'string' }, staff: { type: 'string' }, cloud: { type: 'string', default: 'global' }, help: { type: 'boolean', short: 'h', default: false } },
    strict: true,
  });
  if (values.help) return 'help';
  if (!(CLOUD_NAMES as readonly string[]).includes(values.cloud)) throw new Error(`--cloud must be ${CLOUD_NAMES.join(' or ')}, not '${values.cloud}'`);
  const site = values.site;
  const { target, emulatorOrigin } = targetOf(site, values.target, env);
  return { target, site: site ?? SMS_SITE_URL, emulatorOrigin, staff: values.staff, cloud: values.cloud as CloudName };
}

/** A finding that staff can read draft records (list by display name). */
export interface StaffFinding {
  readonly kind: 'draftRecordsReadable';
  readonly list: string;
  readonly readableBy: string;
}

export type Finding = IntegrityFinding | AuditFinding | StaffFinding | AckFinding | RegisterOrActionFinding;

/** One line of output for a finding: the DocId or reference, then the reason. */
export function describeFinding(f: Finding, people: Pick<PeopleDirectory, 'nameOf'>): string {
  const who = (id: string | null) => (id ? people.nameOf(id) : 'someone the directory does not know (or an app)');
  switch (f.kind) {
    case 'decisionNotByAssignee':
      return `${f.docId} ${f.versionLabel}: decision "${f.decision}" on "${f.approval}" was written by ${who(f.writtenBy)}, not by its approver ${who(f.assigneeId)}`;
    case 'decisionByAuthor':
      return `${f.docId} ${f.versionLabel}: decision "${f.decision}" on "${f.approval}" was written by the version's author`;
    case 'publishedWithoutApprovals':
      return `${f.docId} ${f.versionLabel}: published without an approval round that counts`;
    case 'hashMismatch':
      return `${f.docId} ${f.versionLabel}: the release's SHA-256 ${f.recorded} differs from the file version (${f.actual})`;
    case 'fileCheckedOut':
      return `${f.docId}: the file is checked out${f.checkedOutTo ? ` to ${who(f.checkedOutTo)}` : ''} (an operation that did not finish?)`;
    case 'auditActorMismatch':
      return `${f.ref || '(no ref)'}: audit entry "${f.entry}" names ${f.actorUpn || 'nobody'} as actor but was created by ${f.createdBy}`;
    case 'auditEdited':
      return `${f.ref || '(no ref)'}: audit entry "${f.entry}" was edited after it was written (by ${f.editedBy})`;
    case 'draftRecordsReadable':
      return `${f.list}: readable by ${f.readableBy}, who may not see drafts`;
    case 'ncClosedByParticipant':
    case 'riskAcceptedWithoutAuthority':
    case 'improvementDecidedWithoutAuthority':
    case 'actionVerifiedByAssignee':
    case 'actionCompletedNotByAssignee':
      return describeRegisterOrActionFinding(f);
    default:
      return describeAckFinding(f);
  }
}

/** Whether `client` (a member of staff) can read the release and approval records. */
async function staffFindings(client: GraphClient, site: Pick<SmsSite, 'siteId' | 'listIds'>, readableBy: string): Promise<StaffFinding[]> {
  const out: StaffFinding[] = [];
  for (const schema of [documentReleases, documentApprovals]) {
    try {
      await listItems(client, site.siteId, listRefOf(site, schema.key), { top: 1, select: ['Title'] });
      out.push({ kind: 'draftRecordsReadable', list: schema.displayName, readableBy });
    } catch (e) {
      if (!(e instanceof GraphError && (e.status === 403 || e.status === 404))) throw e;
    }
  }
  return out;
}

export interface VerifyResult {
  findings: Finding[];
  lines: string[];
  notes: string[];
}

/** Runs every check against the site (`staff`: a client of a member of staff, when there is one). */
export async function verifySite(client: GraphClient, siteId: string, webUrl: string, staff?: { client: GraphClient; name: string } | ((people: PeopleDirectory) => { client: GraphClient; name: string } | undefined)): Promise<VerifyResult> {
  const [site, people] = await Promise.all([loadSmsSite(client, siteId, webUrl), loadPeopleDirectory(client, siteId)]);
  const findings: Finding[] = [
    ...(await verifyDocuments({ client, site: documentsSiteOf(site), people })),
    ...(await verifyAuditTrail(client, site, people)),
    ...(await verifyAcknowledgements(client, site, people)),
    ...(await verifyRegistersAndActions(client, site, people)),
  ];
  const notes: string[] = [];
  const member = typeof staff === 'function' ? staff(people) : staff;
  if (member) findings.push(...(await staffFindings(member.client, site, member.name)));
  else notes.push('note: whether staff can read the release and approval records was not checked (no member of staff to check as; see --staff)');
  return { findings, lines: findings.map((f) => describeFinding(f, people)), notes };
}

/** Runs the CLI; returns the exit code. */
export async function main(argv: readonly string[], env: NodeJS.ProcessEnv = process.env, log: (line: string) => void = console.log): Promise<number> {
  const settings = parseOrExit(() => parseVerifyCli(argv, env), USAGE, log);
  if (typeof settings === 'number') return settings;
  const signedIn = cliGraphClient(settings, env, USAGE, VERIFY_SCOPES);
  if (typeof signedIn === 'number') return signedIn;
  const { client } = signedIn;
  const origin = settings.emulatorOrigin;
  try {
    const arg = await siteArgument(client, { ...settings, dryRun: true });
    const site = arg.siteId ? await getSite(client, arg.siteId) : await getSiteByUrl(client, arg.siteUrl!);
    const staffToken = env.VERIFY_STAFF_TOKEN;
    const staff =
      settings.target === 'emulator' && origin
        ? (people: PeopleDirectory) => {
            const person = settings.staff ? people.byId(settings.staff) : people.people.find((p) => p.roles.length === 1 && p.roles[0] === 'employee');
            return person ? { client: emulatorGraphClient(origin, person.upn, ['Sites.Read.All']), name: person.displayName } : undefined;
          }
        : staffToken
          ? { client: createGraphClient({ baseUrl: client.baseUrl, getToken: async () => staffToken }), name: 'the member of staff of VERIFY_STAFF_TOKEN' }
          : undefined;
    const result = await verifySite(client, site.id!, site.webUrl ?? settings.site, staff);
    for (const line of result.lines) log(line);
    for (const note of result.notes) log(note);
    log(result.findings.length === 0 ? `${site.webUrl ?? settings.site}: clean, no findings` : `${site.webUrl ?? settings.site}: ${result.findings.length} finding(s)`);
    return result.findings.length === 0 ? 0 : 1;
  } catch (e) {
    console.error(`The check could not finish: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
