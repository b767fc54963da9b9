import type { Db } from '../store/db.js';
import { guid } from '../core/ids.js';
import { GraphHttpError, badRequest, conflict } from '../core/errors.js';
import { findUser } from './directory.js';
import { effectiveLevel, atLeast } from './permissions.js';
import { civilToUtc, resolveTimeZone, utcToCivil, type Civil } from './recurrence.js';
import { siteTimeZone } from './siteStore.js';
import {
  columnsOf,
  findListById,
  getItem,
  holdsUniqueValue,
  userIdForLookup,
  type ColumnRecord,
  type ItemRow,
  type ListRow,
} from './lists.js';

/**
 * Columns and field values of SharePoint lists as Microsoft Graph exposes them
 * (https://learn.microsoft.com/graph/api/resources/columndefinition,
 * https://learn.microsoft.com/graph/api/resources/fieldvalueset).
 *
 * How values are stored in `ItemRow.fields` (and how the drives helper should write them):
 * - text, single choice: string; multi choice (`choice.displayAs: 'checkBoxes'`): string[]
 * - number, currency: number; boolean: boolean; dateTime: ISO string `YYYY-MM-DDTHH:mm:ssZ` (date-only columns:
 *   midnight of the date in the site's time zone, see `dateOnlyInstant`)
 * - personOrGroup and lookup: under the key `<Name>LookupId`, a string lookup id (`"7"`), or string[] when the
 *   column allows several values. Person lookup ids are the site's (see `siteUserLookupId`).
 * System fields (id, Created, Modified, AuthorLookupId, ...) are not stored: they come from the item row.
 */

/** SharePoint's limit of indexed columns per list (Microsoft support, "Manage large lists and libraries"). */
export const MAX_INDEXES = 20;

export const TYPE_FACETS = ['text', 'choice', 'number', 'currency', 'dateTime', 'boolean', 'personOrGroup', 'lookup', 'hyperlinkOrPicture'] as const;
export type ColumnType = (typeof TYPE_FACETS)[number];

/** Fields every item has, with whether SharePoint indexes them. id/Created/Modified behave as indexed. */
const SYSTEM_FIELDS: Record<string, { indexed: boolean }> = {
  id: { indexed: true },
  ID: { indexed: true },
  Created: { indexed: true },
  Modified: { indexed: true },
  AuthorLookupId: { indexed: false },
  EditorLookupId: { indexed: false },
  ContentType: { indexed: false },
  _UIVersionString: { indexed: false },
  Attachments: { indexed: false },
  LinkTitle: { indexed: false },
  LinkTitleNoMenu: { indexed: false },
  Edit: { indexed: false },
  ItemChildCount: { indexed: false },
  FolderChildCount: { indexed: false },
  LinkFilename: { indexed: false },
  LinkFilenameNoMenu: { indexed: false },
  DocIcon: { indexed: false },
  _ComplianceFlags: { indexed: false },
  _ComplianceTag: { indexed: false },
  _ComplianceTagWrittenTime: { indexed: false },
  _ComplianceTagUserId: { indexed: false },
};

/** Names a new column may not take (SharePoint's built-in fields). */
const RESERVED = new Set(
  [...Object.keys(SYSTEM_FIELDS), 'Author', 'Editor', 'FileRef', 'FileDirRef', 'GUID', 'UniqueId', 'Order', 'FSObjType']
    .map((n) => n.toLowerCase()),
);

const rec = (c: ColumnRecord): Record<string, unknown> => c as unknown as Record<string, unknown>;

export const columnType = (c: ColumnRecord): ColumnType | undefined => TYPE_FACETS.find((t) => rec(c)[t] !== undefined && rec(c)[t] !== null);

/** Person and lookup columns hold lookup ids under `<Name>LookupId`. */
export const isLookupLike = (c: ColumnRecord): boolean => c.personOrGroup !== undefined || c.lookup !== undefined;
export const storageKey = (c: ColumnRecord): string => (isLookupLike(c) ? `${c.name}LookupId` : c.name);

