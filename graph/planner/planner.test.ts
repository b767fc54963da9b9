import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, demo, type TestEmulator } from '../../tests/support/emulator.js';
import { groupIdOf, userIdOf } from '../../emulator/seed/tenant.js';
import { createGraphClient } from '../core/client.js';
import { GraphConflictError, GraphError } from '../core/errors.js';
import {
  createBucket,
  createPlan,
  createTask,
  getBuckets,
  getGroupPlans,
  getMyTasks,
  getPlanTasks,
  getTask,
  getTaskDetails,
  plannerAssignment,
  updateTask,
  updateTaskDetails,
} from './index.js';

let emu: TestEmulator;
const clientFor = (upn: string) => createGraphClient({ baseUrl: emu.graphBaseUrl, getToken: () => emu.token(upn) });
const SMS = () => groupIdOf('Kestrel SMS');
let planId: string;
let bucketId: string;

beforeAll(async () => {
  emu = await startTestEmulator();
  const plan = await createPlan(clientFor(demo.tom), SMS(), 'SMS actions (graph test)');
  planId = plan.id!;
  bucketId = (await createBucket(clientFor(demo.tom), planId, 'Open', ' !')).id!;
});
afterAll(async () => {
  await emu.close();
});

describe('plans and buckets', () => {
  it('the new plan belongs to the group and lists its bucket', async () => {
    const plans = await getGroupPlans(clientFor(demo.priya), SMS());
    expect(plans.map((p) => p.id)).toContain(planId);
    const buckets = await getBuckets(clientFor(demo.priya), planId);
    expect(buckets.map((b) => b.name)).toEqual(['Open']);
    expect(buckets[0]!['@odata.etag']).toBeTruthy();
  });
});

describe('tasks', () => {
  it('creates an assigned task that shows in the plan and in the assignee’s own tasks', async () => {
    const task = await createTask(clientFor(demo.tom), {
      planId,
      bucketId,
      title: 'Close NC-2025-001',
      assignments: { [userIdOf(demo.priya)]: plannerAssignment() },
    });
    expect((await getPlanTasks(clientFor(demo.tom), planId)).map((t) => t.id)).toContain(task.id);
    expect((await getMyTasks(clientFor(demo.priya))).map((t) => t.id)).toContain(task.id);
    expect((await getMyTasks(clientFor(demo.jack))).map((t) => t.id)).not.toContain(task.id);
  });

  it('updates with the ETag it read and returns the new ETag', async () => {
    const task = await createTask(clientFor(demo.tom), { planId, bucketId, title: 'Review supplier' });
    const read = await getTask(clientFor(demo.priya), task.id!);
    const updated = await updateTask(clientFor(demo.priya), task.id!, { percentComplete: 50 }, read['@odata.etag']!);
    expect(updated.percentComplete).toBe(50);
    expect(updated['@odata.etag']).not.toBe(read['@odata.etag']);
    expect((await getTask(clientFor(demo.tom), task.id!))['@odata.etag']).toBe(updated['@odata.etag']);
  });

  it('a conflicting change made with a stale ETag is a GraphConflictError (409) and is not applied', async () => {
    const task = await createTask(clientFor(demo.tom), { planId, bucketId, title: 'Original title' });
    const seenByBoth = task['@odata.etag']!;
    await updateTask(clientFor(demo.tom), task.id!, { title: 'Tom’s title' }, seenByBoth);
    const err = await updateTask(clientFor(demo.priya), task.id!, { title: 'Priya’s title' }, seenByBoth).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GraphConflictError);
    expect((err as GraphError).status).toBe(409);
    expect((await getTask(clientFor(demo.tom), task.id!)).title).toBe('Tom’s title');
  });

  it('an ETag that is not a version of the task is a GraphConflictError (412)', async () => {
    const task = await createTask(clientFor(demo.tom), { planId, bucketId, title: 'Bad etag' });
    const err = await updateTask(clientFor(demo.tom), task.id!, { title: 'x' }, 'W/"not-a-version"').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GraphConflictError);
    expect((err as GraphError).status).toBe(412);
  });

  it('task details carry their own ETag; a description update uses it', async () => {
    const task = await createTask(clientFor(demo.tom), { planId, bucketId, title: 'With details' });
    const details = await getTaskDetails(clientFor(demo.tom), task.id!);
    expect(details['@odata.etag']).not.toBe(task['@odata.etag']);
    const updated = await updateTaskDetails(clientFor(demo.tom), task.id!, { description: 'Linked to NC-2025-001' }, details['@odata.etag']!);
    expect(updated.description).toBe('Linked to NC-2025-001');
    await expect(updateTaskDetails(clientFor(demo.tom), task.id!, { description: 'stale' }, details['@odata.etag']!)).rejects.toBeInstanceOf(GraphConflictError);
  });
});
