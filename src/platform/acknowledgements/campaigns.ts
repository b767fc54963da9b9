/**
 * Acknowledgement campaigns (domain §5.4 "Acknowledgement", §6.3 rule 7; clauses 5.2.2, 7.3): who must
 * acknowledge which release by when, kept in step with the directory, with reminders in the Teams activity feed.
 * The publication of a document that requires acknowledgement starts one (`afterPublication`), a controller may
 * start one on demand (`startCampaign`), and the daily job reconciles every open one (`runOpenCampaigns`).
 *
 * A run (`runCampaign`) resolves the audience NOW (Entra groups through nested groups, and people named
 * individually), asks the rules what to write (`planCampaignRun`) and writes it:
 * - a request for each person without one (joiners), in `$batch` round trips; a request that already exists
 *   (the unique `RequestKey` answers 409) is fine: an earlier or concurrent run wrote it;
 * - leavers' open requests of this campaign are cancelled (never counted overdue), open requests past due
 *   become Overdue, and requests whose trusted acknowledgement exists catch up (Acknowledged, `Late`);
 * every update sends the eTag it read (`If-Match`): a 412 means someone else changed the request, so the release
 * is read again and planned once more;
 * - the notices due today (`noticeDue`): each request's `LastNotifiedOn`/`LastNotice` is written FIRST, with
 *   `If-Match`, and only the run whose write wins sends the notification. That is what keeps two concurrent runs
 *   to at most one notice per person, request and day. A send that fails after the mark is reported, not retried
 *   the same day;
 * - the campaign's stored figures (with `If-Match`), only when they changed or were last stored on an earlier
 *   day: a second run on the same day writes nothing and sends nothing.
 *
 * React-free. Minimum delegated scopes: `Sites.ReadWrite.All`, `GroupMember.Read.All` (plus `User.Read.All` for
 * departments), `TeamsActivity.Send`; app-only (the job): `Sites.Selected` write grant, `GroupMember.Read.All`,
 * `User.Read.All`, `TeamsActivity.Send`.
 */
import { batch, type BatchRequest, type BatchResponse } from '../../../graph/core/batch.js';
import type { GraphClient } from '../../../graph/core/client.js';
import { f } from '../../../graph/core/filter.js';
import { GraphError, isAmbiguousGraphFailure, isAmbiguousStatus } from '../../../graph/core/errors.js';
import { getTransitiveUserMembers, getUserByUpnOrId, type DirectoryPerson } from '../../../graph/directory/members.js';
import { createItemRequest, updateItemFieldsRequest } from '../../../graph/lists/batchRequests.js';
import { createItem, listAllItems, updateItemFields, type ListItem } from '../../../graph/lists/items.js';
import { ackCampaigns, ackRequests } from '../../../graph/schema/acknowledgements.js';
import { documentReleases, smsDocuments } from '../../../graph/schema/documents.js';
import { sendActivityNotificationToRecipients, type ActivityNotification } from '../../../graph/teamwork/notifications.js';
import {
  asksAgain,
  canManageCampaigns,
  figuresOf,
  LEFT_AUDIENCE,
  noticeDue,
  planCampaignRun,
  requestTransition,
  viewRequests,
  type AckCampaign,
  type AckFigures,
  type AckRefusalCode,
  type AckRequest,
  type Acknowledgement,
  type AudienceMember,
  type CampaignPlan,
  type CampaignStatus,
  type CampaignTrigger,
  type NoticeKind,
  type RequestEvent,
  type RequestView,
} from '../../domain/acknowledgements/index.js';
import { addDays, isIsoDate } from '../../domain/documents/dates.js';
import type { SmsRole } from '../../domain/roles.js';
import { activityTemplateParameters } from '../activityTypes.js';
import { appendAuditEntry, type AuditRecord } from '../auditTrail.js';
import { localDate, siteDateOf, siteDateValue, type Clock } from '../clock.js';
import { listRefOf } from '../site.js';
import { CAMPAIGN_SELECT, campaignOf, figuresFields, newRequestFields, requestOf } from './mapping.js';
import { loadCampaign, loadCampaigns, loadReleaseAcknowledgements, siteDateIn, type AckRecords, type AckSite } from './read.js';

/** Who acts: the signed-in person (UPN, SMS roles, site lookup id), or the unattended job. */
export interface CampaignActor {
  readonly upn: string;
  readonly roles: readonly SmsRole[];
  readonly lookupId?: string | null;
  /**
   * The scheduled job signed in app-only (`npm run jobs`): no person acts, the site's grants to the jobs app
   * decide what it may write. Its runs are reconciliations and system steps only.
   */
  readonly unattended?: boolean;
}

/** What the engine needs: Graph, the SMS site's lists, time, who acts and how notices link back. */
export interface CampaignContext {
  readonly client: GraphClient;
  readonly site: AckSite;
  readonly clock: Clock;
  /** The SMS site's time zone (IANA): date-only values are its calendar dates. Absent: UTC, today by `clock`. */
  readonly timeZone?: string;
  readonly actor: CampaignActor;
  /**
   * The address a notification opens for a request (a Teams deep link to "My acknowledgements", or the app's
   * page). Without it no notice is sent or marked: the next run that has one (the job) sends it.
   */
  readonly noticeLink?: (request: AckRequest) => string;
  /** False: reconcile without sending (or marking) notices. Default true. */
  readonly notify?: boolean;
  /** The Teams app (catalog id) to send as, when several are installed for the recipient. */
  readonly teamsAppId?: string;
  readonly signal?: AbortSignal;
}

export type CampaignRefusalCode = AckRefusalCode | 'audienceEmpty' | 'dueDateInvalid' | 'dueDatePast' | 'campaignNotOpen';

/** A campaign step the rules refuse (nothing was written). */
export class CampaignRefusedError extends Error {
  override readonly name: string = 'CampaignRefusedError';
  constructor(
    readonly code: CampaignRefusalCode,
    message: string,
  ) {
    super(message);
  }
}

