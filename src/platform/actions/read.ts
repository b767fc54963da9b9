/**
 * Reading actions: each view by one indexed column of `Actions` (a large list, §5.6), the other conditions on
 * the returned rows (the service filters one indexed field at a time: listitem-list).
 */
import { readAll, type RegisterFilter } from '../registers/index.js';
import { listIdOf } from '../site.js';
import { byOverdueFirst, OPEN_ACTION_STATUSES } from './domain.js';
import { actionsDefinition } from './mapping.js';
import type { ActionRow, ActionsContext, ActionSourceType } from './types.js';

/** Every action matching `filters` (all pages, up to 1,000 items a page). */
export async function readActions(ctx: ActionsContext, filters: readonly RegisterFilter[]): Promise<ActionRow[]> {
  const def = actionsDefinition(listIdOf(ctx.site, 'actions'), ctx.people, ctx.today);
  return readAll(ctx.client, ctx.site.siteId, def, { filters, sort: null, timeZone: ctx.timeZone }, { signal: ctx.signal });
}

const byRef = (a: ActionRow, b: ActionRow) => a.ref.localeCompare(b.ref);

/** The actions of a source record (SourceItemId indexed; SourceType checked on the rows), by Ref. */
export async function loadActionsOfSource(ctx: ActionsContext, sourceType: ActionSourceType, sourceItemId: number): Promise<ActionRow[]> {
  const rows = await readActions(ctx, [
    { column: 'SourceItemId', op: 'eq', value: sourceItemId },
    { column: 'SourceType', op: 'eq', value: sourceType },
  ]);
  return rows.sort(byRef);
}

/** The open actions assigned to `upn` (AssignedToUPN indexed), overdue first. */
export async function loadMyActions(ctx: ActionsContext, upn: string): Promise<ActionRow[]> {
  const rows = await readActions(ctx, [
    { column: 'AssignedToUPN', op: 'eq', value: upn.trim().toLowerCase() },
    { column: 'Status', op: 'in', value: OPEN_ACTION_STATUSES },
  ]);
  return rows.sort(byOverdueFirst(ctx.today));
}

/** The actions whose accountable owner (Owner, indexed) is this site user, not yet Verified or Cancelled, overdue first. */
export async function loadOwnedActions(ctx: ActionsContext, ownerLookupId: string): Promise<ActionRow[]> {
  const rows = await readActions(ctx, [
    { column: 'Owner', op: 'eq', value: ownerLookupId },
    { column: 'Status', op: 'in', value: [...OPEN_ACTION_STATUSES, 'Completed'] },
  ]);
  return rows.sort(byOverdueFirst(ctx.today));
}

/** One action by its Ref (unique, indexed), or null. */
export async function loadActionByRef(ctx: ActionsContext, ref: string): Promise<ActionRow | null> {
  const rows = await readActions(ctx, [{ column: 'Ref', op: 'eq', value: ref.trim() }]);
  return rows[0] ?? null;
}
