/**
 * File steps on `SMS Documents`: uploading (one request up to 4 MB, an upload session with
 * progress above that), check-out → change → check-in (a minor version, or a major version with
 * `checkInAs: 'published'`), metadata writes with `If-Match`, and reading a file's bytes.
 */
import type { DriveItem } from '@microsoft/microsoft-graph-types';
import { checkin, checkout, discardCheckout, getItemListItem, getPublication, replaceContent, SIMPLE_UPLOAD_MAX_BYTES, updateListItemFields, uploadLarge, uploadSmall, type UploadProgress } from '../../../../graph/drive/drive.js';
import { GraphConflictError, GraphError } from '../../../../graph/core/errors.js';
import { sleep } from '../../../../graph/core/retry.js';
import { smsDocuments } from '../../../../graph/schema/documents.js';
import { BIDI_CONTROLS } from '../../../domain/text.js';
import type { DocumentServices } from './types.js';

export type { UploadProgress } from '../../../../graph/drive/drive.js';

import { DOCUMENT_FILE_TYPES, fileKindOf } from '../../../platform/documentFile.js';

/** The kinds of file a controlled document may be: shared with the other areas that show one (src/platform). */
export { DOCUMENT_FILE_TYPES, fileKindOf, type DocumentFileKind } from '../../../platform/documentFile.js';

