/**
 * The registers of the Registers area as configuration (REG.md, H3): which list schema each reads,
 * the columns its table shows, the columns it filters and sorts on (indexed ones only: the engine
 * sends one indexed predicate and applies the rest to the returned rows), the columns its form
 * edits, the columns the app computes, what a transition writes besides the status, and the action
 * source type of the registers that raise actions. A register is this configuration plus its rules
 * in src/domain/registers, never a copied screen.
 */
import type { ActionSourceType } from '../../../../graph/schema/actions.js';
import { competenceRecords, roleCompetenceRequirements } from '../../../../graph/schema/people.js';
import {
  contextIssues,
  improvements,
  interestedParties,
  nonconformities,
  objectives,
  risks,
  serviceAgreements,
  services,
  suppliers,
} from '../../../../graph/schema/registers.js';
import type { SmsColumn, SmsListSchema } from '../../../../graph/schema/types.js';
import { DERIVED_COLUMNS, STEP_COLUMNS } from '../../../domain/registers/lifecycle.js';

/**
 * What a transition to a status writes besides the status itself: the person who made it (`by`,
 * the signed-in user's site lookup id), the date (`on`, today on the site), fixed values (`set`,
 * e.g. the effectiveness result a closing verifier records) and the column the reason goes to.
 */
export interface TransitionWrite {
  /** The status it leaves (any when absent) and the status it enters. */
  readonly from?: string;
  readonly to: string;
  readonly by?: readonly string[];
  readonly on?: readonly string[];
  readonly set?: Readonly<Record<string, string>>;
  /** A column that keeps the reason (besides the audit entry's comment). */
  readonly reasonColumn?: string;
}

export interface RegisterConfig {
  /** Schema key, also the route segment: `/registers/nonconformities`. */
  readonly key: string;
  readonly schema: SmsListSchema;
  /** Internal name of the status column, or null for a list without a lifecycle. */
  readonly statusColumn: string | null;
  /** Columns of the list table, in order (the first links to the record). */
  readonly listColumns: readonly string[];
  /** Indexed single-value columns offered as filters (status first). */
  readonly filterColumns: readonly string[];
  /** Indexed list columns the table sorts on (on the server). */
  readonly sortColumns: readonly string[];
  /** Columns the new-record form and the edit form take, in schema order. */
  readonly formColumns: readonly string[];
  /** Columns the app computes (`deriveValues`): shown, never typed. */
  readonly computedColumns: readonly string[];
  /** What a transition writes besides the status (see `transitionWriteOf`). */
  readonly transitionWrites: readonly TransitionWrite[];
  /** What a new record records about its creation: who (`by`, the signed-in user) and the date when left empty (`today`). */
  readonly createWrites: { readonly by: readonly string[]; readonly today: readonly string[] };
  /** The Actions `SourceType` of a register whose records raise actions (the record page's `recordActions` slot). */
  readonly sourceType?: ActionSourceType;
  /** Columns the index and the table headline show as the register's clause (schema `clauses`). */
  readonly clauses: readonly string[];
}

/**
 * Columns a form never takes: the reference (from SMS Sequences), the columns only a lifecycle step
 * writes (who accepted, decided, verified…: the record's evidence) and the computed ones.
 */
const APP_WRITTEN = new Set([...STEP_COLUMNS, ...DERIVED_COLUMNS]);

const FILTER_TYPES: readonly SmsColumn['type'][] = ['choice', 'person', 'boolean'];

function statusColumnOf(schema: SmsListSchema): string | null {
  const name = schema.statusColumn ?? 'Status';
  return schema.columns.some((c) => c.name === name) ? name : null;
}

/**
 * Person columns with a text twin that holds the person's UPN (`Person` → `PersonUPN`, indexed so a
 * person's records can be filtered without the site-specific lookup id): the app fills the twin.
 */
export function upnTwinsOf(schema: SmsListSchema): [person: string, twin: string][] {
  return schema.columns
    .filter((c) => c.type === 'person' && schema.columns.some((x) => x.name === `${c.name}UPN` && x.type === 'text'))
    .map((c) => [c.name, `${c.name}UPN`]);
}

interface ConfigInput {
  readonly schema: SmsListSchema;
  /** Register-specific columns shown after Ref, Title, status and Owner. */
  readonly extraListColumns: readonly string[];
  readonly computedColumns?: readonly string[];
  readonly transitionWrites?: readonly TransitionWrite[];
  readonly sourceType?: ActionSourceType;
  readonly createWrites?: { readonly by: readonly string[]; readonly today: readonly string[] };
}

function configOf(input: ConfigInput): RegisterConfig {
  const { schema } = input;
  const has = (name: string) => schema.columns.some((c) => c.name === name);
  const statusColumn = statusColumnOf(schema);
  const listColumns = [...['Ref', 'Title', statusColumn ?? '', 'Owner'].filter((c) => c !== '' && has(c)), ...input.extraListColumns];
  const computed = input.computedColumns ?? [];
  const writes = input.transitionWrites ?? [];
  const stamped = new Set(writes.flatMap((w) => [...(w.by ?? []), ...(w.on ?? [])]));
  const filterColumns = schema.columns
    .filter((c) => c.indexed && FILTER_TYPES.includes(c.type) && !computed.includes(c.name))
    .map((c) => c.name)
    .sort((a, b) => (a === statusColumn ? -1 : b === statusColumn ? 1 : 0));
  const sortColumns = listColumns.filter((name) => {
    const c = schema.columns.find((x) => x.name === name)!;
    return c.indexed === true && !['multiChoice', 'personMulti', 'lookupMulti'].includes(c.type);
  });
  const twins = new Set(upnTwinsOf(schema).map(([, twin]) => twin));
  const formColumns = schema.columns
    .filter((c) => !APP_WRITTEN.has(c.name) && c.name !== statusColumn && !computed.includes(c.name) && !stamped.has(c.name) && !twins.has(c.name))
    .map((c) => c.name);
  return {
    key: schema.key,
    schema,
    statusColumn,
    listColumns,
    filterColumns,
    sortColumns,
    formColumns,
    computedColumns: computed,
    transitionWrites: writes,
    createWrites: input.createWrites ?? { by: [], today: [] },
    sourceType: input.sourceType,
    clauses: schema.clauses ?? [],
  };
}

