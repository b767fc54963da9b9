/**
 * The document register as one configuration of the register engine (src/platform/registers):
 * the `SMS Documents` schema (treated as large), the columns it shows, how a record becomes a
 * register row (review state on the viewer's date), the filters of the screen as data, and the
 * view rules that need the whole row (documents in force, review state).
 *
 * The engine plans the query (one indexed predicate sent, the rest applied to the returned rows, a
 * non-indexed column refused before anything is sent), reads the pages and coerces each column.
 * Names of owners and processes come from the platform's people directory (src/platform/people.ts).
 * Owners are named by UPN in `OwnerUPN` (indexed), which names anyone in the directory, including people who have
 * never opened the site and so have no lookup id for the `Owner` person column (ADR 0005): the owner filter sends
 * `OwnerUPN`, never `Owner`.
 *
 * Used by the register screen (through `queries.ts`), the export and `bench/register.ts`.
 */
import type { GraphClient } from '../../../../graph/core/client.js';
import { smsDocuments } from '../../../../graph/schema/documents.js';
import type { SmsListSchema } from '../../../../graph/schema/types.js';
import { DEFAULT_REVIEW_CYCLE_MONTHS, DOC_STATUSES, DOC_TYPES, REVIEW_DUE_SOON_DAYS, isOneOf, type DocStatus, type DocType } from '../../../domain/documents/constants.js';
import { addDays, dateOnlyValue, reviewState, type ReviewState } from '../../../domain/documents/dates.js';
import type { SmsRole } from '../../../domain/roles.js';
import type { PeopleDirectory, Person, ProcessRef } from '../../../platform/people.js';
import {
  EXPORT_PAGE_SIZE,
  MAX_REQUESTS_PER_LOAD,
  MIN_ROWS_PER_LOAD,
  PAGE_SIZE,
  cell,
  planQuery,
  readAll,
  readPage,
  type QueryPlan,
  type ReadOptions,
  type RegisterDefinition,
  type RegisterFilter,
  type RegisterQuery,
  type RegisterRecord,
  type RowsPage,
} from '../../../platform/registers/index.js';

export { localDate } from '../../../platform/clock.js';
export { EXPORT_PAGE_SIZE, MAX_REQUESTS_PER_LOAD, MIN_ROWS_PER_LOAD };

/** `SMS Documents`, addressed by its display name under the SMS site (`GET /sites/{site-id}/lists/{list-title}`). */
export const DOCUMENTS_LIST = smsDocuments.displayName;

/**
 * The schema the register checks its queries against: `SMS Documents` as a large list, so that
 * filtering or ordering on a non-indexed column throws `NonIndexedFilterError` instead of working
 * on 50 documents and failing on 5,001.
 */
export const REGISTER_SCHEMA: SmsListSchema = { ...smsDocuments, large: true };

/**
 * The library columns the register shows (internal names; the engine selects `OwnerLookupId` for `Owner`). The owner
 * is read from both `Owner` and `OwnerUPN`, as the document page reads it (ADR 0005).
 */
export const REGISTER_COLUMNS = [
  'DocId',
  'Title',
  'DocType',
  'DocStatus',
  'Owner',
  'OwnerUPN',
  'Process',
  'PublishedVersion',
  'EffectiveDate',
  'NextReviewDate',
  'ReviewCycleMonths',
  'PrimaryClause',
  'ClauseRefs',
] as const;

/** Items per Graph page while browsing. */
export const REGISTER_PAGE_SIZE = PAGE_SIZE;

/** Statuses of a document whose last published release is in force (what people without document-control rights see). */
export const IN_FORCE_STATUSES: readonly DocStatus[] = ['Published', 'Under revision', 'In review', 'Approved'];

/**
 * Which documents a person sees in the register:
 * - `all`: SMS managers and document controllers see every status, Withdrawn and Archived included;
 * - `inForce`: everyone else sees the documents in force — published at least once and not
 *   withdrawn or archived. Readers get the last published version's metadata from SharePoint
 *   (draft item security), so for employees this is exactly the Published documents.
 */
export type RegisterView = 'all' | 'inForce';

export function registerViewFor(roles: readonly SmsRole[]): RegisterView {
  return roles.includes('smsManager') || roles.includes('documentController') ? 'all' : 'inForce';
}

