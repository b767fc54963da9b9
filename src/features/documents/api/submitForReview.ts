/**
 * Draft / Under revision → In review. Reads the document, asks the rules (`documentTransition`
 * with `submit`), and only then writes; a refusal throws `DocumentRuleError` before anything is.
 */
import { patchLibraryFields } from '../services/library.js';
import { loadDocument, readApprovals } from '../services/load.js';
import { applyRecordEffects } from '../services/records.js';
import { landedAfterFailure } from '../services/resume.js';
import { transitionOrThrow } from '../services/rules.js';
import { targetOf } from '../services/steps.js';
import type { ApprovalRow, DocumentServices, DocumentSnapshot } from '../services/types.js';

async function allApprovalsOf(s: DocumentServices, snap: DocumentSnapshot): Promise<ApprovalRow[]> {
  return snap.draftRelease ? readApprovals(s, snap.draftRelease.itemId) : [];
}

/** Draft / Under revision → In review: approval records (and Planner tasks for approvers), then the status. */
export async function submitForReview(s: DocumentServices, docId: string, comment?: string): Promise<DocumentSnapshot> {
  const snap = await loadDocument(s, docId);
  const result = transitionOrThrow(s, snap.state, { type: 'submit', ...(comment ? { comment } : {}) }, s.me);
  const target = targetOf(snap);
  const approvals = await allApprovalsOf(s, snap);
  const records = result.effects.filter((e) => e.type !== 'audit');
  try {
    await applyRecordEffects(s, target, records, { approvals });
    await patchLibraryFields(s, snap.file.driveItemId, { DocStatus: result.next.status }, snap.eTag);
  } catch (e) {
    // An ambiguous failure: go on if the status landed, else the user tries again (issue 9 §4).
    await landedAfterFailure(s, snap, result.next.status, e);
  }
  await applyRecordEffects(s, target, result.effects.filter((e) => e.type === 'audit'), { dedupeAudit: true });
  return loadDocument(s, docId);
}
