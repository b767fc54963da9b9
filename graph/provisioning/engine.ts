/**
 * The provisioning engine behind `npm run provision` (and `npm start`'s first start): it brings an SMS
 * site to the state the schema describes — libraries, register lists, columns, indexes, list settings
 * and permissions, the Planner plan "SMS Actions" and its buckets.
 *
 * How it works: read the current state (lists, their columns, the group's plans and buckets), work out
 * the steps that are missing, print them as a plan, then run them one by one with a progress line each.
 * Because the plan is always computed from what exists, a second run finds nothing to do ("no changes"),
 * and a run that stopped halfway is finished by the next one. It only ever adds: no list, column, item,
 * plan or bucket is deleted, and a column whose type differs from the schema is reported, not changed.
 *
 * All Graph traffic goes through the graph/ resource functions (graphOps.ts); the emulator's dev
 * endpoints (emulatorDev.ts) stand in for the SharePoint settings Graph v1.0 cannot change.
 */
import type { ColumnDefinition, List } from '@microsoft/microsoft-graph-types';
import type { GraphClient } from '../core/client.js';
import {
  PLANNER_BUCKETS,
  PLANNER_PLAN_TITLE,
  SMS_LISTS,
  toGraphColumnDefinition,
  type SmsColumn,
  type SmsListSchema,
} from '../schema/index.js';
import { compareColumn, indexedCount } from './compare.js';
import { emulatorDev, type EmulatorDev } from './emulatorDev.js';
import { graphOps, type ProvisionOps } from './graphOps.js';
import { creationOrder } from './order.js';
import { ADD_ONLY_LEVEL, LIST_ACCESS, describeSettings, levelName, type GroupGrant, type ListAccessPlan, type ListSettingsPlan } from './permissions.js';

export type ProvisionTarget = 'emulator' | 'graph';

export interface ProvisionOptions {
  client: GraphClient;
  /** The SMS site by Graph id (`host,siteGuid,webGuid`) ... */
  siteId?: string;
  /** ... or by URL (`https://contoso.sharepoint.com/sites/SMS`). One of the two is required. */
  siteUrl?: string;
  /** The Microsoft 365 group that owns the Planner plan. Default: the group named like the site. */
  groupId?: string;
  /** The group by display name, when no id is given. Default: the site's display name. */
  groupName?: string;
  target: ProvisionTarget;
  /** Print the plan and stop: no write request is sent. */
  dryRun?: boolean;
  /** One line of output at a time (plan, progress, warnings, manual steps). Default: console.log. */
  log?: (line: string) => void;
  /** Origin of the emulator (`http://127.0.0.1:4000`) for its dev endpoints; needed for target `emulator`. */
  emulatorOrigin?: string;
  /** Aborting stops before the next step (the steps done so far stay done). */
  signal?: AbortSignal;
  /**
   * Send a new list's columns in its create request (one request per list) rather than one
   * `POST .../columns` per column. Default true.
   */
  inlineColumns?: boolean;
  /**
   * Whether the tenant's cloud has Planner (default true). Microsoft Graph China operated by 21Vianet
   * has none: Learn's national cloud table of planner-post-plans and plannergroup-list-plans marks it ❌
   * (https://learn.microsoft.com/graph/api/planner-post-plans). With false, no plan or bucket is read
   * or created; approvals and actions are then tracked in the SMS lists without Planner tasks.
   */
  planner?: boolean;
  /** Replaces the Graph operations (tests); default: the graph/ resource functions. */
  ops?: ProvisionOps;
}

export interface ProvisionResult {
  /** Steps carried out (in a dry run: none). */
  created: string[];
  /** Steps a dry run would carry out (in a normal run: the same as `created` once all succeed). */
  planned: string[];
  /** Differences provisioning leaves alone, e.g. a column whose type differs from the schema. */
  warnings: string[];
  /** Things checked and already as the schema wants them (lists, columns, settings, plan, buckets). */
  unchanged: number;
  /** What an admin must do by hand on a real tenant (target `graph`): things Graph v1.0 cannot set. */
  manualSteps: string[];
  siteId: string;
  groupId: string;
  /** The "SMS Actions" plan (undefined only in a dry run that would create it). */
  planId: string | undefined;
  /** Graph list ids by schema key, for every list that exists after the run. */
  listIds: Record<string, string>;
}

