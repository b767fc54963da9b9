/**
 * Two-way sync between the `Actions` list (system of record) and the plan "SMS Actions" (§5.7):
 * - Planner → SharePoint: progress. `percentComplete` moves the action's Status (domain `progressFromPlanner`);
 *   Completed takes CompletedOn from the task's `completedDateTime`, and the audit entry names the task's
 *   server-stamped `completedBy` (the evidence of who completed it in Planner).
 * - SharePoint → Planner: title `[REF] Title`, assignee, due date, priority, label, and progress Planner cannot
 *   hold (a Verified action's task reopened). Only what differs is written, with the task's `If-Match`.
 * - A 409 or 412 on a task write: the task is read again and the comparison made again on what it now holds
 *   (its progress flows back first), never a blind overwrite. A 412 on an action write re-reads the action.
 * - A task deleted in Planner (404, or absent from the plan and then 404) is recreated and the event logged;
 *   an action is never deleted.
 * - Cheap and idempotent: the scope's actions and their tasks are read once (scope `all`: the open actions and the
 *   plan's tasks in one `$batch`, then their next pages), writes go in `$batch` (20 a round trip), and a second
 *   run writes nothing.
 * - A nonconformity in 'Actions in progress' whose actions are now all complete moves to 'Effectiveness check'
 *   (system, audit entry).
 */
import type { PlannerTask } from '@microsoft/microsoft-graph-types';
import { batch, batchBody, type BatchRequest, type BatchResponse } from '../../../graph/core/batch.js';
import { getPage } from '../../../graph/core/paging.js';
import type { ListItem } from '../../../graph/lists/items.js';
import { listItemsRequest, updateItemFieldsRequest } from '../../../graph/lists/batchRequests.js';
import { getTaskRequest, planTasksRequest, updateTaskRequest } from '../../../graph/planner/batchRequests.js';
import type { WithETag } from '../../../graph/planner/planner.js';
import { actions as actionsSchema, type ActionSourceType, type ActionStatus } from '../../../graph/schema/actions.js';
import { nonconformities } from '../../../graph/schema/registers.js';
import { siteDateOf } from '../clock.js';
import { columnOf, encodeFields, EXPORT_PAGE_SIZE, fieldKeyOf, planQuery, toRecord, type CellValue, type RegisterAuditEntry, type RegisterFilter } from '../registers/index.js';
import { listIdOf } from '../site.js';
import { ncAfterActions, OPEN_ACTION_STATUSES, progressFromPlanner, type LinkedAction } from './domain.js';
import { ACTION_COLUMNS, desiredTask, taskPatch, toActionRow } from './mapping.js';
import { actionsPlanId } from './plannerPlan.js';
import { ensurePlannerTask } from './raise.js';
import { readActions } from './read.js';
import type { ActionRow, ActionsContext } from './types.js';

export type SyncScope =
  | { kind: 'all' }
  | { kind: 'source'; sourceType: ActionSourceType; sourceItemId: number }
  | { kind: 'assignee'; upn: string }
  | { kind: 'refs'; refs: readonly string[] };

export interface SyncReport {
  /** Actions compared with their tasks. */
  checked: number;
  /** Refs of actions whose Status/CompletedOn came from Planner. */
  actionsUpdated: string[];
  /** Refs of actions whose task was brought back in line with SharePoint. */
  tasksUpdated: string[];
  /** Refs of actions whose task was made again (deleted in Planner) or made for the first time. */
  tasksRecreated: string[];
  /** Task or action writes answered 409/412 that were re-read and merged. */
  conflictsMerged: number;
  /** Refs of source records moved on (NC → Effectiveness check). */
  sourcesAdvanced: string[];
  warnings: string[];
}

/** Statuses the sync compares with Planner: Verified and Cancelled actions are done in both. */
export const SYNCED_STATUSES: readonly ActionStatus[] = ['Not started', 'In progress', 'Blocked', 'Completed'];
/** Rounds of re-reading and re-applying after conflicts, before a row is left to the next run (with a warning). */
export const MAX_SYNC_ROUNDS = 3;

type Task = WithETag<PlannerTask>;
type Body = { value?: unknown[]; '@odata.nextLink'?: string };

const statusFilter: RegisterFilter = { column: 'Status', op: 'in', value: SYNCED_STATUSES };
const NC_WAITING = { column: 'Status', op: 'eq', value: 'Actions in progress' } as const;

