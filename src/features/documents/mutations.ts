/**
 * TanStack Query mutation options of the document lifecycle. Each one calls an operation of
 * `api/` (which asks the domain rules before writing) and, once it succeeds, refreshes every
 * query over the `SMS Documents` library (the document page, its history, the register). A failed
 * step refreshes nothing, so its dialog stays mounted with the user's input for the retry; except
 * the steps that can fail half way through a publication (a decision, completing a review,
 * publishing), which refresh the page so that it shows what was recorded and what is left.
 * Retries are never automatic: a failed step keeps the user's input and the user retries.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { FinalDecision } from '../../domain/documents/approvals.js';
import { documentsListKey } from './queries.js';
import {
  archiveDocument,
  completePublication,
  completeRound,
  createDocument,
  decideApproval,
  publishDocument,
  recordReviewNoChange,
  restoreAsDraft,
  startRevision,
  submitForReview,
  updateMetadata,
  uploadDraft,
  withdrawDocument,
  type CreateCallbacks,
  type DraftUpload,
  type NewDocumentRequest,
} from './api/index.js';
import type { DocumentMetadata, DocumentServices, DocumentSnapshot, FileInput } from './services/index.js';

/**
 * Refreshes the library's queries without waiting for them: the step's promise settles first, so
 * the dialog that ran it closes (and hands focus back) before the page re-renders around it.
 */
const settle = (s: DocumentServices, qc: QueryClient) => () => {
  void qc.invalidateQueries({ queryKey: documentsListKey(s.site.siteId) });
};

export const createDocumentMutation = (s: DocumentServices, qc: QueryClient) => ({
  mutationFn: (v: { request: NewDocumentRequest; callbacks?: CreateCallbacks }) => createDocument(s, v.request, v.callbacks),
  onSuccess: settle(s, qc),
});

export const submitMutation = (s: DocumentServices, qc: QueryClient) => ({
  mutationFn: (v: { docId: string; comment?: string }) => submitForReview(s, v.docId, v.comment),
  onSuccess: settle(s, qc),
});

export const decisionMutation = (s: DocumentServices, qc: QueryClient) => ({
  mutationFn: (v: { docId: string; approvalItemId: string; decision: FinalDecision; comment: string | null }) => decideApproval(s, v.docId, v.approvalItemId, v.decision, v.comment),
  onSuccess: settle(s, qc),
  // A failure after the decision was recorded leaves the page on what was recorded (issue 9 §4): it no
  // longer offers the decision, and offers "Complete publication" where the publication did not finish.
  // A decision that was not recorded keeps its dialog (and the user's input) for "Try again".
  onError: settle(s, qc),
});

/** Finishes a publication left half done ("Complete publication"); refreshes what it reached, even when it fails. */
export const completePublicationMutation = (s: DocumentServices, qc: QueryClient) => ({
  mutationFn: (v: { docId: string }) => completePublication(s, v.docId),
  onSettled: settle(s, qc),
});

export const completeRoundMutation = (s: DocumentServices, qc: QueryClient) => ({
  mutationFn: (v: { docId: string }) => completeRound(s, v.docId),
  // Refreshed after a failure too: a step that failed half way shows as "Complete publication".
  onSettled: settle(s, qc),
});

export const publishMutation = (s: DocumentServices, qc: QueryClient) => ({
  mutationFn: (v: { docId: string }) => publishDocument(s, v.docId),
  onSettled: settle(s, qc),
});

export const startRevisionMutation = (s: DocumentServices, qc: QueryClient) => ({
  mutationFn: (v: { docId: string; revision: 'minor' | 'major'; upload: DraftUpload }) => startRevision(s, v.docId, v.revision, v.upload),
  onSuccess: settle(s, qc),
});

export const uploadDraftMutation = (s: DocumentServices, qc: QueryClient) => ({
  mutationFn: (v: { docId: string; upload: DraftUpload & { file: FileInput } }) => uploadDraft(s, v.docId, v.upload),
  onSuccess: settle(s, qc),
});

export const restoreMutation = (s: DocumentServices, qc: QueryClient) => ({
  mutationFn: (v: { docId: string; versionId: string; versionName: string }) => restoreAsDraft(s, v.docId, v.versionId, v.versionName),
  onSuccess: settle(s, qc),
});

export const metadataMutation = (s: DocumentServices, qc: QueryClient) => ({
  mutationFn: (v: { snapshot: DocumentSnapshot; changes: Partial<DocumentMetadata>; eTag: string }) => updateMetadata(s, v.snapshot, v.changes, v.eTag),
  // A conflict keeps the form's eTag until the user chooses to reload and reapply.
  onSuccess: settle(s, qc),
});

export const reviewNoChangeMutation = (s: DocumentServices, qc: QueryClient) => ({
  mutationFn: (v: { docId: string; comment: string }) => recordReviewNoChange(s, v.docId, v.comment),
  onSuccess: settle(s, qc),
});

export const withdrawMutation = (s: DocumentServices, qc: QueryClient) => ({
  mutationFn: (v: { docId: string; reason: string }) => withdrawDocument(s, v.docId, v.reason),
  onSuccess: settle(s, qc),
});

export const archiveMutation = (s: DocumentServices, qc: QueryClient) => ({
  mutationFn: (v: { docId: string; reason: string }) => archiveDocument(s, v.docId, v.reason),
  onSuccess: settle(s, qc),
});
