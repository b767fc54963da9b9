/**
 * Seeds the demo content of domain reference §7 into a provisioned SMS site: the register
 * entries, the controlled documents with their history, releases, approvals and
 * acknowledgements, the Planner tasks of the actions and the group calendar events. Dates are
 * relative to the seed day D.
 *
 * Idempotent: every step first reads what exists (by Ref, Title, Key, DocId, task title or event
 * subject) and creates only what is missing, so a run that stopped halfway is completed by the
 * next, and a run after a complete one creates nothing. The `SMS Settings` item `DemoSeeded` is
 * written last; `isDemoSeeded` checks for it.
 *
 * All Graph traffic goes through graph/ functions (bulk item writes through `$batch`).
 */
import type { GraphClient } from '../../graph/core/client.js';
import { listItems } from '../../graph/lists/index.js';
import { f } from '../../graph/core/filter.js';
import { createItemRequest, updateItemFieldsRequest } from '../../graph/lists/batchRequests.js';
import { SMS_LISTS, requireList } from '../../graph/schema/index.js';
import { seedEvents } from './calendar.js';
import { count, listIdOf, loadContext, type SeedContext, type SeedStats } from './context.js';
import { DEMO_EVENTS } from './data/calendar.js';
import { DEMO_ACTIONS, actions, auditFindings, auditProgrammes, audits, complaints, continuityTests, improvements, nonconformities, supplierReviews } from './data/improvement.js';
import { contextIssues, interestedParties, processes, serviceAgreements, serviceLevelTargets, services, suppliers } from './data/organisation.js';
import { competenceRecords, roleCompetenceRequirements, smsRoles, smsSettings } from './data/people.js';
import { metricReadings, metrics, objectives, risks } from './data/performance.js';
import { managementReviews, reviewInputs, reviewOutputs } from './data/review.js';
import { seedDates, type SeedDates } from './dates.js';
import { newPendingLinks, resolvePending, runBatch, seedList } from './items.js';
import { documentApprovals, documentReleases, seedLibrary } from './library.js';
import { ackCampaignList, ackEvidenceLists, ackRequestList, stampCampaignFigures } from './acknowledgements.js';
import { seedPlannerTasks } from './planner.js';
import type { FieldValue, PersonKey, SeedList } from './types.js';
import { DEMO_DOCUMENTS } from './data/documents.js';

/** Key of the `SMS Settings` item that marks a completed demo seed (its Value is the seed day). */
export const DEMO_SEEDED_KEY = 'DemoSeeded';

export interface SeedDemoOptions {
  /** A Graph client acting as a demo user, by UPN (the seed acts as whoever would do each thing). */
  clientFor: (upn: string) => GraphClient;
  /** UPN of the SMS manager, who reads the directory and writes the registers. */
  adminUpn: string;
  siteId?: string;
  siteUrl?: string;
  groupId?: string;
  /** The seed day D (default: today). */
  today?: Date;
  log?: (line: string) => void;
  /**
   * False where the cloud has no Planner (Microsoft 365 operated by 21Vianet): no Planner task is
   * made for the actions, which stay in the Actions list. Default true.
   */
  planner?: boolean;
}

export interface SeedDemoResult {
  /** False when `DemoSeeded` was already there and nothing was done. */
  seeded: boolean;
  /** What was created, by list key or kind (`plannerTasks`, `events`, `documentVersions`). */
  created: Record<string, number>;
  batchedRequests: number;
  batches: number;
  milliseconds: number;
  seedDay: string;
}

/** The register lists in creation order (each list's lookups point to lists before it where possible). */
export function registerData(d: SeedDates, eventIds: ReadonlyMap<string, string>): SeedList[] {
  const withEvents = (list: SeedList): SeedList => {
    const byKey = new Map<string, { column: string; ids: string[] }>();
    for (const e of DEMO_EVENTS) {
      if (!e.item || e.item.list !== list.list) continue;
      const id = eventIds.get(e.subject);
      if (!id) continue;
      const entry = byKey.get(e.item.key) ?? { column: e.item.column, ids: [] };
      entry.ids.push(id);
      byKey.set(e.item.key, entry);
    }
    if (byKey.size === 0) return list;
    return {
      list: list.list,
      items: list.items.map((i) => {
        const ev = byKey.get(i.key);
        return ev ? { ...i, fields: { ...i.fields, [ev.column]: ev.ids.join('\n') } } : i;
      }),
    };
  };
  return [
    interestedParties(d),
    processes(),
    services(),
    suppliers(d),
    contextIssues(d),
    objectives(d),
    metrics(),
    serviceAgreements(d),
    serviceLevelTargets(),
    metricReadings(d),
    risks(d),
    smsRoles(d),
    roleCompetenceRequirements(),
    competenceRecords(d),
    auditProgrammes(d),
    audits(d),
    nonconformities(d),
    managementReviews(d),
    reviewOutputs(d),
    reviewInputs(d),
    improvements(d),
    auditFindings(d),
    complaints(d),
    supplierReviews(d),
    continuityTests(d),
    smsSettings(),
  ].map(withEvents);
}

