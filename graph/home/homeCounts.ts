import type { GraphClient } from '../core/client.js';
import { batch, batchBody, type BatchRequest, type BatchResponse } from '../core/batch.js';
import { f, listFilter, siteMidnight, type FilterExpr } from '../core/filter.js';
import { encodeQuery, seg } from '../core/request.js';
import { smsDocuments } from '../schema/documents.js';
import { ackRequests, acknowledgements } from '../schema/acknowledgements.js';
import { actions } from '../schema/actions.js';
import { audits } from '../schema/audit.js';
import { managementReviews } from '../schema/review.js';
import { competenceRecords } from '../schema/people.js';
import type { SmsListSchema } from '../schema/types.js';
import { awaitingDecisionOf, awaitingDecisionRequests, AWAITING_REQUEST_IDS } from './awaitingDecision.js';

/**
 * The counts on the signed-in user's Home screen, read in ONE `$batch` round trip:
 * - pending acknowledgements: `Acknowledgement Requests` items with `UserUPN eq <upn>` and an open status,
 *   minus those whose key has the user's own acknowledgement (`Acknowledgements`, `UserUPN eq <upn>`, in the
 *   same batch; see `toPendingAcknowledgements`), so the count drops the moment they acknowledge;
 * - open actions: `Actions` items with `AssignedToUPN eq <upn>` and an open `Status`;
 * - upcoming management reviews: `Management Reviews` items with `MeetingDate ge <today>`;
 * - upcoming audits: `Audits` items with `PlannedStart ge <today>`;
 * - optionally, document reviews due: `SMS Documents` items with `NextReviewDate le <due-by date>`;
 * - optionally, the documents awaiting the user's decision (two requests, see ./awaitingDecision.ts);
 * - optionally, competence records expiring soon: `Competence Records` items with `ExpiresOn` between today and
 *   the given date (one field, both bounds) and a `Valid` status, everyone's or only the user's (`PersonUPN`).
 *
 * Each request sends ONE indexed predicate: "when filtering on indexed fields, the service can only
 * filter one indexed field at a time" (listitem-list), and a second predicate makes SharePoint scan
 * every row the first one matches, which fails past 5,000 (429). So the user's UPN (or the date) is
 * sent, and the status is checked on the returned rows. A request reads at most `HOME_SCAN_CAP`
 * items, so a count never reads unbounded rows: past the cap it shows as "N+".
 *
 * Date-only columns hold midnight of the date in the SITE's time zone (`timeZone`), so the date
 * bounds are that instant (`siteMidnight`), not UTC midnight.
 * Lists are addressed by display name under the SMS site id
 * (`GET /sites/{site-id}/lists/{list-title}`, https://learn.microsoft.com/graph/api/list-get).
 *
 * Minimum delegated scope: `Sites.Read.All`.
 * Microsoft Learn: https://learn.microsoft.com/graph/api/listitem-list , https://learn.microsoft.com/graph/json-batching
 */

/** Items counted per list; more than this shows as "100+". */
export const HOME_COUNT_CAP = 100;

/** Items read per count (one page): the rows the status is checked on. Reaching it also shows "N+". */
export const HOME_SCAN_CAP = 500;

/** Statuses of an Action that still needs doing (domain §5.4: not Completed, Verified or Cancelled). */
export const OPEN_ACTION_STATUSES = ['Not started', 'In progress', 'Blocked'] as const;

/** One count: how many items matched (capped), or the list does not exist on the site yet. */
export type HomeCount =
  | { state: 'counted'; count: number; /** More than `count` matched (a cap was reached). */ more: boolean }
  | { state: 'missingList'; list: string }
  /** The user may not read the list (403): nothing of theirs is in it. Only `awaitingDecision` has this state. */
  | { state: 'noAccess' };

export interface HomeCounts {
  pendingAcknowledgements: HomeCount;
  openActions: HomeCount;
  upcomingReviews: HomeCount;
  upcomingAudits: HomeCount;
  /** Controlled documents whose periodic review is due by `documentReviewsDueBy` (or overdue); only when asked for. */
  dueDocumentReviews?: HomeCount;
  /** Documents with a review or approval of the user's to decide (Pending, release in review); only when asked for. */
  awaitingDecision?: HomeCount;
  /** Valid competence records expiring from today to `competenceExpiringBy`; only when asked for. */
  expiringCompetence?: HomeCount;
}

