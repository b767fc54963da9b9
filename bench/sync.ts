/**
 * `npx tsx bench/sync.ts` (or `npm run bench:sync`): what one Planner sync of the whole site costs (issue 12, "cheap"):
 * `sync 500 actions, 20 changed: R round trips, B kB` (target R ≤ 5). `--verbose` adds where the round trips go.
 *
 * Starts an emulator on port 0 (in-memory database) and provisions the SMS site (graph/provisioning, over HTTP like
 * `npm run provision`: lists, the Planner plan "SMS Actions" and its buckets). Then, not measured:
 * - 50 nonconformities in 'Actions in progress' and 500 actions are inserted DIRECTLY through the emulator's services
 *   in one SQLite transaction (the first 100 actions are the nonconformities' corrective actions, two each, In
 *   progress; the others are risk treatments, improvement tasks and the like, half Not started, half In progress), assigned
 *   round-robin to the demo people, created by the SMS manager;
 * - each action gets its Planner task as the engine makes it (`newTaskBody(desiredTask(row))`, `createTask` over
 *   HTTP, four at a time) and the task ids are written to the actions in `$batch`;
 * - one sync runs, which must find nothing to write (it would be printed as a note);
 * - 20 tasks change in Planner, each PATCHed as its assignee with the task's eTag: 10 Not started → 50 %, 10 In
 *   progress → 100 % (among them both actions of the first nonconformity, which the sync then moves on).
 * Measured: `syncActions(ctx, { kind: 'all' })` as the SMS manager, with the app session's site, people and plan
 * already read (the plan and its buckets are read once per session: `actionsPlan`). Round trips and response
 * body bytes come from the emulator's request log (./requestLog.ts: a `$batch` counts once).
 */
import { batch, batchBody } from '../graph/core/batch.js';
import { updateItemFieldsRequest } from '../graph/lists/batchRequests.js';
import { createTask, getTask, updateTask } from '../graph/planner/planner.js';
import { provision } from '../graph/provisioning/index.js';
import { actions as actionsSchema, nonconformities } from '../graph/schema/index.js';
import { getSiteByUrl } from '../graph/sites/sites.js';
import { checkRequired, normalizeFieldsForWrite } from '../emulator/services/listFields.js';
import { columnsOf, createItem, findList, siteUserLookupId, type ListRow } from '../emulator/services/lists.js';
import { findUser } from '../emulator/services/directory.js';
import { SMS_GROUP, userIdOf } from '../emulator/seed/tenant.js';
import { demo, startTestEmulator, type TestEmulator } from '../tests/support/emulator.js';
import { readActions } from '../src/platform/actions/read.js';
import { bucketOf, desiredTask, newTaskBody } from '../src/platform/actions/mapping.js';
import { actionsPlan, bucketId } from '../src/platform/actions/plannerPlan.js';
import { syncActions, type SyncReport } from '../src/platform/actions/sync.js';
import type { ActionRow, ActionsContext } from '../src/platform/actions/types.js';
import { DEFAULT_SITE_TIME_ZONE, siteDateOf, systemClock } from '../src/platform/clock.js';
import { loadPeopleDirectory } from '../src/platform/people.js';
import { platformWriteDeps } from '../src/platform/registers/write.defaults.js';
import { listIdOf, loadSmsSite } from '../src/platform/site.js';
import { cost, graphLog, kb } from './requestLog.js';

const SITE_URL = 'https://kestrelms.sharepoint.com/sites/KestrelSMS';
const ACTIONS = 500;
const NCS = 50;
const CHANGED = 20;
const TIME_ZONE = DEFAULT_SITE_TIME_ZONE;
const DAY_MS = 86_400_000;
const verbose = process.argv.includes('--verbose');

/** Assignees, round-robin: demo people who own actions in the demo (all members of the SMS group). */
const ASSIGNEES = [demo.david, demo.marcus, demo.aisha, demo.laura, demo.gareth, demo.chloe, demo.ben, demo.tom];
const OTHER_TYPES = [
  { actionType: 'Risk treatment', sourceType: 'Risk', prefix: 'RSK' },
  { actionType: 'Improvement task', sourceType: 'Improvement', prefix: 'IMP' },
  { actionType: 'Audit follow-up', sourceType: 'AuditFinding', prefix: 'F' },
  { actionType: 'Objective plan step', sourceType: 'Objective', prefix: 'OBJ' },
] as const;

