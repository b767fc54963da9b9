/**
 * Projects the seeded Actions onto the Planner plan "SMS Actions" (domain §5.7): one task per
 * action in the bucket of its source, assigned to the action's assignee, with its due date,
 * progress, priority and label, and task details that link back to the SharePoint item. The
 * Action items then get the Planner ids and eTag, as the app's sync would leave them.
 */
import type { PlannerTask } from '@microsoft/microsoft-graph-types';
import {
  createTask,
  getBuckets,
  getPlanTasks,
  getTaskDetails,
  plannerAssignment,
  updateTaskDetails,
} from '../../graph/planner/index.js';
import { listItems } from '../../graph/lists/index.js';
import { updateItemFieldsRequest } from '../../graph/lists/batchRequests.js';
import {
  BUCKET_BY_SOURCE_TYPE,
  PERCENT_COMPLETE_BY_STATUS,
  PLANNER_PRIORITY_BY_PRIORITY,
  appliedCategoriesFor,
  type ActionSourceType,
  type ActionType,
} from '../../graph/schema/index.js';
import { count, listIdOf, recall, type SeedContext } from './context.js';
import type { DemoAction } from './data/improvement.js';
import { runBatch } from './items.js';
import { mapLimit } from './pool.js';

/** Planner task title of an action: `[ACT-0141] Retrospective CAB review ...`. */
export const taskTitleOf = (a: Pick<DemoAction, 'ref' | 'title'>): string => `[${a.ref}] ${a.title}`;

/**
 * A reference key of plannerTaskDetails: the URL with `%`, `.`, `:`, `@` and `#` percent-encoded,
 * as plannerExternalReferences requires of its open-type property names.
 */
export function plannerReferenceKey(url: string): string {
  return url.replace(/%/g, '%25').replace(/\./g, '%2E').replace(/:/g, '%3A').replace(/@/g, '%40').replace(/#/g, '%23');
}

/** SharePoint's display form of a list item: `<list url>/DispForm.aspx?ID=<id>`. */
export const itemUrl = (listWebUrl: string, itemId: string): string => `${listWebUrl.replace(/\/+$/, '')}/DispForm.aspx?ID=${itemId}`;

/** Creates the missing Planner tasks for `actions` and stores their ids on the Action items. */
export async function seedPlannerTasks(ctx: SeedContext, actions: readonly DemoAction[]): Promise<number> {
  const admin = ctx.as('tom');
  if (!ctx.planId) throw new Error('The Planner plan "SMS Actions" does not exist: run provisioning first.');
  const planId = ctx.planId;
  const buckets = new Map((await getBuckets(admin, planId)).map((b) => [b.name ?? '', b.id ?? '']));
  const existing = new Map<string, PlannerTask & { '@odata.etag'?: string }>();
  for (const t of await getPlanTasks(admin, planId)) {
    const ref = /^\[([A-Z]+-\d+)\]/.exec(t.title ?? '')?.[1];
    if (ref) existing.set(ref, t);
  }
  const actionsList = listIdOf(ctx, 'actions');
  const actionsUrl = ctx.listUrls.actions ?? `${ctx.siteWebUrl}/Lists/Actions`;

  const missing = actions.filter((a) => !existing.has(a.ref));
  await mapLimit(missing, 4, async (a) => {
    const item = recall(ctx, 'actions', a.ref);
    if (!item) throw new Error(`Action ${a.ref} was not seeded`);
    const bucket = BUCKET_BY_SOURCE_TYPE[a.sourceType as ActionSourceType];
    const bucketId = buckets.get(bucket);
    if (!bucketId) throw new Error(`The plan has no bucket '${bucket}'`);
    const task = await createTask(admin, {
      planId,
      bucketId,
      title: taskTitleOf(a),
      assignments: { [ctx.people[a.assignee].userId]: plannerAssignment() },
      dueDateTime: ctx.dates.at(a.due, '17:00'),
      percentComplete: PERCENT_COMPLETE_BY_STATUS[a.status],
      priority: PLANNER_PRIORITY_BY_PRIORITY[a.priority],
      appliedCategories: appliedCategoriesFor(a.actionType as ActionType),
    });
    const details = await getTaskDetails(admin, task.id!);
    const url = itemUrl(actionsUrl, item.id);
    await updateTaskDetails(
      admin,
      task.id!,
      {
        description: `${a.description}\n\nSource: ${a.sourceRef}. This task mirrors the SMS action ${a.ref} (system of record: the Actions list on the SMS site).`,
        previewType: 'description',
        references: { [plannerReferenceKey(url)]: { '@odata.type': '#microsoft.graph.plannerExternalReference', alias: `${a.ref} in the SMS Actions list`, type: 'Other' } },
      },
      details['@odata.etag'] ?? '',
    );
    existing.set(a.ref, task);
  });
  count(ctx, 'plannerTasks', missing.length);

  // Store the Planner ids on Action items that do not have them yet.
  const items = await listItems<{ Ref?: string; PlannerTaskId?: string }>(admin, ctx.siteId, actionsList, { select: ['Ref', 'PlannerTaskId'], top: 500 });
  const unsynced = items.items.filter((i) => i.fields.Ref && !i.fields.PlannerTaskId && existing.has(i.fields.Ref));
  const requests = unsynced.map((i, n) => {
    const task = existing.get(i.fields.Ref!)!;
    return updateItemFieldsRequest(
      String(n + 1),
      ctx.siteId,
      actionsList,
      String(i.id),
      {
        PlannerPlanId: planId,
        PlannerBucketId: task.bucketId ?? '',
        PlannerTaskId: task.id ?? '',
        PlannerETag: task['@odata.etag'] ?? '',
        LastSyncedAt: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'),
      },
      i['@odata.etag'] ?? '',
    );
  });
  const updated = await runBatch<Record<string, unknown>>(ctx, admin, requests, 'linking actions to Planner tasks');
  // Keep the registry's eTags current: the link pass writes these items again with If-Match.
  unsynced.forEach((i, n) => {
    const ref = recall(ctx, 'actions', i.fields.Ref!);
    const eTag = updated.get(String(n + 1))?.['@odata.etag'];
    if (ref && typeof eTag === 'string') ref.eTag = eTag;
  });
  return missing.length;
}
