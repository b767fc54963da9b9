/**
 * Seeds register and detail list items in bulk with `$batch`: reads which keys exist first (so
 * a rerun after a crash creates only what is missing), resolves people and lookups to ids, and
 * defers lookups whose target does not exist yet to a second pass of PATCHes.
 *
 * Linking is state-based: for items that already exist, every lookup (and item-id number) the seed
 * data gives them is checked against what the list returns, and the empty ones join the second
 * pass. A run that stopped between creating items and linking them is thus completed by the next.
 */
import { batch, batchBody, type BatchRequest } from '../../graph/core/batch.js';
import { createItemRequest, updateItemFieldsRequest } from '../../graph/lists/batchRequests.js';
import { listItems, type ListItem } from '../../graph/lists/index.js';
import { columnOf, requireList, type SmsListSchema } from '../../graph/schema/index.js';
import type { GraphClient } from '../../graph/core/client.js';
import { count, listIdOf, recall, remember, type SeedContext } from './context.js';
import type { ItemLink, PersonKey, SeedItem, SeedList, SeedStep } from './types.js';

/** The column that identifies a seeded item in each list (unique per list). */
export function keyColumnOf(schema: SmsListSchema): string {
  if (schema.key === 'smsSettings') return 'Key';
  if (schema.key === 'smsSequences') return 'SequenceName';
  if (schema.key === 'smsDocuments') return 'DocId';
  if (schema.columns.some((c) => c.name === 'Ref') && schema.key !== 'smsRecords') return 'Ref';
  return 'Title';
}

/** A lookup (or item-id number) that waits for its target to be seeded. */
interface Deferred {
  list: string;
  key: string;
  column: string;
  kind: 'lookup' | 'id';
  target: ItemLink | readonly ItemLink[];
}

/** Work left for the second pass. */
export interface PendingLinks {
  items: Deferred[];
}

export const newPendingLinks = (): PendingLinks => ({ items: [] });

/** Whether any item of the seed data has lookups, item-id columns or later steps (its list must be read with those values). */
const hasLinks = (data: SeedList): boolean => data.items.some((i) => Object.keys(i.links ?? {}).length > 0 || Object.keys(i.ids ?? {}).length > 0 || (i.steps?.length ?? 0) > 0);

/**
 * Every item of a list with its key column and eTag, registered in the context. Returns the
 * fields found, by key. With `withLinks`, the items come with all their default fields (lookups
 * as `<Name>LookupId`, per the fieldValueSet resource page); otherwise with the key column only.
 */
export async function loadExisting(ctx: SeedContext, client: GraphClient, listKey: string, withLinks = false): Promise<Map<string, Record<string, unknown>>> {
  const schema = requireList(listKey);
  const keyColumn = keyColumnOf(schema);
  const found = new Map<string, Record<string, unknown>>();
  const listId = listIdOf(ctx, listKey);
  let page = await listItems(client, ctx.siteId, listId, { select: withLinks ? undefined : [keyColumn], top: 500 });
  const take = (items: ListItem[]) => {
    for (const item of items) {
      const key = item.fields[keyColumn];
      if (typeof key !== 'string' || !item.id) continue;
      found.set(key, item.fields);
      remember(ctx, listKey, key, { id: String(item.id), eTag: item['@odata.etag'] ?? '' });
    }
  };
  take(page.items);
  while (page.nextLink) {
    page = await listItems(client, ctx.siteId, listId, { nextLink: page.nextLink });
    take(page.items);
  }
  return found;
}

