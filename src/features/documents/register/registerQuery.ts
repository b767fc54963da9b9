/**
 * The document register's Graph traffic and rules, without React: which `SMS Documents` items to
 * ask for (one indexed `$filter` predicate, an indexed `$orderby`, `$top` pages), how each item
 * becomes a register row, and which filters run on the loaded rows instead of on the server.
 *
 * Why one server-side predicate: "when filtering on indexed fields, the service can only filter
 * one indexed field at a time" (https://learn.microsoft.com/graph/api/listitem-list), and past the
 * 5,000-item list view threshold a query that touches a non-indexed column fails. So the register
 * sends the most selective indexed predicate the user chose and applies every filter again to the
 * rows that come back. The library is treated as large whatever the schema says, so
 * `listFilter` refuses a non-indexed column before anything is sent.
 *
 * Used by the register screen (through `queries.ts`) and by `bench/register.ts`.
 */
import type { GraphClient } from '../../../../graph/core/client.js';
import { f, type FilterExpr } from '../../../../graph/core/filter.js';
import type { Page } from '../../../../graph/core/paging.js';
import { listItems, type ListItem } from '../../../../graph/lists/items.js';
import { smsDocuments } from '../../../../graph/schema/documents.js';
import type { SmsListSchema } from '../../../../graph/schema/types.js';
import { DOC_STATUSES, DOC_TYPES, REVIEW_DUE_SOON_DAYS, isOneOf, type DocStatus, type DocType } from '../../../domain/documents/constants.js';
import { addDays, dateOnlyValue, reviewState, type ReviewState } from '../../../domain/documents/dates.js';
import type { SmsRole } from '../../../domain/roles.js';

/** `SMS Documents`, addressed by its display name under the SMS site (`GET /sites/{site-id}/lists/{list-title}`). */
export const DOCUMENTS_LIST = smsDocuments.displayName;

/**
 * The schema the register checks its queries against: `SMS Documents` as a large list, so that
 * filtering or ordering on a non-indexed column throws `NonIndexedFilterError` instead of working
 * on 50 documents and failing on 5,001.
 */
export const REGISTER_SCHEMA: SmsListSchema = { ...smsDocuments, large: true };

/** The library columns the register shows (`$expand=fields($select=…)`). */
export const REGISTER_FIELDS = [
  'DocId',
  'Title',
  'DocType',
  'DocStatus',
  'OwnerLookupId',
  'ProcessLookupId',
  'PublishedVersion',
  'EffectiveDate',
  'NextReviewDate',
  'ReviewCycleMonths',
  'PrimaryClause',
  'ClauseRefs',
] as const;

/** listItem properties the register needs besides `fields` (`$select`). */
export const REGISTER_PROPERTIES = ['id', 'webUrl'] as const;

/** Items per Graph page while browsing. */
export const REGISTER_PAGE_SIZE = 100;
/** Items per Graph page when reading everything for an export. */
export const EXPORT_PAGE_SIZE = 1000;
/** One "load" keeps reading pages until this many rows match the filters on the loaded rows… */
export const MIN_ROWS_PER_LOAD = 25;
/** …or until it has sent this many requests. */
export const MAX_REQUESTS_PER_LOAD = 5;

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
  /** Site lookup id of the owner (`OwnerLookupId`). */
  readonly ownerLookupId: string | null;
  /** Item id in `Processes` (`ProcessLookupId`). */
  readonly processLookupId: string | null;
  /** `PrimaryClause` (indexed; `ClauseRefs` is a multi-choice column and cannot be). */
  readonly clause: string | null;
  readonly review: ReviewFilter | null;
}

export const NO_FILTERS: RegisterFilters = { docType: null, status: null, ownerLookupId: null, processLookupId: null, clause: null, review: null };

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
}

/** The library item fields the register reads (values as Graph returns them). */
export interface RegisterFields {
  DocId?: string | null;
  Title?: string | null;
  DocType?: string | null;
  DocStatus?: string | null;
  OwnerLookupId?: string | number | null;
  ProcessLookupId?: string | number | null;
  PublishedVersion?: string | null;
  EffectiveDate?: string | null;
  NextReviewDate?: string | null;
  ReviewCycleMonths?: number | null;
  PrimaryClause?: string | null;
  ClauseRefs?: string[] | null;
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
  readonly ownerLookupId: string | null;
  readonly processLookupId: string | null;
  readonly publishedVersion: string | null;
  readonly effectiveDate: string | null;
  readonly nextReviewDate: string | null;
  readonly primaryClause: string | null;
  readonly clauseRefs: readonly string[];
  /** Periodic-review state on `today` (domain rule `reviewState`). */
  readonly review: ReviewState;
}

