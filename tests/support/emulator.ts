import { startEmulator, type RunningEmulator } from '../../emulator/server.js';
import type { FaultConfig } from '../../emulator/core/faults.js';
import type { EmulatedCloud } from '../../emulator/core/nationalCloud.js';
import { upnOf, DEMO_USERS } from '../../emulator/seed/tenant.js';
import type { RequestLogEntry } from '../../emulator/core/requestLog.js';
import { createGraphClient, type GraphClient } from '../../graph/core/client.js';
import { APP_SCOPES } from '../../src/app/auth/scopes.js';

/**
 * Every delegated scope the app may ask for, plus those emulator tests exercise on routes the app
 * does not use (Files.ReadWrite.All, the group calendar's Group.ReadWrite.All); tests narrow it to check 403s.
 */
export const ALL_SCOPES = [...APP_SCOPES, 'Sites.Manage.All', 'Files.ReadWrite.All', 'Group.ReadWrite.All'];

const FIRST_NAMES = ['eleanor', 'raj', 'hannah', 'tom', 'priya', 'marcus', 'david', 'aisha', 'gareth', 'chloe', 'ben', 'laura', 'sofia', 'omar', 'fiona', 'jack'] as const;
/** UPNs of the demo users by first name, e.g. `demo.priya`. */
export const demo = Object.fromEntries(
  FIRST_NAMES.map((n) => {
    const u = DEMO_USERS.find((d) => d.given.toLowerCase() === n);
    if (!u) throw new Error(`no demo user ${n}`);
    return [n, upnOf(u)];
  }),
) as Record<(typeof FIRST_NAMES)[number], string>;

export interface TestEmulator extends RunningEmulator {
  /** Issues a token through the dev sign-in endpoint, over HTTP like any client. */
  token(upn: string, scopes?: string[]): Promise<string>;
  /** fetch against the Graph base URL with a bearer token. */
  graph(upn: string, path: string, init?: RequestInit & { scopes?: string[] }): Promise<Response>;
  /** The app's Graph client signed in as `upn`, without automatic retries (a test sees every failure). */
  client(upn: string, scopes?: string[]): GraphClient;
  /** The emulator's request log over HTTP (`GET /_dev/requests`), oldest first. */
  requestLog(): Promise<RequestLogEntry[]>;
  /** Empties the request log (`DELETE /_dev/requests`). */
  clearRequestLog(): Promise<void>;
}

/** Starts an emulator on port 0 with an in-memory (or given) database. */
export async function startTestEmulator(opts: { dataDir?: string | null; reset?: boolean; faults?: Partial<FaultConfig>; now?: () => Date; cloud?: EmulatedCloud } = {}): Promise<TestEmulator> {
  const running = await startEmulator({ port: 0, dataDir: opts.dataDir ?? null, reset: opts.reset, faults: opts.faults, now: opts.now, cloud: opts.cloud });
  const cache = new Map<string, string>();
  const token = async (upn: string, scopes: string[] = ALL_SCOPES) => {
    const key = `${upn}|${scopes.join(' ')}`;
    const hit = cache.get(key);
    if (hit) return hit;
    const res = await fetch(`${running.origin}/_dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ upn, scopes }),
    });
    if (!res.ok) throw new Error(`token for ${upn} failed: ${res.status} ${await res.text()}`);
    const t = ((await res.json()) as { access_token: string }).access_token;
    cache.set(key, t);
    return t;
  };
  return {
    ...running,
    token,
    async graph(upn, path, init = {}) {
      const { scopes, headers, ...rest } = init;
      const h = new Headers(headers);
      h.set('authorization', `Bearer ${await token(upn, scopes)}`);
      if (rest.body && typeof rest.body === 'string' && !h.has('content-type')) h.set('content-type', 'application/json');
      const url = path.startsWith('http') ? path : `${running.graphBaseUrl}${path}`;
      return fetch(url, { ...rest, headers: h });
    },
    client: (upn, scopes) => createGraphClient({ baseUrl: running.graphBaseUrl, getToken: () => token(upn, scopes), retry: { maxRetries: 0 } }),
    requestLog: async () => (await (await fetch(`${running.origin}/_dev/requests`)).json()) as RequestLogEntry[],
    clearRequestLog: async () => {
      await fetch(`${running.origin}/_dev/requests`, { method: 'DELETE' });
    },
  };
}