/** The fieldValueSet entries of person columns (`<Name>LookupId`), plus `<Name>UPN` text columns where the schema has them. */
export function peopleFields(ctx: Pick<SeedContext, 'people'>, schema: SmsListSchema, people: SeedItem['people'] = {}): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(people)) {
    const col = columnOf(schema, column);
    if (!col) throw new Error(`${schema.displayName} has no column ${column}`);
    if (col.type === 'personMulti') {
      const keys: PersonKey[] = Array.isArray(value) ? value : [value];
      out[`${column}LookupId@odata.type`] = 'Collection(Edm.String)';
      out[`${column}LookupId`] = keys.map((p) => String(ctx.people[p].lookupId));
      // The UPN twin of a multi-person column holds one UPN per line (ADR 0005).
      if (columnOf(schema, `${column}UPN`)) out[`${column}UPN`] = keys.map((p) => ctx.people[p].upn).join('\n');
    } else if (col.type === 'person') {
      if (Array.isArray(value)) throw new Error(`${schema.displayName}.${column} takes one person`);
      const person = ctx.people[value as PersonKey];
      out[`${column}LookupId`] = String(person.lookupId);
      if (columnOf(schema, `${column}UPN`)) out[`${column}UPN`] = person.upn;
    } else {
      throw new Error(`${schema.displayName}.${column} is not a person column`);
    }
  }
  return out;
}

/**
 * The lookup entries of an item (`<Name>LookupId`), for the targets already seeded; the others are
 * added to `pending` (or throw for a required column, which must be set at creation).
 */
function linkFields(ctx: SeedContext, schema: SmsListSchema, item: SeedItem, pending: PendingLinks): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [column, target] of Object.entries(item.links ?? {})) {
    const col = columnOf(schema, column);
    if (!col || (col.type !== 'lookup' && col.type !== 'lookupMulti')) throw new Error(`${schema.displayName}.${column} is not a lookup column`);
    const targets = Array.isArray(target) ? (target as readonly ItemLink[]) : [target as ItemLink];
    const ids = targets.map((t) => recall(ctx, t.list, t.key)?.id);
    if (ids.every((id) => id !== undefined)) {
      if (col.type === 'lookupMulti') {
        out[`${column}LookupId@odata.type`] = 'Collection(Edm.String)';
        out[`${column}LookupId`] = ids;
      } else {
        out[`${column}LookupId`] = ids[0];
      }
    } else if (col.required) {
      const missing = targets.filter((_, i) => ids[i] === undefined).map((t) => `${t.list}/${t.key}`);
      throw new Error(`${schema.displayName} ${item.key}: required lookup ${column} points to ${missing.join(', ')}, which is not seeded`);
    } else {
      pending.items.push({ list: schema.key, key: item.key, column, kind: 'lookup', target });
    }
  }
  for (const [column, target] of Object.entries(item.ids ?? {})) {
    const id = recall(ctx, target.list, target.key)?.id;
    if (id !== undefined) out[column] = Number(id);
    else pending.items.push({ list: schema.key, key: item.key, column, kind: 'id', target });
  }
  return out;
}

/** Whether a stored value is set: not absent, empty, zero, or an empty collection. */
function isSet(value: unknown): boolean {
  if (value === undefined || value === null || value === '' || value === 0 || value === '0') return false;
  return !Array.isArray(value) || value.length > 0;
}

/**
 * The lookups and item-id columns the seed data gives an existing item that its stored fields
 * leave empty. A lookup reads as `<Name>LookupId`; a multi-value one may instead come back as
 * `<Name>` holding `{ LookupId, LookupValue }` entries, so either counts as set.
 */
function unlinked(schema: SmsListSchema, item: SeedItem, fields: Record<string, unknown>): Deferred[] {
  const out: Deferred[] = [];
  for (const [column, target] of Object.entries(item.links ?? {})) {
    if (!isSet(fields[`${column}LookupId`]) && !isSet(fields[column])) out.push({ list: schema.key, key: item.key, column, kind: 'lookup', target });
  }
  for (const [column, target] of Object.entries(item.ids ?? {})) {
    if (!isSet(fields[column])) out.push({ list: schema.key, key: item.key, column, kind: 'id', target });
  }
  return out;
}

/** The complete fieldValueSet to create an item with. */
export function fieldsOf(ctx: SeedContext, schema: SmsListSchema, item: SeedItem, pending: PendingLinks): Record<string, unknown> {
  const keyColumn = keyColumnOf(schema);
  const fields: Record<string, unknown> = { ...item.fields };
  if (fields[keyColumn] === undefined) fields[keyColumn] = item.key;
  if (fields[keyColumn] !== item.key) throw new Error(`${schema.displayName}: key ${item.key} differs from ${keyColumn} ${String(fields[keyColumn])}`);
  return { ...fields, ...peopleFields(ctx, schema, item.people), ...linkFields(ctx, schema, item, pending) };
}