/** Thrown when a step fails; the steps before it stay done and a rerun continues from there. */
export class ProvisionError extends Error {
  override readonly name = 'ProvisionError';
  constructor(
    message: string,
    readonly step: string,
    readonly completed: readonly string[],
    override readonly cause: unknown,
  ) {
    super(message);
  }
}

/** Thrown when `signal` aborts the run between two steps. */
export class ProvisionAbortedError extends Error {
  override readonly name = 'ProvisionAbortedError';
  constructor(readonly completed: readonly string[]) {
    super(`Provisioning stopped after ${completed.length} step(s); run it again to finish.`);
  }
}

interface Step {
  readonly label: string;
  run(): Promise<void>;
}

/** What exists on the site, read before planning. */
interface SiteState {
  siteId: string;
  siteName: string;
  siteWebUrl: string;
  /** Existing lists by schema key. */
  lists: Map<string, List & { id: string }>;
  /** Columns of the existing lists by schema key. */
  columns: Map<string, ColumnDefinition[]>;
}

const nameOf = (l: List): string => (l.displayName ?? l.name ?? '').toLowerCase();

/**
 * Provisions the SMS site. See the file comment for the approach; `ProvisionResult` for what it
 * reports. Throws `ProvisionError` when a step fails (exit non-zero) and `ProvisionAbortedError`
 * when `signal` stops it.
 */