export interface HomeCountsInput {
  /** Id of the SMS site (`hostname,siteCollectionId,webId`). */
  siteId: string;
  /** UPN of the signed-in user, as kept in the `UserUPN` / `AssignedToUPN` text columns. */
  upn: string;
  /** The user's Entra object id, when known: who SharePoint stamps as the writer of their decisions. */
  userId?: string | null;
  /** The user's local calendar date; reviews and audits on or after it are upcoming. */
  today: { year: number; month: number; day: number };
  /** The SMS site's time zone (IANA name), in which its date-only columns hold midnight; UTC when not given. */
  timeZone?: string;
  /**
   * Also count the `SMS Documents` whose `NextReviewDate` (indexed) is on or before this date —
   * due soon or overdue; the caller takes the window from the document rules. Withdrawn and
   * archived documents are not counted. Readers see published versions only (draft item security).
   */
  documentReviewsDueBy?: { year: number; month: number; day: number };
  /**
   * Also count the documents awaiting the user's decision (`Document Approvals`, `Document Releases`).
   * Callers leave it out for someone with no SMS role but employee: they approve nothing, and may
   * not read those lists.
   */
  awaitingDecision?: boolean;
  /**
   * Also count the `Valid` competence records whose `ExpiresOn` (indexed) is from today to this date: everyone's
   * for those who read every record (`of: 'everyone'`), else the user's own (`PersonUPN` checked on the rows).
   */
  competenceExpiringBy?: { year: number; month: number; day: number; of: 'everyone' | 'mine' };
}

interface CountQuery {
  key: keyof HomeCounts;
  list: SmsListSchema;
  /** The one predicate sent (one field). */
  filter: FilterExpr;
  /** The column checked on the returned rows, and the values that are counted or not. */
  check: { column: string; only?: readonly string[]; except?: readonly string[]; /** Also a text column equal to this (case-insensitive). */ also?: { column: string; equals: string } };
}

function queries(input: HomeCountsInput): CountQuery[] {
  const { upn } = input;
  const zone = input.timeZone ?? 'UTC';
  const today = siteMidnight(input.today, zone);
  const status = (list: SmsListSchema) => list.statusColumn ?? 'Status';
  return [
    { key: 'openActions', list: actions, filter: f.eq('fields/AssignedToUPN', upn), check: { column: status(actions), only: OPEN_ACTION_STATUSES } },
    // A cancelled review or audit keeps its date but is not upcoming: its status comes back and is dropped here.
    { key: 'upcomingReviews', list: managementReviews, filter: f.ge('fields/MeetingDate', today), check: { column: status(managementReviews), except: ['Cancelled'] } },
    { key: 'upcomingAudits', list: audits, filter: f.ge('fields/PlannedStart', today), check: { column: status(audits), except: ['Cancelled'] } },
    ...(input.documentReviewsDueBy
      ? [
          {
            key: 'dueDocumentReviews' as const,
            list: smsDocuments,
            filter: f.le('fields/NextReviewDate', siteMidnight(input.documentReviewsDueBy, zone)),
            check: { column: status(smsDocuments), except: ['Withdrawn', 'Archived'] },
          },
        ]
      : []),
    ...(input.competenceExpiringBy
      ? [
          {
            key: 'expiringCompetence' as const,
            list: competenceRecords,
            filter: f.and(f.ge('fields/ExpiresOn', today), f.le('fields/ExpiresOn', siteMidnight(input.competenceExpiringBy, zone))),
            check: { column: status(competenceRecords), only: ['Valid'], ...(input.competenceExpiringBy.of === 'mine' ? { also: { column: 'PersonUPN', equals: upn } } : {}) },
          },
        ]
      : []),
  ];
}

