/**
 * The `Actions` list (domain §5.4 "CorrectiveAction and Action") and its projection onto the
 * basic Planner plan "SMS Actions" (§5.7). SharePoint is the system of record; Planner shows it.
 */
import {
  choice,
  dateOnly,
  dateTime,
  note,
  number,
  person,
  registerColumns,
  text,
  yesNo,
} from './columns.js';
import { tr } from './lifecycle.js';
import type { SmsListSchema } from './types.js';

export const ACTION_TYPES = [
  'Correction',
  'Corrective action',
  'Risk treatment',
  'Improvement task',
  'Audit follow-up',
  'Management review output',
  'Objective plan step',
  'Document review',
  'Supplier follow-up',
  'Continuity follow-up',
  'Other',
] as const;
export type ActionType = (typeof ACTION_TYPES)[number];

/**
 * What an Action belongs to (polymorphic link, §5.1: SourceType + SourceItemId + SourceRef, all
 * indexed, instead of one lookup per source). Values are the entity names of §5.
 */
export const ACTION_SOURCE_TYPES = [
  'Nonconformity',
  'Complaint',
  'Risk',
  'Objective',
  'Improvement',
  'Audit',
  'AuditFinding',
  'ManagementReview',
  'ReviewOutput',
  'ControlledDocument',
  'SupplierReview',
  'ContinuityTest',
  'Other',
] as const;
export type ActionSourceType = (typeof ACTION_SOURCE_TYPES)[number];

