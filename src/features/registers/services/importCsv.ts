/**
 * CSV import into a register, in two phases:
 *
 * 1. `planImport` (no writes): parse the file (papaparse, RFC 4180), map each header to a column by
 *    internal name, display name or its label in the UI language, coerce each cell to its column type
 *    (`coerceCell`), fill what the engine fills on a form (the initial status, `<Person>UPN` twins,
 *    computed scores via `deriveValues`) and validate the row with `validateRecord` (zod + the register's
 *    domain rules). A `Ref` given in the file must be unique in the file and on the list
 *    (`findExistingRefs`). The result is a preview: each row with its issues.
 * 2. `runImport`: create each valid row through the register engine (`createRecord`: `Ref` from the
 *    sequence unless given, an audit entry per record). Row states live in an `ImportJob` the caller keeps:
 *    the Ref a row gets is reserved and stored BEFORE its create, so a retry after a failure re-uses it; a row
 *    whose create may have reached SharePoint (its answer lost) is looked up by that Ref before it is sent
 *    again, and a row created whose audit entry failed gets only its audit entry on retry. A written row is
 *    never sent again, and the first failure stops the run, keeping the rows not yet written for a retry.
 *
 * Person cells are UPNs or display names (the directory's), written as the person's site lookup id; lookup
 * cells are the target item's Ref, Title or id. Multi-value cells separate values with `;`.
 */
import Papa from 'papaparse';
import type { GraphClient } from '../../../../graph/core/client.js';
import type { SmsColumn, SmsListSchema } from '../../../../graph/schema/types.js';
import { isIsoDate } from '../../../domain/documents/dates.js';
import { deriveValues } from '../../../domain/registers/derive.js';
import type { Values } from '../../../domain/registers/types.js';
import type { PeopleDirectory, Person } from '../../../platform/people.js';
import { upnTwinsOf } from './catalog.js';
import { createRecord, readAll, readPage, REF_COLUMN, type CellValue, type RegisterAuditEntry, type RegisterDefinition, type RegisterWriteDeps } from '../../../platform/registers/index.js';
import { validateRecord } from '../../../platform/registers/validation.js';

/** What the import needs of a register's configuration (the catalog's entry). */
export interface ImportRegister {
  readonly key: string;
  readonly schema: SmsListSchema;
  /** Columns a user fills on the register's form: the columns a file may set (plus `Ref` and the status). */
  readonly formColumns: readonly string[];
}

/** Rows one import takes at most. */
export const MAX_IMPORT_ROWS = 1000;
/** Values of one multi-value cell are separated by this (also what the export writes). */
export const MULTI_VALUE_SEPARATOR = ';';

/** A problem with one value of a row (or with the row). i18n: `registers.import.issue.<code>`, or `registers.validation.<code>` for `validation: true`. */
export interface ImportIssue {
  /** Internal column name, or null for the row as a whole. */
  readonly column: string | null;
  readonly code: string;
  readonly params?: Readonly<Record<string, string | number>>;
  /** From `validateRecord` (i18n `registers.validation.<code>`) rather than the import's own checks. */
  readonly validation?: boolean;
}

/** How one header of the file was read. */
export interface HeaderMatch {
  readonly header: string;
  /** The column it fills, or null when it is ignored. */
  readonly column: string | null;
  /** Why it is ignored: no such column, a second header for the same column, or a column the import does not set. */
  readonly ignored: 'unknown' | 'duplicate' | 'notImportable' | null;
}

export interface ImportRow {
  /** 0-based position among the data rows. */
  readonly index: number;
  /** Line of the file the row starts on (the header is line 1). */
  readonly line: number;
  /** The row's values as the rules see them (people as lower-case UPN), after derivation. */
  readonly values: Values;
  /** The values to write (people as site lookup ids). */
  readonly cells: Readonly<Record<string, CellValue>>;
  readonly ref: string | null;
  readonly title: string | null;
  readonly issues: readonly ImportIssue[];
}

export interface ImportPlan {
  readonly headers: readonly HeaderMatch[];
  /** Required columns the file has no header for (and the import cannot fill). */
  readonly missingRequired: readonly string[];
  readonly rows: readonly ImportRow[];
  /** Problems with the file itself (i18n `registers.import.file.<code>`). */
  readonly fileProblems: readonly { readonly code: string; readonly params?: Readonly<Record<string, string | number>> }[];
}

