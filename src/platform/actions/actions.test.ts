// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupIdOf } from '../../../emulator/seed/tenant.js';
import type { GraphClient } from '../../../graph/core/client.js';
import { GraphError } from '../../../graph/core/errors.js';
import { createTask, deleteTask, getTask, getTaskDetails, plannerAssignment, updateTask } from '../../../graph/planner/planner.js';
import { referenceUrl } from '../../../graph/planner/references.js';
import { demo } from '../../../tests/support/emulator.js';
import { startSmsEmulator, type SmsEmulator } from '../../../tests/support/smsEmulator.js';
import { systemClock } from '../clock.js';
import { loadPeopleDirectory, type PeopleDirectory } from '../people.js';
import { platformWriteDeps } from '../registers/write.defaults.js';
import { loadSmsSite, type SmsSite } from '../site.js';
import { changeAction, transitionAction } from './change.js';
import { actionsPlan } from './plannerPlan.js';
import { ActionRefusedError, checkAssignable, raiseAction, type RaiseActionInput } from './raise.js';
import { loadActionByRef, loadActionsOfSource, loadMyActions } from './read.js';
import { syncActions } from './sync.js';
import type { ActionsContext } from './types.js';

/**
 * The actions engine against the emulator over HTTP (the SMS site provisioned as `npm run provision` does, its
 * plan "SMS Actions" with the seven buckets): raising an action with its Planner task exactly once, assignees
 * limited to the SMS group, SharePoint master for what the action is, progress from Planner (set through Graph
 * as the assignee), 409/412 merged, deleted tasks recreated, a second sync writing nothing, and the NC moving to
 * 'Effectiveness check' once its actions are complete.
 */
let sms: SmsEmulator;
let site: SmsSite;
let people: PeopleDirectory;
let ncId: number;
const NC_REF = 'NC-2099-001';
const ORIGIN = 'https://sms.example';
type Json = Record<string, unknown>;

const ROLES = { [demo.tom]: ['smsManager', 'processOwner', 'employee'], [demo.marcus]: ['processOwner', 'employee'] } as const;

function ctxOf(upn: string, client: GraphClient = sms.clientAs(upn)): ActionsContext {
  return {
    client,
    site,
    people,
    timeZone: 'UTC',
    today: systemClock.today(),
    appOrigin: ORIGIN,
    actor: { id: upn, roles: [...(ROLES[upn as keyof typeof ROLES] ?? ['employee'])], ownedProcessIds: [] },
    writeDeps: platformWriteDeps({ client, site, actor: { upn, lookupId: people.byId(upn)?.lookupId ?? null }, clock: systemClock }),
  };
}
const appCtx = (): ActionsContext => ({ ...ctxOf(demo.tom), actor: 'app' });

