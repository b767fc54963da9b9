/**
 * First start of the emulator: provisions the demo site (lists, libraries, Planner plan) and seeds
 * the demo content; later starts find the `DemoSeeded` marker and return after a few requests.
 * Used by `npm start` and `npm run seed:demo`.
 */
import { createGraphClient, type GraphClient } from '../../graph/core/client.js';
import { getLists } from '../../graph/lists/index.js';
import { emulatorToken, provision } from '../../graph/provisioning/index.js';
import { getSiteByUrl } from '../../graph/sites/index.js';
import { smsDocuments, smsSettings } from '../../graph/schema/index.js';
import { SMS_GROUP, SMS_SITE_PATH, TENANT, upnOf } from '../../emulator/seed/tenant.js';
import { isDemoSeeded, seedDemo, type SeedDemoResult } from './seed.js';
import { APP_SCOPES } from '../../src/app/auth/scopes.js';

/**
 * Delegated scopes the seed asks the dev sign-in for: the app's own, plus Sites.Manage.All to provision lists
 * and Group.ReadWrite.All for the demo events in the SMS group's calendar (the app itself never asks for it).
 */
export const SEED_SCOPES = [...APP_SCOPES, 'Sites.Manage.All', 'Group.ReadWrite.All'];

/** The demo SMS site's URL. */
export const DEMO_SITE_URL = `https://${TENANT.hostname}${SMS_SITE_PATH}`;
/** The SMS manager, who provisions and seeds. */
export const DEMO_ADMIN_UPN = upnOf({ given: 'Tom', surname: 'Whitaker' });

/** Graph clients for the emulator's demo users, with a count of the HTTP requests they send. */
export interface EmulatorClients {
  clientFor(upn: string): GraphClient;
  /** HTTP requests sent so far (a `$batch` counts once). */
  readonly requests: number;
}

/** Clients that sign in through the emulator's dev token endpoint (one cached token per user). */
export function emulatorClients(origin: string, graphBaseUrl: string): EmulatorClients {
  const clients = new Map<string, GraphClient>();
  let requests = 0;
  return {
    clientFor(upn) {
      const hit = clients.get(upn);
      if (hit) return hit;
      let cached: { token: string; expiresAt: number } | undefined;
      const client = createGraphClient({
        baseUrl: graphBaseUrl,
        getToken: async () => {
          requests++; // the token provider is called once per request
          if (!cached || cached.expiresAt - Date.now() < 60_000) cached = await emulatorToken(origin, upn, SEED_SCOPES);
          return cached.token;
        },
      });
      clients.set(upn, client);
      return client;
    },
    get requests() {
      return requests;
    },
  };
}

export interface EnsureDemoOptions {
  /** Emulator origin, e.g. `http://127.0.0.1:4000`. */
  origin: string;
  /** Graph base URL, e.g. `http://127.0.0.1:4000/v1.0`. */
  graphBaseUrl: string;
  log?: (line: string) => void;
  /** The seed day D (default: today). */
  today?: Date;
  /** False where the emulated cloud has no Planner (`--cloud china`): provisioning and the seed skip Planner. */
  planner?: boolean;
}

export interface EnsureDemoResult {
  /** Nothing was missing: the site was provisioned and seeded before. */
  alreadyDone: boolean;
  provisionedSteps: number;
  seed: SeedDemoResult | null;
  /** HTTP requests sent to the emulator (a `$batch` counts once). */
  requests: number;
  milliseconds: number;
}

/**
 * Provisions and seeds the demo site unless the `SMS Documents` library exists and the
 * `DemoSeeded` marker is set. Safe to run on every start.
 */
export async function ensureDemoContent(opts: EnsureDemoOptions): Promise<EnsureDemoResult> {
  const started = Date.now();
  const log = opts.log ?? ((line: string) => console.log(line));
  const clients = emulatorClients(opts.origin, opts.graphBaseUrl);
  const admin = clients.clientFor(DEMO_ADMIN_UPN);

  const site = await getSiteByUrl(admin, DEMO_SITE_URL);
  if (!site.id) throw new Error(`The emulator has no site at ${DEMO_SITE_URL}`);
  const lists = await getLists(admin, site.id);
  const idOf = (name: string) => lists.find((l) => (l.displayName ?? '').toLowerCase() === name.toLowerCase())?.id ?? undefined;
  if (idOf(smsDocuments.displayName) && (await isDemoSeeded(admin, site.id, idOf(smsSettings.displayName)))) {
    return { alreadyDone: true, provisionedSteps: 0, seed: null, requests: clients.requests, milliseconds: Date.now() - started };
  }

  log('First start: provisioning the demo SMS site…');
  const provisioned = await provision({
    client: admin,
    siteId: site.id,
    groupName: SMS_GROUP,
    target: 'emulator',
    emulatorOrigin: opts.origin,
    planner: opts.planner,
    log: (line) => log(`  ${line}`),
  });
  log('Seeding the demo content…');
  const seed = await seedDemo({
    clientFor: (upn) => clients.clientFor(upn),
    adminUpn: DEMO_ADMIN_UPN,
    siteId: site.id,
    groupId: provisioned.groupId,
    today: opts.today,
    planner: opts.planner,
    log,
  });
  return { alreadyDone: false, provisionedSteps: provisioned.created.length, seed, requests: clients.requests, milliseconds: Date.now() - started };
}
