/**
 * Raising an action: the `Actions` item (Ref `ACT-xxxx` from the sequence, audit entry `Created`), then its
 * Planner task in the bucket of its source type (§5.7), linked both ways (task id on the item; the action's
 * page and its source in the task's references).
 *
 * Exactly once, without a lock: an action is known within its source by its type and title (not Cancelled).
 * - A retry, a second click, or a call after an ambiguous failure (a 504 on a create that was carried out) finds
 *   the action made before and resumes it: its `Created` audit entry is written if it is missing, and its task is
 *   looked for in its bucket by its `[REF]` title before one is made.
 * - Two raises at the same moment both create an item; each then reads the source's actions again and the
 *   lowest item id wins: the other call deletes the item it made itself (audit entry `Deleted`, "duplicate of …")
 *   and returns the winner, which alone goes on to make the task.
 * - Two calls making the task of one action at once: the task id is written with `If-Match`; the call that loses
 *   deletes the task it made itself and returns the action with the other task.
 */
import { GraphError } from '../../../graph/core/errors.js';
import { getUserGroups } from '../../../graph/directory/groups.js';
import { deleteItem } from '../../../graph/lists/items.js';
import { createTask, deleteTask, getBucketTasks, getTaskDetails, updateTaskDetails, type WithETag } from '../../../graph/planner/planner.js';
import { plannerReferences } from '../../../graph/planner/references.js';
import type { PlannerTask } from '@microsoft/microsoft-graph-types';
import { actions as actionsSchema, type ActionPriority, type ActionType } from '../../../graph/schema/actions.js';
import { createRecord, updateRecord, type CellValue, type RegisterRecord } from '../registers/index.js';
import { auditEntryExists, type AuditRecord } from '../auditTrail.js';
import { listIdOf } from '../site.js';
import { checkRaiseAction, type Refusal } from './domain.js';
import { ACTION_COLUMNS, bucketOf, desiredTask, newTaskBody, refOfTaskTitle, taskDescription, taskLinks, toActionRow } from './mapping.js';
import { actionsPlan, bucketId } from './plannerPlan.js';
import { loadActionByRef, loadActionsOfSource } from './read.js';
import { SOURCE_TYPE_BY_REGISTER, type ActionRow, type ActionsContext } from './types.js';

/** A rule refused the operation; `refusal.code` is the i18n key `registers.refusal.<code>`. */
export class ActionRefusedError extends Error {
  override readonly name = 'ActionRefusedError';
  constructor(readonly refusal: Refusal) {
    super(`Refused: ${refusal.code}${refusal.params ? ` ${JSON.stringify(refusal.params)}` : ''}`);
  }
}

export interface RaiseActionInput {
  /** Schema key of the source's register (`nonconformities`). */
  readonly sourceRegister: string;
  readonly sourceItemId: number;
  readonly sourceRef: string;
  /** The source's owner (lower-case UPN): accountable for the action. */
  readonly sourceOwnerId: string | null;
  readonly actionType: ActionType;
  readonly title: string;
  readonly description?: string | null;
  /** Lower-case UPN of the assignee: a member of the SMS group. */
  readonly assigneeId: string;
  readonly dueDate: string;
  readonly priority?: ActionPriority;
  /** Default: yes for corrective actions (§5.4). */
  readonly needsVerification?: boolean;
  readonly primaryClause?: string | null;
  readonly clauseRefs?: readonly string[];
}

/**
 * Null when the person may be assigned an action: someone in the directory who is a member of the SMS group
 * (Planner assigns only members of the plan's group: planner-post-plans). One request
 * (`GET /users/{id}/memberOf`).
 */
export async function checkAssignable(ctx: ActionsContext, assigneeId: string | null): Promise<Refusal | null> {
  const person = ctx.people.byId(assigneeId);
  if (!person) return { code: 'assigneeUnknown', params: { person: assigneeId ?? '' } };
  if (!ctx.site.groupId) return { code: 'assigneeNotInGroup', params: { person: person.displayName } };
  const groups = await getUserGroups(ctx.client, person.userId, ctx.signal);
  return groups.some((g) => g.id === ctx.site.groupId) ? null : { code: 'assigneeNotInGroup', params: { person: person.displayName } };
}

const norm = (s: string) => s.trim().replace(/\s+/g, ' ');
const sameAction = (row: ActionRow, input: RaiseActionInput) => row.status !== 'Cancelled' && row.actionType === input.actionType && norm(row.title) === norm(input.title);

/**
 * Raises an action on a source record (see the file comment): by the record's owner, an SMS manager or top
 * management (domain `checkRaiseAction`), or the app. Refusals throw `ActionRefusedError`.
 */