/** What one run of a campaign did. */
export interface CampaignRunSummary {
  /** The campaign as stored after the run. */
  readonly campaign: AckCampaign;
  /** Requests created (new campaign or joiners). */
  readonly created: number;
  /** Leavers' requests cancelled. */
  readonly cancelled: number;
  /** Requests marked Overdue. */
  readonly overdue: number;
  /** Requests whose stored status caught up with their acknowledgement. */
  readonly acknowledged: number;
  /** Notices sent, by kind. */
  readonly notified: Readonly<Record<NoticeKind, number>>;
  /** The figures after the run (also stored on the campaign). */
  readonly figures: AckFigures;
  /** People named individually whom the directory does not know (they get no request). */
  readonly unknownPeople: readonly string[];
  /** What did not go through (a write refused twice, a notification Graph did not accept): reported, not retried today. */
  readonly problems: readonly string[];
}

const NO_NOTICES: Record<NoticeKind, number> = { requested: 0, beforeDue: 0, afterDue: 0 };

/** Roles whose step publishes a document: the publishing controller or SMS manager, or the approver whose final approval publishes (src/domain/documents/access.ts `canPublishOrWithdraw`, `canApproveContent`). */
const PUBLISHING_ROLES: readonly SmsRole[] = ['smsManager', 'documentController', 'topManagement', 'processOwner'];

/** May `actor` start (or supersede for) a campaign with this trigger: on demand the controller and the SMS manager; a publication whoever published. */
export function mayStartCampaign(actor: CampaignActor, trigger: CampaignTrigger): boolean {
  if (actor.unattended || canManageCampaigns(actor.roles)) return true;
  return trigger === 'Publication' && actor.roles.some((r) => PUBLISHING_ROLES.includes(r));
}

const notPermitted = (what: string) => new CampaignRefusedError('notPermitted', `Only a document controller or the SMS manager can ${what}.`);

function requireManager(ctx: CampaignContext, what: string): void {
  if (!ctx.actor.unattended && !canManageCampaigns(ctx.actor.roles)) throw notPermitted(what);
}

/** Today on the site (the calendar date of the clock's now in the site's time zone). */
const todayOf = (ctx: CampaignContext): string => (ctx.timeZone ? (siteDateOf(ctx.clock.now(), ctx.timeZone) ?? ctx.clock.today()) : ctx.clock.today());
/** The site date of an instant, as `todayOf` reckons days. */
const dayOf = (ctx: CampaignContext, instant: string): string | null => (ctx.timeZone ? siteDateOf(instant, ctx.timeZone) : Number.isNaN(Date.parse(instant)) ? null : localDate(new Date(instant)));

const requestsList = (ctx: CampaignContext) => listRefOf(ctx.site, ackRequests.key);
const campaignsList = (ctx: CampaignContext) => listRefOf(ctx.site, ackCampaigns.key);
const ok = (r: BatchResponse | undefined) => r !== undefined && r.status >= 200 && r.status < 300;
const errorText = (r: BatchResponse | undefined) => {
  const e = (r?.body as { error?: { code?: string; message?: string } } | undefined)?.error;
  return `${r?.status ?? 'no answer'}${e?.code ? ` ${e.code}` : ''}${e?.message ? `: ${e.message}` : ''}`;
};
const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

// ---------- starting ----------

/** What a campaign start says: the release, who, by when, why, and the key that makes a repeated start find it. */
export interface StartCampaignInput {
  readonly release: { readonly id: number; readonly docId: string; readonly title: string; readonly versionLabel: string; readonly fileHash: string | null };
  /** Entra group ids (nested groups are resolved when the campaign runs). */
  readonly audienceGroups: readonly string[];
  /** UPNs of people named individually. */
  readonly audiencePeople: readonly string[];
  /** Site date (YYYY-MM-DD), today or later. */
  readonly dueDate: string;
  readonly trigger: CampaignTrigger;
  /** Unique key of this start (`publication:<releaseId>`, or a key the client made once for its dialog). */
  readonly startKey: string;
}

/** The campaign with this start key, if any (a repeated start). */
export async function findCampaignByStartKey(ctx: Pick<CampaignContext, 'client' | 'site' | 'timeZone' | 'signal'>, startKey: string): Promise<AckCampaign | null> {
  const items = await listAllItems(ctx.client, ctx.site.siteId, listRefOf(ctx.site, ackCampaigns.key), {
    schema: ackCampaigns,
    filter: f.eq('fields/StartKey', startKey),
    select: [...CAMPAIGN_SELECT],
    properties: ['id', 'eTag'],
    top: 10,
    signal: ctx.signal,
  });
  return items.map((i) => campaignOf(i, ctx.timeZone))[0] ?? null;
}

/** How many times a campaign create is sent again after it went unanswered and nothing landed. */
const MAX_CREATE_ATTEMPTS = 3;

/**
 * Starts a campaign and runs it at once (requests for the audience, the "requested" notices). Idempotent: a
 * repeated start with the same `startKey` (a retry, a second click, a create refused as a duplicate or left
 * unanswered) finds the campaign and runs it again, which writes only what is missing.
 */
