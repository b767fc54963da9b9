/**
 * Between SharePoint items (as Graph returns and accepts their `fields`) and the shapes of the
 * document rules: `SMS Documents` ↔ `DocumentState`, `Document Releases` ↔ `ReleaseRow` /
 * `ReleaseRecord`, `Document Approvals` ↔ `ApprovalRow`. Person columns hold site lookup ids
 * (`<Name>LookupId`); the rules use lower-case UPNs, so the people directory translates.
 */
import type { ListItem } from '../../../../graph/lists/items.js';
import {
  APPROVAL_DECISIONS,
  APPROVAL_STEPS,
  CLASSIFICATIONS,
  DEFAULT_REVIEW_CYCLE_MONTHS,
  DOC_STATUSES,
  DOC_TYPES,
  VERSION_STATUSES,
  isOneOf,
  type VersionStatus,
} from '../../../domain/documents/constants.js';
import { withoutBidiControls } from '../../../domain/text.js';
import type { DocumentState, ReleaseRecord } from '../../../domain/documents/types.js';
import { siteDateValue } from '../../../platform/clock.js';
import type { PeopleDirectory } from '../../../platform/people.js';
import { stampedPersonId, type StampedIdentity } from '../../../platform/stamps.js';
import type { ApprovalRow, ReleaseRow } from './types.js';

type Fields = Readonly<Record<string, unknown>>;

const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : null);
const bool = (v: unknown): boolean => v === true || v === 'true' || v === 1;
/**
 * The date of a date-only column on a site in `timeZone` (IANA, default UTC): `2025-03-13T23:00:00Z`
 * on a UTC+1 site → `2025-03-14`, `2026-12-24T11:00:00Z` in Pacific/Auckland → `2026-12-25`.
 */
export const dateOnly = (v: unknown, timeZone?: string): string | null => siteDateValue(v, timeZone);
/**
 * The lookup ids of a person or lookup column: `<Name>LookupId` (a string, or strings), or, for a
 * multi-value column as Graph reads it back, `<Name>` as `[{ LookupId, LookupValue, Email }]`.
 */
const lookupIds = (v: unknown): string[] =>
  Array.isArray(v)
    ? v.map((x) => (x !== null && typeof x === 'object' && 'LookupId' in x ? String((x as { LookupId: unknown }).LookupId) : String(x)))
    : v === null || v === undefined || v === '' ? [] : [String(v)];
/** A multi-line text column holding one value per line. */
export const lines = (v: unknown): string[] => (typeof v === 'string' ? v.split(/\r?\n/).map((s) => s.trim()).filter(Boolean) : []);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(String) : typeof v === 'string' && v ? [v] : []);

/** The Title of a release record, as the demo seed writes it: `SMS-POL-001 v3.0`. */
export const releaseTitle = (docId: string, label: string): string => `${docId} v${label}`;

/** A `Document Releases` item as a row; date-only columns are read in the site's `timeZone` (default UTC). */
export function toReleaseRow(item: ListItem, people: PeopleDirectory, timeZone?: string): ReleaseRow {
  const f = item.fields as Fields;
  return {
    itemId: String(item.id),
    eTag: item['@odata.etag'] ?? String(f['@odata.etag'] ?? ''),
    createdDateTime: item.createdDateTime ?? null,
    docId: String(f.DocId ?? ''),
    versionLabel: String(f.VersionLabel ?? ''),
    versionStatus: isOneOf(VERSION_STATUSES, f.VersionStatus) ? f.VersionStatus : 'Draft',
    changeType: str(f.ChangeType),
    changeSummary: str(f.ChangeSummary),
    authorId: people.byLookupId(f.VersionAuthorLookupId)?.id ?? null,
    submittedOn: str(f.SubmittedOn),
    approvedBy: people.byLookupId(f.ApprovedByLookupId)?.id ?? null,
    approvedOn: str(f.ApprovedOn),
    publishedOn: str(f.PublishedOn),
    supersededOn: str(f.SupersededOn),
    fileHash: str(f.FileHash),
    ackRequired: bool(f.AckRequired),
    ackAudience: lines(f.AckAudienceGroups),
    ackDueDays: num(f.AckDueDays),
    ackDueDate: dateOnly(f.AckDueDate, timeZone),
  };
}

