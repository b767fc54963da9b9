/**
 * An action both ways: a record of the `Actions` list → `ActionRow` (person columns as lower-case UPNs), and
 * an `ActionRow` → the Planner task it projects to (§5.7: `[REF] Title`, the bucket of its source type, the
 * assignee, the due date, the priority, the label of its type, progress 0/50/100, and details that link back).
 * `taskPatch` is the one comparison the sync and the edits use: it returns only what differs, so a task that
 * already agrees is never written.
 */
import type { PlannerTask } from '@microsoft/microsoft-graph-types';
import { plannerAssignment } from '../../../graph/planner/planner.js';
import type { PlannerLink } from '../../../graph/planner/references.js';
import {
  ACTION_PRIORITIES,
  ACTION_SOURCE_TYPES,
  ACTION_STATUSES,
  ACTION_TYPES,
  actions,
  appliedCategoriesFor,
  BUCKET_BY_SOURCE_TYPE,
  PERCENT_COMPLETE_BY_STATUS,
  PLANNER_PRIORITY_BY_PRIORITY,
  type PlannerBucketName,
} from '../../../graph/schema/actions.js';
import { siteDateInstant, siteDateOf } from '../clock.js';
import { actionLink, recordLink } from '../paths.js';
import type { PeopleDirectory } from '../people.js';
import { cell, type RegisterDefinition, type RegisterRecord } from '../registers/index.js';
import { isOverdue } from './domain.js';
import { REGISTER_BY_SOURCE_TYPE, type ActionRow, type ActionSourceType, type ActionStatus } from './types.js';

/** The columns of `Actions` the engine reads. */
export const ACTION_COLUMNS = [
  'Ref',
  'Title',
  'Status',
  'Owner',
  'ActionType',
  'SourceType',
  'SourceItemId',
  'SourceRef',
  'Description',
  'AssignedTo',
  'AssignedToUPN',
  'DueDate',
  'Priority',
  'CompletedOn',
  'NeedsVerification',
  'VerifiedBy',
  'VerifiedOn',
  'PlannerPlanId',
  'PlannerBucketId',
  'PlannerTaskId',
  'PlannerETag',
  'LastSyncedAt',
] as const;

const oneOf = <T extends string>(values: readonly T[], v: unknown, fallback: T): T => (values.includes(v as T) ? (v as T) : fallback);
const upnOf = (people: Pick<PeopleDirectory, 'byLookupId'>, lookupId: unknown): string | null => people.byLookupId(lookupId)?.id ?? null;

/** An `Actions` record as the engine's row; `today` (site calendar date) decides `overdue`. */
export function toActionRow(record: RegisterRecord, people: Pick<PeopleDirectory, 'byLookupId'>, today: string): ActionRow {
  const v = record.values;
  const status = oneOf(ACTION_STATUSES, v.Status, 'Not started');
  const sourceType = oneOf(ACTION_SOURCE_TYPES, v.SourceType, 'Other');
  const dueDate = cell.text(v.DueDate);
  const upn = cell.text(v.AssignedToUPN);
  return {
    id: record.id,
    eTag: record.eTag,
    webUrl: record.webUrl,
    ref: cell.text(v.Ref) ?? `ACT#${record.id}`,
    title: cell.text(v.Title) ?? '',
    actionType: oneOf(ACTION_TYPES, v.ActionType, 'Other'),
    sourceType,
    sourceItemId: cell.number(v.SourceItemId),
    sourceRef: cell.text(v.SourceRef),
    sourceRegister: REGISTER_BY_SOURCE_TYPE[sourceType] ?? null,
    description: cell.text(v.Description),
    assigneeId: upn ? upn.toLowerCase() : upnOf(people, v.AssignedTo),
    ownerId: upnOf(people, v.Owner),
    dueDate,
    priority: oneOf(ACTION_PRIORITIES, v.Priority, 'Medium'),
    status,
    completedOn: cell.text(v.CompletedOn),
    needsVerification: cell.boolean(v.NeedsVerification) ?? false,
    verifiedById: upnOf(people, v.VerifiedBy),
    verifiedOn: cell.text(v.VerifiedOn),
    plannerTaskId: cell.text(v.PlannerTaskId),
    plannerPlanId: cell.text(v.PlannerPlanId),
    plannerETag: cell.text(v.PlannerETag),
    lastSyncedAt: cell.text(v.LastSyncedAt),
    overdue: isOverdue({ status, dueDate }, today),
  };
}

/** The register definition the engine reads `Actions` with. */
export function actionsDefinition(listId: string, people: Pick<PeopleDirectory, 'byLookupId'>, today: string): RegisterDefinition<ActionRow> {
  return { schema: actions, list: listId, columns: ACTION_COLUMNS, toRow: (r) => toActionRow(r, people, today) };
}

/** Planner task title of an action: `[ACT-0142] Block "Implement" …`. */
export const taskTitle = (row: Pick<ActionRow, 'ref' | 'title'>): string => `[${row.ref}] ${row.title}`;

/** The Ref a task title starts with (`[ACT-0142] …` → `ACT-0142`), or null. */
export function refOfTaskTitle(title: string | null | undefined): string | null {
  return /^\[([^\]\s]+)\]/.exec(title ?? '')?.[1] ?? null;
}

