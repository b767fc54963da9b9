/**
 * Withdrawing a published document. Reads the document, asks the rules (`documentTransition` with
 * `withdraw`), and only then writes; a refusal throws `DocumentRuleError` before anything is. The
 * status is checked in as a major library version, because readers and registers must see it.
 */
import type { DocumentEffect } from '../../../domain/documents/lifecycle.js';
import { cancelRelease } from '../../../platform/acknowledgements/index.js';
import { patchLibraryFields, withCheckout } from '../services/library.js';
import { loadDocument } from '../services/load.js';
import { applyRecordEffects } from '../services/records.js';
import { campaignContextOf } from '../services/publish.js';
import { landedAfterFailure } from '../services/resume.js';
import { transitionOrThrow } from '../services/rules.js';
import { targetOf } from '../services/steps.js';
import type { DocumentServices, DocumentSnapshot } from '../services/types.js';

/**
 * Published → Withdrawn with a reason: release records, then the status as a major version (readers and registers
 * see it), then the release's open acknowledgement requests and campaigns are cancelled.
 */
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
  await cancelAcknowledgements(s, snap, result.effects);
  return loadDocument(s, docId);
}

/** The rules' `cancelAcknowledgements`: the withdrawn release's open requests and campaigns become Cancelled. */
async function cancelAcknowledgements(s: DocumentServices, snap: DocumentSnapshot, effects: readonly DocumentEffect[]): Promise<void> {
  for (const effect of effects) {
    if (effect.type !== 'cancelAcknowledgements') continue;
    const release = snap.releases.find((r) => r.versionLabel === effect.versionLabel && r.changeType !== 'Withdrawal' && r.versionStatus === 'Published');
    if (release) await cancelRelease(campaignContextOf(s), Number(release.itemId), `${snap.state.docId} was withdrawn: ${effect.reason.trim()}`);
  }
}
