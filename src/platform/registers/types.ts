/**
 * The data the register engine works with: filters and sorts described as data (so every register
 * can build them from its screen state), and records whose values are already coerced per column
 * type (see `coerce.ts`).
 */

/**
 * The value of one column on a record, after coercion:
 * - text, note, choice, hyperlink (its URL): `string | null`;
 * - multi-choice: `string[]` (empty when unset);
 * - number, currency: `number | null`; boolean: `boolean | null`;
 * - date-only: calendar date `YYYY-MM-DD | null`; date and time: ISO instant `…Z | null`;
 * - person, lookup: the lookup id (`'7'`) or null; several people or lookups: their lookup ids.
 */
export type CellValue = string | number | boolean | readonly string[] | null;

/** A list item as the engine reads it: id, eTag, URL and one coerced value per column read. */
export interface RegisterRecord {
  /** List item id. */
  readonly id: string;
  /** The item's eTag (what an update sends as `If-Match`), null when Graph did not return one. */
  readonly eTag: string | null;
  readonly webUrl: string | null;
  /** Values by column internal name (`Owner`, not `OwnerLookupId`). */
  readonly values: Readonly<Record<string, CellValue>>;
}

/** A value a filter compares with. Dates are written as they are read: `YYYY-MM-DD` or an ISO instant; lookups as their id. */
export type FilterScalar = string | number | boolean;

/** Comparisons a filter can make. */
export type FilterOperator = 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge' | 'in' | 'startsWith' | 'contains';

/**
 * One condition on one column, as data: `{ column: 'Owner', op: 'eq', value: '7' }`,
 * `{ column: 'DocStatus', op: 'in', value: ['Published', 'Approved'] }`,
 * `{ column: 'NextReviewDate', op: 'lt', value: '2025-06-15' }`.
 *
 * Text comparisons `startsWith` and `contains` ignore case (as SharePoint does); a multi-value cell
 * matches when one of its values does.
 */
export type RegisterFilter =
  | { readonly column: string; readonly op: 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge'; readonly value: FilterScalar }
  | { readonly column: string; readonly op: 'in'; readonly value: readonly FilterScalar[] }
  | { readonly column: string; readonly op: 'startsWith' | 'contains'; readonly value: string };

export type SortDirection = 'ascending' | 'descending';

/** Server-side order on one column. */
export interface RegisterSortSpec {
  readonly column: string;
  readonly direction: SortDirection;
}
