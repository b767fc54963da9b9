/**
 * Finishing a multi-step operation after an ambiguous failure (issue 9 §4). A write answered 503
 * or 504, or not answered at all, may have been carried out: Graph's gateway can time out on a
 * request its backend goes on to finish. `graph/core` never re-sends such a POST (ADR 0002), and a
 * PATCH re-sent with `If-Match` after it was applied fails with 412. So the operation re-reads the
 * state (the document, its releases, the file's check-out and version, the audit trail) and
 * continues from there instead of repeating a step blindly.
 *
 * This file holds what the screens and the operations share: which failures are ambiguous, and
 * which states of a document are a publication left half done (`unfinishedPublicationOf`).
 */
import { GraphConflictError, isAmbiguousGraphFailure } from '../../../../graph/core/errors.js';
import { checkin, checkoutHolder, discardCheckout, getItemListItem, getPublication } from '../../../../graph/drive/drive.js';
import { canPublishOrWithdraw } from '../../../domain/documents/access.js';
import { samePerson } from '../../../domain/documents/types.js';
import { isPublishedLabel } from '../../../domain/documents/versions.js';
import { loadDocument } from './load.js';
import { publishesNow } from './rounds.js';
import type { DocumentServices, DocumentSnapshot } from './types.js';
import { releaseDisplayLabel } from './versionStory.js';

/**
 * True when the failure leaves it open whether the write happened: a network failure or timeout
 * (status 0), 429 after the retries ran out, 502/503/504, or a 412/409 conflict on an `If-Match`
 * write (the retry of a write that was applied finds its own change). A conflict the operation
 * itself detected (`documentChanged`: someone else changed the document since it was read) is
 * not: it means stop, not continue.
 */
export function isAmbiguousFailure(e: unknown): boolean {
  if (e instanceof GraphConflictError) return e.code !== 'documentChanged';
  return isAmbiguousGraphFailure(e);
}

/** How a publication was left half done, as the document page shows it. */
export type UnfinishedPublication =
  /** The records say Published (DocStatus, release) but the file is still a draft: the check-in did not happen. */
  | { readonly kind: 'checkIn'; readonly versionLabel: string }
  /** Approved, with no later effective date planned, but not published: the publication that follows approval did not finish. */
  | { readonly kind: 'publish'; readonly versionLabel: string };

const isMajor = (label: string | null) => label !== null && isPublishedLabel(label);

/**
 * The publication `snap` shows half done, or null. A document is published on approval unless a
 * later effective date is planned, so an Approved document whose date has come is one; a document
 * whose records say Published while its file is a minor version is one whose check-in failed.
 */
export function unfinishedPublicationOf(s: DocumentServices, snap: DocumentSnapshot): UnfinishedPublication | null {
  const { state } = snap;
  if (state.status === 'Published' && state.publishedVersion !== null && !isMajor(snap.file.versionLabel)) {
    return { kind: 'checkIn', versionLabel: state.publishedVersion };
  }
  if (state.status === 'Approved' && publishesNow(s, snap)) {
    return { kind: 'publish', versionLabel: snap.draftRelease ? releaseDisplayLabel(snap.draftRelease) : (state.draftVersion ?? '') };
  }
  return null;
}

/**
 * Whether the signed-in user is one who can finish `unfinished`: whoever holds the file's check-out
 * (nobody else can check it in), else an approver of the round or a document controller / SMS manager.
 * `checkedOutBy` is the Entra object id of the user holding the check-out, null when nobody does.
 */
export function canFinishPublication(s: Pick<DocumentServices, 'me' | 'mePerson'>, snap: DocumentSnapshot, checkedOutBy: string | null): boolean {
  if (checkedOutBy !== null) return checkedOutBy.toLowerCase() === s.mePerson.userId.toLowerCase();
  return canPublishOrWithdraw(s.me) || snap.approvals.some((a) => samePerson(a.assigneeId, s.me.id));
}

/**
 * After the writes of a lifecycle step (submit, revise, withdraw) failed with `e`: when `e` is
 * ambiguous, reads what landed and finishes the step if its status write did: a check-in the step
 * still owes (the file checked out to the signed-in user with the new status) is made, once. Returns
 * normally when the step landed (the caller then writes its audit entry, deduplicated); throws `e`
 * when it did not (the user tries again: every record write before the status is idempotent), after
 * giving back a check-out the step left without its status.
 */
export async function landedAfterFailure(
  s: DocumentServices,
  snap: Pick<DocumentSnapshot, 'state' | 'file'>,
  nextStatus: string,
  e: unknown,
  checkIn?: { comment: string; publish: boolean },
  /** Run before that check-in: e.g. the step's file upload again (a PUT of the same bytes, safe to repeat). */
  beforeCheckIn?: () => Promise<void>,
): Promise<void> {
  if (!isAmbiguousFailure(e)) throw e;
  const { driveId } = s.site;
  const itemId = snap.file.driveItemId;
  // Each pass reads again; an ambiguous failure of the pass itself (its check-in too) starts the next.
  for (let failures = 0; ; failures++) {
    try {
      if (checkIn) {
        const holder = checkoutHolder(await getPublication(s.client, driveId, itemId));
        if (holder && samePerson(holder.id, s.mePerson.userId)) {
          const mine = await getItemListItem(s.client, driveId, itemId);
          if ((mine.fields as Record<string, unknown> | undefined)?.DocStatus !== nextStatus) {
            await discardCheckout(s.client, driveId, itemId).catch(() => undefined);
            throw e;
          }
          await beforeCheckIn?.();
          await checkin(s.client, driveId, itemId, checkIn);
          continue; // read again: the check-in is confirmed by the next pass
        }
      }
      const after = await loadDocument(s, snap.state.docId);
      if (after.state.status !== nextStatus) throw e;
      return;
    } catch (inner) {
      if (inner === e || !isAmbiguousFailure(inner) || failures >= LANDING_ATTEMPTS - 1) throw inner;
    }
  }
}

/** Passes `landedAfterFailure` makes at most after ambiguous failures of its own. */
const LANDING_ATTEMPTS = 8;
