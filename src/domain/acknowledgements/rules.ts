/**
 * The rules of policy acknowledgement (domain §5.4 "Acknowledgement", §6.3 rules 6 and 7). Pure functions: the
 * feature reads the lists, asks these what holds and what to write, and writes it.
 *
 * Request lifecycle (anything else is refused):
 * - Pending → Acknowledged: the person themself, by creating their acknowledgement (never on someone's behalf).
 * - Pending → Overdue: the job, once the due date has passed.
 * - Overdue → Acknowledged: the person; the request is then `Late`.
 * - Pending/Overdue → Superseded: the system, when a new major version asks again.
 * - Pending/Overdue → Waived: the SMS manager, with a reason.
 * - Pending/Overdue → Cancelled: the system, when the person left the audience or the document was withdrawn.
 * - Cancelled → Pending: the system, when someone who left the audience is back in it (only a request cancelled
 *   for that reason; the key allows one request per person and release, so the same request asks again).
 */
import type { SmsRole } from '../roles.js';
import type { AckFigures, AckRequest, Acknowledgement, AudienceMember, NoticeKind, RequestStatus } from './types.js';

const lower = (s: string | null | undefined) => (s ?? '').trim().toLowerCase();

/** The key one person's acknowledgement of one release has, on the request and on the acknowledgement. */
export function ackKey(releaseId: number | string, userId: string): string {
  return `${String(releaseId).trim()}:${lower(userId)}`;
}

/** Why an acknowledgement does not count (or null when it does). */
export type AckTrustProblem = 'notByPerson' | 'edited' | 'keyMismatch';

/**
 * Whether an acknowledgement is evidence: the server stamped the person it names as its creator (by Entra id, else
 * e-mail = UPN), it was never changed, and its key is that person's key for the release.
 */
export function ackTrustProblem(ack: Acknowledgement): AckTrustProblem | null {
  const byId = ack.stamp.createdById !== null && lower(ack.stamp.createdById) === lower(ack.userId);
  const byMail = ack.stamp.createdById === null && ack.stamp.createdByEmail !== null && lower(ack.stamp.createdByEmail) === lower(ack.userUpn);
  if (!byId && !byMail) return 'notByPerson';
  if (ack.stamp.edited) return 'edited';
  if (ack.key !== ackKey(ack.releaseId, ack.userId)) return 'keyMismatch';
  return null;
}

export const isTrusted = (ack: Acknowledgement | undefined | null): ack is Acknowledgement => !!ack && ackTrustProblem(ack) === null;

/** Site date of an instant, by the caller's converter (the site's time zone). */
export type SiteDateOf = (instant: string) => string | null;

/** A request with what it currently is, counting its acknowledgement. */
export interface RequestView {
  readonly request: AckRequest;
  /** The trusted acknowledgement, if any. */
  readonly ack: Acknowledgement | null;
  readonly status: RequestStatus;
  /** Acknowledged after the due date. */
  readonly late: boolean;
  /** When the acknowledgement was stored (server time), or null. */
  readonly acknowledgedAt: string | null;
}

/**
 * What a request is now: Acknowledged when a trusted acknowledgement with its key exists (late when the site date it
 * was given, `acknowledgedAt`, is after the due date); Overdue when still open after its due date; otherwise its
 * stored status. Superseded, waived and cancelled requests stay so. A stored "Acknowledged" without a trusted
 * acknowledgement behind it counts as open again (and `npm run verify` reports it).
 */
export function viewRequest(request: AckRequest, ack: Acknowledgement | null | undefined, today: string, siteDateOf: SiteDateOf): RequestView {
  const trusted = isTrusted(ack) && ack.key === request.key ? ack : null;
  const closed = request.status === 'Superseded' || request.status === 'Waived' || request.status === 'Cancelled';
  if (!closed && trusted) {
    const at = acknowledgedAt(trusted);
    const on = siteDateOf(at) ?? at.slice(0, 10);
    return { request, ack: trusted, status: 'Acknowledged', late: on > request.dueDate, acknowledgedAt: at };
  }
  if (closed) return { request, ack: trusted, status: request.status, late: false, acknowledgedAt: null };
  return { request, ack: null, status: today > request.dueDate ? 'Overdue' : 'Pending', late: false, acknowledgedAt: null };
}