const iso = (t: number) => new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Inserts the nonconformities and actions in one transaction, as a Graph write by Tom would store them. */
function insertData(emu: TestEmulator, siteId: string): void {
  const { db } = emu.emulator.emu;
  const listOf = (name: string): ListRow => {
    const list = findList(db, siteId, name);
    if (!list) throw new Error(`${name} is not provisioned`);
    return list;
  };
  const ncList = listOf(nonconformities.displayName);
  const actionList = listOf(actionsSchema.displayName);
  const tom = findUser(db, demo.tom);
  if (!tom) throw new Error('no Tom in the demo tenant');
  const columns = new Map([ncList, actionList].map((l) => [l.id, columnsOf(db, l.id)]));
  const write = (list: ListRow, fields: Record<string, unknown>, at: string) => {
    const wctx = { db, list, columns: columns.get(list.id)! };
    const stored = normalizeFieldsForWrite(wctx, fields);
    for (const k of Object.keys(stored)) if (stored[k] === null) delete stored[k];
    checkRequired(wctx, stored);
    return createItem(db, list, { fields: stored, user: tom, at });
  };
  const lookupOf = (upn: string) => siteUserLookupId(db, siteId, userIdOf(upn));
  const now = Date.now();
  const today = Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth(), new Date(now).getUTCDate());
  const dateOnly = (days: number) => iso(today + days * DAY_MS);
  db.transaction(() => {
    const ncIds: number[] = [];
    for (let n = 1; n <= NCS; n++) {
      const owner = ASSIGNEES[(n + 3) % ASSIGNEES.length]!;
      const item = write(
        ncList,
        {
          Title: `Benchmark nonconformity ${n}`, Ref: `NC-2026-${String(n).padStart(3, '0')}`, Status: 'Actions in progress', Source: 'Internal audit', Grade: 'Minor',
          OwnerLookupId: lookupOf(owner), RaisedOn: dateOnly(-60), PrimaryClause: '10.1', EffectivenessCriteria: 'No repeat in three months.',
        },
        iso(now - 60 * DAY_MS),
      );
      ncIds.push(Number(item.id));
    }
    for (let i = 1; i <= ACTIONS; i++) {
      const assignee = ASSIGNEES[i % ASSIGNEES.length]!;
      const nc = i <= 2 * NCS ? Math.ceil(i / 2) : null;
      const other = OTHER_TYPES[i % OTHER_TYPES.length]!;
      const source = nc
        ? { ActionType: 'Corrective action', SourceType: 'Nonconformity', SourceItemId: ncIds[nc - 1], SourceRef: `NC-2026-${String(nc).padStart(3, '0')}` }
        : { ActionType: other.actionType, SourceType: other.sourceType, SourceRef: `${other.prefix}-${String((i % 40) + 1).padStart(3, '0')}` };
      write(
        actionList,
        {
          Title: `Benchmark action ${i}`, Ref: `ACT-${String(1000 + i)}`, Status: nc !== null || i % 2 === 0 ? 'In progress' : 'Not started', ...source,
          AssignedToLookupId: lookupOf(assignee), AssignedToUPN: assignee, OwnerLookupId: lookupOf(demo.tom), DueDate: dateOnly((i % 120) - 30),
          Priority: (['Urgent', 'Important', 'Medium', 'Low'] as const)[i % 4], NeedsVerification: nc !== null, PrimaryClause: nc ? '10.1' : '6.1',
        },
        iso(now - 30 * DAY_MS + i * 1000),
      );
    }
  })();
}

/** Makes each action's Planner task as the engine does, then writes the task ids to the actions in `$batch`. */
async function makeTasks(ctx: ActionsContext, rows: readonly ActionRow[]): Promise<Map<string, { taskId: string; eTag: string }>> {
  const plan = await actionsPlan(ctx.client, ctx.site.groupId);
  const made = new Map<string, { taskId: string; eTag: string }>();
  const queue = [...rows];
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let row = queue.shift(); row; row = queue.shift()) {
        const task = await createTask(ctx.client, newTaskBody(desiredTask(row, ctx.people), plan.planId, bucketId(plan, bucketOf(row.sourceType)), ctx.timeZone));
        made.set(row.ref, { taskId: task.id!, eTag: task['@odata.etag'] ?? '' });
      }
    }),
  );
  const listId = listIdOf(ctx.site, 'actions');
  const requests = rows.map((row, i) => {
    const task = made.get(row.ref)!;
    return updateItemFieldsRequest(`a${i}`, ctx.site.siteId, listId, row.id, { PlannerPlanId: plan.planId, PlannerTaskId: task.taskId, PlannerETag: task.eTag, LastSyncedAt: new Date().toISOString() }, row.eTag ?? '');
  });
  const answers = await batch(ctx.client, requests);
  for (const r of requests) batchBody(answers.get(r.id), r);
  return made;
}

/** The 20 changes, each made in Planner by the task's assignee (If-Match with the task's eTag). */
async function changeInPlanner(emu: TestEmulator, rows: readonly ActionRow[], tasks: ReadonlyMap<string, { taskId: string }>): Promise<void> {
  const starts = rows.filter((r) => r.status === 'Not started' && r.sourceType !== 'Nonconformity').slice(0, CHANGED / 2);
  const firstNc = rows.filter((r) => r.sourceRef === 'NC-2026-001');
  const finishes = [...firstNc, ...rows.filter((r) => r.status === 'In progress' && r.sourceType !== 'Nonconformity').slice(0, CHANGED / 2 - firstNc.length)];
  const changes = [...starts.map((r) => ({ row: r, percent: 50 })), ...finishes.map((r) => ({ row: r, percent: 100 }))];
  if (changes.length !== CHANGED || firstNc.some((r) => r.status !== 'In progress')) throw new Error('the benchmark data does not have the rows to change');
  for (const { row, percent } of changes) {
    const client = emu.client(row.assigneeId!);
    const taskId = tasks.get(row.ref)!.taskId;
    const task = await getTask(client, taskId);
    await updateTask(client, taskId, { percentComplete: percent }, task['@odata.etag'] ?? '');
  }
}

