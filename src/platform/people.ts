/**
 * The one people directory of the SMS, shared by every area: every user with their site lookup id
 * (what person columns store), their SMS roles (from the role groups) and the processes they own.
 * Person ids in the rules are lower-case UPNs.
 */
import type { GraphClient } from '../../graph/core/client.js';
import { GraphError } from '../../graph/core/errors.js';
import { findGroupByName } from '../../graph/directory/groups.js';
import { getGroupMembers } from '../../graph/directory/members.js';
import { listAllUsers } from '../../graph/directory/users.js';
import { listAllItems } from '../../graph/lists/items.js';
import { processes } from '../../graph/schema/registers.js';
import { ROLE_GROUPS, SMS_ROLES, type SmsRole } from '../domain/roles.js';
import type { DocumentUser } from '../domain/documents/types.js';

/** SharePoint's hidden list of site users; item ids are the lookup ids person columns hold. */
export const USER_INFORMATION_LIST = 'User Information List';

export interface Person {
  /** Entra object id (Planner assignments). */
  readonly userId: string;
  /** Lower-case UPN: the id the document rules use. */
  readonly id: string;
  readonly upn: string;
  readonly displayName: string;
  /**
   * Site lookup id (`<Column>LookupId`), null when the person is not a site user yet: they are in the site's User
   * Information List only once they have opened the site (or were granted access directly), and Graph cannot add
   * them. Records name people by UPN and fill person columns only when this is set (ADR 0005).
   */
  readonly lookupId: string | null;
  readonly roles: readonly SmsRole[];
  /** Item ids in `Processes` whose ProcessOwner is this person. */
  readonly ownedProcessIds: readonly string[];
}

/** A process a document can belong to. */
export interface ProcessRef {
  readonly id: string;
  readonly ref: string;
  readonly title: string;
}

export interface PeopleDirectory {
  readonly people: readonly Person[];
  readonly processes: readonly ProcessRef[];
  byId(id: string | null | undefined): Person | undefined;
  byLookupId(lookupId: unknown): Person | undefined;
  /** The person as the document rules see them, or undefined for an unknown id. */
  documentUser(id: string): DocumentUser | undefined;
  /** A display name for a person id (falls back to the id). */
  nameOf(id: string | null | undefined): string;
}

const lower = (s: string | null | undefined) => (s ?? '').trim().toLowerCase();

/** Roles by lower-case UPN, read from the members of the role groups (§6.4). */
async function rolesByUpn(client: GraphClient, signal?: AbortSignal): Promise<Map<string, SmsRole[]>> {
  const out = new Map<string, SmsRole[]>();
  const entries = Object.entries(ROLE_GROUPS) as [Exclude<SmsRole, 'employee'>, string][];
  const found = await Promise.all(
    entries.map(async ([role, name]) => {
      const group = await findGroupByName(client, name, signal);
      return { role, members: group?.id ? await getGroupMembers(client, group.id, signal) : [] };
    }),
  );
  for (const { role, members } of found) {
    for (const m of members) {
      const key = lower(m.userPrincipalName);
      if (!key) continue;
      out.set(key, [...(out.get(key) ?? []), role]);
    }
  }
  for (const [key, roles] of out) out.set(key, SMS_ROLES.filter((r) => r === 'employee' || roles.includes(r)));
  return out;
}

/** The Processes register (owners and refs); empty when the list is not provisioned. */
async function readProcesses(client: GraphClient, siteId: string, signal?: AbortSignal): Promise<{ id: string; ref: string; title: string; ownerLookupId: string | null }[]> {
  try {
    const items = await listAllItems(client, siteId, processes.displayName, { select: ['Ref', 'Title', 'ProcessOwnerLookupId'], top: 500, signal });
    return items.map((i) => ({
      id: String(i.id),
      ref: String(i.fields.Ref ?? ''),
      title: String(i.fields.Title ?? ''),
      ownerLookupId: i.fields.ProcessOwnerLookupId == null ? null : String(i.fields.ProcessOwnerLookupId),
    }));
  } catch (e) {
    if (e instanceof GraphError && e.status === 404) return [];
    throw e;
  }
}

/**
 * Reads the directory once: users (`GET /users`), the site's User Information List (lookup ids),
 * the members of the five role groups and the Processes register (process owners). About a dozen
 * requests; cache the result for the session.
 */
export async function loadPeopleDirectory(client: GraphClient, siteId: string, signal?: AbortSignal): Promise<PeopleDirectory> {
  const [users, siteUsers, roles, procs] = await Promise.all([
    listAllUsers(client, { select: ['id', 'displayName', 'userPrincipalName', 'mail'], top: 999, signal }),
    listAllItems(client, siteId, USER_INFORMATION_LIST, { select: ['EMail', 'UserName', 'Title'], top: 500, signal }),
    rolesByUpn(client, signal),
    readProcesses(client, siteId, signal),
  ]);
  const lookupOf = (upn: string, mail: string): string | null => {
    const hit = siteUsers.find((s) => [s.fields.UserName, s.fields.EMail].some((v) => typeof v === 'string' && (lower(v) === upn || lower(v) === mail)));
    return hit?.id ? String(hit.id) : null;
  };
  const people: Person[] = users
    .filter((u) => u.id && u.userPrincipalName)
    .map((u) => {
      const upn = lower(u.userPrincipalName);
      const lookupId = lookupOf(upn, lower(u.mail ?? u.userPrincipalName));
      return {
        userId: u.id!,
        id: upn,
        upn: u.userPrincipalName!,
        displayName: u.displayName ?? u.userPrincipalName!,
        lookupId,
        roles: roles.get(upn) ?? ['employee'],
        ownedProcessIds: lookupId === null ? [] : procs.filter((p) => p.ownerLookupId === lookupId).map((p) => p.id),
      };
    })
    .sort((a, b) => a.displayName.localeCompare(b.displayName));
  return directoryOf(people, procs.map(({ id, ref, title }) => ({ id, ref, title })));
}

/** A directory over a known set of people (also used by tests). */
export function directoryOf(people: readonly Person[], processList: readonly ProcessRef[] = []): PeopleDirectory {
  const byId = new Map(people.map((p) => [p.id, p]));
  const byLookup = new Map(people.filter((p) => p.lookupId !== null).map((p) => [p.lookupId!, p]));
  return {
    people,
    processes: processList,
    byId: (id) => (id ? byId.get(lower(id)) : undefined),
    byLookupId: (lookupId) => (lookupId === null || lookupId === undefined || lookupId === '' ? undefined : byLookup.get(String(lookupId))),
    documentUser(id) {
      const p = byId.get(lower(id));
      return p ? { id: p.id, roles: p.roles, ownedProcessIds: p.ownedProcessIds } : undefined;
    },
    nameOf(id) {
      if (!id) return '';
      return byId.get(lower(id))?.displayName ?? id;
    },
  };
}