// ---------- dates ----------

/** The date of a date-only column (rounded to the nearest UTC midnight; see the domain helper). */
export { dateOnlyValue };

/** The user's local calendar date `YYYY-MM-DD`. */
export function localDate(now: Date = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** A calendar date as the value a date-only column is compared with (midnight UTC). */
const dateLiteral = (date: string): Date => new Date(`${date}T00:00:00Z`);

// ---------- rows ----------

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : typeof v === 'number' ? String(v) : null);

/** Turns a library item into a register row (review state on `today`). */
export function toRegisterRow(item: ListItem<RegisterFields>, today: string): RegisterRow {
  const fields = item.fields ?? {};
  const status = text(fields.DocStatus) ?? '';
  const publishedVersion = text(fields.PublishedVersion);
  const effectiveDate = dateOnlyValue(fields.EffectiveDate);
  const nextReviewDate = dateOnlyValue(fields.NextReviewDate);
  const cycle = typeof fields.ReviewCycleMonths === 'number' ? fields.ReviewCycleMonths : 12;
  const review = isOneOf(DOC_STATUSES, status)
    ? reviewState({ status, publishedVersion, nextReviewDate, effectiveDate, reviewCycleMonths: cycle }, today)
    : 'ok';
  return {
    itemId: String(item.id ?? fields.id ?? ''),
    webUrl: item.webUrl ?? null,
    docId: text(fields.DocId) ?? '',
    title: text(fields.Title) ?? '',
    docType: text(fields.DocType) ?? '',
    status,
    ownerLookupId: text(fields.OwnerLookupId),
    processLookupId: text(fields.ProcessLookupId),
    publishedVersion,
    effectiveDate,
    nextReviewDate,
    primaryClause: text(fields.PrimaryClause),
    clauseRefs: Array.isArray(fields.ClauseRefs) ? fields.ClauseRefs.filter((c): c is string => typeof c === 'string') : [],
    review,
  };
}

// ---------- the query plan ----------

/** A DocId prefix as typed in the search box: letters, a hyphen, then anything (`SMS-`, `sms-pol-0`). */
const DOC_ID_PREFIX = /^[A-Za-z]{2,}-[A-Za-z0-9-]*$/;

/** The search text as a DocId prefix to send to the server (upper case), or '' when it is a title search. */
export function docIdPrefixOf(search: string): string {
  const s = search.trim();
  return DOC_ID_PREFIX.test(s) ? s.toUpperCase() : '';
}

/** The last date a review may fall on to be listed by the review filter. */
function reviewLimit(review: ReviewFilter, today: string): { op: 'lt' | 'le'; date: string } {
  return review === 'overdue' ? { op: 'lt', date: today } : { op: 'le', date: addDays(today, REVIEW_DUE_SOON_DAYS) };
}

export interface RegisterQueryPlan {
  /** The one indexed predicate sent as `$filter`, or null for none. */
  readonly filter: FilterExpr | null;
  /** `$orderby`, on an indexed column. */
  readonly orderby: readonly string[];
  /** Applied to every row that comes back: all the filters, the server's one included. */
  readonly matches: (row: RegisterRow) => boolean;
}

/**
 * Plans the register's query: the most selective indexed predicate goes to the server (a DocId
 * prefix, then owner, process, primary clause, review window, type, status, and for the `inForce`
 * view the in-force statuses); everything is checked again on the rows.
 */
