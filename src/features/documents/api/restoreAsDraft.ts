/**
 * An earlier version's content as a new draft. Readers keep the last major (published) version;
 * a refusal (`DocumentRuleError`) comes before anything is written.
 */
import { restoreVersion as restoreDriveVersion } from '../../../../graph/drive/drive.js';
import { currentETag, patchLibraryFields, withCheckout } from '../services/library.js';
import { loadDocument } from '../services/load.js';
import { metadataFields, metadataOf, toDocumentState } from '../services/mapping.js';
import { canEditDraftNow } from '../services/rules.js';
import { refuseDraftEdit } from '../services/steps.js';
import type { DocumentServices, DocumentSnapshot } from '../services/types.js';
import { startRevision } from './startRevision.js';

/**
 * Restores an earlier version as a new draft, never rewriting history: the library makes a new
 * (minor) version with the old content, and the document's current metadata is written back on
 * top of it. A published document first starts a minor revision (`startRevision`); a working
 * draft is restored in place by its editors.
 */
export async function restoreAsDraft(s: DocumentServices, docId: string, libraryVersionId: string, versionName: string): Promise<DocumentSnapshot> {
  let snap = await loadDocument(s, docId);
  const summary = `Restored the content of version ${versionName}.`;
  if (snap.state.status === 'Published') {
    snap = await startRevision(s, docId, 'minor', { changeSummary: summary });
  } else if (!canEditDraftNow(s.me, snap.state)) {
    throw refuseDraftEdit(snap);
  }
  const restored = snap;
  await withCheckout(s, restored.file.driveItemId, restored, { comment: summary, publish: false }, async (item) => {
    // The metadata to keep, as read after the check-out (equal to what was loaded, or the check-out threw a conflict).
    const state = toDocumentState(item.fields, restored.draftRelease, s.people, s.timeZone);
    const keep = {
      ...metadataFields(metadataOf(state), s.people),
      DocId: state.docId,
      DocStatus: state.status,
      PublishedVersion: item.fields.PublishedVersion ?? null,
      EffectiveDate: item.fields.EffectiveDate ?? null,
      NextReviewDate: item.fields.NextReviewDate ?? null,
      ChangeSummary: summary,
    };
    await restoreDriveVersion(s.client, s.site.driveId, restored.file.driveItemId, libraryVersionId);
    await patchLibraryFields(s, restored.file.driveItemId, keep, await currentETag(s, restored.file.driveItemId));
  });
  return loadDocument(s, docId);
}
