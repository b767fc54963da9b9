/**
 * Reading acknowledgement campaigns, requests and acknowledgements. Every query filters on ONE indexed column and
 * sends no `Prefer` header, so it works past SharePoint's 5,000-item list view threshold (listitem-list: "one
 * indexed field at a time"; graph-notes "List view threshold"), and its cost grows with what it returns, never with
 * the size of the list:
 * - a person's requests and acknowledgements: `UserUPN eq <upn>`, both in ONE `$batch` round trip;
 * - a release's requests and acknowledgements: `DocumentVersionId eq <id>`, both in ONE `$batch` (plus next pages
 *   past 5,000 people).
 *
 * Minimum delegated scope: `Sites.Read.All`.
 * Microsoft Learn: https://learn.microsoft.com/graph/api/listitem-list , https://learn.microsoft.com/graph/json-batching
 */
import { batch, batchBody, type BatchRequest } from '../../../graph/core/batch.js';
import type { GraphClient } from '../../../graph/core/client.js';
import { f } from '../../../graph/core/filter.js';
import { getPage } from '../../../graph/core/paging.js';
import { listItemsRequest } from '../../../graph/lists/batchRequests.js';
import { getItem, listAllItems, type ListItem } from '../../../graph/lists/items.js';
import { ackCampaigns, ackRequests, acknowledgements } from '../../../graph/schema/acknowledgements.js';
import { viewRequests, type AckCampaign, type AckRequest, type Acknowledgement, type CampaignStatus, type RequestView, type SiteDateOf } from '../../domain/acknowledgements/index.js';
import { DEFAULT_SITE_TIME_ZONE, siteDateOf } from '../clock.js';
import { listRefOf, type SmsSite } from '../site.js';
import { ACK_SELECT, acknowledgementOf, CAMPAIGN_SELECT, campaignOf, REQUEST_SELECT, requestOf } from './mapping.js';

export type AckSite = Pick<SmsSite, 'siteId' | 'listIds'>;

/** Items per page for a person's records (a person has a few dozen at most). */
export const MY_PAGE_SIZE = 500;
/** Items per page for a release's records: SharePoint's largest page, so 2,000 people come in one. */
export const RELEASE_PAGE_SIZE = 5000;

/** The metadata of a list item the rules need besides its fields: who created and last changed it, and when. */
const STAMP_PROPERTIES = ['id', 'createdBy', 'lastModifiedBy', 'createdDateTime', 'lastModifiedDateTime'] as const;
const ETAG_PROPERTIES = ['id', 'eTag'] as const;

/** The site's date of an instant, for the rules (`SiteDateOf`). */
export const siteDateIn =
  (timeZone: string = DEFAULT_SITE_TIME_ZONE): SiteDateOf =>
  (instant) =>
    siteDateOf(instant, timeZone);

interface Collection {
  value?: ListItem[];
  '@odata.nextLink'?: string;
}

/** The items of a batch response, then every next page (sequentially; only past a page's size). */
async function allOf(client: GraphClient, responses: Awaited<ReturnType<typeof batch>>, request: BatchRequest, signal?: AbortSignal): Promise<ListItem[]> {
  const body = batchBody<Collection>(responses.get(request.id), request);
  const items = [...(body.value ?? [])];
  let next = body['@odata.nextLink'] ?? null;
  while (next) {
    const page = await getPage<ListItem>(client, next, { signal });
    items.push(...page.items);
    next = page.nextLink;
  }
  return items;
}

/** The batch requests for one person's requests and acknowledgements (Home and "My acknowledgements" send these). */
export function myAcknowledgementRequests(site: AckSite, upn: string): { requests: BatchRequest; acks: BatchRequest } {
  const who = upn.trim().toLowerCase();
  return {
    requests: listItemsRequest('ack-my-requests', site.siteId, listRefOf(site, ackRequests.key), {
      schema: ackRequests,
      filter: f.eq('fields/UserUPN', who),
      select: [...REQUEST_SELECT],
      properties: [...ETAG_PROPERTIES],
      top: MY_PAGE_SIZE,
    }),
    acks: listItemsRequest('ack-my-acks', site.siteId, listRefOf(site, acknowledgements.key), {
      schema: acknowledgements,
      filter: f.eq('fields/UserUPN', who),
      select: [...ACK_SELECT],
      properties: [...STAMP_PROPERTIES],
      top: MY_PAGE_SIZE,
    }),
  };
}

/** Options of the loaders: the site's time zone (date-only values) and today's site date. */
export interface AckReadOptions {
  readonly timeZone?: string;
  /** Today on the site (YYYY-MM-DD). */
  readonly today: string;
  readonly signal?: AbortSignal;
}

/** A set of requests with their acknowledgements and what each request is now. */
export interface AckRecords {
  readonly requests: readonly AckRequest[];
  readonly acks: readonly Acknowledgement[];
  readonly views: readonly RequestView[];
}

/** Builds `AckRecords` from items (for callers that sent the batch requests themselves, e.g. Home). */
export function recordsOf(requestItems: readonly ListItem[], ackItems: readonly ListItem[], opts: Omit<AckReadOptions, 'signal'>): AckRecords {
  const requests = requestItems.map((i) => requestOf(i, opts.timeZone));
  const acks = ackItems.map(acknowledgementOf);
  return { requests, acks, views: viewRequests(requests, acks, opts.today, siteDateIn(opts.timeZone)) };
}

