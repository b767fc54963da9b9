/**
 * Reads one controlled document as the signed-in user may see it: the library item (readers get
 * the last published version's metadata, draft item security), its file, its release records and
 * the approvals of the version in review. Every query filters on one indexed column.
 */
import { f } from '../../../../graph/core/filter.js';
import { getListItemDriveItem } from '../../../../graph/drive/content.js';
import { listItems, type ListItem } from '../../../../graph/lists/items.js';
import { documentApprovals, documentReleases, smsDocuments } from '../../../../graph/schema/index.js';
import { draftReleaseOf, toApprovalRow, toDocumentState, toReleaseRow } from './mapping.js';
import { DocumentNotFoundError, type ApprovalRow, type DocumentServices, type DocumentSnapshot, type ReleaseRow } from './types.js';

type Services = Pick<DocumentServices, 'client' | 'site' | 'people'>;

async function allItems(s: Services, listId: string, first: Parameters<typeof listItems>[3]): Promise<ListItem[]> {
  const out: ListItem[] = [];
  let page = await listItems(s.client, s.site.siteId, listId, first);
  out.push(...page.items);
  while (page.nextLink) {
    page = await listItems(s.client, s.site.siteId, listId, { nextLink: page.nextLink, signal: first?.signal });
    out.push(...page.items);
  }
  return out;
}

const byCreated = (a: ReleaseRow, b: ReleaseRow) => (a.createdDateTime ?? '').localeCompare(b.createdDateTime ?? '') || Number(a.itemId) - Number(b.itemId);

/** Every release record of a document, oldest first (`DocId` is indexed). */
export async function readReleases(s: Services, docId: string, signal?: AbortSignal): Promise<ReleaseRow[]> {
  const items = await allItems(s, s.site.releasesListId, { filter: f.eq('fields/DocId', docId), schema: documentReleases, top: 200, signal });
  return items.map((i) => toReleaseRow(i, s.people)).sort(byCreated);
}

/** Every approval record of one release (`DocumentVersion` is an indexed lookup). */
export async function readApprovals(s: Services, releaseItemId: string, signal?: AbortSignal): Promise<ApprovalRow[]> {
  const items = await allItems(s, s.site.approvalsListId, {
    filter: f.eq('fields/DocumentVersionLookupId', Number(releaseItemId)),
    schema: documentApprovals,
    top: 200,
    signal,
  });
  return items.map((i) => toApprovalRow(i, s.people)).sort((a, b) => Number(a.itemId) - Number(b.itemId));
}

/** The approvals of the latest round (submission) among `all`. */
export function latestRound(all: readonly ApprovalRow[]): ApprovalRow[] {
  const round = Math.max(0, ...all.map((a) => a.round));
  return all.filter((a) => a.round === round);
}

/** The library item with this DocId as the caller sees it, or null. */
export async function findDocumentItem(s: Services, docId: string, signal?: AbortSignal): Promise<ListItem | null> {
  const page = await listItems(s.client, s.site.siteId, s.site.documentsListId, { filter: f.eq('fields/DocId', docId), schema: smsDocuments, top: 2, signal });
  return page.items[0] ?? null;
}

/** Reads the document `docId`; `DocumentNotFoundError` when it does not exist for the caller. */
export async function loadDocument(s: Services, docId: string, signal?: AbortSignal): Promise<DocumentSnapshot> {
  const [item, releases] = await Promise.all([findDocumentItem(s, docId, signal), readReleases(s, docId, signal)]);
  if (!item?.id) throw new DocumentNotFoundError(docId);
  const draftRelease = draftReleaseOf(releases, item.fields as Record<string, unknown>);
  const [driveItem, approvals] = await Promise.all([
    getListItemDriveItem(s.client, s.site.siteId, s.site.documentsListId, String(item.id), signal),
    draftRelease ? readApprovals(s, draftRelease.itemId, signal).then(latestRound) : Promise.resolve([]),
  ]);
  const fields = item.fields as Record<string, unknown>;
  return {
    listItemId: String(item.id),
    eTag: item['@odata.etag'] ?? String(fields['@odata.etag'] ?? ''),
    fields,
    state: toDocumentState(fields, draftRelease, s.people),
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
  };
}
