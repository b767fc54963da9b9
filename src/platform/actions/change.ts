/**
 * Changing an action in SharePoint, the master for its title, assignee, due date and priority (§5.7), and
 * moving it through its lifecycle (§5.4); the task in Planner follows (`pushTask`: read it for its ETag, PATCH
 * only what differs with `If-Match`, re-read and re-apply on 409/412, recreate it when it was deleted).
 */
import { GraphError } from '../../../graph/core/errors.js';
import { getTask, updateTask } from '../../../graph/planner/planner.js';
import { actions as actionsSchema, type ActionPriority, type ActionStatus } from '../../../graph/schema/actions.js';
import { updateRecord, type CellValue, type NamedAuditEvent } from '../registers/index.js';
import { listIdOf } from '../site.js';
import { checkActionEdit, checkActionTransition, isOverdue, type ActionField, type Actor } from './domain.js';
import { desiredTask, taskPatch } from './mapping.js';
import { ActionRefusedError, checkAssignable, ensurePlannerTask, recordOf } from './raise.js';
import { advanceSources } from './sync.js';
import type { ActionRow, ActionsContext } from './types.js';

/** How often a task write is re-read and re-applied after a conflict before giving up. */
export const MAX_TASK_WRITE_ATTEMPTS = 3;

export const isConflict = (e: unknown): boolean => e instanceof GraphError && (e.status === 409 || e.status === 412);
export const isGone = (e: unknown): boolean => e instanceof GraphError && e.status === 404;

/**
 * Makes the action's task agree with the action (SharePoint master): reads it, PATCHes what differs with its
 * ETag; on 409/412 reads it again and re-applies only what still differs (never a blind overwrite). A task that
 * is gone is recreated. Returns the action (with its new task when recreated).
 */
export async function pushTask(ctx: ActionsContext, row: ActionRow): Promise<ActionRow> {
  if (!row.plannerTaskId) return ensurePlannerTask(ctx, row, { resume: true });
  for (let attempt = 1; ; attempt++) {
    let task;
    try {
      task = await getTask(ctx.client, row.plannerTaskId, ctx.signal);
    } catch (e) {
      if (isGone(e)) return ensurePlannerTask(ctx, row, { recreated: true });
      throw e;
    }
    const patch = taskPatch(task, desiredTask(row, ctx.people), ctx.timeZone);
    if (!patch) return row;
    try {
      await updateTask(ctx.client, row.plannerTaskId, patch, task['@odata.etag'] ?? '', ctx.signal);
      return row;
    } catch (e) {
      if (!isConflict(e) || attempt >= MAX_TASK_WRITE_ATTEMPTS) throw e;
    }
  }
}

const actorOf = (ctx: ActionsContext): Actor | 'system' => (ctx.actor === 'app' ? 'system' : ctx.actor);

export interface ActionChanges {
  readonly assigneeId?: string;
  readonly dueDate?: string;
  readonly priority?: ActionPriority;
  readonly title?: string;
  readonly description?: string | null;
}

/**
 * Changes what the action is, who does it and by when (domain `checkActionEdit`: the source's owner or an SMS
 * manager; the assignee only the description); a due date change needs a reason (§6.3 rule 6) and is logged as
 * `Due date changed`, a new assignee must be a member of the SMS group (`Reassigned`). Then the task follows. Refusals throw `ActionRefusedError`; a stale row throws `GraphConflictError` (412) and writes nothing.
 */
