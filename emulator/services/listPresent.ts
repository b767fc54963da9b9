import type { Db } from '../store/db.js';
import { findUser, type UserRecord } from './directory.js';
import type { SiteRow } from './siteStore.js';
import {
  itemETag,
  siteUserLookupId,
  userIdForLookup,
  versionLabel,
  type ColumnRecord,
  type ItemRow,
  type ItemVersionRow,
  type ListRow,
} from './lists.js';
import { isLookupLike, isMultiValue, resolveFieldRef, storageKey } from './listFields.js';
import { findApp } from './appRegistrationStore.js';

/**
 * Graph-shaped JSON for lists, listItems, fieldValueSets and listItemVersions.
 * Shapes follow https://learn.microsoft.com/graph/api/resources/listitem and the example responses of
 * listitem-get / listitem-delta / listitem-list-versions; the system fields of a fieldValueSet
 * (LinkTitle, ContentType, AuthorLookupId, _UIVersionString, ...) follow observed Graph responses.
 */
export interface PresentCtx {
  db: Db;
  /** e.g. `http://127.0.0.1:4000/v1.0` */
  baseUrl: string;
  site: SiteRow;
  list: ListRow;
  columns: ColumnRecord[];
  users: Map<string, UserRecord | undefined>;
}

export function presentCtx(db: Db, baseUrl: string, site: SiteRow, list: ListRow, columns: ColumnRecord[]): PresentCtx {
  return { db, baseUrl, site, list, columns, users: new Map() };
}

function user(ctx: PresentCtx, userId: string): UserRecord | undefined {
  if (!ctx.users.has(userId)) ctx.users.set(userId, findUser(ctx.db, userId));
  return ctx.users.get(userId);
}

/**
 * An identitySet `{ user: { email, id, displayName } }` as list items carry in createdBy/lastModifiedBy.
 * What an app-only token wrote names the application, with SharePoint's "SharePoint App" as the user
 * (the name SharePoint shows for app-only authors: SharePoint/sp-dev-docs#1213).
 */
export function identityOf(ctx: PresentCtx, userId: string): Record<string, unknown> {
  const u = user(ctx, userId);
  const app = u ? undefined : findApp(ctx.db, userId);
  if (app) return { application: { id: app.appId, displayName: app.displayName }, user: { displayName: 'SharePoint App' } };
  return { user: { email: u?.mail ?? u?.userPrincipalName ?? null, id: userId, displayName: u?.displayName ?? 'Unknown user' } };
}

export const isLibrary = (list: ListRow): boolean => list.template === 'documentLibrary';

/** SharePoint content type ids: Item 0x01, Document 0x0101, Folder 0x0120, followed by a list-specific suffix. */
export function contentTypeOf(list: ListRow, name: string): { id: string; name: string } {
  const suffix = list.id.replace(/-/g, '').toUpperCase();
  const base = name === 'Document' ? '0x0101' : name === 'Folder' ? '0x0120' : '0x0100';
  return { id: `${base}00${suffix}`, name };
}

export function itemWebUrl(list: ListRow, item: ItemRow): string {
  const listUrl = list.list.webUrl ?? '';
  const leaf = item.fields.FileLeafRef;
  if (isLibrary(list) && typeof leaf === 'string') return `${listUrl}/${encodeURI(leaf)}`;
  return `${listUrl}/${item.id}_.000`;
}

const secondsIso = (iso: string): string => iso.replace(/\.\d{3}Z$/, 'Z');

interface FieldState {
  fields: Record<string, unknown>;
  modified: string;
  modifiedBy: string;
  label: string;
}

/** Presents one stored value the way Graph returns it. Multi-value person/lookup columns come back as objects. */
function presentValue(ctx: PresentCtx, column: ColumnRecord, value: unknown): [string, unknown] | null {
  if (value === null || value === undefined) return null;
  if (isLookupLike(column) && isMultiValue(column) && Array.isArray(value)) {
    const entries = value.map((v) => {
      const id = Number(v);
      if (column.personOrGroup) {
        const u = user(ctx, userIdForLookup(ctx.db, ctx.list.siteId, id) ?? '');
        return { LookupId: id, LookupValue: u?.displayName ?? '', Email: u?.mail ?? u?.userPrincipalName ?? '' };
      }
      return { LookupId: id, LookupValue: String(v) };
    });
    return [column.name, entries];
  }
  return [storageKey(column), value];
}

/**
 * The fieldValueSet of an item (or of one of its versions), with Graph's system fields.
 * `select` limits it to the named fields (`fields($select=...)`); `@odata.etag` is always present.
 */