/**
 * When a trusted acknowledgement was given: the `AcknowledgedOn` its author wrote (the history a migration or the demo
 * seed carries over is written later than it happened), else the server's creation time.
 */
export function acknowledgedAt(ack: Acknowledgement): string {
  return ack.acknowledgedOn.trim() !== '' && !Number.isNaN(Date.parse(ack.acknowledgedOn)) ? ack.acknowledgedOn : ack.stamp.createdAt;
}

/** Pairs requests with their acknowledgements by key and views each. */
export function viewRequests(requests: readonly AckRequest[], acks: readonly Acknowledgement[], today: string, siteDateOf: SiteDateOf): RequestView[] {
  const byKey = new Map<string, Acknowledgement>();
  for (const a of acks) {
    if (!isTrusted(a)) continue;
    const had = byKey.get(a.key);
    if (!had || a.stamp.createdAt < had.stamp.createdAt) byKey.set(a.key, a);
  }
  return requests.map((r) => viewRequest(r, byKey.get(r.key), today, siteDateOf));
}

export const EMPTY_FIGURES: AckFigures = { targeted: 0, acknowledged: 0, pending: 0, overdue: 0, late: 0, waived: 0, cancelled: 0, superseded: 0 };

/** Adds one viewed request to figures. */
function count(f: AckFigures, v: RequestView): AckFigures {
  switch (v.status) {
    case 'Cancelled':
      return { ...f, cancelled: f.cancelled + 1 };
    case 'Superseded':
      return { ...f, superseded: f.superseded + 1 };
    case 'Waived':
      return { ...f, targeted: f.targeted + 1, waived: f.waived + 1 };
    case 'Acknowledged':
      return { ...f, targeted: f.targeted + 1, acknowledged: f.acknowledged + 1, late: f.late + (v.late ? 1 : 0) };
    case 'Overdue':
      return { ...f, targeted: f.targeted + 1, overdue: f.overdue + 1 };
    case 'Pending':
      return { ...f, targeted: f.targeted + 1, pending: f.pending + 1 };
  }
}

/** The figures of a set of viewed requests. */
export function figuresOf(views: readonly RequestView[]): AckFigures {
  return views.reduce(count, EMPTY_FIGURES);
}

/** The figures per group (e.g. department), groups in name order; `groupOf` may return several groups. */
export function figuresBy(views: readonly RequestView[], groupOf: (v: RequestView) => readonly string[]): { group: string; figures: AckFigures }[] {
  const out = new Map<string, AckFigures>();
  for (const v of views) for (const g of groupOf(v)) out.set(g, count(out.get(g) ?? EMPTY_FIGURES, v));
  return [...out.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([group, figures]) => ({ group, figures }));
}

/** Acknowledged share of the people still counted (waived people count as done), 0–100, or null with nobody targeted. */
export function compliancePercent(f: AckFigures): number | null {
  return f.targeted === 0 ? null : Math.floor(((f.acknowledged + f.waived) * 100) / f.targeted);
}

// ---------- transitions ----------

export type AckRefusalCode = 'notAllowedFromStatus' | 'notPermitted' | 'reasonRequired' | 'notOwnRequest' | 'notYetDue';

export type RequestEvent =
  | { readonly type: 'acknowledge'; readonly byUserId: string }
  | { readonly type: 'markOverdue'; readonly today: string }
  | { readonly type: 'supersede'; readonly byVersion: string }
  | { readonly type: 'waive'; readonly reason: string; readonly actorRoles: readonly SmsRole[] }
  | { readonly type: 'cancel'; readonly reason: string }
  | { readonly type: 'reinstate' };

export type RequestTransition =
  | { readonly ok: true; readonly to: RequestStatus; readonly reason: string | null }
  | { readonly ok: false; readonly code: AckRefusalCode; readonly message: string };

