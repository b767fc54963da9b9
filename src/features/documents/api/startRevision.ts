/**
 * Published → Under revision. Reads the document, asks the rules (`documentTransition` with
 * `startRevision`), and only then writes; a refusal throws `DocumentRuleError` before anything is.
 * Changes to the draft are minor library versions: readers keep the last major (published) version.
 */
import { patchLibraryFields, replaceFile, withCheckout, type FileInput, type UploadProgress } from '../services/library.js';
import { loadDocument } from '../services/load.js';
import { applyRecordEffects } from '../services/records.js';
import { landedAfterFailure } from '../services/resume.js';
import { transitionOrThrow } from '../services/rules.js';
import { targetOf } from '../services/steps.js';
import type { DocumentServices, DocumentSnapshot } from '../services/types.js';

export interface DraftUpload {
  readonly file?: FileInput | null;
  readonly changeSummary: string;
  readonly onProgress?: (progress: UploadProgress) => void;
}

/**
 * Published → Under revision: checks the file out, records the change summary (and uploads the
 * new draft, if given) and checks it in as a minor version; the release record of the new draft
 * label (minor or major revision) is created. Readers keep seeing the published version.
 */
export async function startRevision(s: DocumentServices, docId: string, revision: 'minor' | 'major', upload: DraftUpload): Promise<DocumentSnapshot> {
  const snap = await loadDocument(s, docId);
  const result = transitionOrThrow(s, snap.state, { type: 'startRevision', revision, changeSummary: upload.changeSummary }, s.me);
  const checkIn = { comment: upload.changeSummary, publish: false };
  const uploadFile = async () => {
    if (upload.file) await replaceFile(s, snap.file.driveItemId, snap.file.name, upload.file, { onProgress: upload.onProgress });
  };
  try {
    await withCheckout(s, snap.file.driveItemId, snap, checkIn, async ({ eTag }) => {
      // Once the check-out found the document unchanged: the draft release first (idempotent), so a
      // failure before the status changes leaves the document Published, and a retry reuses the record.
      await applyRecordEffects(s, targetOf(snap), result.effects.filter((e) => e.type !== 'audit'));
      await patchLibraryFields(s, snap.file.driveItemId, { DocStatus: result.next.status, ChangeSummary: result.next.changeSummary }, eTag);
      await uploadFile();
    });
  } catch (e) {
    // An ambiguous failure after the status landed: upload the draft again (a PUT of the same bytes)
    // and make the check-in the step still owes; otherwise the user tries again (issue 9 §4).
    await landedAfterFailure(s, snap, result.next.status, e, checkIn, uploadFile);
  }
  await applyRecordEffects(s, targetOf(snap), result.effects.filter((e) => e.type === 'audit'), { dedupeAudit: true });
  return loadDocument(s, docId);
}
