/**
 * Hands out the next DocId of a document type from the `SMS Sequences` list, through the
 * platform's ETag-guarded sequences (`src/platform/sequences.ts`): two controllers who read the
 * same counter cannot both write it, so nobody ever gets a number someone else got.
 */
import type { DocType } from '../../../domain/documents/constants.js';
import { docSequenceName, newDocSequence, nextDocId } from '../../../domain/documents/numbering.js';
import { reserveNext } from '../../../platform/sequences.js';
import type { DocumentServices } from './types.js';

export { MAX_SEQUENCE_ATTEMPTS, SequenceContentionError } from '../../../platform/sequences.js';

/**
 * Reserves the next DocId for a document of `docType` (e.g. `SMS-PRC-031`). Creates the counter
 * when the type has none yet. With `requestKey` (a create's idempotency key), a repeat of the
 * counter's last reservation gets the same DocId again. Throws `SequenceContentionError` after
 * `MAX_SEQUENCE_ATTEMPTS` lost races.
 */
export function assignDocId(s: Pick<DocumentServices, 'client' | 'site'>, docType: DocType, mandatoryItem: string | null, signal?: AbortSignal, requestKey?: string | null): Promise<string> {
  return reserveNext(
    s.client,
    s.site.sms,
    docSequenceName(docType, mandatoryItem),
    () => newDocSequence(docType, mandatoryItem),
    (state) => nextDocId(docType, state, { mandatoryItem }),
    signal,
    { requestKey },
  );
}