export async function provision(options: ProvisionOptions): Promise<ProvisionResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  const ops = options.ops ?? graphOps(options.client, options.signal);
  const dev = options.target === 'emulator' ? devFor(options) : undefined;
  const warnings: string[] = [];
  const manualSteps: string[] = [];
  let unchanged = 0;
  const warn = (w: string) => {
    warnings.push(w);
  };

  // ---------- read the current state ----------
  const site = options.siteId ? await ops.getSite(options.siteId) : options.siteUrl ? await ops.getSiteByUrl(options.siteUrl) : undefined;
  if (!site?.id) throw new Error('provision() needs siteId or siteUrl.');
  const state: SiteState = { siteId: site.id, siteName: site.displayName ?? site.name ?? site.id, siteWebUrl: site.webUrl ?? '', lists: new Map(), columns: new Map() };

  const groupId = options.groupId ?? (await resolveGroup(ops, options.groupName ?? state.siteName));

  const existingLists = await ops.getLists(state.siteId);
  for (const schema of SMS_LISTS) {
    const found = existingLists.find((l) => nameOf(l) === schema.displayName.toLowerCase());
    if (!found?.id) continue;
    state.lists.set(schema.key, found as List & { id: string });
    const want = schema.template;
    const have = found.list?.template;
    if (have && have !== want) warn(`list ${schema.displayName} is a ${have}, schema says ${want} — left unchanged`);
  }
  // Columns of the existing lists, a few lists at a time (reads only; well under Graph's throttling limits).
  await eachLimited([...state.lists], READ_CONCURRENCY, async ([key, list]) => {
    state.columns.set(key, await ops.getColumns(state.siteId, list.id));
  });

  const planner = options.planner !== false;
  const plans = planner ? await ops.getGroupPlans(groupId) : [];
  const matchingPlans = plans.filter((p) => p.title === PLANNER_PLAN_TITLE);
  if (matchingPlans.length > 1) warn(`the group has ${matchingPlans.length} plans called "${PLANNER_PLAN_TITLE}"; using the first (${matchingPlans[0]!.id})`);
  let planId: string | undefined = matchingPlans[0]?.id ?? undefined;
  const buckets = planId ? await ops.getBuckets(planId) : [];

  // ---------- plan ----------
  const listIds = new Map<string, string>([...state.lists].map(([k, l]) => [k, l.id]));
  const resolveListId = (key: string): string => {
    const id = listIds.get(key);
    if (!id) throw new Error(`List ${key} does not exist yet (a lookup points to it).`);
    return id;
  };
  const steps: Step[] = [];
  const inlineColumns = options.inlineColumns !== false;

  // 1. Lists that do not exist yet, in dependency order, with their columns (indexed from the start).
  const creations = creationOrder(SMS_LISTS, new Set(state.lists.keys()));
  const laterColumns: { list: SmsListSchema; column: SmsColumn }[] = [];
  for (const { list, inline, deferred } of creations) {
    // Multi-choice columns always go into the list's create request: Graph refuses them in POST .../columns
    // (toGraphColumnDefinition, graph/schema/columns.ts).
    const sent = inlineColumns ? inline : inline.filter(onlyAtListCreation);
    const later = inlineColumns ? deferred : [...inline.filter((c) => !onlyAtListCreation(c)), ...deferred];
    steps.push({
      label: `create ${list.template === 'documentLibrary' ? 'library' : 'list'} ${list.displayName}${sent.length ? ` (${sent.length} columns, ${indexedCount(list, sent)} indexed)` : ''}`,
      async run() {
        const body: Record<string, unknown> = {
          displayName: list.displayName,
          description: list.description,
          list: { template: list.template },
        };
        if (sent.length > 0) body.columns = sent.map((c) => toGraphColumnDefinition(c, resolveListId));
        const createdList = await ops.createList(state.siteId, body);
        if (!createdList.id) throw new Error(`Graph created ${list.displayName} without returning its id.`);
        listIds.set(list.key, createdList.id);
      },
    });
    for (const column of later) laterColumns.push({ list, column });
    // The built-in Title column of a new list: PATCH it when the schema names or flags it differently.
    const title = list.columns.find((c) => c.builtIn && c.name === 'Title');
    const defaultTitle: ColumnDefinition = { name: 'Title', displayName: 'Title', required: list.template !== 'documentLibrary', text: {} };
    const titleCheck = title ? compareColumn(title, defaultTitle, list.template === 'documentLibrary') : undefined;
    if (titleCheck?.kind === 'change') {
      steps.push({
        label: `update column Title on ${list.displayName} (${titleCheck.change.what})`,
        async run() {
          const cols = await ops.getColumns(state.siteId, resolveListId(list.key));
          const col = cols.find((c) => c.name === 'Title');
          if (!col?.id) throw new Error(`${list.displayName} has no Title column.`);
          const again = compareColumn(title!, col, list.template === 'documentLibrary');
          if (again.kind === 'change') await ops.updateColumn(state.siteId, resolveListId(list.key), col.id, again.change.patch);
        },
      });
    }
  }

  // 2. Existing lists: missing columns, and indexes / unique flags / choices on existing columns.
  const indexSteps: Step[] = [];
  for (const list of SMS_LISTS) {
    const existing = state.lists.get(list.key);
    if (!existing) continue;
    unchanged++;
    const cols = state.columns.get(list.key) ?? [];
    const isLibrary = list.template === 'documentLibrary';
    for (const column of list.columns) {
      const have = cols.find((c) => (c.name ?? '').toLowerCase() === column.name.toLowerCase());
      if (!have) {
        if (column.builtIn) warn(`list ${list.displayName} has no built-in ${column.name} column — left unchanged`);
        else if (onlyAtListCreation(column)) {
          warn(`list ${list.displayName} has no ${column.name} column, and Graph cannot add a multi-choice column to an existing list — see the manual steps`);
          manualSteps.push(multiChoiceStep(list, column));
        } else laterColumns.push({ list, column });
        continue;
      }
      const cmp = compareColumn(column, have, isLibrary);
      if (cmp.kind === 'same') unchanged++;
      else if (cmp.kind === 'typeMismatch') warn(`column ${column.name} on list ${list.displayName} is ${cmp.actual}, schema says ${column.type} — left unchanged`);
      else {
        const columnId = have.id;
        if (!columnId) throw new Error(`Graph returned column ${column.name} of ${list.displayName} without an id.`);
        indexSteps.push({
          label: `${cmp.change.patch.indexed ? 'index' : 'update'} column ${column.name} on ${list.displayName} (${cmp.change.what})`,
          run: () => ops.updateColumn(state.siteId, existing.id, columnId, cmp.change.patch).then(() => undefined),
        });
      }
    }
  }

  // 3. Columns created one by one: lookups that had to wait for their target list, and columns
  //    missing from existing lists. Each is created with its index (`indexed: true`) before data.
  for (const { list, column } of laterColumns) {
    const target = column.lookupList ? ` (lookup → ${SMS_LISTS.find((l) => l.key === column.lookupList)?.displayName ?? column.lookupList})` : '';
    steps.push({
      label: `create column ${column.name} on ${list.displayName}${column.indexed ? ' [indexed]' : ''}${target}`,
      run: () => ops.createColumn(state.siteId, resolveListId(list.key), toGraphColumnDefinition(column, resolveListId)).then(() => undefined),
    });
  }
  steps.push(...indexSteps);

  // 4. List settings and unique permissions (emulator: dev endpoints; real tenant: manual steps).
  for (const access of LIST_ACCESS) {
    const list = SMS_LISTS.find((l) => l.key === access.listKey);
    if (!list) continue;
    if (!dev) {
      manualSteps.push(...manualStepsFor(list, access));
      continue;
    }
    const existing = state.lists.get(list.key);
    if (access.settings) {
      const settings = access.settings;
      const current = existing ? await dev.getSettings(existing.id) : undefined;
      const missing = current ? settingsToChange(settings, current) : settings;
      if (Object.keys(missing).length === 0) unchanged++;
      else {
        steps.push({
          label: `set list settings of ${list.displayName} (${describeSettingsShort(missing)})`,
          run: () => dev.patchSettings(resolveListId(list.key), missing),
        });
      }
    }
    if (access.grants) {
      const current = existing ? await dev.getPermissions(existing.id) : undefined;
      const next = current ? grantsToApply(access.grants, current, list.displayName, warn) : [...access.grants];
      if (!next) unchanged++;
      else {
        steps.push({
          label: `set permissions of ${list.displayName} (${access.grants.map((g) => `${g.group} ${levelName(g.level)}`).join(', ')})`,
          run: () => dev.putPermissions(resolveListId(list.key), next),
        });
      }
    }
  }
  if (!dev) manualSteps.push(...compoundIndexSteps(), ...libraryVersioningChecks());

  // 5. The Planner plan and its buckets, in board order (none where the cloud has no Planner).
  if (planner && planId) unchanged++;
  else if (planner) {
    steps.push({
      label: `create Planner plan ${PLANNER_PLAN_TITLE} in the group`,
      async run() {
        const plan = await ops.createPlan(groupId, PLANNER_PLAN_TITLE);
        if (!plan.id) throw new Error('Planner created the plan without returning its id.');
        planId = plan.id;
      },
    });
  }
  const hints = new Map<string, string>();
  for (const b of buckets) if (b.name && b.orderHint) hints.set(b.name, b.orderHint);
  PLANNER_BUCKETS.forEach((name, i) => {
    if (!planner) return;
    if (hints.has(name)) {
      unchanged++;
      return;
    }
    steps.push({
      label: `create bucket ${name} in ${PLANNER_PLAN_TITLE}`,
      async run() {
        if (!planId) throw new Error('The plan does not exist.');
        // Place the bucket after the schema bucket before it and before the next existing one
        // ("<previous hint> <next hint>!", planner-order-hint-format).
        const prev = [...PLANNER_BUCKETS.slice(0, i)].reverse().find((n) => hints.has(n));
        const next = PLANNER_BUCKETS.slice(i + 1).find((n) => hints.has(n));
        const hint = `${prev ? hints.get(prev) : ''} ${next ? hints.get(next) : ''}!`;
        const bucket = await ops.createBucket(planId, name, hint);
        if (bucket.orderHint) hints.set(name, bucket.orderHint);
      },
    });
  });
  const existingOrder = PLANNER_BUCKETS.filter((n) => hints.has(n));
  const sorted = [...existingOrder].sort((a, b) => (hints.get(a)! < hints.get(b)! ? -1 : hints.get(a)! > hints.get(b)! ? 1 : 0));
  if (sorted.join('|') !== existingOrder.join('|')) warn(`the buckets of ${PLANNER_PLAN_TITLE} are not in the schema's order (${sorted.join(', ')}) — left unchanged`);

  // ---------- print the plan, run it ----------
  const planned = steps.map((s) => s.label);
  const result = (): ProvisionResult => ({
    created: done,
    planned,
    warnings,
    unchanged,
    manualSteps,
    siteId: state.siteId,
    groupId,
    planId,
    listIds: Object.fromEntries(listIds),
  });
  const done: string[] = [];
  log(`Site ${state.siteName} (${state.siteWebUrl || state.siteId}), group ${groupId}, target ${options.target}${options.dryRun ? ', dry run' : ''}`);
  if (steps.length === 0) {
    const what = planner ? `their columns, settings and the ${PLANNER_PLAN_TITLE} plan` : 'their columns and settings';
    log(`no changes: ${state.lists.size} lists, ${what} already match the schema (${unchanged} checks)`);
  } else {
    log(`Plan: ${steps.length} step${steps.length === 1 ? '' : 's'} (${unchanged} checks already match)`);
    for (const label of planned) log(`  ${label}`);
  }
  for (const w of warnings) log(`warning: ${w}`);
  if (!planner) log(NO_PLANNER_NOTE);
  if (options.dryRun) {
    if (steps.length > 0) log('dry run: nothing was changed');
    printManual(log, manualSteps);
    return result();
  }
  for (const [i, step] of steps.entries()) {
    if (options.signal?.aborted) throw new ProvisionAbortedError([...done]);
    const prefix = `[${i + 1}/${steps.length}] ${step.label} …`;
    try {
      await step.run();
    } catch (e) {
      if (options.signal?.aborted) throw new ProvisionAbortedError([...done]);
      const message = e instanceof Error ? e.message : String(e);
      log(`${prefix} failed: ${message}`);
      throw new ProvisionError(`Step "${step.label}" failed: ${message}`, step.label, [...done], e);
    }
    done.push(step.label);
    log(`${prefix} ok`);
  }
  if (steps.length > 0) log(`done: ${done.length} step${done.length === 1 ? '' : 's'}, ${warnings.length} warning${warnings.length === 1 ? '' : 's'}`);
  printManual(log, manualSteps);
  return result();
}