/** The review filter: overdue only, or overdue and due within 30 days. */
export type ReviewFilter = 'overdue' | 'due';

/** What the user filtered on. `null` means "any". */
export interface RegisterFilters {
  readonly docType: DocType | null;
  /** Only in the `all` view. */
  readonly status: DocStatus | null;
  /** UPN of the owner as the directory spells it (what the app writes to `OwnerUPN`). */
  readonly ownerUpn: string | null;
  /** Item id in `Processes` (`ProcessLookupId`). */
  readonly processLookupId: string | null;
  /** `PrimaryClause` (indexed; `ClauseRefs` is a multi-choice column and cannot be). */
  readonly clause: string | null;
  readonly review: ReviewFilter | null;
  /**
   * Only the documents awaiting the viewer's decision (`RegisterParams.awaitingDocIds`), whatever
   * the view: an approver who sees only documents in force still sees a never-published draft they
   * must decide (draft item security lets approvers read drafts).
   */
  readonly awaitingMyDecision: true | null;
}

export const NO_FILTERS: RegisterFilters = { docType: null, status: null, ownerUpn: null, processLookupId: null, clause: null, review: null, awaitingMyDecision: null };

/** Indexed columns the register can sort on, server-side. */
export const SORT_COLUMNS = ['DocId', 'DocType', 'DocStatus', 'PrimaryClause', 'NextReviewDate'] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];
export type SortDirection = 'ascending' | 'descending';
export interface RegisterSort {
  readonly column: SortColumn;
  readonly direction: SortDirection;
}
export const DEFAULT_SORT: RegisterSort = { column: 'DocId', direction: 'ascending' };

/** Everything that decides which rows the server is asked for (the query key of the register). */
export interface RegisterParams {
  readonly view: RegisterView;
  readonly filters: RegisterFilters;
  readonly sort: RegisterSort;
  /** A DocId prefix typed in the search box (`SMS-PO`), searched server-side; '' for none. */
  readonly docIdPrefix: string;
  /** The viewer's local date (`YYYY-MM-DD`): overdue and due-soon are relative to it. */
  readonly today: string;
  /** The SMS site's time zone (IANA), whose midnight a date-only column holds; UTC when not given. */
  readonly timeZone?: string;
  /**
   * With `filters.awaitingMyDecision`: the DocIds awaiting the viewer's decision (graph/home/awaitingDecision.ts),
   * sent as `DocId` values (unique and indexed, so the query reads only those documents). None: nothing is read.
   */
  readonly awaitingDocIds?: readonly string[];
}

/** One document of the register. Dates are calendar dates `YYYY-MM-DD`. */
export interface RegisterRow {
  /** List item id in `SMS Documents`. */
  readonly itemId: string;
  /** The file's URL in SharePoint. */
  readonly webUrl: string | null;
  readonly docId: string;
  readonly title: string;
  readonly docType: string;
  readonly status: string;
  /** The `Owner` person column (a site lookup id): empty when the owner had never opened the site (ADR 0005). */
  readonly ownerLookupId: string | null;
  /** `OwnerUPN`: names the owner whether or not they have a lookup id; empty on items written before the column existed. */
  readonly ownerUpn: string | null;
  readonly processLookupId: string | null;
  readonly publishedVersion: string | null;
  readonly effectiveDate: string | null;
  readonly nextReviewDate: string | null;
  readonly primaryClause: string | null;
  readonly clauseRefs: readonly string[];
  /** Periodic-review state on `today` (domain rule `reviewState`). */
  readonly review: ReviewState;
}

/** The date of a date-only column (rounded to the nearest UTC midnight; see the domain helper). */
export { dateOnlyValue };

// ---------- rows ----------

