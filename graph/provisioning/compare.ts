/**
 * Reads a columnDefinition as Graph returns it (https://learn.microsoft.com/graph/api/resources/columndefinition)
 * back into the schema's vocabulary, and works out what an existing column lacks. Provisioning only
 * ever adds: an index, "enforce unique values", missing choices, the Title column's display name or
 * required flag. A column whose type differs is reported and left alone.
 */
import type { ColumnDefinition } from '@microsoft/microsoft-graph-types';
import type { SmsColumn, SmsColumnType, SmsListSchema } from '../schema/index.js';

/**
 * The schema type of an existing column, from its type facet: `text` (multi-line → `note`),
 * `choice` (`displayAs: checkBoxes` → `multiChoice`), `number`, `currency`, `dateTime`
 * (`format: dateOnly` → `dateOnly`), `boolean`, `personOrGroup` (`allowMultipleSelection` →
 * `personMulti`), `lookup` (`allowMultipleValues` → `lookupMulti`), `hyperlinkOrPicture`. Any other
 * facet (calculated, term, ...) is returned by its facet name.
 */
export function columnTypeOf(col: ColumnDefinition): SmsColumnType | string {
  if (col.text) return col.text.allowMultipleLines ? 'note' : 'text';
  if (col.choice) return col.choice.displayAs === 'checkBoxes' ? 'multiChoice' : 'choice';
  if (col.number) return 'number';
  if (col.currency) return 'currency';
  if (col.dateTime) return col.dateTime.format === 'dateOnly' ? 'dateOnly' : 'dateTime';
  if (col.boolean) return 'boolean';
  if (col.personOrGroup) return col.personOrGroup.allowMultipleSelection ? 'personMulti' : 'person';
  if (col.lookup) return col.lookup.allowMultipleValues ? 'lookupMulti' : 'lookup';
  if (col.hyperlinkOrPicture) return 'hyperlink';
  const facet = Object.keys(col).find((k) => col[k as keyof ColumnDefinition] !== null && typeof col[k as keyof ColumnDefinition] === 'object');
  return facet ?? 'unknown';
}

/** What provisioning would change on an existing column (never its type). */
export interface ColumnChange {
  /** The PATCH body for `PATCH /sites/{site-id}/lists/{list-id}/columns/{column-id}`. */
  readonly patch: Record<string, unknown>;
  /** Short description for the plan, e.g. `index`, `index + unique`, `add 2 choices`. */
  readonly what: string;
}

/** Result of comparing one schema column with the column on the site. */
export type ColumnComparison =
  | { readonly kind: 'same' }
  | { readonly kind: 'change'; readonly change: ColumnChange }
  | { readonly kind: 'typeMismatch'; readonly actual: string };

/**
 * Compares a schema column with the existing column of the same internal name. Index and unique
 * flags and missing choices are added; extra indexes, choices or flags on the site are kept, except
 * `required` on a column the schema leaves optional: the app writes items without it (e.g. a person
 * column it cannot fill for someone who has never opened the site, ADR 0005), so it is made optional.
 * `isLibrary`: a document library's Title stays optional whatever the schema says, because a
 * required Title would leave every uploaded file checked out until someone fills it in.
 */
export function compareColumn(want: SmsColumn, have: ColumnDefinition, isLibrary: boolean): ColumnComparison {
  const actual = columnTypeOf(have);
  if (actual !== want.type) return { kind: 'typeMismatch', actual };
  const patch: Record<string, unknown> = {};
  const what: string[] = [];
  if (want.indexed === true && have.indexed !== true) {
    patch.indexed = true;
    what.push('index');
  }
  if (want.unique === true && have.enforceUniqueValues !== true) {
    patch.indexed = true;
    patch.enforceUniqueValues = true;
    what.push('unique');
  }
  if (want.choices && have.choice) {
    const present = new Set(have.choice.choices ?? []);
    const missing = want.choices.filter((c) => !present.has(c));
    if (missing.length > 0) {
      patch.choice = { ...have.choice, choices: [...(have.choice.choices ?? []), ...missing] };
      what.push(`add ${missing.length} choice${missing.length === 1 ? '' : 's'}`);
    }
  }
  if (!want.builtIn && want.required !== true && have.required === true) {
    patch.required = false;
    what.push('optional');
  }
  if (want.builtIn) {
    if (have.displayName !== want.displayName) {
      patch.displayName = want.displayName;
      what.push(`display name "${want.displayName}"`);
    }
    const required = want.required === true && !isLibrary;
    if ((have.required === true) !== required) {
      patch.required = required;
      what.push(required ? 'required' : 'optional');
    }
  }
  return what.length === 0 ? { kind: 'same' } : { kind: 'change', change: { patch, what: what.join(' + ') } };
}

/** The number of columns of a list that provisioning indexes. */
export const indexedCount = (list: SmsListSchema, columns: readonly SmsColumn[] = list.columns): number => columns.filter((c) => c.indexed === true).length;