export async function startCampaign(ctx: CampaignContext, input: StartCampaignInput): Promise<{ campaign: AckCampaign; started: boolean; run: CampaignRunSummary }> {
  if (!mayStartCampaign(ctx.actor, input.trigger)) throw notPermitted('start an acknowledgement campaign');
  const what = `${input.release.docId} ${input.release.versionLabel}`;
  const groups = [...new Set(input.audienceGroups.map((g) => g.trim()).filter((g) => g !== ''))];
  const people = [...new Set(input.audiencePeople.map((p) => p.trim().toLowerCase()).filter((p) => p !== ''))];
  if (groups.length === 0 && people.length === 0) throw new CampaignRefusedError('audienceEmpty', `Choose who must acknowledge ${what}: groups or people.`);
  if (!isIsoDate(input.dueDate)) throw new CampaignRefusedError('dueDateInvalid', `The due date for acknowledging ${what} is not a date.`);
  const startKey = input.startKey.trim();
  if (startKey === '') throw new Error('A campaign start needs its start key.');

  let campaign: AckCampaign | null = null;
  if (input.dueDate < todayOf(ctx)) {
    // A late retry of a start that happened may carry a due date now past: it finds its campaign.
    campaign = await findCampaignByStartKey(ctx, startKey);
    if (!campaign) throw new CampaignRefusedError('dueDatePast', `The due date for acknowledging ${what} (${input.dueDate}) has passed; choose today or later.`);
  }
  let started = false;
  if (!campaign) {
    const now = ctx.clock.now();
    const fields = {
      Title: `${what}: acknowledgement`,
      DocumentVersionId: input.release.id,
      DocId: input.release.docId,
      DocTitle: input.release.title,
      VersionLabel: input.release.versionLabel,
      ...(input.release.fileHash ? { FileHash: input.release.fileHash } : {}),
      CampaignStatus: 'Open',
      Trigger: input.trigger,
      AudienceGroups: groups.join('\n'),
      AudiencePeople: people.join('\n'),
      DueDate: input.dueDate,
      StartedOn: now,
      StartKey: startKey,
    };
    for (let attempt = 1; !campaign; attempt++) {
      try {
        campaign = campaignOf(await createItem(ctx.client, ctx.site.siteId, campaignsList(ctx), fields, ctx.signal), ctx.timeZone);
        started = true;
      } catch (e) {
        if (!(e instanceof GraphError)) throw e;
        // Refused as a duplicate of the unique StartKey, or unanswered: look for the campaign by its key.
        campaign = await findCampaignByStartKey(ctx, startKey);
        if (!campaign && (!isAmbiguousGraphFailure(e) || attempt >= MAX_CREATE_ATTEMPTS)) throw e;
      }
    }
  }
  await appendAuditEntry(ctx.client, ctx.site, campaignAudit(ctx, campaign, 'Created', null, 'Open', startComment(campaign)), {
    // A repeated start writes the entry only if the earlier one did not.
    dedupe: !started,
    dedupeScope: { afterToStatus: 'Open', since: campaign.startedOn },
    signal: ctx.signal,
  });
  const run = await reconcile(ctx, campaign);
  return { campaign: run.campaign, started, run };
}

function startComment(c: AckCampaign): string {
  const who = [c.audienceGroups.length ? `${c.audienceGroups.length} group(s)` : '', c.audiencePeople.length ? `${c.audiencePeople.length} person(s)` : ''].filter(Boolean).join(' and ');
  return `Acknowledgement of ${c.docId} ${c.versionLabel} requested from ${who}, due ${c.dueDate} (${c.trigger}; campaign ${c.id}).`;
}

function campaignAudit(ctx: CampaignContext, c: AckCampaign, eventType: AuditRecord['eventType'], from: string | null, to: string | null, comment: string): AuditRecord {
  return {
    listKey: ackCampaigns.key,
    entityType: ackCampaigns.entity ?? 'AcknowledgementCampaign',
    entityRef: `${c.docId} ${c.versionLabel}`,
    entityItemId: c.id,
    eventType,
    at: ctx.clock.now(),
    fromStatus: from,
    toStatus: to,
    comment,
    actor: { upn: ctx.actor.upn, lookupId: ctx.actor.lookupId ?? null },
    details: { campaignId: c.id, releaseId: c.releaseId, trigger: c.trigger, audienceGroups: c.audienceGroups, audiencePeople: c.audiencePeople, dueDate: c.dueDate },
  };
}

// ---------- running ----------

/** The people a campaign's audience reaches now: every user of its groups (nested groups too) and the people named. */
export async function resolveAudience(ctx: Pick<CampaignContext, 'client' | 'signal'>, campaign: Pick<AckCampaign, 'audienceGroups' | 'audiencePeople'>): Promise<{ members: AudienceMember[]; unknownPeople: string[] }> {
  const [groups, named] = await Promise.all([
    Promise.all(campaign.audienceGroups.map((g) => getTransitiveUserMembers(ctx.client, g, ctx.signal))),
    Promise.all(campaign.audiencePeople.map(async (upn) => ({ upn, person: await getUserByUpnOrId(ctx.client, upn, ctx.signal) }))),
  ]);
  const members = new Map<string, AudienceMember>();
  const add = (p: DirectoryPerson) => {
    const id = (p.id ?? '').trim().toLowerCase();
    const upn = (p.userPrincipalName ?? p.mail ?? '').trim().toLowerCase();
    if (id === '' || upn === '' || members.has(id)) return;
    members.set(id, { userId: id, upn, name: p.displayName?.trim() || upn, department: p.department?.trim() || null });
  };
  for (const list of groups) list.forEach(add);
  const unknownPeople: string[] = [];
  for (const n of named) {
    if (n.person) add(n.person);
    else unknownPeople.push(n.upn);
  }
  return { members: [...members.values()], unknownPeople };
}

/**
 * Reconciles an open campaign now (see the module comment): what the job does every day and a controller's
 * "check now". Only the document controller and the SMS manager (or the job) run campaigns.
 */
export async function runCampaign(ctx: CampaignContext, campaign: AckCampaign): Promise<CampaignRunSummary> {
  requireManager(ctx, 'run an acknowledgement campaign');
  return reconcile(ctx, campaign);
}

/** Every open campaign, one after another; a campaign that fails is reported with its error and the rest still run. */
export async function runOpenCampaigns(ctx: CampaignContext): Promise<{ campaign: AckCampaign; run?: CampaignRunSummary; error?: string }[]> {
  requireManager(ctx, 'run acknowledgement campaigns');
  const open = await loadCampaigns(ctx.client, ctx.site, { status: 'Open', timeZone: ctx.timeZone, signal: ctx.signal });
  const out: { campaign: AckCampaign; run?: CampaignRunSummary; error?: string }[] = [];
  for (const campaign of open.sort((a, b) => Number(a.id) - Number(b.id))) {
    try {
      out.push({ campaign, run: await reconcile(ctx, campaign) });
    } catch (e) {
      if (ctx.signal?.aborted) throw e;
      out.push({ campaign, error: message(e) });
    }
  }
  return out;
}

