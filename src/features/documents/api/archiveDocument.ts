/**
 * Archiving a withdrawn document. Reads the document, checks who asks and why, asks the rules
 * (`documentTransition` with `archive`), and only then writes; a refusal throws
 * `DocumentRuleError` before anything is. The status is checked in as a major library version.
 */
import { canPublishOrWithdraw } from '../../../domain/documents/access.js';
import { refuse } from '../../../domain/documents/results.js';
import { SYSTEM_ACTOR } from '../../../domain/documents/types.js';
import { patchLibraryFields, withCheckout } from '../services/library.js';
import { loadDocument } from '../services/load.js';
import { applyRecordEffects } from '../services/records.js';
import { transitionOrThrow } from '../services/rules.js';
import { targetOf } from '../services/steps.js';
import { DocumentRuleError, type DocumentServices, type DocumentSnapshot } from '../services/types.js';

/**
 * Withdrawn → Archived. The rules make archiving a step of the app (retention starts); a document
 * controller or SMS manager (`canPublishOrWithdraw`) asks the app to take it now, with a reason.
 */
export async function archiveDocument(s: DocumentServices, docId: string, reason: string): Promise<DocumentSnapshot> {
  const snap = await loadDocument(s, docId);
  if (!canPublishOrWithdraw(s.me)) throw new DocumentRuleError(refuse('notPermitted', `Only a document controller or the SMS manager can archive ${docId}.`));
  if (!reason.trim()) throw new DocumentRuleError(refuse('reasonRequired', `Give the reason for archiving ${docId}.`));
  const result = transitionOrThrow(s, snap.state, { type: 'archive', comment: reason }, SYSTEM_ACTOR);
  await withCheckout(s, snap.file.driveItemId, snap, { comment: `Archived: ${reason.trim()}`, publish: true }, async ({ eTag }) => {
    await patchLibraryFields(s, snap.file.driveItemId, { DocStatus: result.next.status }, eTag);
  });
  await applyRecordEffects(s, targetOf(snap), result.effects, { dedupeAudit: true });
  return loadDocument(s, docId);
}