export function isMultiValue(c: ColumnRecord): boolean {
  return (
    c.text?.allowMultipleLines === true ||
    c.choice?.displayAs === 'checkBoxes' ||
    c.personOrGroup?.allowMultipleSelection === true ||
    c.lookup?.allowMultipleValues === true
  );
}

/** Column types SharePoint cannot index: multi-line text and multi-value choice, person and lookup columns. */
export const isIndexable = (c: ColumnRecord): boolean => !isMultiValue(c);

const invalid = (message: string) => badRequest(message, 'invalidRequest');

// ---------- column definitions ----------

const FACET_DEFAULTS: Record<ColumnType, Record<string, unknown>> = {
  text: { allowMultipleLines: false, appendChangesToExistingText: false, linesForEditing: 0, maxLength: 255 },
  choice: { allowTextEntry: false, choices: [], displayAs: 'dropDownMenu' },
  number: { decimalPlaces: 'automatic', displayAs: 'number', maximum: 1.7976931348623157e308, minimum: -1.7976931348623157e308 },
  currency: { locale: 'en-gb' },
  dateTime: { displayAs: 'default', format: 'dateTime' },
  boolean: {},
  personOrGroup: { allowMultipleSelection: false, chooseFromType: 'peopleOnly', displayAs: 'account' },
  lookup: { allowMultipleValues: false, allowUnlimitedLength: false },
  hyperlinkOrPicture: { isPicture: false },
};

/** SharePoint's internal-name encoding: characters outside [A-Za-z0-9_] become `_xHHHH_`. */
export const internalNameOf = (name: string): string =>
  name.replace(/[^A-Za-z0-9_]/g, (ch) => `_x${ch.charCodeAt(0).toString(16).padStart(4, '0')}_`);

/**
 * Multi-choice (check box) columns and Graph. choiceColumn has no multi-select flag; `displayAs: 'checkBoxes'` is
 * what Graph returns for SharePoint's multi-choice field (https://learn.microsoft.com/graph/api/resources/choicecolumn),
 * but creating a column with it is refused by the service: "you will receive an error from the graph when trying to
 * create a column with this type" (microsoftgraph/microsoft-graph-docs issue 21021, and -contrib issue 147, closed
 * with no fix). The issue gives no body; the emulator answers with Graph's generic list refusal, 400
 * `invalidRequest` "Invalid request", the body observed for multi-choice writes in
 * microsoftgraph/microsoft-graph-explorer-v4 issue 3247. Changing a column to check boxes (PATCH) is refused alike.
 * What works is sending the column in the `columns` of the list's create request (list-create,
 * https://learn.microsoft.com/graph/api/list-create): alcionai/corso recreates lists with multi-choice columns
 * that way and then writes several values into them (alcionai/corso issue 5108).
 */
const checkBoxesRefused = () => badRequest('Invalid request', 'invalidRequest');

/**
 * Builds a columnDefinition from a `POST .../columns` body (or, with `inListCreate`, an entry of `columns` on list
 * creation), filling the defaults Graph returns. https://learn.microsoft.com/graph/api/list-post-columns
 */
