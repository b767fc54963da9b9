import type { Db } from '../store/db.js';
import { fromJson, getMeta, setMeta, toJson } from '../store/db.js';
import type { Emu } from '../emu.js';
import { GraphHttpError } from '../core/errors.js';
import { plannerId } from '../core/ids.js';
import { findGroup, findUser, isMember } from './directory.js';

/**
 * Microsoft Planner: plans contained by groups, their details, buckets, tasks and task details.
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
  user: { id: string };
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

type PreviewType = 'automatic' | 'noPreview' | 'checklist' | 'description' | 'reference';
const PREVIEW_TYPES: readonly PreviewType[] = ['automatic', 'noPreview', 'checklist', 'description', 'reference'];

export type Kind = 'plan' | 'planDetails' | 'bucket' | 'task' | 'taskDetails';
interface BodyOf {
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

/** The caller of a request, as Planner records it in createdBy/assignedBy/completedBy. */
export interface Caller {
  userId: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Limits. Numbers from https://learn.microsoft.com/office365/planner/planner-limits ; the error codes are the
// limit types of https://learn.microsoft.com/graph/api/resources/planner-overview#403-forbidden

export const PLANNER_LIMITS = {
  tasksInPlan: 9000,
  activeTasksInPlan: 3000,
  bucketsInPlan: 200,
  plansInGroup: 400,
  assigneesInTask: 20,
  checklistItemsInTask: 20,
  referencesOnTask: 15,
  tasksAssignedToUser: 9000,
} as const;

const limitExceeded = (code: string, message: string) => new GraphHttpError(403, code, message);

// ---------------------------------------------------------------------------------------------------------------
// Errors as Planner words them

const plannerError = (status: number, message: string) => new GraphHttpError(status, '', message);
export const plannerNotFound = () => plannerError(404, 'The requested item is not found.');
export const plannerForbidden = () => plannerError(403, 'You do not have the required permissions to access this item.');
const invalid = (message: string) => plannerError(400, message);

// ---------------------------------------------------------------------------------------------------------------
// Order hints. https://learn.microsoft.com/graph/api/resources/planner-order-hint-format
// Service-made hints use the characters '"'..'~' so they never end with '!', which marks a client hint.

const HINT_MIN = 34;
const HINT_BASE = 126 - HINT_MIN + 1;
const digit = (s: string, i: number) => s.charCodeAt(i) - HINT_MIN;
const chr = (d: number) => String.fromCharCode(d + HINT_MIN);

/** A short hint that sorts after `a` (used to append). */
export function hintAfter(a: string): string {
  for (let i = 0; i < a.length; i++) {
    const d = digit(a, i);
    if (d >= 0 && d < HINT_BASE - 1) return a.slice(0, i) + chr(d + 1);
  }
  return a + chr(1);
}

/** A hint strictly between `a` and `b` in ordinal order (`a` < `b`). */
export function hintBetween(a: string, b: string): string {
  let out = '';
  let upper: string | null = b;
  for (let i = 0; ; i++) {
    const lo = i < a.length ? Math.max(digit(a, i), -1) : -1;
    const hi = upper !== null && i < upper.length ? digit(upper, i) : HINT_BASE;
    // Right after `a` (a exhausted) and below a bound, step down by one so repeated inserts at the top of a
    // list grow the hint slowly; otherwise take the midpoint.
    const mid = Math.max(1, lo === -1 && hi < HINT_BASE ? hi - 1 : Math.floor((lo + hi) / 2));
    if (mid > lo && mid < hi) return out + chr(mid);
    const d = Math.max(lo, 0);
    out += chr(d);
    if (d < hi) upper = null;
  }
}

/**
 * Turns a client order hint (`"<previous> <next>!"`, or `" !"` for the first item) into a service hint that
 * sorts where the client string sorts among the sibling hints. Values returned by the service must not be
 * sent back as they are: Planner rejects them with 400.
 */
export function resolveOrderHint(value: unknown, siblings: string[], field: string): string {
  if (typeof value !== 'string' || value.length === 0) throw invalid(`The value of '${field}' is not a valid order hint.`);
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 32 || c > 126) throw invalid(`The value of '${field}' is not a valid order hint.`);
  }
  if (!value.endsWith('!')) {
    throw invalid(`The value of '${field}' is not a valid order hint. Send '<previous hint> <next hint>!' to place an item.`);
  }
  let prev: string | undefined;
  let next: string | undefined;
  for (const s of siblings) {
    if (s < value && (prev === undefined || s > prev)) prev = s;
    if (s > value && (next === undefined || s < next)) next = s;
  }
  return next === undefined ? hintAfter(prev ?? '') : hintBetween(prev ?? '', next);
}