/** Whether the `DemoSeeded` marker exists in `SMS Settings` (false when the list itself does not). */
export async function isDemoSeeded(client: GraphClient, siteId: string, settingsListId: string | undefined): Promise<boolean> {
  if (!settingsListId) return false;
  const page = await listItems(client, siteId, settingsListId, { filter: f.eq('fields/Key', DEMO_SEEDED_KEY), select: ['Key'], top: 1 });
  return page.items.length > 0;
}

/**
 * The next number of this year's nonconformity counter (`NC-<year of D>`). The demo's nonconformities keep the fixed
 * refs of domain §7.5 (NC-2025-…) but stand for the year's first three, so the first one raised in the app is
 * NC-<year>-004, as issue 12's story has it (tests/e2e/actions.e2e.test.ts).
 */
export const NC_NEXT_NUMBER_THIS_YEAR = 4;

/**
 * Next numbers of the SMS Sequences after the seeded refs: `NC-2025` → 5 after NC-2025-004,
 * `ACT` → 171 after ACT-0170, `SMS-POL` → 4 after SMS-POL-003, ...; with `year`, also `NC-<year>` →
 * `NC_NEXT_NUMBER_THIS_YEAR` unless the seeded refs already number that year.
 */
export function sequencesFor(lists: readonly SeedList[], docIds: readonly string[], year?: number): SeedList {
  const next = new Map<string, { prefix: string; next: number; padding: number }>();
  const see = (ref: string) => {
    const m = /^(.*?)(\d+)$/.exec(ref);
    if (!m || !/^[A-Z]/.test(ref)) return;
    const [, prefix, digits] = m as unknown as [string, string, string];
    if (!prefix.endsWith('-') && prefix !== 'F') return;
    const name = prefix.endsWith('-') ? prefix.slice(0, -1) : prefix;
    const n = Number(digits) + 1;
    const cur = next.get(name);
    if (!cur || cur.next < n) next.set(name, { prefix, next: n, padding: digits.length });
  };
  for (const list of lists) {
    const schema = requireList(list.list);
    if (!schema.refPrefix) continue;
    for (const item of list.items) if (typeof item.fields.Ref === 'string') see(item.fields.Ref);
  }
  for (const id of docIds) see(id);
  if (year !== undefined && !next.has(`NC-${year}`)) next.set(`NC-${year}`, { prefix: `NC-${year}-`, next: NC_NEXT_NUMBER_THIS_YEAR, padding: 3 });
  return {
    list: 'smsSequences',
    items: [...next.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, s]) => ({ key: name, fields: { Title: name, SequenceName: name, Prefix: s.prefix, NextNumber: s.next, Padding: s.padding } })),
  };
}

/**
 * Brings existing sequences up to at least the seeded numbers (provisioning or the app may have
 * created some) and creates the others.
 */
async function seedSequences(ctx: SeedContext, client: GraphClient, data: SeedList): Promise<void> {
  const listId = listIdOf(ctx, 'smsSequences');
  const existing = new Map<string, { id: string; eTag: string; next: number }>();
  let page = await listItems<{ SequenceName?: string; NextNumber?: number }>(client, ctx.siteId, listId, { select: ['SequenceName', 'NextNumber'], top: 500 });
  for (;;) {
    for (const i of page.items) if (i.fields.SequenceName) existing.set(i.fields.SequenceName, { id: String(i.id), eTag: i['@odata.etag'] ?? '', next: Number(i.fields.NextNumber ?? 1) });
    if (!page.nextLink) break;
    page = await listItems(client, ctx.siteId, listId, { nextLink: page.nextLink });
  }
  const requests = [];
  let created = 0;
  for (const item of data.items) {
    const have = existing.get(item.key);
    const want = item.fields.NextNumber as number;
    if (!have) {
      requests.push(createItemRequest(String(requests.length + 1), ctx.siteId, listId, { ...item.fields }));
      created++;
    } else if (have.next < want) {
      requests.push(updateItemFieldsRequest(String(requests.length + 1), ctx.siteId, listId, have.id, { NextNumber: want }, have.eTag));
    }
  }
  await runBatch(ctx, client, requests, 'writing SMS Sequences');
  count(ctx, 'smsSequences', created);
}

/**
 * Seeds approval records as the people they are assigned to: a decision counts only when the server
 * stamped its approver as the record's writer (src/domain/documents/integrity.ts), so the demo's
 * decisions are written by the reviewers and approvers themselves and `npm run verify` finds the
 * demo tenant clean.
 */
async function seedAsAssignees(ctx: SeedContext, as: (person: PersonKey) => GraphClient, data: SeedList, pending: ReturnType<typeof newPendingLinks>): Promise<number> {
  const byAssignee = new Map<PersonKey, SeedList['items'][number][]>();
  for (const item of data.items) {
    const assignee = item.people?.Assignee;
    if (typeof assignee !== 'string') throw new Error(`${item.key}: an approval names one assignee.`);
    byAssignee.set(assignee as PersonKey, [...(byAssignee.get(assignee as PersonKey) ?? []), item]);
  }
  let n = 0;
  for (const [person, items] of byAssignee) n += await seedList(ctx, as(person), { list: data.list, items }, pending);
  return n;
}