export function buildColumn(db: Db, input: Record<string, unknown>, existing: ColumnRecord[], opts: { inListCreate?: boolean } = {}): ColumnRecord {
  const rawName = input.name ?? input.displayName;
  if (typeof rawName !== 'string' || !rawName.trim()) throw invalid("A column needs a 'name'.");
  const name = internalNameOf(rawName.trim());
  if (RESERVED.has(name.toLowerCase()) || existing.some((c) => c.name.toLowerCase() === name.toLowerCase())) {
    throw conflict(`A duplicate field name "${name}" was found.`, 'nameAlreadyExists');
  }
  const facets = TYPE_FACETS.filter((t) => input[t] !== undefined && input[t] !== null);
  if (facets.length === 0) throw invalid(`Column '${name}' has no type: give one of ${TYPE_FACETS.join(', ')}.`);
  if (facets.length > 1) throw invalid(`Column '${name}' has more than one type (${facets.join(', ')}).`);
  const type = facets[0]!;
  const facetInput = input[type];
  if (typeof facetInput !== 'object' || Array.isArray(facetInput)) throw invalid(`'${type}' must be an object.`);
  const column: ColumnRecord = {
    id: guid(),
    name,
    displayName: typeof input.displayName === 'string' && input.displayName ? input.displayName : rawName.trim(),
    columnGroup: 'Custom Columns',
    description: typeof input.description === 'string' ? input.description : '',
    enforceUniqueValues: input.enforceUniqueValues === true,
    hidden: input.hidden === true,
    indexed: input.indexed === true,
    readOnly: false,
    required: input.required === true,
    [type]: { ...FACET_DEFAULTS[type], ...(facetInput as Record<string, unknown>) },
  };
  validateFacet(db, column);
  if (column.choice?.displayAs === 'checkBoxes' && !opts.inListCreate) throw checkBoxesRefused();
  return column;
}

function validateFacet(db: Db, c: ColumnRecord): void {
  if (c.choice) {
    if (!Array.isArray(c.choice.choices) || !c.choice.choices.every((x) => typeof x === 'string')) {
      throw invalid(`Column '${c.name}': 'choice.choices' must be an array of strings.`);
    }
    if (c.choice.displayAs && !['checkBoxes', 'dropDownMenu', 'radioButtons'].includes(c.choice.displayAs)) {
      throw invalid(`Column '${c.name}': 'choice.displayAs' must be one of checkBoxes, dropDownMenu, radioButtons.`);
    }
  }
  if (c.lookup) {
    const target = typeof c.lookup.listId === 'string' ? findListById(db, c.lookup.listId) : undefined;
    if (!target) throw invalid(`Column '${c.name}': 'lookup.listId' must name an existing list.`);
    if (typeof c.lookup.columnName !== 'string' || !c.lookup.columnName) throw invalid(`Column '${c.name}': 'lookup.columnName' is required.`);
  }
}

/** Properties `PATCH .../columns/{id}` may change (https://learn.microsoft.com/graph/api/columndefinition-update). */
const PATCHABLE = ['displayName', 'description', 'enforceUniqueValues', 'hidden', 'indexed', 'required', 'columnGroup'] as const;

export function patchColumn(db: Db, column: ColumnRecord, patch: Record<string, unknown>): ColumnRecord {
  if (patch.id !== undefined && patch.id !== column.id) throw invalid("The 'id' of a column cannot be changed.");
  if (patch.name !== undefined && patch.name !== column.name) throw invalid("The 'name' of a column cannot be changed.");
  const next: ColumnRecord = { ...column };
  for (const key of PATCHABLE) {
    if (patch[key] === undefined) continue;
    const want = typeof rec(column)[key] === 'boolean' ? 'boolean' : 'string';
    if (typeof patch[key] !== want) throw invalid(`'${key}' must be a ${want}.`);
    rec(next)[key] = patch[key];
  }
  const type = columnType(column);
  for (const t of TYPE_FACETS) {
    if (patch[t] === undefined) continue;
    if (t !== type) throw invalid(`Column '${column.name}' is of type '${type ?? 'unknown'}'; its type cannot be changed.`);
    if (typeof patch[t] !== 'object' || patch[t] === null) throw invalid(`'${t}' must be an object.`);
    rec(next)[t] = { ...(rec(column)[t] as object), ...(patch[t] as object) };
  }
  validateFacet(db, next);
  if (next.choice?.displayAs === 'checkBoxes' && column.choice?.displayAs !== 'checkBoxes') throw checkBoxesRefused();
  return next;
}

/**
 * The index rules of SharePoint lists: at most 20 indexed columns, multi-value and multi-line columns cannot be
 * indexed, and "enforce unique values" needs an indexed, single-value column. The error code and wording are the
 * emulator's own (Graph documents none); the status is 400 like Graph's other invalid column requests.
 */
