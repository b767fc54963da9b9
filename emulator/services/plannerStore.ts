import type { Db } from '../store/db.js';
import { fromJson, getMeta, setMeta, toJson } from '../store/db.js';

/**
 * The tables behind Microsoft Planner (services/planner.ts): every plan, plan details, bucket, task and task
 * details is one row of `planner_objects` holding its Graph body as JSON, with the columns the service looks
 * things up by; `planner_versions` keeps which properties each version changed (for If-Match merges);
 * `planner_assignees` indexes tasks by assignee. The only Planner module that speaks SQL.
 */

// ---------------------------------------------------------------------------------------------------------------
// Schema

export function ensurePlannerSchema(db: Db): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS planner_objects (
      kind TEXT NOT NULL,
      id TEXT NOT NULL,
      plan_id TEXT NOT NULL,
      group_id TEXT NOT NULL,
      bucket_id TEXT,
      done INTEGER NOT NULL DEFAULT 0,
      created_by TEXT NOT NULL,
      etag TEXT NOT NULL,
      seq INTEGER NOT NULL,
      json TEXT NOT NULL,
      PRIMARY KEY (kind, id)
    );
    CREATE INDEX IF NOT EXISTS planner_objects_by_plan ON planner_objects(kind, plan_id, seq);
    CREATE INDEX IF NOT EXISTS planner_objects_by_bucket ON planner_objects(kind, bucket_id, seq);
    CREATE INDEX IF NOT EXISTS planner_objects_by_group ON planner_objects(kind, group_id, seq);
    CREATE TABLE IF NOT EXISTS planner_versions (
      kind TEXT NOT NULL,
      id TEXT NOT NULL,
      etag TEXT NOT NULL,
      seq INTEGER NOT NULL,
      changed TEXT NOT NULL,
      PRIMARY KEY (kind, id, etag)
    );
    CREATE TABLE IF NOT EXISTS planner_assignees (
      task_id TEXT NOT NULL,
      user_id TEXT NOT NULL,
      PRIMARY KEY (task_id, user_id)
    );
    CREATE INDEX IF NOT EXISTS planner_assignees_by_user ON planner_assignees(user_id);
  `);
}

// ---------------------------------------------------------------------------------------------------------------
// Resource shapes (as stored; `@odata.etag` is added when presented)

export interface IdentitySet {
  user?: { id: string };
  application?: { id: string; displayName?: string };
}

export interface PlanBody {
  id: string;
  title: string;
  owner: string;
  createdDateTime: string;
  createdBy: IdentitySet;
  container: { containerId: string; type: 'group'; url: string };
}

export interface PlanDetailsBody {
  id: string;
  sharedWith: Record<string, boolean>;
  categoryDescriptions: Record<string, string | null>;
}

export interface BucketBody {
  id: string;
  name: string;
  planId: string;
  orderHint: string;
}

export interface AssignmentValue {
  '@odata.type': '#microsoft.graph.plannerAssignment';
  assignedDateTime: string;
  orderHint: string;
  assignedBy: IdentitySet;
}

export interface TaskBody {
  id: string;
  planId: string;
  bucketId: string | null;
  title: string;
  orderHint: string;
  assigneePriority: string;
  percentComplete: number;
  startDateTime: string | null;
  createdDateTime: string;
  dueDateTime: string | null;
  hasDescription: boolean;
  previewType: PreviewType;
  completedDateTime: string | null;
  completedBy: IdentitySet | null;
  referenceCount: number;
  checklistItemCount: number;
  activeChecklistItemCount: number;
  conversationThreadId: string | null;
  priority: number;
  createdBy: IdentitySet;
  appliedCategories: Record<string, boolean>;
  assignments: Record<string, AssignmentValue>;
}

export interface ReferenceValue {
  '@odata.type': '#microsoft.graph.plannerExternalReference';
  alias: string | null;
  type: string | null;
  previewPriority: string;
  lastModifiedDateTime: string;
  lastModifiedBy: IdentitySet;
}

export interface ChecklistValue {
  '@odata.type': '#microsoft.graph.plannerChecklistItem';
  isChecked: boolean;
  title: string;
  orderHint: string;
  lastModifiedDateTime: string;
  lastModifiedBy: IdentitySet;
}

export interface TaskDetailsBody {
  id: string;
  description: string;
  previewType: PreviewType;
  references: Record<string, ReferenceValue>;
  checklist: Record<string, ChecklistValue>;
}

export type PreviewType = 'automatic' | 'noPreview' | 'checklist' | 'description' | 'reference';

export type Kind = 'plan' | 'planDetails' | 'bucket' | 'task' | 'taskDetails';
export interface BodyOf {
  plan: PlanBody;
  planDetails: PlanDetailsBody;
  bucket: BucketBody;
  task: TaskBody;
  taskDetails: TaskDetailsBody;
}

/** A stored Planner object with its current ETag and where it lives. */
export interface Stored<K extends Kind> {
  kind: K;
  id: string;
  planId: string;
  groupId: string;
  bucketId: string | null;
  etag: string;
  body: BodyOf[K];
}

// ---------------------------------------------------------------------------------------------------------------
// Storage and versions

interface RawRow {
  kind: Kind;
  id: string;
  plan_id: string;
  group_id: string;
  bucket_id: string | null;
  etag: string;
  json: string;
}

const toStored = <K extends Kind>(r: RawRow): Stored<K> => ({
  kind: r.kind as K,
  id: r.id,
  planId: r.plan_id,
  groupId: r.group_id,
  bucketId: r.bucket_id,
  etag: r.etag,
  body: fromJson<BodyOf[K]>(r.json),
});

const TYPE_TAG: Record<Kind, string> = {
  plan: Buffer.from('Plan').toString('base64url'),
  planDetails: Buffer.from('PlanDetails').toString('base64url'),
  bucket: Buffer.from('Bucket').toString('base64url'),
  task: Buffer.from('Task').toString('base64url'),
  taskDetails: Buffer.from('TaskDetails').toString('base64url'),
};

/** Next value of the global write counter (persisted, so ETags stay unique across restarts). */
function nextSeq(db: Db): number {
  const n = Number(getMeta(db, 'plannerSeq') ?? '0') + 1;
  setMeta(db, 'plannerSeq', String(n));
  return n;
}

/** A weak ETag; a later version of the same object compares greater in ordinal order. */
function makeEtag(kind: Kind, seq: number): string {
  return `W/"JzEt${TYPE_TAG[kind]}${seq.toString(36).padStart(11, '0')}"`;
}

/** One object by kind and id. */
export function load<K extends Kind>(db: Db, kind: K, id: string): Stored<K> | undefined {
  const r = db.prepare('SELECT * FROM planner_objects WHERE kind = ? AND id = ?').get(kind, id) as RawRow | undefined;
  return r ? toStored<K>(r) : undefined;
}

/** The objects of one kind in a plan, a bucket or a group, oldest first. */
export function listObjects<K extends Kind>(db: Db, kind: K, column: 'plan_id' | 'bucket_id' | 'group_id', value: string): Stored<K>[] {
  const rows = db.prepare(`SELECT * FROM planner_objects WHERE kind = ? AND ${column} = ? ORDER BY seq`).all(kind, value) as RawRow[];
  return rows.map((r) => toStored<K>(r));
}

/** Where a new object lives. */
export interface Placement {
  planId: string;
  groupId: string;
  bucketId?: string | null;
  createdBy: string;
}

/** Stores a new object as its first version. */
export function insertObject<K extends Kind>(db: Db, kind: K, body: BodyOf[K] & { id: string }, at: Placement): Stored<K> {
  const seq = nextSeq(db);
  const etag = makeEtag(kind, seq);
  db.prepare(
    'INSERT INTO planner_objects(kind, id, plan_id, group_id, bucket_id, done, created_by, etag, seq, json) VALUES (?,?,?,?,?,?,?,?,?,?)',
  ).run(kind, body.id, at.planId, at.groupId, at.bucketId ?? null, isDone(kind, body) ? 1 : 0, at.createdBy, etag, seq, toJson(body));
  db.prepare('INSERT INTO planner_versions(kind, id, etag, seq, changed) VALUES (?,?,?,?,?)').run(kind, body.id, etag, seq, '[]');
  return { kind, id: body.id, planId: at.planId, groupId: at.groupId, bucketId: at.bucketId ?? null, etag, body };
}

function isDone(kind: Kind, body: unknown): boolean {
  return kind === 'task' && (body as TaskBody).percentComplete === 100;
}

/** Saves a new version of an object; `changed` lists the property paths this write touched. */
export function saveObject<K extends Kind>(db: Db, obj: Stored<K>, changed: string[]): Stored<K> {
  const seq = nextSeq(db);
  const etag = makeEtag(obj.kind, seq);
  const bucketId = obj.kind === 'task' ? (obj.body as TaskBody).bucketId : obj.bucketId;
  db.prepare('UPDATE planner_objects SET json = ?, etag = ?, bucket_id = ?, done = ? WHERE kind = ? AND id = ?').run(
    toJson(obj.body), etag, bucketId, isDone(obj.kind, obj.body) ? 1 : 0, obj.kind, obj.id,
  );
  db.prepare('INSERT INTO planner_versions(kind, id, etag, seq, changed) VALUES (?,?,?,?,?)').run(obj.kind, obj.id, etag, seq, toJson(changed));
  return { ...obj, etag, bucketId };
}

/** Removes an object with its versions (and a task's assignee rows). */
export function deleteObject(db: Db, kind: Kind, id: string): void {
  db.prepare('DELETE FROM planner_objects WHERE kind = ? AND id = ?').run(kind, id);
  db.prepare('DELETE FROM planner_versions WHERE kind = ? AND id = ?').run(kind, id);
  if (kind === 'task') db.prepare('DELETE FROM planner_assignees WHERE task_id = ?').run(id);
}

export interface VersionRow {
  etag: string;
  seq: number;
  /** Property paths the write that made this version touched. */
  changed: string[];
}

/** Every version of an object, oldest first. */
export function versionsOf(db: Db, kind: Kind, id: string): VersionRow[] {
  const rows = db.prepare('SELECT etag, seq, changed FROM planner_versions WHERE kind = ? AND id = ? ORDER BY seq').all(kind, id) as {
    etag: string;
    seq: number;
    changed: string;
  }[];
  return rows.map((v) => ({ etag: v.etag, seq: v.seq, changed: fromJson<string[]>(v.changed) }));
}

/** How many plans a group contains. */
export function countPlansInGroup(db: Db, groupId: string): number {
  return (db.prepare("SELECT COUNT(*) AS n FROM planner_objects WHERE kind = 'plan' AND group_id = ?").get(groupId) as { n: number }).n;
}

/** How many tasks a plan holds (only those not completed with `activeOnly`). */
export function countTasksInPlan(db: Db, planId: string, activeOnly = false): number {
  const sql = activeOnly
    ? "SELECT COUNT(*) AS n FROM planner_objects WHERE kind = 'task' AND plan_id = ? AND done = 0"
    : "SELECT COUNT(*) AS n FROM planner_objects WHERE kind = 'task' AND plan_id = ?";
  return (db.prepare(sql).get(planId) as { n: number }).n;
}

/** How many tasks are assigned to a user, across plans. */
export function countTasksAssignedTo(db: Db, userId: string): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM planner_assignees WHERE user_id = ?').get(userId) as { n: number }).n;
}

/** Keeps the assignee index in step with a task's `assignments`. */
export function syncAssignees(db: Db, task: TaskBody): void {
  db.prepare('DELETE FROM planner_assignees WHERE task_id = ?').run(task.id);
  const ins = db.prepare('INSERT INTO planner_assignees(task_id, user_id) VALUES (?, ?)');
  for (const userId of Object.keys(task.assignments)) ins.run(task.id, userId);
}

/** Tasks assigned to a user, across plans, oldest first. */
export function tasksAssignedTo(db: Db, userId: string): Stored<'task'>[] {
  const rows = db
    .prepare("SELECT o.* FROM planner_assignees a JOIN planner_objects o ON o.kind = 'task' AND o.id = a.task_id WHERE a.user_id = ? ORDER BY o.seq")
    .all(userId) as RawRow[];
  return rows.map((r) => toStored<'task'>(r));
}
