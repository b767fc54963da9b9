import type { Emu } from '../emu.js';
import { ok, created, noContent, type Ctx, type Handler, type RouteResult } from '../core/router.js';
import { GraphHttpError, badRequest, notFound } from '../core/errors.js';
import { SCOPES } from '../core/scopes.js';
import { parseExpand, parseOrderBy, parseSelect, parseTop, q, sortBy } from '../core/odata.js';
import { effectiveLevel, atLeast } from '../services/permissions.js';
import { findList, getItem, itemVersions, versionLabel, checkIfMatch, type ListRow } from '../services/lists.js';
import { ensureDrivesSchema, driveOfList, contentAt, blobBytes, nodeOfListItem, type DriveRow } from '../services/driveStore.js';
import { mimeTypeOf, parseRange, verifyDownload } from '../services/driveContent.js';
import {
  SIMPLE_UPLOAD_LIMIT, DEFAULT_PAGE_SIZE, openDrive, requireDrive, requireSite, groupSite, drivesOfSite, defaultDriveOfSite,
  visibleTarget, resolvePath, resolveForCreate, loadTarget,
  checkDriveIfMatch, notModified, createFolder, uploadNamed, replaceContent, patchItem, deleteTarget, patchFields, checkout, checkin, discardCheckout,
  versionsOf, findVersion, restoreVersion, visibleLabel, parseConflict,
  type DriveCtx, type Target, type ItemPatch, type ConflictBehavior,
} from '../services/drives.js';
import { driveJson, targetJson, listChildren, listItemJson, fieldsJson, versionJson, downloadUrl } from '../services/drivePresent.js';
import { createSession, sessionStatus, cancelSession, putFragment, commitDeferred } from '../services/driveUpload.js';
import { driveDeltaPage } from '../services/driveDelta.js';

/**
 * OneDrive/SharePoint files through Graph: drives of sites and groups, driveItems (folders and
 * files) by id or path, upload (simple and resumable), download through pre-authenticated
 * URLs, versions, check-out/check-in, and the list item behind each file.
 * Behaviour lives in services/drives.ts; this module maps HTTP onto it.
 */

const LEARN = 'https://learn.microsoft.com/graph/api';
const READ = { scopes: SCOPES.filesRead, scopeErrorCode: 'accessDenied' } as const;
const WRITE = { scopes: SCOPES.filesWrite, scopeErrorCode: 'accessDenied' } as const;
const PUBLIC = { scopes: [] as string[], doc: '' };

