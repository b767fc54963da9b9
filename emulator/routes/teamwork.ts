import type { Emu } from '../emu.js';
import { noContent, ok, type Ctx, type RouteResult } from '../core/router.js';
import { GraphHttpError } from '../core/errors.js';
import { evalFilter, parseExpand, parseFilter, q } from '../core/odata.js';
import { SCOPES } from '../core/scopes.js';
import { findUser, type UserRecord } from '../services/directory.js';
import { appFromBind, installForUser, installationId, installedApps, sendToRecipients, sendToUser, type Caller } from '../services/teamwork.js';
import { catalogApps } from '../services/teamworkApps.js';
import { clearNotifications, ensureTeamworkSchema, listNotifications } from '../services/teamworkStore.js';
import { notificationsPage, presentDefinition, presentInstallation, presentTeamsApp } from '../services/teamworkPresent.js';

/**
 * Microsoft Teams over Graph v1.0, as far as the app needs it: the tenant app catalog, apps installed in a
 * user's personal scope, and activity feed notifications to users. What was sent is kept for tests
 * (`GET /_dev/notifications`) and shown on a dev page (`/_dev/notifications.html`).
 * Behaviour and its sources are in services/teamwork.ts; the Learn page of each route is in its `doc` option.
 */
const LEARN = 'https://learn.microsoft.com/graph/api/';
const TEAMS = { scopeErrorCode: 'Forbidden' } as const;

/** The caller as the notification APIs see it: the signed-in user, or the app for an app-only token. */
function callerOf(ctx: Ctx): Caller {
  const p = ctx.principal;
  if (p.kind === 'app') return { kind: 'app', id: p.app?.id ?? p.userId, displayName: p.app?.displayName ?? p.displayName, appId: p.app?.id ?? p.userId };
  return { kind: 'user', id: p.userId, displayName: p.displayName, appId: p.app?.id };
}

function requireUser(ctx: Ctx): UserRecord {
  const ref = ctx.params.userId!;
  const user = findUser(ctx.emu.db, ref);
  if (!user) throw new GraphHttpError(404, 'Request_ResourceNotFound', `Resource '${ref}' does not exist or one of its queried reference-property objects are not present.`);
  return user;
}

/**
 * The delegated installation permissions (TeamsAppInstallation.*ForUser) act for the signed-in user only
 * ("…installed for the signed-in user", permissions reference); an app-only caller may act for anyone.
 */
function requireInstallationsOf(ctx: Ctx): UserRecord {
  const user = requireUser(ctx);
  if (ctx.principal.kind !== 'app' && user.id !== ctx.principal.userId) {
    throw new GraphHttpError(403, 'Forbidden', "Delegated TeamsAppInstallation permissions apply to the signed-in user's own installations only.");
  }
  return user;
}

async function readObject(ctx: Ctx): Promise<Record<string, unknown>> {
  const body = await ctx.json<unknown>();
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new GraphHttpError(400, 'BadRequest', 'The request body must be a JSON object.');
  return body as Record<string, unknown>;
}

const expandOf = (ctx: Ctx) => new Set(parseExpand(q(ctx.query, 'expand')).map((e) => e.name.toLowerCase()));

/** Resolves `teamsApp/externalId`, `teamsAppDefinition/displayName`, … on a presented object. */
function resolvePath(obj: Record<string, unknown>, path: string): unknown {
  let cur: unknown = obj;
  for (const seg of path.split('/')) {
    if (typeof cur !== 'object' || cur === null) return undefined;
    const key = Object.keys(cur).find((k) => k.toLowerCase() === seg.toLowerCase());
    cur = key === undefined ? undefined : (cur as Record<string, unknown>)[key];
  }
  return cur;
}

function filtered<T>(ctx: Ctx, items: T[], view: (t: T) => Record<string, unknown>): T[] {
  const f = q(ctx.query, 'filter');
  if (!f) return items;
  const expr = parseFilter(f);
  return items.filter((t) => evalFilter(expr, (p) => resolvePath(view(t), p)));
}

function listInstalled(ctx: Ctx): RouteResult {
  const user = requireInstallationsOf(ctx);
  const expand = expandOf(ctx);
  // $filter may name the expanded navigation properties (example 3 filters on teamsApp/externalId).
  const all = installedApps(ctx.emu.db, user.id);
  const full = (x: (typeof all)[number]) => presentInstallation(x.installation, x.app, new Set(['teamsapp', 'teamsappdefinition']));
  const value = filtered(ctx, all, full).map((x) => presentInstallation(x.installation, x.app, expand));
  return ok({ '@odata.context': `${ctx.baseUrl}/$metadata#users('${user.id}')/teamwork/installedApps`, value });
}

function getInstalled(ctx: Ctx): RouteResult {
  const user = requireInstallationsOf(ctx);
  const hit = installedApps(ctx.emu.db, user.id).find((x) => installationId(x.installation) === ctx.params.installationId);
  if (!hit) throw new GraphHttpError(404, 'NotFound', `The app installation '${ctx.params.installationId}' was not found for this user.`);
  return ok({
    '@odata.context': `${ctx.baseUrl}/$metadata#users('${user.id}')/teamwork/installedApps/$entity`,
    ...presentInstallation(hit.installation, hit.app, expandOf(ctx)),
  });
}

