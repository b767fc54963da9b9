/**
 * The SMS group's plan "SMS Actions" and its buckets, read once per Graph client and group (a session, a job
 * run) and kept (the buckets only when a task is to be made): the plan and its buckets are made by provisioning and do not move. A caller that meets a 404
 * on the plan calls `forgetPlan` and reads it again.
 */
import type { GraphClient } from '../../../graph/core/client.js';
import { getBuckets, getGroupPlans } from '../../../graph/planner/planner.js';
import { PLANNER_PLAN_TITLE, type PlannerBucketName } from '../../../graph/schema/actions.js';

export interface ActionsPlan {
  readonly planId: string;
  /** Bucket ids by name. */
  readonly buckets: ReadonlyMap<string, string>;
}

/** The group has no plan "SMS Actions", or the plan lacks a bucket: provisioning has not run. */
export class PlanNotProvisionedError extends Error {
  override readonly name = 'PlanNotProvisionedError';
}

const plans = new WeakMap<GraphClient, Map<string, Promise<string>>>();
const cache = new WeakMap<GraphClient, Map<string, Promise<ActionsPlan>>>();

function memo<T>(store: WeakMap<GraphClient, Map<string, Promise<T>>>, client: GraphClient, groupId: string, read: () => Promise<T>): Promise<T> {
  let byGroup = store.get(client);
  if (!byGroup) store.set(client, (byGroup = new Map()));
  let hit = byGroup.get(groupId);
  if (!hit) {
    hit = read();
    byGroup.set(groupId, hit);
    hit.catch(() => byGroup.delete(groupId));
  }
  return hit;
}

const noGroup = () => new PlanNotProvisionedError('The SMS site has no Microsoft 365 group: actions cannot be projected to Planner.');

/** The id of the group's plan "SMS Actions" (one request the first time, none after). */
export function actionsPlanId(client: GraphClient, groupId: string | null, signal?: AbortSignal): Promise<string> {
  if (!groupId) return Promise.reject(noGroup());
  return memo(plans, client, groupId, async () => {
    const plan = (await getGroupPlans(client, groupId, signal)).find((p) => p.title === PLANNER_PLAN_TITLE);
    if (!plan?.id) throw new PlanNotProvisionedError(`The SMS group has no Planner plan '${PLANNER_PLAN_TITLE}'. Run provisioning.`);
    return plan.id;
  });
}

/** The plan of the group with its buckets (two requests the first time, none after). */
export function actionsPlan(client: GraphClient, groupId: string | null, signal?: AbortSignal): Promise<ActionsPlan> {
  if (!groupId) return Promise.reject(noGroup());
  return memo(cache, client, groupId, async () => {
    const planId = await actionsPlanId(client, groupId, signal);
    const buckets = new Map((await getBuckets(client, planId, signal)).filter((b) => b.id && b.name).map((b) => [b.name!, b.id!]));
    return { planId, buckets };
  });
}

/** Forgets the plan read for this client and group (after a 404 on it). */
export function forgetPlan(client: GraphClient, groupId: string | null): void {
  if (!groupId) return;
  cache.get(client)?.delete(groupId);
  plans.get(client)?.delete(groupId);
}

/** The id of a bucket of the plan; `PlanNotProvisionedError` when it is missing. */
export function bucketId(plan: ActionsPlan, name: PlannerBucketName): string {
  const id = plan.buckets.get(name);
  if (!id) throw new PlanNotProvisionedError(`The plan '${PLANNER_PLAN_TITLE}' has no bucket '${name}'. Run provisioning.`);
  return id;
}
