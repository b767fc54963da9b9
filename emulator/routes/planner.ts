import type { Emu } from '../emu.js';
import { ok, created, noContent, type Ctx, type RouteResult } from '../core/router.js';
import { badRequest } from '../core/errors.js';
import { SCOPES } from '../core/scopes.js';
import { findUser } from '../services/directory.js';
import {
  createPlan, updatePlan, deletePlan, plansOfGroup, updatePlanDetails,
  createBucket, updateBucket, deleteBucket, bucketsOfPlan,
  createTask, updateTask, deleteTask, tasksOfPlan, tasksOfBucket, updateTaskDetails,
} from '../services/planner.js';
import { plannerForbidden, plannerNotFound, requireBucket, requirePlan, requirePlanDetails, requireTask, requireTaskDetails, type Caller } from '../services/plannerRules.js';
import { ensurePlannerSchema, tasksAssignedTo, type Kind, type Stored } from '../services/plannerStore.js';
import { presentEntity, presentPage } from '../services/plannerPresent.js';

/**
 * Microsoft Planner over Graph v1.0: plans, plan details, buckets, tasks and task details.
 * Behaviour lives in services/planner.ts (operations), plannerRules.ts and plannerStore.ts; the JSON in
 * services/plannerPresent.ts. This file maps HTTP to them.
 */

const LEARN = 'https://learn.microsoft.com/graph/api';
const READ = SCOPES.tasksRead;
const WRITE = SCOPES.tasksWrite;

const caller = (ctx: Ctx): Caller =>
  ctx.principal.kind === 'app' && ctx.principal.app ? { userId: ctx.principal.userId, app: ctx.principal.app } : { userId: ctx.principal.userId };
const ifMatch = (ctx: Ctx) => ctx.headers.get('if-match');

function entity<K extends Kind>(ctx: Ctx, obj: Stored<K>, context: string, status = 200): RouteResult {
  const body = presentEntity(ctx, obj, context);
  return status === 201 ? created(body) : ok(body, status);
}

/** PATCH answers 204, or 200 with the updated object when the caller sends `Prefer: return=representation`. */
function afterWrite<K extends Kind>(ctx: Ctx, obj: Stored<K>, context: string): RouteResult {
  const prefer = (ctx.headers.get('prefer') ?? '').split(',').map((p) => p.trim().toLowerCase());
  return prefer.includes('return=representation') ? entity(ctx, obj, context) : noContent();
}

const collection = <K extends Kind>(ctx: Ctx, items: Stored<K>[], context: string): RouteResult => ok(presentPage(ctx, items, context));

async function jsonBody(ctx: Ctx): Promise<Record<string, unknown>> {
  const body = await ctx.json<unknown>();
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw badRequest('The request body must be a JSON object.', 'BadRequest');
  return body as Record<string, unknown>;
}

