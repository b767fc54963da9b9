/**
 * New controlled document: validate the metadata with the rules (`draftNewDocument`), reserve the
 * next DocId of its type (`SMS Sequences`, If-Match), upload the file (upload session with
 * progress above 4 MB), write its metadata and check the file in (`settleNewFile`), and record the draft release 0.1 and the audit entry.
 *
 * Safe to retry after any failure: pass back the DocId already reserved (`onDocId`) so no second
 * number is taken; the upload replaces the file of that name, the metadata write sets the same
 * values, and the release and audit records are not duplicated.
 *
 * A create carries an idempotency key (`requestKey`, one per new-document form), so that a repeat
 * never makes a second document, even when the caller never heard back from the first attempt (a
 * 504 or a timeout whose request was applied, a double submit). Where the first attempt stopped:
 * - number reserved: the key is the counter's `LastRequestKey` (same PATCH), so the repeat gets
 *   the same DocId (see src/platform/sequences.ts) and carries on with it;
 * - file uploaded, columns not written: same DocId, same file name: the upload replaces that file;
 * - columns written (`CreateKey` = the key, with DocId and the rest): the repeat finds the document
 *   by its key before reserving anything, checks the file in if it is still checked out, and
 *   writes the release and audit records only if they are missing;
 * - everything done: the repeat finds it and answers with it.
 */
import { checkin, getPublication } from '../../../../graph/drive/drive.js';
import { f } from '../../../../graph/core/filter.js';
import { listItems, type ListItem } from '../../../../graph/lists/items.js';
import { smsDocuments } from '../../../../graph/schema/documents.js';
import { draftNewDocument } from '../../../domain/documents/lifecycle.js';
import { nextDocId } from '../../../domain/documents/numbering.js';
import { fileKindOf, safeFileName, settleNewFile, uploadToLibrary, type FileInput, type UploadProgress } from '../services/library.js';
import { loadDocument, readReleases } from '../services/load.js';
import { metadataFields, type DocumentMetadata } from '../services/mapping.js';
import { applyRecordEffects } from '../services/records.js';
import { isValidClause } from '../services/rules.js';
import { assignDocId } from '../services/sequences.js';
import { DocumentRuleError, type DocumentServices } from '../services/types.js';
import type { Refusal } from '../../../domain/documents/results.js';

export interface NewDocumentRequest {
  readonly metadata: DocumentMetadata;
  readonly file: FileInput;
  /** A DocId reserved by an earlier, failed attempt of this same creation. */
  readonly docId?: string | null;
  /**
   * The file name that earlier attempt used (`onFileName`). A retry with the same DocId keeps it
   * (only the extension follows the file now chosen), so the upload replaces that attempt's file
   * instead of adding a second file with the DocId when the title was edited in between.
   */
  readonly fileName?: string | null;
  /**
   * Idempotency key of this creation (`newCreateKey()`, made once per form and sent with every
   * attempt): a repeat finds what an earlier attempt with the key made and finishes it.
   */
  readonly requestKey?: string | null;
}

export interface CreateCallbacks {
  /** Called as soon as a DocId is reserved (keep it for a retry). */
  readonly onDocId?: (docId: string) => void;
  /** Called with the library file name before the upload starts (keep it for a retry, with the DocId). */
  readonly onFileName?: (fileName: string) => void;
  readonly onProgress?: (progress: UploadProgress) => void;
  readonly signal?: AbortSignal;
}

/**
 * Checks a new document against the rules without writing anything: the refusal the rules give
 * (`notPermitted`, `segregationOfDuties`, `metadataIncomplete` with field errors), or null. The
 * DocId is not known yet, so the first id of its type stands in for the format check.
 */
export function checkNewDocument(s: Pick<DocumentServices, 'me' | 'clock'>, metadata: DocumentMetadata, docId?: string | null): Refusal | null {
  const id = docId ?? nextDocId(metadata.docType, 1, { mandatoryItem: metadata.mandatoryItem });
  const result = draftNewDocument({ ...metadata, docId: id }, s.me, { now: s.clock.now(), isValidClause });
  return result.ok ? null : result;
}

/**
 * The library file name of a new document: `<DocId> <title>.<ext>`, or, on a retry, the name the
 * first attempt used (same DocId; the extension of the file now chosen).
 */
export function fileNameFor(docId: string, title: string, kind: string, earlier?: string | null): string {
  if (earlier && earlier.startsWith(`${docId} `)) return `${earlier.replace(/\.[^.]+$/, '')}.${kind}`;
  return safeFileName(`${docId} ${title}`) + `.${kind}`;
}