/** Seeds the demo content (see the file comment). */
export async function seedDemo(opts: SeedDemoOptions): Promise<SeedDemoResult> {
  const started = Date.now();
  const log = opts.log ?? ((line: string) => console.log(line));
  const dates = seedDates(opts.today);
  const admin = opts.clientFor(opts.adminUpn);
  const clients = new Map<PersonKey, GraphClient>();

  // The people are resolved in loadContext; until then only the admin client is needed.
  const resolved: { ctx?: SeedContext } = {};
  const as = (person: PersonKey): GraphClient => {
    const hit = clients.get(person);
    if (hit) return hit;
    if (!resolved.ctx) throw new Error('people are not resolved yet');
    const client = opts.clientFor(resolved.ctx.people[person].upn);
    clients.set(person, client);
    return client;
  };
  const planner = opts.planner !== false;
  const ctx = await loadContext({ admin, as, clientFor: opts.clientFor, siteId: opts.siteId, siteUrl: opts.siteUrl, groupId: opts.groupId, dates, log, planner });
  resolved.ctx = ctx;
  clients.set('tom', admin);
  const missingLists = SMS_LISTS.filter((l) => !ctx.listIds[l.key]).map((l) => l.displayName);
  if (missingLists.length) throw new Error(`The site is not provisioned (missing: ${missingLists.join(', ')}). Run provisioning first.`);

  const result = (seeded: boolean, stats: SeedStats): SeedDemoResult => ({
    seeded,
    created: stats.created,
    batchedRequests: stats.batchedRequests,
    batches: stats.batches,
    milliseconds: Date.now() - started,
    seedDay: dates.day(0),
  });
  if (await isDemoSeeded(admin, ctx.siteId, ctx.listIds.smsSettings)) {
    log('  demo content already seeded');
    return result(false, ctx.stats);
  }

  log(`  seeding demo content (D = ${dates.day(0)})`);
  log('  - group calendar events');
  const eventIds = await seedEvents(ctx, DEMO_EVENTS);

  const pending = newPendingLinks();
  const registers = registerData(dates, eventIds);
  for (const list of registers) {
    const n = await seedList(ctx, admin, list, pending);
    log(`  - ${requireList(list.list).displayName}: ${n ? `${n} created` : 'nothing to do'}`);
  }

  log('  - SMS Documents (Word files with version history)');
  const hashes = await seedLibrary(ctx, DEMO_DOCUMENTS);
  for (const list of [documentReleases(ctx, hashes), documentApprovals(ctx)]) {
    const n = list.list === 'documentApprovals' ? await seedAsAssignees(ctx, as, list, pending) : await seedList(ctx, admin, list, pending);
    log(`  - ${requireList(list.list).displayName}: ${n ? `${n} created` : 'nothing to do'}`);
  }
  // Campaigns and requests by the SMS manager; each acknowledgement by the person who gave it (issue 11).
  for (const build of [() => ackCampaignList(ctx, hashes), () => ackRequestList(ctx)]) {
    const list = build();
    const n = await seedList(ctx, admin, list, pending);
    log(`  - ${requireList(list.list).displayName}: ${n ? `${n} created` : 'nothing to do'}`);
  }
  let acked = 0;
  for (const [person, list] of ackEvidenceLists(ctx, hashes)) acked += await seedList(ctx, as(person), list, pending);
  if (acked) await stampCampaignFigures(ctx, admin);
  log(`  - Acknowledgements: ${acked ? `${acked} created, each by the person acknowledging` : 'nothing to do'}`);

  const actionData = actions(dates);
  const n = await seedList(ctx, admin, actionData, pending);
  log(`  - Actions: ${n ? `${n} created` : 'nothing to do'}`);
  if (planner) {
    const tasks = await seedPlannerTasks(ctx, DEMO_ACTIONS);
    log(`  - Planner "SMS Actions": ${tasks ? `${tasks} tasks created` : 'nothing to do'}`);
  } else log('  - Planner: not in this cloud (21Vianet); actions are tracked in the Actions list without Planner tasks');

  const linked = await resolvePending(ctx, admin, pending);
  if (linked) log(`  - linked ${linked} items to items seeded after them`);

  await seedSequences(ctx, admin, sequencesFor([...registers, actionData], DEMO_DOCUMENTS.map((doc) => doc.docId), Number(dates.day(0).slice(0, 4))));
  log('  - SMS Sequences: next numbers after the seeded refs');

  const marker: Record<string, FieldValue> = { Title: DEMO_SEEDED_KEY, Key: DEMO_SEEDED_KEY, Value: dates.day(0), Description: 'The demo content of domain reference §7 was seeded on this day (D).' };
  await runBatch(ctx, admin, [createItemRequest('1', ctx.siteId, listIdOf(ctx, 'smsSettings'), marker)], 'writing the DemoSeeded marker');
  const out = result(true, ctx.stats);
  const total = Object.values(out.created).reduce((a, b) => a + b, 0);
  log(`  demo content seeded: ${total} items, files and events in ${(out.milliseconds / 1000).toFixed(1)} s`);
  return out;
}