/** A file the user chose or the app generated. */
export interface FileInput {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export interface UploadOptions {
  readonly onProgress?: (progress: UploadProgress) => void;
  readonly signal?: AbortSignal;
}

/**
 * The same bytes in a `Uint8Array` of this realm: bytes read from a `File` of another frame (or a
 * test DOM) are otherwise not recognised as binary and would be sent as JSON.
 */
function ownBytes(file: FileInput): FileInput {
  return file.bytes instanceof Uint8Array && file.bytes.constructor === Uint8Array ? file : { name: file.name, bytes: Uint8Array.from(file.bytes) };
}

/**
 * Characters SharePoint refuses in file names, replaced by `-`; directional overrides and isolates
 * (which make a name display in another order than it is stored) removed.
 */
export function safeFileName(name: string): string {
  return name
    .replace(BIDI_CONTROLS, '')
    .replace(/["*:<>?/\\|#%]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[. ]+$/, '');
}

/**
 * Uploads a file to the library root under `name` (a file of that name is replaced: names start
 * with the DocId, so it can only be this document's own file from an earlier attempt). Files over
 * 4 MB go through an upload session and report progress; smaller ones report once when done.
 */
export async function uploadToLibrary(s: DocumentServices, name: string, input: FileInput, opts: UploadOptions = {}): Promise<DriveItem> {
  const file = ownBytes(input);
  const kind = fileKindOf(file.name);
  const contentType = kind ? DOCUMENT_FILE_TYPES[kind] : 'application/octet-stream';
  if (file.bytes.byteLength <= SIMPLE_UPLOAD_MAX_BYTES) {
    const item = await uploadSmall(s.client, s.site.driveId, 'root', name, file.bytes, contentType, opts.signal);
    opts.onProgress?.({ uploaded: file.bytes.byteLength, total: file.bytes.byteLength });
    return item;
  }
  return uploadLarge(s.client, s.site.driveId, 'root', name, file.bytes, { onProgress: opts.onProgress, signal: opts.signal, conflictBehavior: 'replace' });
}

/** Replaces the bytes of an existing file (a new minor version while checked out). */
export async function replaceFile(s: DocumentServices, driveItemId: string, currentName: string, input: FileInput, opts: UploadOptions = {}): Promise<void> {
  const file = ownBytes(input);
  if (file.bytes.byteLength <= SIMPLE_UPLOAD_MAX_BYTES) {
    const kind = fileKindOf(file.name);
    await replaceContent(s.client, s.site.driveId, driveItemId, file.bytes, { contentType: kind ? DOCUMENT_FILE_TYPES[kind] : undefined, signal: opts.signal });
    opts.onProgress?.({ uploaded: file.bytes.byteLength, total: file.bytes.byteLength });
    return;
  }
  await uploadLarge(s.client, s.site.driveId, 'root', currentName, file.bytes, { onProgress: opts.onProgress, signal: opts.signal, conflictBehavior: 'replace' });
}

/** The current eTag of the list item behind a file. */
export async function currentETag(s: DocumentServices, driveItemId: string): Promise<string> {
  const li = await getItemListItem(s.client, s.site.driveId, driveItemId);
  return li['@odata.etag'] ?? '';
}

/** Writes library columns of a file with `If-Match: eTag` (412 → `GraphConflictError`). */
export async function patchLibraryFields(s: DocumentServices, driveItemId: string, fields: Record<string, unknown>, eTag: string): Promise<void> {
  if (Object.keys(fields).length === 0) return;
  await updateListItemFields(s.client, s.site.driveId, driveItemId, fields, eTag);
}

/** Attempts at writing the columns of a file just uploaded while SharePoint answers 409 `resourceModified`. */
const NEW_FILE_FIELD_ATTEMPTS = 4;

/**
 * Writes the columns of a file just uploaded and leaves it checked in. Two things a tenant does
 * right after an upload are handled here:
 * - setting metadata may be answered 409 `resourceModified` while SharePoint still processes the
 *   new file: the item is read again (fresh eTag) and the write retried, after a short pause;
 * - in a library with required columns (SMS Documents has DocType), the upload leaves the file
 *   checked out to the uploader and invisible to everyone else until the columns are filled and
 *   the file is checked in: once the columns are written, a file still checked out is checked in
 *   (a minor check-in, so a draft stays a draft).
 * Returns the id of the list item behind the file.
 */
export async function settleNewFile(s: DocumentServices, driveItemId: string, fields: Record<string, unknown>, signal?: AbortSignal): Promise<string> {
  const listItemId = await writeFieldsAfterUpload(s, driveItemId, fields, signal);
  const publication = await getPublication(s.client, s.site.driveId, driveItemId, signal);
  if (publication?.level === 'checkout') await checkin(s.client, s.site.driveId, driveItemId, { comment: '', signal });
  return listItemId;
}

/** Reads the item's eTag and writes the fields; a 409 `resourceModified` gets a fresh read and another try. Returns the list item id. */
async function writeFieldsAfterUpload(s: DocumentServices, driveItemId: string, fields: Record<string, unknown>, signal?: AbortSignal): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    const li = await getItemListItem(s.client, s.site.driveId, driveItemId, signal);
    try {
      await updateListItemFields(s.client, s.site.driveId, driveItemId, fields, li['@odata.etag'] ?? '', signal);
      return String(li.id);
    } catch (e) {
      if (!(e instanceof GraphError && e.status === 409 && e.code === 'resourceModified') || attempt >= NEW_FILE_FIELD_ATTEMPTS) throw e;
      await sleep(250 * attempt, signal);
    }
  }
}

/** What a step read before it checks the file out: the library item's eTag and fields (a `DocumentSnapshot` fits). */
export interface CheckoutBase {
  readonly eTag: string;
  readonly fields: Readonly<Record<string, unknown>>;
}

/** The library item as it stands right after the check-out (what `change` writes on top of). */
export interface CheckedOutItem {
  readonly eTag: string;
  readonly fields: Readonly<Record<string, unknown>>;
}

/**
 * The `fields` keys of the document's own columns (`SMS Documents` schema): a column's value sits
 * under its name, a person or lookup column's under `<Name>LookupId`. System columns the check-out
 * itself changes (Modified, Editor, CheckoutUser, `_UIVersionString`, …) are not among them.
 */
const DOCUMENT_COLUMN_KEYS: readonly string[] = smsDocuments.columns.flatMap((c) => [c.name, `${c.name}LookupId`]);

const comparable = (v: unknown): string => JSON.stringify(v === undefined || v === '' ? null : Array.isArray(v) ? v.map(String) : v);

/** The document columns whose values differ between two reads of the item (empty when none). */
export function changedDocumentColumns(before: Readonly<Record<string, unknown>>, after: Readonly<Record<string, unknown>>): string[] {
  return DOCUMENT_COLUMN_KEYS.filter((k) => comparable(before[k]) !== comparable(after[k]));
}

/** The conflict a step reports when someone else changed these document columns since it loaded the document. */
export function documentChangedError(changed: readonly string[]): GraphConflictError {
  return new GraphConflictError(`The document was changed by someone else since it was opened (${changed.join(', ')}). Reload it and try again.`, 412, 'documentChanged', null, null);
}

/**
 * Check out → `change(item)` → check in. With `publish` the check-in makes the next major version
 * (what readers see); otherwise the changes stay a minor (draft) version. Checking out a file the
 * user already has checked out (an interrupted earlier attempt) is harmless.
 *
 * Concurrency: the check-out keeps everyone else from writing from then on, but not between the
 * moment the step read the document (`base`) and the check-out. So right after checking out, the
 * item is read again and its document columns (DocStatus and every metadata column) are compared
 * with `base`; if any differ, someone else changed the document in between, and this throws
 * `GraphConflictError` (412) before `change` runs — the check-out is discarded, so
 * nothing of theirs is overwritten or published. The comparison is on column values, not on the
 * eTag's change counter: a check-out may itself count as a change of the item (SharePoint updates
 * its CheckoutUser), by an amount Graph does not document, while the columns it touches are not
 * document columns. `change` gets the eTag and fields read after the check-out.
 */
export async function withCheckout(
  s: DocumentServices,
  driveItemId: string,
  base: CheckoutBase,
  opts: { comment: string; publish: boolean },
  change: (item: CheckedOutItem) => Promise<void>,
): Promise<void> {
  await checkout(s.client, s.site.driveId, driveItemId);
  // Anything that goes wrong while the file is checked out gives the check-out back, so the file is never
  // left locked to this user; changes made to the file during the failed step are discarded with it.
  const release = () => discardCheckout(s.client, s.site.driveId, driveItemId).catch(() => undefined);
  let li: Awaited<ReturnType<typeof getItemListItem>>;
  try {
    li = await getItemListItem(s.client, s.site.driveId, driveItemId);
  } catch (e) {
    await release();
    throw e;
  }
  const fields = (li.fields ?? {}) as Record<string, unknown>;
  const changed = changedDocumentColumns(base.fields, fields);
  if (changed.length > 0) {
    await release();
    throw documentChangedError(changed);
  }
  try {
    await change({ eTag: li['@odata.etag'] ?? String(fields['@odata.etag'] ?? ''), fields });
  } catch (e) {
    await release();
    throw e;
  }
  await checkin(s.client, s.site.driveId, driveItemId, { comment: opts.comment, publish: opts.publish });
}
