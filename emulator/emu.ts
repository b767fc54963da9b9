import type { Db } from './store/db.js';
import type { Router } from './core/router.js';
import type { Faults } from './core/faults.js';
import type { RequestLog } from './core/requestLog.js';
import type { TokenService } from './core/auth.js';

/** The emulator's shared state, handed to every route and service. */
export interface Emu {
  db: Db;
  /** Graph routes under `/v1.0` (authenticated). */
  router: Router;
  /** Routes outside `/v1.0`: dev sign-in, request log, pre-authenticated download URLs. */
  publicRouter: Router;
  /** Dispatches a request through the same pipeline as the HTTP server (used by `$batch`). */
  handle(req: Request, opts?: { inBatch?: boolean }): Promise<Response>;
  faults: Faults;
  requests: RequestLog;
  tokens: TokenService;
  /** Clock used for timestamps; tests may pin it. */
  now(): Date;
  /** Day the tenant was seeded (demo dates are relative to it). */
  seedDate: Date;
  /** SharePoint hostname, e.g. `kestrelms.sharepoint.com`. */
  hostname: string;
  tenantId: string;
  /** Directory (Entra) tenant domain used by UPNs. */
  domain: string;
  /** Origin the emulator is reachable at (set once the HTTP server listens). */
  origin: string;
}