interface RunState {
  readonly ctx: CampaignContext;
  readonly campaign: AckCampaign;
  readonly today: string;
  readonly now: string;
  /** The release's requests by key, as last read or written. */
  readonly requests: Map<string, AckRequest>;
  acks: readonly Acknowledgement[];
  created: number;
  cancelled: number;
  overdue: number;
  acknowledged: number;
  readonly problems: string[];
}

const loadRelease = (ctx: CampaignContext, releaseId: number): Promise<AckRecords> =>
  loadReleaseAcknowledgements(ctx.client, ctx.site, releaseId, { timeZone: ctx.timeZone, today: todayOf(ctx), signal: ctx.signal });

function refresh(state: RunState, records: AckRecords): void {
  state.requests.clear();
  for (const r of records.requests) state.requests.set(r.key, r);
  state.acks = records.acks;
}

/** The request as the server answered a write of its fields (`PATCH …/fields` returns the fields and the new eTag). */
const afterWrite = (state: RunState, r: AckRequest, fields: unknown): AckRequest => requestOf({ id: r.id, fields: fields as Record<string, unknown> } as ListItem, state.ctx.timeZone);

async function reconcile(ctx: CampaignContext, campaign: AckCampaign): Promise<CampaignRunSummary> {
  const empty = { created: 0, cancelled: 0, overdue: 0, acknowledged: 0, notified: { ...NO_NOTICES }, unknownPeople: [], problems: [] };
  if (campaign.status !== 'Open') return { ...empty, campaign, figures: campaign.figures ?? figuresOf([]) };
  const siteDate = siteDateIn(ctx.timeZone);
  const state: RunState = { ctx, campaign, today: todayOf(ctx), now: ctx.clock.now(), requests: new Map(), acks: [], created: 0, cancelled: 0, overdue: 0, acknowledged: 0, problems: [] };
  const [audience, records] = await Promise.all([resolveAudience(ctx, campaign), loadRelease(ctx, campaign.releaseId)]);
  refresh(state, records);

  const plan = () => planCampaignRun(audience.members, [...state.requests.values()], state.acks, campaign.releaseId, state.today, siteDate);
  if (await carryOut(state, plan(), false)) {
    // Someone else wrote some of these requests since they were read: read the release again and plan once more.
    refresh(state, await loadRelease(ctx, campaign.releaseId));
    await carryOut(state, plan(), true);
  }
  const notified = await sendNotices(state);
  const views = viewRequests([...state.requests.values()], state.acks, state.today, siteDate);
  const figures = figuresOf(views);
  const stored = await storeFigures(state, figures, newestCounted(views));
  return {
    campaign: stored,
    created: state.created,
    cancelled: state.cancelled,
    overdue: state.overdue,
    acknowledged: state.acknowledged,
    notified,
    figures,
    unknownPeople: audience.unknownPeople,
    problems: state.problems,
  };
}

/**
 * Server time (`createdDateTime`) of the newest acknowledgement the figures count, or null. Never the
 * `AcknowledgedOn` its author wrote: Home adds only acknowledgements the server created after this instant, so a
 * client-written time far ahead would freeze Home's figure.
 */
function newestCounted(views: readonly RequestView[]): string | null {
  let newest: string | null = null;
  for (const v of views) {
    const at = v.status === 'Acknowledged' ? v.ack?.stamp.createdAt : undefined;
    if (at && (newest === null || Date.parse(at) > Date.parse(newest))) newest = at;
  }
  return newest;
}

type Update = { readonly request: AckRequest; readonly fields: Record<string, unknown>; readonly count: 'created' | 'cancelled' | 'overdue' | 'acknowledged' };

/** The fields a rules' event writes on a request, or null when the rules refuse it (nothing to write). */
function transitionFields(r: AckRequest, event: RequestEvent): Record<string, unknown> | null {
  const t = requestTransition(r, event);
  if (!t.ok) return null;
  return { RequestStatus: t.to, ...(t.reason !== null ? { StatusReason: t.reason } : {}) };
}

/**
 * Writes a plan: the new requests, then the updates with `If-Match`. Returns true when something needs the
 * release read again (a 412, a duplicate or unanswered create); on the `last` pass those are reported instead.
 */