/** What provisioning prints where the cloud has no Planner (`planner: false`). */
export const NO_PLANNER_NOTE =
  `Planner is not available in this cloud (Microsoft Graph China operated by 21Vianet): no ${PLANNER_PLAN_TITLE} plan or buckets are created; document approvals and actions are tracked in the SMS lists without Planner tasks.`;

/** How many read requests provisioning sends at once while it gathers the current state. */
const READ_CONCURRENCY = 4;

/** Runs `fn` over `items` with at most `limit` calls in flight. */
async function eachLimited<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++]!;
      await fn(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

function devFor(options: ProvisionOptions): EmulatorDev {
  if (!options.emulatorOrigin) throw new Error('Target emulator needs emulatorOrigin (e.g. http://127.0.0.1:4000) for its list settings endpoints.');
  return emulatorDev(options.emulatorOrigin, options.signal);
}

async function resolveGroup(ops: ProvisionOps, name: string): Promise<string> {
  const group = await ops.findGroupByName(name);
  if (!group?.id) throw new Error(`No group named "${name}" was found; pass the SMS group's id or display name (--group).`);
  return group.id;
}

/** The settings of `want` that `current` does not have yet. */
function settingsToChange(want: ListSettingsPlan, current: Record<string, unknown>): ListSettingsPlan {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(want)) {
    const have = current[k];
    // A library without minor versions and a list with "all" write access are SharePoint's defaults.
    const effective = have ?? (k === 'enableMinorVersions' ? false : k === 'writeSecurity' ? 'all' : k === 'draftVisibility' ? 'reader' : undefined);
    if (effective !== v) out[k] = v;
  }
  return out as ListSettingsPlan;
}

