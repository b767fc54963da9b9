import type { Db } from '../store/db.js';
import type { Emu } from '../emu.js';
import { plannerId } from '../core/ids.js';
import { findGroup, findUser, isMember } from './directory.js';
import {
  deleteObject, insertObject, listObjects as list, load, saveObject, syncAssignees,
  type BucketBody, type PlanBody, type Stored, type TaskBody, type TaskDetailsBody, type PreviewType,
} from './plannerStore.js';
import {
  PLANNER_LIMITS, CATEGORY, GUID,
  appendHint, assertMember, checkAssigneeLimits, checkIfMatch, checkPlansInGroupLimit, checkPlanTaskLimits, containerGroupId,
  decodeReferenceKey, derivedFromDetails, hintsOf, identity, intIn, invalid, isObject, iso, dateOrNull, limitExceeded, plannerError,
  plannerNotFound, previewType, rejectUnknown, requireBucket, requireIfMatch, requireMap, requireODataType, requirePlan,
  requirePlanDetails, requireString, requireTask, requireTaskDetails, resolveOrderHint,
  type Caller, type Json,
} from './plannerRules.js';

/**
 * Microsoft Planner: plans contained by groups, their details, buckets, tasks and task details. This module holds
 * the operations (one per Graph request); the tables are in plannerStore.ts, the shared rules (limits, order
 * hints, If-Match, validators) in plannerRules.ts, and the Graph JSON in plannerPresent.ts.
 *
 * Behaviour follows https://learn.microsoft.com/graph/api/resources/planner-overview :
 * - every object carries an opaque `@odata.etag`; later versions compare greater (ordinal) than earlier
 *   ones of the same object;
 * - PATCH/DELETE need `If-Match`. A change based on an older version is accepted unless it touches
 *   something changed since (then 409); an ETag that is not a version of the object is 412;
 * - only members of the containing group may read or write a plan and everything in it;
 * - service limits answer 403 with the limit's name as the error code.
 *
 * Planner's own errors carry an empty `code` (as the service returns them); clients branch on the status.
 */

// ---------------------------------------------------------------------------------------------------------------
// Plans

/** POST /planner/plans: the caller must be a member of the containing group. */
export function createPlan(emu: Emu, caller: Caller, body: Json): Stored<'plan'> {
  const { db } = emu;
  rejectUnknown(body, ['container', 'title', 'owner'], 'plan');
  const { groupId, url } = containerGroupId(body);
  const title = requireString(body.title, 'title');
  if (!findGroup(db, groupId)) throw plannerNotFound();
  assertMember(db, groupId, caller);
  return db.transaction(() => {
    checkPlansInGroupLimit(db, groupId);
    const id = plannerId();
    const plan: PlanBody = {
      id,
      title,
      owner: groupId,
      createdDateTime: iso(emu.now()),
      createdBy: identity(caller),
      container: { containerId: groupId, type: 'group', url: url ?? `https://graph.microsoft.com/v1.0/groups/${groupId}` },
    };
    const at = { planId: id, groupId, createdBy: caller.userId };
    const stored = insertObject(db, 'plan', plan, at);
    insertObject(db, 'planDetails', { id, sharedWith: {}, categoryDescriptions: {} }, at);
    return stored;
  })();
}

/** GET /groups/{id}/planner/plans */
export function plansOfGroup(db: Db, groupId: string, caller: Caller): Stored<'plan'>[] {
  if (!findGroup(db, groupId)) throw plannerNotFound();
  assertMember(db, groupId, caller);
  return list(db, 'plan', 'group_id', groupId);
}

/** PATCH /planner/plans/{id}: only the title can change; the container is fixed once set. */
export function updatePlan(db: Db, caller: Caller, id: string, body: Json, ifMatch: string | null): Stored<'plan'> {
  const plan = requirePlan(db, id, caller);
  if (ifMatch === null) throw requireIfMatch();
  if ('container' in body || 'owner' in body) throw invalid("The plan's container can't be updated after it's set.");
  rejectUnknown(body, ['title'], 'plan');
  const touched: string[] = [];
  if ('title' in body) {
    plan.body.title = requireString(body.title, 'title');
    touched.push('title');
  }
  return db.transaction(() => {
    checkIfMatch(db, plan, ifMatch, touched);
    return saveObject(db, plan, touched);
  })();
}

