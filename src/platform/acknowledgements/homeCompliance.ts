/**
 * Home's "Acknowledgement compliance" card for SMS managers and document controllers: the figure of every open
 * campaign, read inside Home's one `$batch` (no round trip of its own):
 * - the open campaigns: `CampaignStatus eq 'Open'` (`campaignsRequest`), with the figures stored when each was
 *   last reconciled and `FiguresAsOf`, the server time of the newest acknowledgement they count;
 * - the acknowledgements of the last `RECENT_ACK_DAYS` days: `AcknowledgedOn ge <now - 7 days>` (indexed).
 * A campaign's figure is its stored figures plus the trusted acknowledgements of its release the server created
 * after `FiguresAsOf` (the daily job reconciles every open campaign, so a week covers what it has not counted).
 *
 * These builders and the reducer live here rather than in graph/home because the figure needs the mapping and the
 * trust rule (`src/platform/acknowledgements/mapping.ts`, `src/domain/acknowledgements`), which graph/ may not
 * import; Home (src/features/home) adds the requests to its batch and hands the responses back.
 *
 * Minimum delegated scope: `Sites.Read.All`.
 * Microsoft Learn: https://learn.microsoft.com/graph/api/listitem-list , https://learn.microsoft.com/graph/json-batching
 */
import { batchBody, type BatchRequest, type BatchResponse } from '../../../graph/core/batch.js';
import { f } from '../../../graph/core/filter.js';
import { listItemsRequest } from '../../../graph/lists/batchRequests.js';
import type { ListItem } from '../../../graph/lists/items.js';
import { acknowledgements } from '../../../graph/schema/acknowledgements.js';
import { isTrusted, type AckCampaign, type AckFigures, type Acknowledgement } from '../../domain/acknowledgements/index.js';
import { DEFAULT_SITE_TIME_ZONE } from '../clock.js';
import { listRefOf } from '../site.js';
import { acknowledgementOf, campaignOf } from './mapping.js';
import { campaignsRequest, RELEASE_PAGE_SIZE, type AckSite } from './read.js';

/** How far back Home reads acknowledgements to bring the stored figures up to date. */
export const RECENT_ACK_DAYS = 7;

export const HOME_COMPLIANCE_IDS = { campaigns: 'ack-home-campaigns', acks: 'ack-home-recent-acks' } as const;

/** The fields the figure needs (not the statement or the hash: Home reads a week of the whole organisation's). */
const HOME_ACK_SELECT = ['AckKey', 'DocumentVersionId', 'UserId', 'UserUPN', 'AcknowledgedOn', '_UIVersionString'];

/** The item metadata the trust rule reads (who created the acknowledgement, whether it was changed). */
const STAMP_PROPERTIES = ['id', 'createdBy', 'lastModifiedBy', 'createdDateTime', 'lastModifiedDateTime'];

/** The two inner requests Home adds to its batch. `now` is the current instant. */
export function homeComplianceRequests(site: AckSite, now: Date): BatchRequest[] {
  const since = new Date(now.getTime() - RECENT_ACK_DAYS * 86_400_000);
  return [
    campaignsRequest(site, 'Open', HOME_COMPLIANCE_IDS.campaigns),
    listItemsRequest(HOME_COMPLIANCE_IDS.acks, site.siteId, listRefOf(site, acknowledgements.key), {
      schema: acknowledgements,
      filter: f.ge('fields/AcknowledgedOn', since),
      select: HOME_ACK_SELECT,
      properties: STAMP_PROPERTIES,
      top: RELEASE_PAGE_SIZE,
    }),
  ];
}

/** One open campaign's figure on Home. */
export interface CampaignFigure {
  readonly campaignId: string;
  readonly releaseId: number;
  readonly docId: string;
  readonly versionLabel: string;
  readonly dueDate: string;
  /** Null before the campaign's first reconciliation (nothing counted yet). */
  readonly figures: AckFigures | null;
}

/** The compliance card's content: the open campaigns' figures, or why there are none. */
export type HomeCompliance = { readonly state: 'counted'; readonly campaigns: readonly CampaignFigure[] } | { readonly state: 'missingList' } | { readonly state: 'noAccess' };

/**
 * Stored figures plus the trusted acknowledgements of the release created after they were counted, each once:
 * each turns an open request (pending first, else overdue) into an acknowledged one.
 */
export function figureNow(campaign: AckCampaign, recent: readonly Acknowledgement[]): AckFigures | null {
  const stored = campaign.figures;
  if (!stored) return null;
  const asOf = campaign.figuresAsOf ?? '';
  const seen = new Set<string>();
  let f = stored;
  for (const a of recent) {
    if (a.releaseId !== campaign.releaseId || !isTrusted(a) || a.stamp.createdAt <= asOf || seen.has(a.key)) continue;
    seen.add(a.key);
    // The acknowledgement alone does not say whether its request was pending or overdue (a joiner's due date is
    // later than the campaign's): a pending request leaves its count first, then an overdue one. Late is left to
    // the next reconciliation, which reads the requests (Home does not show it).
    if (f.pending > 0) f = { ...f, pending: f.pending - 1, acknowledged: f.acknowledged + 1 };
    else if (f.overdue > 0) f = { ...f, overdue: f.overdue - 1, acknowledged: f.acknowledged + 1 };
  }
  return f;
}

interface Collection {
  value?: ListItem[];
}

/**
 * The card from Home's batch responses: 404 (the lists are not provisioned yet) gives `missingList`, 403 (not
 * allowed to read them) `noAccess`; any other failure throws its `GraphError`. Campaigns by document id, then
 * version.
 */
export function homeComplianceOf(responses: Map<string, BatchResponse>, timeZone: string = DEFAULT_SITE_TIME_ZONE): HomeCompliance {
  const campaignsResponse = responses.get(HOME_COMPLIANCE_IDS.campaigns);
  const acksResponse = responses.get(HOME_COMPLIANCE_IDS.acks);
  if (campaignsResponse?.status === 404 || acksResponse?.status === 404) return { state: 'missingList' };
  if (campaignsResponse?.status === 403 || acksResponse?.status === 403) return { state: 'noAccess' };
  const campaigns = (batchBody<Collection>(campaignsResponse).value ?? []).map((i) => campaignOf(i, timeZone));
  const recent = (batchBody<Collection>(acksResponse).value ?? []).map(acknowledgementOf);
  return {
    state: 'counted',
    campaigns: campaigns
      .filter((c) => c.status === 'Open')
      .sort((a, b) => a.docId.localeCompare(b.docId) || a.versionLabel.localeCompare(b.versionLabel, undefined, { numeric: true }))
      .map((c) => ({ campaignId: c.id, releaseId: c.releaseId, docId: c.docId, versionLabel: c.versionLabel, dueDate: c.dueDate, figures: figureNow(c, recent) })),
  };
}