const ROUND = / · round (\d+)$/;

/** Which submission created an approval: `… · round 2` in its Title; 1 when absent (seeded records). */
export function approvalRound(title: string): number {
  const m = ROUND.exec(title);
  return m ? Number(m[1]) : 1;
}

/** The Title of an approval record: `SMS-PRC-031 v0.1 · Approval · Raj Patel · round 2`. */
export const approvalTitle = (docId: string, label: string, step: string, name: string, round: number): string =>
  `${releaseTitle(docId, label)} · ${step} · ${name}${round > 1 ? ` · round ${round}` : ''}`;

/** A `Document Approvals` item as a row. */
export function toApprovalRow(item: ListItem, people: PeopleDirectory): ApprovalRow {
  const f = item.fields as Fields;
  const title = String(f.Title ?? '');
  return {
    itemId: String(item.id),
    eTag: item['@odata.etag'] ?? '',
    releaseItemId: String(f.DocumentVersionLookupId ?? ''),
    title,
    step: isOneOf(APPROVAL_STEPS, f.Step) ? f.Step : 'Review',
    assigneeId: people.byLookupId(f.AssigneeLookupId)?.id ?? upnOf(f.AssigneeUPN) ?? String(f.AssigneeLookupId ?? ''),
    decision: isOneOf(APPROVAL_DECISIONS, f.Decision) ? f.Decision : 'Pending',
    comment: str(f.Comment),
    decidedOn: str(f.DecidedOn),
    plannerTaskId: str(f.PlannerTaskId),
    round: approvalRound(title),
    decidedBy: stampedPersonId(item.lastModifiedBy as StampedIdentity | undefined, people),
  };
}

/** Statuses of a release that is still being worked on. */
const DRAFT_RELEASE_STATUSES: readonly VersionStatus[] = ['Draft', 'In review', 'Approved'];

/**
 * The release record of the version being worked on: the newest one still Draft, In review or
 * Approved. While the library still says Approved, a release already marked Published under a
 * label the library does not show yet is the version being published (a publication interrupted
 * between writing its release record and publishing the file; see api/publishDocument.ts); so is it while the
 * library still says In review (a final approval interrupted the same way).
 */
export function draftReleaseOf(releases: readonly ReleaseRow[], library?: Fields): ReleaseRow | null {
  const open = releases.filter((r) => DRAFT_RELEASE_STATUSES.includes(r.versionStatus));
  const last = open[open.length - 1];
  if (last) return last;
  // (In review too: a final approval writes the release Published while approving; see publish.ts.)
  if (library?.DocStatus !== 'Approved' && library?.DocStatus !== 'In review') return null;
  const shown = str(library.PublishedVersion);
  const pending = releases.filter((r) => r.versionStatus === 'Published' && r.changeType !== 'Reviewed – no change' && r.versionLabel !== shown);
  return pending[pending.length - 1] ?? null;
}

/**
 * The rules' view of a library item: its columns, plus the draft version label and author taken
 * from the draft release record (the library has no column for them). Date-only columns are read in
 * the site's `timeZone` (default UTC).
 */
