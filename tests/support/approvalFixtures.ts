/**
 * Test support for "Awaiting my decision" (not a test file): documents in the review states an
 * approver's inbox must tell apart, brought there through the lifecycle operations over HTTP, as the
 * app does. For tests outside the Documents area (Home), which may not import it themselves.
 */
import { decideApproval, loadDocument, submitForReview, type DocumentMetadata, type DocumentServices } from '../../src/features/documents/services/index.js';
import { createDraft } from './documentsHarness.js';

/** A new document `author` submitted for review: its approvers (Raj by default) have it to decide. Returns its DocId. */
export async function documentInReview(author: DocumentServices, metadata: Partial<DocumentMetadata> = {}): Promise<string> {
  const docId = await createDraft(author, metadata);
  await submitForReview(author, docId);
  return docId;
}

/**
 * A document submitted with `reviewer` as its reviewer, who asked for changes: the release is a
 * draft again, while the approver's record of that round stays Pending (nobody can decide it now).
 * Returns its DocId.
 */
export async function documentSentBack(author: DocumentServices, reviewer: DocumentServices, metadata: Partial<DocumentMetadata> = {}): Promise<string> {
  const docId = await documentInReview(author, { ...metadata, reviewerIds: [reviewer.mePerson.upn] });
  const review = (await loadDocument(reviewer, docId)).approvals.find((a) => a.step === 'Review');
  if (!review) throw new Error(`${docId} has no review for ${reviewer.mePerson.upn}.`);
  await decideApproval(reviewer, docId, review.itemId, 'Changes requested', 'Please say who chairs the CAB.');
  return docId;
}