/** A new idempotency key for a creation (a random UUID; `getRandomValues` where `randomUUID` is missing, outside a secure context). */
export function newCreateKey(): string {
  const c = globalThis.crypto;
  if (typeof c.randomUUID === 'function') return c.randomUUID();
  const b = c.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The library item an earlier attempt with this key made (`CreateKey` is indexed), as the caller sees it, or null. */
async function madeWithKey(s: DocumentServices, key: string, signal?: AbortSignal): Promise<ListItem | null> {
  const page = await listItems(s.client, s.site.siteId, s.site.documentsListId, { filter: f.eq('fields/CreateKey', key), schema: smsDocuments, top: 1, signal });
  const item = page.items[0];
  return item?.id && typeof (item.fields as Record<string, unknown> | undefined)?.DocId === 'string' ? item : null;
}

/**
 * Finishes the document an earlier attempt with the same key made (its columns are written: the
 * key is written with them): checks the file in if that attempt left it checked out, then writes
 * the release and audit records, each only if missing (the audit entry as any retried step does:
 * `dedupeAudit`). The document stands as that attempt made it: its file and columns are not
 * written again, and its records follow it (its change summary).
 */
async function finishEarlierAttempt(s: DocumentServices, req: NewDocumentRequest, item: ListItem, cb: CreateCallbacks): Promise<{ docId: string; listItemId: string }> {
  const docId = String((item.fields as Record<string, unknown>).DocId);
  cb.onDocId?.(docId);
  const snap = await loadDocument(s, docId, cb.signal);
  const publication = await getPublication(s.client, s.site.driveId, snap.file.driveItemId, cb.signal);
  if (publication?.level === 'checkout') await checkin(s.client, s.site.driveId, snap.file.driveItemId, { comment: '', signal: cb.signal });
  const result = draftNewDocument({ ...req.metadata, changeSummary: snap.state.changeSummary, docId }, s.me, { now: s.clock.now(), isValidClause });
  if (!result.ok) throw new DocumentRuleError(result);
  // A document that has moved on since (submitted, revised, …) was finished long ago: nothing is written.
  const untouched = snap.state.status === 'Draft' && snap.releases.every((r) => r.versionLabel === result.next.draftVersion && r.versionStatus === 'Draft');
  if (untouched) {
    await applyRecordEffects(s, { docId, title: snap.state.title, listItemId: snap.listItemId, fileWebUrl: snap.file.webUrl, releases: [...snap.releases] }, result.effects, { dedupeAudit: true });
  }
  return { docId, listItemId: snap.listItemId };
}

/** Creates the document; returns its DocId. Throws `DocumentRuleError` on a refusal (nothing written). */
export async function createDocument(s: DocumentServices, req: NewDocumentRequest, cb: CreateCallbacks = {}): Promise<{ docId: string; listItemId: string }> {
  const kind = fileKindOf(req.file.name);
  if (!kind) throw new Error(`${req.file.name}: only Word (.docx), PDF and Markdown (.md) files can be controlled documents.`);
  const early = checkNewDocument(s, req.metadata, req.docId);
  if (early) throw new DocumentRuleError(early);

  const key = req.requestKey || null;
  const earlier = key ? await madeWithKey(s, key, cb.signal) : null;
  if (earlier) return finishEarlierAttempt(s, req, earlier, cb);

  const docId = req.docId ?? (await assignDocId(s, req.metadata.docType, req.metadata.mandatoryItem, cb.signal, key));
  cb.onDocId?.(docId);
  const result = draftNewDocument({ ...req.metadata, docId }, s.me, { now: s.clock.now(), isValidClause });
  if (!result.ok) throw new DocumentRuleError(result);

  const name = fileNameFor(docId, req.metadata.title, kind, req.docId ? req.fileName : null);
  cb.onFileName?.(name);
  const uploaded = await uploadToLibrary(s, name, req.file, { onProgress: cb.onProgress, signal: cb.signal });
  if (!uploaded.id) throw new Error('The upload returned no item id.');
  // Never leaves the new file checked out (invisible to everyone else) and retries a 409 right after the upload.
  const listItemId = await settleNewFile(s, uploaded.id, { ...metadataFields(req.metadata, s.people), DocId: docId, DocStatus: result.next.status, ...(key ? { CreateKey: key } : {}) }, cb.signal);

  await applyRecordEffects(
    s,
    { docId, title: req.metadata.title, listItemId, fileWebUrl: uploaded.webUrl ?? null, releases: await readReleases(s, docId) },
    result.effects,
    { dedupeAudit: true },
  );
  return { docId, listItemId };
}
