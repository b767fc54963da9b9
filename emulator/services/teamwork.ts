import type { Db } from '../store/db.js';
import { GraphHttpError } from '../core/errors.js';
import { findUser, type UserRecord } from './directory.js';
import { catalogApps, findCatalogApp, sms365App, SYSTEM_DEFAULT, type CatalogApp } from './teamworkApps.js';
import { insertInstallation, insertNotification, installationsOf, isInstalled, type Installation, type SentNotification } from './teamworkStore.js';

/**
 * Teams apps installed for users and activity feed notifications: the operations behind routes/teamwork.ts.
 *
 * Sources:
 * - https://learn.microsoft.com/graph/api/userteamwork-sendactivitynotification (204 No Content),
 * - https://learn.microsoft.com/graph/api/teamwork-sendactivitynotificationtorecipients (202 Accepted; at most
 *   100 recipients; only aadUserNotificationRecipient),
 * - https://learn.microsoft.com/graph/teams-send-activityfeednotifications: the activity type must be declared in
 *   the manifest (except the reserved `systemDefault`), the Teams app must be installed for the recipient,
 *   `webUrl` is required when the topic source is `text`, and "a user can't send notifications to themselves",
 * - https://learn.microsoft.com/graph/api/userteamwork-post-installedapps (201 Created, no body),
 *   https://learn.microsoft.com/graph/api/userteamwork-list-installedapps .
 *
 * Observed errors (GitHub): recipient without the app → 403 `Forbidden` "Application with AAD App Id '…' is not
 * authorized to generate custom text notifications about '…' to the recipient. Ensure that the expected Teams
 * app is installed in the target scope (user, team, or chat)." (OfficeDev/microsoft-365-agents-toolkit#6067);
 * installing an app that is already installed → 409 Conflict (microsoftgraph/microsoft-graph-docs#12199).
 * The bulk API is asynchronous: it answers 202 even for a recipient who then gets nothing (reports in
 * microsoftgraph/msgraph-sdk-dotnet#1946), so the emulator records such a notification as not delivered.
 *
 * Not found on Learn or in public issues: the exact answer to an activity type missing from the manifest. The
 * emulator answers 400 `BadRequest` (Graph's status for a request the service can't process,
 * https://learn.microsoft.com/graph/errors) with a message naming the type.
 */

/** Who calls: the signed-in user (delegated) or the app itself (app-only). */
export interface Caller {
  kind: 'user' | 'app';
  /** User object id, or the application id for an app-only caller. */
  id: string;
  displayName: string;
  /** The Entra application the token was issued to (`appid`), when the token names one. */
  appId?: string;
}

export const MAX_RECIPIENTS = 100;

const badRequest = (message: string) => new GraphHttpError(400, 'BadRequest', message);
const forbidden = (message: string) => new GraphHttpError(403, 'Forbidden', message);

// ---------------------------------------------------------------------------------------------
// Installations

/** Installation ids join the user and the app, as the service's do (base64 of `{userId}##{teamsAppId}`). */
export const installationId = (i: Pick<Installation, 'userId' | 'teamsAppId'>): string => Buffer.from(`${i.userId}##${i.teamsAppId}`, 'utf8').toString('base64');