/** OData context segments are percent-encoded, `!` included (`drives('b%21…')`). */
const enc = (s: string) => encodeURIComponent(s).replace(/!/g, '%21').replace(/'/g, "''");

// ---------- how a request names its drive ----------

interface Prefix {
  pattern: string;
  drive(emu: Emu, ctx: Ctx): DriveRow;
  /** OData path of the drive for `@odata.context`, e.g. `drives('b%21…')`. */
  odata(ctx: Ctx, drive: DriveRow): string;
}

function libraryDrive(emu: Emu, siteId: string, listId: string): { drive: DriveRow; list: ListRow } {
  const site = requireSite(emu, siteId);
  const list = findList(emu.db, site.id, listId);
  if (!list) throw notFound(`List '${listId}' does not exist at site with URL '${site.site.webUrl}'.`, 'itemNotFound');
  const drive = list.template === 'documentLibrary' ? driveOfList(emu.db, list.id) : undefined;
  if (!drive) throw notFound('The list is not a document library and has no drive.', 'itemNotFound');
  return { drive, list };
}

const PREFIXES: Prefix[] = [
  {
    pattern: '/drives/{driveId}',
    drive: (emu, ctx) => requireDrive(emu, ctx.params.driveId!),
    odata: (_ctx, d) => `drives('${enc(d.id)}')`,
  },
  {
    pattern: '/sites/{siteId}/drive',
    drive: (emu, ctx) => defaultDriveOfSite(emu, requireSite(emu, ctx.params.siteId!)),
    odata: (ctx) => `sites('${enc(ctx.params.siteId!)}')/drive`,
  },
  {
    pattern: '/sites/{siteId}/drives/{driveId}',
    drive: (emu, ctx) => {
      const site = requireSite(emu, ctx.params.siteId!);
      const d = requireDrive(emu, ctx.params.driveId!);
      if (d.siteId !== site.id) throw notFound('The drive could not be found.', 'itemNotFound');
      return d;
    },
    odata: (ctx, d) => `sites('${enc(ctx.params.siteId!)}')/drives('${enc(d.id)}')`,
  },
  {
    pattern: '/sites/{siteId}/lists/{listId}/drive',
    drive: (emu, ctx) => libraryDrive(emu, ctx.params.siteId!, ctx.params.listId!).drive,
    odata: (ctx) => `sites('${enc(ctx.params.siteId!)}')/lists('${enc(ctx.params.listId!)}')/drive`,
  },
  {
    pattern: '/groups/{groupId}/drive',
    drive: (emu, ctx) => defaultDriveOfSite(emu, groupSite(emu, ctx.params.groupId!)),
    odata: (ctx) => `groups('${enc(ctx.params.groupId!)}')/drive`,
  },
];

// ---------- how a request names its item ----------

interface Form {
  suffix: string;
  /** Path forms (`root:/a/b.txt:`) can name an item that does not exist yet (uploads). */
  isPath: boolean;
  base(ctx: Ctx): string;
}

const FORMS: Form[] = [
  { suffix: '/root:/{path*}:', isPath: true, base: () => 'root' },
  { suffix: '/items/{itemId}:/{path*}:', isPath: true, base: (ctx) => ctx.params.itemId! },
  { suffix: '/root', isPath: false, base: () => 'root' },
  { suffix: '/items/{itemId}', isPath: false, base: (ctx) => ctx.params.itemId! },
];

/** The drive's root folder (`…/root`). */
const ROOT_FORM = FORMS.find((f) => f.suffix === '/root')!;

interface Call {
  ctx: Ctx;
  dc: DriveCtx;
  form: Form;
  /** `@odata.context` up to and including the drive, e.g. `http://…/v1.0/$metadata#drives('b%21…')`. */
  meta: string;
}

type Need = 'read' | 'contribute';

function openCall(emu: Emu, ctx: Ctx, prefix: Prefix, form: Form, need: Need): Call {
  const drive = prefix.drive(emu, ctx);
  const dc = openDrive(emu, drive, ctx.principal.userId, need, ctx.url.origin);
  return { ctx, dc, form: encodedPathForm(ctx, form), meta: `${ctx.baseUrl}/$metadata#${prefix.odata(ctx, drive)}` };
}

/** The path form an item id that holds a whole path stands for: `root:/a/b.txt:` → base `root`, path `a/b.txt`. */
const ENCODED_PATH_FORM: Form = { suffix: '/items/{itemId}:/{path*}:', isPath: true, base: (ctx) => ctx.params.itemId! };

/**
 * Path addressing with encoded separators. The Kiota-based Graph SDKs address a path as one
 * item-id segment, `/items/root%3A%2FFolder%2Ffile.txt%3A/content` (Learn's SDK upload examples,
 * https://learn.microsoft.com/graph/api/driveitem-put-content, use `Items["root:/{path}:"]`), and
 * Graph accepts it as `/root:/Folder/file.txt:/content`. The router decodes that segment into
 * `itemId = "root:/Folder/file.txt:"`; here it becomes the base item and the path, so every item
 * route (read, upload, children, versions, check-in, listItem...) serves both spellings.
 */
function encodedPathForm(ctx: Ctx, form: Form): Form {
  const raw = form.isPath ? undefined : ctx.params.itemId;
  const m = raw === undefined ? null : /^([^:/]+):\/?(.*?):?$/.exec(raw);
  if (!m || !m[2]) return form;
  ctx.params.itemId = m[1]!;
  ctx.params.path = m[2];
  return ENCODED_PATH_FORM;
}

/** The existing item a request names (404 when it does not exist for the caller). */
function target(c: Call): Target {
  const base = c.form.base(c.ctx);
  return c.form.isPath ? resolvePath(c.dc, base, c.ctx.params.path!) : visibleTarget(c.dc, base);
}

const itemContext = (c: Call, t: Target) => (t.kind === 'root' ? `${c.meta}/root/$entity` : `${c.meta}/items/$entity`);
const itemPath = (c: Call, t: Target) => (t.kind === 'root' ? `${c.meta}/root` : `${c.meta}/items('${enc(t.node.id)}')`);

function selectOf(ctx: Ctx): string[] | null {
  return parseSelect(q(ctx.query, 'select'));
}

function render(c: Call, t: Target): Record<string, unknown> {
  const obj = targetJson(c.dc, t, { select: selectOf(c.ctx) });
  for (const ex of parseExpand(q(c.ctx.query, 'expand'))) {
    const name = ex.name.toLowerCase();
    if (name === 'listitem' && t.kind === 'item') {
      const inner = parseExpand(ex.options.$expand ?? null).find((e) => e.name.toLowerCase() === 'fields');
      obj.listItem = listItemJson(c.dc, c.ctx.baseUrl, t.node, t.item, inner ? { select: parseSelect(inner.options.$select ?? null) } : null);
    } else if (name === 'children') {
      obj.children = listChildren(c.dc, t, {});
    } else if (name !== 'listitem') {
      throw badRequest(`Parsing OData Select and Expand failed: Could not find a property named '${ex.name}' on type 'microsoft.graph.driveItem'.`, 'BadRequest');
    }
  }
  return obj;
}

const withContext = (context: string, body: Record<string, unknown>) => ({ '@odata.context': context, ...body });

async function readJson(ctx: Ctx): Promise<Record<string, unknown>> {
  const raw = await ctx.bytes();
  if (raw.byteLength === 0) return {};
  const body = await ctx.json<unknown>();
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw badRequest('The request body must be a JSON object.', 'invalidRequest');
  return body as Record<string, unknown>;
}

const conflictParam = (ctx: Ctx, body: Record<string, unknown>, dflt: ConflictBehavior): ConflictBehavior =>
  parseConflict(ctx.query.get('@microsoft.graph.conflictBehavior') ?? body['@microsoft.graph.conflictBehavior'], dflt);

// ---------- paging ----------

const ORDERABLE: Record<string, string> = { name: 'name', lastmodifieddatetime: 'lastModifiedDateTime', createddatetime: 'createdDateTime', size: 'size' };

/** Pages a collection with `$top` and an opaque `$skiptoken` carried in `@odata.nextLink`. */
function page(ctx: Ctx, context: string, rows: Record<string, unknown>[]): RouteResult {
  if (q(ctx.query, 'filter') !== null) throw badRequest('$filter is not supported on this collection by the emulator.', 'invalidRequest');
  const order = parseOrderBy(q(ctx.query, 'orderby')).map((o) => {
    const path = ORDERABLE[o.path.toLowerCase()];
    if (!path) throw badRequest(`Ordering by '${o.path}' is not supported.`, 'invalidRequest');
    return { ...o, path };
  });
  const sorted = sortBy(order.length ? rows : sortBy(rows, [{ path: 'name', desc: false }], (r, p) => r[p]), order, (r, p) => r[p]);
  const top = parseTop(ctx.query, 1000) ?? DEFAULT_PAGE_SIZE;
  const token = q(ctx.query, 'skiptoken');
  let offset = 0;
  if (token) {
    const m = /^Paged=TRUE&p_Offset=(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
    if (!m) throw badRequest('The $skiptoken is not valid.', 'invalidRequest');
    offset = Number(m[1]);
  }
  const body: Record<string, unknown> = { '@odata.context': context, value: sorted.slice(offset, offset + top) };
  if (offset + top < sorted.length) {
    const next = new URL(ctx.url.href);
    next.searchParams.delete('skiptoken');
    next.searchParams.set('$skiptoken', Buffer.from(`Paged=TRUE&p_Offset=${offset + top}`).toString('base64url'));
    body['@odata.nextLink'] = next.href;
  }
  return ok(body);
}

// ---------- content ----------

const tooLarge = () =>
  new GraphHttpError(413, 'invalidRequest', `The simple upload API supports files up to 4 MB (${SIMPLE_UPLOAD_LIMIT} bytes); use an upload session for larger files.`, {}, 'maxFileSizeExceeded');

const redirect = (location: string): RouteResult => ({ status: 302, headers: { Location: location } });

function requireFile(t: Target): asserts t is Extract<Target, { kind: 'item' }> {
  if (t.kind === 'root' || t.node.isFolder) throw badRequest('Only driveItems with the file property have content.', 'invalidRequest');
}

// ---------- metadata right after an upload ----------

/**
 * Files whose first `PATCH …/listItem/fields` answers 409 `resourceModified` (fault knob
 * `resourceModifiedAfterUpload`, core/faults.ts). Setting a file's metadata right after uploading it
 * may be refused that way while SharePoint is still processing the new file (observed on tenants and
 * recorded in issue 10, item 4); the code is Graph's "The resource being updated has changed since the
 * caller last read it, usually an eTag mismatch" (https://learn.microsoft.com/graph/errors). The
 * service does this now and then, not every time, so the emulator does it on demand: a test turns
 * the knob on, and a client must re-read the item and try again.
 */
const justUploaded = new WeakMap<Emu, Set<string>>();

function noteUpload(emu: Emu, t: Target): void {
  if (t.kind !== 'item' || emu.faults.config.resourceModifiedAfterUpload <= 0) return;
  emu.faults.update({ resourceModifiedAfterUpload: emu.faults.config.resourceModifiedAfterUpload - 1 });
  const set = justUploaded.get(emu) ?? new Set<string>();
  set.add(t.node.id);
  justUploaded.set(emu, set);
}

function refuseFirstPatchAfterUpload(emu: Emu, t: Target): void {
  if (t.kind !== 'item' || !justUploaded.get(emu)?.delete(t.node.id)) return;
  throw new GraphHttpError(409, 'resourceModified', 'The resource has changed since the caller last read it; read it again and retry.');
}

// ---------- registration ----------

export function register(emu: Emu): void {
  ensureDrivesSchema(emu.db);
  const r = emu.router;

  // Drives of a site, and each drive itself.
  r.get(
    '/sites/{siteId}/drives',
    (ctx) => {
      const site = requireSite(emu, ctx.params.siteId!);
      const uid = ctx.principal.userId;
      const rows = drivesOfSite(emu, site).filter((d) => atLeast(effectiveLevel(emu.db, uid, site.id, d.list.id), 'read'));
      if (rows.length === 0 && !atLeast(effectiveLevel(emu.db, uid, site.id), 'read')) {
        throw new GraphHttpError(403, 'accessDenied', 'Access denied. You do not have permission to perform this action or access this resource.');
      }
      const sel = selectOf(ctx);
      const value = rows.map((d) => selectDrive(driveJson(emu, d.drive, d.list, site), sel));
      return ok({ '@odata.context': `${ctx.baseUrl}/$metadata#drives`, value });
    },
    { ...READ, doc: `${LEARN}/drive-list` },
  );

  for (const prefix of PREFIXES) {
    r.get(
      prefix.pattern,
      (ctx) => {
        const drive = prefix.drive(emu, ctx);
        const dc = openDrive(emu, drive, ctx.principal.userId, 'read', ctx.url.origin);
        return ok(withContext(`${ctx.baseUrl}/$metadata#drives/$entity`, selectDrive(driveJson(emu, drive, dc.list, dc.site), selectOf(ctx))));
      },
      { ...READ, doc: `${LEARN}/drive-get` },
    );
  }

  // Changes below the root (https://learn.microsoft.com/graph/api/driveitem-delta): `?token=` carries
  // the opaque token of a nextLink/deltaLink, or `latest` for no items and a deltaLink from now on.
  for (const prefix of PREFIXES) {
    r.get(
      `${prefix.pattern}/root/delta`,
      (ctx) => {
        const c = openCall(emu, ctx, prefix, ROOT_FORM, 'read');
        // Links keep the page size ($top) and $select; the token says where the walk stands.
        const keep = ['$top', '$select'].flatMap((k) => (q(ctx.query, k.slice(1)) === null ? [] : [`${k}=${encodeURIComponent(q(ctx.query, k.slice(1))!)}`]));
        const link = (token?: string) => {
          const parts = token === undefined ? keep : [`token=${encodeURIComponent(token)}`, ...keep];
          return `${ctx.baseUrl}${ctx.path}${parts.length ? `?${parts.join('&')}` : ''}`;
        };
        const size = Math.max(parseTop(ctx.query, 1000) ?? DEFAULT_PAGE_SIZE, 1);
        const res = driveDeltaPage(c.dc, ctx.query.get('token'), size, link(), { select: selectOf(ctx) });
        const body: Record<string, unknown> = { '@odata.context': `${c.meta}/root/delta`, value: res.value };
        if (res.next) body['@odata.nextLink'] = link(res.next);
        if (res.delta) body['@odata.deltaLink'] = link(res.delta);
        return ok(body);
      },
      { ...READ, doc: `${LEARN}/driveitem-delta` },
    );
  }

  // Item routes: every op for every (prefix, form); colon (path) forms first, bare path forms last.
  for (const prefix of PREFIXES) for (const form of FORMS) registerItemOps(emu, prefix, form);
  for (const prefix of PREFIXES) registerBarePath(emu, prefix);

  // The driveItem of a library list item.
  r.get(
    '/sites/{siteId}/lists/{listId}/items/{itemId}/driveItem',
    (ctx) => {
      const { drive } = libraryDrive(emu, ctx.params.siteId!, ctx.params.listId!);
      const dc = openDrive(emu, drive, ctx.principal.userId, 'read', ctx.url.origin);
      const n = Number(ctx.params.itemId);
      const node = Number.isInteger(n)
        ? nodeOfListItem(emu.db, dc.list.id, n)
        : undefined;
      if (!node) throw notFound('The specified list item was not found.', 'itemNotFound');
      const t = visibleTarget(dc, node.id);
      return ok(withContext(`${ctx.baseUrl}/$metadata#drives('${enc(drive.id)}')/items/$entity`, targetJson(dc, t, { select: selectOf(ctx) })));
    },
    { ...READ, doc: `${LEARN}/resources/listitem` },
  );

  registerPublic(emu);
}

function selectDrive(obj: Record<string, unknown>, sel: string[] | null): Record<string, unknown> {
  if (!sel) return obj;
  const want = new Set(sel.map((s) => s.toLowerCase()));
  return Object.fromEntries(Object.entries(obj).filter(([k]) => k === 'id' || want.has(k.toLowerCase())));
}

function registerItemOps(emu: Emu, prefix: Prefix, form: Form): void {
  const r = emu.router;
  const p = `${prefix.pattern}${form.suffix}`;
  const on = (need: Need, fn: (c: Call) => RouteResult | Promise<RouteResult>): Handler => (ctx) => fn(openCall(emu, ctx, prefix, form, need));

  r.get(`${p}/children`, on('read', (c) => {
    const t = target(c);
    const context = t.kind === 'root' ? `${c.meta}/root/children` : `${itemPath(c, t)}/children`;
    if (notModified(c.ctx.headers.get('if-none-match'), t, c.dc)) return { status: 304 };
    return page(c.ctx, context, listChildren(c.dc, t, { select: selectOf(c.ctx) }));
  }), { ...READ, doc: `${LEARN}/driveitem-list-children` });

  r.post(`${p}/children`, on('contribute', async (c) => {
    // The body is read before the parent is loaded, so nothing below awaits between read and write.
    const body = await readJson(c.ctx);
    const parent = target(c);
    const behavior = conflictParam(c.ctx, body, 'fail');
    const description = typeof body.description === 'string' ? body.description : undefined;
    let t: Target;
    if (body.folder !== undefined) {
      t = createFolder(c.dc, parent, body.name, behavior, description);
    } else if (body.file !== undefined) {
      if (parent.kind === 'item' && !parent.node.isFolder) throw badRequest('The parent item is not a folder.', 'invalidRequest');
      t = uploadNamed(c.dc, parent, String(body.name ?? ''), new Uint8Array(), behavior, 'nameAlreadyExists', description).target;
    } else {
      throw badRequest('A folder or file facet is required to create an item.', 'invalidRequest');
    }
    return created(withContext(`${c.meta}/items/$entity`, render(c, t)));
  }), { ...WRITE, doc: `${LEARN}/driveitem-post-children` });

  // Download: 302 to a pre-authenticated URL.
  r.get(`${p}/content`, on('read', (c) => {
    const t = target(c);
    requireFile(t);
    if (notModified(c.ctx.headers.get('if-none-match'), t, c.dc)) return { status: 304 };
    return redirect(downloadUrl(c.dc, t.item, visibleLabel(c.dc, t.node, t.item)));
  }), { ...READ, doc: `${LEARN}/driveitem-get-content` });

  // Upload (simple, up to 4 MB).
  r.put(`${p}/content`, on('contribute', async (c) => {
    const bytes = await c.ctx.bytes();
    if (bytes.byteLength > SIMPLE_UPLOAD_LIMIT) throw tooLarge();
    const ifMatch = c.ctx.headers.get('if-match');
    if (c.form.isPath) {
      const behavior = parseConflict(c.ctx.query.get('@microsoft.graph.conflictBehavior'), 'replace');
      // One transaction: folders made along the path disappear again when the upload fails.
      const { target: t, created: isNew } = emu.db.transaction(() => {
        const spot = resolveForCreate(c.dc, c.form.base(c.ctx), c.ctx.params.path!);
        if (spot.existing) checkDriveIfMatch(ifMatch, spot.existing, c.dc);
        return uploadNamed(c.dc, spot.parent, spot.name, bytes, behavior);
      })();
      noteUpload(emu, t);
      return ok(withContext(`${c.meta}/items/$entity`, render(c, t)), isNew ? 201 : 200);
    }
    const t = target(c);
    requireFile(t);
    checkDriveIfMatch(ifMatch, t, c.dc);
    const replaced = replaceContent(c.dc, t.node, t.item, bytes);
    noteUpload(emu, replaced);
    return ok(withContext(`${c.meta}/items/$entity`, render(c, replaced)));
  }), { ...WRITE, doc: `${LEARN}/driveitem-put-content` });

  r.post(`${p}/createUploadSession`, on('contribute', async (c) => {
    const body = await readJson(c.ctx);
    const item = (body.item && typeof body.item === 'object' ? body.item : {}) as Record<string, unknown>;
    const behaviorRaw = c.ctx.query.get('@microsoft.graph.conflictBehavior') ?? item['@microsoft.graph.conflictBehavior'];
    const declared = item.fileSize === undefined ? undefined : Number(item.fileSize);
    if (declared !== undefined && (!Number.isInteger(declared) || declared < 0)) throw badRequest('fileSize must be a non-negative integer.', 'invalidRequest');
    const ifMatch = c.ctx.headers.get('if-match');
    const deferCommit = body.deferCommit === true;
    let session: Record<string, unknown>;
    if (c.form.isPath) {
      // One transaction: folders made along the path disappear again when the session cannot be created.
      session = emu.db.transaction(() => {
        const spot = resolveForCreate(c.dc, c.form.base(c.ctx), c.ctx.params.path!);
        if (typeof item.name === 'string' && item.name.toLowerCase() !== spot.name.toLowerCase()) {
          throw badRequest('The item name in the request body must match the name in the path.', 'invalidRequest');
        }
        return createSession(c.dc, {
          parent: spot.parent, target: spot.existing, name: spot.name, behavior: parseConflict(behaviorRaw, 'fail'),
          declaredSize: declared, deferCommit, ifMatch,
        });
      })();
    } else {
      const t = target(c);
      requireFile(t);
      const parent = loadTarget(c.dc, t.node.parentId);
      session = createSession(c.dc, {
        parent, target: t, name: String(t.item.fields.FileLeafRef), behavior: 'replace', declaredSize: declared, deferCommit, ifMatch,
      });
    }
    return ok(withContext(`${c.ctx.baseUrl}/$metadata#microsoft.graph.uploadSession`, session));
  }), { ...WRITE, doc: `${LEARN}/driveitem-createuploadsession` });

  // Versions.
  r.get(`${p}/versions`, on('read', (c) => {
    const t = target(c);
    const context = `${itemPath(c, t)}/versions`;
    if (t.kind === 'root' || t.node.isFolder) return ok({ '@odata.context': context, value: [] });
    const sel = selectOf(c.ctx);
    return ok({ '@odata.context': context, value: versionsOf(c.dc, t.node, t.item).map((v) => versionJson(c.dc, t.node, v, sel)) });
  }), { ...READ, doc: `${LEARN}/driveitem-list-versions` });

  // `versions/current` names the version the caller sees now (the driveItem's own version), as
  // Graph resolves it for files (GET …/versions/{version-id}, https://learn.microsoft.com/graph/api/driveitemversion-get).
  r.get(`${p}/versions/{versionId}`, on('read', (c) => {
    const t = target(c);
    requireFile(t);
    const id = c.ctx.params.versionId!;
    const v = findVersion(c.dc, t.node, t.item, id.toLowerCase() === 'current' ? visibleLabel(c.dc, t.node, t.item) : id);
    return ok(withContext(`${itemPath(c, t)}/versions/$entity`, versionJson(c.dc, t.node, v, selectOf(c.ctx))));
  }), { ...READ, doc: `${LEARN}/driveitemversion-get` });

  // 302 to a pre-authenticated URL (driveitemversion-get-contents: "Returns a 302 Found response
  // redirecting to a pre-authenticated download URL"), for browsers too: see registerPublic.
  r.get(`${p}/versions/{versionId}/content`, on('read', (c) => {
    const t = target(c);
    requireFile(t);
    const v = findVersion(c.dc, t.node, t.item, c.ctx.params.versionId!);
    return redirect(downloadUrl(c.dc, t.item, v.label));
  }), { ...READ, doc: `${LEARN}/driveitemversion-get-contents` });

  r.post(`${p}/versions/{versionId}/restoreVersion`, on('contribute', (c) => {
    const t = target(c);
    requireFile(t);
    restoreVersion(c.dc, t, c.ctx.params.versionId!);
    return noContent();
  }), { ...WRITE, doc: `${LEARN}/driveitemversion-restore` });

  // Check out / check in.
  r.post(`${p}/checkout`, on('contribute', (c) => {
    checkout(c.dc, target(c));
    return noContent();
  }), { ...WRITE, doc: `${LEARN}/driveitem-checkout` });

  r.post(`${p}/discardCheckout`, on('contribute', (c) => {
    discardCheckout(c.dc, target(c));
    return noContent();
  }), { ...WRITE, doc: `${LEARN}/driveitem-discardcheckout` });

  r.post(`${p}/checkin`, on('contribute', async (c) => {
    const body = await readJson(c.ctx);
    const comment = body.comment === undefined || body.comment === null ? '' : String(body.comment);
    const checkInAs = body.checkInAs === undefined || body.checkInAs === null ? '' : String(body.checkInAs);
    checkin(c.dc, target(c), comment, checkInAs);
    return noContent();
  }), { ...WRITE, doc: `${LEARN}/driveitem-checkin` });

  // The list item behind the file.
  r.get(`${p}/listItem`, on('read', (c) => {
    const t = target(c);
    if (t.kind === 'root') throw notFound('The root folder has no list item.', 'itemNotFound');
    const fx = parseExpand(q(c.ctx.query, 'expand')).find((e) => e.name.toLowerCase() === 'fields');
    const base = `${itemPath(c, t)}/listItem`;
    const body = listItemJson(c.dc, c.ctx.baseUrl, t.node, t.item, fx ? { select: parseSelect(fx.options.$select ?? null) } : null, `${base}/fields/$entity`);
    return ok(withContext(`${base}/$entity`, body));
  }), { ...READ, doc: `${LEARN}/listitem-get` });

  r.get(`${p}/listItem/fields`, on('read', (c) => {
    const t = target(c);
    if (t.kind === 'root') throw notFound('The root folder has no list item.', 'itemNotFound');
    return ok(withContext(`${itemPath(c, t)}/listItem/fields/$entity`, fieldsJson(c.dc, c.ctx.baseUrl, t.node, t.item, selectOf(c.ctx))));
  }), { ...READ, doc: `${LEARN}/listitem-get` });

  r.patch(`${p}/listItem/fields`, on('contribute', async (c) => {
    const body = await c.ctx.json<unknown>();
    const { t, next } = emu.db.transaction(() => {
      const t = target(c);
      if (t.kind === 'root') throw notFound('The root folder has no list item.', 'itemNotFound');
      refuseFirstPatchAfterUpload(emu, t);
      checkIfMatch(c.ctx.headers.get('if-match'), t.item);
      return { t, next: patchFields(c.dc, t, body) };
    })();
    if (next.kind === 'root') throw notFound();
    return ok(withContext(`${itemPath(c, t)}/listItem/fields/$entity`, fieldsJson(c.dc, c.ctx.baseUrl, next.node, next.item, null)));
  }), { ...WRITE, doc: `${LEARN}/listitem-update` });

  // The item itself.
  registerItemSelf(emu, p, on);
}

function registerItemSelf(emu: Emu, p: string, on: (need: Need, fn: (c: Call) => RouteResult | Promise<RouteResult>) => Handler): void {
  const r = emu.router;
  r.get(p, on('read', (c) => {
    const t = target(c);
    if (notModified(c.ctx.headers.get('if-none-match'), t, c.dc)) return { status: 304 };
    return ok(withContext(itemContext(c, t), render(c, t)));
  }), { ...READ, doc: `${LEARN}/driveitem-get` });

  r.patch(p, on('contribute', async (c) => {
    const body = await c.ctx.json<Record<string, unknown>>();
    const patch: ItemPatch = {
      name: body.name,
      description: body.description,
      parentReference: body.parentReference && typeof body.parentReference === 'object' ? (body.parentReference as ItemPatch['parentReference']) : undefined,
    };
    const behavior = conflictParam(c.ctx, body, 'fail');
    const next = emu.db.transaction(() => {
      const t = target(c);
      checkDriveIfMatch(c.ctx.headers.get('if-match'), t, c.dc);
      return patchItem(c.dc, t, patch, behavior);
    })();
    return ok(withContext(`${c.meta}/items/$entity`, render(c, next)));
  }), { ...WRITE, doc: `${LEARN}/driveitem-update` });

  r.delete(p, on('contribute', (c) => {
    const t = target(c);
    checkDriveIfMatch(c.ctx.headers.get('if-match'), t, c.dc);
    deleteTarget(c.dc, t);
    return noContent();
  }), { ...WRITE, doc: `${LEARN}/driveitem-delete` });
}

/** `/root:/{path}` without the closing colon (Graph accepts both); registered after every colon form. */
function registerBarePath(emu: Emu, prefix: Prefix): void {
  const bare: Form[] = [
    { suffix: '/root:/{path*}', isPath: true, base: () => 'root' },
    { suffix: '/items/{itemId}:/{path*}', isPath: true, base: (ctx) => ctx.params.itemId! },
  ];
  for (const form of bare) {
    const on = (need: Need, fn: (c: Call) => RouteResult | Promise<RouteResult>): Handler => (ctx) => fn(openCall(emu, ctx, prefix, form, need));
    registerItemSelf(emu, `${prefix.pattern}${form.suffix}`, on);
  }
}

// ---------- pre-authenticated URLs (no bearer token) ----------

/*
 * Download URLs (`@microsoft.graph.downloadUrl`, and the `Location` of the 302 that `…/content` and
 * `…/versions/{id}/content` answer) serve simple cross-origin GETs but answer no CORS preflight
 * (app.ts refuses OPTIONS on `/_download/`). That is what keeps a browser from following the 302 of
 * a Graph request: the redirected request still carries the bearer token and other non-simple
 * headers, so it needs a preflight, and the download host refuses it. Observed on tenants:
 * "Response to preflight request doesn't pass access control check: No 'Access-Control-Allow-Origin'
 * header is present" for `…/_layouts/15/download.aspx` redirected from Graph
 * (microsoftgraph/msgraph-sdk-javascript issue 388; issue 16; microsoft-graph-docs issue 5464 for
 * versions), while the download URL itself "can be retrieved without a CORS preflight request"
 * (msgraph-sdk-javascript issue 109). Browser clients read the URL instead: the driveItem's
 * `@microsoft.graph.downloadUrl`, or for an older version the `Location` of the 302 inside a
 * `$batch` response, and fetch it with a simple GET.
 */

function registerPublic(emu: Emu): void {
  const r = emu.publicRouter;
  const doc = (page: string) => ({ ...PUBLIC, doc: `${LEARN}/${page}` });

  r.get('/_download/{token}', (ctx) => {
    const claim = verifyDownload(emu.db, ctx.params.token!);
    if (!claim) throw new GraphHttpError(401, 'unauthenticated', 'The download URL is not valid.');
    if (claim.exp < emu.now().getTime()) throw new GraphHttpError(401, 'unauthenticated', 'The download URL has expired; request the item again for a fresh one.');
    const item = getItem(emu.db, claim.l, claim.i);
    const blob = item ? contentAt(emu.db, claim.l, claim.i, claim.v) : undefined;
    if (!item || !blob) throw notFound('The resource could not be found.', 'itemNotFound');
    const version = itemVersions(emu.db, claim.l, claim.i).find((v) => v.label === claim.v);
    const name = String((version?.fields ?? item.fields).FileLeafRef ?? 'file');
    const bytes = blobBytes(emu.db, blob.sha256);
    const headers: Record<string, string> = {
      'Content-Type': mimeTypeOf(name),
      'Accept-Ranges': 'bytes',
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
      ETag: `"{${item.uid.toUpperCase()}},${versionLabel(item)}"`,
    };
    const range = parseRange(ctx.headers.get('range'), bytes.byteLength);
    if (!range) return { status: 200, body: bytes, headers };
    return {
      status: 206,
      body: bytes.subarray(range.start, range.end + 1),
      headers: { ...headers, 'Content-Range': `bytes ${range.start}-${range.end}/${bytes.byteLength}` },
    };
  }, doc('driveitem-get-content'));

  const noBearer = (ctx: Ctx) => {
    if (ctx.headers.get('authorization')) {
      throw new GraphHttpError(401, 'unauthenticated', 'Upload URLs are pre-authenticated: do not send an Authorization header with requests to uploadUrl.');
    }
  };

  r.put('/_upload/{token}', async (ctx) => {
    noBearer(ctx);
    const bytes = await ctx.bytes();
    const res = putFragment(emu, ctx.params.token!, ctx.headers.get('content-range'), bytes, ctx.url.origin);
    return finishUpload(ctx, res);
  }, doc('driveitem-createuploadsession'));

  r.post('/_upload/{token}', (ctx) => {
    noBearer(ctx);
    return finishUpload(ctx, commitDeferred(emu, ctx.params.token!, ctx.url.origin));
  }, doc('driveitem-createuploadsession'));

  r.get('/_upload/{token}', (ctx) => ok(sessionStatus(emu, ctx.params.token!)), doc('driveitem-createuploadsession'));

  r.delete('/_upload/{token}', (ctx) => {
    noBearer(ctx);
    cancelSession(emu, ctx.params.token!);
    return noContent();
  }, doc('driveitem-createuploadsession'));
}

function finishUpload(ctx: Ctx, res: ReturnType<typeof putFragment>): RouteResult {
  if (!res.ctx || !res.target) return ok(res.body, res.status);
  noteUpload(res.ctx.emu, res.target);
  const body = targetJson(res.ctx, res.target, {});
  const context = `${ctx.url.origin}/v1.0/$metadata#drives('${enc(res.ctx.drive.id)}')/items/$entity`;
  return ok(withContext(context, body), res.status);
}
