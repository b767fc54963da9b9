/**
 * Types of the SMS information architecture (domain reference §5): which SharePoint lists and
 * libraries exist, their columns, indexes, statuses and lifecycles. Pure data: provisioning, the
 * UI and the OData filter builder all read the same schema.
 */

/** SharePoint column kinds the SMS uses (each maps to one columnDefinition facet). */
export type SmsColumnType =
  | 'text'
  | 'note'
  | 'choice'
  | 'multiChoice'
  | 'number'
  | 'dateTime'
  | 'dateOnly'
  | 'boolean'
  | 'person'
  | 'personMulti'
  | 'lookup'
  | 'lookupMulti'
  | 'hyperlink'
  | 'currency';

/** One column of an SMS list or library. */
export interface SmsColumn {
  /** Internal (API) name: the key under `fields` on a listItem. No spaces. */
  readonly name: string;
  /** User-facing name. */
  readonly displayName: string;
  readonly type: SmsColumnType;
  readonly description?: string;
  readonly required?: boolean;
  /** Create an index at provisioning time, before data arrives (domain `[IX]`). */
  readonly indexed?: boolean;
  /** "Enforce unique values" (SharePoint requires the column to be indexed). */
  readonly unique?: boolean;
  /** Choice values, in display order (choice / multiChoice). */
  readonly choices?: readonly string[];
  /** Allow values outside `choices` ("fill-in" choices). */
  readonly fillIn?: boolean;
  /** Schema key of the list a lookup column reads from. */
  readonly lookupList?: string;
  /** Column of the target list shown by the lookup (default `Title`). */
  readonly lookupColumn?: string;
  /** Person columns: allow groups as well as people (e.g. acknowledgement audiences). */
  readonly peopleAndGroups?: boolean;
  /** Number columns: bounds and percentage display. */
  readonly min?: number;
  readonly max?: number;
  readonly percentage?: boolean;
  /** Default value for new items. */
  readonly default?: string | number | boolean;
  /**
   * A column SharePoint creates itself (e.g. `Title`). Provisioning never POSTs it; it may
   * PATCH it (display name, required).
   */
  readonly builtIn?: boolean;
}

/** A permitted status change of §5.4: `from → to (by; guard)`. Anything not listed is refused. */
export interface StatusTransition {
  readonly from: string;
  readonly to: string;
  /** Who may make the change, in words (a later issue turns these into domain functions). */
  readonly by: string;
  /** The condition that must hold, in words. */
  readonly guard?: string;
}

/** How the human-readable `Ref` is formed, e.g. `NC-2025-003` = prefix NC, yearly, 3 digits. */
export interface RefFormat {
  /** Include the year: `NC-2025-003` rather than `RSK-003`. */
  readonly yearly: boolean;
  /** Zero-padded width of the running number. */
  readonly digits: number;
}

/** What part a list plays in the information architecture. */
export type SmsListKind =
  /** A register item with the common columns of §5.3 (site content type "SMS Register Item"). */
  | 'register'
  /** A child or detail list (releases, approvals, acknowledgements, readings, targets, roles). */
  | 'detail'
  /** A document library. */
  | 'library'
  /** App plumbing: settings, sequences, audit trail. */
  | 'system';

/** One SharePoint list or document library of the SMS site. */
export interface SmsListSchema {
  /** Stable id used in code and in `lookupList`, e.g. `nonconformities`. */
  readonly key: string;
  /** The list's display name on the site, e.g. `Nonconformities`. */
  readonly displayName: string;
  /** The Graph `list.template` used to create it. */
  readonly template: 'genericList' | 'documentLibrary';
  readonly kind: SmsListKind;
  readonly description: string;
  /** The domain entity (or entities) stored here, e.g. `Nonconformity`. */
  readonly entity: string;
  /** Clauses the list mainly evidences (§5.4 headings). */
  readonly clauses?: readonly string[];
  /** Marked large in §5.2 / §5.6: every query must start with an indexed filter. */
  readonly large: boolean;
  /** Library versioning (minor = draft, major = published). */
  readonly versioning?: { readonly major: true; readonly minor: boolean };
  readonly columns: readonly SmsColumn[];
  /**
   * Compound indexes suggested by §5.6. Documentation only: Microsoft Graph cannot create compound
   * indexes (columnDefinition only has a per-column `indexed` flag); they are made in the SharePoint
   * list settings UI or by SharePoint tooling, and each counts towards the 20-index limit.
   */
  readonly compoundIndexes?: readonly (readonly [string, string])[];
  /** Prefix of the human-readable reference (`NC` for `NC-2025-003`). */
  readonly refPrefix?: string;
  readonly refFormat?: RefFormat;
  /** Internal name of the column that holds the lifecycle status (default `Status`). */
  readonly statusColumn?: string;
  /** Statuses in lifecycle order (the status column's choices). */
  readonly statuses?: readonly string[];
  /** Permitted transitions, only where §5.4 lists them. */
  readonly transitions?: readonly StatusTransition[];
}