/** One person's requests and acknowledgements, in one `$batch` round trip whatever the size of the lists. */
export async function loadMyAcknowledgements(client: GraphClient, site: AckSite, upn: string, opts: AckReadOptions): Promise<AckRecords> {
  const q = myAcknowledgementRequests(site, upn);
  const responses = await batch(client, [q.requests, q.acks], { signal: opts.signal });
  const [requestItems, ackItems] = await Promise.all([allOf(client, responses, q.requests, opts.signal), allOf(client, responses, q.acks, opts.signal)]);
  return recordsOf(requestItems, ackItems, opts);
}

/** The batch requests for one release's requests and acknowledgements. */
export function releaseAcknowledgementRequests(site: AckSite, releaseId: number): { requests: BatchRequest; acks: BatchRequest } {
  return {
    requests: listItemsRequest(`ack-release-${releaseId}-requests`, site.siteId, listRefOf(site, ackRequests.key), {
      schema: ackRequests,
      filter: f.eq('fields/DocumentVersionId', releaseId),
      select: [...REQUEST_SELECT],
      properties: [...ETAG_PROPERTIES],
      top: RELEASE_PAGE_SIZE,
    }),
    acks: listItemsRequest(`ack-release-${releaseId}-acks`, site.siteId, listRefOf(site, acknowledgements.key), {
      schema: acknowledgements,
      filter: f.eq('fields/DocumentVersionId', releaseId),
      select: [...ACK_SELECT],
      properties: [...STAMP_PROPERTIES],
      top: RELEASE_PAGE_SIZE,
    }),
  };
}

/**
 * Every request and acknowledgement of one release (`DocumentVersionId`, the release's item id in `Document
 * Releases`): one `$batch`, plus a next page per 5,000 people. Grows with the people asked, never with the lists.
 */
export async function loadReleaseAcknowledgements(client: GraphClient, site: AckSite, releaseId: number, opts: AckReadOptions): Promise<AckRecords> {
  const q = releaseAcknowledgementRequests(site, releaseId);
  const responses = await batch(client, [q.requests, q.acks], { signal: opts.signal });
  const [requestItems, ackItems] = await Promise.all([allOf(client, responses, q.requests, opts.signal), allOf(client, responses, q.acks, opts.signal)]);
  return recordsOf(requestItems, ackItems, opts);
}

/** The batch request for campaigns in one status (Home's compliance card: the open ones). */
export function campaignsRequest(site: AckSite, status: CampaignStatus, id = `ack-campaigns-${status.toLowerCase()}`): BatchRequest {
  return listItemsRequest(id, site.siteId, listRefOf(site, ackCampaigns.key), {
    schema: ackCampaigns,
    filter: f.eq('fields/CampaignStatus', status),
    select: [...CAMPAIGN_SELECT],
    properties: [...ETAG_PROPERTIES],
    top: RELEASE_PAGE_SIZE,
  });
}

/** Campaigns, all of them or those in one status (a small list: one per release that asked for acknowledgement). */
export async function loadCampaigns(client: GraphClient, site: AckSite, opts: { status?: CampaignStatus; docId?: string; releaseId?: number; timeZone?: string; signal?: AbortSignal } = {}): Promise<AckCampaign[]> {
  const filter =
    opts.releaseId !== undefined
      ? f.eq('fields/DocumentVersionId', opts.releaseId)
      : opts.docId !== undefined
        ? f.eq('fields/DocId', opts.docId)
        : opts.status !== undefined
          ? f.eq('fields/CampaignStatus', opts.status)
          : undefined;
  const items = await listAllItems(client, site.siteId, listRefOf(site, ackCampaigns.key), {
    schema: ackCampaigns,
    ...(filter ? { filter } : {}),
    select: [...CAMPAIGN_SELECT],
    properties: [...ETAG_PROPERTIES],
    top: RELEASE_PAGE_SIZE,
    signal: opts.signal,
  });
  const all = items.map((i) => campaignOf(i, opts.timeZone));
  return all.filter((c) => (opts.status === undefined || c.status === opts.status) && (opts.docId === undefined || c.docId === opts.docId));
}

/** One campaign by item id. */
export async function loadCampaign(client: GraphClient, site: AckSite, campaignId: string, opts: { timeZone?: string; signal?: AbortSignal } = {}): Promise<AckCampaign> {
  const item = await getItem(client, site.siteId, listRefOf(site, ackCampaigns.key), campaignId, { signal: opts.signal });
  return campaignOf(item as ListItem, opts.timeZone);
}

/** The acknowledgement with this key, if any (exactly-once checks after a conflict or an unanswered create). */
export async function findAcknowledgement(client: GraphClient, site: AckSite, key: string, signal?: AbortSignal): Promise<Acknowledgement | null> {
  const items = await listAllItems(client, site.siteId, listRefOf(site, acknowledgements.key), {
    schema: acknowledgements,
    filter: f.eq('fields/AckKey', key),
    select: [...ACK_SELECT],
    properties: [...STAMP_PROPERTIES],
    top: 10,
    signal,
  });
  const acks = items.map(acknowledgementOf);
  return acks.sort((a, b) => a.stamp.createdAt.localeCompare(b.stamp.createdAt))[0] ?? null;
}

/** The request with this key, if any. */
export async function findRequest(client: GraphClient, site: AckSite, key: string, opts: { timeZone?: string; signal?: AbortSignal } = {}): Promise<AckRequest | null> {
  const items = await listAllItems(client, site.siteId, listRefOf(site, ackRequests.key), {
    schema: ackRequests,
    filter: f.eq('fields/RequestKey', key),
    select: [...REQUEST_SELECT],
    properties: [...ETAG_PROPERTIES],
    top: 10,
    signal: opts.signal,
  });
  return items.map((i) => requestOf(i, opts.timeZone))[0] ?? null;
}
