/**
 * Column builders, the common register columns of domain §5.3, the indexing rules of §5.6 and the
 * mapping of an SmsColumn to a Microsoft Graph columnDefinition body.
 */
import type { ColumnDefinition } from '@microsoft/microsoft-graph-types';
import { clauseNumbers } from './clauses.js';
import type { SmsColumn, SmsColumnType, SmsListSchema } from './types.js';

type ColumnOptions = Omit<Partial<SmsColumn>, 'name' | 'type'>;

const ACRONYMS = new Set(['SMS', 'UPN', 'RTO', 'RPO', 'NC', 'ID', 'KPI', 'SLA', 'OLA', 'ITSM', 'RAG', 'DC', 'URL', 'PDF', 'SHA']);

/**
 * A readable display name from an internal name: `NextReviewDate` → `Next review date`,
 * `UserUPN` → `User UPN`, `RTOHours` → `RTO hours`.
 */
export function displayNameOf(name: string): string {
  const words = name.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+/g) ?? [name];
  return words
    .map((w, i) => (ACRONYMS.has(w) || /^[A-Z]{2,}$/.test(w) ? w : i === 0 ? w[0]!.toUpperCase() + w.slice(1) : w.toLowerCase()))
    .join(' ');
}

function make(type: SmsColumnType) {
  return (name: string, options: ColumnOptions = {}): SmsColumn => ({
    name,
    displayName: options.displayName ?? displayNameOf(name),
    type,
    ...options,
  });
}

/** Single line of text (255 characters, indexable). */
export const text = make('text');
/** Multiple lines of plain text (not indexable). */
export const note = make('note');
/** Date without time, for due, review and effective dates (§5.1). */
export const dateOnly = make('dateOnly');
/** Date and time, for timestamps. */
export const dateTime = make('dateTime');
export const number = make('number');
export const currency = make('currency');
export const yesNo = make('boolean');
export const hyperlink = make('hyperlink');

/** Single-value choice. */
export function choice(name: string, choices: readonly string[], options: ColumnOptions = {}): SmsColumn {
  return make('choice')(name, { ...options, choices });
}

/** Multi-value choice (displayed as check boxes; not indexable). */
export function multiChoice(name: string, choices: readonly string[], options: ColumnOptions = {}): SmsColumn {
  return make('multiChoice')(name, { ...options, choices });
}

/** Single person. */
export function person(name: string, options: ColumnOptions = {}): SmsColumn {
  return make('person')(name, options);
}

/** Several people (or groups with `peopleAndGroups`). */
export function people(name: string, options: ColumnOptions = {}): SmsColumn {
  return make('personMulti')(name, options);
}

/** Single-value lookup into another SMS list (by schema key). */
export function lookup(name: string, lookupList: string, options: ColumnOptions = {}): SmsColumn {
  return make('lookup')(name, { ...options, lookupList });
}

/** Multi-value lookup into another SMS list (by schema key; not indexable). */
export function lookupMulti(name: string, lookupList: string, options: ColumnOptions = {}): SmsColumn {
  return make('lookupMulti')(name, { ...options, lookupList });
}

/** The built-in `Title` column every list and library has. */
export function titleColumn(displayName = 'Title', required = true): SmsColumn {
  return { name: 'Title', displayName, type: 'text', required, builtIn: true };
}

/** High / Medium / Low, used for influence, interest, criticality and significance. */
export const HIGH_MEDIUM_LOW = ['High', 'Medium', 'Low'] as const;

/** Options for the common columns of a register list. */
export interface RegisterColumnOptions {
  /** Statuses in lifecycle order. */
  readonly statuses: readonly string[];
  /** Internal name of the status column (default `Status`). */
  readonly statusColumn?: string;
  /** Add the single `Service` lookup (indexed) of §5.3. */
  readonly service?: boolean;
  /** Add the single `Process` lookup (indexed) of §5.3. */
  readonly process?: boolean;
  readonly titleDisplayName?: string;
}

/**
 * The common columns of §5.3 (site content type "SMS Register Item"): Title, Ref (unique,
 * indexed), Status (indexed), Owner (indexed), PrimaryClause (indexed), ClauseRefs (multi-choice
 * of every clause number), plus the Service / Process lookups where relevant.
 */
export function registerColumns(options: RegisterColumnOptions): SmsColumn[] {
  const columns: SmsColumn[] = [
    titleColumn(options.titleDisplayName),
    text('Ref', { displayName: 'Ref', unique: true, indexed: true, description: 'Human-readable ID, app-generated from SMS Sequences.' }),
    choice(options.statusColumn ?? 'Status', options.statuses, { indexed: true, required: true, default: options.statuses[0] }),
    person('Owner', { indexed: true, description: 'Accountable person.' }),
    text('PrimaryClause', { indexed: true, description: 'Main ISO/IEC 20000-1 clause, e.g. 8.5.1.3.' }),
    multiChoice('ClauseRefs', clauseNumbers, { displayName: 'Clause refs', description: 'All related clauses.' }),
  ];
  if (options.service) columns.push(lookup('Service', 'services', { indexed: true }));
  if (options.process) columns.push(lookup('Process', 'processes', { indexed: true }));
  return columns;
}

