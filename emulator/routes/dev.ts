import type { Emu } from '../emu.js';
import { randomUUID } from 'node:crypto';
import { ok, noContent, type RouteResult } from '../core/router.js';
import { badRequest } from '../core/errors.js';
import { allUsers, groupIdsOf, findGroup } from '../services/directory.js';
import type { FaultConfig } from '../core/faults.js';
import { ADMIN_CONSENT_DELEGATED } from '../core/scopes.js';
import { ClientAssertionError, verifyClientAssertion } from '../core/auth.js';
import {
  adminConsentedScopes, allApps, certificateByThumbprint, findApp, registerApp, setAdminConsentedScopes, SPA_APP,
} from '../services/appRegistrationStore.js';

/**
 * Developer endpoints outside `/v1.0` (not part of Graph): the emulator's stand-in for Entra ID
 * sign-in, and controls used by tests and benchmarks. Documented in emulator/README.md.
 */
const dev = (doc: string) => ({ scopes: [] as string[], doc });

/**
 * An error of the Microsoft identity platform's token endpoint: `{ error, error_description, error_codes,
 * timestamp, trace_id, correlation_id }` (and `suberror` for consent), not Graph's error shape.
 * https://learn.microsoft.com/entra/identity-platform/reference-error-codes ,
 * https://learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow#error-response
 */
function oauthError(emu: Emu, status: number, error: string, description: string, extra: Record<string, unknown> = {}): RouteResult {
  const code = /^AADSTS(\d+)/.exec(description)?.[1];
  const id = randomUUID();
  return {
    status,
    body: { error, error_description: description, error_codes: code ? [Number(code)] : [], timestamp: emu.now().toISOString(), trace_id: id, correlation_id: id, ...extra },
  };
}

/**
 * Delegated scopes asked for that need an administrator's consent the tenant has not given
 * (services/appRegistrationStore.ts: `adminConsentedScopes`; core/scopes.ts: ADMIN_CONSENT_DELEGATED).
 */
