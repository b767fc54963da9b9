/**
 * The register checks of `npm run verify` (issue 12; domain §6.3 segregation of duties). Evidence counts only as
 * SharePoint stamped it: who wrote each item version (`lastModifiedBy` of the version that made a change), never a
 * person column a client filled in (`VerifiedBy`, `AcceptedBy`, `DecisionBy`). Reported:
 * - a nonconformity moved to Closed, or its EffectivenessResult written, by its owner or by an assignee of one of its
 *   (non-cancelled) actions;
 * - a risk moved to Accepted by someone whose acceptance authority is below its residual score (SMS Settings
 *   `RiskAcceptance.OwnerMaxScore` / `RiskAcceptance.SmsManagerMaxScore`; above those, top management only);
 * - an improvement decision (Approved, Rejected or Deferred) by someone below the authority its cost needs
 *   (`Improvement.CostThreshold`: the SMS manager up to it, top management above).
 * The rules are pure functions over item histories (oldest version first); `historiesOf` reads them for a whole list
 * in `$batch` round trips of 20 (a batch job's cost, never a screen's).
 */
import type { GraphClient } from '../../../graph/core/client.js';
import { listAllItems } from '../../../graph/lists/items.js';
import { getItemsVersions } from '../../../graph/lists/versions.js';
import { improvements, nonconformities, risks } from '../../../graph/schema/registers.js';
import { decisionAuthority } from '../../domain/registers/improvement.js';
import { acceptanceAuthority, authorityCovers, riskScore, type AcceptanceAuthority } from '../../domain/registers/risk.js';
import type { RegisterSettings } from '../../domain/registers/types.js';
import type { SmsRole } from '../../domain/roles.js';
import type { PeopleDirectory } from '../people.js';
import { listRefOf, type SmsSite } from '../site.js';
import { loadRegisterSettings } from './settings.js';
import { stampedActor, stampedName, type StampedIdentity } from '../stamps.js';

/** One version of an item as the checks see it. */
export interface VersionStep {
  /** The version label (`1.0`, `2.0`, …). */
  readonly label: string;
  /** The server-stamped writer of the version: a person id (lower-case UPN), or null for an app or someone unknown. */
  readonly writerId: string | null;
  /** The writer as the output names them (UPN, `app <name>` or a display name). */
  readonly writer: string;
  readonly fields: Readonly<Record<string, unknown>>;
}

/** An item with its versions, oldest first. */
export interface ItemHistory {
  readonly itemId: string;
  readonly ref: string;
  readonly versions: readonly VersionStep[];
}

/** Reads the person a person column of a version names (lower-case UPN), or null. */
export type PersonOf = (fields: Readonly<Record<string, unknown>>, column: string) => string | null;

/** Who may decide what (the domain's acceptance authorities; an improvement decision needs the SMS manager or top management). */
export type Authority = AcceptanceAuthority;

export type RegisterFinding =
  | {
      readonly kind: 'ncClosedByParticipant';
      readonly ref: string;
      readonly version: string;
      readonly closed: boolean;
      readonly effectivenessResult: string | null;
      readonly writtenBy: string;
      readonly as: 'owner' | 'actionAssignee';
    }
  | { readonly kind: 'riskAcceptedWithoutAuthority'; readonly ref: string; readonly version: string; readonly residual: number; readonly acceptedBy: string; readonly needed: Authority }
  | {
      readonly kind: 'improvementDecidedWithoutAuthority';
      readonly ref: string;
      readonly version: string;
      readonly decision: string;
      readonly cost: number | null;
      readonly decidedBy: string;
      readonly needed: Authority;
    };

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : null);

/**
 * The versions of a history in which `column` took one of `values` (it held something else, or nothing, in the
 * version before), with the value it took.
 */
export function entering(history: ItemHistory, column: string, values: readonly string[]): { step: VersionStep; previous: VersionStep | null; value: string }[] {
  const out: { step: VersionStep; previous: VersionStep | null; value: string }[] = [];
  let previous: VersionStep | null = null;
  for (const step of history.versions) {
    const value = text(step.fields[column]);
    if (value !== null && values.includes(value) && text(previous?.fields[column]) !== value) out.push({ step, previous, value });
    previous = step;
  }
  return out;
}

