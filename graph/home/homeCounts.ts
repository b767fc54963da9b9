import type { GraphClient } from '../core/client.js';
import { batch, batchBody, type BatchRequest, type BatchResponse } from '../core/batch.js';
import { f, listFilter, type FilterExpr } from '../core/filter.js';
import { encodeQuery, seg } from '../core/request.js';
import { acknowledgements, smsDocuments } from '../schema/documents.js';
import { actions } from '../schema/actions.js';
import { audits } from '../schema/audit.js';
import { managementReviews } from '../schema/review.js';
import type { SmsListSchema } from '../schema/types.js';

/**
 * The counts on the signed-in user's Home screen, read in ONE `$batch` round trip:
 * - pending acknowledgements: `Acknowledgements` items with `UserUPN eq <upn>` and `AckStatus eq 'Pending'`;
 * - open actions: `Actions` items with `AssignedToUPN eq <upn>` and an open `Status`;
 * - upcoming management reviews: `Management Reviews` items with `MeetingDate ge <today>`;
 * - upcoming audits: `Audits` items with `PlannedStart ge <today>`;
 * - optionally, document reviews due: `SMS Documents` items with `NextReviewDate le <due-by date>`.
 * Every filter goes through `listFilter`, so only indexed columns are used (Acknowledgements and
 * Actions are large lists). Lists are addressed by display name under the SMS site id
 * (`GET /sites/{site-id}/lists/{list-title}`, https://learn.microsoft.com/graph/api/list-get).
 *
 * Minimum delegated scope: `Sites.Read.All`.
 * Microsoft Learn: https://learn.microsoft.com/graph/api/listitem-list , https://learn.microsoft.com/graph/json-batching
 */

/** Items counted per list; more than this shows as "100+" instead of paging through them. */
export const HOME_COUNT_CAP = 100;

/** Statuses of an Action that still needs doing (domain §5.4: not Completed, Verified or Cancelled). */
export const OPEN_ACTION_STATUSES = ['Not started', 'In progress', 'Blocked'] as const;

/** One count: how many items matched (capped), or the list does not exist on the site yet. */
export type HomeCount =
  | { state: 'counted'; count: number; /** More than `count` matched (the cap was reached). */ more: boolean }
  | { state: 'missingList'; list: string };

export interface HomeCounts {
  pendingAcknowledgements: HomeCount;
  openActions: HomeCount;
  upcomingReviews: HomeCount;
  upcomingAudits: HomeCount;
  /** Controlled documents whose periodic review is due by `documentReviewsDueBy` (or overdue); only when asked for. */
  dueDocumentReviews?: HomeCount;
}

export interface HomeCountsInput {
  /** Id of the SMS site (`hostname,siteCollectionId,webId`). */
  siteId: string;
  /** UPN of the signed-in user, as kept in the `UserUPN` / `AssignedToUPN` text columns. */
  upn: string;
  /** The user's local calendar date; reviews and audits on or after it are upcoming. */
  today: { year: number; month: number; day: number };
  /**
   * Also count the `SMS Documents` whose `NextReviewDate` (indexed) is on or before this date —
   * due soon or overdue; the caller takes the window from the document rules. Withdrawn and
   * archived documents are not counted. Readers see published versions only (draft item security).
   */
  documentReviewsDueBy?: { year: number; month: number; day: number };
}

interface CountQuery {
  key: keyof HomeCounts;
  list: SmsListSchema;
  filter: FilterExpr;
  /** Items in these statuses are not counted (checked on the returned `fields`). */
  excludeStatuses?: readonly string[];
}

function queries(input: HomeCountsInput): CountQuery[] {
  const { upn } = input;
  const today = new Date(Date.UTC(input.today.year, input.today.month - 1, input.today.day));
  return [
    {
      key: 'pendingAcknowledgements',
      list: acknowledgements,
      filter: f.and(f.eq('fields/UserUPN', upn), f.eq('fields/AckStatus', 'Pending')),
    },
    {
      key: 'openActions',
      list: actions,
      filter: f.and(f.eq('fields/AssignedToUPN', upn), f.or(...OPEN_ACTION_STATUSES.map((s) => f.eq('fields/Status', s)))),
    },
    // A cancelled review or audit keeps its date but is not upcoming: its status comes back and is dropped here.
    { key: 'upcomingReviews', list: managementReviews, filter: f.ge('fields/MeetingDate', today), excludeStatuses: ['Cancelled'] },
    { key: 'upcomingAudits', list: audits, filter: f.ge('fields/PlannedStart', today), excludeStatuses: ['Cancelled'] },
    ...(input.documentReviewsDueBy
      ? [
          {
            key: 'dueDocumentReviews' as const,
            list: smsDocuments,
            filter: f.le('fields/NextReviewDate', new Date(Date.UTC(input.documentReviewsDueBy.year, input.documentReviewsDueBy.month - 1, input.documentReviewsDueBy.day))),
            excludeStatuses: ['Withdrawn', 'Archived'],
          },
        ]
      : []),
  ];
}

/** The inner requests of the Home batch (exported so callers and tests can see what is asked). */
export function homeCountRequests(input: HomeCountsInput): BatchRequest[] {
  return queries(input).map((q) => {
    const query = encodeQuery({
      $filter: listFilter(q.list, q.filter),
      $select: 'id',
      $expand: q.excludeStatuses ? `fields($select=${q.list.statusColumn ?? 'Status'})` : undefined,
      $top: HOME_COUNT_CAP,
    });
    return { id: q.key, method: 'GET', url: `/sites/${seg(input.siteId)}/lists/${seg(q.list.displayName)}/items?${query}` };
  });
}

interface ItemsBody {
  value?: { id: string; fields?: Record<string, unknown> }[];
  '@odata.nextLink'?: string;
}

function toCount(q: CountQuery, response: BatchResponse | undefined): HomeCount {
  // 404 from `lists/{title}` means the list has not been provisioned on the site yet.
  if (response?.status === 404) return { state: 'missingList', list: q.list.displayName };
  const body = batchBody<ItemsBody>(response);
  const statusColumn = q.list.statusColumn ?? 'Status';
  const items = (body.value ?? []).filter((i) => !q.excludeStatuses?.includes(String(i.fields?.[statusColumn] ?? '')));
  return { state: 'counted', count: items.length, more: body['@odata.nextLink'] !== undefined };
}

/**
 * Reads the four Home counts in one `POST /$batch`. A list that does not exist yet gives
 * `missingList` rather than an error; any other failed inner request throws its `GraphError`
 * (throttled inner requests were already retried by `batch`).
 */
export async function getHomeCounts(client: GraphClient, input: HomeCountsInput, opts: { signal?: AbortSignal } = {}): Promise<HomeCounts> {
  const qs = queries(input);
  const responses = await batch(client, homeCountRequests(input), opts);
  const entries = qs.map((q) => [q.key, toCount(q, responses.get(q.key))] as const);
  return Object.fromEntries(entries) as unknown as HomeCounts;
}
