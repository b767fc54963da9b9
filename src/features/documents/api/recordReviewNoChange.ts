/**
 * The periodic review of a published document that changes nothing. Reads the document, asks the
 * rules (`documentTransition` with `reviewNoChange`), and only then writes; a refusal throws
 * `DocumentRuleError` before anything is. The new review date is checked in as a major library
 * version, because readers must see it.
 */
import { patchLibraryFields, withCheckout } from '../services/library.js';
import { loadDocument } from '../services/load.js';
import { applyRecordEffects } from '../services/records.js';
import { transitionOrThrow } from '../services/rules.js';
import { targetOf } from '../services/steps.js';
import type { DocumentServices, DocumentSnapshot } from '../services/types.js';

/** Published → Published: "reviewed, no change" moves NextReviewDate (a major version readers see) and records a release entry. */
export async function recordReviewNoChange(s: DocumentServices, docId: string, comment: string): Promise<DocumentSnapshot> {
  const snap = await loadDocument(s, docId);
  const result = transitionOrThrow(s, snap.state, { type: 'reviewNoChange', comment }, s.me);
  await withCheckout(s, snap.file.driveItemId, snap, { comment: `Periodic review: no change (next review ${result.next.nextReviewDate ?? ''})`, publish: true }, async ({ eTag }) => {
    // Release records once the check-out found the document unchanged (a conflict writes nothing).
    await applyRecordEffects(s, targetOf(snap), result.effects.filter((e) => e.type !== 'audit'));
    await patchLibraryFields(s, snap.file.driveItemId, { NextReviewDate: result.next.nextReviewDate }, eTag);
  });
  await applyRecordEffects(s, targetOf(snap), result.effects.filter((e) => e.type === 'audit'), { dedupeAudit: true });
  return loadDocument(s, docId);
}
