/**
 * Where an action leads: its page in the app, its source record, and where its task is in Planner.
 *
 * Planner task link: Microsoft Graph's `plannerTask` has no web address, and Microsoft Learn documents no
 * address format for opening one Planner task (searched: the Planner API overview
 * https://learn.microsoft.com/graph/planner-concept-overview and the Teams deep-link pages
 * https://learn.microsoft.com/microsoftteams/platform/concepts/build-and-test/deep-link-workflow list none).
 * So no task URL is made up: the action page is the link, and it names the task's plan, bucket and id, which
 * is how anyone finds the task in Planner or in the Teams Planner tab.
 */
import { BUCKET_BY_SOURCE_TYPE, PLANNER_PLAN_TITLE, type PlannerBucketName } from '../../../../graph/schema/actions.js';
import type { ActionRow } from '../../../platform/actions/types.js';
import { actionPath, documentPath, recordPath } from '../../../platform/paths.js';

/** The app's page of the action (`/actions/ACT-0142`). */
export const actionPagePath = (row: Pick<ActionRow, 'ref'>): string => actionPath(row.ref);

/**
 * The page of the record the action was raised from: a controlled document's page for a document review,
 * the register record (`/registers/<register>/<item>`) otherwise; null when the source is not a record.
 */
export function sourcePathOf(row: Pick<ActionRow, 'sourceRegister' | 'sourceItemId' | 'sourceRef'>): string | null {
  if (row.sourceRegister === 'smsDocuments') return row.sourceRef ? documentPath(row.sourceRef) : null;
  if (row.sourceRegister && row.sourceItemId !== null) return recordPath(row.sourceRegister, row.sourceItemId);
  return null;
}

/** Where the action's task is: plan "SMS Actions", the bucket of its source type, and the task id (null: no task yet). */
export interface PlannerLocation {
  readonly plan: string;
  readonly bucket: PlannerBucketName;
  readonly taskId: string | null;
}

export const plannerLocationOf = (row: Pick<ActionRow, 'sourceType' | 'plannerTaskId'>): PlannerLocation => ({
  plan: PLANNER_PLAN_TITLE,
  bucket: BUCKET_BY_SOURCE_TYPE[row.sourceType],
  taskId: row.plannerTaskId,
});
