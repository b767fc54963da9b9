import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestEmulator, demo, type TestEmulator } from '../../tests/support/emulator.js';
import { groupIdOf, userIdOf, TENANT } from '../seed/tenant.js';
import { insertUser } from '../services/directory.js';

/** The Planner JSON these tests read (a loose view: only the members they look at are typed). */
interface Json {
  [key: string]: unknown;
  id: string;
  '@odata.etag': string;
  '@odata.context': string;
  '@odata.nextLink'?: string;
  value: Json[];
  error: { code: string; message: string; innerError: Record<string, string> };
  title: string;
  name: string;
  planId: string;
  bucketId: string;
  orderHint: string;
  assigneePriority: string;
  createdDateTime: string;
  startDateTime: string | null;
  completedDateTime: string;
  assignedDateTime: string;
  priority: number;
  percentComplete: number;
  container: { containerId: string };
  assignments: Record<string, Json>;
  references: Record<string, Json>;
  checklist: Record<string, Json>;
  categoryDescriptions: Record<string, string | null>;
}

const SMS = groupIdOf('Kestrel SMS');
const jackId = userIdOf(demo.jack);
const tomId = userIdOf(demo.tom);
const OUTSIDER = `outside.contractor@${TENANT.domain}`;
const outsiderId = randomUUID();

let emu: TestEmulator;

beforeAll(async () => {
  emu = await startTestEmulator();
  // A user of the tenant who is not a member of the Kestrel SMS group.
  insertUser(emu.emulator.emu.db, { id: outsiderId, userPrincipalName: OUTSIDER, displayName: 'Outside Contractor' });
});
afterAll(() => emu.close());

async function call(upn: string, method: string, url: string, body?: unknown, headers: Record<string, string> = {}, scopes?: string[]) {
  const res = await emu.graph(upn, url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), scopes });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as Json };
}

const post = (upn: string, url: string, body: unknown) => call(upn, 'POST', url, body);
const get = (upn: string, url: string) => call(upn, 'GET', url);
const patch = (upn: string, url: string, body: unknown, headers: Record<string, string> = {}) => call(upn, 'PATCH', url, body, headers);
const del = (upn: string, url: string, headers: Record<string, string> = {}) => call(upn, 'DELETE', url, undefined, headers);

const assignment = (orderHint = ' !') => ({ '@odata.type': '#microsoft.graph.plannerAssignment', orderHint });

async function newPlan(title = 'SMS actions', upn = demo.tom): Promise<Json> {
  const res = await post(upn, '/planner/plans', { container: { url: `https://graph.microsoft.com/v1.0/groups/${SMS}` }, title });
  expect(res.status).toBe(201);
  return res.body;
}

async function newTask(planId: string, extra: Record<string, unknown> = {}, upn = demo.tom): Promise<Json> {
  const res = await post(upn, '/planner/tasks', { planId, title: 'Review the incident procedure', ...extra });
  expect(res.status).toBe(201);
  return res.body;
}