export function checkIndexRules(columns: ColumnRecord[], changed: ColumnRecord): void {
  if (changed.indexed && !isIndexable(changed)) {
    throw invalid(`Column '${changed.name}' cannot be indexed: multi-line text and multi-value columns do not support indexes.`);
  }
  if (changed.enforceUniqueValues) {
    if (isMultiValue(changed)) throw invalid(`Column '${changed.name}' cannot enforce unique values: it holds several values.`);
    if (!changed.indexed) throw invalid(`Column '${changed.name}' must be indexed to enforce unique values.`);
  }
  const others = columns.filter((c) => c.name.toLowerCase() !== changed.name.toLowerCase());
  const indexed = others.filter((c) => c.indexed).length + (changed.indexed ? 1 : 0);
  if (changed.indexed && indexed > MAX_INDEXES) {
    throw invalid(`The list already has the maximum of ${MAX_INDEXES} indexed columns; column '${changed.name}' cannot be indexed.`);
  }
}

// ---------- field references (filters, orderby, $select) ----------

export type FieldRef =
  | { kind: 'system'; name: string; indexed: boolean }
  | { kind: 'column'; name: string; column: ColumnRecord; key: string; indexed: boolean };

/** Resolves a name used in `fields/<name>` (filter/orderby) or `fields($select=...)`. Case-insensitive like SharePoint. */
export function resolveFieldRef(columns: ColumnRecord[], name: string): FieldRef | undefined {
  const lower = name.toLowerCase();
  for (const c of columns) {
    const key = storageKey(c);
    if (c.name.toLowerCase() === lower || key.toLowerCase() === lower) {
      return { kind: 'column', name: c.name, column: c, key, indexed: c.indexed === true };
    }
  }
  const sys = Object.keys(SYSTEM_FIELDS).find((k) => k.toLowerCase() === lower);
  if (sys) return { kind: 'system', name: sys === 'ID' ? 'id' : sys, indexed: SYSTEM_FIELDS[sys]!.indexed };
  return undefined;
}

// ---------- writing field values ----------

export interface WriteContext {
  db: Db;
  list: ListRow;
  columns: ColumnRecord[];
  /** The item being updated (absent on create). */
  item?: ItemRow;
}

/**
 * Fields SharePoint stamps itself. Graph's listitem-update takes none of them: `Created`, `Modified`,
 * `Author` and `Editor` (and their `…LookupId` forms) are set from the caller's token and clock only
 * (system metadata: vgrem/office365-rest-python-client#128, #843; pnp/pnpcore#522 — only CSOM/REST
 * "system update" by a site owner can overwrite them, never Graph).
 */
const READ_ONLY_SYSTEM = new Set([...Object.keys(SYSTEM_FIELDS), 'Author', 'Editor'].map((k) => k.toLowerCase()));

/**
 * Validates a fieldValueSet sent to create or update an item and returns the values to store.
 * Unknown names get Graph's 400 `invalidRequest` "Field 'X' is not recognized" (observed in
 * microsoftgraph/microsoft-graph-docs issue 2609). `@odata.type` annotations are accepted and dropped.
 */
export function normalizeFieldsForWrite(ctx: WriteContext, input: unknown): Record<string, unknown> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw invalid("'fields' must be an object of column values.");
  const out: Record<string, unknown> = {};
  for (const [rawKey, value] of Object.entries(input as Record<string, unknown>)) {
    if (rawKey.includes('@')) continue; // annotations such as "TagsLookupId@odata.type"
    const column = ctx.columns.find((c) => storageKey(c).toLowerCase() === rawKey.toLowerCase() || (!isLookupLike(c) && c.name.toLowerCase() === rawKey.toLowerCase()));
    if (!column) {
      if (READ_ONLY_SYSTEM.has(rawKey.toLowerCase())) throw invalid(`Field '${rawKey}' is read-only.`);
      throw invalid(`Field '${rawKey}' is not recognized`);
    }
    if (column.readOnly) throw invalid(`Field '${column.name}' is read-only.`);
    out[storageKey(column)] = normalizeValue(ctx, column, value);
  }
  return out;
}

