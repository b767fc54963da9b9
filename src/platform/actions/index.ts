/**
 * The actions engine (domain §5.4 Action, §5.7 Planner): read actions by one indexed column, raise one with its
 * Planner task exactly once, change and move it with SharePoint as the master, and sync it with Planner both
 * ways (progress from Planner; title, assignee, due date, priority and label to Planner) cheaply and idempotently.
 */
export * from './types.js';
export { isOverdue, byOverdueFirst, OPEN_ACTION_STATUSES, type Refusal } from './domain.js';
export { ACTION_COLUMNS, actionsDefinition, taskTitle, toActionRow } from './mapping.js';
export { loadActionByRef, loadActionsOfSource, loadMyActions, loadOwnedActions } from './read.js';
export { ActionRefusedError, checkAssignable, ensurePlannerTask, raiseAction, type RaiseActionInput } from './raise.js';
export { changeAction, transitionAction, type ActionChanges } from './change.js';
export { advanceSources, syncActions, SYNCED_STATUSES, type SyncReport, type SyncScope } from './sync.js';
export { PlanNotProvisionedError } from './plannerPlan.js';
