/**
 * `Acknowledgement Campaigns`, `Acknowledgement Requests` and `Acknowledgements` items (graph/schema/acknowledgements.ts)
 * as the rules' records (src/domain/acknowledgements), and the fields a write sends.
 */
import type { ListItem } from '../../../graph/lists/items.js';
import type { AckCampaign, AckFigures, AckRequest, Acknowledgement, AudienceMember, CampaignStatus, CampaignTrigger, NoticeKind, RequestStatus } from '../../domain/acknowledgements/index.js';
import { ackKey } from '../../domain/acknowledgements/index.js';
import { DEFAULT_SITE_TIME_ZONE, siteDateValue } from '../clock.js';
import { itemWasEdited, type StampedIdentity } from '../stamps.js';

type Fields = Record<string, unknown>;

const str = (v: unknown): string => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));
const strOrNull = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);
const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v ?? 0) || 0);
const numOrNull = (v: unknown): number | null => (v === null || v === undefined || v === '' ? null : Number.isFinite(Number(v)) ? Number(v) : null);
const lines = (v: unknown): string[] =>
  str(v)
    .split(/\r?\n/)
    .map((s) => s.trim())
    .filter((s) => s !== '');

/** Fields read for a request (everything the screens and the engine use). */
export const REQUEST_SELECT = [
  'Title',
  'RequestKey',
  'CampaignId',
  'DocumentVersionId',
  'DocId',
  'DocTitle',
  'VersionLabel',
  'UserId',
  'UserUPN',
  'UserName',
  'Department',
  'RequestStatus',
  'RequestedOn',
  'DueDate',
  'AcknowledgedOn',
  'Late',
  'StatusReason',
  'LastNotifiedOn',
  'LastNotice',
] as const;

/** Fields read for an acknowledgement (with `_UIVersionString`, which tells an edited item). */
export const ACK_SELECT = ['AckKey', 'DocumentVersionId', 'DocId', 'VersionLabel', 'UserId', 'UserUPN', 'AcknowledgedOn', 'Channel', 'AttestationText', 'FileHash', '_UIVersionString'] as const;

/** Fields read for a campaign. */
export const CAMPAIGN_SELECT = [
  'Title',
  'DocumentVersionId',
  'DocId',
  'DocTitle',
  'VersionLabel',
  'FileHash',
  'CampaignStatus',
  'Trigger',
  'AudienceGroups',
  'AudiencePeople',
  'DueDate',
  'StartedOn',
  'StartKey',
  'Targeted',
  'Acknowledged',
  'Pending',
  'Overdue',
  'Late',
  'Waived',
  'FiguresAsOf',
  'LastRunOn',
] as const;

const NOTICES: readonly NoticeKind[] = ['requested', 'beforeDue', 'afterDue'];

/** A `Acknowledgement Requests` item as a request. Date-only values are read as site dates (`timeZone`). */
export function requestOf(item: ListItem, timeZone: string = DEFAULT_SITE_TIME_ZONE): AckRequest {
  const f = (item.fields ?? {}) as Fields;
  const notice = str(f.LastNotice) as NoticeKind;
  return {
    id: str(item.id ?? f.id),
    etag: item['@odata.etag'] ?? item.eTag ?? (f['@odata.etag'] as string | undefined),
    key: str(f.RequestKey),
    campaignId: num(f.CampaignId),
    releaseId: num(f.DocumentVersionId),
    docId: str(f.DocId),
    docTitle: str(f.DocTitle),
    versionLabel: str(f.VersionLabel),
    userId: str(f.UserId),
    userUpn: str(f.UserUPN),
    userName: str(f.UserName) || str(f.UserUPN),
    department: strOrNull(f.Department),
    status: (str(f.RequestStatus) || 'Pending') as RequestStatus,
    requestedOn: str(f.RequestedOn),
    dueDate: siteDateValue(f.DueDate, timeZone) ?? '',
    acknowledgedOn: strOrNull(f.AcknowledgedOn),
    late: f.Late === true,
    reason: strOrNull(f.StatusReason),
    lastNotifiedOn: siteDateValue(f.LastNotifiedOn, timeZone),
    lastNotice: NOTICES.includes(notice) ? notice : null,
  };
}