function normalizeValue(ctx: WriteContext, c: ColumnRecord, value: unknown): unknown {
  if (value === null || value === undefined || value === '') return null;
  const bad = (what: string) => invalid(`Field '${c.name}': ${what}.`);
  if (c.text) {
    if (typeof value !== 'string') throw bad('expected a string');
    if (!c.text.allowMultipleLines && typeof c.text.maxLength === 'number' && value.length > c.text.maxLength) {
      throw bad(`the value is longer than ${c.text.maxLength} characters`);
    }
    return value;
  }
  if (c.choice) {
    const multi = c.choice.displayAs === 'checkBoxes';
    const values = Array.isArray(value) ? value : [value];
    if (!multi && Array.isArray(value)) throw bad('this column takes a single choice');
    for (const v of values) {
      if (typeof v !== 'string') throw bad('expected a string choice');
      if (!c.choice.allowTextEntry && !(c.choice.choices ?? []).includes(v)) throw bad(`'${v}' is not one of the column's choices`);
    }
    return multi ? values : values[0];
  }
  if (c.number || c.currency) {
    const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
    if (typeof n !== 'number' || !Number.isFinite(n)) throw bad('expected a number');
    if (c.number && typeof c.number.minimum === 'number' && n < c.number.minimum) throw bad(`the value is below the minimum ${c.number.minimum}`);
    if (c.number && typeof c.number.maximum === 'number' && n > c.number.maximum) throw bad(`the value is above the maximum ${c.number.maximum}`);
    return n;
  }
  if (c.boolean) {
    if (typeof value !== 'boolean') throw bad('expected true or false');
    return value;
  }
  if (c.dateTime) {
    if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}/.test(value)) throw bad('expected an ISO 8601 date');
    if (c.dateTime.format === 'dateOnly') {
      const stored = dateOnlyInstant(value, siteTimeZone(ctx.db, ctx.list.siteId));
      if (stored === null) throw bad('expected an ISO 8601 date');
      return stored;
    }
    const t = Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value);
    if (Number.isNaN(t)) throw bad('expected an ISO 8601 date');
    return new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');
  }
  if (c.personOrGroup || c.lookup) {
    const multi = c.personOrGroup ? c.personOrGroup.allowMultipleSelection === true : c.lookup?.allowMultipleValues === true;
    if (!multi && Array.isArray(value)) throw bad('this column takes a single lookup id');
    const ids = (Array.isArray(value) ? value : [value]).map((v) => {
      const n = typeof v === 'string' ? Number(v) : v;
      if (typeof n !== 'number' || !Number.isInteger(n) || n <= 0) throw bad('expected a lookup id');
      return n;
    });
    for (const id of ids) checkLookupTarget(ctx, c, id);
    const asStrings = ids.map(String);
    return multi ? asStrings : asStrings[0];
  }
  throw bad('this column type cannot be written through the emulator');
}

/**
 * How SharePoint stores a date-only value (`dateTime.format: 'dateOnly'`): midnight of the calendar date in the
 * SITE's time zone (its regional settings, `siteStore.siteTimeZone`), in UTC. A site in UTC+8 keeps 2026-03-14 as
 * `2026-03-13T16:00:00Z`, one in UTC-5 as `2026-03-14T05:00:00Z`, and Graph returns that instant (observed:
 * SharePoint/sp-dev-docs issue 6083, a date column read over REST "reduces to 1 day" and is fixed by converting
 * with `/_api/web/RegionalSettings/TimeZone`). A bare `YYYY-MM-DD` is that date on the site; a value with a time is first
 * read as an instant (no offset: UTC, as Graph reads it, msgraph-sdk-java issue 813) and keeps the site's date
 * of that instant, its time dropped.
 */
