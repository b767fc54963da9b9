import type { PlannerBucket, PlannerPlan, PlannerTask, PlannerTaskDetails } from '@microsoft/microsoft-graph-types';
import type { GraphClient } from '../core/client.js';
import { getAll } from '../core/paging.js';
import { graphRequest, seg } from '../core/request.js';

/**
 * Planner objects each carry `@odata.etag`; every PATCH and DELETE sends it as `If-Match`. A stale
 * ETag for a conflicting change answers 409, an invalid or missing one 412; both throw
 * `GraphConflictError` (https://learn.microsoft.com/graph/api/resources/planner-overview).
 */
export type WithETag<T> = T & { '@odata.etag'?: string };

function requireETag(eTag: string): string {
  if (!eTag || eTag.trim() === '*') throw new Error('A Planner write needs the ETag that was read (never "*").');
  return eTag;
}

/** PATCH with If-Match, asking for the updated object back so the caller holds the new ETag. */
async function patchPlanner<T>(client: GraphClient, path: string, patch: unknown, eTag: string, signal?: AbortSignal): Promise<WithETag<T>> {
  const res = await graphRequest<WithETag<T> | undefined>(client, {
    method: 'PATCH',
    path,
    body: patch,
    headers: { 'If-Match': requireETag(eTag), Prefer: 'return=representation' },
    signal,
  });
  if (res.body && typeof res.body === 'object') return res.body;
  // A 204 (the Prefer header was not honoured): read the object again for its new ETag.
  return (await graphRequest<WithETag<T>>(client, { path, signal })).body;
}

/**
 * The plans of a Microsoft 365 group (`GET /groups/{group-id}/planner/plans`).
 *
 * Minimum delegated scope: `Tasks.Read`.
 * Microsoft Learn: https://learn.microsoft.com/graph/api/plannergroup-list-plans
 */
export async function getGroupPlans(client: GraphClient, groupId: string, signal?: AbortSignal): Promise<WithETag<PlannerPlan>[]> {
  return getAll<WithETag<PlannerPlan>>(client, `/groups/${seg(groupId)}/planner/plans`, { signal });
}

/**
 * Creates a plan in a group (`POST /planner/plans` with `container.url` = the group's Graph URL → 201).
 *
 * Minimum delegated scope: `Tasks.ReadWrite`.
 * Microsoft Learn: https://learn.microsoft.com/graph/api/planner-post-plans
 */
export async function createPlan(client: GraphClient, groupId: string, title: string, signal?: AbortSignal): Promise<WithETag<PlannerPlan>> {
  const body = { container: { url: `${client.baseUrl}/groups/${seg(groupId)}` }, title };
  return (await graphRequest<WithETag<PlannerPlan>>(client, { method: 'POST', path: '/planner/plans', body, signal })).body;
}

/**
 * The buckets of a plan (`GET /planner/plans/{plan-id}/buckets`).
 *
 * Minimum delegated scope: `Tasks.Read`.
 * Microsoft Learn: https://learn.microsoft.com/graph/api/plannerplan-list-buckets
 */
export async function getBuckets(client: GraphClient, planId: string, signal?: AbortSignal): Promise<WithETag<PlannerBucket>[]> {
  return getAll<WithETag<PlannerBucket>>(client, `/planner/plans/${seg(planId)}/buckets`, { signal });
}

/**
 * Creates a bucket (`POST /planner/buckets` → 201). `orderHint` positions it (`' !'` = first).
 *
 * Minimum delegated scope: `Tasks.ReadWrite`.
 * Microsoft Learn: https://learn.microsoft.com/graph/api/planner-post-buckets
 */
export async function createBucket(client: GraphClient, planId: string, name: string, orderHint?: string, signal?: AbortSignal): Promise<WithETag<PlannerBucket>> {
  const body: Record<string, unknown> = { planId, name };
  if (orderHint !== undefined) body.orderHint = orderHint;
  return (await graphRequest<WithETag<PlannerBucket>>(client, { method: 'POST', path: '/planner/buckets', body, signal })).body;
}

/** The user-id keyed assignment value Planner requires (`@odata.type` is mandatory). */
export const plannerAssignment = (orderHint = ' !') => ({ '@odata.type': '#microsoft.graph.plannerAssignment', orderHint });

/**
 * Creates a task (`POST /planner/tasks` → 201) with at least `planId` and `title`; assignees
 * (group members) go in `assignments` keyed by user id (use `plannerAssignment()`).
 *
 * Minimum delegated scope: `Tasks.ReadWrite`.
 * Microsoft Learn: https://learn.microsoft.com/graph/api/planner-post-tasks
 */
export async function createTask(client: GraphClient, task: PlannerTask & { planId: string; title: string }, signal?: AbortSignal): Promise<WithETag<PlannerTask>> {
  return (await graphRequest<WithETag<PlannerTask>>(client, { method: 'POST', path: '/planner/tasks', body: task, signal })).body;
}

