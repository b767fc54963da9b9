/**
 * The document lifecycle's operations, one per file: each reads the document, asks the rules of
 * src/domain/documents, and only then writes (through the building blocks of ../services/). A
 * refusal throws `DocumentRuleError` before anything is written.
 */
export { archiveDocument } from './archiveDocument.js';
export { completeRound, roundToComplete } from './completeRound.js';
export { completePublication, type UncertainDecision } from './completePublication.js';
export { checkNewDocument, createDocument, fileNameFor, newCreateKey, type CreateCallbacks, type NewDocumentRequest } from './createDocument.js';
export { checkDecision, decideApproval, type DecisionOutcome } from './decideApproval.js';
export { publishDocument, type PublishOptions } from './publishDocument.js';
export { recordReviewNoChange } from './recordReviewNoChange.js';
export { restoreAsDraft } from './restoreAsDraft.js';
export { startRevision, type DraftUpload } from './startRevision.js';
export { submitForReview } from './submitForReview.js';
export { metadataProblems, updateMetadata } from './updateMetadata.js';
export { uploadDraft } from './uploadDraft.js';
export { withdrawDocument } from './withdrawDocument.js';
