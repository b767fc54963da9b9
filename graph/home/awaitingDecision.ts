import type { GraphClient } from '../core/client.js';
import { batch, batchBody, type BatchRequest, type BatchResponse } from '../core/batch.js';
import { f, listFilter } from '../core/filter.js';
import { pages } from '../core/paging.js';
import { encodeQuery, seg } from '../core/request.js';
import { documentApprovals, documentReleases } from '../schema/documents.js';

/**
 * "Awaiting my decision": the controlled documents with a review or approval of the signed-in user
 * still to decide. Two reads, independent of each other, so they travel in one `$batch` (Home adds
 * them to its count batch; the register sends them on their own):
 * - `Document Approvals` items with `AssigneeUPN eq <upn>` (indexed): the user's approvals, whose
 *   `Decision` and `DocumentVersion` (the release) are checked on the returned rows;
 * - `Document Releases` items with `VersionStatus eq 'In review'` (indexed): the releases under
 *   review now, with their `DocId`.
 * A document awaits the user's decision when one of their approvals is `Pending` on a release that is
 * in review. The release check matters: asking for changes sends the release back to Draft and
 * closes the other approvers' tasks but leaves their records `Pending`; those are not decisions
 * anyone can make any more.
 *
 * Each request sends ONE indexed predicate ("when filtering on indexed fields, the service can only
 * filter one indexed field at a time", listitem-list; `listFilter` enforces it), so neither fails past
 * the 5,000-item list view threshold: the first reads the user's own approvals, the second the
 * releases in review across the site (work in progress, not the history).
 *
 * A user who may not read either list (403 `accessDenied`: the lists have unique permissions
 * without all staff) has nothing to decide: `noAccess`, never an error.
 *
 * Minimum delegated scope: `Sites.Read.All`.
 * Microsoft Learn: https://learn.microsoft.com/graph/api/listitem-list , https://learn.microsoft.com/graph/json-batching
 */

/** Items read per request (one page); more than this reads further pages (`getAwaitingDecision`) or shows as "N+" (Home). */
export const AWAITING_SCAN_CAP = 500;

/** The documents awaiting the user's decision, or why there is nothing to show. */
export type AwaitingDecision =
  | { state: 'found'; /** DocIds, sorted. */ docIds: string[]; /** A page limit was reached: there may be more. */ more: boolean }
  | { state: 'noAccess' }
  | { state: 'missingList'; list: string };

/** Ids of the two inner requests in a batch (Home's batch holds other requests too). */
export const AWAITING_REQUEST_IDS = { approvals: 'awaitingApprovals', releases: 'awaitingReleases' } as const;

const APPROVAL_RELEASE = 'DocumentVersionLookupId';

function itemsUrl(siteId: string, list: string, query: string): string {
  return `/sites/${seg(siteId)}/lists/${seg(list)}/items?${query}`;
}

/** The two inner requests (see the module comment). */
export function awaitingDecisionRequests(siteId: string, upn: string): BatchRequest[] {
  const approvals = encodeQuery({
    $filter: listFilter(documentApprovals, f.eq('fields/AssigneeUPN', upn)),
    // lastModifiedBy: a decision someone else wrote on the user's record does not count (it stays theirs to make).
    $select: 'id,lastModifiedBy',
    $expand: `fields($select=Decision,${APPROVAL_RELEASE})`,
    $top: AWAITING_SCAN_CAP,
  });
  const releases = encodeQuery({
    $filter: listFilter(documentReleases, f.eq('fields/VersionStatus', 'In review')),
    $select: 'id',
    $expand: 'fields($select=DocId)',
    $top: AWAITING_SCAN_CAP,
  });
  return [
    { id: AWAITING_REQUEST_IDS.approvals, method: 'GET', url: itemsUrl(siteId, documentApprovals.displayName, approvals) },
    { id: AWAITING_REQUEST_IDS.releases, method: 'GET', url: itemsUrl(siteId, documentReleases.displayName, releases) },
  ];
}

interface Item {
  id: string;
  fields?: Record<string, unknown>;
  lastModifiedBy?: { user?: { id?: string | null; email?: string | null } | null; application?: unknown } | null;
}