/** DELETE /planner/plans/{id}: removes its details, buckets and tasks too. */
export function deletePlan(db: Db, caller: Caller, id: string, ifMatch: string | null): void {
  const plan = requirePlan(db, id, caller);
  db.transaction(() => {
    checkIfMatch(db, plan, ifMatch, 'all');
    for (const t of list(db, 'task', 'plan_id', id)) removeTask(db, t.id);
    for (const b of list(db, 'bucket', 'plan_id', id)) deleteObject(db, 'bucket', b.id);
    deleteObject(db, 'planDetails', id);
    deleteObject(db, 'plan', id);
  })();
}

/** PATCH /planner/plans/{id}/details: categoryDescriptions (category1..category25) and sharedWith. */
export function updatePlanDetails(db: Db, caller: Caller, id: string, body: Json, ifMatch: string | null): Stored<'planDetails'> {
  const details = requirePlanDetails(db, id, caller);
  if (ifMatch === null) throw requireIfMatch();
  rejectUnknown(body, ['categoryDescriptions', 'sharedWith'], 'plan details');
  const touched: string[] = [];
  if ('categoryDescriptions' in body) {
    for (const [k, v] of Object.entries(requireMap(body.categoryDescriptions, 'categoryDescriptions'))) {
      if (k.startsWith('@odata.')) continue;
      if (!CATEGORY.test(k)) throw invalid(`'${k}' is not a category; use category1 to category25.`);
      if (v === null || v === '') delete details.body.categoryDescriptions[k];
      else details.body.categoryDescriptions[k] = requireString(v, `categoryDescriptions.${k}`);
      touched.push(`categoryDescriptions/${k}`);
    }
  }
  if ('sharedWith' in body) {
    for (const [k, v] of Object.entries(requireMap(body.sharedWith, 'sharedWith'))) {
      if (k.startsWith('@odata.')) continue;
      if (!findUser(db, k) || !GUID.test(k)) throw invalid(`'${k}' is not the id of a user.`);
      if (v === true) details.body.sharedWith[k] = true;
      else if (v === false || v === null) delete details.body.sharedWith[k];
      else throw invalid(`The value of 'sharedWith.${k}' must be true or false.`);
      touched.push(`sharedWith/${k}`);
    }
  }
  return db.transaction(() => {
    checkIfMatch(db, details, ifMatch, touched);
    return saveObject(db, details, touched);
  })();
}


// ---------------------------------------------------------------------------------------------------------------
// Buckets

/** POST /planner/buckets */
export function createBucket(db: Db, caller: Caller, body: Json): Stored<'bucket'> {
  rejectUnknown(body, ['name', 'planId', 'orderHint'], 'bucket');
  const name = requireString(body.name, 'name');
  const plan = requirePlan(db, requireString(body.planId, 'planId'), caller);
  return db.transaction(() => {
    const siblings = list(db, 'bucket', 'plan_id', plan.id);
    if (siblings.length >= PLANNER_LIMITS.bucketsInPlan) {
      throw limitExceeded('MaximumBucketsInProject', 'The maximum number of buckets in the plan has been reached.');
    }
    const hints = hintsOf(siblings, 'orderHint');
    const orderHint = body.orderHint === undefined || body.orderHint === null ? appendHint(hints) : resolveOrderHint(body.orderHint, hints, 'orderHint');
    const bucket: BucketBody = { id: plannerId(), name, planId: plan.id, orderHint };
    return insertObject(db, 'bucket', bucket, { planId: plan.id, groupId: plan.groupId, createdBy: caller.userId });
  })();
}

/** PATCH /planner/buckets/{id}: name and orderHint. */
export function updateBucket(db: Db, caller: Caller, id: string, body: Json, ifMatch: string | null): Stored<'bucket'> {
  const bucket = requireBucket(db, id, caller);
  if (ifMatch === null) throw requireIfMatch();
  rejectUnknown(body, ['name', 'orderHint'], 'bucket');
  const touched: string[] = [];
  if ('name' in body) {
    bucket.body.name = requireString(body.name, 'name');
    touched.push('name');
  }
  if ('orderHint' in body) {
    bucket.body.orderHint = resolveOrderHint(body.orderHint, hintsOf(list(db, 'bucket', 'plan_id', bucket.planId), 'orderHint', id), 'orderHint');
    touched.push('orderHint');
  }
  return db.transaction(() => {
    checkIfMatch(db, bucket, ifMatch, touched);
    return saveObject(db, bucket, touched);
  })();
}