export function planRegisterQuery(params: RegisterParams): RegisterQueryPlan {
  const { filters, view, today, docIdPrefix } = params;
  const status = view === 'all' ? filters.status : null;
  const candidates: (FilterExpr | null)[] = [
    docIdPrefix ? f.startsWith('fields/DocId', docIdPrefix) : null,
    filters.ownerLookupId ? f.eq('fields/OwnerLookupId', Number(filters.ownerLookupId)) : null,
    filters.processLookupId ? f.eq('fields/ProcessLookupId', Number(filters.processLookupId)) : null,
    filters.clause ? f.eq('fields/PrimaryClause', filters.clause) : null,
    filters.review ? f[reviewLimit(filters.review, today).op]('fields/NextReviewDate', dateLiteral(reviewLimit(filters.review, today).date)) : null,
    filters.docType ? f.eq('fields/DocType', filters.docType) : null,
    status ? f.eq('fields/DocStatus', status) : null,
    view === 'inForce' ? f.or(...IN_FORCE_STATUSES.map((s) => f.eq('fields/DocStatus', s))) : null,
  ];
  const filter = candidates.find((c) => c !== null) ?? null;
  const orderby = [`fields/${params.sort.column}${params.sort.direction === 'descending' ? ' desc' : ''}`];
  const matches = (row: RegisterRow): boolean => {
    if (view === 'inForce' && (row.publishedVersion === null || !(IN_FORCE_STATUSES as readonly string[]).includes(row.status))) return false;
    if (docIdPrefix && !row.docId.toUpperCase().startsWith(docIdPrefix)) return false;
    if (filters.ownerLookupId && row.ownerLookupId !== filters.ownerLookupId) return false;
    if (filters.processLookupId && row.processLookupId !== filters.processLookupId) return false;
    if (filters.clause && row.primaryClause !== filters.clause) return false;
    if (filters.docType && row.docType !== filters.docType) return false;
    if (status && row.status !== status) return false;
    if (filters.review === 'overdue' && row.review !== 'overdue') return false;
    if (filters.review === 'due' && row.review === 'ok') return false;
    return true;
  };
  return { filter, orderby, matches };
}

/** Title or DocId search over rows already loaded (case-insensitive "contains"). */
export function matchesSearch(row: RegisterRow, search: string): boolean {
  const s = search.trim().toLowerCase();
  if (!s) return true;
  return row.title.toLowerCase().includes(s) || row.docId.toLowerCase().includes(s);
}

// ---------- fetching ----------

/** One "load" of the register: the matching rows of one or more Graph pages. */
export interface RegisterPage {
  readonly rows: RegisterRow[];
  /** Items Graph returned (before the filters on the loaded rows). */
  readonly scanned: number;
  /** Graph requests sent for this load. */
  readonly requests: number;
  /** The `@odata.nextLink` to continue from, or null at the end. */
  readonly nextLink: string | null;
}

export interface FetchRegisterOptions {
  /** Continue from this `@odata.nextLink` (null: the first page). */
  nextLink?: string | null;
  /** `$top` of the first page (default `REGISTER_PAGE_SIZE`). */
  pageSize?: number;
  /** Keep reading pages until this many rows match (default `MIN_ROWS_PER_LOAD`). */
  minRows?: number;
  /** Stop after this many requests (default `MAX_REQUESTS_PER_LOAD`). */
  maxRequests?: number;
  signal?: AbortSignal;
}

/**
 * Reads the next rows of the register: `GET /sites/{site-id}/lists/SMS Documents/items` with
 * `$select`, `$expand=fields($select=…)`, the plan's `$filter` and `$orderby`, `$top`; then follows
 * `@odata.nextLink` verbatim while too few rows matched the filters applied to the loaded rows.
 *
 * Minimum delegated scope: `Sites.Read.All`.
 * Microsoft Learn: https://learn.microsoft.com/graph/api/listitem-list
 */
export async function fetchRegisterPage(client: GraphClient, siteId: string, params: RegisterParams, opts: FetchRegisterOptions = {}): Promise<RegisterPage> {
  const plan = planRegisterQuery(params);
  const minRows = opts.minRows ?? MIN_ROWS_PER_LOAD;
  const maxRequests = opts.maxRequests ?? MAX_REQUESTS_PER_LOAD;
  const rows: RegisterRow[] = [];
  let link = opts.nextLink ?? null;
  let scanned = 0;
  let requests = 0;
  do {
    const page = await listItems<RegisterFields>(client, siteId, DOCUMENTS_LIST, {
      nextLink: link,
      schema: REGISTER_SCHEMA,
      filter: plan.filter ?? undefined,
      orderby: plan.orderby,
      top: opts.pageSize ?? REGISTER_PAGE_SIZE,
      select: REGISTER_FIELDS,
      properties: REGISTER_PROPERTIES,
      signal: opts.signal,
    });
    requests++;
    scanned += page.items.length;
    for (const item of page.items) {
      const row = toRegisterRow(item, params.today);
      if (plan.matches(row)) rows.push(row);
    }
    link = page.nextLink;
  } while (link && rows.length < minRows && requests < maxRequests);
  return { rows, scanned, requests, nextLink: link };
}

