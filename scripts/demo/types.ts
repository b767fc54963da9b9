/**
 * Shapes of the demo seed data (domain reference §7). The data files describe what a user should
 * find after the first `npm start`; `seed.ts` turns them into Graph calls through `graph/`.
 */

/** The 16 demo people of §7.3, by first name (resolved to ids and lookup ids at seed time). */
export const PERSON_KEYS = [
  'eleanor',
  'raj',
  'hannah',
  'tom',
  'priya',
  'marcus',
  'david',
  'aisha',
  'gareth',
  'chloe',
  'ben',
  'laura',
  'sofia',
  'omar',
  'fiona',
  'jack',
] as const;
export type PersonKey = (typeof PERSON_KEYS)[number];

/** A plain column value as Graph takes it in a fieldValueSet (dates as ISO strings). */
export type FieldValue = string | number | boolean | readonly string[];

/** A reference to another seeded item: the list's schema key and the item's key (usually its Ref). */
export interface ItemLink {
  readonly list: string;
  readonly key: string;
}

/** One list item to seed. */
export interface SeedItem {
  /** Value of the list's key column (Ref, Title, Key or SequenceName; see `KEY_COLUMN`). */
  readonly key: string;
  /** Scalar columns by internal name (never person or lookup columns). */
  readonly fields: Readonly<Record<string, FieldValue>>;
  /** Person columns by internal name: one person, or several for multi-person columns. */
  readonly people?: Readonly<Record<string, PersonKey | readonly PersonKey[]>>;
  /** Lookup columns by internal name: one item, or several for multi-value lookups. */
  readonly links?: Readonly<Record<string, ItemLink | readonly ItemLink[]>>;
  /** Number columns that hold the item id of another seeded item (e.g. `SourceItemId`). */
  readonly ids?: Readonly<Record<string, ItemLink>>;
  /**
   * Later writes, in order, each by the person allowed to make it (a status change, a decision, a verification):
   * the item is created with `fields` and `people`, then each step is written as `by`. The server stamps each
   * version with its writer, and `npm run verify` judges the lifecycle by those stamps (ADR 0006).
   */
  readonly steps?: readonly SeedStep[];
}

/** One later write of a seeded item (see `SeedItem.steps`). */
export interface SeedStep {
  readonly by: PersonKey;
  readonly fields: Readonly<Record<string, FieldValue>>;
  readonly people?: Readonly<Record<string, PersonKey>>;
}

/** The items of one list. */
export interface SeedList {
  /** Schema key of the list (`graph/schema`), e.g. `risks`. */
  readonly list: string;
  readonly items: readonly SeedItem[];
}

/** Shorthand for an `ItemLink`. */
export const link = (list: string, key: string): ItemLink => ({ list, key });