export async function raiseAction(ctx: ActionsContext, input: RaiseActionInput): Promise<ActionRow> {
  const sourceType = SOURCE_TYPE_BY_REGISTER[input.sourceRegister];
  if (!sourceType) throw new ActionRefusedError({ code: 'notActionSource', params: { register: input.sourceRegister } });
  if (!norm(input.title)) throw new ActionRefusedError({ code: 'titleRequired' });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(input.dueDate)) throw new ActionRefusedError({ code: 'dueDateRequired' });
  if (ctx.actor !== 'app') {
    const mayRaise = checkRaiseAction({ actor: ctx.actor, sourceOwnerId: input.sourceOwnerId });
    if (mayRaise) throw new ActionRefusedError(mayRaise);
  }
  const assignee = input.assigneeId.trim().toLowerCase();
  const refusal = await checkAssignable(ctx, assignee);
  if (refusal) throw new ActionRefusedError(refusal);

  const before = (await loadActionsOfSource(ctx, sourceType, input.sourceItemId)).filter((r) => sameAction(r, input));
  if (before.length > 0) {
    const found = winnerOf(before);
    if (!found.plannerTaskId) await ensureCreatedEntry(ctx, found);
    return ensurePlannerTask(ctx, found, { resume: true });
  }

  const person = ctx.people.byId(assignee)!;
  const owner = ctx.people.byId(input.sourceOwnerId);
  const values: Record<string, CellValue> = {
    Title: norm(input.title),
    Status: 'Not started',
    ActionType: input.actionType,
    SourceType: sourceType,
    SourceItemId: input.sourceItemId,
    SourceRef: input.sourceRef,
    Description: input.description?.trim() || null,
    AssignedToUPN: assignee,
    DueDate: input.dueDate,
    Priority: input.priority ?? 'Medium',
    NeedsVerification: input.needsVerification ?? input.actionType === 'Corrective action',
    ...(person.lookupId ? { AssignedTo: person.lookupId } : {}),
    ...(owner?.lookupId ? { Owner: owner.lookupId } : {}),
    ...(input.primaryClause ? { PrimaryClause: input.primaryClause } : {}),
    ...(input.clauseRefs?.length ? { ClauseRefs: [...input.clauseRefs] } : {}),
  };
  const created = await createRecord(ctx.client, ctx.site.siteId, actionsSchema, values, ctx.writeDeps, {
    list: listIdOf(ctx.site, 'actions'),
    timeZone: ctx.timeZone,
    signal: ctx.signal,
  });
  const mine = rowOf(ctx, created);
  // Two raises at once: the first item made wins; a later one removes itself.
  const now = (await loadActionsOfSource(ctx, sourceType, input.sourceItemId)).filter((r) => sameAction(r, input));
  const winner = winnerOf(now.some((r) => r.id === mine.id) ? now : [...now, mine]);
  if (winner.id !== mine.id) {
    await deleteItem(ctx.client, ctx.site.siteId, listIdOf(ctx.site, 'actions'), mine.id, created.eTag ?? '', ctx.signal);
    await ctx.writeDeps.audit(
      { schema: actionsSchema, itemId: mine.id, ref: mine.ref, eventType: 'Deleted', fromStatus: mine.status, toStatus: null, changed: [], comment: `Duplicate of ${winner.ref} (raised twice at once)` },
      ctx.signal,
    );
    return winner;
  }
  return ensurePlannerTask(ctx, mine, { resume: false });
}

/**
 * A raise whose item was written but whose answer was lost (a 504 after the create) left no `Created` entry in
 * the audit trail: write it when the record's history has none (one narrow read of the trail by EntityRef).
 */
async function ensureCreatedEntry(ctx: ActionsContext, row: ActionRow): Promise<void> {
  const probe: AuditRecord = {
    listKey: actionsSchema.key,
    entityType: actionsSchema.entity,
    entityRef: row.ref,
    entityItemId: row.id,
    eventType: 'Created',
    at: new Date().toISOString(),
    fromStatus: null,
    toStatus: row.status,
    comment: null,
    actor: { upn: '', lookupId: null },
  };
  // Anywhere in the record's history: no anchor status (none is stored as ''), since the beginning.
  if (await auditEntryExists(ctx.client, ctx.site, probe, ctx.signal, { afterToStatus: '', since: '1970-01-01T00:00:00Z' })) return;
  await ctx.writeDeps.audit({ schema: actionsSchema, itemId: row.id, ref: row.ref, eventType: 'Created', fromStatus: null, toStatus: row.status, changed: [], comment: null }, ctx.signal);
}

const winnerOf = (rows: readonly ActionRow[]): ActionRow => [...rows].sort((a, b) => Number(a.id) - Number(b.id))[0]!;