/** DELETE /planner/buckets/{id}: the tasks in the bucket go with it. */
export function deleteBucket(db: Db, caller: Caller, id: string, ifMatch: string | null): void {
  const bucket = requireBucket(db, id, caller);
  db.transaction(() => {
    checkIfMatch(db, bucket, ifMatch, 'all');
    for (const t of list(db, 'task', 'bucket_id', id)) removeTask(db, t.id);
    deleteObject(db, 'bucket', id);
  })();
}

export const bucketsOfPlan = (db: Db, planId: string, caller: Caller) => list(db, 'bucket', 'plan_id', requirePlan(db, planId, caller).id);

// ---------------------------------------------------------------------------------------------------------------
// Tasks

const TASK_WRITABLE = [
  'title', 'bucketId', 'orderHint', 'assigneePriority', 'percentComplete', 'priority', 'startDateTime', 'dueDateTime',
  'conversationThreadId', 'previewType', 'appliedCategories', 'assignments',
] as const;

interface TaskChange {
  touched: string[];
  /** Users newly assigned by this change (for the per-user limit). */
  added: string[];
  previewType?: PreviewType;
}


/** Applies the writable task properties in `body` to `task` (validating each) and reports what they touched. */
function applyTaskChanges(emu: Emu, caller: Caller, task: Stored<'task'>, body: Json): TaskChange {
  const { db } = emu;
  const t = task.body;
  const change: TaskChange = { touched: [], added: [] };
  const tasksInPlan = () => list(db, 'task', 'plan_id', task.planId);
  for (const [k, v] of Object.entries(body)) {
    if (k.startsWith('@odata.')) continue;
    switch (k) {
      case 'title':
        t.title = requireString(v, 'title');
        break;
      case 'bucketId':
        t.bucketId = v === null ? null : bucketInPlan(db, requireString(v, 'bucketId'), task.planId);
        break;
      case 'orderHint':
        t.orderHint = resolveOrderHint(v, hintsOf(tasksInPlan(), 'orderHint', t.id), 'orderHint');
        break;
      case 'assigneePriority':
        t.assigneePriority = v === '' ? '' : resolveOrderHint(v, hintsOf(tasksInPlan(), 'assigneePriority', t.id), 'assigneePriority');
        break;
      case 'percentComplete':
        setPercentComplete(emu, caller, t, intIn(v, 'percentComplete', 0, 100), change);
        break;
      case 'priority':
        t.priority = intIn(v, 'priority', 0, 10);
        break;
      case 'startDateTime':
        t.startDateTime = dateOrNull(v, 'startDateTime');
        break;
      case 'dueDateTime':
        t.dueDateTime = dateOrNull(v, 'dueDateTime');
        break;
      case 'conversationThreadId':
        t.conversationThreadId = v === null ? null : requireString(v, 'conversationThreadId');
        break;
      case 'previewType':
        t.previewType = change.previewType = previewType(v);
        break;
      case 'appliedCategories':
        applyCategories(t, requireMap(v, 'appliedCategories'), change);
        continue;
      case 'assignments':
        applyAssignments(emu, caller, task, requireMap(v, 'assignments'), change);
        continue;
      default:
        throw invalid(`The property '${k}' cannot be set on a task in this request.`);
    }
    change.touched.push(k);
  }
  if (t.startDateTime && t.dueDateTime && Date.parse(t.startDateTime) > Date.parse(t.dueDateTime)) {
    throw invalid('The start date of the task is later than its due date.');
  }
  return change;
}

function bucketInPlan(db: Db, bucketId: string, planId: string): string {
  const bucket = load(db, 'bucket', bucketId);
  if (!bucket || bucket.planId !== planId) throw invalid('The bucket needs to be in the plan that the task is in.');
  return bucketId;
}