/** The inner requests of the Home batch (exported so callers and tests can see what is asked). */
export function homeCountRequests(input: HomeCountsInput): BatchRequest[] {
  const counts = queries(input).map((q): BatchRequest => {
    const query = encodeQuery({
      $filter: listFilter(q.list, q.filter),
      $select: 'id',
      $expand: `fields($select=${[q.check.column, ...(q.check.also ? [q.check.also.column] : [])].join(',')})`,
      $top: HOME_SCAN_CAP,
    });
    return { id: q.key, method: 'GET', url: `/sites/${seg(input.siteId)}/lists/${seg(q.list.displayName)}/items?${query}` };
  });
  const all = [...pendingAcknowledgementRequests(input), ...counts];
  return input.awaitingDecision ? [...all, ...awaitingDecisionRequests(input.siteId, input.upn)] : all;
}

/** Ids of the two inner requests of the pending-acknowledgements count. */
export const PENDING_ACK_REQUEST_IDS = { requests: 'pendingAcknowledgements', acks: 'pendingAcknowledgements-acks' } as const;

/**
 * Request statuses counted as pending. A stored `Acknowledged` counts too: it holds only with the person's own
 * acknowledgement behind it (the domain's `viewRequest`), which is subtracted below; without one it is open again.
 */
export const COUNTED_REQUEST_STATUSES = ['Pending', 'Overdue', 'Acknowledged'] as const;

/** The user's requests (`UserUPN`, indexed) and their acknowledgements (`UserUPN`, indexed): one field each. */
function pendingAcknowledgementRequests(input: HomeCountsInput): BatchRequest[] {
  const upn = input.upn.trim().toLowerCase();
  const url = (list: SmsListSchema, select: string, fields: string) =>
    `/sites/${seg(input.siteId)}/lists/${seg(list.displayName)}/items?${encodeQuery({ $filter: listFilter(list, f.eq('fields/UserUPN', upn)), $select: select, $expand: `fields($select=${fields})`, $top: HOME_SCAN_CAP })}`;
  return [
    { id: PENDING_ACK_REQUEST_IDS.requests, method: 'GET', url: url(ackRequests, 'id', 'RequestKey,RequestStatus') },
    { id: PENDING_ACK_REQUEST_IDS.acks, method: 'GET', url: url(acknowledgements, 'id,createdBy', 'AckKey,DocumentVersionId,UserId,UserUPN') },
  ];
}

interface StampedItemsBody {
  value?: { id: string; createdBy?: { user?: { id?: string | null; email?: string | null } | null; application?: unknown } | null; fields?: Record<string, unknown> }[];
  '@odata.nextLink'?: string;
}

const lower = (v: unknown) => (typeof v === 'string' ? v.trim().toLowerCase() : '');

/**
 * Pending acknowledgements: the user's requests in a counted status whose `RequestKey` no acknowledgement of
 * theirs has as its `AckKey`. An acknowledgement counts only when the server stamped the person it names as its
 * creator (`createdBy.user.id` = its `UserId`, or without an id `createdBy.user.email` = its `UserUPN`) and its key
 * is that person's key for its release: the domain's `ackTrustProblem` kept to those comparisons, because graph/
 * does not import the rules (an edited acknowledgement still counts on Home; "My acknowledgements" and
 * `npm run verify` apply every rule).
 * No `Acknowledgement Requests` list yet: `missingList`; no `Acknowledgements` list: nothing acknowledged.
 */
function toPendingAcknowledgements(responses: Map<string, BatchResponse>, upn: string): HomeCount {
  const requests = responses.get(PENDING_ACK_REQUEST_IDS.requests);
  if (requests?.status === 404) return { state: 'missingList', list: ackRequests.displayName };
  const acksResponse = responses.get(PENDING_ACK_REQUEST_IDS.acks);
  const acks = acksResponse?.status === 404 ? {} : batchBody<StampedItemsBody>(acksResponse);
  const done = new Set<string>();
  for (const a of acks.value ?? []) {
    const by = a.createdBy?.application ? null : a.createdBy?.user;
    const f = a.fields ?? {};
    const byPerson = by?.id ? lower(by.id) === lower(f.UserId) : !!by?.email && lower(by.email) === lower(f.UserUPN) && lower(f.UserUPN) === lower(upn);
    // The key is the one of the person it names (`<release>:<user id>`, the domain's `ackKey`).
    const ownKey = typeof f.AckKey === 'string' && f.AckKey === `${String(f.DocumentVersionId ?? '').trim()}:${lower(f.UserId)}`;
    if (byPerson && ownKey) done.add(f.AckKey as string);
  }
  const body = batchBody<StampedItemsBody>(requests);
  const counted = (body.value ?? []).filter((r) => {
    const f = r.fields ?? {};
    return (COUNTED_REQUEST_STATUSES as readonly unknown[]).includes(f.RequestStatus) && !done.has(String(f.RequestKey ?? ''));
  }).length;
  // Past a page of either, some may not have been seen: say "more".
  const more = counted > HOME_COUNT_CAP || body['@odata.nextLink'] !== undefined || acks['@odata.nextLink'] !== undefined;
  return { state: 'counted', count: Math.min(counted, HOME_COUNT_CAP), more };
}

