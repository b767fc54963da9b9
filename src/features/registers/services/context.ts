/**
 * What every verb and screen of the Registers area works with: the Graph client, the SMS site (its
 * list ids, which the audit trail and the reference sequences are written through), the site's time
 * zone and today's date there, the people directory (person columns hold site lookup ids, the rules
 * name people by lower-case UPN), the signed-in person as the rules see them, and the SMS Settings
 * values the rules read (acceptance authority, improvement cost threshold).
 */
import type { GraphClient } from '../../../../graph/core/client.js';
import type { Actor, RegisterSettings } from '../../../domain/registers/types.js';
import type { ActionsContext } from '../../../platform/actions/types.js';
import type { Clock } from '../../../platform/clock.js';
import type { PeopleDirectory } from '../../../platform/people.js';
import type { RegisterWriteDeps } from '../../../platform/registers/index.js';
import { platformWriteDeps } from '../../../platform/registers/write.defaults.js';
import type { SmsSite } from '../../../platform/site.js';

export interface RegisterContext {
  readonly client: GraphClient;
  readonly site: Pick<SmsSite, 'siteId' | 'webUrl' | 'listIds' | 'groupId'>;
  /** The SMS site's time zone (IANA): date-only columns hold midnight there. */
  readonly timeZone: string;
  /** Today on the site (YYYY-MM-DD): the date a transition stamps. */
  readonly today: string;
  readonly people: PeopleDirectory;
  /** The signed-in person: UPN and site lookup id (what a person column they fill holds; null before their first visit). */
  readonly me: { readonly upn: string; readonly lookupId: string | null };
  /** The signed-in person as the rules see them. */
  readonly actor: Actor;
  readonly settings: RegisterSettings;
  readonly clock: Pick<Clock, 'now'>;
  /** The app's origin, for links back to a record (Planner tasks of raised actions). */
  readonly appOrigin: string;
}

/** The rules' view of a person of the directory (lower-case UPN, SMS roles, owned processes); an unknown UPN is an employee with nothing owned. */
export function actorOf(people: PeopleDirectory, upn: string): Actor {
  const person = people.byId(upn);
  return { id: upn.trim().toLowerCase(), roles: person?.roles ?? ['employee'], ownedProcessIds: person?.ownedProcessIds ?? [] };
}

/** The register writer's collaborators (SMS Sequences, SMS Audit Trail) for the signed-in person. */
export function writeDepsOf(ctx: RegisterContext): RegisterWriteDeps {
  return platformWriteDeps({ client: ctx.client, site: ctx.site, actor: { upn: ctx.me.upn, lookupId: ctx.me.lookupId }, clock: ctx.clock });
}

/** The actions engine's context for reads the register verbs make (the actions linked to a record). */
export function actionsContextOf(ctx: RegisterContext, signal?: AbortSignal): ActionsContext {
  return {
    client: ctx.client,
    site: ctx.site,
    people: ctx.people,
    timeZone: ctx.timeZone,
    today: ctx.today,
    appOrigin: ctx.appOrigin,
    actor: ctx.actor,
    writeDeps: writeDepsOf(ctx),
    settings: ctx.settings,
    signal,
  };
}