async function json<T = Json>(res: Response): Promise<T> {
  if (!res.ok) throw new Error(`${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}
const userId = (upn: string) => people.byId(upn)!.userId;
async function auditOf(ref: string): Promise<Json[]> {
  const body = await json<{ value: { fields: Json }[] }>(await sms.emu.graph(demo.tom, `/sites/${sms.siteId}/lists/SMS Audit Trail/items?$expand=fields&$filter=fields/EntityRef eq '${ref}'&$top=100`));
  return body.value.map((v) => v.fields).sort((a, b) => String(a.Timestamp).localeCompare(String(b.Timestamp)));
}
async function actionItems(): Promise<Json[]> {
  const body = await json<{ value: { fields: Json }[] }>(await sms.emu.graph(demo.tom, `/sites/${sms.siteId}/lists/Actions/items?$expand=fields&$filter=fields/SourceItemId eq ${ncId}&$top=100`));
  return body.value.map((v) => v.fields);
}
async function planTasks(): Promise<Json[]> {
  const plan = await actionsPlan(sms.clientAs(demo.tom), site.groupId);
  return (await json<{ value: Json[] }>(await sms.emu.graph(demo.tom, `/planner/plans/${plan.planId}/tasks`))).value;
}
async function ncStatus(): Promise<string> {
  return String((await json<{ fields: Json }>(await sms.emu.graph(demo.tom, `/sites/${sms.siteId}/lists/Nonconformities/items/${ncId}?$expand=fields`))).fields.Status);
}
/** Writes (not reads) Graph received since the log was cleared, batched ones included. */
async function writesSince(): Promise<string[]> {
  const log = await sms.emu.requestLog();
  return log.filter((e) => e.method !== 'GET' && !(e.method === 'POST' && e.path.endsWith('/$batch'))).map((e) => `${e.method} ${e.path}`);
}
/** Statuses of the sync's PATCHes of a task (inside `$batch`) since the log was cleared, David's own excluded. */
async function taskWriteStatuses(taskId: string): Promise<number[]> {
  return (await sms.emu.requestLog()).filter((e) => e.inBatch && e.method === 'PATCH' && e.path.includes(`/planner/tasks/${taskId}`)).map((e) => e.status);
}
/** A client that runs `before` ahead of each request it sends (to act as someone else at that moment). */
function hooked(client: GraphClient, before: (url: string, init: RequestInit) => Promise<RequestInit | void>): GraphClient {
  return { ...client, send: async (url, init, opts) => client.send(url, (await before(url, init)) ?? init, opts) };
}

let n = 0;
const input = (over: Partial<RaiseActionInput> = {}): RaiseActionInput => ({
  sourceRegister: 'nonconformities',
  sourceItemId: ncId,
  sourceRef: NC_REF,
  sourceOwnerId: demo.marcus,
  actionType: 'Corrective action',
  title: `Corrective action ${++n}`,
  description: 'Add the CAB gate to the change workflow.',
  assigneeId: demo.david,
  dueDate: '2099-03-14',
  priority: 'Important',
  ...over,
});

beforeAll(async () => {
  sms = await startSmsEmulator();
  site = await loadSmsSite(sms.clientAs(demo.tom), sms.siteId, sms.siteWebUrl);
  people = await loadPeopleDirectory(sms.clientAs(demo.tom), sms.siteId);
  const nc = await json<{ id: string }>(
    await sms.emu.graph(demo.tom, `/sites/${sms.siteId}/lists/Nonconformities/items`, {
      method: 'POST',
      body: JSON.stringify({ fields: { Title: 'Changes implemented before approval', Ref: NC_REF, Status: 'Actions in progress', Source: 'Internal audit' } }),
    }),
  );
  ncId = Number(nc.id);
}, 60_000);
afterAll(async () => {
  await sms?.close();
});

describe('raiseAction', () => {
  it('creates the item (Ref from the sequence) and its task in the bucket of its source, linked both ways', async () => {
    const row = await raiseAction(ctxOf(demo.marcus), input({ title: 'Block "Implement" without CAB approval' }));
    expect(row.ref).toMatch(/^ACT-\d{4}$/);
    expect(row.plannerTaskId).toBeTruthy();
    const item = (await actionItems()).find((f) => f.Ref === row.ref)!;
    expect(item).toMatchObject({ Title: 'Block "Implement" without CAB approval', Status: 'Not started', SourceType: 'Nonconformity', AssignedToUPN: demo.david, PlannerTaskId: row.plannerTaskId, NeedsVerification: true });

    const client = sms.clientAs(demo.tom);
    const plan = await actionsPlan(client, site.groupId);
    const task = await getTask(client, row.plannerTaskId!);
    expect(task.title).toBe(`[${row.ref}] Block "Implement" without CAB approval`);
    expect(task.bucketId).toBe(plan.buckets.get('Corrective actions'));
    expect(Object.keys(task.assignments ?? {})).toEqual([userId(demo.david)]);
    expect(task.dueDateTime?.slice(0, 10)).toBe('2099-03-14');
    expect(task.priority).toBe(3);
    expect(Object.entries(task.appliedCategories ?? {}).filter(([, on]) => on === true).map(([c]) => c)).toEqual(['category2']);
    expect(task.percentComplete).toBe(0);
    const details = await getTaskDetails(client, row.plannerTaskId!);
    expect(details.description).toContain('Add the CAB gate to the change workflow.');
    expect(Object.keys(details.references ?? {}).map(referenceUrl)).toEqual(expect.arrayContaining([`${ORIGIN}/actions/${row.ref}`, `${ORIGIN}/registers/nonconformities/${ncId}`]));
    expect((await auditOf(row.ref)).map((e) => e.EventType)).toEqual(['Created', 'Sync']);
  });

  it('raising the same action again, or twice at once, makes one item and one task', async () => {
    const same = input({ title: 'Brief every change implementer' });
    const first = await raiseAction(ctxOf(demo.marcus), same);
    const again = await raiseAction(ctxOf(demo.marcus), same);
    expect(again.ref).toBe(first.ref);
    expect(again.plannerTaskId).toBe(first.plannerTaskId);

    const twice = input({ title: 'Re-sample 20 changes' });
    const [a, b] = await Promise.all([raiseAction(ctxOf(demo.marcus), twice), raiseAction(ctxOf(demo.marcus), twice)]);
    expect(a.ref).toBe(b.ref);
    const items = (await actionItems()).filter((f) => f.Title === 'Re-sample 20 changes' || f.Title === 'Brief every change implementer');
    expect(items).toHaveLength(2);
    const tasks = (await planTasks()).filter((t) => String(t.title).endsWith('Re-sample 20 changes') || String(t.title).endsWith('Brief every change implementer'));
    expect(tasks).toHaveLength(2);
  });

  it('a retry after an ambiguous failure (504 after the task was made) takes over that task instead of making another', async () => {
    let armed = true;
    const client = hooked(sms.clientAs(demo.marcus), async (url, init) => {
      if (armed && init.method === 'POST' && url.endsWith('/planner/tasks')) {
        armed = false;
        await fetch(`${sms.emu.origin}/_dev/faults`, { method: 'PUT', body: JSON.stringify({ failAfterCommitCount: 1 }), headers: { 'content-type': 'application/json' } });
      }
    });
    const req = input({ title: 'Lost answer' });
    await expect(raiseAction(ctxOf(demo.marcus, client), req)).rejects.toBeInstanceOf(GraphError);
    expect((await actionItems()).find((f) => f.Title === 'Lost answer')?.PlannerTaskId ?? null).toBeNull();
    const retried = await raiseAction(ctxOf(demo.marcus), req);
    const tasks = (await planTasks()).filter((t) => String(t.title).endsWith('] Lost answer'));
    expect(tasks).toHaveLength(1);
    expect(retried.plannerTaskId).toBe(tasks[0]!.id);
  });

  it('a retry after the item was created but its answer lost writes the missing Created entry and one task', async () => {
    let armed = true;
    const client = hooked(sms.clientAs(demo.marcus), async (url, init) => {
      if (armed && init.method === 'POST' && /\/lists\/[^/]+\/items$/.test(url) && String(init.body).includes('Lost item')) {
        armed = false;
        await fetch(`${sms.emu.origin}/_dev/faults`, { method: 'PUT', body: JSON.stringify({ failAfterCommitCount: 1 }), headers: { 'content-type': 'application/json' } });
      }
    });
    const req = input({ title: 'Lost item' });
    await expect(raiseAction(ctxOf(demo.marcus, client), req)).rejects.toBeInstanceOf(GraphError);
    expect(armed).toBe(false);
    const retried = await raiseAction(ctxOf(demo.marcus), req);
    expect((await actionItems()).filter((f) => f.Title === 'Lost item')).toHaveLength(1);
    expect((await planTasks()).filter((t) => String(t.title).endsWith('] Lost item'))).toHaveLength(1);
    expect((await auditOf(retried.ref)).map((e) => e.EventType)).toEqual(['Created', 'Sync']);
    await raiseAction(ctxOf(demo.marcus), req);
    expect((await auditOf(retried.ref)).map((e) => e.EventType)).toEqual(['Created', 'Sync']);
  });

  it('refuses an assignee outside the SMS group, as Planner itself does', async () => {
    const group = groupIdOf('Kestrel SMS');
    const removed = await sms.emu.graph(demo.tom, `/groups/${group}/members/${userId(demo.jack)}/$ref`, { method: 'DELETE' });
    expect(removed.status).toBe(204);
    try {
      expect(await checkAssignable(ctxOf(demo.marcus), demo.jack)).toMatchObject({ code: 'assigneeNotInGroup' });
      expect(await checkAssignable(ctxOf(demo.marcus), demo.david)).toBeNull();
      const refused = await raiseAction(ctxOf(demo.marcus), input({ assigneeId: demo.jack })).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(ActionRefusedError);
      expect((refused as ActionRefusedError).refusal.code).toBe('assigneeNotInGroup');
      // Nor may someone who neither owns the record nor manages the SMS raise actions on it.
      await expect(raiseAction(ctxOf(demo.david), input())).rejects.toMatchObject({ refusal: { code: 'cannotRaiseAction' } });
      const plan = await actionsPlan(sms.clientAs(demo.tom), site.groupId);
      const planner = await createTask(sms.clientAs(demo.tom), { planId: plan.planId, title: 'x', assignments: { [userId(demo.jack)]: plannerAssignment() } }).catch((e: unknown) => e);
      expect((planner as GraphError).status).toBe(403);
    } finally {
      await sms.emu.graph(demo.tom, `/groups/${group}/members/$ref`, { method: 'POST', body: JSON.stringify({ '@odata.id': `https://graph.microsoft.com/v1.0/directoryObjects/${userId(demo.jack)}` }) });
    }
  });
});

