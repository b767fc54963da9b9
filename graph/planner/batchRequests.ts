/**
 * Planner requests as `$batch` inner requests (`graph/core` `batch()`), for callers that read or write many
 * tasks in one round trip (the actions sync). Planner takes part in JSON batching like any Graph resource; each
 * inner write carries its own `If-Match`, and a stale ETag answers that request alone with 409 or 412
 * (https://learn.microsoft.com/graph/api/resources/planner-overview, "Planner resource versioning").
 * `batchBody()` turns a response into the object or a `GraphError` (`GraphConflictError` for 409/412).
 * Microsoft Learn: https://learn.microsoft.com/graph/json-batching
 */
import type { PlannerTask } from '@microsoft/microsoft-graph-types';
import type { BatchRequest } from '../core/batch.js';
import { seg } from '../core/request.js';

const requireETag = (eTag: string): string => {
  if (!eTag || eTag.trim() === '*') throw new Error('A Planner write needs the ETag that was read (never "*").');
  return eTag;
};

/**
 * One task (`GET /planner/tasks/{task-id}`); a deleted task answers 404.
 *
 * Minimum delegated scope: `Tasks.Read`.
 * Microsoft Learn: https://learn.microsoft.com/graph/api/plannertask-get
 */
export function getTaskRequest(id: string, taskId: string): BatchRequest {
  return { id, method: 'GET', url: `/planner/tasks/${seg(taskId)}` };
}

/**
 * Updates a task (`PATCH /planner/tasks/{task-id}`) with `If-Match: <eTag>` and
 * `Prefer: return=representation`, so the answer (200) carries the task with its new ETag.
 *
 * Minimum delegated scope: `Tasks.ReadWrite`.
 * Microsoft Learn: https://learn.microsoft.com/graph/api/plannertask-update
 */
export function updateTaskRequest(id: string, taskId: string, patch: PlannerTask | Record<string, unknown>, eTag: string): BatchRequest {
  return {
    id,
    method: 'PATCH',
    url: `/planner/tasks/${seg(taskId)}`,
    headers: { 'Content-Type': 'application/json', 'If-Match': requireETag(eTag), Prefer: 'return=representation' },
    body: patch,
  };
}

/**
 * The first page of a plan's tasks (`GET /planner/plans/{plan-id}/tasks`); follow its `@odata.nextLink` with
 * `getAll`/`pages` of graph/core.
 *
 * Minimum delegated scope: `Tasks.Read`.
 * Microsoft Learn: https://learn.microsoft.com/graph/api/plannerplan-list-tasks
 */
export function planTasksRequest(id: string, planId: string): BatchRequest {
  return { id, method: 'GET', url: `/planner/plans/${seg(planId)}/tasks` };
}

/**
 * The buckets of a plan (`GET /planner/plans/{plan-id}/buckets`).
 *
 * Minimum delegated scope: `Tasks.Read`.
 * Microsoft Learn: https://learn.microsoft.com/graph/api/plannerplan-list-buckets
 */
export function bucketsRequest(id: string, planId: string): BatchRequest {
  return { id, method: 'GET', url: `/planner/plans/${seg(planId)}/buckets` };
}

/**
 * The plans of a group (`GET /groups/{group-id}/planner/plans`).
 *
 * Minimum delegated scope: `Tasks.Read`.
 * Microsoft Learn: https://learn.microsoft.com/graph/api/plannergroup-list-plans
 */
export function groupPlansRequest(id: string, groupId: string): BatchRequest {
  return { id, method: 'GET', url: `/groups/${seg(groupId)}/planner/plans` };
}
