import type { Db } from '../store/db.js';
import { GraphHttpError } from '../core/errors.js';
import { isMember } from './directory.js';
import {
  countPlansInGroup, countTasksAssignedTo, countTasksInPlan, load, versionsOf,
  type IdentitySet, type Kind, type PreviewType, type Stored, type TaskBody, type TaskDetailsBody,
} from './plannerStore.js';

/**
 * Microsoft Planner's rules, shared by every Planner operation (services/planner.ts): service limits, errors as
 * Planner words them, order hints, optimistic concurrency (If-Match), who may see a plan, and the validators of
 * request bodies. No SQL here: counts and versions come from services/plannerStore.ts.
 */

/** The caller of a request, as Planner records it in createdBy/assignedBy/completedBy. */
export interface Caller {
  userId: string;
  /**
   * Set for an app-only token (Tasks.ReadWrite.All): no user, access to every plan of the tenant, and
   * `createdBy`/`lastModifiedBy` name the application (plannerPlan's `createdBy.application`).
   * https://learn.microsoft.com/graph/api/planner-post-plans (Application: Tasks.ReadWrite.All)
   */
  app?: { id: string; displayName: string };
}

export const PREVIEW_TYPES: readonly PreviewType[] = ['automatic', 'noPreview', 'checklist', 'description', 'reference'];

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

export const limitExceeded = (code: string, message: string) => new GraphHttpError(403, code, message);

// ---------------------------------------------------------------------------------------------------------------
// Errors as Planner words them

export const plannerError = (status: number, message: string) => new GraphHttpError(status, '', message);
export const plannerNotFound = () => plannerError(404, 'The requested item is not found.');
export const plannerForbidden = () => plannerError(403, 'You do not have the required permissions to access this item.');
export const invalid = (message: string) => plannerError(400, message);

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
export function appendHint(siblings: string[]): string {
  let max = '';
  for (const s of siblings) if (s > max) max = s;
  return hintAfter(max);
}
/** The non-empty order hints of sibling buckets or tasks (except one, when it is being moved). */
export const hintsOf = <K extends 'bucket' | 'task'>(items: Stored<K>[], field: 'orderHint' | 'assigneePriority', except?: string) =>
  items.filter((i) => i.id !== except).map((i) => (i.body as unknown as Record<string, unknown>)[field] as string).filter((h) => !!h);

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
  const versions = versionsOf(db, obj.kind, obj.id);
  const base = versions.find((v) => stripWeak(v.etag) === wanted);
  if (!base) throw plannerError(412, 'The If-Match header contains an invalid value.');
  const later = versions.filter((v) => v.seq > base.seq);
  const since = later.flatMap((v) => v.changed);
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
  if (caller.app) return;
  if (!isMember(db, groupId, caller.userId)) throw plannerForbidden();
}

export function requireObject<K extends Kind>(db: Db, kind: K, id: string, caller: Caller): Stored<K> {
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

export type Json = Record<string, unknown>;
export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const iso = (d: Date) => d.toISOString();
export const identity = (caller: Caller): IdentitySet =>
  caller.app ? { application: { id: caller.app.id, displayName: caller.app.displayName } } : { user: { id: caller.userId } };

export function requireString(v: unknown, field: string, allowEmpty = false): string {
  if (typeof v !== 'string' || (!allowEmpty && v.trim() === '')) throw invalid(`The value of '${field}' must be a non-empty string.`);
  return v;
}

export function intIn(v: unknown, field: string, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    throw invalid(`The value of '${field}' must be an integer between ${min} and ${max}.`);
  }
  return v;
}

export function dateOrNull(v: unknown, field: string): string | null {
  if (v === null) return null;
  if (typeof v !== 'string' || Number.isNaN(Date.parse(v)) || !/^\d{4}-\d{2}-\d{2}T/.test(v)) {
    throw invalid(`The value of '${field}' must be a DateTimeOffset such as 2014-01-01T00:00:00Z, or null.`);
  }
  return new Date(v).toISOString();
}

export function previewType(v: unknown): PreviewType {
  if (typeof v !== 'string' || !PREVIEW_TYPES.includes(v as PreviewType)) {
    throw invalid(`The value of 'previewType' must be one of: ${PREVIEW_TYPES.join(', ')}.`);
  }
  return v as PreviewType;
}

/** Open-type values must say their type (planner-overview, "400 Bad request"); both `#x` and `x` forms are sent. */
export function requireODataType(v: Json, type: string, field: string): void {
  const t = v['@odata.type'];
  if (t !== `#microsoft.graph.${type}` && t !== `microsoft.graph.${type}`) {
    throw invalid(`The value of '${field}' must declare '@odata.type' as 'microsoft.graph.${type}'.`);
  }
}

export function requireMap(v: unknown, field: string): Json {
  if (!isObject(v)) throw invalid(`The value of '${field}' must be an object.`);
  return v;
}

export function rejectUnknown(body: Json, allowed: readonly string[], resource: string): void {
  for (const k of Object.keys(body)) {
    if (k.startsWith('@odata.')) continue;
    if (!allowed.includes(k)) throw invalid(`The property '${k}' cannot be set on a ${resource} in this request.`);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Body parts

/** Reads the group id out of `container` (`url`, or `containerId` + `type: "group"`) or the deprecated `owner`. */
export function containerGroupId(body: Json): { groupId: string; url: string | null } {
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

export const CATEGORY = /^category([1-9]|1\d|2[0-5])$/;

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

/** The task properties Planner derives from its details. */
export function derivedFromDetails(d: TaskDetailsBody): Pick<TaskBody, 'hasDescription' | 'previewType' | 'referenceCount' | 'checklistItemCount' | 'activeChecklistItemCount'> {
  const items = Object.values(d.checklist);
  return {
    hasDescription: d.description.length > 0,
    previewType: d.previewType,
    referenceCount: Object.keys(d.references).length,
    checklistItemCount: items.length,
    activeChecklistItemCount: items.filter((c) => !c.isChecked).length,
  };
}


// ---------------------------------------------------------------------------------------------------------------
// Limits that depend on what is stored

/** 403 MaximumProjectsOwnedByUser once the group contains the most plans it may. */
export function checkPlansInGroupLimit(db: Db, groupId: string): void {
  if (countPlansInGroup(db, groupId) >= PLANNER_LIMITS.plansInGroup) {
    throw limitExceeded('MaximumProjectsOwnedByUser', 'The maximum number of plans contained by the group has been reached.');
  }
}

/** 403 once a newly assigned user already has the most tasks a user may be assigned. */
export function checkAssigneeLimits(db: Db, added: string[]): void {
  for (const userId of added) {
    if (countTasksAssignedTo(db, userId) >= PLANNER_LIMITS.tasksAssignedToUser) {
      throw limitExceeded('MaximumTasksAssignedToUser', 'The maximum number of tasks assigned to the user has been reached.');
    }
  }
}

/** 403 once a plan holds the most tasks (or tasks not completed) it may, for a write adding one. */
export function checkPlanTaskLimits(db: Db, planId: string, addingTask: boolean, addingActive: boolean): void {
  if (addingTask && countTasksInPlan(db, planId) >= PLANNER_LIMITS.tasksInPlan) {
    throw limitExceeded('MaximumTasksInProject', 'The maximum number of tasks in the plan has been reached.');
  }
  if (addingActive && countTasksInPlan(db, planId, true) >= PLANNER_LIMITS.activeTasksInPlan) {
    throw limitExceeded('MaximumActiveTasksInProject', 'The maximum number of tasks that are not completed in the plan has been reached.');
  }
}