const wrote = (r: SyncReport) => r.actionsUpdated.length + r.tasksUpdated.length + r.tasksRecreated.length + r.sourcesAdvanced.length;

/** Where the logged round trips went: method, path without ids, and for a `$batch` what its requests were. */
function whereTheRequestsGo(emu: TestEmulator): string[] {
  const all = emu.emulator.emu.requests.list().filter((e) => e.path.startsWith('/v1.0/'));
  const shape = (path: string) => decodeURIComponent(path.replace(/\?.*$/, '')).replace(/\/v1\.0/, '').replace(/[0-9a-f-]{36}|[A-Za-z0-9_-]{28}|,[^/]+|\/\d+(?=\/|$)/g, '…');
  const out: string[] = [];
  let inner: string[] = [];
  for (const e of all) {
    if (e.inBatch) {
      inner.push(`${e.method} ${shape(e.path)}`);
      continue;
    }
    if (/\/\$batch$/.test(e.path)) {
      const counts = new Map<string, number>();
      for (const i of inner) counts.set(i, (counts.get(i) ?? 0) + 1);
      out.push(`$batch: ${[...counts].map(([k, n]) => `${n} × ${k}`).join(', ')}`);
    } else out.push(`${e.method} ${shape(e.path)}`);
    inner = [];
  }
  return out;
}

async function main(): Promise<void> {
  const emu = await startTestEmulator();
  try {
    const tom = emu.client(demo.tom);
    const siteRef = await getSiteByUrl(tom, SITE_URL);
    const siteId = siteRef.id!;
    await provision({ client: tom, siteId, groupName: SMS_GROUP, target: 'emulator', emulatorOrigin: emu.origin, log: () => undefined });
    insertData(emu, siteId);
    // The load held the event loop: let idle keep-alive sockets close before the next request (see bench/acknowledgements.ts).
    await new Promise((resolve) => setTimeout(resolve, 100));

    // The app session's context: site, people and plan read once (not measured).
    const [site, people] = await Promise.all([loadSmsSite(tom, siteId, siteRef.webUrl ?? SITE_URL), loadPeopleDirectory(tom, siteId)]);
    const me = people.byId(demo.tom)!;
    const ctx: ActionsContext = {
      client: tom,
      site,
      people,
      timeZone: TIME_ZONE,
      today: siteDateOf(new Date(), TIME_ZONE)!,
      appOrigin: 'https://localhost:5173',
      actor: { id: me.id, roles: me.roles, ownedProcessIds: me.ownedProcessIds },
      writeDeps: platformWriteDeps({ client: tom, site, actor: { upn: me.id, lookupId: me.lookupId }, clock: systemClock }),
    };
    await actionsPlan(tom, site.groupId);
    const rows = await readActions(ctx, []);
    if (rows.length !== ACTIONS) throw new Error(`expected ${ACTIONS} actions, read ${rows.length}`);
    const tasks = await makeTasks(ctx, rows);

    const settle = await syncActions(ctx, { kind: 'all' });
    if (wrote(settle) > 0 || settle.warnings.length) console.log(`note: the sync before the changes wrote ${wrote(settle)} things (${settle.warnings.join('; ') || 'no warnings'})`);

    await changeInPlanner(emu, rows, tasks);

    emu.emulator.emu.requests.clear();
    const report = await syncActions(ctx, { kind: 'all' });
    const measured = cost(emu);
    const breakdown = whereTheRequestsGo(emu);
    console.log(`sync ${ACTIONS} actions, ${CHANGED} changed: ${measured.trips} round trips, ${kb(measured.received).replace(/ kB$/, '')} kB`);
    if (report.actionsUpdated.length !== CHANGED || report.warnings.length) {
      console.log(`note: the sync updated ${report.actionsUpdated.length} actions (expected ${CHANGED}); warnings: ${report.warnings.join('; ') || 'none'}`);
    }
    if (verbose) {
      console.log(`  ${kb(measured.sent)} sent; ${graphLog(emu).length} round trips:`);
      for (const line of breakdown) console.log(`  - ${line}`);
      console.log(`  report: ${report.checked} checked, ${report.actionsUpdated.length} actions updated, ${report.tasksUpdated.length} tasks updated, sources advanced: ${report.sourcesAdvanced.join(', ') || 'none'}`);
    }
  } finally {
    await emu.close();
  }
}

await main();
