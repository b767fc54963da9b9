import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { SyncScope } from '../../../../platform/actions/sync.js';
import { usePlannerSync } from '../../components/PlannerSync.js';
import { actionQuery } from '../../queries.js';
import { offeredSteps } from '../../services/steps.js';
import type { ActionsScreenContext } from '../../useActionsContext.js';

/**
 * State of the action page: the action (by its reference), its sync with Planner (when the page opens and on
 * "Sync with Planner"), the steps offered to the signed-in person with the rules' answer for each, and the
 * confirmation of the last step taken.
 */
export function useActionPage(sc: ActionsScreenContext, ref: string) {
  const action = useQuery(actionQuery(sc.ctx, ref));
  const scope = useMemo<SyncScope>(() => ({ kind: 'refs', refs: [ref] }), [ref]);
  const sync = usePlannerSync(sc, scope);
  const row = action.data ?? null;
  const actor = sc.ctx.actor;
  const steps = useMemo(() => (row && actor !== 'app' ? offeredSteps(row, actor) : []), [row, actor]);
  const [done, setDone] = useState<string | null>(null);
  return { action, row, sync, steps, done, setDone };
}