async function carryOut(state: RunState, plan: CampaignPlan, last: boolean): Promise<boolean> {
  const { ctx, campaign } = state;
  const { siteId } = ctx.site;
  const list = requestsList(ctx);
  const ownCampaign = Number(campaign.id);
  const updates: Update[] = [];
  // Only this campaign's requests leave with its audience; another campaign of the release asked its own people.
  for (const r of plan.cancel.filter((x) => x.campaignId === ownCampaign)) {
    const fields = transitionFields(r, { type: 'cancel', reason: LEFT_AUDIENCE });
    if (fields) updates.push({ request: r, fields, count: 'cancelled' });
  }
  // Someone who left and is back in the audience: the same request asks again (one request per person and release),
  // and gets a "requested" notice again.
  for (const r of plan.reinstate.filter((x) => x.campaignId === ownCampaign)) {
    if (requestTransition(r, { type: 'reinstate' }).ok) updates.push({ request: r, fields: { RequestStatus: 'Pending', StatusReason: '', LastNotice: '' }, count: 'created' });
  }
  for (const r of plan.markOverdue) {
    const fields = transitionFields(r, { type: 'markOverdue', today: state.today });
    if (fields) updates.push({ request: r, fields, count: 'overdue' });
  }
  for (const v of plan.markAcknowledged) {
    updates.push({ request: v.request, fields: { RequestStatus: 'Acknowledged', AcknowledgedOn: v.acknowledgedAt, Late: v.late }, count: 'acknowledged' });
  }
  const creates = plan.create.map((m, i) => ({ member: m, request: createItemRequest(`create-${i}`, siteId, list, newRequestFields(campaign, m, state.now)) }));
  const writes = updates.map((u, i) => ({ update: u, request: updateItemFieldsRequest(`update-${i}`, siteId, list, u.request.id, u.fields, u.request.etag ?? '') }));
  if (creates.length === 0 && writes.length === 0) return false;

  const answers = await batch(ctx.client, [...creates.map((c) => c.request), ...writes.map((w) => w.request)], { signal: ctx.signal });
  let again = false;
  for (const c of creates) {
    const res = answers.get(c.request.id);
    if (ok(res)) {
      const r = requestOf(res!.body as ListItem, ctx.timeZone);
      state.requests.set(r.key, r);
      state.created++;
    } else if (res && (res.status === 409 || isAmbiguousStatus(res.status)) && !last) {
      // 409: the unique RequestKey exists (a concurrent run wrote it); unanswered: it may have landed. Read again.
      again = true;
    } else if (!(res && res.status === 409)) {
      state.problems.push(`request for ${c.member.upn}: ${errorText(res)}`);
    }
  }
  for (const w of writes) {
    const res = answers.get(w.request.id);
    if (ok(res)) {
      state.requests.set(w.update.request.key, afterWrite(state, w.update.request, res!.body));
      state[w.update.count]++;
    } else if (res && (res.status === 412 || isAmbiguousStatus(res.status)) && !last) {
      again = true;
    } else {
      state.problems.push(`request of ${w.update.request.userUpn} (${w.update.count}): ${errorText(res)}`);
    }
  }
  return again;
}

// ---------- notices ----------

/** The activity type and template parameters of a notice about `r`. */
function noticeOf(kind: NoticeKind, r: AckRequest): Pick<ActivityNotification, 'activityType' | 'templateParameters'> {
  const documentTitle = `${r.docTitle || r.docId} (${r.docId} ${r.versionLabel})`;
  return kind === 'requested'
    ? { activityType: 'acknowledgementRequested', templateParameters: activityTemplateParameters('acknowledgementRequested', { documentTitle }) }
    : { activityType: 'acknowledgementReminder', templateParameters: activityTemplateParameters('acknowledgementReminder', { documentTitle, dueDate: r.dueDate }) };
}

/** Marks, then sends, the notices due today (see the module comment). */
async function sendNotices(state: RunState): Promise<Record<NoticeKind, number>> {
  const { ctx } = state;
  const sent = { ...NO_NOTICES };
  const link = ctx.noticeLink;
  if (ctx.notify === false || !link) return sent;
  const views = viewRequests([...state.requests.values()], state.acks, state.today, siteDateIn(ctx.timeZone));
  const me = ctx.actor.unattended ? null : ctx.actor.upn.trim().toLowerCase();
  // Teams does not deliver a person's own delegated notification to them: their notice waits for the job.
  const due = views.flatMap((v) => {
    const kind = noticeDue(v, state.today);
    return kind && v.request.userUpn.toLowerCase() !== me ? [{ request: v.request, kind }] : [];
  });
  if (due.length === 0) return sent;

  const list = requestsList(ctx);
  const marks = due.map((d, i) => ({ ...d, mark: updateItemFieldsRequest(`notice-${i}`, ctx.site.siteId, list, d.request.id, { LastNotifiedOn: state.today, LastNotice: d.kind }, d.request.etag ?? '') }));
  const answers = await batch(ctx.client, marks.map((m) => m.mark), { signal: ctx.signal });
  const won = new Map<string, { kind: NoticeKind; notice: ActivityNotification; recipients: string[]; marked: { before: AckRequest; after: AckRequest }[] }>();
  for (const m of marks) {
    const res = answers.get(m.mark.id);
    if (!ok(res)) {
      // 412: another run marked it (and sends it) or the request changed; either way not ours to send today.
      if (res?.status !== 412) state.problems.push(`${m.kind} notice to ${m.request.userUpn} not marked: ${errorText(res)}`);
      continue;
    }
    const after = afterWrite(state, m.request, res!.body);
    state.requests.set(m.request.key, after);
    const notice: ActivityNotification = {
      topic: { source: 'text', value: `${m.request.docId} ${m.request.versionLabel}`, webUrl: link(m.request) },
      ...noticeOf(m.kind, m.request),
      ...(ctx.teamsAppId ? { teamsAppId: ctx.teamsAppId } : {}),
    };
    const key = JSON.stringify(notice);
    const group = won.get(key) ?? { kind: m.kind, notice, recipients: [], marked: [] };
    group.recipients.push(m.request.userId);
    group.marked.push({ before: m.request, after });
    won.set(key, group);
  }
  for (const g of won.values()) {
    try {
      await sendActivityNotificationToRecipients(ctx.client, g.recipients, g.notice, ctx.signal);
      sent[g.kind] += g.recipients.length;
    } catch (e) {
      // Refused outright (e.g. 403: no TeamsActivity.Send, app not installed): nothing went out, so the marks are
      // taken back for a later run. Unanswered (it may have gone out): the marks stay, at most one notice a day.
      const refused = e instanceof GraphError && e.status >= 400 && e.status < 500 && e.status !== 429;
      if (refused) await unmark(state, g.marked);
      state.problems.push(`${g.kind} notice to ${g.recipients.length} person(s) not sent${refused ? '' : ' (marked as sent today)'}: ${message(e)}`);
    }
  }
  return sent;
}