function unconsented(emu: Emu, scopes: readonly string[]): string[] {
  const granted = adminConsentedScopes(emu.db);
  if (granted === null) return [];
  return scopes.filter((s) => ADMIN_CONSENT_DELEGATED.has(s) && !granted.includes(s));
}

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
      // Entra ID issues a token for exactly the scopes the user and tenant have consented to. A scope that
      // only an administrator may consent to, and that the tenant has not granted, is refused as the token
      // endpoint refuses a silent request: AADSTS65001 with suberror consent_required (interactively the user
      // would see "Need admin approval"). https://learn.microsoft.com/entra/identity-platform/reference-error-codes
      const missing = unconsented(emu, body.scopes as string[]);
      if (missing.length > 0) {
        return oauthError(
          emu,
          400,
          'invalid_grant',
          `AADSTS65001: The user or administrator has not consented to use the application with ID '${SPA_APP.id}' named '${SPA_APP.displayName}'. Send an interactive authorization request for this user and resource.`,
          { suberror: 'consent_required' },
        );
      }
      const t = await emu.tokens.issue(body.upn, body.scopes as string[], lifetime);
      return ok({ token_type: 'Bearer', ...t });
    },
    dev('Issues a signed access token for a demo user with the scopes asked for (stand-in for Entra ID sign-in); refuses admin-consent scopes the tenant has not granted (AADSTS65001).'),
  );

  r.get('/_dev/consent', () => ok({ adminConsented: adminConsentedScopes(emu.db) }), dev('Tenant-wide admin consent of the sms365 app: null (everything) or the admin-consent scopes granted.'));
  r.put(
    '/_dev/consent',
    async (ctx) => {
      const body = await ctx.json<{ adminConsented?: unknown }>();
      const v = body.adminConsented;
      if (v !== null && !(Array.isArray(v) && v.every((s) => typeof s === 'string'))) throw badRequest('"adminConsented" must be null or an array of scope names.', 'invalid_request');
      setAdminConsentedScopes(emu.db, v as string[] | null);
      return ok({ adminConsented: v });
    },
    dev('Sets which admin-consent-only delegated scopes an administrator has granted (null: all).'),
  );

  r.get('/_dev/apps', () => ok(allApps(emu.db).map(({ certificates, ...app }) => ({ ...app, certificates: certificates.length }))), dev('App registrations with their application permissions.'));
  r.post(
    '/_dev/apps',
    async (ctx) => {
      const body = await ctx.json<{ appId?: unknown; displayName?: unknown; roles?: unknown; certificates?: unknown }>();
      const strings = (v: unknown) => Array.isArray(v) && v.every((s) => typeof s === 'string');
      if (typeof body.displayName !== 'string' || !body.displayName) throw badRequest('"displayName" is required.', 'invalid_request');
      if (!strings(body.roles) || !strings(body.certificates)) throw badRequest('"roles" and "certificates" must be arrays of strings.', 'invalid_request');
      if (body.appId !== undefined && typeof body.appId !== 'string') throw badRequest('"appId" must be a string.', 'invalid_request');
      const app = registerApp(emu.db, { appId: body.appId, displayName: body.displayName, roles: body.roles as string[], certificates: body.certificates as string[] });
      return ok({ appId: app.appId, displayName: app.displayName, roles: app.roles });
    },
    dev('Registers an app with certificates (PEM) and admin-consented application permissions (stand-in for an Entra app registration).'),
  );

  /**
   * The Microsoft identity platform's token endpoint for the client credentials grant with a certificate:
   * `POST /{tenant}/oauth2/v2.0/token` (form) with `grant_type=client_credentials`, `client_id`,
   * `scope=https://graph.microsoft.com/.default`, `client_assertion_type=urn:ietf:params:oauth:client-assertion-type:jwt-bearer`
   * and `client_assertion` (a JWT signed with the certificate, audience this endpoint). Answers an app-only
   * token whose `roles` are the app's granted application permissions.
   * https://learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow
   */
  r.post(
    '/{tenant}/oauth2/v2.0/token',
    async (ctx) => {
      const form = new URLSearchParams(new TextDecoder().decode(await ctx.bytes()));
      const tenant = ctx.params.tenant!.toLowerCase();
      if (tenant !== emu.tenantId.toLowerCase() && tenant !== emu.domain.toLowerCase()) {
        return oauthError(emu, 400, 'invalid_request', `AADSTS90002: Tenant '${ctx.params.tenant}' not found.`);
      }
      if (form.get('grant_type') !== 'client_credentials') {
        return oauthError(emu, 400, 'unsupported_grant_type', 'AADSTS70003: The app requested an unsupported grant type. This endpoint serves client_credentials only.');
      }
      const clientId = form.get('client_id') ?? '';
      const scope = form.get('scope') ?? '';
      if (!/^https:\/\/graph\.microsoft\.com\/\.default$/i.test(scope.trim())) {
        return oauthError(emu, 400, 'invalid_scope', `AADSTS1002012: The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`);
      }
      const app = findApp(emu.db, clientId);
      if (!app) {
        return oauthError(emu, 400, 'unauthorized_client', `AADSTS700016: Application with identifier '${clientId}' was not found in the directory '${emu.domain}'.`);
      }
      const assertion = form.get('client_assertion');
      if (form.get('client_assertion_type') !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer' || !assertion) {
        return oauthError(emu, 401, 'invalid_client', "AADSTS7000218: The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");
      }
      try {
        await verifyClientAssertion(assertion, {
          clientId: app.appId,
          audience: `${ctx.url.origin}/${ctx.params.tenant}/oauth2/v2.0/token`,
          now: emu.now(),
          certificateFor: (thumbprint, alg) => certificateByThumbprint(app, thumbprint, alg),
        });
      } catch (e) {
        if (e instanceof ClientAssertionError) return oauthError(emu, 401, 'invalid_client', e.message);
        throw e;
      }
      const t = await emu.tokens.issueApp({ id: app.appId, displayName: app.displayName }, app.roles);
      return ok({ token_type: 'Bearer', expires_in: t.expires_in, ext_expires_in: t.expires_in, access_token: t.access_token });
    },
    dev('Client credentials token endpoint of the tenant (app-only token for a registered app signing with its certificate).'),
  );

  r.get('/_dev/requests', () => ok(emu.requests.list()), dev('Request log: method, path, status and bytes per Graph request.'));
  r.delete('/_dev/requests', () => { emu.requests.clear(); return noContent(); }, dev('Clears the request log.'));

  r.get('/_dev/faults', () => ok(emu.faults.config), dev('Current fault injection settings.'));
  r.put('/_dev/faults', async (ctx) => ok(emu.faults.update(await ctx.json<Partial<FaultConfig>>())), dev('Changes fault injection: latency, failure rate, forced 429, 504 after commit, seed.'));
}