/** The bucket an action's task goes in. */
export const bucketOf = (sourceType: ActionSourceType): PlannerBucketName => BUCKET_BY_SOURCE_TYPE[sourceType];

/** An action's due date as Planner's `dueDateTime`: 17:00 on that day on the site's clock. */
export function dueDateTimeOf(dueDate: string | null, timeZone: string): string | null {
  if (!dueDate) return null;
  return new Date(siteDateInstant(dueDate, timeZone).getTime() + 17 * 3_600_000).toISOString();
}

/** Whether Planner's progress agrees with the status: 0 ↔ Not started, 1–99 ↔ In progress / Blocked, 100 ↔ done. */
export function progressAgrees(status: ActionStatus, percentComplete: number): boolean {
  const wanted = PERCENT_COMPLETE_BY_STATUS[status];
  if (wanted === 50) return percentComplete > 0 && percentComplete < 100;
  return percentComplete === wanted;
}

/** What the task of an action holds when SharePoint (the master) and Planner agree. */
export interface DesiredTask {
  readonly title: string;
  /** Entra id of the assignee, null when the action has none (or they are not in the directory). */
  readonly assigneeUserId: string | null;
  readonly dueDate: string | null;
  readonly priority: number;
  readonly appliedCategories: Record<string, boolean>;
  readonly status: ActionStatus;
}

export function desiredTask(row: ActionRow, people: Pick<PeopleDirectory, 'byId'>): DesiredTask {
  return {
    title: taskTitle(row),
    assigneeUserId: people.byId(row.assigneeId)?.userId ?? null,
    dueDate: row.dueDate,
    priority: PLANNER_PRIORITY_BY_PRIORITY[row.priority],
    appliedCategories: appliedCategoriesFor(row.actionType),
    status: row.status,
  };
}

/**
 * The PATCH that makes `task` agree with `want` (SharePoint master for title, assignee, due date, priority and
 * label; progress only when Planner's cannot stand, e.g. a Verified action's task reopened), or null when it
 * already does. Due dates compare as site calendar dates, so a task due at another hour of the same day is left.
 */
export function taskPatch(task: PlannerTask, want: DesiredTask, timeZone: string): Record<string, unknown> | null {
  const patch: Record<string, unknown> = {};
  if ((task.title ?? '') !== want.title) patch.title = want.title;
  const assigned = Object.keys(task.assignments ?? {}).filter((k) => !k.startsWith('@odata.') && (task.assignments as Record<string, unknown>)[k]);
  const assignments: Record<string, unknown> = {};
  for (const id of assigned) if (id !== want.assigneeUserId) assignments[id] = null;
  if (want.assigneeUserId && !assigned.includes(want.assigneeUserId)) assignments[want.assigneeUserId] = plannerAssignment();
  if (Object.keys(assignments).length) patch.assignments = assignments;
  const dueNow = task.dueDateTime ? siteDateOf(task.dueDateTime, timeZone) : null;
  if (dueNow !== want.dueDate) patch.dueDateTime = dueDateTimeOf(want.dueDate, timeZone);
  if ((task.priority ?? 5) !== want.priority) patch.priority = want.priority;
  const applied = (task.appliedCategories ?? {}) as Record<string, unknown>;
  const categories: Record<string, boolean> = {};
  for (const [c, on] of Object.entries(want.appliedCategories)) if ((applied[c] === true) !== on) categories[c] = on;
  if (Object.keys(categories).length) patch.appliedCategories = categories;
  if (!progressAgrees(want.status, task.percentComplete ?? 0)) patch.percentComplete = PERCENT_COMPLETE_BY_STATUS[want.status];
  return Object.keys(patch).length ? patch : null;
}

/** A new task's body: the whole desired state in the bucket of its source. */
export function newTaskBody(want: DesiredTask, planId: string, bucketId: string, timeZone: string): PlannerTask & { planId: string; title: string } {
  return {
    planId,
    bucketId,
    title: want.title,
    assignments: want.assigneeUserId ? { [want.assigneeUserId]: plannerAssignment() } : {},
    ...(want.dueDate ? { dueDateTime: dueDateTimeOf(want.dueDate, timeZone)! } : {}),
    percentComplete: PERCENT_COMPLETE_BY_STATUS[want.status],
    priority: want.priority,
    appliedCategories: want.appliedCategories,
  } as PlannerTask & { planId: string; title: string };
}

/** The task's notes: the action's description and where it comes from. */
export function taskDescription(row: ActionRow): string {
  const source = row.sourceRef ? `Source: ${row.sourceRef}. ` : '';
  return `${row.description ? `${row.description}\n\n` : ''}${source}This task mirrors the SMS action ${row.ref} (system of record: the Actions list on the SMS site).`;
}

/** Links on the task: the action's page in the app, and its source record when it lives in a register. */
export function taskLinks(row: ActionRow, appOrigin: string): PlannerLink[] {
  const links: PlannerLink[] = [{ url: actionLink(appOrigin, row.ref), alias: `${row.ref} in the SMS app` }];
  if (row.sourceRegister && row.sourceItemId !== null && row.sourceRef) links.push({ url: recordLink(appOrigin, row.sourceRegister, row.sourceItemId), alias: `${row.sourceRef} (source)` });
  return links;
}
