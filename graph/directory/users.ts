import type { User } from '@microsoft/microsoft-graph-types';
import type { GraphClient } from '../core/client.js';
import { f, renderFilter, type FilterExpr } from '../core/filter.js';
import { getAll, getPage, type Page, type PageOptions } from '../core/paging.js';

export interface ListUsersOptions {
  /** Properties to return; defaults to the basic profile. */
  select?: readonly string[];
  filter?: FilterExpr;
  /** Prefix search on displayName, mail and userPrincipalName (`startswith`, no advanced query needed). */
  startsWith?: string;
  top?: number;
  /** A nextLink from an earlier page; when set, the other options are ignored. */
  nextLink?: string | null;
  signal?: AbortSignal;
}

const DEFAULT_SELECT = ['id', 'displayName', 'userPrincipalName', 'mail', 'jobTitle', 'department'];

/**
 * One page of users (`GET /users`), for people pickers and admin screens.
 *
 * Minimum delegated scope: `User.ReadBasic.All`.
 * Microsoft Learn: https://learn.microsoft.com/graph/api/user-list
 */
export async function listUsers(client: GraphClient, opts: ListUsersOptions = {}): Promise<Page<User>> {
  if (opts.nextLink) return getPage<User>(client, opts.nextLink, { signal: opts.signal });
  return getPage<User>(client, '/users', usersQuery(opts));
}

/**
 * Every user that matches (`GET /users`, all pages through `getAll`), e.g. for a people directory.
 *
 * Minimum delegated scope: `User.ReadBasic.All`.
 * Microsoft Learn: https://learn.microsoft.com/graph/api/user-list
 */
export async function listAllUsers(client: GraphClient, opts: Omit<ListUsersOptions, 'nextLink'> = {}): Promise<User[]> {
  return getAll<User>(client, '/users', usersQuery(opts));
}

function usersQuery(opts: ListUsersOptions): PageOptions {
  const clauses: FilterExpr[] = [];
  if (opts.filter) clauses.push(opts.filter);
  if (opts.startsWith) {
    const s = opts.startsWith;
    clauses.push(f.or(f.startsWith('displayName', s), f.startsWith('mail', s), f.startsWith('userPrincipalName', s)));
  }
  return {
    query: {
      $select: (opts.select ?? DEFAULT_SELECT).join(','),
      $filter: clauses.length ? renderFilter(clauses.length === 1 ? clauses[0]! : f.and(...clauses)) : undefined,
      $top: opts.top,
    },
    signal: opts.signal,
  };
}