/** A library record (values coerced by the engine) as a register row, with its review state on `today`. */
export function toRegisterRow(record: RegisterRecord, today: string): RegisterRow {
  const v = record.values;
  const status = cell.text(v.DocStatus) ?? '';
  const publishedVersion = cell.text(v.PublishedVersion);
  const effectiveDate = cell.text(v.EffectiveDate);
  const nextReviewDate = cell.text(v.NextReviewDate);
  const reviewCycleMonths = cell.number(v.ReviewCycleMonths) ?? DEFAULT_REVIEW_CYCLE_MONTHS;
  const review = isOneOf(DOC_STATUSES, status) ? reviewState({ status, publishedVersion, nextReviewDate, effectiveDate, reviewCycleMonths }, today) : 'ok';
  return {
    itemId: record.id,
    webUrl: record.webUrl,
    docId: cell.text(v.DocId) ?? '',
    title: cell.text(v.Title) ?? '',
    docType: cell.text(v.DocType) ?? '',
    status,
    ownerLookupId: cell.text(v.Owner),
    ownerUpn: cell.text(v.OwnerUPN),
    processLookupId: cell.text(v.Process),
    publishedVersion,
    effectiveDate,
    nextReviewDate,
    primaryClause: cell.text(v.PrimaryClause),
    clauseRefs: cell.list(v.ClauseRefs),
    review,
  };
}

/** The register as an engine definition: the rows it maps carry their review state on `today`. */
export function documentRegister(today: string): RegisterDefinition<RegisterRow> {
  return { schema: REGISTER_SCHEMA, columns: REGISTER_COLUMNS, toRow: (record) => toRegisterRow(record, today) };
}

// ---------- the query ----------

/** A DocId prefix as typed in the search box: letters, a hyphen, then anything (`SMS-`, `sms-pol-0`). */
const DOC_ID_PREFIX = /^[A-Za-z]{2,}-[A-Za-z0-9-]*$/;

/** The search text as a DocId prefix to send to the server (upper case), or '' when it is a title search. */
export function docIdPrefixOf(search: string): string {
  const s = search.trim();
  return DOC_ID_PREFIX.test(s) ? s.toUpperCase() : '';
}

/** The review filter as a condition on `NextReviewDate`: before today, or on or before today + 30 days. */
function reviewCondition(review: ReviewFilter, today: string): RegisterFilter {
  return review === 'overdue'
    ? { column: 'NextReviewDate', op: 'lt', value: today }
    : { column: 'NextReviewDate', op: 'le', value: addDays(today, REVIEW_DUE_SOON_DAYS) };
}

/**
 * The register's query for the engine. Filters, as data, in the order that breaks the engine's
 * selectivity ties the way the register always has: the DocId prefix, owner, process, primary
 * clause, review window, type, status, and for the `inForce` view the in-force statuses. The view
 * rules that need a whole row (published at least once; the review state of the domain rule) are
 * the row filter.
 */
export function registerQuery(params: RegisterParams): RegisterQuery<RegisterRow> {
  const { filters, view, today, docIdPrefix } = params;
  const status = view === 'all' ? filters.status : null;
  const awaiting = filters.awaitingMyDecision === true;
  // The documents in force are the view of readers; what an approver must decide is shown whatever its status.
  const inForce = view === 'inForce' && !awaiting;
  const conditions: (RegisterFilter | null)[] = [
    // First, so that it wins the engine's tie with a DocId prefix: a handful of DocIds is the most selective predicate.
    awaiting ? { column: 'DocId', op: 'in', value: params.awaitingDocIds ?? [] } : null,
    docIdPrefix ? { column: 'DocId', op: 'startsWith', value: docIdPrefix } : null,
    // The indexed UPN column, never the person column: it finds owners who have no lookup id (ADR 0005).
    filters.ownerUpn ? { column: 'OwnerUPN', op: 'eq', value: filters.ownerUpn } : null,
    filters.processLookupId ? { column: 'Process', op: 'eq', value: filters.processLookupId } : null,
    filters.clause ? { column: 'PrimaryClause', op: 'eq', value: filters.clause } : null,
    filters.review ? reviewCondition(filters.review, today) : null,
    filters.docType ? { column: 'DocType', op: 'eq', value: filters.docType } : null,
    status ? { column: 'DocStatus', op: 'eq', value: status } : null,
    inForce ? { column: 'DocStatus', op: 'in', value: IN_FORCE_STATUSES } : null,
  ];
  const review = filters.review;
  return {
    filters: conditions.filter((c): c is RegisterFilter => c !== null),
    sort: params.sort,
    timeZone: params.timeZone,
    rowFilter: (row) => {
      if (inForce && row.publishedVersion === null) return false;
      if (review === 'overdue' && row.review !== 'overdue') return false;
      if (review === 'due' && row.review === 'ok') return false;
      return true;
    },
  };
}

