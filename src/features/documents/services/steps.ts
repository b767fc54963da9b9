/**
 * Pieces several lifecycle verbs (`../api/`) share: the record target of a loaded document, and the
 * refusal given to someone who may not change its draft now.
 */
import { refuse } from '../../../domain/documents/results.js';
import type { EffectTarget } from './records.js';
import { DocumentRuleError, type DocumentSnapshot } from './types.js';

/** The document as `applyRecordEffects` writes its release, approval and audit records. */
export const targetOf = (snap: DocumentSnapshot): EffectTarget => ({
  docId: snap.state.docId,
  title: snap.state.title,
  listItemId: snap.listItemId,
  fileWebUrl: snap.file.webUrl,
  releases: [...snap.releases],
});

/** A refusal for someone who may not change the draft now (the rules' wording for who may edit). */
export function refuseDraftEdit(snap: DocumentSnapshot): DocumentRuleError {
  return new DocumentRuleError(
    snap.state.status === 'Withdrawn' || snap.state.status === 'Archived'
      ? refuse('readOnly', `${snap.state.docId} is ${snap.state.status} and read-only.`)
      : snap.state.status === 'Draft' || snap.state.status === 'Under revision'
        ? refuse('notPermitted', `Only the SMS manager, a document controller or the owner of ${snap.state.docId} (or of its process) can change it.`)
        : refuse('notAllowedFromStatus', `${snap.state.docId} is ${snap.state.status}: its draft can change only while it is Draft or Under revision.`),
  );
}