function scopeFilters(scope: SyncScope): RegisterFilter[][] {
  switch (scope.kind) {
    case 'all':
      return [[statusFilter]];
    case 'source':
      return [[{ column: 'SourceItemId', op: 'eq', value: scope.sourceItemId }, { column: 'SourceType', op: 'eq', value: scope.sourceType }, statusFilter]];
    case 'assignee':
      return [[{ column: 'AssignedToUPN', op: 'eq', value: scope.upn.trim().toLowerCase() }, statusFilter]];
    case 'refs': {
      const refs = [...new Set(scope.refs.map((r) => r.trim()).filter(Boolean))];
      const chunks: RegisterFilter[][] = [];
      for (let i = 0; i < refs.length; i += 20) chunks.push([{ column: 'Ref', op: 'in', value: refs.slice(i, i + 20) }, statusFilter]);
      return chunks;
    }
  }
}

/** Every page of a collection whose first page came in a batch. */
async function restOf<T>(ctx: ActionsContext, first: Body): Promise<T[]> {
  const out = [...((first.value ?? []) as T[])];
  let link = first['@odata.nextLink'] ?? null;
  while (link) {
    const page = await getPage<T>(ctx.client, link, { signal: ctx.signal });
    out.push(...page.items);
    link = page.nextLink;
  }
  return out;
}

/** A nonconformity waiting for its actions ('Actions in progress'): what moving it on needs. */
interface WaitingNc {
  readonly id: string;
  readonly ref: string;
  readonly eTag: string;
}

/**
 * Scope `all`: the open actions, the plan's tasks and the nonconformities in 'Actions in progress' (so the NCs the
 * run completes can move on in the same writes), first pages together in one `$batch`, then their next pages.
 */
async function readAllWithPlan(ctx: ActionsContext, planId: string): Promise<{ rows: ActionRow[]; tasks: Task[]; waiting: WaitingNc[] }> {
  const q = planQuery(actionsSchema, [statusFilter], null, { timeZone: ctx.timeZone });
  const select = ACTION_COLUMNS.map((c) => fieldKeyOf(columnOf(actionsSchema, c)));
  const ncList = ctx.site.listIds.nonconformities;
  const requests = [
    listItemsRequest('rows', ctx.site.siteId, listIdOf(ctx.site, 'actions'), { filter: q.filter ?? undefined, select, properties: ['id', 'webUrl'], top: EXPORT_PAGE_SIZE, schema: actionsSchema }),
    planTasksRequest('tasks', planId),
    ...(ncList
      ? [listItemsRequest('ncs', ctx.site.siteId, ncList, { filter: planQuery(nonconformities, [NC_WAITING]).filter ?? undefined, select: ['Ref', 'Status'], properties: ['id', 'eTag'], top: EXPORT_PAGE_SIZE, schema: nonconformities })]
      : []),
  ];
  const answers = await batch(ctx.client, requests, { signal: ctx.signal });
  const [items, tasks, ncs] = await Promise.all([
    restOf<ListItem>(ctx, batchBody<Body>(answers.get('rows'), requests[0])),
    restOf<Task>(ctx, batchBody<Body>(answers.get('tasks'), requests[1])),
    requests[2] ? restOf<ListItem>(ctx, batchBody<Body>(answers.get('ncs'), requests[2])) : Promise.resolve([] as ListItem[]),
  ]);
  const rows = items
    .map((i) => toRecord(actionsSchema, i, ACTION_COLUMNS, ctx.timeZone))
    .filter((r) => q.matches(r))
    .map((r) => toActionRow(r, ctx.people, ctx.today));
  const waiting = ncs
    .filter((i) => i.fields?.Status === NC_WAITING.value && typeof i.fields?.Ref === 'string')
    .map((i) => ({ id: String(i.id), ref: String(i.fields!.Ref), eTag: i['@odata.etag'] ?? i.eTag ?? '' }));
  return { rows, tasks, waiting };
}

/** Tasks by id in `$batch` (20 a round trip); a deleted task is absent from the map. */
async function tasksById(ctx: ActionsContext, ids: readonly string[]): Promise<Map<string, Task>> {
  const out = new Map<string, Task>();
  if (ids.length === 0) return out;
  const requests = ids.map((id, i) => getTaskRequest(`g${i}`, id));
  const answers = await batch(ctx.client, requests, { signal: ctx.signal });
  requests.forEach((r, i) => {
    const res = answers.get(r.id);
    if (res?.status === 404) return;
    out.set(ids[i]!, batchBody<Task>(res, r));
  });
  return out;
}

