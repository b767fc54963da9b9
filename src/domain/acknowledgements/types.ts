/**
 * Policy acknowledgement (domain §5.4 "Acknowledgement", §6.3 rule 7; clauses 5.2.2, 7.3): the records as the
 * rules see them. The SharePoint lists behind them are `Acknowledgement Campaigns`, `Acknowledgement Requests` and
 * `Acknowledgements` (graph/schema/acknowledgements.ts, ADR 0007).
 */

/** Status of a request (the `RequestStatus` choices). */
export const REQUEST_STATUSES = ['Pending', 'Acknowledged', 'Overdue', 'Superseded', 'Waived', 'Cancelled'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** Statuses in which the person still has to acknowledge. */
export const OPEN_REQUEST_STATUSES: readonly RequestStatus[] = ['Pending', 'Overdue'];

export const CAMPAIGN_STATUSES = ['Open', 'Closed', 'Superseded', 'Cancelled'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];

export type CampaignTrigger = 'Publication' | 'On demand';

/** The activity-feed notices a request gets: when created, shortly before its due date, after it. */
export type NoticeKind = 'requested' | 'beforeDue' | 'afterDue';

/** One person asked to acknowledge one release (an `Acknowledgement Requests` item). */
export interface AckRequest {
  /** List item id. */
  readonly id: string;
  readonly etag?: string;
  /** `<release item id>:<Entra user id>`, the same as the acknowledgement's `AckKey`. */
  readonly key: string;
  readonly campaignId: number;
  /** Item id of the release in `Document Releases`. */
  readonly releaseId: number;
  readonly docId: string;
  readonly docTitle: string;
  readonly versionLabel: string;
  /** Entra object id of the person asked. */
  readonly userId: string;
  readonly userUpn: string;
  readonly userName: string;
  readonly department: string | null;
  readonly status: RequestStatus;
  readonly requestedOn: string;
  /** Site date (YYYY-MM-DD). */
  readonly dueDate: string;
  readonly acknowledgedOn: string | null;
  readonly late: boolean;
  readonly reason: string | null;
  /** Site date of the last notice sent about this request. */
  readonly lastNotifiedOn: string | null;
  readonly lastNotice: NoticeKind | null;
}

/** Who the server stamped as the creator of an acknowledgement, and whether the item was changed since. */
export interface AckStamp {
  /** Entra object id from `createdBy.user.id` (null when an application or nobody is named). */
  readonly createdById: string | null;
  /** E-mail from `createdBy.user.email`. */
  readonly createdByEmail: string | null;
  /** `createdDateTime`: when the server stored the acknowledgement. */
  readonly createdAt: string;
  /** True when the item has a version past 1.0 or its modified stamp differs from its creation. */
  readonly edited: boolean;
}

/** One acknowledgement (an `Acknowledgements` item): the evidence. */
export interface Acknowledgement {
  readonly id: string;
  readonly key: string;
  readonly releaseId: number;
  readonly docId: string;
  readonly versionLabel: string;
  readonly userId: string;
  readonly userUpn: string;
  /** What the client wrote; the server's `createdAt` is what counts. */
  readonly acknowledgedOn: string;
  readonly attestation: string;
  readonly fileHash: string | null;
  readonly channel: string;
  readonly stamp: AckStamp;
}

/** The figures of a campaign or release (domain: targeted, acknowledged, pending, overdue, late, waived). */
export interface AckFigures {
  /** Everyone asked and still counted: all requests but cancelled and superseded ones. */
  readonly targeted: number;
  /** Acknowledged, on time or late. */
  readonly acknowledged: number;
  /** Not acknowledged, not yet due. */
  readonly pending: number;
  /** Not acknowledged, past due. */
  readonly overdue: number;
  /** Acknowledged after the due date (included in `acknowledged`). */
  readonly late: number;
  readonly waived: number;
  /** Not counted in `targeted`: people who left the audience, or a withdrawn document. */
  readonly cancelled: number;
  /** Not counted in `targeted`: a newer major version asked again. */
  readonly superseded: number;
}

/** A campaign (an `Acknowledgement Campaigns` item). */
export interface AckCampaign {
  readonly id: string;
  readonly etag?: string;
  readonly releaseId: number;
  readonly docId: string;
  readonly docTitle: string;
  readonly versionLabel: string;
  readonly fileHash: string | null;
  readonly status: CampaignStatus;
  readonly trigger: CampaignTrigger;
  /** Entra group ids (nested groups are resolved when the campaign runs). */
  readonly audienceGroups: readonly string[];
  /** UPNs of people named individually. */
  readonly audiencePeople: readonly string[];
  readonly dueDate: string;
  readonly startedOn: string | null;
  /** Figures stored at the last reconciliation, or null before the first. */
  readonly figures: AckFigures | null;
  /** Server time of the newest acknowledgement the stored figures count. */
  readonly figuresAsOf: string | null;
  readonly lastRunOn: string | null;
}

/** A person of a campaign's audience, as the directory resolved them. */
export interface AudienceMember {
  readonly userId: string;
  readonly upn: string;
  readonly name: string;
  readonly department: string | null;
}