const refuse = (code: AckRefusalCode, message: string): RequestTransition => ({ ok: false, code, message });

/** Whether `event` may change a request in `status` (the request lifecycle above), and to what. */
export function requestTransition(request: Pick<AckRequest, 'status' | 'userId' | 'dueDate' | 'docId' | 'versionLabel' | 'reason'>, event: RequestEvent): RequestTransition {
  const open = request.status === 'Pending' || request.status === 'Overdue';
  const what = `${request.docId} ${request.versionLabel}`;
  if (event.type === 'reinstate') {
    if (request.status === 'Cancelled' && request.reason === LEFT_AUDIENCE) return { ok: true, to: 'Pending', reason: null };
    return refuse('notAllowedFromStatus', `Only a request cancelled because its person left the audience is asked again; this one is ${request.status.toLowerCase()}.`);
  }
  if (!open) return refuse('notAllowedFromStatus', `The request to acknowledge ${what} is ${request.status.toLowerCase()}: nothing can change it now.`);
  switch (event.type) {
    case 'acknowledge':
      if (lower(event.byUserId) !== lower(request.userId)) return refuse('notOwnRequest', `Only the person asked can acknowledge ${what}; nobody acknowledges on someone else's behalf.`);
      return { ok: true, to: 'Acknowledged', reason: null };
    case 'markOverdue':
      if (request.status !== 'Pending') return refuse('notAllowedFromStatus', `The request to acknowledge ${what} is already overdue.`);
      if (!(event.today > request.dueDate)) return refuse('notYetDue', `The request to acknowledge ${what} is due on ${request.dueDate}.`);
      return { ok: true, to: 'Overdue', reason: null };
    case 'supersede':
      return { ok: true, to: 'Superseded', reason: `Version ${event.byVersion} was published and asks again.` };
    case 'waive': {
      if (!event.actorRoles.includes('smsManager')) return refuse('notPermitted', 'Only the SMS manager can waive a request to acknowledge.');
      const reason = event.reason.trim();
      if (reason === '') return refuse('reasonRequired', `Give the reason for waiving the request to acknowledge ${what}.`);
      return { ok: true, to: 'Waived', reason };
    }
    case 'cancel': {
      const reason = event.reason.trim();
      if (reason === '') return refuse('reasonRequired', `Give the reason for cancelling the request to acknowledge ${what}.`);
      return { ok: true, to: 'Cancelled', reason };
    }
  }
}

/** Who may start and run campaigns: the document controller and the SMS manager. */
export const canManageCampaigns = (roles: readonly SmsRole[]): boolean => roles.includes('smsManager') || roles.includes('documentController');

/** Who may waive a request: the SMS manager only (§6.3 rule 6). */
export const canWaive = (roles: readonly SmsRole[]): boolean => roles.includes('smsManager');

// ---------- versions ----------

const majorOf = (label: string | null | undefined): number | null => {
  const m = /^(\d+)\.(\d+)$/.exec((label ?? '').trim());
  return m ? Number(m[1]) : null;
};

/**
 * Whether publishing `label` asks everyone again and supersedes the open requests of `previous`: a new major
 * version does (3.0 after 2.x), a minor one (3.1 after 3.0) does not. A first publication asks.
 */
export function asksAgain(label: string, previous: string | null): boolean {
  const now = majorOf(label);
  const before = majorOf(previous);
  if (previous === null || before === null) return true;
  return now !== null && now > before;
}

// ---------- campaign runs ----------

/** What reconciling one campaign writes. */
export interface CampaignPlan {
  /** People in the audience without a request for the release yet (new campaign, or joiners). */
  readonly create: readonly AudienceMember[];
  /** Open requests of people no longer in the audience: cancelled, not counted as overdue. */
  readonly cancel: readonly AckRequest[];
  /** Requests cancelled when their person left the audience, who is back in it: asked again. */
  readonly reinstate: readonly AckRequest[];
  /** Open requests past their due date and not acknowledged. */
  readonly markOverdue: readonly AckRequest[];
  /** Requests whose trusted acknowledgement exists: stored status catches up (with `Late`). */
  readonly markAcknowledged: readonly RequestView[];
  /** Figures after the plan is carried out. */
  readonly figures: AckFigures;
}

