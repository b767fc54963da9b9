/**
 * Edited metadata of a working draft, checked against the rules (`validateDocumentMetadata`) and
 * the editor's right to change it now before anything is written.
 */
import { validateDocumentMetadata, type FieldError } from '../../../domain/documents/metadata.js';
import { refuse } from '../../../domain/documents/results.js';
import { patchLibraryFields } from '../services/library.js';
import { metadataFields, metadataOf, type DocumentMetadata } from '../services/mapping.js';
import { canEditDraftNow, isValidClause } from '../services/rules.js';
import { refuseDraftEdit } from '../services/steps.js';
import { DocumentRuleError, type DocumentServices, type DocumentSnapshot } from '../services/types.js';

/**
 * Field problems with edited metadata of a working draft: every `validateDocumentMetadata`
 * finding except a missing approver, which the rules require only at submission (as for a new
 * document, `draftNewDocument`).
 */
export function metadataProblems(snap: DocumentSnapshot, meta: DocumentMetadata): FieldError[] {
  return validateDocumentMetadata({ ...snap.state, ...meta }, { isValidClause, requireDocId: true }).filter((e) => e.code !== 'approver.required');
}

/**
 * Saves edited metadata of a working draft with `If-Match: eTag` — the eTag the user's form was
 * loaded with. If someone else saved in between, Graph answers 412 and this throws
 * `GraphConflictError`; nothing is written, and the form can reload and reapply.
 */
export async function updateMetadata(s: DocumentServices, snap: DocumentSnapshot, changes: Partial<DocumentMetadata>, eTag: string): Promise<void> {
  if (!canEditDraftNow(s.me, snap.state)) throw refuseDraftEdit(snap);
  const meta = { ...metadataOf(snap.state), ...changes };
  const problems = metadataProblems(snap, meta);
  if (problems.length > 0) {
    const sod = problems.some((p) => p.code === 'approver.isAuthor');
    throw new DocumentRuleError(refuse(sod ? 'segregationOfDuties' : 'metadataIncomplete', problems.map((p) => p.message).join(' '), problems));
  }
  await patchLibraryFields(s, snap.file.driveItemId, metadataFields(changes, s.people), eTag);
}
