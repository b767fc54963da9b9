/**
 * New controlled document: validate the metadata with the rules (`draftNewDocument`), reserve the
 * next DocId of its type (`SMS Sequences`, If-Match), upload the file (upload session with
 * progress above 4 MB), write its metadata and check the file in (`settleNewFile`), and record the draft release 0.1 and the audit entry.
 *
 * Safe to retry after any failure: pass back the DocId already reserved (`onDocId`) so no second
 * number is taken; the upload replaces the file of that name, the metadata write sets the same
 * values, and the release and audit records are not duplicated.
 */
import { draftNewDocument } from '../../../domain/documents/lifecycle.js';
import { nextDocId } from '../../../domain/documents/numbering.js';
import { fileKindOf, safeFileName, settleNewFile, uploadToLibrary, type FileInput, type UploadProgress } from '../services/library.js';
import { readReleases } from '../services/load.js';
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

/** Creates the document; returns its DocId. Throws `DocumentRuleError` on a refusal (nothing written). */
export async function createDocument(s: DocumentServices, req: NewDocumentRequest, cb: CreateCallbacks = {}): Promise<{ docId: string; listItemId: string }> {
  const kind = fileKindOf(req.file.name);
  if (!kind) throw new Error(`${req.file.name}: only Word (.docx), PDF and Markdown (.md) files can be controlled documents.`);
  const early = checkNewDocument(s, req.metadata, req.docId);
  if (early) throw new DocumentRuleError(early);

  const docId = req.docId ?? (await assignDocId(s, req.metadata.docType, req.metadata.mandatoryItem, cb.signal));
  cb.onDocId?.(docId);
  const result = draftNewDocument({ ...req.metadata, docId }, s.me, { now: s.clock.now(), isValidClause });
  if (!result.ok) throw new DocumentRuleError(result);

  const name = fileNameFor(docId, req.metadata.title, kind, req.docId ? req.fileName : null);
  cb.onFileName?.(name);
  const uploaded = await uploadToLibrary(s, name, req.file, { onProgress: cb.onProgress, signal: cb.signal });
  if (!uploaded.id) throw new Error('The upload returned no item id.');
  // Never leaves the new file checked out (invisible to everyone else) and retries a 409 right after the upload.
  const listItemId = await settleNewFile(s, uploaded.id, { ...metadataFields(req.metadata, s.people), DocId: docId, DocStatus: result.next.status }, cb.signal);

  await applyRecordEffects(
    s,
    { docId, title: req.metadata.title, listItemId, fileWebUrl: uploaded.webUrl ?? null, releases: await readReleases(s, docId) },
    result.effects,
    { dedupeAudit: true },
  );
  return { docId, listItemId };
}
