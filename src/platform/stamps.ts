/**
 * Who the server says did something. SharePoint stamps `createdBy` and `lastModifiedBy` of every list
 * item (and of each item version) from the caller's token; Graph refuses writes to `Author`, `Editor`,
 * `Created` and `Modified` ("Field 'X' is read-only", listitem-update), so no client can forge them.
 * Evidence (approvals, audit entries) counts by these stamps, never by what a client wrote into a
 * column such as `ActorUPN` (docs/ARCHITECTURE.md, "Trust what the server stamps").
 *
 * An identitySet names a user by Entra object id (`user.id`) and e-mail; what an app-only token wrote
 * names the application (`application`), with SharePoint's "SharePoint App" as the user's display name.
 */
import type { PeopleDirectory, Person } from './people.js';

/** The `createdBy` / `lastModifiedBy` of a list item or item version, as Graph returns it. */
export interface StampedIdentity {
  readonly user?: { readonly id?: string | null; readonly email?: string | null; readonly displayName?: string | null } | null;
  readonly application?: { readonly id?: string | null; readonly displayName?: string | null } | null;
}

/** Who a stamp names: a person of the directory, an application, or someone the directory lacks. */
export type StampedActor =
  | { readonly kind: 'person'; readonly person: Person }
  | { readonly kind: 'application'; readonly appId: string; readonly displayName: string }
  | { readonly kind: 'unknown'; readonly displayName: string };

const lower = (s: string | null | undefined) => (s ?? '').trim().toLowerCase();

/** The person a user stamp names (by Entra object id, else by e-mail or UPN), or undefined. */
export function stampedPerson(identity: StampedIdentity | null | undefined, people: Pick<PeopleDirectory, 'people'>): Person | undefined {
  const user = identity?.application ? undefined : identity?.user;
  if (!user) return undefined;
  const id = lower(user.id);
  const email = lower(user.email);
  return people.people.find((p) => (id !== '' && lower(p.userId) === id) || (email !== '' && (lower(p.upn) === email || p.id === email)));
}

/** What a stamp names (see `StampedActor`). */
export function stampedActor(identity: StampedIdentity | null | undefined, people: Pick<PeopleDirectory, 'people'>): StampedActor {
  const app = identity?.application;
  if (app) return { kind: 'application', appId: app.id ?? '', displayName: app.displayName ?? app.id ?? '' };
  const person = stampedPerson(identity, people);
  if (person) return { kind: 'person', person };
  return { kind: 'unknown', displayName: identity?.user?.displayName ?? identity?.user?.email ?? '' };
}

/** How reports name a stamp: the person's UPN, `app <name>` for an application, else the stamp's display name. */
export function stampedName(identity: StampedIdentity | null | undefined, people: Pick<PeopleDirectory, 'people'>): string {
  const a = stampedActor(identity, people);
  return a.kind === 'person' ? a.person.upn : a.kind === 'application' ? `app ${a.displayName || a.appId}` : a.displayName || 'unknown';
}

/** The stamped person's id (lower-case UPN), or null when the stamp names no person of the directory. */
export function stampedPersonId(identity: StampedIdentity | null | undefined, people: Pick<PeopleDirectory, 'people'>): string | null {
  return stampedPerson(identity, people)?.id ?? null;
}

/** The parts of a list item that tell whether it changed after it was created. */
export interface StampedItem {
  readonly createdBy?: StampedIdentity | null;
  readonly lastModifiedBy?: StampedIdentity | null;
  readonly createdDateTime?: string | null;
  readonly lastModifiedDateTime?: string | null;
  /** `fields._UIVersionString` when it was selected (`1.0` for an item never edited). */
  readonly versionLabel?: string | null;
}

const stampKey = (s: StampedIdentity | null | undefined): string => (s?.application?.id ?? s?.user?.id ?? '').toLowerCase();

/**
 * Whether a list item was changed after it was created: its version is past 1.0, or its last-modified stamp or time
 * differs from its creation. Append-only evidence (audit entries, acknowledgements) must never be.
 */
export function itemWasEdited(item: StampedItem): boolean {
  const version = item.versionLabel ?? '1.0';
  if (version !== '1.0') return true;
  if (stampKey(item.createdBy) !== stampKey(item.lastModifiedBy)) return true;
  return !!item.createdDateTime && !!item.lastModifiedDateTime && item.createdDateTime !== item.lastModifiedDateTime;
}