describe('Planner plans', () => {
  it('creates a plan in the group for a member, with details that have their own ETag', async () => {
    const plan = await newPlan('Improvement actions');
    expect(plan.id).toMatch(/^[\w-]{28}$/);
    expect(plan.title).toBe('Improvement actions');
    expect(plan.container).toMatchObject({ containerId: SMS, type: 'group' });
    expect(plan.createdBy).toEqual({ user: { id: tomId } });
    expect(plan['@odata.etag']).toMatch(/^W\/".+"$/);
    expect(plan['@odata.context']).toContain('$metadata#planner/plans/$entity');

    const details = await get(demo.tom, `/planner/plans/${plan.id}/details`);
    expect(details.status).toBe(200);
    expect(details.body.id).toBe(plan.id);
    expect(details.body['@odata.etag']).not.toBe(plan['@odata.etag']);
    expect(details.body.categoryDescriptions.category25).toBeNull();

    const byGroup = await get(demo.jack, `/groups/${SMS}/planner/plans`);
    expect(byGroup.status).toBe(200);
    expect(byGroup.body.value.map((p: Json) => p.id)).toContain(plan.id);
  });

  it('accepts containerId and type instead of the url', async () => {
    const res = await post(demo.priya, '/planner/plans', { container: { containerId: SMS, type: 'group' }, title: 'Audit programme' });
    expect(res.status).toBe(201);
    expect(res.body.container.containerId).toBe(SMS);
  });

  it('refuses to create a plan in a group the caller is not a member of, and hides its plans', async () => {
    // Jack (service desk) is not in SMS-Managers.
    const managers = groupIdOf('SMS-Managers');
    const res = await post(demo.jack, '/planner/plans', { container: { url: `https://graph.microsoft.com/v1.0/groups/${managers}` }, title: 'Nope' });
    expect(res.status).toBe(403);
    expect((await get(demo.jack, `/groups/${managers}/planner/plans`)).status).toBe(403);
  });

  it('keeps plans and tasks away from users outside the group', async () => {
    const plan = await newPlan();
    const task = await newTask(plan.id);
    expect((await get(OUTSIDER, `/planner/plans/${plan.id}`)).status).toBe(403);
    expect((await get(OUTSIDER, `/planner/tasks/${task.id}`)).status).toBe(403);
    expect((await post(OUTSIDER, '/planner/tasks', { planId: plan.id, title: 'x' })).status).toBe(403);
  });

  it('renames a plan with If-Match and labels categories in the plan details', async () => {
    const plan = await newPlan('Draft');
    expect((await patch(demo.tom, `/planner/plans/${plan.id}`, { title: 'Management review actions' }, { 'If-Match': plan['@odata.etag'] })).status).toBe(204);
    const after = await get(demo.tom, `/planner/plans/${plan.id}`);
    expect(after.body.title).toBe('Management review actions');
    expect(after.body['@odata.etag']).not.toBe(plan['@odata.etag']);

    const details = (await get(demo.tom, `/planner/plans/${plan.id}/details`)).body;
    const wrongCategory = await patch(demo.tom, `/planner/plans/${plan.id}/details`, { categoryDescriptions: { category26: 'x' } }, { 'If-Match': details['@odata.etag'] });
    expect(wrongCategory.status).toBe(400);
    const labelled = await patch(
      demo.tom,
      `/planner/plans/${plan.id}/details`,
      { categoryDescriptions: { category1: 'Nonconformity', category25: 'Opportunity' } },
      { 'If-Match': details['@odata.etag'], Prefer: 'return=representation' },
    );
    expect(labelled.status).toBe(200);
    expect(labelled.body.categoryDescriptions).toMatchObject({ category1: 'Nonconformity', category25: 'Opportunity', category2: null });
  });

  it('cannot move a plan to another container', async () => {
    const plan = await newPlan();
    const res = await patch(demo.tom, `/planner/plans/${plan.id}`, { container: { containerId: groupIdOf('SMS-Managers'), type: 'group' } }, { 'If-Match': plan['@odata.etag'] });
    expect(res.status).toBe(400);
  });
});

describe('Planner buckets', () => {
  it('creates, lists, renames, reorders and deletes buckets', async () => {
    const plan = await newPlan();
    const todo = (await post(demo.tom, '/planner/buckets', { name: 'To do', planId: plan.id, orderHint: ' !' })).body;
    const done = (await post(demo.tom, '/planner/buckets', { name: 'Done', planId: plan.id })).body;
    expect(todo.planId).toBe(plan.id);
    expect(todo.orderHint).not.toBe(' !');

    const listed = await get(demo.jack, `/planner/plans/${plan.id}/buckets`);
    expect(listed.body.value.map((b: Json) => b.name)).toEqual(['To do', 'Done']);

    // Move "Done" before "To do": "<previous> <next>!" with no previous item.
    const moved = await patch(demo.tom, `/planner/buckets/${done.id}`, { orderHint: ` ${todo.orderHint}!` }, { 'If-Match': done['@odata.etag'], Prefer: 'return=representation' });
    expect(moved.status).toBe(200);
    const sorted = (await get(demo.tom, `/planner/plans/${plan.id}/buckets`)).body.value
      .sort((a: Json, b: Json) => (a.orderHint < b.orderHint ? -1 : 1))
      .map((b: Json) => b.name);
    expect(sorted).toEqual(['Done', 'To do']);

    // A value the service returned cannot be sent back as is.
    const raw = await patch(demo.tom, `/planner/buckets/${todo.id}`, { orderHint: todo.orderHint }, { 'If-Match': todo['@odata.etag'] });
    expect(raw.status).toBe(400);

    const renamed = await patch(demo.tom, `/planner/buckets/${todo.id}`, { name: 'Open' }, { 'If-Match': todo['@odata.etag'] });
    expect(renamed.status).toBe(204);
    expect((await get(demo.tom, `/planner/buckets/${todo.id}`)).body.name).toBe('Open');

    const current = (await get(demo.tom, `/planner/buckets/${done.id}`)).body['@odata.etag'];
    expect((await del(demo.tom, `/planner/buckets/${done.id}`, { 'If-Match': current })).status).toBe(204);
    expect((await get(demo.tom, `/planner/buckets/${done.id}`)).status).toBe(404);
  });

  it('returns 403 MaximumBucketsInProject past the documented 200 buckets', async () => {
    const plan = await newPlan();
    for (let i = 0; i < 200; i++) {
      const res = await post(demo.tom, '/planner/buckets', { name: `B${i}`, planId: plan.id });
      expect(res.status).toBe(201);
    }
    const over = await post(demo.tom, '/planner/buckets', { name: 'one too many', planId: plan.id });
    expect(over.status).toBe(403);
    expect(over.body.error.code).toBe('MaximumBucketsInProject');
  });
});

