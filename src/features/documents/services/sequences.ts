/**
 * Hands out the next DocId of a document type from the `SMS Sequences` list: read the counter
 * item, compute the id and the incremented counter (src/domain `issueDocId`), and write the counter
 * back with `If-Match` set to the eTag that was read. Two controllers who read the same counter
 * cannot both write it: the second gets 412, re-reads and tries again (bounded), so nobody ever
 * gets a number someone else got.
 */
import { GraphConflictError, GraphError } from '../../../../graph/core/errors.js';
import { f } from '../../../../graph/core/filter.js';
import { createItem, listItems, updateItemFields, type ListItem } from '../../../../graph/lists/items.js';
import { smsSequences } from '../../../../graph/schema/index.js';
import type { DocType } from '../../../domain/documents/constants.js';
import { docSequenceName, issueDocId, newDocSequence, type SequenceState } from '../../../domain/documents/numbering.js';
import type { DocumentServices } from './types.js';

/** How many times a lost race (412, or a counter created by someone else) is retried. */
export const MAX_SEQUENCE_ATTEMPTS = 8;

export class SequenceContentionError extends Error {
  override readonly name: string = 'SequenceContentionError';
  constructor(readonly sequenceName: string) {
    super(`Could not reserve a number from ${sequenceName}: it kept changing. Try again.`);
  }
}

function toSequence(item: ListItem): SequenceState {
  const x = item.fields as Record<string, unknown>;
  return {
    sequenceName: String(x.SequenceName ?? ''),
    prefix: String(x.Prefix ?? ''),
    nextNumber: Number(x.NextNumber ?? 1),
    padding: Number(x.Padding ?? 3),
  };
}

async function readCounter(s: Pick<DocumentServices, 'client' | 'site'>, name: string, signal?: AbortSignal): Promise<ListItem | null> {
  const page = await listItems(s.client, s.site.siteId, s.site.sequencesListId, { filter: f.eq('fields/SequenceName', name), schema: smsSequences, top: 1, signal });
  return page.items[0] ?? null;
}

/**
 * Reserves the next DocId for a document of `docType` (e.g. `SMS-PRC-031`). Creates the counter
 * when the type has none yet. Throws `SequenceContentionError` after `MAX_SEQUENCE_ATTEMPTS` lost races.
 */
export async function assignDocId(
  s: Pick<DocumentServices, 'client' | 'site'>,
  docType: DocType,
  mandatoryItem: string | null,
  signal?: AbortSignal,
): Promise<string> {
  const name = docSequenceName(docType, mandatoryItem);
  for (let attempt = 0; attempt < MAX_SEQUENCE_ATTEMPTS; attempt++) {
    const item = await readCounter(s, name, signal);
    if (!item?.id) {
      const fresh = newDocSequence(docType, mandatoryItem);
      const { docId, next } = issueDocId(docType, fresh, { mandatoryItem });
      try {
        // The counter starts life already past the number it hands out.
        await createItem(s.client, s.site.siteId, s.site.sequencesListId, {
          Title: name,
          SequenceName: name,
          Prefix: next.prefix,
          NextNumber: next.nextNumber,
          Padding: next.padding,
        }, signal);
        return docId;
      } catch (e) {
        // Someone created it first (SequenceName is unique): read theirs and take the next number.
        if (e instanceof GraphError && e.status === 409) continue;
        throw e;
      }
    }
    const current = toSequence(item);
    const { docId, next } = issueDocId(docType, current, { mandatoryItem });
    try {
      await updateItemFields(s.client, s.site.siteId, s.site.sequencesListId, String(item.id), { NextNumber: next.nextNumber }, item['@odata.etag'] ?? '', signal);
      return docId;
    } catch (e) {
      if (e instanceof GraphConflictError) continue;
      throw e;
    }
  }
  throw new SequenceContentionError(name);
}