/**
 * Whether SharePoint can index a column of this type (§5.6): single line of text, single choice,
 * number, currency, date/time, single person, single lookup and yes/no can; multi-line text,
 * multi-value choice/person/lookup, hyperlink (and calculated) cannot.
 */
export function isIndexable(type: SmsColumnType): boolean {
  switch (type) {
    case 'text':
    case 'choice':
    case 'number':
    case 'currency':
    case 'dateTime':
    case 'dateOnly':
    case 'person':
    case 'lookup':
    case 'boolean':
      return true;
    case 'note':
    case 'multiChoice':
    case 'personMulti':
    case 'lookupMulti':
    case 'hyperlink':
      return false;
  }
}

/** The columns of a list that get an index at provisioning time. */
export function indexedColumns(list: SmsListSchema): SmsColumn[] {
  return list.columns.filter((c) => c.indexed === true);
}

/** The columns provisioning must create (everything except SharePoint's own, such as Title). */
export function provisionableColumns(list: SmsListSchema): SmsColumn[] {
  return list.columns.filter((c) => !c.builtIn);
}

/** Resolves a schema key (`'services'`) to the Graph list id on the target site. */
export type ListIdResolver = (listKey: string) => string;

function defaultValueOf(col: SmsColumn): string | undefined {
  if (col.default === undefined) return undefined;
  if (typeof col.default === 'boolean') return col.default ? '1' : '0';
  return String(col.default);
}

/**
 * The request body for `POST /sites/{site-id}/lists/{list-id}/columns` (Create columnDefinition
 * in a list, https://learn.microsoft.com/graph/api/list-post-columns), using exactly the facets of
 * the columnDefinition resource (https://learn.microsoft.com/graph/api/resources/columndefinition):
 * `text`, `choice`, `number`, `dateTime`, `boolean`, `personOrGroup`, `lookup`,
 * `hyperlinkOrPicture`, `currency`; plus `indexed`, `enforceUniqueValues` and `required`.
 *
 * Multi-choice: Graph v1.0's choiceColumn has no multi-select flag; `displayAs: 'checkBoxes'` is
 * what Graph returns for SharePoint's multi-choice (check box) field, and what this body carries.
 * The service refuses that body in `POST .../columns` (microsoftgraph/microsoft-graph-docs issue
 * 21021) but takes it in the `columns` of the list's create request (list-create), which is the
 * only way provisioning creates a multi-choice column (graph/provisioning/engine.ts). There is no
 * other multi-select value to send: choiceColumn has only allowTextEntry, choices and displayAs
 * (https://learn.microsoft.com/graph/api/resources/choicecolumn).
 */
export function toGraphColumnDefinition(col: SmsColumn, resolveListId: ListIdResolver): ColumnDefinition {
  const body: ColumnDefinition = {
    name: col.name,
    displayName: col.displayName,
    required: col.required === true,
    indexed: col.indexed === true,
    enforceUniqueValues: col.unique === true,
  };
  if (col.description) body.description = col.description;
  const defaultValue = defaultValueOf(col);
  if (defaultValue !== undefined) body.defaultValue = { value: defaultValue };

  switch (col.type) {
    case 'text':
      body.text = {};
      break;
    case 'note':
      body.text = { allowMultipleLines: true, textType: 'plain' };
      break;
    case 'choice':
      body.choice = { choices: [...(col.choices ?? [])], displayAs: 'dropDownMenu', allowTextEntry: col.fillIn === true };
      break;
    case 'multiChoice':
      body.choice = { choices: [...(col.choices ?? [])], displayAs: 'checkBoxes', allowTextEntry: col.fillIn === true };
      break;
    case 'number': {
      body.number = { displayAs: col.percentage ? 'percentage' : 'number' };
      if (col.min !== undefined) body.number.minimum = col.min;
      if (col.max !== undefined) body.number.maximum = col.max;
      break;
    }
    case 'currency':
      body.currency = {};
      break;
    case 'dateOnly':
      body.dateTime = { format: 'dateOnly' };
      break;
    case 'dateTime':
      body.dateTime = { format: 'dateTime' };
      break;
    case 'boolean':
      body.boolean = {};
      break;
    case 'person':
    case 'personMulti':
      body.personOrGroup = {
        allowMultipleSelection: col.type === 'personMulti',
        chooseFromType: col.peopleAndGroups ? 'peopleAndGroups' : 'peopleOnly',
      };
      break;
    case 'lookup':
    case 'lookupMulti': {
      if (!col.lookupList) throw new Error(`Lookup column ${col.name} has no lookupList`);
      body.lookup = {
        listId: resolveListId(col.lookupList),
        columnName: col.lookupColumn ?? 'Title',
        allowMultipleValues: col.type === 'lookupMulti',
      };
      break;
    }
    case 'hyperlink':
      body.hyperlinkOrPicture = { isPicture: false };
      break;
  }
  return body;
}
