import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { byOverdueFirst } from '../../../../domain/registers/actions.js';
import type { SyncScope } from '../../../../platform/actions/sync.js';
import { usePlannerSync } from '../../components/PlannerSync.js';
import { myActionsQuery, ownedActionsQuery } from '../../queries.js';
import type { ActionsScreenContext } from '../../useActionsContext.js';

/** Process owners are accountable for the actions raised on what they own (the action's "Accountable"). */
export const seesAccountable = (sc: ActionsScreenContext): boolean => sc.me.lookupId !== null && (sc.me.roles.includes('processOwner') || sc.me.ownedProcessIds.length > 0);

/**
 * State of "My actions": the open actions assigned to the signed-in person (every source, overdue first), the
 * actions they are accountable for when they own processes, and the sync of their actions with Planner, which
 * runs when the screen opens and on "Sync with Planner".
 */
export function useMyActions(sc: ActionsScreenContext) {
  const { ctx, me } = sc;
  const mine = useQuery(myActionsQuery(ctx, me.id));
  const accountable = seesAccountable(sc);
  const owned = useQuery({ ...ownedActionsQuery(ctx, me.lookupId ?? ''), enabled: accountable });
  const scope = useMemo<SyncScope>(() => ({ kind: 'assignee', upn: me.id }), [me.id]);
  const sync = usePlannerSync(sc, scope);
  const order = useMemo(() => byOverdueFirst(ctx.today), [ctx.today]);
  const assigned = useMemo(() => (mine.data ? [...mine.data].sort(order) : undefined), [mine.data, order]);
  const ownedRows = useMemo(() => (owned.data ? [...owned.data].sort(order) : undefined), [owned.data, order]);
  return { mine, assigned, accountable, owned, ownedRows, sync };
}