/**
 * Every row of the register that matches (all pages, `EXPORT_PAGE_SIZE` items per request), for
 * an export. `onProgress` hears the number of items read so far after each page.
 */
export async function fetchAllRegisterRows(
  client: GraphClient,
  siteId: string,
  params: RegisterParams,
  opts: { onProgress?: (itemsRead: number) => void; signal?: AbortSignal } = {},
): Promise<RegisterRow[]> {
  const rows: RegisterRow[] = [];
  let link: string | null = null;
  let read = 0;
  do {
    const page: RegisterPage = await fetchRegisterPage(client, siteId, params, { nextLink: link, pageSize: EXPORT_PAGE_SIZE, minRows: Infinity, maxRequests: 1, signal: opts.signal });
    rows.push(...page.rows);
    read += page.scanned;
    opts.onProgress?.(read);
    link = page.nextLink;
  } while (link);
  return rows;
}

// ---------- lookups ----------

/** A person the Owner column can hold: site lookup id and display name. */
export interface SiteUser {
  readonly lookupId: string;
  readonly name: string;
  readonly email: string | null;
}

/**
 * The SMS site's users (`User Information List`: item id = the lookup id person columns hold),
 * all pages, sorted by name.
 *
 * Minimum delegated scope: `Sites.Read.All`.
 * Microsoft Learn: https://learn.microsoft.com/graph/api/listitem-list
 */
export async function fetchSiteUsers(client: GraphClient, siteId: string, signal?: AbortSignal): Promise<SiteUser[]> {
  const out: SiteUser[] = [];
  let link: string | null = null;
  do {
    const page: Page<ListItem<{ Title?: string; EMail?: string }>> = await listItems<{ Title?: string; EMail?: string }>(client, siteId, 'User Information List', {
      nextLink: link,
      select: ['Title', 'EMail'],
      properties: ['id'],
      top: 500,
      signal,
    });
    for (const i of page.items) {
      const name = text(i.fields?.Title);
      if (i.id && name) out.push({ lookupId: String(i.id), name, email: text(i.fields?.EMail) });
    }
    link = page.nextLink;
  } while (link);
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

/** A process of the `Processes` register: item id (the value `ProcessLookupId` holds), Ref and title. */
export interface ProcessRef {
  readonly id: string;
  readonly ref: string | null;
  readonly title: string;
}

/**
 * The SMS processes (`Processes` list, all pages), sorted by Ref.
 *
 * Minimum delegated scope: `Sites.Read.All`.
 * Microsoft Learn: https://learn.microsoft.com/graph/api/listitem-list
 */
export async function fetchProcesses(client: GraphClient, siteId: string, signal?: AbortSignal): Promise<ProcessRef[]> {
  const out: ProcessRef[] = [];
  let link: string | null = null;
  do {
    const page: Page<ListItem<{ Title?: string; Ref?: string }>> = await listItems<{ Title?: string; Ref?: string }>(client, siteId, 'Processes', {
      nextLink: link,
      select: ['Title', 'Ref'],
      properties: ['id'],
      top: 500,
      signal,
    });
    for (const i of page.items) if (i.id) out.push({ id: String(i.id), ref: text(i.fields?.Ref), title: text(i.fields?.Title) ?? '' });
    link = page.nextLink;
  } while (link);
  return out.sort((a, b) => (a.ref ?? a.title).localeCompare(b.ref ?? b.title, undefined, { numeric: true }));
}

/** Document types and statuses in schema order (for filter options). */
export const REGISTER_DOC_TYPES: readonly DocType[] = DOC_TYPES;
export const REGISTER_STATUSES: readonly DocStatus[] = DOC_STATUSES;