export function presentFields(ctx: PresentCtx, item: ItemRow, select: string[] | null, state?: FieldState): Record<string, unknown> {
  const s: FieldState = state ?? { fields: item.fields, modified: item.modified, modifiedBy: item.modifiedBy, label: versionLabel(item) };
  const out: Record<string, unknown> = { '@odata.etag': itemETag(item) };
  const all: Record<string, unknown> = {};
  const library = isLibrary(ctx.list);
  const title = s.fields.Title;
  const known = new Set<string>();
  for (const c of ctx.columns) {
    known.add(storageKey(c));
    // Values of hidden columns appear only when $select names them (columndefinition resource page).
    if (c.hidden && !select?.some((n) => n.toLowerCase() === c.name.toLowerCase() || n.toLowerCase() === storageKey(c).toLowerCase())) continue;
    const pv = presentValue(ctx, c, s.fields[storageKey(c)]);
    if (pv) all[pv[0]] = pv[1];
    if (c.name === 'Title' && !library && typeof title === 'string') all.LinkTitle = title;
  }
  // Values the drives helper keeps without a column (e.g. FileSizeDisplay) pass through unchanged.
  for (const [k, v] of Object.entries(s.fields)) if (!known.has(k) && v !== null && v !== undefined) all[k] = v;
  all.id = String(item.id);
  all.ContentType = item.contentType;
  all.Modified = secondsIso(s.modified);
  all.Created = secondsIso(item.created);
  all.AuthorLookupId = String(siteUserLookupId(ctx.db, ctx.list.siteId, item.createdBy));
  all.EditorLookupId = String(siteUserLookupId(ctx.db, ctx.list.siteId, s.modifiedBy));
  all._UIVersionString = s.label;
  if (library) {
    const leaf = typeof s.fields.FileLeafRef === 'string' ? s.fields.FileLeafRef : '';
    all.LinkFilenameNoMenu = leaf;
    all.LinkFilename = leaf;
    all.DocIcon = item.contentType === 'Folder' ? '' : (leaf.includes('.') ? leaf.split('.').pop() ?? '' : '');
  } else {
    all.Attachments = false;
  }
  all.Edit = '';
  if (!library && typeof title === 'string') all.LinkTitleNoMenu = title;
  all.ItemChildCount = '0';
  all.FolderChildCount = '0';
  all._ComplianceFlags = '';
  all._ComplianceTag = '';
  all._ComplianceTagWrittenTime = '';
  all._ComplianceTagUserId = '';

  if (!select) return { ...out, ...all };
  for (const name of select) {
    const ref = resolveFieldRef(ctx.columns, name);
    const key = ref?.kind === 'column' ? (isLookupLike(ref.column) && isMultiValue(ref.column) ? ref.column.name : ref.key) : ref?.name ?? name;
    const hit = Object.keys(all).find((k) => k.toLowerCase() === key.toLowerCase());
    if (hit !== undefined) out[hit] = all[hit];
  }
  return out;
}

export interface ItemPresentOptions {
  /** Include `fields`; `select` limits them. */
  fields?: { select: string[] | null };
  /** Top-level `$select` of listItem properties. */
  select?: string[] | null;
}

/** A listItem as Graph returns it: eTag, dates, identities, webUrl, parentReference, contentType (+ fields). */
export function presentItem(ctx: PresentCtx, item: ItemRow, opts: ItemPresentOptions = {}): Record<string, unknown> {
  const etag = itemETag(item);
  const body: Record<string, unknown> = {
    '@odata.etag': etag,
    createdDateTime: secondsIso(item.created),
    eTag: etag,
    id: String(item.id),
    lastModifiedDateTime: secondsIso(item.modified),
    webUrl: itemWebUrl(ctx.list, item),
    createdBy: identityOf(ctx, item.createdBy),
    lastModifiedBy: identityOf(ctx, item.modifiedBy),
    parentReference: { id: ctx.list.id, siteId: ctx.site.id },
    contentType: contentTypeOf(ctx.list, item.contentType),
  };
  let out: Record<string, unknown> = body;
  if (opts.select) {
    const want = new Set(opts.select.map((s) => s.toLowerCase()));
    out = {};
    for (const [k, v] of Object.entries(body)) if (k.startsWith('@odata.') || k === 'id' || want.has(k.toLowerCase())) out[k] = v;
  }
  if (opts.fields) {
    out['fields@odata.context'] = `${ctx.baseUrl}/$metadata#sites('${encodeURIComponent(ctx.site.id)}')/lists('${ctx.list.id}')/items('${item.id}')/fields/$entity`;
    out.fields = presentFields(ctx, item, opts.fields.select);
  }
  return out;
}

/** A listItemVersion: id (label), lastModifiedBy/DateTime, published facet and the fields as they were. */
export function presentVersion(ctx: PresentCtx, item: ItemRow, v: ItemVersionRow, select: string[] | null): Record<string, unknown> {
  const draft = !v.label.endsWith('.0');
  return {
    id: v.label,
    lastModifiedDateTime: secondsIso(v.modified),
    lastModifiedBy: identityOf(ctx, v.modifiedBy),
    published: { level: draft ? 'draft' : 'published', versionId: v.label },
    fields: presentFields(ctx, item, select, { fields: v.fields, modified: v.modified, modifiedBy: v.modifiedBy, label: v.label }),
  };
}

/** A list resource (https://learn.microsoft.com/graph/api/resources/list). */
export function presentList(list: ListRow, siteId: string): Record<string, unknown> {
  const l = list.list as unknown as Record<string, unknown>;
  return {
    '@odata.etag': l.eTag,
    ...l,
    displayName: list.displayName,
    lastModifiedDateTime: secondsIso(list.modified),
    createdDateTime: secondsIso(list.created),
    parentReference: { siteId },
  };
}

/** Looks a site user up by lookup id for presenters of person values. */
export const userForLookup = (db: Db, siteId: string, lookupId: number): UserRecord | undefined => {
  const id = userIdForLookup(db, siteId, lookupId);
  return id ? findUser(db, id) : undefined;
};