/** A record the engine wrote (only the columns written) as a row, the others empty. */
export function rowOf(ctx: ActionsContext, record: RegisterRecord): ActionRow {
  const values: Record<string, CellValue> = Object.fromEntries(ACTION_COLUMNS.map((c) => [c, null]));
  return toActionRow({ ...record, values: { ...values, ...record.values } }, ctx.people, ctx.today);
}

/** The Planner columns written on an action once its task exists. */
export function plannerFields(task: WithETag<PlannerTask>, planId: string, now: string): Record<string, CellValue> {
  return { PlannerPlanId: planId, PlannerBucketId: task.bucketId ?? null, PlannerTaskId: task.id ?? null, PlannerETag: task['@odata.etag'] ?? null, LastSyncedAt: now };
}

/**
 * Makes sure the action has its Planner task: none yet, or the one it names is gone (`recreated`: the sync found
 * it deleted in Planner). With `resume`, a task of the plan's bucket whose title starts with `[REF]` and that no
 * action names is taken over instead of making another (a raise interrupted after the task was made).
 * A recreated task is logged in the audit trail ("Planner task recreated"). Returns the action with its task.
 */
export async function ensurePlannerTask(ctx: ActionsContext, row: ActionRow, opts: { resume?: boolean; recreated?: boolean } = {}): Promise<ActionRow> {
  if (row.plannerTaskId && !opts.recreated) return row;
  const plan = await actionsPlan(ctx.client, ctx.site.groupId, ctx.signal);
  const bucket = bucketId(plan, bucketOf(row.sourceType));
  let task: WithETag<PlannerTask> | null = null;
  let madeHere = false;
  if (opts.resume && !row.plannerTaskId) {
    const inBucket = await getBucketTasks(ctx.client, bucket, ctx.signal);
    task = inBucket.find((t) => refOfTaskTitle(t.title) === row.ref) ?? null;
  }
  if (!task) {
    task = await createTask(ctx.client, newTaskBody(desiredTask(row, ctx.people), plan.planId, bucket, ctx.timeZone), ctx.signal);
    madeHere = true;
  }
  const now = new Date().toISOString();
  let linked: RegisterRecord;
  try {
    linked = await updateRecord(ctx.client, ctx.site.siteId, actionsSchema, recordOf(row), plannerFields(task, plan.planId, now), ctx.writeDeps, {
      list: listIdOf(ctx.site, 'actions'),
      timeZone: ctx.timeZone,
      signal: ctx.signal,
      eventType: 'Sync',
      comment: opts.recreated ? `Planner task recreated (the task ${row.plannerTaskId} was deleted in Planner)` : 'Planner task linked',
    });
  } catch (e) {
    if (!(e instanceof GraphError && e.status === 412)) throw e;
    // The action changed since it was read: another call may have linked a task meanwhile.
    const fresh = await loadActionByRef(ctx, row.ref);
    if (fresh?.plannerTaskId && fresh.plannerTaskId !== row.plannerTaskId) {
      if (madeHere && task.id) await deleteTask(ctx.client, task.id, task['@odata.etag'] ?? '', ctx.signal);
      return fresh;
    }
    if (!fresh) throw e;
    linked = await updateRecord(ctx.client, ctx.site.siteId, actionsSchema, recordOf(fresh), plannerFields(task, plan.planId, now), ctx.writeDeps, {
      list: listIdOf(ctx.site, 'actions'),
      timeZone: ctx.timeZone,
      signal: ctx.signal,
      eventType: 'Sync',
      comment: opts.recreated ? `Planner task recreated (the task ${row.plannerTaskId} was deleted in Planner)` : 'Planner task linked',
    });
    row = fresh;
  }
  if (madeHere && task.id) await writeTaskDetails(ctx, task.id, row);
  return { ...row, eTag: linked.eTag, plannerTaskId: task.id ?? null, plannerPlanId: plan.planId, plannerETag: task['@odata.etag'] ?? null, lastSyncedAt: now };
}

/** The task's notes and links back to the action and its source (the details have their own ETag). */
async function writeTaskDetails(ctx: ActionsContext, taskId: string, row: ActionRow): Promise<void> {
  const details = await getTaskDetails(ctx.client, taskId, ctx.signal);
  await updateTaskDetails(
    ctx.client,
    taskId,
    { description: taskDescription(row), previewType: 'reference', references: plannerReferences(taskLinks(row, ctx.appOrigin)) },
    details['@odata.etag'] ?? '',
    ctx.signal,
  );
}

/** The row as the record `updateRecord` writes against (its eTag and the values it holds). */
export function recordOf(row: ActionRow): RegisterRecord {
  return { id: row.id, eTag: row.eTag, webUrl: row.webUrl, values: { Ref: row.ref, Status: row.status } };
}

