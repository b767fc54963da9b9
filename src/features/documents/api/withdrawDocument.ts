/**
 * Withdrawing a published document. Reads the document, asks the rules (`documentTransition` with
 * `withdraw`), and only then writes; a refusal throws `DocumentRuleError` before anything is. The
 * status is checked in as a major library version, because readers and registers must see it.
 */
import { patchLibraryFields, withCheckout } from '../services/library.js';
import { loadDocument } from '../services/load.js';
import { applyRecordEffects } from '../services/records.js';
import { landedAfterFailure } from '../services/resume.js';
import { transitionOrThrow } from '../services/rules.js';
import { targetOf } from '../services/steps.js';
import type { DocumentServices, DocumentSnapshot } from '../services/types.js';

/** Published → Withdrawn with a reason: release records, then the status as a major version (readers and registers see it). */
export async function withdrawDocument(s: DocumentServices, docId: string, reason: string): Promise<DocumentSnapshot> {
  const snap = await loadDocument(s, docId);
  const result = transitionOrThrow(s, snap.state, { type: 'withdraw', reason }, s.me);
  const checkIn = { comment: `Withdrawn: ${reason.trim()}`, publish: true };
  try {
    await withCheckout(s, snap.file.driveItemId, snap, checkIn, async ({ eTag }) => {
      // Release records once the check-out found the document unchanged (a conflict writes nothing).
      await applyRecordEffects(s, targetOf(snap), result.effects.filter((e) => e.type !== 'audit'));
      await patchLibraryFields(s, snap.file.driveItemId, { DocStatus: result.next.status }, eTag);
    });
  } catch (e) {
    // An ambiguous failure: finish a check-in the step still owes, or let the user try again (issue 9 §4).
    await landedAfterFailure(s, snap, result.next.status, e, checkIn);
  }
  await applyRecordEffects(s, targetOf(snap), result.effects.filter((e) => e.type === 'audit'), { dedupeAudit: true });
  return loadDocument(s, docId);
}