/** percentComplete 100 completes the task (completedDateTime/completedBy); lower values reopen it. */
function setPercentComplete(emu: Emu, caller: Caller, t: TaskBody, value: number, change: TaskChange): void {
  const wasDone = t.percentComplete === 100;
  t.percentComplete = value;
  if (value === 100 && !wasDone) {
    t.completedDateTime = iso(emu.now());
    t.completedBy = identity(caller);
  } else if (value < 100 && wasDone) {
    t.completedDateTime = null;
    t.completedBy = null;
  }
  if (wasDone !== (value === 100)) change.touched.push('completedDateTime', 'completedBy');
}

/** appliedCategories: `categoryN: true` applies a label, `false` removes it (category1..category25). */
function applyCategories(t: TaskBody, map: Json, change: TaskChange): void {
  for (const [k, v] of Object.entries(map)) {
    if (k.startsWith('@odata.')) continue;
    if (!CATEGORY.test(k)) throw invalid(`'${k}' is not a category; use category1 to category25.`);
    if (v === true) t.appliedCategories[k] = true;
    else if (v === false || v === null) delete t.appliedCategories[k];
    else throw invalid(`The value of 'appliedCategories.${k}' must be true or false.`);
    change.touched.push(`appliedCategories/${k}`);
  }
}

/**
 * assignments: keyed by user id, each `{"@odata.type":"#microsoft.graph.plannerAssignment","orderHint":...}`;
 * null unassigns. The service fills assignedBy/assignedDateTime and computes the order hint. Assignees
 * must be members of the plan's group.
 */
function applyAssignments(emu: Emu, caller: Caller, task: Stored<'task'>, map: Json, change: TaskChange): void {
  const { db } = emu;
  const a = task.body.assignments;
  for (const [userId, v] of Object.entries(map)) {
    if (userId.startsWith('@odata.')) continue;
    change.touched.push(`assignments/${userId}`);
    if (v === null) {
      delete a[userId];
      continue;
    }
    if (!isObject(v)) throw invalid(`The value of 'assignments.${userId}' must be a plannerAssignment or null.`);
    requireODataType(v, 'plannerAssignment', `assignments.${userId}`);
    if (!GUID.test(userId) || !findUser(db, userId)) throw invalid(`'${userId}' is not the id of a user.`);
    if (!isMember(db, task.groupId, userId)) {
      throw plannerError(403, `The user '${userId}' is not a member of the group that contains the plan; only members can be assigned.`);
    }
    const siblings = Object.entries(a).filter(([id]) => id !== userId).map(([, x]) => x.orderHint);
    const existing = a[userId];
    if (v.orderHint === undefined && !existing) throw invalid(`The 'orderHint' of the assignment for '${userId}' must be specified.`);
    const orderHint = v.orderHint === undefined && existing ? existing.orderHint : resolveOrderHint(v.orderHint, siblings, `assignments.${userId}.orderHint`);
    if (existing) {
      existing.orderHint = orderHint;
    } else {
      a[userId] = { '@odata.type': '#microsoft.graph.plannerAssignment', assignedDateTime: iso(emu.now()), orderHint, assignedBy: identity(caller) };
      change.added.push(userId);
    }
  }
  if (Object.keys(a).length > PLANNER_LIMITS.assigneesInTask) {
    throw limitExceeded('MaximumAssigneesInTasks', 'The task has too many assignees.');
  }
}