/** The catalog app a `teamsApp@odata.bind` URL names (`…/appCatalogs/teamsApps/{id}`). */
export function appFromBind(body: Record<string, unknown>): CatalogApp {
  const bind = body['teamsApp@odata.bind'];
  if (typeof bind !== 'string') throw badRequest("The request body must bind the app to install: 'teamsApp@odata.bind'.");
  const m = /\/appCatalogs\/teamsApps\/([^/?#]+)\/?$/i.exec(bind);
  const app = m ? findCatalogApp(decodeURIComponent(m[1]!)) : undefined;
  if (!app) throw new GraphHttpError(404, 'NotFound', `The Teams app '${m ? m[1] : bind}' was not found in the app catalog.`);
  return app;
}

/** POST /users/{id}/teamwork/installedApps. */
export function installForUser(db: Db, now: Date, user: UserRecord, app: CatalogApp): Installation {
  const inst: Installation = { userId: user.id, teamsAppId: app.id, installedAt: now.toISOString() };
  if (!insertInstallation(db, inst)) throw new GraphHttpError(409, 'Conflict', `The app '${app.displayName}' is already installed for this user.`);
  return inst;
}

/** The installations of a user whose app is still in the catalog, with that app. */
export function installedApps(db: Db, userId: string): { installation: Installation; app: CatalogApp }[] {
  return installationsOf(db, userId).flatMap((installation) => {
    const app = findCatalogApp(installation.teamsAppId);
    return app ? [{ installation, app }] : [];
  });
}

// ---------------------------------------------------------------------------------------------
// Reading a notification body

interface NotificationBody {
  activityType: string;
  topic: SentNotification['topic'];
  previewText: SentNotification['previewText'];
  templateParameters: SentNotification['templateParameters'];
  chainId: number | null;
  teamsAppId: string | null;
}

function readTopic(raw: unknown): SentNotification['topic'] {
  if (typeof raw !== 'object' || raw === null) throw badRequest("The parameter 'topic' is required.");
  const t = raw as { source?: unknown; value?: unknown; webUrl?: unknown };
  const source = typeof t.source === 'string' ? t.source : '';
  if (source !== 'entityUrl' && source !== 'text') throw badRequest(`The topic source '${String(t.source)}' is not valid; use 'entityUrl' or 'text'.`);
  if (typeof t.value !== 'string' || !t.value) throw badRequest("The parameter 'topic.value' is required.");
  const webUrl = typeof t.webUrl === 'string' && t.webUrl ? t.webUrl : null;
  // resources/teamworkactivitytopic: webUrl is "required when source is text".
  if (source === 'text' && !webUrl) throw badRequest("The parameter 'topic.webUrl' is required when the topic source is 'text'.");
  if (source === 'entityUrl' && !/^https?:\/\//i.test(t.value)) throw badRequest("The topic value must be a Microsoft Graph URL when the source is 'entityUrl'.");
  return { source, value: t.value, webUrl };
}

function readBody(body: Record<string, unknown>): NotificationBody {
  if (typeof body.activityType !== 'string' || !body.activityType) throw badRequest("The parameter 'activityType' is required.");
  const preview = body.previewText;
  let previewText: SentNotification['previewText'] = null;
  if (preview !== undefined && preview !== null) {
    const p = preview as { content?: unknown; contentType?: unknown };
    if (typeof p !== 'object' || typeof p.content !== 'string') throw badRequest("The parameter 'previewText' must be an itemBody with 'content'.");
    previewText = { content: p.content, contentType: typeof p.contentType === 'string' ? p.contentType : 'text' };
  }
  const params = body.templateParameters ?? [];
  if (!Array.isArray(params) || !params.every((kv) => typeof kv === 'object' && kv !== null && typeof (kv as { name?: unknown }).name === 'string')) {
    throw badRequest("The parameter 'templateParameters' must be a collection of keyValuePair ({ name, value }).");
  }
  const chain = body.chainId;
  if (chain !== undefined && chain !== null && !Number.isInteger(chain)) throw badRequest("The parameter 'chainId' must be an Int64.");
  return {
    activityType: body.activityType,
    topic: readTopic(body.topic),
    previewText,
    templateParameters: (params as { name: string; value?: unknown }[]).map((kv) => ({ name: kv.name, value: kv.value === undefined || kv.value === null ? '' : String(kv.value) })),
    chainId: typeof chain === 'number' ? chain : null,
    teamsAppId: typeof body.teamsAppId === 'string' && body.teamsAppId ? body.teamsAppId : null,
  };
}

/** The `Actor+Reason` line: the declared template with `{actor}` and the parameters filled in. */
function renderText(app: CatalogApp, n: NotificationBody, actor: string): string {
  const params = new Map(n.templateParameters.map((p) => [p.name, p.value]));
  if (n.activityType === SYSTEM_DEFAULT) return params.get('systemDefaultText') ?? '';
  const template = app.activityTypes.find((a) => a.type === n.activityType)?.templateText ?? '';
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name === 'actor' ? actor : (params.get(name) ?? whole)));
}

/**
 * The Teams app that sends: the catalog app whose `webApplicationInfo.id` is the calling Entra application (the
 * token's `appid`), the one named by `teamsAppId` when several share it. The observed 403 names the caller's
 * "AAD App Id", so an application that no Teams app declares can't notify anyone.
 */
function sendingApp(c: SendContext, n: NotificationBody): CatalogApp {
  const appId = c.caller.appId;
  const apps = appId ? catalogApps().filter((a) => a.azureADAppId.toLowerCase() === appId.toLowerCase()) : [sms365App()];
  const app = n.teamsAppId ? apps.find((a) => a.id.toLowerCase() === n.teamsAppId!.toLowerCase()) : apps[0];
  if (!app) throw notInstalled(appId ?? '', c.path);
  return app;
}

function checkActivityType(app: CatalogApp, type: string): void {
  if (type === SYSTEM_DEFAULT || app.activityTypes.some((a) => a.type === type)) return;
  throw badRequest(`The activity type '${type}' is not declared in the activities section of the manifest of Teams app '${app.displayName}'.`);
}

const notInstalled = (azureADAppId: string, path: string) =>
  forbidden(
    `Application with AAD App Id '${azureADAppId}' is not authorized to generate custom text notifications about '${path}' to the recipient. Ensure that the expected Teams app is installed in the target scope (user, team, or chat).`,
  );

export interface SendContext {
  db: Db;
  now: Date;
  caller: Caller;
  requestId: string;
  /** The request path as Graph names it in its errors, e.g. `/users/{id}/teamwork/sendActivityNotification`. */
  path: string;
}

type Recipient = Pick<UserRecord, 'id' | 'userPrincipalName' | 'displayName'>;

function record(c: SendContext, api: SentNotification['api'], app: CatalogApp, n: NotificationBody, recipient: Recipient, delivered: boolean, reason?: string) {
  const actor = c.caller.kind === 'app' ? app.displayName : c.caller.displayName;
  return insertNotification(c.db, {
    sentDateTime: c.now.toISOString(),
    api,
    requestId: c.requestId,
    sender: { kind: c.caller.kind, id: c.caller.id, displayName: actor },
    recipient: { userId: recipient.id, userPrincipalName: recipient.userPrincipalName, displayName: recipient.displayName },
    activityType: n.activityType,
    topic: n.topic,
    previewText: n.previewText,
    templateParameters: n.templateParameters,
    chainId: n.chainId,
    teamsAppId: app.id,
    text: renderText(app, n, actor),
    delivered,
    ...(reason ? { reason } : {}),
  });
}

const SELF = "A user can't send notifications to themselves (teams-send-activityfeednotifications, FAQ).";

/** POST /users/{id}/teamwork/sendActivityNotification: checks, then records the notification (204). */
export function sendToUser(c: SendContext, recipient: UserRecord, body: Record<string, unknown>): SentNotification {
  const n = readBody(body);
  const app = sendingApp(c, n);
  checkActivityType(app, n.activityType);
  if (!isInstalled(c.db, recipient.id, app.id)) throw notInstalled(app.azureADAppId, c.path);
  const self = c.caller.kind === 'user' && c.caller.id === recipient.id;
  return record(c, 'sendActivityNotification', app, n, recipient, !self, self ? SELF : undefined);
}

/**
 * POST /teamwork/sendActivityNotificationToRecipients: checks the request as a whole (202), then records one
 * notification per recipient; a recipient without the app, or the sender themselves, gets nothing.
 */
export function sendToRecipients(c: SendContext, body: Record<string, unknown>): SentNotification[] {
  const n = readBody(body);
  const app = sendingApp(c, n);
  checkActivityType(app, n.activityType);
  const raw = body.recipients;
  if (!Array.isArray(raw) || raw.length === 0) throw badRequest("The parameter 'recipients' is required.");
  if (raw.length > MAX_RECIPIENTS) throw badRequest(`There is an upper limit of ${MAX_RECIPIENTS} recipients in a single request; ${raw.length} were given.`);
  const users = raw.map((r) => {
    const rec = (typeof r === 'object' && r !== null ? r : {}) as { '@odata.type'?: unknown; userId?: unknown };
    const type = typeof rec['@odata.type'] === 'string' ? rec['@odata.type'].replace(/^#/, '') : '';
    if (type !== 'microsoft.graph.aadUserNotificationRecipient') {
      throw badRequest(`Recipients of type '${type || 'unknown'}' are not supported; only microsoft.graph.aadUserNotificationRecipient is.`);
    }
    if (typeof rec.userId !== 'string' || !rec.userId) throw badRequest("Each recipient needs a 'userId'.");
    return findUser(c.db, rec.userId) ?? { unknownId: rec.userId };
  });
  return c.db.transaction(() =>
    users.map((u) => {
      // The request is accepted as a whole and delivered later; a recipient who can't get it gets nothing.
      if ('unknownId' in u) return record(c, 'sendActivityNotificationToRecipients', app, n, { id: u.unknownId, userPrincipalName: '', displayName: '' }, false, 'No user with this id in the tenant.');
      if (!isInstalled(c.db, u.id, app.id)) return record(c, 'sendActivityNotificationToRecipients', app, n, u, false, `The Teams app '${app.displayName}' is not installed for the recipient.`);
      const self = c.caller.kind === 'user' && c.caller.id === u.id;
      return record(c, 'sendActivityNotificationToRecipients', app, n, u, !self, self ? SELF : undefined);
    }),
  )();
}
