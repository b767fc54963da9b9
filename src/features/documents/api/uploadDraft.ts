/**
 * A new draft of the file of a working draft (Draft / Under revision), by someone who may edit it
 * now (`canEditDraftNow`); anyone else gets `DocumentRuleError` before anything is written. The
 * upload is a minor library version: readers keep the last major (published) version.
 */
import { currentETag, patchLibraryFields, replaceFile, withCheckout, type FileInput } from '../services/library.js';
import { loadDocument } from '../services/load.js';
import { canEditDraftNow } from '../services/rules.js';
import { refuseDraftEdit } from '../services/steps.js';
import type { DocumentServices, DocumentSnapshot } from '../services/types.js';
import type { DraftUpload } from './startRevision.js';

/** Uploads a new draft of the file (Draft / Under revision): check out, upload, change summary, check in (minor). */
export async function uploadDraft(s: DocumentServices, docId: string, upload: DraftUpload & { file: FileInput }): Promise<DocumentSnapshot> {
  const snap = await loadDocument(s, docId);
  if (!canEditDraftNow(s.me, snap.state)) throw refuseDraftEdit(snap);
  await withCheckout(s, snap.file.driveItemId, snap, { comment: upload.changeSummary, publish: false }, async () => {
    await replaceFile(s, snap.file.driveItemId, snap.file.name, upload.file, { onProgress: upload.onProgress });
    // The upload made a new version: write the summary on top of it.
    if (upload.changeSummary.trim()) await patchLibraryFields(s, snap.file.driveItemId, { ChangeSummary: upload.changeSummary.trim() }, await currentETag(s, snap.file.driveItemId));
  });
  return loadDocument(s, docId);
}
