/**
 * What the seed needs to know about the target before it writes anything: the site, its lists,
 * the group and its plan, and the demo people (user ids and the site's person lookup ids). Every
 * read goes through graph/ functions.
 */
import type { User } from '@microsoft/microsoft-graph-types';
import type { GraphClient } from '../../graph/core/client.js';
import { findGroupByName, listUsers } from '../../graph/directory/index.js';
import { getLists, listItems } from '../../graph/lists/index.js';
import { getGroupPlans } from '../../graph/planner/index.js';
import { getSite, getSiteByUrl } from '../../graph/sites/index.js';
import { SMS_LISTS, PLANNER_PLAN_TITLE } from '../../graph/schema/index.js';
import type { SeedDates } from './dates.js';
import { PERSON_KEYS, type PersonKey } from './types.js';
import { DEMO_DOCUMENTS } from './data/documents.js';

/** One demo person as the target tenant knows them. */
export interface DemoPerson {
  readonly key: PersonKey;
  readonly userId: string;
  readonly upn: string;
  readonly mail: string;
  readonly displayName: string;
  /** The directory's `department`, when set. */
  readonly department: string | null;
  /** Item id in the site's User Information List: the value person columns hold. */
  readonly lookupId: number;
}

/** A seeded item: its list item id and latest eTag (for later If-Match writes). */
export interface SeededRef {
  id: string;
  eTag: string;
}

/** Counters the seed reports at the end. */
export interface SeedStats {
  /** Items, files and events created, by list key or kind. */
  readonly created: Record<string, number>;
  /** Inner requests sent inside `$batch` calls. */
  batchedRequests: number;
  /** `$batch` round trips. */
  batches: number;
}

export interface SeedContext {
  /** A Graph client acting as the given demo person. */
  readonly as: (person: PersonKey) => GraphClient;
  readonly siteId: string;
  readonly siteWebUrl: string;
  readonly groupId: string;
  /** The "SMS Actions" plan, when it exists. */
  readonly planId: string | undefined;
  /** Graph list ids by schema key. */
  readonly listIds: Readonly<Record<string, string>>;
  /** List web URLs by schema key (links from Planner tasks back to SharePoint). */
  readonly listUrls: Readonly<Record<string, string>>;
  readonly people: Readonly<Record<PersonKey, DemoPerson>>;
  readonly dates: SeedDates;
  readonly log: (line: string) => void;
  /** Seeded (or found) items by list key, then by key (Ref, Title, ...). */
  readonly registry: Map<string, Map<string, SeededRef>>;
  readonly stats: SeedStats;
  /** Ids of the Entra groups the demo documents' acknowledgement audiences name, by display name. */
  readonly ackGroupIds?: ReadonlyMap<string, string>;
}

export interface ContextOptions {
  /** Client of the person the seed reads the directory and site with (the SMS manager). */
  readonly admin: GraphClient;
  readonly as: (person: PersonKey) => GraphClient;
  /** A client signed in as the given UPN: each demo person opens the site once with it before seeding. */
  readonly clientFor: (upn: string) => GraphClient;
  readonly siteId?: string;
  readonly siteUrl?: string;
  readonly groupId?: string;
  readonly groupName?: string;
  readonly dates: SeedDates;
  readonly log: (line: string) => void;
  /** False where the cloud has no Planner (21Vianet): the plan is not looked up. Default true. */
  readonly planner?: boolean;
}

/** The list id of a schema key; throws when provisioning has not created the list. */
export function listIdOf(ctx: Pick<SeedContext, 'listIds'>, key: string): string {
  const id = ctx.listIds[key];
  if (!id) throw new Error(`The list '${key}' does not exist on the site: run provisioning first.`);
  return id;
}

/** Registers a seeded item under its list and key. */
export function remember(ctx: Pick<SeedContext, 'registry'>, list: string, key: string, ref: SeededRef): void {
  let byKey = ctx.registry.get(list);
  if (!byKey) ctx.registry.set(list, (byKey = new Map()));
  byKey.set(key, ref);
}

/** A seeded item by list and key, or undefined. */
export function recall(ctx: Pick<SeedContext, 'registry'>, list: string, key: string): SeededRef | undefined {
  return ctx.registry.get(list)?.get(key);
}

/** Adds to a "created" counter. */
export function count(ctx: Pick<SeedContext, 'stats'>, what: string, n = 1): void {
  if (n) ctx.stats.created[what] = (ctx.stats.created[what] ?? 0) + n;
}