describe('Planner tasks', () => {
  let plan: Json;
  let bucket: Json;
  let task: Json;

  beforeAll(async () => {
    plan = await newPlan('Corrective actions');
    bucket = (await post(demo.tom, '/planner/buckets', { name: 'To do', planId: plan.id, orderHint: ' !' })).body;
    task = await newTask(plan.id, {
      bucketId: bucket.id,
      title: 'Update the major incident procedure',
      assignments: { [jackId]: assignment() },
      dueDateTime: '2030-01-31T17:00:00Z',
      appliedCategories: { category1: true },
    });
  });

  it('creates a task assigned to Jack with the fields Planner computes', () => {
    expect(task.planId).toBe(plan.id);
    expect(task.bucketId).toBe(bucket.id);
    expect(task.createdBy).toEqual({ user: { id: tomId } });
    expect(Date.parse(task.createdDateTime)).not.toBeNaN();
    expect(task.priority).toBe(5);
    expect(task.percentComplete).toBe(0);
    expect(task.conversationThreadId).toBeNull();
    expect(task.completedDateTime).toBeNull();
    expect(task.hasDescription).toBe(false);
    expect(task.checklistItemCount).toBe(0);
    expect(task.activeChecklistItemCount).toBe(0);
    expect(task.referenceCount).toBe(0);
    expect(typeof task.orderHint).toBe('string');
    expect(task.orderHint.length).toBeGreaterThan(0);
    expect(typeof task.assigneePriority).toBe('string');
    expect(task.appliedCategories).toEqual({ category1: true });
    const a = task.assignments[jackId]!;
    expect(a['@odata.type']).toBe('#microsoft.graph.plannerAssignment');
    expect(a.assignedBy).toEqual({ user: { id: tomId } });
    expect(Date.parse(a.assignedDateTime)).not.toBeNaN();
    expect(a.orderHint).not.toBe(' !');
  });

  it("lists the task in Jack's /me/planner/tasks but not in Tom's", async () => {
    const jacks = await get(demo.jack, '/me/planner/tasks');
    expect(jacks.status).toBe(200);
    expect(jacks.body.value.map((t: Json) => t.id)).toContain(task.id);
    const toms = await get(demo.tom, '/me/planner/tasks');
    expect(toms.body.value.map((t: Json) => t.id)).not.toContain(task.id);
    // Jack may read his own list by id; not someone else's.
    expect((await get(demo.jack, `/users/${jackId}/planner/tasks`)).body.value.map((t: Json) => t.id)).toContain(task.id);
    expect((await get(demo.jack, `/users/${tomId}/planner/tasks`)).status).toBe(403);
  });

  it('lists the task under its plan and its bucket', async () => {
    expect((await get(demo.jack, `/planner/plans/${plan.id}/tasks`)).body.value.map((t: Json) => t.id)).toContain(task.id);
    expect((await get(demo.jack, `/planner/buckets/${bucket.id}/tasks`)).body.value.map((t: Json) => t.id)).toContain(task.id);
  });

  it('PATCH with the current ETag answers 204 and gives the task a new ETag', async () => {
    const before = (await get(demo.jack, `/planner/tasks/${task.id}`)).body;
    const res = await patch(demo.jack, `/planner/tasks/${task.id}`, { priority: 1 }, { 'If-Match': before['@odata.etag'] });
    expect(res.status).toBe(204);
    expect(res.body).toBeUndefined();
    const after = (await get(demo.jack, `/planner/tasks/${task.id}`)).body;
    expect(after.priority).toBe(1);
    expect(after['@odata.etag']).not.toBe(before['@odata.etag']);
  });

  it('PATCH with an older ETag that touches a property changed since answers 409 and changes nothing', async () => {
    const v1 = (await get(demo.jack, `/planner/tasks/${task.id}`)).body;
    expect((await patch(demo.jack, `/planner/tasks/${task.id}`, { title: 'First edit' }, { 'If-Match': v1['@odata.etag'] })).status).toBe(204);
    const stale = await patch(demo.tom, `/planner/tasks/${task.id}`, { title: 'Second edit' }, { 'If-Match': v1['@odata.etag'] });
    expect(stale.status).toBe(409);
    expect((await get(demo.jack, `/planner/tasks/${task.id}`)).body.title).toBe('First edit');
  });

  it('PATCH with an older ETag is accepted when it does not conflict with newer changes', async () => {
    const v1 = (await get(demo.jack, `/planner/tasks/${task.id}`)).body;
    expect((await patch(demo.jack, `/planner/tasks/${task.id}`, { title: 'Retitled' }, { 'If-Match': v1['@odata.etag'] })).status).toBe(204);
    const other = await patch(demo.tom, `/planner/tasks/${task.id}`, { startDateTime: '2029-12-01T09:00:00Z' }, { 'If-Match': v1['@odata.etag'] });
    expect(other.status).toBe(204);
    const now = (await get(demo.jack, `/planner/tasks/${task.id}`)).body;
    expect(now.title).toBe('Retitled');
    expect(now.startDateTime).toMatch(/^2029-12-01T09:00:00/);
  });

  it('PATCH with an ETag that is not a version of the task answers 412 and changes nothing', async () => {
    const before = (await get(demo.jack, `/planner/tasks/${task.id}`)).body;
    const wrong = await patch(demo.jack, `/planner/tasks/${task.id}`, { title: 'Should not stick' }, { 'If-Match': plan['@odata.etag'] });
    expect(wrong.status).toBe(412);
    const after = (await get(demo.jack, `/planner/tasks/${task.id}`)).body;
    expect(after.title).toBe(before.title);
    expect(after['@odata.etag']).toBe(before['@odata.etag']);
  });

  it('PATCH without If-Match is refused (412, as Planner does) and changes nothing', async () => {
    const before = (await get(demo.jack, `/planner/tasks/${task.id}`)).body;
    const res = await patch(demo.jack, `/planner/tasks/${task.id}`, { title: 'No precondition' });
    expect(res.status).toBe(412);
    expect(res.body.error.message).toBe('The If-Match header must be specified for this kind of request.');
    expect(res.body.error.innerError['request-id']).toBeTruthy();
    expect((await get(demo.jack, `/planner/tasks/${task.id}`)).body['@odata.etag']).toBe(before['@odata.etag']);
  });

  it('Prefer: return=representation answers 200 with the updated task', async () => {
    const before = (await get(demo.jack, `/planner/tasks/${task.id}`)).body;
    const res = await patch(demo.jack, `/planner/tasks/${task.id}`, { percentComplete: 50 }, { 'If-Match': before['@odata.etag'], Prefer: 'return=representation' });
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(task.id);
    expect(res.body.percentComplete).toBe(50);
    expect(res.body['@odata.etag']).not.toBe(before['@odata.etag']);
    expect(res.body['@odata.context']).toContain('$metadata#planner/tasks/$entity');
    expect((await get(demo.jack, `/planner/tasks/${task.id}`)).body['@odata.etag']).toBe(res.body['@odata.etag']);
  });

  it('rejects an assignment without @odata.type with 400', async () => {
    const before = (await get(demo.tom, `/planner/tasks/${task.id}`)).body;
    const res = await patch(demo.tom, `/planner/tasks/${task.id}`, { assignments: { [tomId]: { orderHint: ' !' } } }, { 'If-Match': before['@odata.etag'] });
    expect(res.status).toBe(400);
    expect(Object.keys((await get(demo.tom, `/planner/tasks/${task.id}`)).body.assignments)).toEqual([jackId]);
  });

  it('refuses to assign someone who is not a member of the plan group', async () => {
    const before = (await get(demo.tom, `/planner/tasks/${task.id}`)).body;
    const res = await patch(demo.tom, `/planner/tasks/${task.id}`, { assignments: { [outsiderId]: assignment() } }, { 'If-Match': before['@odata.etag'] });
    expect(res.status).toBe(403);
    expect(Object.keys((await get(demo.tom, `/planner/tasks/${task.id}`)).body.assignments)).toEqual([jackId]);
    const create = await post(demo.tom, '/planner/tasks', { planId: plan.id, title: 'x', assignments: { [outsiderId]: assignment() } });
    expect(create.status).toBe(403);
  });

  it('adds and removes assignees (null unassigns) keeping assignedBy of the original assignment', async () => {
    let cur = (await get(demo.tom, `/planner/tasks/${task.id}`)).body;
    const jackAssigned = cur.assignments[jackId]!;
    const added = await patch(demo.priya, `/planner/tasks/${task.id}`, { assignments: { [tomId]: assignment(`${jackAssigned.orderHint} !`) } }, {
      'If-Match': cur['@odata.etag'],
      Prefer: 'return=representation',
    });
    expect(added.status).toBe(200);
    expect(added.body.assignments[tomId]!.assignedBy).toEqual({ user: { id: userIdOf(demo.priya) } });
    expect(added.body.assignments[tomId]!.orderHint > jackAssigned.orderHint).toBe(true);
    expect(added.body.assignments[jackId]).toEqual(jackAssigned);
    expect((await get(demo.tom, '/me/planner/tasks')).body.value.map((t: Json) => t.id)).toContain(task.id);

    cur = added.body;
    const removed = await patch(demo.tom, `/planner/tasks/${task.id}`, { assignments: { [tomId]: null } }, { 'If-Match': cur['@odata.etag'] });
    expect(removed.status).toBe(204);
    expect((await get(demo.tom, '/me/planner/tasks')).body.value.map((t: Json) => t.id)).not.toContain(task.id);
  });

  it('sets completedDateTime and completedBy when percentComplete reaches 100, and clears them when reopened', async () => {
    const t = await newTask(plan.id, { assignments: { [jackId]: assignment() } });
    const done = await patch(demo.jack, `/planner/tasks/${t.id}`, { percentComplete: 100 }, { 'If-Match': t['@odata.etag'], Prefer: 'return=representation' });
    expect(done.status).toBe(200);
    expect(Date.parse(done.body.completedDateTime)).not.toBeNaN();
    expect(done.body.completedBy).toEqual({ user: { id: jackId } });
    const reopened = await patch(demo.jack, `/planner/tasks/${t.id}`, { percentComplete: 50 }, { 'If-Match': done.body['@odata.etag'], Prefer: 'return=representation' });
    expect(reopened.body.completedDateTime).toBeNull();
    expect(reopened.body.completedBy).toBeNull();
  });

  it('rejects a start date later than the due date, a bucket of another plan and an out-of-range priority', async () => {
    const other = await newPlan();
    const foreignBucket = (await post(demo.tom, '/planner/buckets', { name: 'Elsewhere', planId: other.id })).body;
    expect((await post(demo.tom, '/planner/tasks', { planId: plan.id, title: 'x', startDateTime: '2030-02-01T00:00:00Z', dueDateTime: '2030-01-01T00:00:00Z' })).status).toBe(400);
    expect((await post(demo.tom, '/planner/tasks', { planId: plan.id, title: 'x', bucketId: foreignBucket.id })).status).toBe(400);
    expect((await post(demo.tom, '/planner/tasks', { planId: plan.id, title: 'x', priority: 11 })).status).toBe(400);
    expect((await post(demo.tom, '/planner/tasks', { planId: plan.id, title: 'x', appliedCategories: { category26: true } })).status).toBe(400);
  });

  it('DELETE needs If-Match; with the current ETag it answers 204 and the task is gone', async () => {
    const t = await newTask(plan.id);
    expect((await del(demo.tom, `/planner/tasks/${t.id}`)).status).toBe(412);
    const changed = await patch(demo.tom, `/planner/tasks/${t.id}`, { title: 'Changed' }, { 'If-Match': t['@odata.etag'], Prefer: 'return=representation' });
    expect((await del(demo.tom, `/planner/tasks/${t.id}`, { 'If-Match': t['@odata.etag'] })).status).toBe(409);
    expect((await del(demo.tom, `/planner/tasks/${t.id}`, { 'If-Match': changed.body['@odata.etag'] })).status).toBe(204);
    expect((await get(demo.tom, `/planner/tasks/${t.id}`)).status).toBe(404);
    expect((await get(demo.tom, `/planner/tasks/${t.id}/details`)).status).toBe(404);
  });
});

