import { useQuery } from '@tanstack/react-query';
import { areasFor, type AppArea, type SmsRole } from '../../domain/roles.js';
import { useSession } from '../session/SessionContext.js';
import { myRolesQuery } from '../session/queries.js';

export interface RolesState {
  /** The user's SMS roles; `null` while loading or after a failure. */
  roles: SmsRole[] | null;
  /** Areas the user may open. Until the roles are known (or if they cannot be read) only what every employee may use. */
  areas: AppArea[];
  isLoading: boolean;
  error: unknown;
  refetch: () => void;
}

/**
 * The signed-in user's SMS roles (from one `/me/memberOf` read, cached for the session) and the
 * areas they may use. Features use this to show or hide what a role may do.
 */
export function useRoles(): RolesState {
  const { client } = useSession();
  const query = useQuery(myRolesQuery(client));
  const roles = query.data ?? null;
  return {
    roles,
    areas: areasFor(roles ?? ['employee']),
    isLoading: query.isPending && query.fetchStatus !== 'idle',
    error: query.error,
    refetch: () => void query.refetch(),
  };
}