/** The CompletedOn a task's completion stands for (site calendar date), else today. */
const completedOnOf = (task: Task, ctx: ActionsContext): string => (task.completedDateTime ? siteDateOf(task.completedDateTime, ctx.timeZone) : null) ?? ctx.today;

const completedByOf = (task: Task, ctx: ActionsContext): string | null => {
  const id = task.completedBy?.user?.id;
  if (!id) return task.completedBy?.application?.displayName ?? null;
  return ctx.people.people.find((p) => p.userId === id)?.id ?? id;
};

interface Plan {
  row: ActionRow;
  task: Task;
  item: Record<string, CellValue> | null;
  audit: RegisterAuditEntry | null;
  patch: Record<string, unknown> | null;
}

/** What to write for one action and its task (nothing when they agree). */
function planRow(ctx: ActionsContext, row: ActionRow, task: Task, now: string): Plan {
  const percent = task.percentComplete ?? 0;
  const next = progressFromPlanner(row.status, percent);
  let synced = row;
  let item: Record<string, CellValue> | null = null;
  let audit: RegisterAuditEntry | null = null;
  if (next) {
    item = { Status: next, PlannerETag: task['@odata.etag'] ?? null, LastSyncedAt: now };
    if (next === 'Completed') item.CompletedOn = completedOnOf(task, ctx);
    synced = { ...row, status: next, completedOn: next === 'Completed' ? (item.CompletedOn as string) : row.completedOn, overdue: next === 'Completed' ? false : row.overdue };
    const by = next === 'Completed' ? completedByOf(task, ctx) : null;
    audit = {
      schema: actionsSchema,
      itemId: row.id,
      ref: row.ref,
      eventType: 'Transition',
      fromStatus: row.status,
      toStatus: next,
      changed: Object.keys(item),
      comment: `From Planner: task ${percent} %${by ? `, completed by ${by}` : ''}`,
    };
  }
  return { row: synced, task, item, audit, patch: taskPatch(task, desiredTask(synced, ctx.people), ctx.timeZone) };
}