describe('Planner task details', () => {
  it('updates description, references keyed by an encoded URL and checklist with the details ETag', async () => {
    const plan = await newPlan();
    const task = await newTask(plan.id);
    const details = await get(demo.tom, `/planner/tasks/${task.id}/details`);
    expect(details.status).toBe(200);
    expect(details.body).toMatchObject({ id: task.id, description: '', previewType: 'automatic', references: {}, checklist: {} });
    const detailsEtag = details.body['@odata.etag'];
    expect(detailsEtag).not.toBe(task['@odata.etag']);

    const ref = 'https%3A//kestrelms%2Esharepoint%2Ecom/sites/KestrelSMS/Lists/Nonconformities/DispForm%2Easpx?ID=12';
    const itemId = randomUUID();
    const body = {
      description: 'Raised from NC-0012',
      references: { [ref]: { '@odata.type': '#microsoft.graph.plannerExternalReference', alias: 'NC-0012', type: 'Other', previewPriority: ' !' } },
      checklist: { [itemId]: { '@odata.type': '#microsoft.graph.plannerChecklistItem', title: 'Agree the fix' } },
    };

    // The task's ETag is not a version of the details.
    expect((await patch(demo.tom, `/planner/tasks/${task.id}/details`, body, { 'If-Match': task['@odata.etag'] })).status).toBe(412);

    const res = await patch(demo.tom, `/planner/tasks/${task.id}/details`, body, { 'If-Match': detailsEtag });
    expect(res.status).toBe(204);
    const after = (await get(demo.tom, `/planner/tasks/${task.id}/details`)).body;
    expect(after['@odata.etag']).not.toBe(detailsEtag);
    expect(after.description).toBe('Raised from NC-0012');
    expect(Object.keys(after.references)).toEqual([ref]);
    expect(after.references[ref]).toMatchObject({ '@odata.type': '#microsoft.graph.plannerExternalReference', alias: 'NC-0012', type: 'Other' });
    expect(after.references[ref]!.lastModifiedBy).toEqual({ user: { id: tomId } });
    expect(after.checklist[itemId]).toMatchObject({ title: 'Agree the fix', isChecked: false });

    const t = (await get(demo.tom, `/planner/tasks/${task.id}`)).body;
    expect(t).toMatchObject({ hasDescription: true, referenceCount: 1, checklistItemCount: 1, activeChecklistItemCount: 1 });
    expect(t['@odata.etag']).not.toBe(task['@odata.etag']);

    const checked = await patch(
      demo.tom,
      `/planner/tasks/${task.id}/details`,
      { checklist: { [itemId]: { '@odata.type': '#microsoft.graph.plannerChecklistItem', isChecked: true } }, references: { [ref]: null } },
      { 'If-Match': after['@odata.etag'], Prefer: 'return=representation' },
    );
    expect(checked.status).toBe(200);
    expect(checked.body.checklist[itemId]).toMatchObject({ title: 'Agree the fix', isChecked: true });
    expect(checked.body.references).toEqual({});
    expect((await get(demo.tom, `/planner/tasks/${task.id}`)).body).toMatchObject({ referenceCount: 0, checklistItemCount: 1, activeChecklistItemCount: 0 });
  });

  it('rejects a reference whose key is not encoded, or whose value has no @odata.type', async () => {
    const plan = await newPlan();
    const task = await newTask(plan.id);
    const etag = (await get(demo.tom, `/planner/tasks/${task.id}/details`)).body['@odata.etag'];
    const unencoded = await patch(
      demo.tom,
      `/planner/tasks/${task.id}/details`,
      { references: { 'https://kestrelms.sharepoint.com/sites/KestrelSMS': { '@odata.type': '#microsoft.graph.plannerExternalReference', alias: 'Site' } } },
      { 'If-Match': etag },
    );
    expect(unencoded.status).toBe(400);
    const untyped = await patch(demo.tom, `/planner/tasks/${task.id}/details`, { references: { 'https%3A//kestrelms%2Esharepoint%2Ecom': { alias: 'Site' } } }, { 'If-Match': etag });
    expect(untyped.status).toBe(400);
    expect((await get(demo.tom, `/planner/tasks/${task.id}/details`)).body.references).toEqual({});
  });
});