describe('changeAction and transitionAction', () => {
  it('SharePoint is master: a due date change needs a reason, is logged, and the task follows', async () => {
    const row = await raiseAction(ctxOf(demo.marcus), input({ title: 'Moving target' }));
    await expect(changeAction(ctxOf(demo.tom), row, { dueDate: '2099-04-30' })).rejects.toMatchObject({ refusal: { code: 'reasonRequired' } });
    await expect(changeAction(ctxOf(demo.david), row, { priority: 'Low' })).rejects.toMatchObject({ refusal: { code: 'columnNotEditable' } });
    await expect(changeAction(ctxOf(demo.jack), row, { priority: 'Low' })).rejects.toMatchObject({ refusal: { code: 'notManagerOrSourceOwner' } });
    const changed = await changeAction(ctxOf(demo.tom), row, { dueDate: '2099-04-30', priority: 'Urgent', assigneeId: demo.gareth }, 'Supplier delivery slipped');
    expect(changed.dueDate).toBe('2099-04-30');
    const task = await getTask(sms.clientAs(demo.tom), row.plannerTaskId!);
    expect(task.dueDateTime?.slice(0, 10)).toBe('2099-04-30');
    expect(task.priority).toBe(1);
    expect(Object.keys(task.assignments ?? {})).toEqual([userId(demo.gareth)]);
    const entry = (await auditOf(row.ref)).at(-1)!;
    expect(entry).toMatchObject({ EventType: 'Due date changed', Comment: 'Supplier delivery slipped' });
  });

  it('the assignee cannot verify; a verifier can, and the task shows done', async () => {
    let row = await raiseAction(ctxOf(demo.marcus), input({ title: 'Verify me' }));
    row = await transitionAction(ctxOf(demo.david), row, 'In progress');
    row = await transitionAction(ctxOf(demo.david), row, 'Completed');
    await expect(transitionAction(ctxOf(demo.david), row, 'Verified')).rejects.toMatchObject({ refusal: { code: 'assigneeCannotVerify' } });
    const verified = await transitionAction(ctxOf(demo.tom), row, 'Verified');
    expect(verified).toMatchObject({ status: 'Verified', verifiedById: demo.tom });
    expect((await getTask(sms.clientAs(demo.tom), row.plannerTaskId!)).percentComplete).toBe(100);
  });
});