export function register(emu: Emu): void {
  ensurePlannerSchema(emu.db);
  const r = emu.router;
  const db = emu.db;

  // Plans ------------------------------------------------------------------------------------------------------
  r.post('/planner/plans', async (ctx) => entity(ctx, createPlan(emu, caller(ctx), await jsonBody(ctx)), 'planner/plans/$entity', 201), {
    scopes: WRITE,
    doc: `${LEARN}/planner-post-plans`,
  });
  r.get('/groups/{groupId}/planner/plans', (ctx) => collection(ctx, plansOfGroup(db, ctx.params.groupId!, caller(ctx)), `groups('${ctx.params.groupId}')/planner/plans`), {
    scopes: READ,
    doc: `${LEARN}/plannergroup-list-plans`,
  });
  r.get('/planner/plans/{id}/details', (ctx) => entity(ctx, requirePlanDetails(db, ctx.params.id!, caller(ctx)), `planner/plans('${ctx.params.id}')/details/$entity`), {
    scopes: READ,
    doc: `${LEARN}/plannerplandetails-get`,
  });
  r.patch(
    '/planner/plans/{id}/details',
    async (ctx) => afterWrite(ctx, updatePlanDetails(db, caller(ctx), ctx.params.id!, await jsonBody(ctx), ifMatch(ctx)), `planner/plans('${ctx.params.id}')/details/$entity`),
    { scopes: WRITE, doc: `${LEARN}/plannerplandetails-update` },
  );
  r.get('/planner/plans/{id}/buckets', (ctx) => collection(ctx, bucketsOfPlan(db, ctx.params.id!, caller(ctx)), `planner/plans('${ctx.params.id}')/buckets`), {
    scopes: READ,
    doc: `${LEARN}/plannerplan-list-buckets`,
  });
  r.get('/planner/plans/{id}/tasks', (ctx) => collection(ctx, tasksOfPlan(db, ctx.params.id!, caller(ctx)), `planner/plans('${ctx.params.id}')/tasks`), {
    scopes: READ,
    doc: `${LEARN}/plannerplan-list-tasks`,
  });
  r.get('/planner/plans/{id}', (ctx) => entity(ctx, requirePlan(db, ctx.params.id!, caller(ctx)), 'planner/plans/$entity'), {
    scopes: READ,
    doc: `${LEARN}/plannerplan-get`,
  });
  r.patch(
    '/planner/plans/{id}',
    async (ctx) => afterWrite(ctx, updatePlan(db, caller(ctx), ctx.params.id!, await jsonBody(ctx), ifMatch(ctx)), 'planner/plans/$entity'),
    { scopes: WRITE, doc: `${LEARN}/plannerplan-update` },
  );
  r.delete('/planner/plans/{id}', (ctx) => (deletePlan(db, caller(ctx), ctx.params.id!, ifMatch(ctx)), noContent()), {
    scopes: WRITE,
    doc: `${LEARN}/plannerplan-delete`,
  });

  // Buckets ----------------------------------------------------------------------------------------------------
  r.post('/planner/buckets', async (ctx) => entity(ctx, createBucket(db, caller(ctx), await jsonBody(ctx)), 'planner/buckets/$entity', 201), {
    scopes: WRITE,
    doc: `${LEARN}/planner-post-buckets`,
  });
  r.get('/planner/buckets/{id}/tasks', (ctx) => collection(ctx, tasksOfBucket(db, ctx.params.id!, caller(ctx)), `planner/buckets('${ctx.params.id}')/tasks`), {
    scopes: READ,
    doc: `${LEARN}/plannerbucket-list-tasks`,
  });
  r.get('/planner/buckets/{id}', (ctx) => entity(ctx, requireBucket(db, ctx.params.id!, caller(ctx)), 'planner/buckets/$entity'), {
    scopes: READ,
    doc: `${LEARN}/plannerbucket-get`,
  });
  r.patch(
    '/planner/buckets/{id}',
    async (ctx) => afterWrite(ctx, updateBucket(db, caller(ctx), ctx.params.id!, await jsonBody(ctx), ifMatch(ctx)), 'planner/buckets/$entity'),
    { scopes: WRITE, doc: `${LEARN}/plannerbucket-update` },
  );
  r.delete('/planner/buckets/{id}', (ctx) => (deleteBucket(db, caller(ctx), ctx.params.id!, ifMatch(ctx)), noContent()), {
    scopes: WRITE,
    doc: `${LEARN}/plannerbucket-delete`,
  });

  // Tasks ------------------------------------------------------------------------------------------------------
  r.post('/planner/tasks', async (ctx) => entity(ctx, createTask(emu, caller(ctx), await jsonBody(ctx)), 'planner/tasks/$entity', 201), {
    scopes: WRITE,
    doc: `${LEARN}/planner-post-tasks`,
  });
  r.get('/planner/tasks/{id}/details', (ctx) => entity(ctx, requireTaskDetails(db, ctx.params.id!, caller(ctx)), `planner/tasks('${ctx.params.id}')/details/$entity`), {
    scopes: READ,
    doc: `${LEARN}/plannertaskdetails-get`,
  });
  r.patch(
    '/planner/tasks/{id}/details',
    async (ctx) =>
      afterWrite(ctx, updateTaskDetails(emu, caller(ctx), ctx.params.id!, await jsonBody(ctx), ifMatch(ctx)), `planner/tasks('${ctx.params.id}')/details/$entity`),
    { scopes: WRITE, doc: `${LEARN}/plannertaskdetails-update` },
  );
  r.get('/planner/tasks/{id}', (ctx) => entity(ctx, requireTask(db, ctx.params.id!, caller(ctx)), 'planner/tasks/$entity'), {
    scopes: READ,
    doc: `${LEARN}/plannertask-get`,
  });
  r.patch(
    '/planner/tasks/{id}',
    async (ctx) => afterWrite(ctx, updateTask(emu, caller(ctx), ctx.params.id!, await jsonBody(ctx), ifMatch(ctx)), 'planner/tasks/$entity'),
    { scopes: WRITE, doc: `${LEARN}/plannertask-update` },
  );
  r.delete('/planner/tasks/{id}', (ctx) => (deleteTask(db, caller(ctx), ctx.params.id!, ifMatch(ctx)), noContent()), {
    scopes: WRITE,
    doc: `${LEARN}/plannertask-delete`,
  });

  // Tasks assigned to a user -----------------------------------------------------------------------------------
  r.get('/me/planner/tasks', (ctx) => collection(ctx, tasksAssignedTo(db, ctx.principal.userId), `users('${ctx.principal.userId}')/planner/tasks`), {
    scopes: READ,
    doc: `${LEARN}/planneruser-list-tasks`,
  });
  // Delegated callers read their own assigned tasks here; another user's list answers 403.
  r.get(
    '/users/{userId}/planner/tasks',
    (ctx) => {
      const user = findUser(db, ctx.params.userId!);
      if (!user) throw plannerNotFound();
      if (user.id !== ctx.principal.userId) throw plannerForbidden();
      return collection(ctx, tasksAssignedTo(db, user.id), `users('${user.id}')/planner/tasks`);
    },
    { scopes: READ, doc: `${LEARN}/planneruser-list-tasks` },
  );
}