/** An `Acknowledgements` item as an acknowledgement, with what the server stamped on it. */
export function acknowledgementOf(item: ListItem): Acknowledgement {
  const f = (item.fields ?? {}) as Fields;
  const createdBy = (item.createdBy ?? null) as StampedIdentity | null;
  const modifiedBy = (item.lastModifiedBy ?? null) as StampedIdentity | null;
  const user = createdBy?.application ? null : createdBy?.user;
  return {
    id: str(item.id ?? f.id),
    key: str(f.AckKey),
    releaseId: num(f.DocumentVersionId),
    docId: str(f.DocId),
    versionLabel: str(f.VersionLabel),
    userId: str(f.UserId),
    userUpn: str(f.UserUPN),
    acknowledgedOn: str(f.AcknowledgedOn),
    attestation: str(f.AttestationText),
    fileHash: strOrNull(f.FileHash),
    channel: str(f.Channel) || 'App',
    stamp: {
      createdById: strOrNull(user?.id),
      createdByEmail: strOrNull(user?.email),
      createdAt: str(item.createdDateTime),
      edited: itemWasEdited({
        createdBy,
        lastModifiedBy: modifiedBy,
        createdDateTime: item.createdDateTime ?? null,
        lastModifiedDateTime: item.lastModifiedDateTime ?? null,
        versionLabel: typeof f._UIVersionString === 'string' ? f._UIVersionString : null,
      }),
    },
  };
}

/** A `Acknowledgement Campaigns` item as a campaign. */
export function campaignOf(item: ListItem, timeZone: string = DEFAULT_SITE_TIME_ZONE): AckCampaign {
  const f = (item.fields ?? {}) as Fields;
  const targeted = numOrNull(f.Targeted);
  const figures: AckFigures | null =
    targeted === null
      ? null
      : {
          targeted,
          acknowledged: num(f.Acknowledged),
          pending: num(f.Pending),
          overdue: num(f.Overdue),
          late: num(f.Late),
          waived: num(f.Waived),
          cancelled: 0,
          superseded: 0,
        };
  return {
    id: str(item.id ?? f.id),
    etag: item['@odata.etag'] ?? item.eTag ?? (f['@odata.etag'] as string | undefined),
    releaseId: num(f.DocumentVersionId),
    docId: str(f.DocId),
    docTitle: str(f.DocTitle),
    versionLabel: str(f.VersionLabel),
    fileHash: strOrNull(f.FileHash),
    status: (str(f.CampaignStatus) || 'Open') as CampaignStatus,
    trigger: (str(f.Trigger) || 'Publication') as CampaignTrigger,
    audienceGroups: lines(f.AudienceGroups),
    audiencePeople: lines(f.AudiencePeople).map((u) => u.toLowerCase()),
    dueDate: siteDateValue(f.DueDate, timeZone) ?? '',
    startedOn: strOrNull(f.StartedOn),
    figures,
    figuresAsOf: strOrNull(f.FiguresAsOf),
    lastRunOn: strOrNull(f.LastRunOn),
  };
}

/** What a campaign's request for one person says (the fields of a new `Acknowledgement Requests` item). */
export function newRequestFields(campaign: Pick<AckCampaign, 'id' | 'releaseId' | 'docId' | 'docTitle' | 'versionLabel' | 'dueDate'>, member: AudienceMember, now: string): Fields {
  return {
    Title: `${campaign.docId} ${campaign.versionLabel}: ${member.name || member.upn}`,
    RequestKey: ackKey(campaign.releaseId, member.userId),
    CampaignId: Number(campaign.id),
    DocumentVersionId: campaign.releaseId,
    DocId: campaign.docId,
    DocTitle: campaign.docTitle,
    VersionLabel: campaign.versionLabel,
    UserId: member.userId.toLowerCase(),
    UserUPN: member.upn.toLowerCase(),
    UserName: member.name,
    ...(member.department ? { Department: member.department } : {}),
    RequestStatus: 'Pending',
    RequestedOn: now,
    DueDate: campaign.dueDate,
  };
}

/** What a person's acknowledgement of a request says (the fields of a new `Acknowledgements` item). */
export function newAcknowledgementFields(
  request: Pick<AckRequest, 'key' | 'releaseId' | 'docId' | 'versionLabel' | 'userId' | 'userUpn'>,
  what: { readonly attestation: string; readonly fileHash: string | null; readonly channel?: string },
  now: string,
): Fields {
  return {
    Title: `${request.docId} ${request.versionLabel}: ${request.userUpn}`,
    AckKey: request.key,
    DocumentVersionId: request.releaseId,
    DocId: request.docId,
    VersionLabel: request.versionLabel,
    UserId: request.userId.toLowerCase(),
    UserUPN: request.userUpn.toLowerCase(),
    AcknowledgedOn: now,
    Channel: what.channel ?? 'App',
    AttestationText: what.attestation,
    ...(what.fileHash ? { FileHash: what.fileHash } : {}),
  };
}

/** The stored figures of a campaign, as fields. */
export function figuresFields(figures: AckFigures, asOf: string | null, now: string): Fields {
  return {
    Targeted: figures.targeted,
    Acknowledged: figures.acknowledged,
    Pending: figures.pending,
    Overdue: figures.overdue,
    Late: figures.late,
    Waived: figures.waived,
    ...(asOf ? { FiguresAsOf: asOf } : {}),
    LastRunOn: now,
  };
}