export const ACTION_STATUSES = ['Not started', 'In progress', 'Blocked', 'Completed', 'Verified', 'Cancelled'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const ACTION_PRIORITIES = ['Urgent', 'Important', 'Medium', 'Low'] as const;
export type ActionPriority = (typeof ACTION_PRIORITIES)[number];

export const actions: SmsListSchema = {
  key: 'actions',
  displayName: 'Actions',
  template: 'genericList',
  kind: 'register',
  entity: 'Action',
  clauses: ['10.1', '10.2', '6.1', '6.2.2', '9.3'],
  description:
    'Every tracked task of the SMS (corrections, corrective actions, risk treatments, review outputs, ...). A CorrectiveAction is an Action with ActionType Correction / Corrective action and SourceType Nonconformity. Projected to Planner "SMS Actions". Overdue is derived (DueDate < today and not Completed/Verified/Cancelled), never stored.',
  large: true,
  refPrefix: 'ACT',
  refFormat: { yearly: false, digits: 4 },
  statuses: ACTION_STATUSES,
  transitions: [
    ...tr('Not started', 'In progress', 'Assignee', 'Planner 0 → 50 %'),
    ...tr('In progress', 'Completed', 'Assignee', 'Planner 50 → 100 %'),
    ...tr('In progress', 'Blocked', 'Assignee', 'Reason required'),
    ...tr('Blocked', 'In progress', 'Assignee'),
    ...tr('Completed', 'Verified', 'Verifier', 'Verifier is not the assignee; only when NeedsVerification'),
    ...tr('Completed', 'In progress', 'Verifier', 'Evidence rejected'),
    ...tr(['Not started', 'In progress', 'Blocked'], 'Cancelled', 'SMS manager or source owner', 'Reason required'),
  ],
  compoundIndexes: [
    ['AssignedToUPN', 'Status'],
    ['SourceType', 'SourceItemId'],
  ],
  columns: [
    ...registerColumns({ statuses: ACTION_STATUSES }),
    choice('ActionType', ACTION_TYPES, { indexed: true, required: true }),
    choice('SourceType', ACTION_SOURCE_TYPES, { indexed: true, required: true }),
    number('SourceItemId', { displayName: 'Source item ID', indexed: true }),
    text('SourceRef', { indexed: true }),
    note('Description'),
    person('AssignedTo', { indexed: true }),
    text('AssignedToUPN', { indexed: true, description: 'UPN of AssignedTo: filterable without the site-specific LookupId.' }),
    person('Accountable'),
    dateOnly('DueDate', { indexed: true, description: 'Changes after creation are logged with a reason.' }),
    choice('Priority', ACTION_PRIORITIES, { default: 'Medium' }),
    dateOnly('CompletedOn'),
    note('EvidenceLinks'),
    yesNo('NeedsVerification', { description: 'Yes by default for corrective actions (set by the app).' }),
    person('VerifiedBy'),
    dateOnly('VerifiedOn'),
    text('PlannerPlanId', { displayName: 'Planner plan ID' }),
    text('PlannerBucketId', { displayName: 'Planner bucket ID' }),
    text('PlannerTaskId', { displayName: 'Planner task ID', indexed: true }),
    text('PlannerETag', { displayName: 'Planner ETag' }),
    dateTime('LastSyncedAt'),
    text('CalendarEventId'),
  ],
};

// ---------- Planner projection (§5.7) ----------

/** Title of the basic Planner plan in the SMS group. */
export const PLANNER_PLAN_TITLE = 'SMS Actions';

/** The plan's buckets, in board order. */
export const PLANNER_BUCKETS = [
  'Corrective actions',
  'Audit follow-up',
  'Management review',
  'Risk treatment',
  'Objectives',
  'Document reviews',
  'Improvements',
] as const;
export type PlannerBucketName = (typeof PLANNER_BUCKETS)[number];

/**
 * SourceType → bucket (SharePoint → Planner). §5.7 names the buckets but not every source:
 * complaints sit with corrective actions, continuity tests with risk treatment, supplier reviews
 * and other sources with improvements.
 */
export const BUCKET_BY_SOURCE_TYPE: Readonly<Record<ActionSourceType, PlannerBucketName>> = {
  Nonconformity: 'Corrective actions',
  Complaint: 'Corrective actions',
  Audit: 'Audit follow-up',
  AuditFinding: 'Audit follow-up',
  ManagementReview: 'Management review',
  ReviewOutput: 'Management review',
  Risk: 'Risk treatment',
  ContinuityTest: 'Risk treatment',
  Objective: 'Objectives',
  ControlledDocument: 'Document reviews',
  Improvement: 'Improvements',
  SupplierReview: 'Improvements',
  Other: 'Improvements',
};

/** Planner's six classic labels (plannerAppliedCategories category1…category6). */
export const PLANNER_CATEGORIES = ['category1', 'category2', 'category3', 'category4', 'category5', 'category6'] as const;
export type PlannerCategory = (typeof PLANNER_CATEGORIES)[number];

/** Label text for the plan's categoryDescriptions (plannerPlanDetails). */
export const PLANNER_CATEGORY_LABELS: Readonly<Record<PlannerCategory, string>> = {
  category1: 'Correction',
  category2: 'Corrective action',
  category3: 'Risk treatment',
  category4: 'Improvement / objective',
  category5: 'Audit / review follow-up',
  category6: 'Other follow-up',
};

/**
 * ActionType → the one Planner category applied to the task. Only category1…category6 are used,
 * "for compatibility" (§5.7): eleven action types share six labels.
 */
export const CATEGORY_BY_ACTION_TYPE: Readonly<Record<ActionType, PlannerCategory>> = {
  Correction: 'category1',
  'Corrective action': 'category2',
  'Risk treatment': 'category3',
  'Improvement task': 'category4',
  'Objective plan step': 'category4',
  'Audit follow-up': 'category5',
  'Management review output': 'category5',
  'Document review': 'category5',
  'Supplier follow-up': 'category6',
  'Continuity follow-up': 'category6',
  Other: 'category6',
};

/**
 * The `appliedCategories` value for a task of this ActionType: the category is `true`, the other
 * five are `false` so a PATCH also removes a label left from a previous type.
 */
export function appliedCategoriesFor(actionType: ActionType): Record<PlannerCategory, boolean> {
  const chosen = CATEGORY_BY_ACTION_TYPE[actionType];
  return Object.fromEntries(PLANNER_CATEGORIES.map((c) => [c, c === chosen])) as Record<PlannerCategory, boolean>;
}

/**
 * Status → Planner `percentComplete` (SharePoint → Planner): 0 / 50 / 100. Verified and Cancelled
 * exist only in SharePoint; both show as 100 (done) in Planner so they leave people's open tasks.
 */
export const PERCENT_COMPLETE_BY_STATUS: Readonly<Record<ActionStatus, 0 | 50 | 100>> = {
  'Not started': 0,
  'In progress': 50,
  Blocked: 50,
  Completed: 100,
  Verified: 100,
  Cancelled: 100,
};

/**
 * Planner progress → Action status (Planner → SharePoint, progress only). Returns the current
 * status when Planner's value already agrees with it (Blocked stays Blocked at 50, Verified and
 * Cancelled stay as they are at 100), otherwise 0 → Not started, 1–99 → In progress,
 * 100 → Completed. Whether the change is allowed is the lifecycle's business, not this mapping's.
 */
export function statusFromPercentComplete(percentComplete: number, current: ActionStatus): ActionStatus {
  if (PERCENT_COMPLETE_BY_STATUS[current] === percentComplete) return current;
  if (percentComplete >= 100) return 'Completed';
  if (percentComplete <= 0) return 'Not started';
  return 'In progress';
}

/** Priority → the value Planner itself sets for that label: 1 urgent, 3 important, 5 medium, 9 low. */
export const PLANNER_PRIORITY_BY_PRIORITY: Readonly<Record<ActionPriority, number>> = {
  Urgent: 1,
  Important: 3,
  Medium: 5,
  Low: 9,
};

/**
 * Planner priority (0–10) → Priority, with Planner's own reading of the range: 0–1 urgent,
 * 2–4 important, 5–7 medium, 8–10 low (plannerTask.priority).
 */
export function priorityFromPlanner(priority: number): ActionPriority {
  if (priority <= 1) return 'Urgent';
  if (priority <= 4) return 'Important';
  if (priority <= 7) return 'Medium';
  return 'Low';
}
