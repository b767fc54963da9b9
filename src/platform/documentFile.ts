/**
 * The file of a controlled document as any area shows it: its kind, and the exact library version
 * that published a release, for anyone who may read the document (staff included, who may not read
 * `Document Releases`). Release labels are document-control labels (`1.3`); each publication is a new
 * major library version (`4.0`) whose metadata names the release label in `PublishedVersion`, so the
 * list item's versions map one to the other (as `npm run verify` does, documents' services/integrity.ts).
 *
 * Minimum delegated scope: `Sites.Read.All`.
 * Microsoft Learn: https://learn.microsoft.com/graph/api/listitem-list , https://learn.microsoft.com/graph/api/listitem-list-versions ,
 * https://learn.microsoft.com/graph/api/driveitem-get-content , https://learn.microsoft.com/graph/api/driveitemversion-get-contents
 */
import type { GraphClient } from '../../graph/core/client.js';
import { f } from '../../graph/core/filter.js';
import { downloadItemBytes, downloadVersionBytes, getListItemDriveItem, previewItem } from '../../graph/drive/content.js';
import { listItems } from '../../graph/lists/items.js';
import { getItemVersions } from '../../graph/lists/versions.js';
import { smsDocuments } from '../../graph/schema/documents.js';
import { compareVersionLabels, isPublishedLabel, isVersionLabel } from '../domain/documents/versions.js';

/** MIME types of the files a controlled document may be. */
export const DOCUMENT_FILE_TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  md: 'text/markdown',
} as const;
export type DocumentFileKind = keyof typeof DOCUMENT_FILE_TYPES;

/** The kind of a file by its name (`.docx`, `.pdf`, `.md`/`.markdown`), or null for anything else. */
export function fileKindOf(name: string): DocumentFileKind | null {
  const ext = /\.([^.]+)$/.exec(name.toLowerCase())?.[1];
  if (ext === 'docx') return 'docx';
  if (ext === 'pdf') return 'pdf';
  if (ext === 'md' || ext === 'markdown') return 'md';
  return null;
}

/** `SMS-PRC-031 Change Procedure.docx` + `1.0` → `SMS-PRC-031 Change Procedure (v1.0).docx`. */
export function versionFileName(name: string, versionId: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? `${name.slice(0, dot)} (v${versionId})${name.slice(dot)}` : `${name} (v${versionId})`;
}

/** A library version of a document's file with the metadata it carried (listItem versions, `$expand=fields`). */
export interface LibraryVersion {
  readonly id?: string | null;
  readonly fields?: Readonly<Record<string, unknown>> | null;
}

/**
 * The library version that published release `releaseLabel`: the first major version whose
 * `PublishedVersion` is that label (later major versions of the same release are re-check-ins of
 * its metadata). A file whose versions carry no `PublishedVersion` at all (written before the column
 * existed) has its release labels as its library labels. Null when no version of the file published it.
 */
export function libraryVersionOfRelease(versions: readonly LibraryVersion[], releaseLabel: string): string | null {
  const majors = versions.filter((v): v is LibraryVersion & { id: string } => typeof v.id === 'string' && isPublishedLabel(v.id));
  const labelled = majors.filter((v) => typeof v.fields?.PublishedVersion === 'string' && v.fields.PublishedVersion !== '');
  const ids = (labelled.length > 0 ? labelled.filter((v) => v.fields?.PublishedVersion === releaseLabel) : majors.filter((v) => v.id === releaseLabel)).map((v) => v.id);
  return ids.sort(compareVersionLabels)[0] ?? null;
}

/** The file of a document at the library version of one release. */
export interface PublishedFile {
  readonly docId: string;
  readonly releaseLabel: string;
  /** The file's name (e.g. `SMS-POL-001 Service management policy.docx`). */
  readonly name: string;
  readonly kind: DocumentFileKind | null;
  readonly driveId: string;
  readonly driveItemId: string;
  /** The library version that published the release (e.g. `5.0`). */
  readonly libraryVersion: string;
  /** The library version is the newest the caller sees (its bytes and preview come through the item). */
  readonly current: boolean;
}

/** The document has no file the caller may read, or no version of it published the release. */
export class PublishedFileNotFoundError extends Error {
  override readonly name: string = 'PublishedFileNotFoundError';
  constructor(
    readonly docId: string,
    readonly releaseLabel: string,
    readonly reason: 'noDocument' | 'noVersion',
  ) {
    super(reason === 'noDocument' ? `${docId} is not in SMS Documents, or you may not read it.` : `No published version of ${docId} is release ${releaseLabel}.`);
  }
}

/**
 * Finds the file of `docId` at the library version that published `releaseLabel`, as the caller sees
 * it: two sequential round trips (the library item by `DocId`, indexed; then its file and its versions
 * at once). The library is addressed by its title (list-get accepts it), so no list ids are needed.
 */
export async function findPublishedFile(client: GraphClient, siteId: string, docId: string, releaseLabel: string, signal?: AbortSignal): Promise<PublishedFile> {
  const page = await listItems(client, siteId, smsDocuments.displayName, { filter: f.eq('fields/DocId', docId), schema: smsDocuments, select: ['DocId'], properties: ['id'], top: 2, signal });
  const item = page.items[0];
  if (!item?.id) throw new PublishedFileNotFoundError(docId, releaseLabel, 'noDocument');
  const [driveItem, versions] = await Promise.all([getListItemDriveItem(client, siteId, smsDocuments.displayName, item.id, signal), getItemVersions(client, siteId, smsDocuments.displayName, item.id, signal)]);
  const libraryVersion = libraryVersionOfRelease(versions, releaseLabel);
  const driveId = driveItem.parentReference?.driveId;
  if (!libraryVersion || !driveItem.id || !driveId) throw new PublishedFileNotFoundError(docId, releaseLabel, 'noVersion');
  const newest = versions
    .map((v) => v.id ?? '')
    .filter(isVersionLabel)
    .sort(compareVersionLabels)
    .pop();
  const name = driveItem.name ?? '';
  return { docId, releaseLabel, name, kind: fileKindOf(name), driveId, driveItemId: driveItem.id, libraryVersion, current: libraryVersion === newest };
}

/** The bytes of the file at its release's library version. */
export async function publishedFileBytes(client: GraphClient, file: PublishedFile, signal?: AbortSignal): Promise<Uint8Array> {
  return file.current ? downloadItemBytes(client, file.driveId, file.driveItemId, signal) : downloadVersionBytes(client, file.driveId, file.driveItemId, file.libraryVersion, signal);
}

/**
 * A short-lived embeddable preview URL of the file (Office files), only when the release's version
 * is the one the preview shows (the newest the caller sees); null for an older version.
 */
export async function publishedFilePreviewUrl(client: GraphClient, file: PublishedFile, signal?: AbortSignal): Promise<string | null> {
  if (!file.current) return null;
  const info = await previewItem(client, file.driveId, file.driveItemId, { signal });
  if (!info.getUrl) throw new Error('Graph returned no preview URL for this file.');
  return info.getUrl;
}