/** Synchronises the actions of `scope` with their Planner tasks (see the file comment). */
export async function syncActions(ctx: ActionsContext, scope: SyncScope): Promise<SyncReport> {
  const report: SyncReport = { checked: 0, actionsUpdated: [], tasksUpdated: [], tasksRecreated: [], conflictsMerged: 0, sourcesAdvanced: [], warnings: [] };
  let rows: ActionRow[];
  let tasks: Map<string, Task>;
  let waiting: WaitingNc[] | null = null;
  if (scope.kind === 'all') {
    const read = await readAllWithPlan(ctx, await actionsPlanId(ctx.client, ctx.site.groupId, ctx.signal));
    rows = read.rows;
    waiting = read.waiting;
    tasks = new Map(read.tasks.filter((t) => t.id).map((t) => [t.id!, t]));
    // Absent from the plan's pages: confirm by id before treating a task as deleted.
    const absent = rows.filter((r) => r.plannerTaskId && !tasks.has(r.plannerTaskId)).map((r) => r.plannerTaskId!);
    for (const [id, t] of await tasksById(ctx, absent)) tasks.set(id, t);
  } else {
    rows = (await Promise.all(scopeFilters(scope).map((f) => readActions(ctx, f)))).flat();
    tasks = await tasksById(ctx, rows.filter((r) => r.plannerTaskId).map((r) => r.plannerTaskId!));
  }
  report.checked = rows.length;

  // Tasks that are gone (or were never made): made again, one by one (rare), each logged.
  const live: ActionRow[] = [];
  for (const row of rows) {
    if (row.plannerTaskId && tasks.has(row.plannerTaskId)) {
      live.push(row);
      continue;
    }
    try {
      await ensurePlannerTask(ctx, row, row.plannerTaskId ? { recreated: true } : { resume: true });
      report.tasksRecreated.push(row.ref);
    } catch (e) {
      report.warnings.push(`${row.ref}: its Planner task could not be made: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  const advanced: ActionRow[] = [];
  let pending = live;
  for (let round = 1; pending.length > 0; round++) {
    const now = new Date().toISOString();
    const plans = pending.map((row) => planRow(ctx, row, tasks.get(row.plannerTaskId!)!, now)).filter((p) => p.item || p.patch);
    // Scope `all`, first round: the NCs whose actions are now all complete move on in the same writes.
    const moves = round === 1 && waiting ? ncMoves(waiting, rows, plans) : [];
    if (plans.length === 0 && moves.length === 0) break;
    const requests: BatchRequest[] = [];
    const listId = listIdOf(ctx.site, 'actions');
    const auditRequest = ctx.writeDeps.auditRequest;
    plans.forEach((p, i) => {
      if (p.item) {
        requests.push(updateItemFieldsRequest(`i${i}`, ctx.site.siteId, listId, p.row.id, encodeFields(actionsSchema, p.item), p.row.eTag ?? ''));
        // The entry travels with its write and only if the write succeeds (dependsOn → 424 otherwise).
        if (p.audit && auditRequest) requests.push({ ...auditRequest(`a${i}`, p.audit), dependsOn: [`i${i}`] });
      }
      if (p.patch) requests.push(updateTaskRequest(`t${i}`, p.row.plannerTaskId!, p.patch, p.task['@odata.etag'] ?? ''));
    });
    moves.forEach((m, k) => {
      const deps = m.writes.map((i) => `i${i}`);
      requests.push({ ...updateItemFieldsRequest(`n${k}`, ctx.site.siteId, listIdOf(ctx.site, 'nonconformities'), m.nc.id, { Status: 'Effectiveness check' }, m.nc.eTag), ...(deps.length ? { dependsOn: deps } : {}) });
      if (auditRequest) requests.push({ ...auditRequest(`na${k}`, ncEntry(m.nc)), dependsOn: [`n${k}`] });
    });
    const answers: Map<string, BatchResponse> = await batch(ctx.client, requests, { signal: ctx.signal });
    const audits: RegisterAuditEntry[] = [];
    const auditFailed = (id: string, ref: string) => {
      const a = answers.get(id);
      if (a && a.status >= 300) report.warnings.push(`${ref}: its audit entry could not be written (${a.status})`);
    };
    moves.forEach((m, k) => {
      const res = answers.get(`n${k}`);
      if (res && res.status < 300) {
        report.sourcesAdvanced.push(m.nc.ref);
        if (auditRequest) auditFailed(`na${k}`, m.nc.ref);
        else audits.push(ncEntry(m.nc));
      } else if (res && res.status !== 424) {
        report.warnings.push(`${m.nc.ref}: could not be moved to 'Effectiveness check' (${res.status})`);
      }
    });
    const movedNcs = new Set(moves.map((m) => Number(m.nc.id)));
    const retry = new Map<string, ActionRow>();
    const rereadTasks: string[] = [];
    const rereadRefs: string[] = [];
    plans.forEach((p, i) => {
      let row = p.row;
      if (p.item) {
        const answer = answers.get(`i${i}`);
        if (answer && answer.status < 300) {
          const body = answer.body as { '@odata.etag'?: string } | undefined;
          row = { ...row, eTag: body?.['@odata.etag'] ?? row.eTag };
          if (p.audit && auditRequest) auditFailed(`a${i}`, row.ref);
          else if (p.audit) audits.push(p.audit);
          report.actionsUpdated.push(row.ref);
          if (row.status === 'Completed' && !(row.sourceItemId !== null && movedNcs.has(row.sourceItemId))) advanced.push(row);
        } else if (answer && (answer.status === 409 || answer.status === 412)) {
          // The action changed in SharePoint since it was read: read it again, compare again.
          report.conflictsMerged++;
          rereadRefs.push(row.ref);
          retry.set(row.ref, row);
        } else {
          report.warnings.push(`${row.ref}: the action could not be updated (${answer?.status ?? 'no answer'})`);
        }
      }
      if (p.patch) {
        const answer = answers.get(`t${i}`);
        if (answer && answer.status < 300) {
          if (!report.tasksUpdated.includes(row.ref)) report.tasksUpdated.push(row.ref);
          const t = answer.body as Task | undefined;
          if (t?.id) tasks.set(t.id, t);
        } else if (answer && (answer.status === 409 || answer.status === 412 || answer.status === 404)) {
          // Changed (or deleted) in Planner since it was read: read it again, never overwrite blindly.
          if (answer.status !== 404) report.conflictsMerged++;
          rereadTasks.push(row.plannerTaskId!);
          retry.set(row.ref, retry.get(row.ref) ?? row);
        } else {
          report.warnings.push(`${row.ref}: its Planner task could not be updated (${answer?.status ?? 'no answer'})`);
        }
      }
    });
    for (const e of audits) await ctx.writeDeps.audit(e, ctx.signal);
    if (retry.size === 0) break;
    if (round >= MAX_SYNC_ROUNDS) {
      report.warnings.push(`Still in conflict after ${MAX_SYNC_ROUNDS} rounds: ${[...retry.keys()].join(', ')} (left to the next run).`);
      break;
    }
    const [freshTasks, freshRows] = await Promise.all([
      tasksById(ctx, rereadTasks),
      rereadRefs.length ? readActions(ctx, [{ column: 'Ref', op: 'in', value: rereadRefs }]) : Promise.resolve([] as ActionRow[]),
    ]);
    for (const id of rereadTasks) {
      const t = freshTasks.get(id);
      if (t) tasks.set(id, t);
      else tasks.delete(id);
    }
    pending = [];
    for (const [ref, old] of retry) {
      const row = freshRows.find((r) => r.ref === ref) ?? old;
      if (row.plannerTaskId && tasks.has(row.plannerTaskId)) {
        pending.push(row);
        continue;
      }
      try {
        await ensurePlannerTask(ctx, row, { recreated: true });
        report.tasksRecreated.push(row.ref);
      } catch (e) {
        report.warnings.push(`${row.ref}: its Planner task could not be made: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  }
  if (advanced.length) {
    // A nonconformity with an action still open among those read cannot move: no need to read it.
    const latest = new Map(rows.map((r) => [r.ref, r]));
    for (const r of advanced) latest.set(r.ref, r);
    const blocked = new Set([...latest.values()].filter((r) => r.sourceType === 'Nonconformity' && OPEN_ACTION_STATUSES.includes(r.status)).map((r) => r.sourceItemId));
    // Scope `all` read every NC waiting for its actions: one not among them is not waiting.
    const waitingIds = waiting ? new Set(waiting.map((w) => Number(w.id))) : null;
    const candidates = advanced.filter((r) => !blocked.has(r.sourceItemId) && (!waitingIds || (r.sourceItemId !== null && waitingIds.has(r.sourceItemId))));
    if (candidates.length) report.sourcesAdvanced.push(...(await advanceSources(ctx, candidates)));
  }
  return report;
}

/** Writes audit entries: in `$batch` when the writer can make requests, else one by one. */
async function auditAll(ctx: ActionsContext, entries: readonly RegisterAuditEntry[]): Promise<void> {
  const auditRequest = ctx.writeDeps.auditRequest;
  if (!auditRequest) {
    for (const e of entries) await ctx.writeDeps.audit(e, ctx.signal);
    return;
  }
  const requests = entries.map((e, i) => auditRequest(`e${i}`, e));
  const answers = await batch(ctx.client, requests, { signal: ctx.signal });
  for (const r of requests) batchBody(answers.get(r.id), r);
}

const ncEntry = (nc: WaitingNc): RegisterAuditEntry => ({
  schema: nonconformities,
  itemId: nc.id,
  ref: nc.ref,
  eventType: 'Transition',
  fromStatus: NC_WAITING.value,
  toStatus: 'Effectiveness check',
  changed: ['Status'],
  comment: 'Every linked action is complete (system).',
});

/**
 * The waiting NCs whose actions are complete once this run's writes succeed: every action of the NC among those
 * read (Verified and Cancelled are not read and never hold an NC back) is Completed, at least one. An NC left
 * waiting by an earlier run whose move failed moves now too. `writes`: the indexes of this run's writes of its
 * actions, which the NC's move depends on.
 */
function ncMoves(waiting: readonly WaitingNc[], rows: readonly ActionRow[], plans: readonly { row: ActionRow; item: Record<string, CellValue> | null }[]): { nc: WaitingNc; writes: number[] }[] {
  const out: { nc: WaitingNc; writes: number[] }[] = [];
  const planned = new Map(plans.map((p, i) => [p.row.ref, { row: p.row, i, writes: p.item !== null }]));
  for (const nc of waiting) {
    const id = Number(nc.id);
    const linked = rows.filter((r) => r.sourceType === 'Nonconformity' && r.sourceItemId === id).map((r) => planned.get(r.ref) ?? { row: r, i: -1, writes: false });
    const writes = linked.filter((l) => l.writes && l.row.status === 'Completed').map((l) => l.i);
    const after: LinkedAction[] = linked.map((l) => ({ status: l.row.status, assigneeId: l.row.assigneeId, actionType: l.row.actionType }));
    if (ncAfterActions(NC_WAITING.value, after) === 'Effectiveness check') out.push({ nc, writes });
  }
  return out;
}

/**
 * Moves on the nonconformities of these actions whose actions are now all complete ('Actions in progress' →
 * 'Effectiveness check', by the system, with an audit entry). One `$batch` reads the NCs (by Ref) and each
 * NC's actions; one writes the NCs with `If-Match`. Returns the Refs of the NCs moved.
 */
export async function advanceSources(ctx: ActionsContext, rows: readonly ActionRow[]): Promise<string[]> {
  const ncs = new Map<number, string>();
  for (const r of rows) if (r.sourceType === 'Nonconformity' && r.sourceItemId !== null && r.sourceRef) ncs.set(r.sourceItemId, r.sourceRef);
  if (ncs.size === 0 || !ctx.site.listIds.nonconformities) return [];
  const ncList = listIdOf(ctx.site, 'nonconformities');
  const actionsList = listIdOf(ctx.site, 'actions');
  const ids = [...ncs.keys()];
  const refFilter = planQuery(nonconformities, [{ column: 'Ref', op: 'in', value: [...ncs.values()] }]);
  const actFilter = (id: number) => planQuery(actionsSchema, [{ column: 'SourceItemId', op: 'eq', value: id }]).filter ?? undefined;
  const requests: BatchRequest[] = [
    listItemsRequest('ncs', ctx.site.siteId, ncList, { filter: refFilter.filter ?? undefined, select: ['Ref', 'Status'], properties: ['id', 'eTag'], top: ids.length, schema: nonconformities }),
    ...ids.map((id) => listItemsRequest(`a${id}`, ctx.site.siteId, actionsList, { filter: actFilter(id), select: ['Ref', 'Status', 'SourceType', 'AssignedToUPN', 'ActionType'], properties: ['id'], top: EXPORT_PAGE_SIZE, schema: actionsSchema })),
  ];
  const answers = await batch(ctx.client, requests, { signal: ctx.signal });
  const ncItems = await restOf<ListItem>(ctx, batchBody<Body>(answers.get('ncs'), requests[0]));
  const moves: { item: ListItem; ref: string; from: string }[] = [];
  for (const id of ids) {
    const item = ncItems.find((i) => String(i.id) === String(id));
    const status = typeof item?.fields?.Status === 'string' ? item.fields.Status : null;
    if (!item || !status) continue;
    const linked = (await restOf<ListItem>(ctx, batchBody<Body>(answers.get(`a${id}`), requests.find((r) => r.id === `a${id}`))))
      .map((i) => i.fields as Record<string, unknown>)
      .filter((f) => f.SourceType === 'Nonconformity')
      .map((f) => ({ status: String(f.Status ?? ''), assigneeId: typeof f.AssignedToUPN === 'string' ? f.AssignedToUPN : null, actionType: String(f.ActionType ?? '') }));
    if (ncAfterActions(status, linked) === 'Effectiveness check') moves.push({ item, ref: ncs.get(id)!, from: status });
  }
  if (moves.length === 0) return [];
  const writes = moves.map((m, i) => updateItemFieldsRequest(`n${i}`, ctx.site.siteId, ncList, String(m.item.id), { Status: 'Effectiveness check' }, m.item['@odata.etag'] ?? m.item.eTag ?? ''));
  const written = await batch(ctx.client, writes, { signal: ctx.signal });
  const moved: string[] = [];
  const audits: RegisterAuditEntry[] = [];
  moves.forEach((m, i) => {
    const res = written.get(`n${i}`);
    if (!res || res.status >= 300) return;
    moved.push(m.ref);
    audits.push({ schema: nonconformities, itemId: String(m.item.id), ref: m.ref, eventType: 'Transition', fromStatus: m.from, toStatus: 'Effectiveness check', changed: ['Status'], comment: 'Every linked action is complete (system).' });
  });
  if (audits.length) await auditAll(ctx, audits);
  return moved;
}

