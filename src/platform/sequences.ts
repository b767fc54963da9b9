/**
 * Reference sequences (`SMS Sequences`): hands out the next number of a named counter (a DocId
 * prefix, `NC-2025`, `ACT`, …) so that two people never get the same one. Read the counter item,
 * write NextNumber + 1 back with `If-Match` set to the eTag that was read; whoever loses the race
 * gets 412, re-reads and tries again, at most `MAX_SEQUENCE_ATTEMPTS` times. A counter that does
 * not exist yet is created already past the number it hands out; if someone else created it first
 * (409: SequenceName is unique), theirs is read and used.
 *
 * A reservation may carry a request key (an idempotency key): the counter item keeps the key of
 * the number it handed out last (`LastRequestKey`, written in the same If-Match PATCH as
 * NextNumber), so a request repeated after an ambiguous failure of that write (a 504 or a
 * timeout whose PATCH was applied) gets the same number back instead of taking another. Only the
 * last reservation is remembered: once someone else reserved a number, the repeat gets a new one
 * (a gap in the numbering, never a number handed out twice).
 */
import type { GraphClient } from '../../graph/core/client.js';
import { GraphConflictError, GraphError } from '../../graph/core/errors.js';
import { f } from '../../graph/core/filter.js';
import { createItem, listItems, updateItemFields, type ListItem } from '../../graph/lists/items.js';
import { smsSequences } from '../../graph/schema/index.js';
import { sequenceUpdate, type SequenceState } from '../domain/documents/numbering.js';
import { listIdOf, type SmsSite } from './site.js';

export type { SequenceState } from '../domain/documents/numbering.js';

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

/** The counter item of `name` (`SequenceName` is indexed and unique), or null. */
export async function readSequence(
  client: GraphClient,
  site: Pick<SmsSite, 'siteId' | 'listIds'>,
  name: string,
  signal?: AbortSignal,
): Promise<{ state: SequenceState; itemId: string; eTag: string; lastRequestKey: string | null } | null> {
  const page = await listItems(client, site.siteId, listIdOf(site, smsSequences.key), { filter: f.eq('fields/SequenceName', name), schema: smsSequences, top: 1, signal });
  const item = page.items[0];
  const lastRequestKey = (item?.fields as Record<string, unknown> | undefined)?.LastRequestKey;
  return item?.id ? { state: toSequence(item), itemId: String(item.id), eTag: item['@odata.etag'] ?? '', lastRequestKey: typeof lastRequestKey === 'string' && lastRequestKey ? lastRequestKey : null } : null;
}

/**
 * Reserves one number of the counter `name` and returns what `issue` makes of the counter's state
 * (e.g. the formatted id). `fresh` is the counter to create when there is none yet (NextNumber 1).
 * With `requestKey`, a repeat of the counter's last reservation gets its number again (see above).
 * Throws `SequenceContentionError` after `MAX_SEQUENCE_ATTEMPTS` lost races.
 */
export async function reserveNext<T>(
  client: GraphClient,
  site: Pick<SmsSite, 'siteId' | 'listIds'>,
  name: string,
  fresh: () => SequenceState,
  issue: (state: SequenceState) => T,
  signal?: AbortSignal,
  opts: { requestKey?: string | null } = {},
): Promise<T> {
  const listId = listIdOf(site, smsSequences.key);
  const key = opts.requestKey ? { LastRequestKey: opts.requestKey } : {};
  // A reservation without a key clears the key of the one before, which no longer took the last number.
  const keyAfter = (was: string | null) => (opts.requestKey ? key : was ? { LastRequestKey: null } : {});
  for (let attempt = 0; attempt < MAX_SEQUENCE_ATTEMPTS; attempt++) {
    const current = await readSequence(client, site, name, signal);
    if (current && opts.requestKey && current.lastRequestKey === opts.requestKey && current.state.nextNumber > 1) {
      // This request's reservation was written already (its answer was lost): the number before NextNumber is its.
      return issue({ ...current.state, nextNumber: current.state.nextNumber - 1 });
    }
    if (!current) {
      const start = fresh();
      const out = issue(start);
      const next = sequenceUpdate(start);
      try {
        await createItem(client, site.siteId, listId, { Title: name, SequenceName: name, Prefix: next.prefix, NextNumber: next.nextNumber, Padding: next.padding, ...key }, signal);
        return out;
      } catch (e) {
        if (e instanceof GraphError && e.status === 409) continue;
        throw e;
      }
    }
    const out = issue(current.state);
    try {
      await updateItemFields(client, site.siteId, listId, current.itemId, { NextNumber: sequenceUpdate(current.state).nextNumber, ...keyAfter(current.lastRequestKey) }, current.eTag, signal);
      return out;
    } catch (e) {
      if (e instanceof GraphConflictError) continue;
      throw e;
    }
  }
  throw new SequenceContentionError(name);
}