/** The registers of the area, in the order of the standard's clauses (4.1 → 10.2), competence last. */
export const REGISTERS: readonly RegisterConfig[] = [
  configOf({ schema: contextIssues, extraListColumns: ['IssueType', 'Significance', 'NextReview'] }),
  configOf({ schema: interestedParties, extraListColumns: ['PartyType', 'RelationshipOwner', 'Influence'] }),
  configOf({
    schema: risks,
    extraListColumns: ['RiskKind', 'Category', 'ResidualScore', 'ReviewDate'],
    computedColumns: ['InherentScore', 'ResidualScore', 'WithinAcceptance'],
    transitionWrites: [{ to: 'Accepted', by: ['AcceptedBy'], on: ['AcceptedOn'] }],
    sourceType: 'Risk',
  }),
  configOf({
    schema: objectives,
    extraListColumns: ['Period', 'RAG', 'DueDate'],
    transitionWrites: [{ to: 'Approved', by: ['ApprovedBy'], on: ['ApprovedOn'] }],
    sourceType: 'Objective',
  }),
  configOf({ schema: services, extraListColumns: ['Criticality', 'InScope', 'ServiceOwner'] }),
  configOf({ schema: serviceAgreements, extraListColumns: ['AgreementType', 'EndDate', 'NextReviewDate'] }),
  configOf({ schema: suppliers, extraListColumns: ['SupplierType', 'RelationshipManager', 'NextReviewDate'] }),
  configOf({
    schema: nonconformities,
    extraListColumns: ['Source', 'Grade', 'DueDate'],
    transitionWrites: [
      { to: 'Actions in progress', by: ['PlanApprovedBy'], on: ['PlanApprovedOn'] },
      { from: 'Effectiveness check', to: 'Closed', by: ['VerifiedBy'], on: ['VerifiedOn', 'ClosedOn'], set: { EffectivenessResult: 'Effective' } },
      // Reopened from the effectiveness check: the verifier records that the actions did not work.
      { from: 'Effectiveness check', to: 'Root cause analysis', by: ['VerifiedBy'], on: ['VerifiedOn'], set: { EffectivenessResult: 'Not effective' } },
    ],
    createWrites: { by: ['RaisedBy'], today: ['RaisedOn'] },
    sourceType: 'Nonconformity',
  }),
  configOf({
    schema: improvements,
    extraListColumns: ['Source', 'PriorityScore', 'Decision', 'DueDate'],
    computedColumns: ['PriorityScore'],
    transitionWrites: (['Approved', 'Rejected', 'Deferred'] as const).map((to) => ({
      from: 'Under evaluation',
      to,
      by: ['DecisionBy'],
      on: ['DecisionOn'],
      set: { Decision: to },
      reasonColumn: 'DecisionRationale',
    })),
    createWrites: { by: ['SubmittedBy'], today: ['LoggedOn'] },
    sourceType: 'Improvement',
  }),
  configOf({ schema: competenceRecords, extraListColumns: ['Person', 'ExpiresOn'], transitionWrites: [{ to: 'Valid', by: ['VerifiedBy'] }] }),
  configOf({ schema: roleCompetenceRequirements, extraListColumns: ['Role', 'Competence', 'RequiredLevel', 'Mandatory'] }),
];

/** Registers listed on the index (the competence lists are reached through the competence view). */
export const INDEX_REGISTERS: readonly RegisterConfig[] = REGISTERS.filter((r) => r.key !== 'competenceRecords' && r.key !== 'roleCompetenceRequirements');

/** Keys of the competence lists, which the index shows as one entry: the competence view (`/registers/competence`). */
export const COMPETENCE_REGISTERS: readonly RegisterConfig[] = REGISTERS.filter((r) => r.key === 'competenceRecords' || r.key === 'roleCompetenceRequirements');

const BY_KEY = new Map(REGISTERS.map((r) => [r.key, r]));

/** The register of a schema key, or undefined for a key the area does not show. */
export function registerConfig(key: string | null | undefined): RegisterConfig | undefined {
  return key ? BY_KEY.get(key) : undefined;
}

/** The schema column of a register (throws for a name the schema lacks: a programming error). */
export function columnOf(config: RegisterConfig, name: string): SmsColumn {
  const c = config.schema.columns.find((x) => x.name === name);
  if (!c) throw new Error(`Register '${config.key}' has no column '${name}'.`);
  return c;
}

/** What the transition `from → to` writes besides the status (nothing: an empty write). */
export function transitionWriteOf(config: RegisterConfig, from: string, to: string): TransitionWrite {
  return config.transitionWrites.find((w) => w.to === to && (w.from === undefined || w.from === from)) ?? { to };
}

/** The register's reference column, when it has one. */
export const hasRef = (config: RegisterConfig): boolean => config.schema.columns.some((c) => c.name === 'Ref');