/**
 * Sends requests with `batch()` and returns each successful body by request id; throws with every
 * failure's message when any inner request failed.
 */
export async function runBatch<T>(ctx: SeedContext, client: GraphClient, requests: BatchRequest[], what: string): Promise<Map<string, T>> {
  const out = new Map<string, T>();
  if (requests.length === 0) return out;
  const responses = await batch(client, requests);
  ctx.stats.batchedRequests += requests.length;
  ctx.stats.batches += Math.ceil(requests.length / 20);
  const failures: string[] = [];
  for (const r of requests) {
    try {
      out.set(r.id, batchBody<T>(responses.get(r.id), r));
    } catch (e) {
      failures.push(`${r.id}: ${(e as Error).message}`);
    }
  }
  if (failures.length) throw new Error(`${what}: ${failures.length} of ${requests.length} requests failed:\n  ${failures.slice(0, 10).join('\n  ')}`);
  return out;
}

/**
 * Creates the missing items of one list in bulk. Items whose key already exists are registered
 * and not created again, so running the seed twice creates nothing the second time; their lookups
 * that are still empty (a run stopped before linking them) are added to `pending`.
 */
export async function seedList(ctx: SeedContext, client: GraphClient, data: SeedList, pending: PendingLinks): Promise<number> {
  const schema = requireList(data.list);
  const existing = await loadExisting(ctx, client, data.list, hasLinks(data));
  for (const item of data.items) {
    const fields = existing.get(item.key);
    if (fields) pending.items.push(...unlinked(schema, item, fields));
  }
  const missing = data.items.filter((i) => !existing.has(i.key));
  const listId = listIdOf(ctx, data.list);
  if (missing.length > 0) {
    const requests = missing.map((item, i) => createItemRequest(String(i + 1), ctx.siteId, listId, fieldsOf(ctx, schema, item, pending)));
    const created = await runBatch<ListItem>(ctx, client, requests, `creating ${schema.displayName}`);
    missing.forEach((item, i) => {
      const body = created.get(String(i + 1));
      if (body?.id) remember(ctx, data.list, item.key, { id: String(body.id), eTag: body['@odata.etag'] ?? '' });
    });
    count(ctx, data.list, missing.length);
  }
  await applySteps(
    ctx,
    schema,
    data.items.filter((i) => i.steps?.length).map((item) => ({ item, next: existing.has(item.key) ? stepsDone(ctx, schema, item, existing.get(item.key)!) : 0 })),
  );
  return missing.length;
}

/** The fieldValueSet a step writes. */
const stepFields = (ctx: Pick<SeedContext, 'people'>, schema: SmsListSchema, step: Pick<SeedStep, 'fields' | 'people'>): Record<string, unknown> => ({ ...step.fields, ...peopleFields(ctx, schema, step.people) });

/** Whether a stored value is the value seeded (date-only columns compare by their date, absent equals empty). */
function sameValue(stored: unknown, want: unknown): boolean {
  const empty = (v: unknown) => v === undefined || v === null || v === '';
  if (empty(want) || empty(stored)) return empty(want) && empty(stored);
  if (Array.isArray(want)) return Array.isArray(stored) && JSON.stringify([...want].map(String).sort()) === JSON.stringify([...stored].map(String).sort());
  const date = /^\d{4}-\d{2}-\d{2}/;
  if (typeof want === 'string' && typeof stored === 'string' && date.test(want) && date.test(stored)) return want.slice(0, 10) === stored.slice(0, 10);
  return String(stored) === String(want);
}

/**
 * How many of an existing item's steps were written: the most for which the item holds what the steps leave in the
 * columns they write (all of them when it holds none of those states: something else changed it since).
 */