/** Restores the notice marks of requests whose notice was refused (`If-Match` on the eTag of the mark). */
async function unmark(state: RunState, marked: readonly { before: AckRequest; after: AckRequest }[]): Promise<void> {
  const { ctx } = state;
  const list = requestsList(ctx);
  const writes = marked.map((m, i) => ({
    m,
    request: updateItemFieldsRequest(`unmark-${i}`, ctx.site.siteId, list, m.after.id, { LastNotifiedOn: m.before.lastNotifiedOn, LastNotice: m.before.lastNotice }, m.after.etag ?? ''),
  }));
  const answers = await batch(ctx.client, writes.map((w) => w.request), { signal: ctx.signal });
  for (const w of writes) {
    const res = answers.get(w.request.id);
    if (ok(res)) state.requests.set(w.m.after.key, afterWrite(state, w.m.after, res!.body));
  }
}

// ---------- figures ----------

const FIGURE_KEYS = ['targeted', 'acknowledged', 'pending', 'overdue', 'late', 'waived'] as const;
const sameFigures = (a: AckFigures | null, b: AckFigures) => a !== null && FIGURE_KEYS.every((k) => a[k] === b[k]);
const sameInstant = (a: string | null, b: string | null) => (a === null || b === null ? a === b : Date.parse(a) === Date.parse(b));

/** Stores the figures on the campaign with `If-Match` (412: read it again, write once more), unless stored already today. */
async function storeFigures(state: RunState, figures: AckFigures, asOf: string | null): Promise<AckCampaign> {
  const { ctx } = state;
  let campaign = state.campaign;
  for (let attempt = 1; ; attempt++) {
    const ranToday = campaign.lastRunOn !== null && dayOf(ctx, campaign.lastRunOn) === state.today;
    if (ranToday && sameFigures(campaign.figures, figures) && sameInstant(campaign.figuresAsOf, asOf)) return campaign;
    if (campaign.status !== 'Open') return campaign;
    if (!campaign.etag) campaign = await loadCampaign(ctx.client, ctx.site, campaign.id, { timeZone: ctx.timeZone, signal: ctx.signal });
    try {
      const fields = await updateItemFields(ctx.client, ctx.site.siteId, campaignsList(ctx), campaign.id, figuresFields(figures, asOf, state.now), campaign.etag ?? '', ctx.signal);
      return campaignOf({ id: campaign.id, fields } as ListItem, ctx.timeZone);
    } catch (e) {
      if (!(e instanceof GraphError) || e.status !== 412 || attempt >= 2) {
        state.problems.push(`figures of campaign ${campaign.id} not stored: ${message(e)}`);
        return campaign;
      }
      campaign = await loadCampaign(ctx.client, ctx.site, campaign.id, { timeZone: ctx.timeZone, signal: ctx.signal });
    }
  }
}

// ---------- ending a release's requests ----------

/** What ending a release's open requests did. */
export interface ReleaseEnded {
  /** Open requests that became Superseded or Cancelled. */
  readonly requests: number;
  /** Requests whose acknowledgement existed: they caught up (Acknowledged) instead. */
  readonly acknowledged: number;
  /** Open campaigns of the release that became Superseded or Cancelled. */
  readonly campaigns: number;
  readonly problems: readonly string[];
}

/**
 * Ends a release's open requests (Pending/Overdue → `status`) and its open campaigns. A request whose trusted
 * acknowledgement exists is acknowledged, not ended. A 412 re-reads the release and writes once more.
 */
async function endRelease(ctx: CampaignContext, releaseId: number, event: RequestEvent, campaignStatus: Extract<CampaignStatus, 'Superseded' | 'Cancelled'>): Promise<ReleaseEnded> {
  const out = { requests: 0, acknowledged: 0, campaigns: 0, problems: [] as string[] };
  const list = requestsList(ctx);
  for (let pass = 1; pass <= 2; pass++) {
    const records = await loadRelease(ctx, releaseId);
    const writes: { request: BatchRequest; who: string; ack: boolean }[] = [];
    records.views.forEach((v, i) => {
      const r = v.request;
      if (r.status !== 'Pending' && r.status !== 'Overdue') return;
      if (v.status === 'Acknowledged') {
        writes.push({ request: updateItemFieldsRequest(`end-${i}`, ctx.site.siteId, list, r.id, { RequestStatus: 'Acknowledged', AcknowledgedOn: v.acknowledgedAt, Late: v.late }, r.etag ?? ''), who: r.userUpn, ack: true });
        return;
      }
      const fields = transitionFields(r, event);
      if (fields) writes.push({ request: updateItemFieldsRequest(`end-${i}`, ctx.site.siteId, list, r.id, fields, r.etag ?? ''), who: r.userUpn, ack: false });
    });
    if (writes.length === 0) break;
    const answers = await batch(ctx.client, writes.map((w) => w.request), { signal: ctx.signal });
    let again = false;
    for (const w of writes) {
      const res = answers.get(w.request.id);
      if (ok(res)) out[w.ack ? 'acknowledged' : 'requests']++;
      else if (res && (res.status === 412 || isAmbiguousStatus(res.status)) && pass === 1) again = true;
      else out.problems.push(`request of ${w.who}: ${errorText(res)}`);
    }
    if (!again) break;
  }
  const campaigns = await loadCampaigns(ctx.client, ctx.site, { releaseId, timeZone: ctx.timeZone, signal: ctx.signal });
  for (const c of campaigns.filter((x) => x.status === 'Open')) {
    try {
      await setCampaignStatus(ctx, c, campaignStatus, event.type === 'supersede' ? `Version ${event.byVersion} was published and asks again.` : event.type === 'cancel' ? event.reason : campaignStatus);
      out.campaigns++;
    } catch (e) {
      out.problems.push(`campaign ${c.id}: ${message(e)}`);
    }
  }
  return out;
}