export function toDocumentState(fields: Fields, draft: ReleaseRow | null, people: PeopleDirectory, timeZone?: string): DocumentState {
  const person = (v: unknown) => people.byLookupId(v)?.id ?? null;
  return {
    docId: String(fields.DocId ?? ''),
    title: withoutBidiControls(String(fields.Title ?? '')),
    docType: isOneOf(DOC_TYPES, fields.DocType) ? fields.DocType : 'Procedure',
    status: isOneOf(DOC_STATUSES, fields.DocStatus) ? fields.DocStatus : 'Draft',
    // People (ADR 0005): a filled single-person column wins (the app fills it only with the person its UPN column
    // names, and an edit in SharePoint changes only the person column); an empty one means the person had no lookup
    // id, and the UPN column names them. Multi-person columns may hold only some of the people: the UPN column
    // names them all. Items written before the UPN columns existed have only the person columns.
    ownerId: person(fields.OwnerLookupId) ?? upnOf(fields.OwnerUPN),
    approverIds: [person(fields.ApproverLookupId) ?? upnOf(fields.ApproverUPN)].filter((x): x is string => x !== null),
    reviewerIds: upnsOf(fields.ReviewersUPN) ?? lookupIds(fields.ReviewersLookupId ?? fields.Reviewers).map((id) => people.byLookupId(id)?.id).filter((x): x is string => !!x),
    processId: str(fields.ProcessLookupId === undefined || fields.ProcessLookupId === null ? null : String(fields.ProcessLookupId)),
    primaryClause: str(fields.PrimaryClause),
    clauseRefs: strings(fields.ClauseRefs),
    mandatoryItem: str(fields.MandatoryItem) ?? 'None',
    classification: isOneOf(CLASSIFICATIONS, fields.Classification) ? fields.Classification : 'Internal',
    publishedVersion: str(fields.PublishedVersion),
    draftVersion: draft?.versionLabel ?? null,
    authorId: draft?.authorId ?? null,
    changeSummary: str(fields.ChangeSummary),
    effectiveDate: dateOnly(fields.EffectiveDate, timeZone),
    reviewCycleMonths: num(fields.ReviewCycleMonths) ?? DEFAULT_REVIEW_CYCLE_MONTHS,
    nextReviewDate: dateOnly(fields.NextReviewDate, timeZone),
    ackRequired: bool(fields.AckRequired),
    ackAudience: lines(fields.AckAudienceGroups),
    ackDueDays: num(fields.AckDueDays) ?? 14,
    externalOrigin: bool(fields.ExternalOrigin),
    issuer: str(fields.Issuer),
  };
}

const lookupOf = (people: PeopleDirectory, id: string | null | undefined): string | null => (id ? (people.byId(id)?.lookupId ?? null) : null);

/** The UPN written for a person id: the directory's spelling, or the id itself (ids are lower-case UPNs). */
const upnFor = (people: PeopleDirectory, id: string): string => people.byId(id)?.upn ?? id;

/** A person id (lower-case UPN) from a `<Name>UPN` column, or null when it is empty. */
function upnOf(v: unknown): string | null {
  return typeof v === 'string' && v.trim() ? v.trim().toLowerCase() : null;
}

/** Person ids from a UPN column holding one UPN per line; null when the column is empty (not yet written). */
function upnsOf(v: unknown): string[] | null {
  if (typeof v !== 'string' || !v.trim()) return null;
  return v.split('\n').map(upnOf).filter((x): x is string => x !== null);
}

/** The editable metadata of a document, as the forms give it (people as lower-case UPNs). */
export type DocumentMetadata = Pick<
  DocumentState,
  | 'title'
  | 'docType'
  | 'ownerId'
  | 'approverIds'
  | 'reviewerIds'
  | 'processId'
  | 'primaryClause'
  | 'clauseRefs'
  | 'mandatoryItem'
  | 'classification'
  | 'reviewCycleMonths'
  | 'ackRequired'
  | 'ackAudience'
  | 'ackDueDays'
  | 'externalOrigin'
  | 'issuer'
  | 'changeSummary'
>;

export const METADATA_KEYS: readonly (keyof DocumentMetadata)[] = [
  'title',
  'docType',
  'ownerId',
  'approverIds',
  'reviewerIds',
  'processId',
  'primaryClause',
  'clauseRefs',
  'mandatoryItem',
  'classification',
  'reviewCycleMonths',
  'ackRequired',
  'ackAudience',
  'ackDueDays',
  'externalOrigin',
  'issuer',
  'changeSummary',
];

/**
 * The library `fields` that write these metadata values (only the keys present). People go into their
 * `<Name>UPN` columns, which name them (ADR 0005), and into the person columns (`<Name>LookupId`) when they
 * are site users already; someone who has never opened the site has no lookup id, and Graph cannot give
 * them one, so their person column stays empty until a later write. Multi-value columns carry their
 * `@odata.type` annotation.
 */