export function stepsDone(ctx: Pick<SeedContext, 'people'>, schema: SmsListSchema, item: SeedItem, stored: Record<string, unknown>): number {
  const steps = item.steps ?? [];
  const written = steps.map((s) => stepFields(ctx, schema, s));
  const columns = [...new Set(written.flatMap((w) => Object.keys(w).filter((k) => !k.includes('@'))))];
  const initial = stepFields(ctx, schema, { fields: item.fields, people: item.people as SeedStep['people'] });
  let state: Record<string, unknown> = Object.fromEntries(columns.map((c) => [c, initial[c]]));
  const holds = () => columns.every((c) => sameValue(stored[c], state[c]));
  let done = holds() ? 0 : -1;
  written.forEach((w, k) => {
    state = { ...state, ...w };
    if (holds()) done = k + 1;
  });
  return done < 0 ? steps.length : done;
}

/** Writes the remaining steps of items, round by round (each item's steps in order), each as the person it names. */
async function applySteps(ctx: SeedContext, schema: SmsListSchema, queue: { item: SeedItem; next: number }[]): Promise<void> {
  const listId = listIdOf(ctx, schema.key);
  for (;;) {
    const due = queue.filter((q) => q.next < (q.item.steps?.length ?? 0));
    if (due.length === 0) return;
    const byPerson = new Map<PersonKey, typeof due>();
    for (const q of due) {
      const by = q.item.steps![q.next]!.by;
      byPerson.set(by, [...(byPerson.get(by) ?? []), q]);
    }
    for (const [person, entries] of byPerson) {
      const requests = entries.map((q, i) => {
        const ref = recall(ctx, schema.key, q.item.key);
        if (!ref) throw new Error(`${schema.displayName} ${q.item.key} was not seeded`);
        return updateItemFieldsRequest(String(i + 1), ctx.siteId, listId, ref.id, stepFields(ctx, schema, q.item.steps![q.next]!), ref.eTag);
      });
      const updated = await runBatch<Record<string, unknown>>(ctx, ctx.as(person), requests, `writing ${schema.displayName} as ${person}`);
      entries.forEach((q, i) => {
        const eTag = updated.get(String(i + 1))?.['@odata.etag'];
        const ref = recall(ctx, schema.key, q.item.key)!;
        if (typeof eTag === 'string') ref.eTag = eTag;
        q.next++;
      });
    }
  }
}

/** Second pass: PATCHes the lookups that had to wait for their targets. */
export async function resolvePending(ctx: SeedContext, client: GraphClient, pending: PendingLinks): Promise<number> {
  const byItem = new Map<string, { list: string; key: string; fields: Record<string, unknown> }>();
  for (const d of pending.items) {
    const id = `${d.list}|${d.key}`;
    const entry = byItem.get(id) ?? { list: d.list, key: d.key, fields: {} };
    const targets = Array.isArray(d.target) ? (d.target as readonly ItemLink[]) : [d.target as ItemLink];
    const ids = targets.map((t) => recall(ctx, t.list, t.key)?.id);
    if (ids.some((x) => x === undefined)) {
      const missing = targets.filter((_, i) => ids[i] === undefined).map((t) => `${t.list}/${t.key}`);
      throw new Error(`${d.list} ${d.key}: ${d.column} points to ${missing.join(', ')}, which was never seeded`);
    }
    if (d.kind === 'id') {
      entry.fields[d.column] = Number(ids[0]);
    } else if (Array.isArray(d.target)) {
      entry.fields[`${d.column}LookupId@odata.type`] = 'Collection(Edm.String)';
      entry.fields[`${d.column}LookupId`] = ids;
    } else {
      entry.fields[`${d.column}LookupId`] = ids[0];
    }
    byItem.set(id, entry);
  }
  const entries = [...byItem.values()];
  const requests = entries.map((e, i) => {
    const ref = recall(ctx, e.list, e.key)!;
    return updateItemFieldsRequest(String(i + 1), ctx.siteId, listIdOf(ctx, e.list), ref.id, e.fields, ref.eTag);
  });
  const updated = await runBatch<Record<string, unknown>>(ctx, client, requests, 'linking items');
  entries.forEach((e, i) => {
    const ref = recall(ctx, e.list, e.key)!;
    const eTag = updated.get(String(i + 1))?.['@odata.etag'];
    if (typeof eTag === 'string') ref.eTag = eTag;
  });
  pending.items.length = 0;
  return entries.length;
}