/** Open → `to` with `If-Match` (412: read again; no longer open: nothing to do), with an audit entry. */
async function setCampaignStatus(ctx: CampaignContext, campaign: AckCampaign, to: Exclude<CampaignStatus, 'Open'>, reason: string): Promise<AckCampaign> {
  let c = campaign;
  for (let attempt = 1; ; attempt++) {
    if (c.status !== 'Open') return c;
    try {
      const fields = await updateItemFields(ctx.client, ctx.site.siteId, campaignsList(ctx), c.id, { CampaignStatus: to }, c.etag ?? '', ctx.signal);
      const after = campaignOf({ id: c.id, fields } as ListItem, ctx.timeZone);
      await appendAuditEntry(ctx.client, ctx.site, campaignAudit(ctx, after, 'Transition', 'Open', to, reason), { signal: ctx.signal });
      return after;
    } catch (e) {
      if (!(e instanceof GraphError) || (e.status !== 412 && !isAmbiguousGraphFailure(e)) || attempt >= 3) throw e;
      c = await loadCampaign(ctx.client, ctx.site, c.id, { timeZone: ctx.timeZone, signal: ctx.signal });
    }
  }
}

/** A newer major version asks again: the release's open requests and campaigns become Superseded. */
export async function supersedeRelease(ctx: CampaignContext, releaseId: number, byVersion: string): Promise<ReleaseEnded> {
  if (!mayStartCampaign(ctx.actor, 'Publication')) throw notPermitted('supersede acknowledgement requests');
  return endRelease(ctx, releaseId, { type: 'supersede', byVersion }, 'Superseded');
}

/** The document was withdrawn: the release's open requests and campaigns become Cancelled, with the reason. */
export async function cancelRelease(ctx: CampaignContext, releaseId: number, reason: string): Promise<ReleaseEnded> {
  requireManager(ctx, 'cancel acknowledgement requests');
  const why = reason.trim();
  if (why === '') throw new CampaignRefusedError('reasonRequired', 'Give the reason for cancelling the requests to acknowledge.');
  return endRelease(ctx, releaseId, { type: 'cancel', reason: why }, 'Cancelled');
}

// ---------- one request, one campaign ----------

/** The SMS manager waives one open request, with a reason (§6.3 rule 6). `If-Match`: a changed request throws a conflict. */
export async function waiveRequest(ctx: CampaignContext, request: AckRequest, reason: string): Promise<AckRequest> {
  const t = requestTransition(request, { type: 'waive', reason, actorRoles: ctx.actor.unattended ? [] : ctx.actor.roles });
  if (!t.ok) throw new CampaignRefusedError(t.code, t.message);
  const fields = await updateItemFields(ctx.client, ctx.site.siteId, requestsList(ctx), request.id, { RequestStatus: t.to, StatusReason: t.reason }, request.etag ?? '', ctx.signal);
  const after = requestOf({ id: request.id, fields } as ListItem, ctx.timeZone);
  await appendAuditEntry(
    ctx.client,
    ctx.site,
    {
      listKey: ackRequests.key,
      entityType: ackRequests.entity ?? 'AcknowledgementRequest',
      entityRef: `${request.docId} ${request.versionLabel}`,
      entityItemId: request.id,
      eventType: 'Waived',
      at: ctx.clock.now(),
      fromStatus: request.status,
      toStatus: t.to,
      comment: t.reason,
      actor: { upn: ctx.actor.upn, lookupId: ctx.actor.lookupId ?? null },
      details: { requestKey: request.key, user: request.userUpn },
    },
    { signal: ctx.signal },
  );
  return after;
}

/** A controller closes an open campaign (its requests stay as they are; the job no longer runs it). */
export async function closeCampaign(ctx: CampaignContext, campaign: AckCampaign): Promise<AckCampaign> {
  requireManager(ctx, 'close an acknowledgement campaign');
  if (campaign.status !== 'Open') throw new CampaignRefusedError('campaignNotOpen', `The campaign for ${campaign.docId} ${campaign.versionLabel} is ${campaign.status.toLowerCase()}.`);
  return setCampaignStatus(ctx, campaign, 'Closed', 'Closed by a controller.');
}

// ---------- publication ----------

/** What a publication hands over (a structural view of the documents area's `PublishedRelease`). */
export interface PublishedForAcknowledgement {
  readonly docId: string;
  readonly title: string;
  readonly versionLabel: string;
  readonly previousLabel: string | null;
  readonly release: { readonly itemId: string };
  readonly fileHash: string | null;
  readonly ack: { readonly required: boolean; readonly audience: readonly string[]; readonly dueDate: string | null; readonly dueDays?: number | null };
}

/**
 * After every publication: when the document requires acknowledgement and the version asks again (a first
 * publication or a new major version, `asksAgain`), the open requests and campaigns of its earlier releases are
 * superseded and a campaign for the audience starts (start key `publication:<release id>`). A minor version does
 * nothing. Idempotent: a retried publication finds its campaign and only fills in what is missing.
 */
export async function afterPublication(ctx: CampaignContext, published: PublishedForAcknowledgement): Promise<{ campaign: AckCampaign; run: CampaignRunSummary; superseded: ReleaseEnded[] } | null> {
  if (!published.ack.required || !asksAgain(published.versionLabel, published.previousLabel)) return null;
  const releaseId = Number(published.release.itemId);
  if (!Number.isInteger(releaseId) || releaseId <= 0) throw new Error(`The release of ${published.docId} ${published.versionLabel} has no item id.`);
  const earlier = await loadCampaigns(ctx.client, ctx.site, { docId: published.docId, timeZone: ctx.timeZone, signal: ctx.signal });
  const releases = [...new Set(earlier.filter((c) => c.releaseId !== releaseId && (c.status === 'Open' || c.status === 'Closed')).map((c) => c.releaseId))];
  const superseded: ReleaseEnded[] = [];
  for (const r of releases) superseded.push(await supersedeRelease(ctx, r, published.versionLabel));
  const dueDate = published.ack.dueDate ?? (published.ack.dueDays !== undefined && published.ack.dueDays !== null ? addDays(todayOf(ctx), published.ack.dueDays) : null);
  if (dueDate === null) throw new Error(`${published.docId} ${published.versionLabel} requires acknowledgement but has no due date.`);
  const { campaign, run } = await startCampaign(ctx, {
    release: { id: releaseId, docId: published.docId, title: published.title, versionLabel: published.versionLabel, fileHash: published.fileHash },
    audienceGroups: published.ack.audience,
    audiencePeople: [],
    dueDate,
    trigger: 'Publication',
    startKey: `publication:${releaseId}`,
  });
  return { campaign, run, superseded };
}