/** The signed-in user: UPN, and Entra object id when known (what SharePoint stamps as `lastModifiedBy.user.id`). */
export interface AwaitingUser {
  readonly upn: string;
  readonly userId?: string | null;
}

const lower = (s: string | null | undefined) => (s ?? '').trim().toLowerCase();

/**
 * True when the server stamped someone other than `me` as the last writer of a decided approval of
 * theirs: the decision does not count (src/domain/documents/integrity.ts), so it still awaits them.
 * By Entra object id when known, else by e-mail; a stamp naming nobody is taken as theirs.
 */
function decidedByOther(a: Item, me: AwaitingUser | undefined): boolean {
  if (!me || !a.lastModifiedBy) return false;
  if (a.lastModifiedBy.application) return true;
  const u = a.lastModifiedBy.user;
  if (me.userId && u?.id) return lower(u.id) !== lower(me.userId);
  return u?.email ? lower(u.email) !== lower(me.upn) : false;
}

interface ItemsBody {
  value?: Item[];
  '@odata.nextLink'?: string;
}

/** The documents of `releases` (in review) that hold a pending approval among `approvals`. */
export function awaitingDocIds(approvals: readonly Item[], releases: readonly Item[], me?: AwaitingUser): string[] {
  const pending = new Set(approvals.filter((a) => a.fields?.Decision === 'Pending' || decidedByOther(a, me)).map((a) => String(a.fields?.[APPROVAL_RELEASE] ?? '')));
  const docIds = releases.filter((r) => pending.has(String(r.id))).map((r) => String(r.fields?.DocId ?? '')).filter((d) => d !== '');
  return [...new Set(docIds)].sort();
}

/** 403 on either list: nothing to decide; 404: the list is not provisioned yet; else null. */
function unavailable(approvals: BatchResponse | undefined, releases: BatchResponse | undefined): AwaitingDecision | null {
  if (approvals?.status === 403 || releases?.status === 403) return { state: 'noAccess' };
  if (approvals?.status === 404) return { state: 'missingList', list: documentApprovals.displayName };
  if (releases?.status === 404) return { state: 'missingList', list: documentReleases.displayName };
  return null;
}

/**
 * The answer from the first page of each request, as Home reads it (one round trip): `more` when
 * either had a further page. Any failure other than 403/404 throws its `GraphError`.
 */
export function awaitingDecisionOf(approvals: BatchResponse | undefined, releases: BatchResponse | undefined, me?: AwaitingUser): AwaitingDecision {
  const gone = unavailable(approvals, releases);
  if (gone) return gone;
  const a = batchBody<ItemsBody>(approvals);
  const r = batchBody<ItemsBody>(releases);
  const more = a['@odata.nextLink'] !== undefined || r['@odata.nextLink'] !== undefined;
  return { state: 'found', docIds: awaitingDocIds(a.value ?? [], r.value ?? [], me), more };
}

/** The items of a batched collection response and of every further page (followed verbatim through graph/core). */
async function allItems(client: GraphClient, body: ItemsBody, signal?: AbortSignal): Promise<Item[]> {
  const items = [...(body.value ?? [])];
  const next = body['@odata.nextLink'];
  if (next) for await (const page of pages<Item>(client, next, { signal })) items.push(...page.items);
  return items;
}

/**
 * Every document awaiting the decision of `upn` (for the register's filter): the two reads in one
 * `$batch`, then any further pages of either. `more` is always false here.
 */
export async function getAwaitingDecision(client: GraphClient, siteId: string, upn: string, opts: { signal?: AbortSignal; userId?: string | null } = {}): Promise<AwaitingDecision> {
  const responses = await batch(client, awaitingDecisionRequests(siteId, upn), opts);
  const approvalsResponse = responses.get(AWAITING_REQUEST_IDS.approvals);
  const releasesResponse = responses.get(AWAITING_REQUEST_IDS.releases);
  const gone = unavailable(approvalsResponse, releasesResponse);
  if (gone) return gone;
  const [approvals, releases] = await Promise.all([
    allItems(client, batchBody<ItemsBody>(approvalsResponse), opts.signal),
    allItems(client, batchBody<ItemsBody>(releasesResponse), opts.signal),
  ]);
  return { state: 'found', docIds: awaitingDocIds(approvals, releases, { upn, userId: opts.userId }), more: false };
}