const describeSettingsShort = (s: ListSettingsPlan): string =>
  Object.entries(s)
    .map(([k, v]) => `${k}: ${String(v)}`)
    .join(', ');

/**
 * The grants to PUT so that the list has unique permissions including `want`, or undefined when it
 * already has them. Existing unique grants are kept (provisioning never takes access away); a group
 * that holds a different level than the plan is reported and left as it is.
 */
function grantsToApply(
  want: readonly GroupGrant[],
  current: { inherit: boolean; grants: readonly { group?: string; user?: string; level: string }[] },
  listName: string,
  warn: (w: string) => void,
): { group?: string; user?: string; level: GroupGrant['level'] }[] | undefined {
  if (current.inherit) return [...want];
  const merged = current.grants.map((g) => ({ ...g, level: g.level as GroupGrant['level'] }));
  let changed = false;
  for (const g of want) {
    const have = merged.find((m) => m.group?.toLowerCase() === g.group.toLowerCase());
    if (!have) {
      merged.push({ group: g.group, level: g.level });
      changed = true;
    } else if (have.level !== g.level) {
      warn(`${g.group} has ${levelName(have.level)} on ${listName}, the plan says ${levelName(g.level)} — left unchanged`);
    }
  }
  return changed ? merged : undefined;
}

function manualStepsFor(list: SmsListSchema, access: ListAccessPlan): string[] {
  const out: string[] = [];
  const where = list.template === 'documentLibrary' ? 'Library settings' : 'List settings';
  if (access.settings) for (const s of describeSettings(access.settings)) out.push(`${list.displayName}: ${where} → ${s}. (${access.reason})`);
  if (access.grants?.some((g) => g.level === 'add')) {
    out.push(
      `Site settings → Site permissions → Permission Levels → Add a Permission Level "${ADD_ONLY_LEVEL.name}" (${ADD_ONLY_LEVEL.description}): list permissions ${ADD_ONLY_LEVEL.listPermissions.join(', ')}; site permissions ${ADD_ONLY_LEVEL.sitePermissions.join(', ')}. Once per site, before the next step.`,
    );
  }
  if (access.grants) {
    out.push(
      `${list.displayName}: ${where} → Permissions for this list → Stop Inheriting Permissions, then grant only ${access.grants
        .map((g) => `${g.group} "${levelName(g.level)}"`)
        .join(', ')}. (${access.reason})`,
    );
  }
  return out;
}