export function metadataFields(meta: Partial<DocumentMetadata>, people: PeopleDirectory): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const has = (k: keyof DocumentMetadata) => Object.prototype.hasOwnProperty.call(meta, k);
  if (has('title')) out.Title = meta.title;
  if (has('docType')) out.DocType = meta.docType;
  if (has('ownerId')) {
    out.OwnerUPN = meta.ownerId ? upnFor(people, meta.ownerId) : null;
    out.OwnerLookupId = lookupOf(people, meta.ownerId);
  }
  if (has('approverIds')) {
    // The library's Approver column holds one person.
    const first = meta.approverIds?.[0];
    out.ApproverUPN = first ? upnFor(people, first) : null;
    out.ApproverLookupId = lookupOf(people, first);
  }
  if (has('reviewerIds')) {
    const reviewers = meta.reviewerIds ?? [];
    out.ReviewersUPN = reviewers.map((id) => upnFor(people, id)).join('\n') || null;
    out['ReviewersLookupId@odata.type'] = 'Collection(Edm.String)';
    out.ReviewersLookupId = reviewers.map((id) => lookupOf(people, id)).filter((x): x is string => x !== null);
  }
  if (has('processId')) out.ProcessLookupId = meta.processId ? meta.processId : null;
  if (has('primaryClause')) out.PrimaryClause = meta.primaryClause ?? null;
  if (has('clauseRefs')) {
    out['ClauseRefs@odata.type'] = 'Collection(Edm.String)';
    out.ClauseRefs = [...(meta.clauseRefs ?? [])];
  }
  if (has('mandatoryItem')) out.MandatoryItem = meta.mandatoryItem ?? 'None';
  if (has('classification')) out.Classification = meta.classification;
  if (has('reviewCycleMonths')) out.ReviewCycleMonths = meta.reviewCycleMonths;
  if (has('ackRequired')) out.AckRequired = meta.ackRequired === true;
  if (has('ackAudience')) out.AckAudienceGroups = (meta.ackAudience ?? []).join('\n') || null;
  if (has('ackDueDays')) out.AckDueDays = meta.ackDueDays;
  if (has('externalOrigin')) out.ExternalOrigin = meta.externalOrigin === true;
  if (has('issuer')) out.Issuer = meta.issuer ?? null;
  if (has('changeSummary')) out.ChangeSummary = meta.changeSummary ?? null;
  return out;
}

/** The metadata values of a document state. */
export function metadataOf(state: DocumentState): DocumentMetadata {
  const out = {} as Record<keyof DocumentMetadata, unknown>;
  for (const k of METADATA_KEYS) out[k] = state[k];
  return out as DocumentMetadata;
}

/** The `Document Releases` fields for (part of) a release record. */
export function releaseFields(release: Partial<ReleaseRecord>, people: PeopleDirectory, extra: { fileHash?: string } = {}): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (release.versionLabel !== undefined) out.VersionLabel = release.versionLabel;
  if (release.versionStatus !== undefined) out.VersionStatus = release.versionStatus;
  if (release.changeType !== undefined) out.ChangeType = release.changeType;
  if (release.changeSummary !== undefined) out.ChangeSummary = release.changeSummary;
  if (release.authorId !== undefined) out.VersionAuthorLookupId = release.authorId ? lookupOf(people, release.authorId) : null;
  if (release.submittedOn !== undefined) out.SubmittedOn = release.submittedOn;
  if (release.approvedBy !== undefined) out.ApprovedByLookupId = release.approvedBy[0] ? lookupOf(people, release.approvedBy[0]) : null;
  if (release.approvedOn !== undefined) out.ApprovedOn = release.approvedOn;
  if (release.publishedOn !== undefined) out.PublishedOn = release.publishedOn;
  if (release.supersededOn !== undefined) out.SupersededOn = release.supersededOn;
  if (release.ackRequired !== undefined) out.AckRequired = release.ackRequired;
  if (release.ackAudience !== undefined) out.AckAudienceGroups = release.ackAudience.join('\n') || null;
  if (release.ackDueDays !== undefined) out.AckDueDays = release.ackDueDays;
  if (release.ackDueDate !== undefined) out.AckDueDate = release.ackDueDate;
  if (extra.fileHash !== undefined) out.FileHash = extra.fileHash;
  return out;
}