/**
 * Nonconformity: the versions that moved it to Closed or wrote its EffectivenessResult, written by its owner (as that
 * version names the owner) or by an assignee of its actions (§6.3: the verifier is neither).
 */
export function ncFindings(nc: ItemHistory, actionAssignees: ReadonlySet<string>, personOf: PersonOf): RegisterFinding[] {
  const out: RegisterFinding[] = [];
  let previous: VersionStep | null = null;
  for (const step of nc.versions) {
    const closed = step.fields.Status === 'Closed' && previous?.fields.Status !== 'Closed';
    const result = text(step.fields.EffectivenessResult);
    const effectivenessResult = result !== null && result !== text(previous?.fields.EffectivenessResult) ? result : null;
    previous = step;
    if (!closed && effectivenessResult === null) continue;
    const writer = step.writerId;
    if (writer === null) continue;
    const as = writer === personOf(step.fields, 'Owner') ? 'owner' : actionAssignees.has(writer) ? 'actionAssignee' : null;
    if (as) out.push({ kind: 'ncClosedByParticipant', ref: nc.ref, version: step.label, closed, effectivenessResult, writtenBy: step.writer, as });
  }
  return out;
}

/** Whether someone with `roles` (owning the record or not) holds `needed` authority or more (`authorityCovers`). */
export function holdsAuthority(needed: Authority, roles: readonly SmsRole[], isOwner: boolean): boolean {
  const held: Authority | null = roles.includes('topManagement') ? 'topManagement' : roles.includes('smsManager') ? 'smsManager' : isOwner ? 'owner' : null;
  return held !== null && authorityCovers(held, needed);
}

/** Risk: each move to Accepted by someone whose authority is below what its residual score needs. */
export function riskFindings(risk: ItemHistory, settings: RegisterSettings, rolesOf: (id: string) => readonly SmsRole[], personOf: PersonOf): RegisterFinding[] {
  const out: RegisterFinding[] = [];
  for (const { step } of entering(risk, 'Status', ['Accepted'])) {
    const residual = riskScore(num(step.fields.ResidualLikelihood), num(step.fields.ResidualImpact)) ?? num(step.fields.ResidualScore);
    if (residual === null) continue;
    const needed = acceptanceAuthority(residual, settings);
    const writer = step.writerId;
    if (writer !== null && holdsAuthority(needed, rolesOf(writer), writer === personOf(step.fields, 'Owner'))) continue;
    out.push({ kind: 'riskAcceptedWithoutAuthority', ref: risk.ref, version: step.label, residual, acceptedBy: step.writer, needed });
  }
  return out;
}

const DECISIONS = ['Approved', 'Rejected', 'Deferred'] as const;

/**
 * Improvement: each decision (Decision, or the Status, becoming Approved, Rejected or Deferred) written by someone
 * below the authority its cost estimate needs.
 */
export function improvementFindings(imp: ItemHistory, settings: RegisterSettings, rolesOf: (id: string) => readonly SmsRole[]): RegisterFinding[] {
  const byVersion = new Map<string, { step: VersionStep; value: string }>();
  for (const e of [...entering(imp, 'Decision', DECISIONS), ...entering(imp, 'Status', DECISIONS)]) if (!byVersion.has(e.step.label)) byVersion.set(e.step.label, e);
  const out: RegisterFinding[] = [];
  for (const { step, value } of [...byVersion.values()].sort((a, b) => imp.versions.indexOf(a.step) - imp.versions.indexOf(b.step))) {
    const cost = num(step.fields.CostEstimate);
    const needed: Authority = decisionAuthority(cost ?? 0, settings);
    if (step.writerId !== null && holdsAuthority(needed, rolesOf(step.writerId), false)) continue;
    out.push({ kind: 'improvementDecidedWithoutAuthority', ref: imp.ref, version: step.label, decision: value, cost, decidedBy: step.writer, needed });
  }
  return out;
}

const AUTHORITY_NAMES: Readonly<Record<Authority, string>> = { topManagement: 'top management', smsManager: 'the SMS manager', owner: 'the risk owner' };