async function install(ctx: Ctx): Promise<RouteResult> {
  const user = requireInstallationsOf(ctx);
  const app = appFromBind(await readObject(ctx));
  installForUser(ctx.emu.db, ctx.emu.now(), user, app);
  // userteamwork-post-installedapps: "201 Created. It does not return anything in the response body."
  return { status: 201 };
}

function listCatalog(ctx: Ctx): RouteResult {
  const expand = expandOf(ctx);
  const view = (a: ReturnType<typeof catalogApps>[number]) => ({ ...presentTeamsApp(a), appDefinitions: [presentDefinition(a)] });
  const value = filtered(ctx, catalogApps(), view).map((a) => ({ ...presentTeamsApp(a), ...(expand.has('appdefinitions') ? { appDefinitions: [presentDefinition(a)] } : {}) }));
  return ok({ '@odata.context': `${ctx.baseUrl}/$metadata#appCatalogs/teamsApps`, value });
}

async function notifyUser(ctx: Ctx): Promise<RouteResult> {
  const recipient = requireUser(ctx);
  const body = await readObject(ctx);
  sendToUser({ db: ctx.emu.db, now: ctx.emu.now(), caller: callerOf(ctx), requestId: ctx.requestId, path: ctx.path }, recipient, body);
  return noContent();
}

/** How long a token used for the bulk API must still be valid (teamwork-sendactivitynotificationtorecipients). */
const MIN_TOKEN_LIFETIME_SECONDS = 45 * 60;

/** Seconds until the (already verified) bearer token expires, from its `exp` claim. */
function tokenSecondsLeft(ctx: Ctx): number | null {
  const token = /^Bearer\s+(\S+)$/i.exec((ctx.headers.get('authorization') ?? '').trim())?.[1];
  const payload = token?.split('.')[1];
  if (!payload) return null;
  try {
    const exp = (JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { exp?: unknown }).exp;
    return typeof exp === 'number' ? exp - ctx.emu.now().getTime() / 1000 : null;
  } catch {
    return null;
  }
}

async function notifyRecipients(ctx: Ctx): Promise<RouteResult> {
  // "The token provided must be at least 45 minutes away from expiry. The API call will return a
  // 412 Precondition Failed response if the token expires within 45 minutes."
  const left = tokenSecondsLeft(ctx);
  if (left !== null && left < MIN_TOKEN_LIFETIME_SECONDS) {
    throw new GraphHttpError(412, 'PreconditionFailed', 'The access token must be valid for at least 45 minutes more to send notifications in bulk.');
  }
  const body = await readObject(ctx);
  sendToRecipients({ db: ctx.emu.db, now: ctx.emu.now(), caller: callerOf(ctx), requestId: ctx.requestId, path: ctx.path }, body);
  return { status: 202 };
}

export function register(emu: Emu): void {
  ensureTeamworkSchema(emu.db);
  const r = emu.router;

  r.get('/appCatalogs/teamsApps', listCatalog, { scopes: SCOPES.teamsAppCatalogRead, ...TEAMS, doc: `${LEARN}appcatalogs-list-teamsapps` });
  r.get('/users/{userId}/teamwork/installedApps', listInstalled, { scopes: SCOPES.teamsAppInstallationRead, ...TEAMS, doc: `${LEARN}userteamwork-list-installedapps` });
  r.post('/users/{userId}/teamwork/installedApps', install, { scopes: SCOPES.teamsAppInstallationWrite, ...TEAMS, doc: `${LEARN}userteamwork-post-installedapps` });
  r.get('/users/{userId}/teamwork/installedApps/{installationId}', getInstalled, {
    scopes: SCOPES.teamsAppInstallationRead,
    ...TEAMS,
    doc: `${LEARN}userteamwork-get-installedapps`,
  });
  r.post('/users/{userId}/teamwork/sendActivityNotification', notifyUser, { scopes: SCOPES.teamsActivitySend, ...TEAMS, doc: `${LEARN}userteamwork-sendactivitynotification` });
  r.post('/teamwork/sendActivityNotificationToRecipients', notifyRecipients, {
    scopes: SCOPES.teamsActivitySend,
    ...TEAMS,
    doc: `${LEARN}teamwork-sendactivitynotificationtorecipients`,
  });

  const dev = (doc: string) => ({ scopes: [] as string[], doc });
  const p = emu.publicRouter;
  p.get(
    '/_dev/notifications',
    (ctx) => {
      const who = ctx.query.get('recipient');
      const user = who ? findUser(emu.db, who) : undefined;
      if (who && !user) return ok([]);
      return ok(listNotifications(emu.db, user?.id));
    },
    dev('Teams activity notifications the emulator received, oldest first (`?recipient=<id or UPN>` for one user): recipient, activityType, rendered text, topic, sender, delivered.'),
  );
  p.delete('/_dev/notifications', () => (clearNotifications(emu.db), noContent()), dev('Forgets the recorded Teams activity notifications.'));
  p.get(
    '/_dev/notifications.html',
    () => ({ status: 200, body: notificationsPage(listNotifications(emu.db)), headers: { 'content-type': 'text/html; charset=utf-8' } }),
    dev('A page listing the Teams activity notifications received, newest first (the dev view of the activity feed).'),
  );
}