describe('Planner scopes, paging, limits and persistence', () => {
  it('needs Tasks.Read to read and Tasks.ReadWrite to write', async () => {
    const plan = await newPlan();
    const noTasks = await call(demo.tom, 'GET', `/planner/plans/${plan.id}`, undefined, {}, ['User.Read']);
    expect(noTasks.status).toBe(403);
    const readOnly = await call(demo.tom, 'GET', `/planner/plans/${plan.id}`, undefined, {}, ['Tasks.Read']);
    expect(readOnly.status).toBe(200);
    const write = await call(demo.tom, 'POST', '/planner/tasks', { planId: plan.id, title: 'x' }, {}, ['Tasks.Read']);
    expect(write.status).toBe(403);
  });

  it('pages plan tasks with an opaque @odata.nextLink', async () => {
    const plan = await newPlan();
    for (let i = 0; i < 401; i++) await newTask(plan.id, { title: `T${i}` });
    const first = await get(demo.tom, `/planner/plans/${plan.id}/tasks`);
    expect(first.body.value.length).toBeGreaterThan(0);
    expect(first.body['@odata.nextLink']).toMatch(/^http/);
    const ids = new Set<string>(first.body.value.map((t: Json) => t.id));
    let next: string | undefined = first.body['@odata.nextLink'];
    while (next) {
      const page = await get(demo.tom, next);
      expect(page.status).toBe(200);
      for (const t of page.body.value) ids.add(t.id);
      next = page.body['@odata.nextLink'];
    }
    expect(ids.size).toBe(401);
  });

  it('answers 403 MaximumTasksInProject once a plan holds the documented 9,000 tasks', async () => {
    const plan = await newPlan();
    const seed = await newTask(plan.id, { percentComplete: 100 });
    // Fill the plan with completed copies of the seed task directly in the store (9,000 HTTP calls would be slow).
    emu.emulator.emu.db
      .prepare(
        `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 8999)
         INSERT INTO planner_objects(kind, id, plan_id, group_id, bucket_id, done, created_by, etag, seq, json)
         SELECT kind, id || '-' || i, plan_id, group_id, bucket_id, done, created_by, etag, seq, json FROM planner_objects, n WHERE kind = 'task' AND id = ?`,
      )
      .run(seed.id);
    const over = await post(demo.tom, '/planner/tasks', { planId: plan.id, title: 'one too many' });
    expect(over.status).toBe(403);
    expect(over.body.error.code).toBe('MaximumTasksInProject');
  });

  it('keeps plans, tasks and ETags across a restart', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planner-'));
    try {
      const first = await startTestEmulator({ dataDir: dir });
      let created: Json;
      try {
        const p = (await (await first.graph(demo.tom, '/planner/plans', { method: 'POST', body: JSON.stringify({ container: { containerId: SMS, type: 'group' }, title: 'Kept' }) })).json()) as Json;
        created = (await (await first.graph(demo.tom, '/planner/tasks', { method: 'POST', body: JSON.stringify({ planId: p.id, title: 'Survives' }) })).json()) as Json;
      } finally {
        await first.close();
      }
      const second = await startTestEmulator({ dataDir: dir });
      try {
        const again = (await (await second.graph(demo.tom, `/planner/tasks/${created.id}`)).json()) as Json;
        expect(again.title).toBe('Survives');
        expect(again['@odata.etag']).toBe(created['@odata.etag']);
        const res = await second.graph(demo.tom, `/planner/tasks/${created.id}`, { method: 'PATCH', headers: { 'If-Match': created['@odata.etag'] }, body: JSON.stringify({ priority: 3 }) });
        expect(res.status).toBe(204);
      } finally {
        await second.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
