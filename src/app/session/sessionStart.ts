import type { GraphClient } from '../../../graph/core/client.js';
import { getSessionStart, type SessionStart, type Settled } from '../../../graph/home/sessionStart.js';

/**
 * Sign-in to Home in two sequential Graph round trips: the session's first reads of `/me`,
 * `/me/memberOf` and the SMS site travel together in one `$batch` (graph/home/sessionStart.ts),
 * whichever screen or shell part asks first — the navigation's roles, Home, a document screen.
 *
 * The signed-in app registers the batch for its Graph client (`prepareSessionStart`); the session
 * queries (./queries.ts) then `takeFromSessionStart` their part. The batch is sent on the first
 * take, not before, so nothing is read for a session that never asks (and nothing while offline:
 * TanStack Query does not run a query function then). Each part is handed out once: a refetch, a
 * retry after an error or a read long after sign-in goes to Graph on its own, as before.
 */

export type SessionStartPart = keyof SessionStart;
type PartValue<K extends SessionStartPart> = SessionStart[K] extends Settled<infer T> ? T : never;

/** A part taken later than this after the batch answered is read afresh instead. */
const MAX_AGE_MS = 60_000;

interface Pending {
  siteUrl: string;
  taken: Set<SessionStartPart>;
  answer: Promise<SessionStart> | null;
  answeredAt: number | null;
  /** The batch itself failed (e.g. 401 on the envelope): parts not yet taken are read on their own. */
  failed: boolean;
}

const pendingByClient = new WeakMap<GraphClient, Pending>();

/** Makes the first reads of me, memberOf and the site at `siteUrl` through `client` share one `$batch`. */
export function prepareSessionStart(client: GraphClient, siteUrl: string): void {
  if (!pendingByClient.has(client)) pendingByClient.set(client, { siteUrl, taken: new Set(), answer: null, answeredAt: null, failed: false });
}

function unwrap<T>(part: Settled<T>): T {
  if (part.ok) return part.value;
  throw part.error;
}

/**
 * The session-start batch's answer for `part` — sending the batch if this is the first take — or
 * `null` when the caller must read it itself: no batch prepared for this client, this part already
 * taken, a different site asked for, or the answer too old.
 */
export function takeFromSessionStart<K extends SessionStartPart>(
  client: GraphClient,
  part: K,
  siteUrl?: string,
): Promise<PartValue<K>> | null {
  const pending = pendingByClient.get(client);
  if (!pending || pending.failed || pending.taken.has(part)) return null;
  if (siteUrl !== undefined && siteUrl !== pending.siteUrl) return null;
  if (pending.answeredAt !== null && Date.now() - pending.answeredAt > MAX_AGE_MS) return null;
  pending.taken.add(part);
  // No abort signal: the batch serves every part, so one caller going away must not cancel it.
  pending.answer ??= getSessionStart(client, pending.siteUrl).then(
    (answer) => {
      pending.answeredAt = Date.now();
      return answer;
    },
    (error: unknown) => {
      pending.failed = true;
      throw error;
    },
  );
  return pending.answer.then((answer) => unwrap(answer[part] as Settled<PartValue<K>>));
}
