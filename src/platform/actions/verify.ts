/**
 * The action checks of `npm run verify` (issue 12; domain §6.3), from what the servers stamped:
 * - an action moved to Verified by its assignee (the verifier is never the assignee);
 * - an action that stands Completed (or Verified) although neither the version that wrote the completion was
 *   written by its assignee nor the Planner task's server-stamped `completedBy` is the assignee. Planner sets
 *   `completedBy` from the token of whoever set `percentComplete` to 100 (plannerTask resource), so a completion the
 *   sync copied from Planner counts by the task, one the assignee wrote in the app counts by the item version.
 * Also gives the register checks the assignees of each nonconformity's actions (src/platform/registers/verify.ts).
 */
import type { GraphClient } from '../../../graph/core/client.js';
import { GraphError } from '../../../graph/core/errors.js';
import { getPlanTasks } from '../../../graph/planner/planner.js';
import { actions as actionsSchema } from '../../../graph/schema/actions.js';
import type { PeopleDirectory } from '../people.js';
import {
  describeRegisterFinding,
  entering,
  historiesOf,
  personOfDirectory,
  verifyRegisters,
  type HistorySite,
  type ItemHistory,
  type PersonOf,
  type RegisterFinding,
} from '../registers/verify.js';
import { stampedName, stampedPersonId, type StampedIdentity } from '../stamps.js';

export type ActionFinding =
  | { readonly kind: 'actionVerifiedByAssignee'; readonly ref: string; readonly version: string; readonly assignee: string }
  | {
      readonly kind: 'actionCompletedNotByAssignee';
      readonly ref: string;
      readonly version: string;
      readonly status: string;
      readonly writtenBy: string;
      readonly assignee: string | null;
      /** Who Planner says completed the task, or null when the task is not complete (or there is none). */
      readonly taskCompletedBy: string | null;
    };

/** The Planner task of an action as the check needs it. */
export interface TaskCompletion {
  /** `completedBy` as a person id (lower-case UPN), null for nobody, an app or someone unknown. */
  readonly completedById: string | null;
  /** `completedBy` as the output names it, null when the task is not complete. */
  readonly completedBy: string | null;
}

const last = <T>(xs: readonly T[]): T | undefined => xs[xs.length - 1];

/** The findings of one action (its versions oldest first; `task`: its Planner task, null when it has none). */
export function actionFindings(action: ItemHistory, task: TaskCompletion | null, personOf: PersonOf): ActionFinding[] {
  const out: ActionFinding[] = [];
  for (const { step } of entering(action, 'Status', ['Verified'])) {
    const assignee = personOf(step.fields, 'AssignedTo');
    if (assignee !== null && step.writerId === assignee) out.push({ kind: 'actionVerifiedByAssignee', ref: action.ref, version: step.label, assignee });
  }
  // The completion that stands: the last move to Completed (or straight to Verified, skipping Completed), when the
  // action is still Completed or Verified. An earlier completion that was reopened no longer counts for anything.
  const current = last(action.versions)?.fields.Status;
  if (current !== 'Completed' && current !== 'Verified') return out;
  const completion = last(entering(action, 'Status', ['Completed', 'Verified']).filter((e) => e.value === 'Completed' || e.previous?.fields.Status !== 'Completed'));
  if (!completion) return out;
  const { step } = completion;
  const assignee = personOf(step.fields, 'AssignedTo');
  const byVersion = assignee !== null && step.writerId === assignee;
  const byTask = assignee !== null && task?.completedById === assignee;
  if (!byVersion && !byTask) {
    out.push({ kind: 'actionCompletedNotByAssignee', ref: action.ref, version: step.label, status: completion.value, writtenBy: step.writer, assignee, taskCompletedBy: task?.completedBy ?? null });
  }
  return out;
}

/** One line of `npm run verify` output for an action finding. */
export function describeActionFinding(f: ActionFinding): string {
  switch (f.kind) {
    case 'actionVerifiedByAssignee':
      return `${f.ref} (version ${f.version}): verified by its assignee ${f.assignee} (the verifier must not be the assignee)`;
    case 'actionCompletedNotByAssignee':
      return (
        `${f.ref} (version ${f.version}): marked ${f.status} by ${f.writtenBy}, not by its assignee ${f.assignee ?? '(nobody assigned)'}, ` +
        (f.taskCompletedBy ? `and its Planner task was completed by ${f.taskCompletedBy}` : 'and its Planner task is not complete')
      );
  }
}

/** The Planner tasks of the plans the actions name, by task id (none when Planner cannot be read: 403/404). */
async function plannerTasks(client: GraphClient, planIds: ReadonlySet<string>, signal?: AbortSignal): Promise<Map<string, { completedBy?: StampedIdentity | null; percentComplete?: number | null }>> {
  const out = new Map<string, { completedBy?: StampedIdentity | null; percentComplete?: number | null }>();
  for (const planId of planIds) {
    try {
      for (const t of await getPlanTasks(client, planId, signal)) if (t.id) out.set(t.id, { completedBy: t.completedBy as StampedIdentity | null, percentComplete: t.percentComplete });
    } catch (e) {
      if (!(e instanceof GraphError && (e.status === 403 || e.status === 404))) throw e;
    }
  }
  return out;
}

export type RegisterOrActionFinding = RegisterFinding | ActionFinding;

/** The register and action findings of the site (the Actions list, its versions and the plans' tasks read once). */
export async function verifyRegistersAndActions(
  client: GraphClient,
  site: HistorySite,
  people: Pick<PeopleDirectory, 'people' | 'byId' | 'byLookupId'>,
  signal?: AbortSignal,
): Promise<RegisterOrActionFinding[]> {
  const personOf = personOfDirectory(people);
  const actions = await historiesOf(client, site, actionsSchema.key, people, signal);
  const assignees = new Map<string, Set<string>>();
  const planIds = new Set<string>();
  for (const a of actions) {
    const now = last(a.versions)?.fields ?? {};
    if (now.PlannerPlanId && (now.Status === 'Completed' || now.Status === 'Verified')) planIds.add(String(now.PlannerPlanId));
    const assignee = personOf(now, 'AssignedTo');
    if (now.SourceType !== 'Nonconformity' || now.SourceItemId == null || now.Status === 'Cancelled' || !assignee) continue;
    const key = String(now.SourceItemId);
    assignees.set(key, (assignees.get(key) ?? new Set()).add(assignee));
  }
  const [registerFindings, tasks] = await Promise.all([verifyRegisters(client, site, people, assignees, signal), plannerTasks(client, planIds, signal)]);
  const actionResults = actions.flatMap((a) => {
    const taskId = last(a.versions)?.fields.PlannerTaskId;
    const task = typeof taskId === 'string' && taskId ? tasks.get(taskId) : undefined;
    const done = task && task.percentComplete === 100 && task.completedBy;
    const completion: TaskCompletion | null = task ? { completedById: done ? stampedPersonId(task.completedBy, people) : null, completedBy: done ? stampedName(task.completedBy, people) : null } : null;
    return actionFindings(a, completion, personOf);
  });
  return [...registerFindings, ...actionResults];
}

/** One line of `npm run verify` output for a register or action finding. */
export function describeRegisterOrActionFinding(f: RegisterOrActionFinding): string {
  return f.kind === 'actionVerifiedByAssignee' || f.kind === 'actionCompletedNotByAssignee' ? describeActionFinding(f) : describeRegisterFinding(f);
}