function dateOnlyInstant(value: string, timeZone: string): string | null {
  const iana = resolveTimeZone(timeZone) ?? (timeZone === 'UTC' ? 'Etc/UTC' : null);
  if (!iana) throw badRequest(`The site's time zone '${timeZone}' is not supported.`, 'invalidRequest');
  let civil: Civil;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split('-').map(Number) as [number, number, number];
    civil = { y, m, d, hh: 0, mi: 0, ss: 0, ms: 0 };
  } else {
    const t = Date.parse(/(Z|[+-]\d{2}:?\d{2})$/i.test(value) ? value : `${value}Z`);
    if (Number.isNaN(t)) return null;
    civil = { ...utcToCivil(t, iana), hh: 0, mi: 0, ss: 0, ms: 0 };
  }
  const at = civilToUtc(civil, iana);
  if (Number.isNaN(at) || utcToCivil(at, iana).d !== civil.d) return null;
  return new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function checkLookupTarget(ctx: WriteContext, c: ColumnRecord, id: number): void {
  if (c.personOrGroup) {
    const userId = userIdForLookup(ctx.db, ctx.list.siteId, id);
    if (!userId || !findUser(ctx.db, userId)) throw invalid(`Field '${c.name}': the user with lookup id ${id} does not exist in this site.`);
    return;
  }
  const target = c.lookup?.listId ? findListById(ctx.db, c.lookup.listId) : undefined;
  if (!target || !getItem(ctx.db, target.id, id)) throw invalid(`Field '${c.name}': item ${id} does not exist in the lookup list.`);
}

/** Required columns must have a value after the write (on create: present; on update: not cleared). */
export function checkRequired(ctx: WriteContext, merged: Record<string, unknown>): void {
  for (const c of ctx.columns) {
    if (!c.required || c.readOnly) continue;
    if (ctx.list.list.list?.template === 'documentLibrary' && c.name === 'FileLeafRef') continue;
    const v = merged[storageKey(c)];
    if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) {
      throw invalid(`Field '${c.name}' is required.`);
    }
  }
}

const uniqueKey = (v: unknown): string => (typeof v === 'string' ? v.toLowerCase() : JSON.stringify(v));

/**
 * Columns with `enforceUniqueValues` reject a value another item already holds. SharePoint's message is
 * "This value already exists in the list."; the 409 status and `nameAlreadyExists` code are the emulator's
 * choice (Graph documents none).
 */
export function checkUnique(ctx: WriteContext, changed: Record<string, unknown>): void {
  const uniqueCols = ctx.columns.filter((c) => c.enforceUniqueValues && changed[storageKey(c)] !== undefined && changed[storageKey(c)] !== null);
  if (uniqueCols.length === 0) return;
  for (const c of uniqueCols) {
    const key = storageKey(c);
    const path = `$."${key.replace(/["\\]/g, '\\$&')}"`;
    if (holdsUniqueValue(ctx.db, ctx.list.id, ctx.item?.id ?? -1, path, uniqueKey(changed[key]), storedUniqueKey)) {
      throw new GraphHttpError(409, 'nameAlreadyExists', `This value already exists in the list. Column '${c.name}' enforces unique values.`);
    }
  }
}

/**
 * `uniqueKey` of a stored JSON value, from SQLite's `json_type`/`json_extract` of it: strings lower-cased
 * (JavaScript's Unicode case folding, which SQLite's `lower()` lacks), other values as JSON text.
 */
function storedUniqueKey(type: string | null, value: unknown): string | null {
  switch (type) {
    case null:
    case 'null':
      return null;
    case 'text':
      return String(value).toLowerCase();
    case 'true':
    case 'false':
      return type;
    case 'integer':
    case 'real':
      return JSON.stringify(Number(value));
    default:
      return String(value); // array or object: json_extract gives minified JSON text, as JSON.stringify does
  }
}

/** True when the user may change this item under the list's "Create and Edit access" setting. */
export function mayEditItem(db: Db, list: ListRow, item: ItemRow, userId: string): boolean {
  if (list.settings.writeSecurity !== 'own') return true;
  if (item.createdBy === userId) return true;
  return atLeast(effectiveLevel(db, userId, list.siteId, list.id), 'edit');
}

export const listColumns = (db: Db, list: ListRow): ColumnRecord[] => columnsOf(db, list.id);