/** POST /planner/tasks: planId is required; the caller must be a member of the plan's group. */
export function createTask(emu: Emu, caller: Caller, body: Json): Stored<'task'> {
  const { db } = emu;
  const plan = requirePlan(db, requireString(body.planId, 'planId'), caller);
  const { planId: _planId, ...writable } = body;
  void _planId;
  rejectUnknown(writable, TASK_WRITABLE, 'task');
  if (writable.title === undefined) throw invalid("The 'title' property is required.");
  return db.transaction(() => {
    const id = plannerId();
    const now = iso(emu.now());
    const task: Stored<'task'> = {
      kind: 'task',
      id,
      planId: plan.id,
      groupId: plan.groupId,
      bucketId: null,
      etag: '',
      body: {
        id, planId: plan.id, bucketId: null, title: '', orderHint: '', assigneePriority: '', percentComplete: 0,
        startDateTime: null, createdDateTime: now, dueDateTime: null, hasDescription: false, previewType: 'automatic',
        completedDateTime: null, completedBy: null, referenceCount: 0, checklistItemCount: 0, activeChecklistItemCount: 0,
        conversationThreadId: null, priority: 5, createdBy: identity(caller), appliedCategories: {}, assignments: {},
      },
    };
    const change = applyTaskChanges(emu, caller, task, writable);
    const siblings = list(db, 'task', 'plan_id', plan.id);
    if (!task.body.orderHint) task.body.orderHint = appendHint(hintsOf(siblings, 'orderHint'));
    if (!task.body.assigneePriority) task.body.assigneePriority = appendHint(hintsOf(siblings, 'assigneePriority'));
    checkPlanTaskLimits(db, plan.id, true, task.body.percentComplete < 100);
    checkAssigneeLimits(db, change.added);
    const at = { planId: plan.id, groupId: plan.groupId, bucketId: task.body.bucketId, createdBy: caller.userId };
    const stored = insertObject(db, 'task', task.body, at);
    insertObject(db, 'taskDetails', { id, description: '', previewType: task.body.previewType, references: {}, checklist: {} }, at);
    syncAssignees(db, task.body);
    return stored;
  })();
}

/** PATCH /planner/tasks/{id} */
export function updateTask(emu: Emu, caller: Caller, id: string, body: Json, ifMatch: string | null): Stored<'task'> {
  const { db } = emu;
  const task = requireTask(db, id, caller);
  if (ifMatch === null) throw requireIfMatch();
  return db.transaction(() => {
    const wasDone = task.body.percentComplete === 100;
    const change = applyTaskChanges(emu, caller, task, body);
    checkIfMatch(db, task, ifMatch, change.touched);
    if (wasDone && task.body.percentComplete < 100) checkPlanTaskLimits(db, task.planId, false, true);
    checkAssigneeLimits(db, change.added);
    const saved = saveObject(db, task, change.touched);
    syncAssignees(db, saved.body);
    if (change.previewType) {
      const details = load(db, 'taskDetails', id);
      if (details && details.body.previewType !== change.previewType) {
        details.body.previewType = change.previewType;
        saveObject(db, details, ['previewType']);
      }
    }
    return saved;
  })();
}

function removeTask(db: Db, id: string): void {
  deleteObject(db, 'taskDetails', id);
  deleteObject(db, 'task', id);
}

/** DELETE /planner/tasks/{id} */
export function deleteTask(db: Db, caller: Caller, id: string, ifMatch: string | null): void {
  const task = requireTask(db, id, caller);
  db.transaction(() => {
    checkIfMatch(db, task, ifMatch, 'all');
    removeTask(db, id);
  })();
}

export const tasksOfPlan = (db: Db, planId: string, caller: Caller) => list(db, 'task', 'plan_id', requirePlan(db, planId, caller).id);
export const tasksOfBucket = (db: Db, bucketId: string, caller: Caller) => list(db, 'task', 'bucket_id', requireBucket(db, bucketId, caller).id);

// ---------------------------------------------------------------------------------------------------------------
// Task details

function applyReferences(emu: Emu, caller: Caller, d: TaskDetailsBody, map: Json, touched: string[]): void {
  for (const [key, v] of Object.entries(map)) {
    if (key.startsWith('@odata.')) continue;
    decodeReferenceKey(key);
    touched.push(`references/${key}`);
    if (v === null) {
      delete d.references[key];
      continue;
    }
    if (!isObject(v)) throw invalid(`The value of reference '${key}' must be a plannerExternalReference or null.`);
    if (v['@odata.type'] !== '#microsoft.graph.externalReference' && v['@odata.type'] !== 'microsoft.graph.externalReference') {
      requireODataType(v, 'plannerExternalReference', `references.${key}`);
    }
    const existing = d.references[key];
    const siblings = Object.entries(d.references).filter(([k]) => k !== key).map(([, r]) => r.previewPriority);
    const previewPriority =
      v.previewPriority === undefined
        ? (existing?.previewPriority ?? appendHint(siblings))
        : resolveOrderHint(v.previewPriority, siblings, `references.${key}.previewPriority`);
    const text = (f: 'alias' | 'type') => (v[f] === undefined ? (existing?.[f] ?? null) : v[f] === null ? null : requireString(v[f], `references.${key}.${f}`, true));
    d.references[key] = {
      '@odata.type': '#microsoft.graph.plannerExternalReference',
      alias: text('alias'),
      type: text('type'),
      previewPriority,
      lastModifiedDateTime: iso(emu.now()),
      lastModifiedBy: identity(caller),
    };
  }
  if (Object.keys(d.references).length > PLANNER_LIMITS.referencesOnTask) {
    throw limitExceeded('MaximumReferencesOnTask', 'The task has too many references.');
  }
}