/** Reads the site, its lists, the group, the plan and the people, and returns the seed context. */
export async function loadContext(opts: ContextOptions): Promise<SeedContext> {
  const { admin } = opts;
  const site = opts.siteId ? await getSite(admin, opts.siteId) : opts.siteUrl ? await getSiteByUrl(admin, opts.siteUrl) : undefined;
  if (!site?.id) throw new Error('The demo seed needs siteId or siteUrl.');
  const siteName = site.displayName ?? site.name ?? '';
  const groupId = opts.groupId ?? (await findGroupByName(admin, opts.groupName ?? siteName))?.id ?? undefined;
  if (!groupId) throw new Error(`No Microsoft 365 group named '${opts.groupName ?? siteName}'.`);

  const lists = await getLists(admin, site.id);
  const listIds: Record<string, string> = {};
  const listUrls: Record<string, string> = {};
  for (const schema of SMS_LISTS) {
    const found = lists.find((l) => (l.displayName ?? l.name ?? '').toLowerCase() === schema.displayName.toLowerCase());
    if (found?.id) {
      listIds[schema.key] = found.id;
      listUrls[schema.key] = found.webUrl ?? '';
    }
  }

  const plan = opts.planner === false ? undefined : (await getGroupPlans(admin, groupId)).find((p) => p.title === PLANNER_PLAN_TITLE);

  const people = await resolvePeople(admin, site.id, opts.clientFor);
  const ackGroupIds = new Map<string, string>();
  for (const name of new Set(DEMO_DOCUMENTS.map((d) => (d.ack ? ackGroupName(d.ack.audience) : null)).filter((n): n is string => n !== null))) {
    const group = await findGroupByName(admin, name);
    if (group?.id) ackGroupIds.set(name, group.id);
  }
  return {
    ackGroupIds,
    as: opts.as,
    siteId: site.id,
    siteWebUrl: site.webUrl ?? '',
    groupId,
    planId: plan?.id ?? undefined,
    listIds,
    listUrls,
    people,
    dates: opts.dates,
    log: opts.log,
    registry: new Map(),
    stats: { created: {}, batchedRequests: 0, batches: 0 },
  };
}

/**
 * Maps the demo first names to directory users (`GET /users`) and to the site's person lookup
 * ids (items of the hidden `User Information List`, matched on e-mail / user name).
 */
async function resolvePeople(admin: GraphClient, siteId: string, clientFor: (upn: string) => GraphClient): Promise<Record<PersonKey, DemoPerson>> {
  const users: User[] = [];
  let page = await listUsers(admin, { select: ['id', 'displayName', 'givenName', 'userPrincipalName', 'mail', 'department'], top: 100 });
  users.push(...page.items);
  while (page.nextLink) {
    page = await listUsers(admin, { nextLink: page.nextLink });
    users.push(...page.items);
  }
  const demoUsers = PERSON_KEYS.map((key) => {
    const user = users.find((u) => (u.givenName ?? u.displayName?.split(' ')[0] ?? '').toLowerCase() === key);
    if (!user?.id || !user.userPrincipalName) throw new Error(`The demo user '${key}' is not in the directory.`);
    return { key, user: user as User & { id: string; userPrincipalName: string } };
  });
  // A user is in the site's User Information List (and has a lookup id for person columns) only once they have
  // opened the site, been granted access directly or been ensured; members of the groups the site is shared with
  // are not listed before that (ADR 0005). Each demo person opens the site once, as they would by using the app.
  await Promise.all(demoUsers.map(({ user }) => getSite(clientFor(user.userPrincipalName), siteId)));

  const siteUsers: { id: string; fields: Record<string, unknown> }[] = [];
  let items = await listItems(admin, siteId, 'User Information List', { select: ['EMail', 'UserName'], top: 500 });
  siteUsers.push(...items.items.map((i) => ({ id: String(i.id), fields: i.fields as Record<string, unknown> })));
  while (items.nextLink) {
    items = await listItems(admin, siteId, 'User Information List', { nextLink: items.nextLink });
    siteUsers.push(...items.items.map((i) => ({ id: String(i.id), fields: i.fields as Record<string, unknown> })));
  }

  const out = {} as Record<PersonKey, DemoPerson>;
  for (const { key, user } of demoUsers) {
    const upn = user.userPrincipalName.toLowerCase();
    const mail = (user.mail ?? user.userPrincipalName).toLowerCase();
    const siteUser = siteUsers.find((s) => [s.fields.EMail, s.fields.UserName].some((v) => typeof v === 'string' && (v.toLowerCase() === upn || v.toLowerCase() === mail)));
    if (!siteUser) throw new Error(`${user.displayName} has no entry in the site's User Information List.`);
    out[key] = { key, userId: user.id, upn: user.userPrincipalName, mail: user.mail ?? user.userPrincipalName, displayName: user.displayName ?? key, department: user.department ?? null, lookupId: Number(siteUser.id) };
  }
  return out;
}

/** The group a demo audience names in parentheses: "All staff (SMS-AllStaff)" → "SMS-AllStaff". */
export function ackGroupName(audience: string): string | null {
  return /\(([^)]+)\)\s*$/.exec(audience)?.[1] ?? null;
}