/** The awaiting-decision count from its two inner responses (403 on either: `noAccess`). */
function toAwaitingCount(responses: Map<string, BatchResponse>, me: { upn: string; userId?: string | null }): HomeCount {
  const found = awaitingDecisionOf(responses.get(AWAITING_REQUEST_IDS.approvals), responses.get(AWAITING_REQUEST_IDS.releases), me);
  if (found.state !== 'found') return found;
  return { state: 'counted', count: Math.min(found.docIds.length, HOME_COUNT_CAP), more: found.more || found.docIds.length > HOME_COUNT_CAP };
}

interface ItemsBody {
  value?: { id: string; fields?: Record<string, unknown> }[];
  '@odata.nextLink'?: string;
}

function toCount(q: CountQuery, response: BatchResponse | undefined): HomeCount {
  // 404 from `lists/{title}` means the list has not been provisioned on the site yet.
  if (response?.status === 404) return { state: 'missingList', list: q.list.displayName };
  const body = batchBody<ItemsBody>(response);
  const { column, only, except, also } = q.check;
  const counted = (body.value ?? []).filter((i) => {
    const value = String(i.fields?.[column] ?? '');
    return (!only || only.includes(value)) && !except?.includes(value) && (!also || lower(i.fields?.[also.column]) === lower(also.equals));
  }).length;
  const more = counted > HOME_COUNT_CAP || body['@odata.nextLink'] !== undefined;
  return { state: 'counted', count: Math.min(counted, HOME_COUNT_CAP), more };
}

/**
 * Reads the Home counts in one `POST /$batch`. A list that does not exist yet gives
 * `missingList` rather than an error (the awaiting-decision count also gives `noAccess` on 403);
 * any other failed inner request throws its `GraphError` (throttled inner requests were already
 * retried by `batch`).
 */
export async function getHomeCounts(client: GraphClient, input: HomeCountsInput, opts: { signal?: AbortSignal } = {}): Promise<HomeCounts> {
  return (await getHomeCountsWith(client, input, [], opts)).counts;
}

/** The counts from the Home batch's responses. */
function homeCountsOf(input: HomeCountsInput, responses: Map<string, BatchResponse>): HomeCounts {
  const entries = queries(input).map((q) => [q.key, toCount(q, responses.get(q.key))] as const);
  const counts = { pendingAcknowledgements: toPendingAcknowledgements(responses, input.upn), ...Object.fromEntries(entries) } as unknown as HomeCounts;
  return input.awaitingDecision ? { ...counts, awaitingDecision: toAwaitingCount(responses, { upn: input.upn, userId: input.userId }) } : counts;
}

/**
 * The Home counts and other inner requests of Home in the SAME `$batch` (one round trip), e.g. the acknowledgement
 * compliance card's (src/platform/acknowledgements/homeCompliance.ts), whose responses come back as they are
 * for their caller to read. Their ids must differ from the counts' (`homeCountRequests`).
 */
export async function getHomeCountsWith(client: GraphClient, input: HomeCountsInput, extra: readonly BatchRequest[], opts: { signal?: AbortSignal } = {}): Promise<{ counts: HomeCounts; responses: Map<string, BatchResponse> }> {
  const responses = await batch(client, [...homeCountRequests(input), ...extra], opts);
  return { counts: homeCountsOf(input, responses), responses };
}
