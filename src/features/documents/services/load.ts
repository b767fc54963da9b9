/**
 * Reads one controlled document as the signed-in user may see it: the library item (readers get
 * the last published version's metadata, draft item security), its file, its release records and
 * the approvals of the version in review. Every query filters on one indexed column. A document
 * is read in two round trips: the item and its releases in one `$batch`, then its file and the
 * approvals in another.
 */
import type { DriveItem } from '@microsoft/microsoft-graph-types';
import { batch, batchBody, type BatchResponse } from '../../../../graph/core/batch.js';
import { f } from '../../../../graph/core/filter.js';
import { getAll } from '../../../../graph/core/paging.js';
import { listItemDriveItemRequest, listItemsRequest } from '../../../../graph/lists/batchRequests.js';
import { listAllItems, listItems, type ListItem } from '../../../../graph/lists/items.js';
import { documentApprovals, documentReleases, smsDocuments } from '../../../../graph/schema/index.js';
import { draftReleaseOf, toApprovalRow, toDocumentState, toReleaseRow } from './mapping.js';
import { DocumentNotFoundError, type ApprovalRow, type DocumentServices, type DocumentSnapshot, type ReleaseRow } from './types.js';

type Services = Pick<DocumentServices, 'client' | 'site' | 'people' | 'timeZone'>;

export const byCreated = (a: ReleaseRow, b: ReleaseRow) => (a.createdDateTime ?? '').localeCompare(b.createdDateTime ?? '') || Number(a.itemId) - Number(b.itemId);

export const releasesQuery = (docId: string) => ({ filter: f.eq('fields/DocId', docId), schema: documentReleases, top: 200 });
export const approvalsQuery = (releaseItemId: string) => ({ filter: f.eq('fields/DocumentVersionLookupId', Number(releaseItemId)), schema: documentApprovals, top: 200 });
const documentQuery = (docId: string) => ({ filter: f.eq('fields/DocId', docId), schema: smsDocuments, top: 2 });

const toReleases = (s: Services, items: readonly ListItem[]) => items.map((i) => toReleaseRow(i, s.people, s.timeZone)).sort(byCreated);
export const toApprovals = (s: Services, items: readonly ListItem[]) => items.map((i) => toApprovalRow(i, s.people)).sort((a, b) => Number(a.itemId) - Number(b.itemId));

/** Every release record of a document, oldest first (`DocId` is indexed). */
export async function readReleases(s: Services, docId: string, signal?: AbortSignal): Promise<ReleaseRow[]> {
  return toReleases(s, await listAllItems(s.client, s.site.siteId, s.site.releasesListId, { ...releasesQuery(docId), signal }));
}

/** Every approval record of one release (`DocumentVersion` is an indexed lookup). */
export async function readApprovals(s: Services, releaseItemId: string, signal?: AbortSignal): Promise<ApprovalRow[]> {
  return toApprovals(s, await listAllItems(s.client, s.site.siteId, s.site.approvalsListId, { ...approvalsQuery(releaseItemId), signal }));
}

/** The items of a collection answered inside a `$batch`, following any nextLink through graph/core. */
export async function collection(s: Services, response: BatchResponse | undefined, signal?: AbortSignal): Promise<ListItem[]> {
  const body = batchBody<{ value?: ListItem[]; '@odata.nextLink'?: string }>(response);
  const next = body['@odata.nextLink'];
  return [...(body.value ?? []), ...(next ? await getAll<ListItem>(s.client, next, { signal }) : [])];
}

/** The approvals of the latest round (submission) among `all`. */
export function latestRound(all: readonly ApprovalRow[]): ApprovalRow[] {
  const round = Math.max(0, ...all.map((a) => a.round));
  return all.filter((a) => a.round === round);
}

/** The library item with this DocId as the caller sees it, or null. */
export async function findDocumentItem(s: Services, docId: string, signal?: AbortSignal): Promise<ListItem | null> {
  const page = await listItems(s.client, s.site.siteId, s.site.documentsListId, { ...documentQuery(docId), signal });
  return page.items[0] ?? null;
}

/** Reads the document `docId`; `DocumentNotFoundError` when it does not exist for the caller. */
export async function loadDocument(s: Services, docId: string, signal?: AbortSignal): Promise<DocumentSnapshot> {
  const { siteId, documentsListId, releasesListId, approvalsListId } = s.site;
  const first = await batch(s.client, [listItemsRequest('document', siteId, documentsListId, documentQuery(docId)), listItemsRequest('releases', siteId, releasesListId, releasesQuery(docId))], { signal });
  const [item] = await collection(s, first.get('document'), signal);
  // Staff who may not see drafts may not read the release records either (403): they get none.
  const recordsHidden = first.get('releases')?.status === 403;
  const releases = recordsHidden ? [] : toReleases(s, await collection(s, first.get('releases'), signal));
  if (!item?.id) throw new DocumentNotFoundError(docId);
  const draftRelease = draftReleaseOf(releases, item.fields as Record<string, unknown>);
  const second = await batch(
    s.client,
    [listItemDriveItemRequest('file', siteId, documentsListId, String(item.id)), ...(draftRelease ? [listItemsRequest('approvals', siteId, approvalsListId, approvalsQuery(draftRelease.itemId))] : [])],
    { signal },
  );
  const driveItem = batchBody<DriveItem>(second.get('file'));
  const approvals = draftRelease ? latestRound(toApprovals(s, await collection(s, second.get('approvals'), signal))) : [];
  const fields = item.fields as Record<string, unknown>;
  return {
    listItemId: String(item.id),
    eTag: item['@odata.etag'] ?? String(fields['@odata.etag'] ?? ''),
    fields,
    state: toDocumentState(fields, draftRelease, s.people, s.timeZone),
    file: {
      driveItemId: driveItem.id!,
      name: driveItem.name ?? String(fields.FileLeafRef ?? ''),
      mimeType: driveItem.file?.mimeType ?? null,
      size: driveItem.size ?? null,
      webUrl: driveItem.webUrl ?? null,
      versionLabel: typeof fields._UIVersionString === 'string' ? fields._UIVersionString : null,
    },
    releases,
    draftRelease,
    approvals,
    ...(recordsHidden ? { recordsHidden } : {}),
  };
}
