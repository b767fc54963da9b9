/**
 * The order in which provisioning creates lists. A lookup column needs the id of the list it reads
 * from, so a list is created after the lists its lookups point to. The schema has cycles
 * (Processes ↔ Suppliers, Processes ↔ Metrics, Metrics ↔ Objectives, SMS Documents ↔ Processes)
 * and self-lookups (Services.DependsOn, Processes.Interfaces): those lookups cannot exist when
 * their list is created, so they are created in a second pass, once every list exists.
 */
import type { SmsColumn, SmsListSchema } from '../schema/index.js';
import { provisionableColumns } from '../schema/index.js';

const isLookup = (c: SmsColumn): boolean => c.type === 'lookup' || c.type === 'lookupMulti';

/** Schema keys of the other lists a list's lookup columns read from. */
export function lookupTargets(list: SmsListSchema): Set<string> {
  const out = new Set<string>();
  for (const c of list.columns) if (isLookup(c) && c.lookupList && c.lookupList !== list.key) out.add(c.lookupList);
  return out;
}

/** One list to create, with the columns sent in its create request and the lookups left for later. */
export interface ListCreation {
  readonly list: SmsListSchema;
  /** Columns that go into `POST /lists` (every provisionable column whose lookup target already exists). */
  readonly inline: readonly SmsColumn[];
  /** Lookup columns created in the second pass (self-lookups and lookups into lists created later). */
  readonly deferred: readonly SmsColumn[];
}

/**
 * The lists of `lists` not in `existing`, in creation order: each next list is the first (in schema
 * order) whose lookup targets all exist already; when only cycles remain, a list that others wait
 * for goes next: the one with the fewest missing targets, then the one most lists wait for.
 * `existing` holds the schema keys of lists already on the site.
 */
export function creationOrder(lists: readonly SmsListSchema[], existing: ReadonlySet<string>): ListCreation[] {
  const available = new Set(existing);
  const remaining = lists.filter((l) => !existing.has(l.key));
  const out: ListCreation[] = [];
  while (remaining.length > 0) {
    const missing = (l: SmsListSchema) => [...lookupTargets(l)].filter((t) => !available.has(t)).length;
    let index = remaining.findIndex((l) => missing(l) === 0);
    if (index < 0) {
      // Only cycles (and lists waiting on them) remain: break a cycle at a list that others wait
      // for, choosing the one that leaves the fewest lookups for the second pass.
      const awaitedBy = (key: string) => remaining.filter((l) => l.key !== key && lookupTargets(l).has(key)).length;
      let best = Infinity;
      remaining.forEach((l, i) => {
        const waiting = awaitedBy(l.key);
        // Lists nobody waits for go last; then fewest missing targets; then the most awaited.
        const score = (waiting === 0 ? 1_000_000 : 0) + missing(l) * 1000 - waiting;
        if (score < best) {
          best = score;
          index = i;
        }
      });
    }
    const [list] = remaining.splice(index, 1);
    if (!list) break;
    const inline: SmsColumn[] = [];
    const deferred: SmsColumn[] = [];
    for (const c of provisionableColumns(list)) {
      if (isLookup(c) && (!c.lookupList || c.lookupList === list.key || !available.has(c.lookupList))) deferred.push(c);
      else inline.push(c);
    }
    out.push({ list, inline, deferred });
    available.add(list.key);
  }
  return out;
}