/** Why a leaver's request is cancelled (stored as its reason). */
export const LEFT_AUDIENCE = 'No longer in the audience of the campaign.';

/**
 * Reconciles a campaign's requests with its audience now: joiners get a request, leavers' open requests are
 * cancelled, open requests past due become Overdue, and acknowledged ones catch up. `requests` are all requests of
 * the release (one per person, whichever campaign wrote it); only open campaigns are reconciled.
 */
export function planCampaignRun(
  audience: readonly AudienceMember[],
  requests: readonly AckRequest[],
  acks: readonly Acknowledgement[],
  releaseId: number,
  today: string,
  siteDateOf: SiteDateOf,
): CampaignPlan {
  const inAudience = new Map(audience.map((m) => [ackKey(releaseId, m.userId), m]));
  const requested = new Set(requests.map((r) => r.key));
  const create = [...inAudience.entries()].filter(([key]) => !requested.has(key)).map(([, m]) => m);
  const views = viewRequests(requests, acks, today, siteDateOf);
  const cancel: AckRequest[] = [];
  const reinstate: AckRequest[] = [];
  const markOverdue: AckRequest[] = [];
  const markAcknowledged: RequestView[] = [];
  const after: RequestView[] = [];
  for (const v of views) {
    const r = v.request;
    if (v.status === 'Acknowledged') {
      if (r.status !== 'Acknowledged' || r.late !== v.late) markAcknowledged.push(v);
      after.push(v);
    } else if ((v.status === 'Pending' || v.status === 'Overdue') && !inAudience.has(r.key)) {
      cancel.push(r);
      after.push({ ...v, status: 'Cancelled' });
    } else if (v.status === 'Cancelled' && r.reason === LEFT_AUDIENCE && inAudience.has(r.key)) {
      reinstate.push(r);
      after.push({ ...v, status: today > r.dueDate ? 'Overdue' : 'Pending' });
    } else {
      if (v.status === 'Overdue' && r.status === 'Pending') markOverdue.push(r);
      after.push(v);
    }
  }
  const counted = figuresOf(after);
  const figures = { ...counted, targeted: counted.targeted + create.length, pending: counted.pending + create.length };
  return { create, cancel, reinstate, markOverdue, markAcknowledged, figures };
}

// ---------- reminders ----------

/** Days before the due date when the "due soon" notice goes out. */
export const BEFORE_DUE_DAYS = 3;
/** Days between two notices after the due date. */
export const AFTER_DUE_EVERY_DAYS = 7;

const dayNumber = (date: string): number => Math.round(Date.parse(`${date}T00:00:00Z`) / 86_400_000);

/**
 * The notice a request is due today, or null: `requested` once when it has had none; `beforeDue` once when the due
 * date is at most `BEFORE_DUE_DAYS` away; `afterDue` on the first day past due and then every
 * `AFTER_DUE_EVERY_DAYS` days. Never two notices on one day for one request (one per person per campaign per day).
 */
export function noticeDue(view: Pick<RequestView, 'status' | 'request'>, today: string): NoticeKind | null {
  const r = view.request;
  if (view.status !== 'Pending' && view.status !== 'Overdue') return null;
  if (r.lastNotifiedOn !== null && r.lastNotifiedOn >= today) return null;
  const toDue = dayNumber(r.dueDate) - dayNumber(today);
  if (view.status === 'Overdue') {
    if (r.lastNotice !== 'afterDue') return 'afterDue';
    return r.lastNotifiedOn === null || dayNumber(today) - dayNumber(r.lastNotifiedOn) >= AFTER_DUE_EVERY_DAYS ? 'afterDue' : null;
  }
  if (r.lastNotice === null) return 'requested';
  if (toDue <= BEFORE_DUE_DAYS && r.lastNotice === 'requested') return 'beforeDue';
  return null;
}
