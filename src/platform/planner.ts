/**
 * Records linked to Planner tasks (plan "SMS Actions" of the SMS group): a task in a named bucket
 * with links back to the record, the task id written back on the record, completing the task, and
 * reading its progress. Every area whose records become work for someone uses this; the Planner
 * wire details (reference keys, `plannerExternalReference`) live in `graph/planner`.
 */
import type { GraphClient } from '../../graph/core/client.js';
import { updateItemFields, type ItemFields } from '../../graph/lists/items.js';
import { createTask, getBuckets, getGroupPlans, getTask, getTaskDetails, plannerAssignment, updateTask, updateTaskDetails } from '../../graph/planner/planner.js';
import { plannerReferences, type PlannerLink } from '../../graph/planner/references.js';
import { PLANNER_PLAN_TITLE } from '../../graph/schema/index.js';

/** A bucket of a plan, where new tasks go. */
export interface PlannerBucketRef {
  readonly planId: string;
  readonly bucketId: string;
}

/** The bucket `bucketName` of the group's plan `planTitle` ("SMS Actions"), or null when either is missing. */
export async function findBucket(client: GraphClient, groupId: string | null, bucketName: string, planTitle: string = PLANNER_PLAN_TITLE, signal?: AbortSignal): Promise<PlannerBucketRef | null> {
  if (!groupId) return null;
  const plan = (await getGroupPlans(client, groupId, signal)).find((p) => p.title === planTitle);
  if (!plan?.id) return null;
  const bucket = (await getBuckets(client, plan.id, signal)).find((b) => b.name === bucketName);
  return bucket?.id ? { planId: plan.id, bucketId: bucket.id } : null;
}

export interface LinkedTask {
  readonly bucket: PlannerBucketRef;
  readonly title: string;
  /** Entra object ids of the assignees (members of the group). */
  readonly assigneeUserIds: readonly string[];
  readonly dueDateTime?: string;
  /** The task's notes (a link to the record is worth repeating here: references are not shown everywhere). */
  readonly description?: string;
  /** Links back to the record (its page in the app, its file). */
  readonly links?: readonly PlannerLink[];
}

/**
 * Creates the task and, when it has a description or links, writes them into its details (shown
 * as the card's preview). Returns the task id. Three requests: create, read the details' ETag, patch.
 */
export async function createLinkedTask(client: GraphClient, task: LinkedTask, signal?: AbortSignal): Promise<string> {
  const created = await createTask(
    client,
    {
      planId: task.bucket.planId,
      bucketId: task.bucket.bucketId,
      title: task.title,
      assignments: Object.fromEntries(task.assigneeUserIds.map((id) => [id, plannerAssignment()])),
      ...(task.dueDateTime ? { dueDateTime: task.dueDateTime } : {}),
    },
    signal,
  );
  if (!created.id) throw new Error('Planner created a task without an id.');
  const links = task.links ?? [];
  if (task.description || links.length > 0) {
    const details = await getTaskDetails(client, created.id, signal);
    await updateTaskDetails(
      client,
      created.id,
      { ...(task.description ? { description: task.description } : {}), previewType: links.length > 0 ? 'reference' : 'description', references: plannerReferences(links) },
      details['@odata.etag'] ?? '',
      signal,
    );
  }
  return created.id;
}

/**
 * Writes the task id back on the record (`column`, e.g. `PlannerTaskId`) with `If-Match`, and
 * returns the record's fields with its new eTag (no second read).
 */
export function linkTaskToItem(
  client: GraphClient,
  item: { readonly siteId: string; readonly listId: string; readonly itemId: string; readonly eTag: string },
  taskId: string,
  column = 'PlannerTaskId',
  signal?: AbortSignal,
): Promise<ItemFields<Record<string, unknown>>> {
  return updateItemFields(client, item.siteId, item.listId, item.itemId, { [column]: taskId }, item.eTag, signal);
}

/** Marks a task complete (100 %) unless it already is; reads it first for its ETag. */
export async function completeTask(client: GraphClient, taskId: string, signal?: AbortSignal): Promise<void> {
  const task = await getTask(client, taskId, signal);
  if ((task.percentComplete ?? 0) < 100) await updateTask(client, taskId, { percentComplete: 100 }, task['@odata.etag'] ?? '', signal);
}

/**
 * Completes several tasks at once (in parallel), best effort: a task that cannot be closed does
 * not stop the others; each failure comes back as a warning.
 */
export async function completeTasks(client: GraphClient, taskIds: readonly string[], signal?: AbortSignal): Promise<string[]> {
  const results = await Promise.allSettled(taskIds.map((id) => completeTask(client, id, signal)));
  return results.flatMap((r, i) => (r.status === 'rejected' ? [`Planner task ${taskIds[i]}: ${r.reason instanceof Error ? r.reason.message : String(r.reason)}`] : []));
}

/** A task's progress as Planner keeps it: 0 (not started), 50 (in progress) or 100 (complete). */
export async function taskProgress(client: GraphClient, taskId: string, signal?: AbortSignal): Promise<{ percentComplete: number; completed: boolean }> {
  const task = await getTask(client, taskId, signal);
  const percentComplete = task.percentComplete ?? 0;
  return { percentComplete, completed: percentComplete >= 100 };
}