/** Multi-choice columns: created only with their list (Graph refuses `displayAs: checkBoxes` in POST .../columns). */
const onlyAtListCreation = (c: SmsColumn): boolean => c.type === 'multiChoice';

function multiChoiceStep(list: SmsListSchema, column: SmsColumn): string {
  const where = list.template === 'documentLibrary' ? 'Library settings' : 'List settings';
  return `${list.displayName}: ${where} → Create column → name ${column.name}, type Choice, choices ${describeChoices(column.choices ?? [])}, "Allow multiple selections" Yes (Graph cannot add a multi-choice column to an existing list; run provisioning again afterwards).`;
}

const describeChoices = (choices: readonly string[]): string =>
  choices.length <= 10 ? choices.join(', ') : `the ${choices.length} values of the schema (${choices.slice(0, 3).join(', ')}, … ${choices[choices.length - 1]})`;

/** Compound indexes (§5.6) cannot be created through Graph (columnDefinition has only `indexed`). */
function compoundIndexSteps(): string[] {
  return SMS_LISTS.flatMap((l) =>
    (l.compoundIndexes ?? []).map(
      ([a, b]) => `${l.displayName}: List settings → Indexed columns → Create a new index → primary column ${a}, secondary column ${b} (create it before the list fills up).`,
    ),
  );
}

function libraryVersioningChecks(): string[] {
  return SMS_LISTS.filter((l) => l.versioning && !LIST_ACCESS.some((a) => a.listKey === l.key && a.settings?.enableMinorVersions !== undefined)).map(
    (l) => `${l.displayName}: Library settings → Versioning settings → check "Create major versions" is on (new libraries have it on by default).`,
  );
}

function printManual(log: (line: string) => void, manualSteps: readonly string[]): void {
  if (manualSteps.length === 0) return;
  log('Manual steps for a SharePoint admin (Microsoft Graph v1.0 cannot set these; provisioning cannot check them either):');
  for (const s of manualSteps) log(`  - ${s}`);
}