/** The engine's plan of the register's query, with the register's row rules. */
export function planRegisterQuery(params: RegisterParams): QueryPlan & { readonly rowFilter: (row: RegisterRow) => boolean } {
  const query = registerQuery(params);
  return { ...planQuery(REGISTER_SCHEMA, query.filters, query.sort, { timeZone: query.timeZone }), rowFilter: query.rowFilter ?? (() => true) };
}

/** Title or DocId search over rows already loaded (case-insensitive "contains"). */
export function matchesSearch(row: RegisterRow, search: string): boolean {
  const s = search.trim().toLowerCase();
  if (!s) return true;
  return row.title.toLowerCase().includes(s) || row.docId.toLowerCase().includes(s);
}

// ---------- fetching ----------

/** "Awaiting my decision" with no document awaiting: the answer is empty without asking (an empty `in` is never sent). */
export function awaitsNothing(params: RegisterParams): boolean {
  return params.filters.awaitingMyDecision === true && (params.awaitingDocIds ?? []).length === 0;
}

/** One "load" of the register: the matching rows of one or more Graph pages. */
export type RegisterPage = RowsPage<RegisterRow>;
export type FetchRegisterOptions = ReadOptions;

/**
 * Reads the next rows of the register (`GET /sites/{site-id}/lists/SMS Documents/items`, see the
 * engine's `readPage`): 100 items a page, more pages while fewer than 25 rows matched, at most 5
 * requests.
 *
 * Minimum delegated scope: `Sites.Read.All`.
 * Microsoft Learn: https://learn.microsoft.com/graph/api/listitem-list
 */
export function fetchRegisterPage(client: GraphClient, siteId: string, params: RegisterParams, opts: FetchRegisterOptions = {}): Promise<RegisterPage> {
  if (awaitsNothing(params)) return Promise.resolve({ rows: [], scanned: 0, requests: 0, nextLink: null });
  return readPage(client, siteId, documentRegister(params.today), registerQuery(params), opts);
}

/**
 * Every row of the register that matches (all pages, `EXPORT_PAGE_SIZE` items per request), for
 * an export. `onProgress` hears the number of items read so far after each page.
 */
export function fetchAllRegisterRows(
  client: GraphClient,
  siteId: string,
  params: RegisterParams,
  opts: { onProgress?: (itemsRead: number) => void; signal?: AbortSignal } = {},
): Promise<RegisterRow[]> {
  if (awaitsNothing(params)) return Promise.resolve([]);
  return readAll(client, siteId, documentRegister(params.today), registerQuery(params), opts);
}

// ---------- owners and processes ----------

/** A person the owner filter offers: their UPN as the directory spells it (what `OwnerUPN` holds) and name. */
export interface OwnerOption {
  readonly upn: string;
  readonly name: string;
}

/**
 * Every person of the directory, by name: anyone can own a document, whether or not they have opened the site
 * (the document form offers the same people).
 */
export function ownerOptions(directory: PeopleDirectory | undefined): OwnerOption[] {
  return (directory?.people ?? []).map((p) => ({ upn: p.upn, name: p.displayName }));
}

/**
 * The owner of a row as a person of the directory: a filled `Owner` person column wins (the app fills it only with
 * the person `OwnerUPN` names, and an edit in SharePoint's own forms changes only the person column), then
 * `OwnerUPN` (ADR 0005). Undefined when the directory knows neither.
 */
export function ownerOf(row: Pick<RegisterRow, 'ownerLookupId' | 'ownerUpn'>, directory: PeopleDirectory | undefined): Person | undefined {
  return directory?.byLookupId(row.ownerLookupId) ?? directory?.byId(row.ownerUpn);
}

/** The processes of the directory sorted by Ref (`PRC-2` before `PRC-10`). */
export function processOptions(directory: PeopleDirectory | undefined): ProcessRef[] {
  return [...(directory?.processes ?? [])].sort((a, b) => (a.ref || a.title).localeCompare(b.ref || b.title, undefined, { numeric: true }));
}

/** A process as the register shows it: `PRC-01 Incident management`. */
export const processLabel = (p: ProcessRef): string => (p.ref ? `${p.ref} ${p.title}` : p.title);

/** Document types and statuses in schema order (for filter options). */
export const REGISTER_DOC_TYPES: readonly DocType[] = DOC_TYPES;
export const REGISTER_STATUSES: readonly DocStatus[] = DOC_STATUSES;
