import type { Emu } from '../emu.js';
import { ok, noContent } from '../core/router.js';
import { badRequest } from '../core/errors.js';
import { allUsers, groupIdsOf, findGroup } from '../services/directory.js';
import type { FaultConfig } from '../core/faults.js';

/**
 * Developer endpoints outside `/v1.0` (not part of Graph): the emulator's stand-in for Entra ID
 * sign-in, and controls used by tests and benchmarks. Documented in emulator/README.md.
 */
const dev = (doc: string) => ({ scopes: [] as string[], doc });

export function register(emu: Emu): void {
  const r = emu.publicRouter;

  r.get('/_dev/health', () => ok({ status: 'ok', seededAt: emu.seedDate.toISOString() }), dev('Liveness and the seed date.'));

  r.get(
    '/_dev/users',
    () =>
      ok(
        allUsers(emu.db).map((u) => ({
          id: u.id,
          displayName: u.displayName,
          userPrincipalName: u.userPrincipalName,
          jobTitle: u.jobTitle ?? null,
          groups: groupIdsOf(emu.db, u.id)
            .map((g) => findGroup(emu.db, g)?.displayName)
            .filter((n): n is string => !!n)
            .sort(),
        })),
      ),
    dev('Demo users with their group names (the dev sign-in page lists them).'),
  );

  r.post(
    '/_dev/token',
    async (ctx) => {
      const body = await ctx.json<{ upn?: unknown; scopes?: unknown; expiresIn?: unknown }>();
      if (typeof body.upn !== 'string' || !body.upn) throw badRequest('"upn" is required.', 'invalid_request');
      if (!Array.isArray(body.scopes) || !body.scopes.every((s) => typeof s === 'string')) {
        throw badRequest('"scopes" must be an array of strings.', 'invalid_request');
      }
      const lifetime = body.expiresIn === undefined ? 3600 : Number(body.expiresIn);
      if (!Number.isFinite(lifetime)) throw badRequest('"expiresIn" must be a number of seconds.', 'invalid_request');
      const t = await emu.tokens.issue(body.upn, body.scopes as string[], lifetime);
      return ok({ token_type: 'Bearer', ...t });
    },
    dev('Issues a signed access token for a demo user with the scopes asked for (stand-in for Entra ID sign-in).'),
  );

  r.get('/_dev/requests', () => ok(emu.requests.list()), dev('Request log: method, path, status and bytes per Graph request.'));
  r.delete('/_dev/requests', () => { emu.requests.clear(); return noContent(); }, dev('Clears the request log.'));

  r.get('/_dev/faults', () => ok(emu.faults.config), dev('Current fault injection settings.'));
  r.put('/_dev/faults', async (ctx) => ok(emu.faults.update(await ctx.json<Partial<FaultConfig>>())), dev('Changes fault injection: latency, failure rate, forced 429.'));
}