/** Lookup cells resolved to item ids: per lookup column, normalised Ref / Title / id → item id. */
export type LookupIndex = ReadonlyMap<string, ReadonlyMap<string, string>>;

const norm = (s: string): string => s.replace(/^\uFEFF/, '').trim().replace(/\s+/g, ' ').toLowerCase();

/** Columns the import may set: the form's, plus Ref and the status (checked to be the initial one). */
function importableColumns(register: ImportRegister): Set<string> {
  const status = register.schema.statusColumn ?? 'Status';
  const names = new Set(register.formColumns);
  for (const extra of [REF_COLUMN, status]) if (register.schema.columns.some((c) => c.name === extra)) names.add(extra);
  for (const name of [...names]) {
    const column = register.schema.columns.find((c) => c.name === name);
    // Graph's listItem fields cannot write hyperlink columns (src/platform/registers/coerce.ts).
    if (!column || column.type === 'hyperlink') names.delete(name);
  }
  return names;
}

/** The column each header fills: internal name, display name, or the label shown in the UI language. */
export function matchHeaders(headers: readonly string[], register: ImportRegister, labelOf: (column: SmsColumn) => string = (c) => c.displayName): HeaderMatch[] {
  const importable = importableColumns(register);
  const byName = new Map<string, SmsColumn>();
  for (const c of register.schema.columns) for (const alias of [c.name, c.displayName, labelOf(c)]) if (!byName.has(norm(alias))) byName.set(norm(alias), c);
  const taken = new Set<string>();
  return headers.map((header) => {
    const column = byName.get(norm(header));
    if (!column) return { header, column: null, ignored: 'unknown' };
    if (!importable.has(column.name)) return { header, column: null, ignored: 'notImportable' };
    if (taken.has(column.name)) return { header, column: null, ignored: 'duplicate' };
    taken.add(column.name);
    return { header, column: column.name, ignored: null };
  });
}

/** The lookup columns a set of headers fills (their target lists need reading before `planImport`). */
export function lookupColumnsOf(register: ImportRegister, headers: readonly HeaderMatch[]): SmsColumn[] {
  const named = new Set(headers.map((h) => h.column).filter((c): c is string => c !== null));
  return register.schema.columns.filter((c) => named.has(c.name) && (c.type === 'lookup' || c.type === 'lookupMulti') && c.lookupList !== undefined);
}

const BOOLEAN_TEXT: Readonly<Record<string, boolean>> = { yes: true, no: false, true: true, false: false, y: true, n: false, '1': true, '0': false, 是: true, 否: false };

type Coerced = { ok: true; value: CellValue; rule: CellValue } | { ok: false; issue: ImportIssue };

const fail = (column: SmsColumn, code: string, params?: Record<string, string | number>): Coerced => ({ ok: false, issue: { column: column.name, code, ...(params ? { params } : {}) } });
const same = (value: CellValue): Coerced => ({ ok: true, value, rule: value });

function personOf(people: PeopleDirectory, text: string): Person | 'ambiguous' | undefined {
  const byUpn = people.byId(text);
  if (byUpn) return byUpn;
  const named = people.people.filter((p) => norm(p.displayName) === norm(text));
  return named.length > 1 ? 'ambiguous' : named[0];
}

function coercePerson(column: SmsColumn, text: string, people: PeopleDirectory): { ok: true; lookupId: string; upn: string } | { ok: false; issue: ImportIssue } {
  const person = personOf(people, text);
  if (person === 'ambiguous') return { ok: false, issue: { column: column.name, code: 'personAmbiguous', params: { value: text } } };
  if (!person) return { ok: false, issue: { column: column.name, code: 'person', params: { value: text } } };
  // A person column holds the site lookup id, which exists only once the person has opened the site (ADR 0005).
  if (person.lookupId === null) return { ok: false, issue: { column: column.name, code: 'personNotOnSite', params: { value: person.displayName } } };
  return { ok: true, lookupId: person.lookupId, upn: person.id };
}

function coerceLookup(column: SmsColumn, text: string, lookups: LookupIndex): string | null {
  return lookups.get(column.name)?.get(norm(text)) ?? null;
}