function applyChecklist(emu: Emu, caller: Caller, d: TaskDetailsBody, map: Json, touched: string[]): void {
  for (const [key, v] of Object.entries(map)) {
    if (key.startsWith('@odata.')) continue;
    if (!GUID.test(key)) throw invalid(`The checklist item key '${key}' must be a GUID chosen by the client.`);
    touched.push(`checklist/${key}`);
    if (v === null) {
      delete d.checklist[key];
      continue;
    }
    if (!isObject(v)) throw invalid(`The value of checklist item '${key}' must be a plannerChecklistItem or null.`);
    requireODataType(v, 'plannerChecklistItem', `checklist.${key}`);
    const existing = d.checklist[key];
    if (!existing && v.title === undefined) throw invalid(`The checklist item '${key}' needs a title.`);
    if (v.isChecked !== undefined && typeof v.isChecked !== 'boolean') throw invalid(`The value of 'checklist.${key}.isChecked' must be a boolean.`);
    const siblings = Object.entries(d.checklist).filter(([k]) => k !== key).map(([, c]) => c.orderHint);
    d.checklist[key] = {
      '@odata.type': '#microsoft.graph.plannerChecklistItem',
      isChecked: typeof v.isChecked === 'boolean' ? v.isChecked : (existing?.isChecked ?? false),
      title: v.title === undefined && existing ? existing.title : requireString(v.title, `checklist.${key}.title`),
      orderHint:
        v.orderHint === undefined ? (existing?.orderHint ?? appendHint(siblings)) : resolveOrderHint(v.orderHint, siblings, `checklist.${key}.orderHint`),
      lastModifiedDateTime: iso(emu.now()),
      lastModifiedBy: identity(caller),
    };
  }
  if (Object.keys(d.checklist).length > PLANNER_LIMITS.checklistItemsInTask) {
    throw limitExceeded('MaximumChecklistItemsOnTask', 'The task has too many checklist items.');
  }
}

/**
 * PATCH /planner/tasks/{id}/details: description, previewType, references, checklist, with the details' own
 * ETag. The task's derived counts follow, which gives the task a new version (and ETag) when they change.
 */
export function updateTaskDetails(emu: Emu, caller: Caller, id: string, body: Json, ifMatch: string | null): Stored<'taskDetails'> {
  const { db } = emu;
  const details = requireTaskDetails(db, id, caller);
  if (ifMatch === null) throw requireIfMatch();
  rejectUnknown(body, ['description', 'previewType', 'references', 'checklist'], 'task details');
  const touched: string[] = [];
  const d = details.body;
  if ('description' in body) {
    d.description = body.description === null ? '' : requireString(body.description, 'description', true);
    touched.push('description');
  }
  if ('previewType' in body) {
    d.previewType = previewType(body.previewType);
    touched.push('previewType');
  }
  if ('references' in body) applyReferences(emu, caller, d, requireMap(body.references, 'references'), touched);
  if ('checklist' in body) applyChecklist(emu, caller, d, requireMap(body.checklist, 'checklist'), touched);
  return db.transaction(() => {
    checkIfMatch(db, details, ifMatch, touched);
    const saved = saveObject(db, details, touched);
    const task = load(db, 'task', id);
    if (task) {
      const derived = derivedFromDetails(saved.body);
      const changed = (Object.keys(derived) as (keyof typeof derived)[]).filter((k) => task.body[k] !== derived[k]);
      if (changed.length > 0) saveObject(db, { ...task, body: { ...task.body, ...derived } }, changed);
    }
    return saved;
  })();
}
