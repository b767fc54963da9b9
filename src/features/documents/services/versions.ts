/**
 * Version history of a controlled document and the bytes of any version: the library's versions
 * (who, when, size), the metadata of each version (listItem versions), and the release records
 * (release label, approval). Readers of a library with draft item security get major versions only.
 */
import { downloadItemBytes, downloadVersionBytes, previewItem } from '../../../../graph/drive/content.js';
import { getVersions } from '../../../../graph/drive/drive.js';
import { getItemVersions } from '../../../../graph/lists/versions.js';
import { isPublishedLabel } from '../../../domain/documents/versions.js';
import type { PeopleDirectory } from '../../../platform/people.js';
import { toDocumentState } from './mapping.js';
import type { DocumentServices, DocumentSnapshot, ReleaseRow } from './types.js';

export interface VersionEntry {
  /** Library version id, e.g. `1.0` (major, published) or `1.2` (minor, draft). */
  readonly id: string;
  readonly major: boolean;
  /** The newest version the caller sees (Graph serves its bytes through the item, not the version). */
  readonly current: boolean;
  readonly modifiedBy: string | null;
  readonly modifiedAt: string | null;
  readonly size: number | null;
  /** The document's metadata as it was in this version. */
  readonly fields: Readonly<Record<string, unknown>>;
  /** Release label published by this version (its `PublishedVersion`), for major versions. */
  readonly releaseLabel: string | null;
  readonly status: string | null;
  readonly changeSummary: string | null;
  /** The release record of this version's release label (approval and hash), if any. */
  readonly release: ReleaseRow | null;
}

/** The version history, newest first. */
export async function loadVersionHistory(s: Pick<DocumentServices, 'client' | 'site'>, snap: DocumentSnapshot, signal?: AbortSignal): Promise<VersionEntry[]> {
  const [driveVersions, itemVersions] = await Promise.all([
    getVersions(s.client, s.site.driveId, snap.file.driveItemId, signal),
    getItemVersions(s.client, s.site.siteId, s.site.documentsListId, snap.listItemId, signal),
  ]);
  const fieldsOf = new Map(itemVersions.map((v) => [String(v.id), (v.fields ?? {}) as Record<string, unknown>]));
  return driveVersions.map((v, i) => {
    const id = String(v.id);
    const fields = fieldsOf.get(id) ?? {};
    const major = isPublishedLabel(id);
    const releaseLabel = major && typeof fields.PublishedVersion === 'string' ? fields.PublishedVersion : null;
    const release = releaseLabel
      ? ([...snap.releases].reverse().find((r) => r.versionLabel === releaseLabel && r.changeType !== 'Reviewed – no change' && r.changeType !== 'Withdrawal') ?? null)
      : null;
    return {
      id,
      major,
      current: i === 0,
      modifiedBy: v.lastModifiedBy?.user?.displayName ?? null,
      modifiedAt: v.lastModifiedDateTime ?? null,
      size: v.size ?? null,
      fields,
      releaseLabel,
      status: typeof fields.DocStatus === 'string' ? fields.DocStatus : null,
      changeSummary: typeof fields.ChangeSummary === 'string' ? fields.ChangeSummary : null,
      release,
    };
  });
}

/**
 * The bytes of one version: the current one through the item (its download URL), an older one
 * through `…/versions/{id}/content` (Graph serves the current version only through the item).
 */
export async function versionBytes(s: Pick<DocumentServices, 'client' | 'site'>, snap: DocumentSnapshot, version: Pick<VersionEntry, 'id' | 'current'> | null, signal?: AbortSignal): Promise<Uint8Array> {
  if (!version || version.current) return downloadItemBytes(s.client, s.site.driveId, snap.file.driveItemId, signal);
  return downloadVersionBytes(s.client, s.site.driveId, snap.file.driveItemId, version.id, signal);
}

/** An embeddable preview URL of the version the caller sees (Office files). */
export async function previewUrl(s: Pick<DocumentServices, 'client' | 'site'>, snap: DocumentSnapshot, signal?: AbortSignal): Promise<string> {
  const info = await previewItem(s.client, s.site.driveId, snap.file.driveItemId, { signal });
  if (!info.getUrl) throw new Error('Graph returned no preview URL for this file.');
  return info.getUrl;
}

/**
 * One row of a metadata comparison between two versions. For the people columns (`COMPARED_PEOPLE_FIELDS`) the
 * values are person ids (lower-case UPNs): a string or null for `OwnerUPN`, a list for `ApproverUPN` and
 * `ReviewersUPN`.
 */
export interface FieldDifference {
  readonly field: string;
  readonly left: unknown;
  readonly right: unknown;
}

/**
 * The columns that name people, compared by UPN: the person columns are empty for people who had never opened
 * the site (ADR 0005), so comparing them would show a change of approver to such a person as a change to nobody.
 */
export const COMPARED_PEOPLE_FIELDS = ['OwnerUPN', 'ApproverUPN', 'ReviewersUPN'] as const;

/** The library columns a comparison shows, in order. */
export const COMPARED_FIELDS = [
  'Title',
  'DocType',
  'DocStatus',
  ...COMPARED_PEOPLE_FIELDS,
  'ProcessLookupId',
  'PrimaryClause',
  'ClauseRefs',
  'MandatoryItem',
  'Classification',
  'PublishedVersion',
  'EffectiveDate',
  'ReviewCycleMonths',
  'NextReviewDate',
  'AckRequired',
  'AckAudienceGroups',
  'AckDueDays',
  'ExternalOrigin',
  'Issuer',
  'ChangeSummary',
] as const;

const norm = (v: unknown): string => (v === undefined || v === null || v === '' ? '' : Array.isArray(v) ? [...v].map(String).sort().join('\n') : String(v));

/**
 * A version's columns with the people it names read as the app reads a record (`toDocumentState`): a filled person
 * column wins, else the UPN column names the person; a version written before the UPN columns existed has only
 * the person columns.
 */
function comparedValues(fields: Readonly<Record<string, unknown>>, people: PeopleDirectory): Readonly<Record<string, unknown>> {
  const state = toDocumentState(fields, null, people);
  return { ...fields, OwnerUPN: state.ownerId, ApproverUPN: state.approverIds, ReviewersUPN: state.reviewerIds };
}

/** The compared columns whose values differ between two versions (people as person ids, from the directory). */
export function compareVersions(left: Pick<VersionEntry, 'fields'>, right: Pick<VersionEntry, 'fields'>, people: PeopleDirectory): FieldDifference[] {
  const a = comparedValues(left.fields, people);
  const b = comparedValues(right.fields, people);
  return COMPARED_FIELDS.filter((f) => norm(a[f]) !== norm(b[f])).map((field) => ({ field, left: a[field], right: b[field] }));
}