/** One line of `npm run verify` output for a finding. */
export function describeRegisterFinding(f: RegisterFinding): string {
  switch (f.kind) {
    case 'ncClosedByParticipant': {
      const what = [f.closed ? 'moved to Closed' : null, f.effectivenessResult ? `EffectivenessResult "${f.effectivenessResult}" recorded` : null].filter(Boolean).join(' and ');
      return `${f.ref} (version ${f.version}): ${what} by ${f.writtenBy}, ${f.as === 'owner' ? 'its owner' : 'an assignee of its actions'} (the verifier must be neither)`;
    }
    case 'riskAcceptedWithoutAuthority':
      return `${f.ref} (version ${f.version}): accepted at residual score ${f.residual} by ${f.acceptedBy}, without the authority to accept it (needs ${AUTHORITY_NAMES[f.needed]})`;
    case 'improvementDecidedWithoutAuthority':
      return `${f.ref} (version ${f.version}): decision "${f.decision}"${f.cost === null ? '' : ` on an estimated cost of ${f.cost}`} written by ${f.decidedBy}, above their authority (needs ${AUTHORITY_NAMES[f.needed]})`;
  }
}

/** Reads person columns of a version: the site lookup id (`<Column>LookupId`), else the `<Column>UPN` twin. */
export const personOfDirectory =
  (people: Pick<PeopleDirectory, 'byLookupId'>): PersonOf =>
  (fields, column) => {
    const lookup = fields[`${column}LookupId`];
    const byLookup = lookup === undefined || lookup === null || lookup === '' ? undefined : people.byLookupId(lookup);
    if (byLookup) return byLookup.id;
    const upn = text(fields[`${column}UPN`]);
    return upn ? upn.trim().toLowerCase() : null;
  };

export type HistorySite = Pick<SmsSite, 'siteId' | 'listIds'>;

/** Every item of a list with its versions (oldest first), in `$batch` round trips of 20 version reads. */
export async function historiesOf(client: GraphClient, site: HistorySite, listKey: string, people: Pick<PeopleDirectory, 'people'>, signal?: AbortSignal): Promise<ItemHistory[]> {
  const listId = listRefOf(site, listKey);
  const items = await listAllItems(client, site.siteId, listId, { select: ['Ref'], top: 500, signal });
  const ids = items.map((i) => String(i.id));
  const versions = await getItemsVersions(client, site.siteId, listId, ids, signal);
  return items.map((item) => {
    const id = String(item.id);
    const steps = (versions.get(id) ?? [])
      .map((v) => {
        const stamp = v.lastModifiedBy as StampedIdentity | undefined;
        const writer = stampedActor(stamp, people);
        return { label: v.id ?? '', writerId: writer.kind === 'person' ? writer.person.id : null, writer: stampedName(stamp, people), fields: v.fields ?? {} };
      })
      .reverse();
    return { itemId: id, ref: text(item.fields.Ref) ?? `item ${id}`, versions: steps };
  });
}

/**
 * The register findings of the site. `nonconformityAssignees` gives, by nonconformity item id, the people assigned
 * to its actions (the action checks read the Actions list; see src/platform/actions/verify.ts).
 */
export async function verifyRegisters(
  client: GraphClient,
  site: HistorySite,
  people: Pick<PeopleDirectory, 'people' | 'byId' | 'byLookupId'>,
  nonconformityAssignees: ReadonlyMap<string, ReadonlySet<string>>,
  signal?: AbortSignal,
): Promise<RegisterFinding[]> {
  const [settings, ncs, riskItems, improvementItems] = await Promise.all([
    loadRegisterSettings(client, site.siteId, signal),
    historiesOf(client, site, nonconformities.key, people, signal),
    historiesOf(client, site, risks.key, people, signal),
    historiesOf(client, site, improvements.key, people, signal),
  ]);
  const personOf = personOfDirectory(people);
  const rolesOf = (id: string) => people.byId(id)?.roles ?? [];
  return [
    ...ncs.flatMap((nc) => ncFindings(nc, nonconformityAssignees.get(nc.itemId) ?? new Set(), personOf)),
    ...riskItems.flatMap((r) => riskFindings(r, settings, rolesOf, personOf)),
    ...improvementItems.flatMap((i) => improvementFindings(i, settings, rolesOf)),
  ];
}