export async function changeAction(ctx: ActionsContext, row: ActionRow, changes: ActionChanges, reason?: string | null): Promise<ActionRow> {
  const fields: Record<string, CellValue> = {};
  const changed: ActionField[] = [];
  let next: ActionRow = row;
  let eventType: NamedAuditEvent | undefined;
  if (changes.title !== undefined && changes.title.trim() !== row.title) {
    if (!changes.title.trim()) throw new ActionRefusedError({ code: 'titleRequired' });
    fields.Title = changes.title.trim();
    changed.push('title');
    next = { ...next, title: changes.title.trim() };
  }
  if (changes.description !== undefined && (changes.description?.trim() || null) !== row.description) {
    fields.Description = changes.description?.trim() || null;
    changed.push('description');
    next = { ...next, description: changes.description?.trim() || null };
  }
  if (changes.priority !== undefined && changes.priority !== row.priority) {
    fields.Priority = changes.priority;
    changed.push('priority');
    next = { ...next, priority: changes.priority };
  }
  if (changes.dueDate !== undefined && changes.dueDate !== row.dueDate) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(changes.dueDate)) throw new ActionRefusedError({ code: 'dueDateRequired' });
    changed.push('dueDate');
  }
  const assignee = changes.assigneeId?.trim().toLowerCase();
  if (assignee !== undefined && assignee !== row.assigneeId) changed.push('assigneeId');
  const refused = checkActionEdit({ actor: actorOf(ctx), status: row.status, assigneeId: row.assigneeId, sourceOwnerId: row.ownerId, changed, reason: reason ?? null });
  if (refused) throw new ActionRefusedError(refused);
  if (assignee !== undefined && assignee !== row.assigneeId) {
    const refusal = await checkAssignable(ctx, assignee);
    if (refusal) throw new ActionRefusedError(refusal);
    fields.AssignedToUPN = assignee;
    fields.AssignedTo = ctx.people.byId(assignee)!.lookupId;
    next = { ...next, assigneeId: assignee };
    eventType = 'Reassigned';
  }
  if (changed.includes('dueDate')) {
    fields.DueDate = changes.dueDate!;
    next = { ...next, dueDate: changes.dueDate!, overdue: isOverdue({ status: row.status, dueDate: changes.dueDate! }, ctx.today) };
    eventType = 'Due date changed';
  }
  if (Object.keys(fields).length === 0) return row;
  const written = await updateRecord(ctx.client, ctx.site.siteId, actionsSchema, recordOf(row), fields, ctx.writeDeps, {
    list: listIdOf(ctx.site, 'actions'),
    timeZone: ctx.timeZone,
    comment: reason?.trim() || null,
    ...(eventType ? { eventType } : {}),
    signal: ctx.signal,
  });
  return pushTask(ctx, { ...next, eTag: written.eTag });
}

/**
 * Moves the action to `to` (domain `checkActionTransition`: who, reason, verification). Completed records
 * CompletedOn; Verified records VerifiedBy and VerifiedOn; Completed → In progress (evidence rejected) clears
 * CompletedOn and reopens the task (50 %); Cancelled and Verified show as done in Planner. A nonconformity whose
 * actions are now all complete moves to 'Effectiveness check'.
 */
export async function transitionAction(ctx: ActionsContext, row: ActionRow, to: ActionStatus, opts: { reason?: string | null } = {}): Promise<ActionRow> {
  const actor = actorOf(ctx);
  const refusal = checkActionTransition({
    from: row.status,
    to,
    actor,
    assigneeId: row.assigneeId,
    sourceOwnerId: row.ownerId,
    needsVerification: row.needsVerification,
    reason: opts.reason ?? null,
  });
  if (refusal) throw new ActionRefusedError(refusal);
  const fields: Record<string, CellValue> = { Status: to };
  let next: ActionRow = { ...row, status: to };
  if (to === 'Completed') {
    fields.CompletedOn = ctx.today;
    next = { ...next, completedOn: ctx.today };
  }
  if (row.status === 'Completed' && to === 'In progress') {
    fields.CompletedOn = null;
    next = { ...next, completedOn: null };
  }
  if (to === 'Verified' && actor !== 'system') {
    const me = ctx.people.byId(actor.id);
    if (me?.lookupId) fields.VerifiedBy = me.lookupId;
    fields.VerifiedOn = ctx.today;
    next = { ...next, verifiedById: actor.id, verifiedOn: ctx.today };
  }
  const written = await updateRecord(ctx.client, ctx.site.siteId, actionsSchema, recordOf(row), fields, ctx.writeDeps, {
    list: listIdOf(ctx.site, 'actions'),
    timeZone: ctx.timeZone,
    comment: opts.reason?.trim() || null,
    signal: ctx.signal,
  });
  next = { ...next, eTag: written.eTag, overdue: isOverdue(next, ctx.today) };
  const pushed = await pushTask(ctx, next);
  if (to === 'Completed' || to === 'Verified' || to === 'Cancelled') await advanceSources(ctx, [pushed]);
  return pushed;
}