/**
 * One task (`GET /planner/tasks/{task-id}`).
 *
 * Minimum delegated scope: `Tasks.Read`.
 * Microsoft Learn: https://learn.microsoft.com/graph/api/plannertask-get
 */
export async function getTask(client: GraphClient, taskId: string, signal?: AbortSignal): Promise<WithETag<PlannerTask>> {
  return (await graphRequest<WithETag<PlannerTask>>(client, { path: `/planner/tasks/${seg(taskId)}`, signal })).body;
}

/**
 * Updates a task (`PATCH /planner/tasks/{task-id}` with `If-Match`), returning the updated task with
 * its new ETag (`Prefer: return=representation`). A conflicting change (409) or stale ETag (412)
 * throws `GraphConflictError`.
 *
 * Minimum delegated scope: `Tasks.ReadWrite`.
 * Microsoft Learn: https://learn.microsoft.com/graph/api/plannertask-update
 */
export async function updateTask(client: GraphClient, taskId: string, patch: PlannerTask | Record<string, unknown>, eTag: string, signal?: AbortSignal): Promise<WithETag<PlannerTask>> {
  return patchPlanner<PlannerTask>(client, `/planner/tasks/${seg(taskId)}`, patch, eTag, signal);
}

/**
 * A task's details: description, checklist and references (`GET /planner/tasks/{task-id}/details`).
 * They have their own ETag.
 *
 * Minimum delegated scope: `Tasks.Read`.
 * Microsoft Learn: https://learn.microsoft.com/graph/api/plannertaskdetails-get
 */
export async function getTaskDetails(client: GraphClient, taskId: string, signal?: AbortSignal): Promise<WithETag<PlannerTaskDetails>> {
  return (await graphRequest<WithETag<PlannerTaskDetails>>(client, { path: `/planner/tasks/${seg(taskId)}/details`, signal })).body;
}

/**
 * Updates a task's details (`PATCH /planner/tasks/{task-id}/details` with the details' own ETag).
 *
 * Minimum delegated scope: `Tasks.ReadWrite`.
 * Microsoft Learn: https://learn.microsoft.com/graph/api/plannertaskdetails-update
 */
export async function updateTaskDetails(
  client: GraphClient,
  taskId: string,
  patch: PlannerTaskDetails | Record<string, unknown>,
  eTag: string,
  signal?: AbortSignal,
): Promise<WithETag<PlannerTaskDetails>> {
  return patchPlanner<PlannerTaskDetails>(client, `/planner/tasks/${seg(taskId)}/details`, patch, eTag, signal);
}

/**
 * The tasks assigned to the signed-in user (`GET /me/planner/tasks`, all pages).
 *
 * Minimum delegated scope: `Tasks.Read`.
 * Microsoft Learn: https://learn.microsoft.com/graph/api/planneruser-list-tasks
 */
export async function getMyTasks(client: GraphClient, signal?: AbortSignal): Promise<WithETag<PlannerTask>[]> {
  return getAll<WithETag<PlannerTask>>(client, '/me/planner/tasks', { signal });
}

/**
 * The tasks of a plan (`GET /planner/plans/{plan-id}/tasks`, all pages).
 *
 * Minimum delegated scope: `Tasks.Read`.
 * Microsoft Learn: https://learn.microsoft.com/graph/api/plannerplan-list-tasks
 */
export async function getPlanTasks(client: GraphClient, planId: string, signal?: AbortSignal): Promise<WithETag<PlannerTask>[]> {
  return getAll<WithETag<PlannerTask>>(client, `/planner/plans/${seg(planId)}/tasks`, { signal });
}

/**
 * Deletes a task (`DELETE /planner/tasks/{task-id}` with `If-Match` → 204). The app never deletes the task
 * of an action (a deleted task is recreated); tests use this to play a user who deletes one in Planner.
 *
 * Minimum delegated scope: `Tasks.ReadWrite`.
 * Microsoft Learn: https://learn.microsoft.com/graph/api/plannertask-delete
 */
export async function deleteTask(client: GraphClient, taskId: string, eTag: string, signal?: AbortSignal): Promise<void> {
  await graphRequest(client, { method: 'DELETE', path: `/planner/tasks/${seg(taskId)}`, headers: { 'If-Match': requireETag(eTag) }, signal });
}

/**
 * The tasks of a bucket (`GET /planner/buckets/{bucket-id}/tasks`, all pages).
 *
 * Minimum delegated scope: `Tasks.Read`.
 * Microsoft Learn: https://learn.microsoft.com/graph/api/plannerbucket-list-tasks
 */
export async function getBucketTasks(client: GraphClient, bucketId: string, signal?: AbortSignal): Promise<WithETag<PlannerTask>[]> {
  return getAll<WithETag<PlannerTask>>(client, `/planner/buckets/${seg(bucketId)}/tasks`, { signal });
}