describe('syncActions', () => {
  it('progress set in Planner by the assignee flows to Status and CompletedOn; the NC moves on when all are complete', async () => {
    const rows = await loadActionsOfSource(ctxOf(demo.marcus), 'Nonconformity', ncId);
    const david = sms.clientAs(demo.david);
    // Every open action of the NC but one is completed by David in Planner; the last one goes to 50 %.
    const open = rows.filter((r) => r.status !== 'Verified' && r.status !== 'Completed' && r.status !== 'Cancelled');
    for (const r of open) {
      const t = await getTask(david, r.plannerTaskId!);
      await updateTask(david, r.plannerTaskId!, { percentComplete: r === open[0] ? 50 : 100 }, t['@odata.etag']!);
    }
    const first = await syncActions(ctxOf(demo.marcus), { kind: 'source', sourceType: 'Nonconformity', sourceItemId: ncId });
    expect(first.actionsUpdated.sort()).toEqual(open.map((r) => r.ref).sort());
    const inProgress = await loadActionByRef(ctxOf(demo.marcus), open[0]!.ref);
    expect(inProgress?.status).toBe('In progress');
    const done = await loadActionByRef(ctxOf(demo.marcus), open[1]!.ref);
    expect(done).toMatchObject({ status: 'Completed', completedOn: systemClock.today() });
    expect((await auditOf(open[1]!.ref)).at(-1)).toMatchObject({ EventType: 'Transition', ToStatus: 'Completed', Comment: `From Planner: task 100 %, completed by ${demo.david}` });
    expect(first.sourcesAdvanced).toEqual([]);
    expect(await ncStatus()).toBe('Actions in progress');

    const t = await getTask(david, open[0]!.plannerTaskId!);
    await updateTask(david, open[0]!.plannerTaskId!, { percentComplete: 100 }, t['@odata.etag']!);
    const second = await syncActions(appCtx(), { kind: 'all' });
    expect(second.actionsUpdated).toEqual([open[0]!.ref]);
    expect(second.sourcesAdvanced).toEqual([NC_REF]);
    expect(await ncStatus()).toBe('Effectiveness check');
    expect((await auditOf(NC_REF)).at(-1)).toMatchObject({ EventType: 'Transition', FromStatus: 'Actions in progress', ToStatus: 'Effectiveness check' });

    await sms.emu.clearRequestLog();
    const third = await syncActions(appCtx(), { kind: 'all' });
    expect(third).toMatchObject({ actionsUpdated: [], tasksUpdated: [], tasksRecreated: [], sourcesAdvanced: [] });
    expect(await writesSince()).toEqual([]);
  });

  it('a sync of one source moves its NC on too, once its only action is completed in Planner', async () => {
    const nc = await json<{ id: string }>(
      await sms.emu.graph(demo.tom, `/sites/${sms.siteId}/lists/Nonconformities/items`, {
        method: 'POST',
        body: JSON.stringify({ fields: { Title: 'Second NC', Ref: 'NC-2099-002', Status: 'Actions in progress', Source: 'Internal audit' } }),
      }),
    );
    const row = await raiseAction(ctxOf(demo.marcus), input({ sourceItemId: Number(nc.id), sourceRef: 'NC-2099-002', title: 'Only action' }));
    const david = sms.clientAs(demo.david);
    await updateTask(david, row.plannerTaskId!, { percentComplete: 100 }, (await getTask(david, row.plannerTaskId!))['@odata.etag']!);
    const report = await syncActions(ctxOf(demo.david), { kind: 'source', sourceType: 'Nonconformity', sourceItemId: Number(nc.id) });
    expect(report).toMatchObject({ actionsUpdated: [row.ref], sourcesAdvanced: ['NC-2099-002'] });
    const status = (await json<{ fields: Json }>(await sms.emu.graph(demo.tom, `/sites/${sms.siteId}/lists/Nonconformities/items/${nc.id}?$expand=fields`))).fields.Status;
    expect(status).toBe('Effectiveness check');
  });

  it('puts back in Planner what SharePoint owns (title, priority, due date), and a second run writes nothing', async () => {
    const row = await raiseAction(ctxOf(demo.marcus), input({ title: 'Keep my title' }));
    const david = sms.clientAs(demo.david);
    const t = await getTask(david, row.plannerTaskId!);
    await updateTask(david, row.plannerTaskId!, { title: 'renamed in Planner', priority: 9, dueDateTime: '2099-12-31T10:00:00Z' }, t['@odata.etag']!);
    const report = await syncActions(ctxOf(demo.david), { kind: 'assignee', upn: demo.david });
    expect(report.tasksUpdated).toContain(row.ref);
    const back = await getTask(david, row.plannerTaskId!);
    expect(back).toMatchObject({ title: `[${row.ref}] Keep my title`, priority: 3 });
    expect(back.dueDateTime?.slice(0, 10)).toBe('2099-03-14');
    await sms.emu.clearRequestLog();
    await syncActions(ctxOf(demo.david), { kind: 'assignee', upn: demo.david });
    expect(await writesSince()).toEqual([]);
  });

  it('recreates a task deleted in Planner and logs it; the action stays', async () => {
    const row = await raiseAction(ctxOf(demo.marcus), input({ title: 'Deleted in Planner' }));
    const tom = sms.clientAs(demo.tom);
    await deleteTask(tom, row.plannerTaskId!, (await getTask(tom, row.plannerTaskId!))['@odata.etag']!);
    const report = await syncActions(appCtx(), { kind: 'all' });
    expect(report.tasksRecreated).toEqual([row.ref]);
    const after = await loadActionByRef(ctxOf(demo.marcus), row.ref);
    expect(after?.plannerTaskId).toBeTruthy();
    expect(after?.plannerTaskId).not.toBe(row.plannerTaskId);
    expect((await getTask(tom, after!.plannerTaskId!)).title).toBe(`[${row.ref}] Deleted in Planner`);
    expect((await auditOf(row.ref)).at(-1)).toMatchObject({ EventType: 'Sync', Comment: expect.stringContaining('Planner task recreated') });
  });

  it('a 412 on the task write (changed in Planner meanwhile) is re-read and merged: the completion is kept and the title fixed', async () => {
    const row = await raiseAction(ctxOf(demo.marcus), input({ title: 'Race 412' }));
    const david = sms.clientAs(demo.david);
    let t = await getTask(david, row.plannerTaskId!);
    await updateTask(david, row.plannerTaskId!, { title: 'typo in Planner' }, t['@odata.etag']!);
    const other = await raiseAction(ctxOf(demo.marcus), input({ title: 'Other task' }));
    const foreign = (await getTask(david, other.plannerTaskId!))['@odata.etag']!;
    let armed = true;
    const client = hooked(sms.clientAs(demo.marcus), async (url, init) => {
      const body = typeof init.body === 'string' ? init.body : '';
      if (!armed || !url.endsWith('/$batch') || !body.includes(`/planner/tasks/${row.plannerTaskId}`) || !body.includes('"PATCH"')) return;
      armed = false;
      // Meanwhile David completes the task in Planner; the version the sync read is no longer known (412).
      t = await getTask(david, row.plannerTaskId!);
      await updateTask(david, row.plannerTaskId!, { percentComplete: 100 }, t['@odata.etag']!);
      const wire = JSON.parse(body) as { requests: { url: string; headers?: Record<string, string> }[] };
      for (const r of wire.requests) if (r.url.endsWith(`/planner/tasks/${row.plannerTaskId}`) && r.headers) r.headers['If-Match'] = foreign;
      return { ...init, body: JSON.stringify(wire) };
    });
    await sms.emu.clearRequestLog();
    const report = await syncActions(ctxOf(demo.marcus, client), { kind: 'refs', refs: [row.ref] });
    expect(armed).toBe(false);
    expect(await taskWriteStatuses(row.plannerTaskId!)).toEqual([412, 200]);
    expect(report.conflictsMerged).toBe(1);
    const task = await getTask(david, row.plannerTaskId!);
    expect(task).toMatchObject({ title: `[${row.ref}] Race 412`, percentComplete: 100 });
    expect((await loadActionByRef(ctxOf(demo.marcus), row.ref))?.status).toBe('Completed');
  });

  it('a 409 (the same property changed in Planner meanwhile) is re-read and SharePoint applied again', async () => {
    const row = await raiseAction(ctxOf(demo.marcus), input({ title: 'Race 409' }));
    const david = sms.clientAs(demo.david);
    let t = await getTask(david, row.plannerTaskId!);
    await updateTask(david, row.plannerTaskId!, { title: 'first rename' }, t['@odata.etag']!);
    let armed = true;
    const client = hooked(sms.clientAs(demo.marcus), async (url, init) => {
      const body = typeof init.body === 'string' ? init.body : '';
      if (!armed || !url.endsWith('/$batch') || !body.includes(`/planner/tasks/${row.plannerTaskId}`) || !body.includes('"PATCH"')) return;
      armed = false;
      t = await getTask(david, row.plannerTaskId!);
      await updateTask(david, row.plannerTaskId!, { title: 'second rename', percentComplete: 50 }, t['@odata.etag']!);
    });
    await sms.emu.clearRequestLog();
    const report = await syncActions(ctxOf(demo.marcus, client), { kind: 'refs', refs: [row.ref] });
    expect(await taskWriteStatuses(row.plannerTaskId!)).toEqual([409, 200]);
    expect(report.conflictsMerged).toBe(1);
    expect(await getTask(david, row.plannerTaskId!)).toMatchObject({ title: `[${row.ref}] Race 409`, percentComplete: 50 });
    expect((await loadActionByRef(ctxOf(demo.marcus), row.ref))?.status).toBe('In progress');
  });

  it("lists a person's open actions, overdue first", async () => {
    const mine = await loadMyActions(ctxOf(demo.david), demo.david);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((r) => r.assigneeId === demo.david && ['Not started', 'In progress', 'Blocked'].includes(r.status))).toBe(true);
  });
});