const splitMulti = (text: string): string[] =>
  text
    .split(/;#|;/)
    .map((v) => v.trim())
    .filter((v) => v !== '');

/**
 * One cell's text as its column's value: `value` is what is written (people as lookup ids), `rule` what the
 * rules see (people as UPNs). An empty cell is null (an empty list for multi-value columns).
 */
export function coerceCell(column: SmsColumn, raw: string, people: PeopleDirectory, lookups: LookupIndex = new Map()): Coerced {
  const text = raw.trim();
  const multi = column.type === 'multiChoice' || column.type === 'personMulti' || column.type === 'lookupMulti';
  if (text === '') return same(multi ? [] : null);
  switch (column.type) {
    case 'text':
    case 'note':
      return same(text);
    case 'choice': {
      const hit = column.choices?.find((c) => norm(c) === norm(text));
      if (hit) return same(hit);
      return column.fillIn ? same(text) : fail(column, 'choice', { value: text, choices: (column.choices ?? []).join(', ') });
    }
    case 'multiChoice': {
      const values: string[] = [];
      for (const v of splitMulti(text)) {
        const hit = column.choices?.find((c) => norm(c) === norm(v));
        if (!hit && !column.fillIn) return fail(column, 'choice', { value: v, choices: (column.choices ?? []).join(', ') });
        values.push(hit ?? v);
      }
      return same(values);
    }
    case 'number':
    case 'currency': {
      // A plain decimal with a point; thousands separators (space, comma) are dropped.
      const cleaned = text.replace(/[\s,]/g, '');
      const n = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(cleaned) ? Number(cleaned) : NaN;
      return Number.isFinite(n) ? same(n) : fail(column, 'number', { value: text });
    }
    case 'boolean': {
      const b = BOOLEAN_TEXT[norm(text)];
      return b === undefined ? fail(column, 'boolean', { value: text }) : same(b);
    }
    case 'dateOnly':
      return isIsoDate(text) ? same(text) : fail(column, 'date', { value: text });
    case 'dateTime': {
      const t = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(text) ? Date.parse(text.replace(' ', 'T')) : NaN;
      return Number.isNaN(t) ? fail(column, 'dateTime', { value: text }) : same(new Date(t).toISOString().replace(/\.000Z$/, 'Z'));
    }
    case 'person': {
      const p = coercePerson(column, text, people);
      return p.ok ? { ok: true, value: p.lookupId, rule: p.upn } : p;
    }
    case 'personMulti': {
      const ids: string[] = [];
      const upns: string[] = [];
      for (const v of splitMulti(text)) {
        const p = coercePerson(column, v, people);
        if (!p.ok) return p;
        ids.push(p.lookupId);
        upns.push(p.upn);
      }
      return { ok: true, value: ids, rule: upns };
    }
    case 'lookup': {
      const id = coerceLookup(column, text, lookups);
      return id === null ? fail(column, 'lookup', { value: text }) : same(id);
    }
    case 'lookupMulti': {
      const ids: string[] = [];
      for (const v of splitMulti(text)) {
        const id = coerceLookup(column, v, lookups);
        if (id === null) return fail(column, 'lookup', { value: v });
        ids.push(id);
      }
      return same(ids);
    }
    case 'hyperlink':
      return fail(column, 'notImportable');
  }
}

/** The status a new record starts in: the column's default, else the first status. */
export function initialStatusOf(schema: SmsListSchema): string | null {
  const name = schema.statusColumn ?? 'Status';
  const column = schema.columns.find((c) => c.name === name);
  if (!column) return null;
  return typeof column.default === 'string' ? column.default : (schema.statuses?.[0] ?? column.choices?.[0] ?? null);
}

/** Parses CSV text (a byte order mark is dropped; blank lines are skipped). */
export function parseCsvText(text: string): { headers: string[]; records: { line: number; cells: string[] }[]; errors: { code: string; params?: Record<string, string | number> }[] } {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const [header = [], ...data] = parsed.data;
  const errors = parsed.errors.map((e) => ({ code: 'parse', params: { row: (e.row ?? 0) + 1, message: e.message } }));
  // papaparse does not give line numbers of rows: count them (quoted cells may hold line breaks).
  const records: { line: number; cells: string[] }[] = [];
  let line = 2;
  for (const cells of data) {
    records.push({ line, cells });
    line += 1 + cells.reduce((n, c) => n + (c.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
  }
  return { headers: header.map((h) => h.replace(/^\uFEFF/, '').trim()), records, errors };
}

export interface PlanInput {
  readonly register: ImportRegister;
  readonly text: string;
  readonly people: PeopleDirectory;
  readonly lookups?: LookupIndex;
  /** The label of a column in the UI language (headers may use it). */
  readonly labelOf?: (column: SmsColumn) => string;
  /** Refs of the file that already exist on the list (from `findExistingRefs`). */
  readonly existingRefs?: ReadonlySet<string>;
}

/** Headers and data rows of a file, without coercion: what the caller needs to read lookups and existing Refs first. */
export function readHeaders(register: ImportRegister, text: string, labelOf?: (column: SmsColumn) => string): { headers: HeaderMatch[]; refs: string[] } {
  const parsed = parseCsvText(text);
  const headers = matchHeaders(parsed.headers, register, labelOf);
  const refAt = headers.findIndex((h) => h.column === REF_COLUMN);
  const refs = refAt < 0 ? [] : [...new Set(parsed.records.map((r) => (r.cells[refAt] ?? '').trim()).filter((v) => v !== ''))];
  return { headers, refs };
}

/** The preview of an import: each row coerced and validated. Writes nothing. */
export function planImport(input: PlanInput): ImportPlan {
  const { register, people } = input;
  const { schema } = register;
  const parsed = parseCsvText(input.text);
  const headers = matchHeaders(parsed.headers, register, input.labelOf);
  const fileProblems: ImportPlan['fileProblems'][number][] = [...parsed.errors];
  if (parsed.headers.length === 0) fileProblems.push({ code: 'empty' });
  if (parsed.records.length > MAX_IMPORT_ROWS) fileProblems.push({ code: 'tooManyRows', params: { count: parsed.records.length, max: MAX_IMPORT_ROWS } });
  const statusName = schema.statusColumn ?? 'Status';
  const initial = initialStatusOf(schema);
  const mapped = new Set(headers.map((h) => h.column));
  // Filled by the import itself: the status, `Ref` (from the sequence) and `<Person>UPN` twins.
  const twins = new Set(upnTwinsOf(schema).map(([, twin]) => twin));
  const filled = (c: SmsColumn) => c.name === statusName || c.name === REF_COLUMN || twins.has(c.name) || c.default !== undefined;
  const missingRequired = schema.columns.filter((c) => c.required && !mapped.has(c.name) && !filled(c)).map((c) => c.name);

  const seenRefs = new Map<string, number>();
  const rows = parsed.records.slice(0, MAX_IMPORT_ROWS).map(({ line, cells }, index): ImportRow => {
    const issues: ImportIssue[] = [];
    const write: Record<string, CellValue> = {};
    const rule: Record<string, CellValue> = {};
    headers.forEach((h, i) => {
      if (h.column === null) return;
      const column = schema.columns.find((c) => c.name === h.column)!;
      const c = coerceCell(column, cells[i] ?? '', people, input.lookups);
      if (!c.ok) issues.push(c.issue);
      else if (!(c.value === null && column.name === REF_COLUMN)) {
        write[column.name] = c.value;
        rule[column.name] = c.rule;
      }
    });
    if (cells.length !== parsed.headers.length) issues.push({ column: null, code: 'cellCount', params: { count: cells.length, expected: parsed.headers.length } });
    // A record starts in the register's initial status: the lifecycle moves it on from the record's page.
    if (initial !== null) {
      const given = rule[statusName];
      if (given !== undefined && given !== null && given !== initial) issues.push({ column: statusName, code: 'statusNotInitial', params: { value: String(given), initial } });
      write[statusName] = initial;
      rule[statusName] = initial;
    }
    // `<Person>UPN` text twins hold the person's UPN (filterable without the site's lookup id).
    for (const [person, twin] of upnTwinsOf(schema)) {
      if (typeof rule[person] === 'string') {
        write[twin] = rule[person] as string;
        rule[twin] = rule[person] as string;
      }
    }
    // Computed values (scores, within acceptance…) as the form computes them.
    const derived = deriveValues(register.key, rule);
    for (const [name, value] of Object.entries(derived)) {
      if (rule[name] === value || !schema.columns.some((c) => c.name === name)) continue;
      rule[name] = value;
      write[name] = value;
    }
    const known = new Set(issues.map((x) => x.column));
    // A person that could not be read leaves its UPN twin empty: that is the same problem.
    for (const [person, twin] of upnTwinsOf(schema)) if (known.has(person)) known.add(twin);
    for (const issue of validateRecord(schema, rule)) {
      // A value that could not be read is reported once, as unreadable.
      if (issue.column && known.has(issue.column)) continue;
      issues.push({ column: issue.column ?? null, code: issue.code, ...(issue.params ? { params: issue.params } : {}), validation: true });
    }
    const ref = typeof rule[REF_COLUMN] === 'string' ? (rule[REF_COLUMN] as string) : null;
    if (ref !== null) {
      const first = seenRefs.get(ref);
      if (first !== undefined) issues.push({ column: REF_COLUMN, code: 'refInFile', params: { value: ref, line: first } });
      else seenRefs.set(ref, line);
      if (input.existingRefs?.has(ref)) issues.push({ column: REF_COLUMN, code: 'refExists', params: { value: ref } });
    }
    return { index, line, values: rule, cells: write, ref, title: typeof rule.Title === 'string' ? rule.Title : null, issues };
  });
  return { headers, missingRequired, rows, fileProblems };
}

/** The rows that can be written: no issue, and the file as a whole is readable. */
export function validRows(plan: ImportPlan): ImportRow[] {
  if (plan.fileProblems.some((p) => p.code !== 'parse') || plan.missingRequired.length > 0) return [];
  return plan.rows.filter((r) => r.issues.length === 0);
}

// ---------- reads the preview needs ----------

/** Refs per request when checking which exist (an `or` of `eq` on the indexed, unique `Ref`). */
const REFS_PER_REQUEST = 15;

const refDefinition = (schema: SmsListSchema): RegisterDefinition<{ id: string; ref: string | null }> => ({
  schema,
  columns: [REF_COLUMN],
  toRow: (r) => ({ id: r.id, ref: typeof r.values[REF_COLUMN] === 'string' ? (r.values[REF_COLUMN] as string) : null }),
});

/** Which of these Refs the list already has (`Ref` is indexed: one `or` of `eq` per few Refs). */
export async function findExistingRefs(client: GraphClient, siteId: string, schema: SmsListSchema, refs: readonly string[], signal?: AbortSignal): Promise<Set<string>> {
  const found = new Set<string>();
  if (!schema.columns.some((c) => c.name === REF_COLUMN)) return found;
  for (let i = 0; i < refs.length; i += REFS_PER_REQUEST) {
    const chunk = refs.slice(i, i + REFS_PER_REQUEST);
    const rows = await readAll(client, siteId, refDefinition(schema), { filters: [{ column: REF_COLUMN, op: 'in', value: chunk }], sort: null }, { pageSize: 100, signal });
    for (const r of rows) if (r.ref) found.add(r.ref);
  }
  return found;
}

/** The item with this Ref, or null. */
async function itemIdByRef(client: GraphClient, siteId: string, schema: SmsListSchema, ref: string, signal?: AbortSignal): Promise<string | null> {
  const page = await readPage(client, siteId, refDefinition(schema), { filters: [{ column: REF_COLUMN, op: 'eq', value: ref }], sort: null }, { pageSize: 5, minRows: 1, maxRequests: 1, signal });
  return page.rows[0]?.id ?? null;
}

/**
 * Per lookup column, its target list's items by Ref, Title, `Ref – Title` and id (normalised), from the options
 * the form offers for the column (`lookupOptionsQuery`: `{ id, label: 'Ref – Title' | 'Title' }`).
 */
export function lookupIndexOf(options: ReadonlyMap<string, readonly { readonly id: string; readonly label: string }[]>): LookupIndex {
  const index = new Map<string, Map<string, string>>();
  for (const [column, items] of options) {
    const keys = new Map<string, string>();
    const add = (k: string, id: string) => {
      if (k.trim() !== '' && !keys.has(norm(k))) keys.set(norm(k), id);
    };
    for (const o of items) add(o.id, o.id);
    for (const o of items) {
      add(o.label, o.id);
      const at = o.label.indexOf(' – ');
      if (at > 0) {
        add(o.label.slice(0, at), o.id);
        add(o.label.slice(at + 3), o.id);
      }
    }
    index.set(column, keys);
  }
  return index;
}

// ---------- writing ----------

/** Where one row of an import stands. */
export interface RowState {
  status: 'pending' | 'written' | 'failed';
  /** The row's Ref: given in the file, or reserved from the sequence before its first create. */
  ref: string | null;
  /** A create was sent: whether it reached SharePoint is known only when `itemId` is set. */
  sent: boolean;
  /** The created item (set once SharePoint answered the create). */
  itemId: string | null;
  /** The created item's audit entry, while it is not written yet. */
  pendingAudit: RegisterAuditEntry | null;
  error: unknown;
}

/** The state of an import across runs (the caller keeps it for a retry). */
export interface ImportJob {
  readonly rows: readonly ImportRow[];
  readonly states: RowState[];
}

export const newImportJob = (rows: readonly ImportRow[]): ImportJob => ({
  rows,
  states: rows.map((r) => ({ status: 'pending', ref: r.ref, sent: false, itemId: null, pendingAudit: null, error: null })),
});

export interface ImportWriteContext {
  readonly client: GraphClient;
  readonly siteId: string;
  readonly schema: SmsListSchema;
  readonly deps: RegisterWriteDeps;
  readonly timeZone?: string;
  /** The audit entry's comment (e.g. `Imported from risks.csv, line 4`). */
  readonly comment: (row: ImportRow) => string;
  readonly signal?: AbortSignal;
}

const needsRef = (schema: SmsListSchema): boolean => schema.refPrefix !== undefined && schema.columns.some((c) => c.name === REF_COLUMN);

/** Writes one row (see the module comment for how a retry resumes it). */
async function writeRow(ctx: ImportWriteContext, row: ImportRow, state: RowState): Promise<void> {
  const { client, siteId, schema, deps, signal } = ctx;
  if (state.pendingAudit) {
    await deps.audit(state.pendingAudit, signal);
    state.pendingAudit = null;
    state.status = 'written';
    return;
  }
  const cells: Record<string, CellValue> = { ...row.cells };
  if (needsRef(schema) && state.ref === null) {
    if (!deps.nextRef) throw new Error(`List '${schema.key}' numbers its items: importing needs a reference sequence.`);
    state.ref = await deps.nextRef(schema, signal);
  }
  if (state.ref !== null) cells[REF_COLUMN] = state.ref;
  if (state.sent && state.itemId === null && state.ref !== null) {
    // The last create's answer was lost: it may have been written. The Ref (unique) tells.
    const existing = await itemIdByRef(client, siteId, schema, state.ref, signal);
    if (existing !== null) {
      state.itemId = existing;
      const status = schema.statusColumn ?? 'Status';
      state.pendingAudit = {
        schema,
        itemId: existing,
        ref: state.ref,
        eventType: 'Created',
        fromStatus: null,
        toStatus: typeof cells[status] === 'string' ? (cells[status] as string) : null,
        changed: Object.keys(cells),
        comment: ctx.comment(row),
      };
      await writeRow(ctx, row, state);
      return;
    }
  }
  state.sent = true;
  // The audit entry is kept until written, so a failed audit is retried alone, never the create.
  const tracking: RegisterWriteDeps = {
    ...deps,
    audit: async (entry, s) => {
      state.itemId = entry.itemId;
      state.pendingAudit = entry;
      await deps.audit(entry, s);
      state.pendingAudit = null;
    },
  };
  await createRecord(client, siteId, schema, cells, tracking, { comment: ctx.comment(row), timeZone: ctx.timeZone, signal });
  state.status = 'written';
}

export interface ImportProgress {
  readonly written: number;
  readonly total: number;
}

/**
 * Writes the job's rows not written yet, in file order, stopping at the first failure (that row is `failed`
 * with its error, the rest stay `pending`). `onProgress` hears after each row. Returns how many are written.
 */
export async function runImport(ctx: ImportWriteContext, job: ImportJob, onProgress: (p: ImportProgress) => void = () => undefined): Promise<ImportProgress & { failed: number | null }> {
  const total = job.rows.length;
  const writtenCount = () => job.states.filter((s) => s.status === 'written').length;
  for (let i = 0; i < total; i++) {
    const state = job.states[i]!;
    if (state.status === 'written') continue;
    try {
      await writeRow(ctx, job.rows[i]!, state);
      state.error = null;
    } catch (error) {
      state.status = 'failed';
      state.error = error;
      onProgress({ written: writtenCount(), total });
      return { written: writtenCount(), total, failed: i };
    }
    onProgress({ written: writtenCount(), total });
  }
  return { written: writtenCount(), total, failed: null };
}
