import { useMemo } from 'react';
import { useRoles } from '../../app/roles/useRoles.js';
import { canManageCampaigns, canWaive } from '../../domain/acknowledgements/index.js';
import type { SmsRole } from '../../domain/roles.js';
import { useMyAckContext, type MyAckContext } from './useMyAckContext.js';

/** What the campaign screens need: the acknowledgement context of the signed-in person, and their SMS roles. */
export interface CampaignContext extends MyAckContext {
  readonly roles: readonly SmsRole[];
  /** The signed-in person's UPN (who the engine records as acting). */
  readonly upn: string;
  /** Document controller or SMS manager: may start and reconcile campaigns. */
  readonly manages: boolean;
  /** SMS manager: may waive requests. */
  readonly waives: boolean;
}

export interface CampaignContextState {
  readonly context: CampaignContext | null;
  readonly error: unknown;
  retry(): void;
}

/** The signed-in user's campaign context (the site id, `/me` and the roles come from the session's first batch). */
export function useCampaignContext(): CampaignContextState {
  const mine = useMyAckContext();
  const { roles, error: rolesError, refetch } = useRoles();
  const context = useMemo<CampaignContext | null>(
    () => (mine.context && roles ? { ...mine.context, roles, upn: mine.context.person.upn, manages: canManageCampaigns(roles), waives: canWaive(roles) } : null),
    [mine.context, roles],
  );
  return {
    context,
    error: mine.error ?? rolesError ?? null,
    retry: () => {
      mine.retry();
      if (rolesError) refetch();
    },
  };
}
