import type { Emu } from '../emu.js';
import { ok, type Ctx, type RouteResult } from '../core/router.js';
import { GraphHttpError, badRequest, notFound } from '../core/errors.js';
import { SCOPES } from '../core/scopes.js';
import { getItem, itemVersions } from '../services/lists.js';
import { contentAt, blobBytes, type DriveRow } from '../services/driveStore.js';
import { verifyPreview } from '../services/driveContent.js';
import { openDrive, requireDrive, requireSite, groupSite, defaultDriveOfSite, visibleTarget, visibleLabel } from '../services/drives.js';
import { issuePreview, parsePreviewOptions, renderPreview } from '../services/drivePreview.js';

/**
 * `POST …/items/{itemId}/preview` (https://learn.microsoft.com/graph/api/driveitem-preview):
 * a short-lived embeddable URL for a file. The emulator's URL is pre-authenticated (signed like
 * download URLs, on the public router) and renders the version of the file the caller could see
 * when asking (draft item security: a reader gets the last major version) as a script-free page.
 *
 * Graph documents no version-specific preview (no `versionId` in the body, no
 * `…/versions/{id}/preview`); an app previewing an older version downloads
 * `…/versions/{id}/content` and renders it itself.
 */

const DOC = 'https://learn.microsoft.com/graph/api/driveitem-preview';
const READ = { scopes: SCOPES.filesRead, scopeErrorCode: 'accessDenied', doc: DOC } as const;

/** The request forms the Learn page lists that name a drive the emulator has (no /me, /users or /shares drives). */
const FORMS: { pattern: string; drive(emu: Emu, ctx: Ctx): DriveRow }[] = [
  { pattern: '/drives/{driveId}/items/{itemId}/preview', drive: (emu, ctx) => requireDrive(emu, ctx.params.driveId!) },
  { pattern: '/groups/{groupId}/drive/items/{itemId}/preview', drive: (emu, ctx) => defaultDriveOfSite(emu, groupSite(emu, ctx.params.groupId!)) },
  { pattern: '/sites/{siteId}/drive/items/{itemId}/preview', drive: (emu, ctx) => defaultDriveOfSite(emu, requireSite(emu, ctx.params.siteId!)) },
];

async function readBody(ctx: Ctx): Promise<Record<string, unknown>> {
  const raw = await ctx.bytes();
  if (raw.byteLength === 0) return {};
  const body = await ctx.json<unknown>();
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw badRequest('The request body must be a JSON object.', 'invalidRequest');
  return body as Record<string, unknown>;
}

async function preview(emu: Emu, ctx: Ctx, drive: DriveRow): Promise<RouteResult> {
  const dc = openDrive(emu, drive, ctx.principal.userId, 'read', ctx.url.origin);
  const t = visibleTarget(dc, ctx.params.itemId!);
  const opts = parsePreviewOptions(await readBody(ctx));
  if (t.kind === 'root' || t.node.isFolder) throw badRequest('Only driveItems with the file property can be previewed.', 'invalidRequest');
  const label = visibleLabel(dc, t.node, t.item);
  const name = String(t.item.fields.FileLeafRef ?? '');
  const info = issuePreview(emu.db, dc.origin, { listId: t.item.listId, listItemId: t.item.id, label, name, now: emu.now().getTime() }, opts);
  return ok({ '@odata.context': `${ctx.baseUrl}/$metadata#microsoft.graph.itemPreviewInfo`, ...info });
}

/** Registers the Graph action and the pre-authenticated preview pages. */
export function register(emu: Emu): void {
  for (const form of FORMS) emu.router.post(form.pattern, (ctx) => preview(emu, ctx, form.drive(emu, ctx)), READ);
  registerPublic(emu);
}

// ---------- pre-authenticated preview pages (no bearer token) ----------

async function renderToken(emu: Emu, token: string): Promise<RouteResult> {
  const claim = verifyPreview(emu.db, token);
  if (!claim) throw new GraphHttpError(401, 'unauthenticated', 'The preview URL is not valid.');
  if (claim.exp < emu.now().getTime()) throw new GraphHttpError(401, 'unauthenticated', 'The preview URL has expired; request a new one with POST …/preview.');
  const item = getItem(emu.db, claim.l, claim.i);
  const blob = item ? contentAt(emu.db, claim.l, claim.i, claim.v) : undefined;
  if (!item || !blob) throw notFound('The resource could not be found.', 'itemNotFound');
  const version = itemVersions(emu.db, claim.l, claim.i).find((v) => v.label === claim.v);
  const name = String((version?.fields ?? item.fields).FileLeafRef ?? 'file');
  const page = await renderPreview(name, blobBytes(emu.db, blob.sha256), { page: claim.page, zoom: claim.zoom });
  return { status: 200, body: page.body, headers: page.headers };
}

function registerPublic(emu: Emu): void {
  const r = emu.publicRouter;
  const opts = { scopes: [] as string[], doc: DOC };
  r.get('/_preview/{token}', (ctx) => renderToken(emu, ctx.params.token!), opts);
  // `postUrl` + `postParameters` (application/x-www-form-urlencoded `token=…`).
  r.post('/_preview', async (ctx) => {
    const token = new URLSearchParams(new TextDecoder().decode(await ctx.bytes())).get('token');
    if (!token) throw new GraphHttpError(401, 'unauthenticated', 'The preview request carries no token.');
    return renderToken(emu, token);
  }, opts);
}