// ---------- publications whose campaign did not start ----------

/** What `catchUpPublications` did with one release: a publication without a campaign, or a withdrawn release with one open. */
export interface MissedPublication {
  readonly releaseId: number;
  readonly docId: string;
  readonly versionLabel: string;
  /** The campaign started now (null: a minor version, which asks nobody again). */
  readonly started?: { campaign: AckCampaign; run: CampaignRunSummary } | null;
  /** Why it was not started (e.g. its due date has passed). */
  readonly skipped?: string;
  /** A withdrawn release whose open campaign was still running: its requests were cancelled now. */
  readonly cancelled?: ReleaseEnded;
  readonly error?: string;
}

const EVENT_CHANGE_TYPES: readonly string[] = ['Reviewed – no change', 'Withdrawal'];
const labelNumbers = (label: string): [number, number] => {
  const m = /^(\d+)\.(\d+)$/.exec(label.trim());
  return m ? [Number(m[1]), Number(m[2])] : [-1, -1];
};
const labelBefore = (a: string, b: string) => {
  const [x, y] = labelNumbers(a);
  const [p, q] = labelNumbers(b);
  return x < p || (x === p && y < q);
};

/**
 * Catches up with document control: starts the campaigns of published releases that require acknowledgement but
 * have none (a publication whose publisher may not write campaigns: an approver's final approval publishes, and only
 * document controllers and the SMS manager write the campaign lists; or whose after-publication step failed), and
 * cancels the open campaigns of withdrawn releases (a withdrawal whose cancelling step failed). What the daily job
 * does before it reconciles the open campaigns. Three list reads (published, superseded and withdrawn releases) plus
 * the campaigns; a release whose due date has passed is reported, not started (a controller starts one on demand).
 */
export async function catchUpPublications(ctx: CampaignContext): Promise<MissedPublication[]> {
  requireManager(ctx, 'start acknowledgement campaigns');
  const releasesList = listRefOf(ctx.site, documentReleases.key);
  const select = ['DocId', 'VersionLabel', 'VersionStatus', 'ChangeType', 'FileHash', 'AckRequired', 'AckAudienceGroups', 'AckDueDate'];
  const releasesIn = (status: string) => listAllItems(ctx.client, ctx.site.siteId, releasesList, { schema: documentReleases, filter: f.eq('fields/VersionStatus', status), select, top: 5000, signal: ctx.signal });
  const [published, superseded, withdrawn, campaigns] = await Promise.all([
    releasesIn('Published'),
    releasesIn('Superseded'),
    releasesIn('Withdrawn'),
    loadCampaigns(ctx.client, ctx.site, { timeZone: ctx.timeZone, signal: ctx.signal }),
  ]);
  const withCampaign = new Set(campaigns.map((c) => c.releaseId));
  const fieldsOf = (i: ListItem) => (i.fields ?? {}) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
  const issued = (i: ListItem) => !EVENT_CHANGE_TYPES.includes(str(fieldsOf(i).ChangeType));
  const today = todayOf(ctx);
  const out: MissedPublication[] = [];
  const withdrawnIds = new Set(withdrawn.map((i) => Number(i.id)));
  for (const c of campaigns.filter((x) => x.status === 'Open' && withdrawnIds.has(x.releaseId))) {
    const base = { releaseId: c.releaseId, docId: c.docId, versionLabel: c.versionLabel };
    try {
      out.push({ ...base, cancelled: await cancelRelease(ctx, c.releaseId, `${c.docId} was withdrawn.`) });
    } catch (e) {
      if (ctx.signal?.aborted) throw e;
      out.push({ ...base, error: message(e) });
    }
  }
  for (const item of published.filter((i) => issued(i) && fieldsOf(i).AckRequired === true && !withCampaign.has(Number(i.id)))) {
    const f0 = fieldsOf(item);
    const base = { releaseId: Number(item.id), docId: str(f0.DocId), versionLabel: str(f0.VersionLabel) };
    try {
      const previous =
        [...published, ...superseded]
          .filter((i) => i !== item && issued(i) && str(fieldsOf(i).DocId) === base.docId && labelBefore(str(fieldsOf(i).VersionLabel), base.versionLabel))
          .map((i) => str(fieldsOf(i).VersionLabel))
          .sort((a, b) => (labelBefore(a, b) ? -1 : labelBefore(b, a) ? 1 : 0))
          .at(-1) ?? null;
      if (!asksAgain(base.versionLabel, previous)) continue;
      const dueDate = siteDateValue(f0.AckDueDate, ctx.timeZone);
      if (dueDate === null || dueDate < today) {
        out.push({ ...base, skipped: `published without a campaign and its due date (${dueDate ?? 'none'}) has passed: start a campaign on demand` });
        continue;
      }
      const docs = await listAllItems(ctx.client, ctx.site.siteId, listRefOf(ctx.site, smsDocuments.key), { schema: smsDocuments, filter: f.eq('fields/DocId', base.docId), select: ['Title', 'DocId'], top: 5, signal: ctx.signal });
      const title = str(fieldsOf(docs[0] ?? ({} as ListItem)).Title) || base.docId;
      const started = await afterPublication(ctx, {
        docId: base.docId,
        title,
        versionLabel: base.versionLabel,
        previousLabel: previous,
        release: { itemId: String(item.id) },
        fileHash: str(f0.FileHash) || null,
        ack: { required: true, audience: str(f0.AckAudienceGroups).split(/\r?\n/).map((g) => g.trim()).filter((g) => g !== ''), dueDate },
      });
      out.push({ ...base, started: started ? { campaign: started.campaign, run: started.run } : null });
    } catch (e) {
      if (ctx.signal?.aborted) throw e;
      out.push({ ...base, error: message(e) });
    }
  }
  return out;
}