/** A hint placing a new item after every sibling (when the client gives none). */
function appendHint(siblings: string[]): string {
  let max = '';
  for (const s of siblings) if (s > max) max = s;
  return hintAfter(max);
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

export function load<K extends Kind>(db: Db, kind: K, id: string): Stored<K> | undefined {
  const r = db.prepare('SELECT * FROM planner_objects WHERE kind = ? AND id = ?').get(kind, id) as RawRow | undefined;
  return r ? toStored<K>(r) : undefined;
}

function list<K extends Kind>(db: Db, kind: K, column: 'plan_id' | 'bucket_id' | 'group_id', value: string): Stored<K>[] {
  const rows = db.prepare(`SELECT * FROM planner_objects WHERE kind = ? AND ${column} = ? ORDER BY seq`).all(kind, value) as RawRow[];
  return rows.map((r) => toStored<K>(r));
}

interface Placement {
  planId: string;
  groupId: string;
  bucketId?: string | null;
  createdBy: string;
}

function insertObject<K extends Kind>(db: Db, kind: K, body: BodyOf[K] & { id: string }, at: Placement): Stored<K> {
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
function saveObject<K extends Kind>(db: Db, obj: Stored<K>, changed: string[]): Stored<K> {
  const seq = nextSeq(db);
  const etag = makeEtag(obj.kind, seq);
  const bucketId = obj.kind === 'task' ? (obj.body as TaskBody).bucketId : obj.bucketId;
  db.prepare('UPDATE planner_objects SET json = ?, etag = ?, bucket_id = ?, done = ? WHERE kind = ? AND id = ?').run(
    toJson(obj.body), etag, bucketId, isDone(obj.kind, obj.body) ? 1 : 0, obj.kind, obj.id,
  );
  db.prepare('INSERT INTO planner_versions(kind, id, etag, seq, changed) VALUES (?,?,?,?,?)').run(obj.kind, obj.id, etag, seq, toJson(changed));
  return { ...obj, etag, bucketId };
}

function deleteObject(db: Db, kind: Kind, id: string): void {
  db.prepare('DELETE FROM planner_objects WHERE kind = ? AND id = ?').run(kind, id);
  db.prepare('DELETE FROM planner_versions WHERE kind = ? AND id = ?').run(kind, id);
  if (kind === 'task') db.prepare('DELETE FROM planner_assignees WHERE task_id = ?').run(id);
}

const stripWeak = (etag: string) => etag.trim().replace(/^W\//i, '');
const overlaps = (a: string, b: string) => a === b || a.startsWith(`${b}/`) || b.startsWith(`${a}/`);

/**
 * Planner's optimistic concurrency: `If-Match` is required; the current ETag (or `*`) passes; an older
 * version of the same object passes when none of `touched` changed since (`'all'` for DELETE: any change
 * conflicts), else 409; anything that is not a version of the object is 412.
 */
export function checkIfMatch(db: Db, obj: Stored<Kind>, ifMatch: string | null, touched: string[] | 'all'): void {
  if (ifMatch === null || ifMatch.trim() === '') throw requireIfMatch();
  const wanted = stripWeak(ifMatch);
  if (wanted === '*' || wanted === stripWeak(obj.etag)) return;
  const versions = db.prepare('SELECT etag, seq, changed FROM planner_versions WHERE kind = ? AND id = ? ORDER BY seq').all(obj.kind, obj.id) as {
    etag: string;
    seq: number;
    changed: string;
  }[];
  const base = versions.find((v) => stripWeak(v.etag) === wanted);
  if (!base) throw plannerError(412, 'The If-Match header contains an invalid value.');
  const later = versions.filter((v) => v.seq > base.seq);
  const since = later.flatMap((v) => fromJson<string[]>(v.changed));
  const conflict = touched === 'all' ? later.length > 0 : touched.some((t) => since.some((c) => overlaps(t, c)));
  if (conflict) {
    throw plannerError(409, 'The attempted changes conflicted with already accepted changes. Read the latest state and resolve differences.');
  }
}

/** Missing `If-Match` on a write (the service answers 412 Precondition Failed). */
export function requireIfMatch(): GraphHttpError {
  return plannerError(412, 'The If-Match header must be specified for this kind of request.');
}

// ---------------------------------------------------------------------------------------------------------------
// Access

/** Only members of the plan's group can work with it (the container decides authorization). */
export function assertMember(db: Db, groupId: string, caller: Caller): void {
  if (!isMember(db, groupId, caller.userId)) throw plannerForbidden();
}

function requireObject<K extends Kind>(db: Db, kind: K, id: string, caller: Caller): Stored<K> {
  const obj = load(db, kind, id);
  if (!obj) throw plannerNotFound();
  assertMember(db, obj.groupId, caller);
  return obj;
}

export const requirePlan = (db: Db, id: string, caller: Caller) => requireObject(db, 'plan', id, caller);
export const requireBucket = (db: Db, id: string, caller: Caller) => requireObject(db, 'bucket', id, caller);
export const requireTask = (db: Db, id: string, caller: Caller) => requireObject(db, 'task', id, caller);
export const requirePlanDetails = (db: Db, id: string, caller: Caller) => requireObject(db, 'planDetails', id, caller);
export const requireTaskDetails = (db: Db, id: string, caller: Caller) => requireObject(db, 'taskDetails', id, caller);

// ---------------------------------------------------------------------------------------------------------------
// Small validators

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const iso = (d: Date) => d.toISOString();
const identity = (caller: Caller): IdentitySet => ({ user: { id: caller.userId } });

function requireString(v: unknown, field: string, allowEmpty = false): string {
  if (typeof v !== 'string' || (!allowEmpty && v.trim() === '')) throw invalid(`The value of '${field}' must be a non-empty string.`);
  return v;
}

function intIn(v: unknown, field: string, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    throw invalid(`The value of '${field}' must be an integer between ${min} and ${max}.`);
  }
  return v;
}

function dateOrNull(v: unknown, field: string): string | null {
  if (v === null) return null;
  if (typeof v !== 'string' || Number.isNaN(Date.parse(v)) || !/^\d{4}-\d{2}-\d{2}T/.test(v)) {
    throw invalid(`The value of '${field}' must be a DateTimeOffset such as 2014-01-01T00:00:00Z, or null.`);
  }
  return new Date(v).toISOString();
}

function previewType(v: unknown): PreviewType {
  if (typeof v !== 'string' || !PREVIEW_TYPES.includes(v as PreviewType)) {
    throw invalid(`The value of 'previewType' must be one of: ${PREVIEW_TYPES.join(', ')}.`);
  }
  return v as PreviewType;
}

/** Open-type values must say their type (planner-overview, "400 Bad request"); both `#x` and `x` forms are sent. */
function requireODataType(v: Json, type: string, field: string): void {
  const t = v['@odata.type'];
  if (t !== `#microsoft.graph.${type}` && t !== `microsoft.graph.${type}`) {
    throw invalid(`The value of '${field}' must declare '@odata.type' as 'microsoft.graph.${type}'.`);
  }
}

function requireMap(v: unknown, field: string): Json {
  if (!isObject(v)) throw invalid(`The value of '${field}' must be an object.`);
  return v;
}

function rejectUnknown(body: Json, allowed: readonly string[], resource: string): void {
  for (const k of Object.keys(body)) {
    if (k.startsWith('@odata.')) continue;
    if (!allowed.includes(k)) throw invalid(`The property '${k}' cannot be set on a ${resource} in this request.`);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Plans

/** Reads the group id out of `container` (`url`, or `containerId` + `type: "group"`) or the deprecated `owner`. */
function containerGroupId(body: Json): { groupId: string; url: string | null } {
  const c = body.container;
  if (c === undefined || c === null) {
    if (typeof body.owner === 'string' && body.owner) return { groupId: body.owner, url: null };
    throw invalid("The 'container' property is required.");
  }
  if (!isObject(c)) throw invalid("The value of 'container' must be an object.");
  let fromUrl: string | null = null;
  if (c.url !== undefined) {
    const m = typeof c.url === 'string' ? /^https?:\/\/[^/]+\/(?:v1\.0|beta)\/groups\/([^/?#]+)\/?$/i.exec(c.url) : null;
    if (!m?.[1]) throw invalid("The container 'url' must be the URL of a group, such as https://graph.microsoft.com/v1.0/groups/{id}.");
    fromUrl = decodeURIComponent(m[1]);
  }
  let fromId: string | null = null;
  if (c.containerId !== undefined) {
    if (c.type !== undefined && c.type !== 'group') throw invalid("Only containers of type 'group' are supported.");
    fromId = requireString(c.containerId, 'container.containerId');
  }
  const groupId = fromUrl ?? fromId;
  if (!groupId) throw invalid("Specify the container's 'url', or its 'containerId' and 'type'.");
  if (fromUrl && fromId && fromUrl.toLowerCase() !== fromId.toLowerCase()) throw invalid("The container's 'url' and 'containerId' do not match.");
  return { groupId, url: typeof c.url === 'string' ? c.url : null };
}

/** POST /planner/plans: the caller must be a member of the containing group. */
export function createPlan(emu: Emu, caller: Caller, body: Json): Stored<'plan'> {
  const { db } = emu;
  rejectUnknown(body, ['container', 'title', 'owner'], 'plan');
  const { groupId, url } = containerGroupId(body);
  const title = requireString(body.title, 'title');
  if (!findGroup(db, groupId)) throw plannerNotFound();
  assertMember(db, groupId, caller);
  return db.transaction(() => {
    const count = (db.prepare("SELECT COUNT(*) AS n FROM planner_objects WHERE kind = 'plan' AND group_id = ?").get(groupId) as { n: number }).n;
    if (count >= PLANNER_LIMITS.plansInGroup) {
      throw limitExceeded('MaximumProjectsOwnedByUser', 'The maximum number of plans contained by the group has been reached.');
    }
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

const CATEGORY = /^category([1-9]|1\d|2[0-5])$/;

/** Plan details as Planner returns them: all 25 category descriptions are present (null when unset). */
export function planDetailsView(body: PlanDetailsBody): PlanDetailsBody {
  const categoryDescriptions: Record<string, string | null> = {};
  for (let i = 1; i <= 25; i++) categoryDescriptions[`category${i}`] = body.categoryDescriptions[`category${i}`] ?? null;
  return { ...body, categoryDescriptions };
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

const hintsOf = <K extends 'bucket' | 'task'>(items: Stored<K>[], field: 'orderHint' | 'assigneePriority', except?: string) =>
  items.filter((i) => i.id !== except).map((i) => (i.body as unknown as Record<string, unknown>)[field] as string).filter((h) => !!h);

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

function countOf(db: Db, sql: string, ...args: unknown[]): number {
  return (db.prepare(sql).get(...args) as { n: number }).n;
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

function checkAssigneeLimits(db: Db, added: string[]): void {
  for (const userId of added) {
    if (countOf(db, 'SELECT COUNT(*) AS n FROM planner_assignees WHERE user_id = ?', userId) >= PLANNER_LIMITS.tasksAssignedToUser) {
      throw limitExceeded('MaximumTasksAssignedToUser', 'The maximum number of tasks assigned to the user has been reached.');
    }
  }
}

function syncAssignees(db: Db, task: TaskBody): void {
  db.prepare('DELETE FROM planner_assignees WHERE task_id = ?').run(task.id);
  const ins = db.prepare('INSERT INTO planner_assignees(task_id, user_id) VALUES (?, ?)');
  for (const userId of Object.keys(task.assignments)) ins.run(task.id, userId);
}

function checkPlanTaskLimits(db: Db, planId: string, addingTask: boolean, addingActive: boolean): void {
  if (addingTask && countOf(db, "SELECT COUNT(*) AS n FROM planner_objects WHERE kind = 'task' AND plan_id = ?", planId) >= PLANNER_LIMITS.tasksInPlan) {
    throw limitExceeded('MaximumTasksInProject', 'The maximum number of tasks in the plan has been reached.');
  }
  if (
    addingActive &&
    countOf(db, "SELECT COUNT(*) AS n FROM planner_objects WHERE kind = 'task' AND plan_id = ? AND done = 0", planId) >= PLANNER_LIMITS.activeTasksInPlan
  ) {
    throw limitExceeded('MaximumActiveTasksInProject', 'The maximum number of tasks that are not completed in the plan has been reached.');
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

/** Tasks assigned to a user, across plans (GET /me/planner/tasks). */
export function tasksAssignedTo(db: Db, userId: string): Stored<'task'>[] {
  const rows = db
    .prepare("SELECT o.* FROM planner_assignees a JOIN planner_objects o ON o.kind = 'task' AND o.id = a.task_id WHERE a.user_id = ? ORDER BY o.seq")
    .all(userId) as RawRow[];
  return rows.map((r) => toStored<'task'>(r));
}

// ---------------------------------------------------------------------------------------------------------------
// Task details

/**
 * Reference keys are URLs with the characters OData forbids in open-type property names (`.`, `:`, `%`, `@`,
 * `#`) percent-encoded, e.g. `https%3A//contoso%2Esharepoint%2Ecom/...`; the decoded key must be an http(s) URL.
 */
export function decodeReferenceKey(key: string): string {
  if (/[.:@#]/.test(key) || /%(?![0-9A-Fa-f]{2})/.test(key)) {
    throw invalid(`The reference '${key}' is not encoded: '.', ':', '%', '@' and '#' must be percent-encoded (for example %2E, %3A).`);
  }
  let url: URL;
  try {
    url = new URL(decodeURIComponent(key));
  } catch {
    throw invalid(`The reference '${key}' is not a valid URL.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw invalid(`The reference '${key}' must be an http or https URL.`);
  return url.href;
}

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

/** The task properties Planner derives from its details. */
function derivedFromDetails(d: TaskDetailsBody): Pick<TaskBody, 'hasDescription' | 'previewType' | 'referenceCount' | 'checklistItemCount' | 'activeChecklistItemCount'> {
  const items = Object.values(d.checklist);
  return {
    hasDescription: d.description.length > 0,
    previewType: d.previewType,
    referenceCount: Object.keys(d.references).length,
    checklistItemCount: items.length,
    activeChecklistItemCount: items.filter((c) => !c.isChecked).length,
  };
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
