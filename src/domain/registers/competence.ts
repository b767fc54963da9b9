/**
 * Competence (domain §5.4 CompetenceRequirement / CompetenceRecord, clause 7.2): a person's gaps
 * against the requirements of their SMS roles, and the records that expire soon.
 *
 * A gap is a mandatory requirement of one of the person's roles (SMS Roles `Role` values, e.g.
 * "Process owner") without a Valid record that is still in date.
 */
import { addDays, isIsoDate } from '../documents/dates.js';
import { samePerson } from './access.js';

/** A Role Competence Requirements item, as far as gaps need it. */
export interface CompetenceRequirementLike {
  /** List item id (what a record's `Requirement` lookup holds). */
  readonly id: string;
  /** The SMS Roles `Role` the requirement applies to. */
  readonly role: string;
  readonly mandatory: boolean;
}

/** A Competence Records item, as far as gaps and expiry need it. */
export interface CompetenceRecordLike {
  /** Lower-case UPN of the record's person. */
  readonly personId: string;
  /** Item id of the requirement it evidences, or null. */
  readonly requirementId: string | null;
  readonly status: string;
  /** `YYYY-MM-DD`, or null when it never expires. */
  readonly expiresOn: string | null;
}

/** Why a requirement is a gap: no record at all, one being worked on (Planned / In progress), or only lapsed ones. */
export type GapReason = 'missing' | 'inProgress' | 'expired';

export interface Gap<Req extends CompetenceRequirementLike = CompetenceRequirementLike, Rec extends CompetenceRecordLike = CompetenceRecordLike> {
  readonly personId: string;
  readonly requirement: Req;
  readonly reason: GapReason;
  /** The person's records for the requirement (any status), newest expiry first. */
  readonly records: readonly Rec[];
}

/** True when a record is Valid and not past its expiry date on `today`. */
export function isInDate(record: CompetenceRecordLike, today: string): boolean {
  return record.status === 'Valid' && (record.expiresOn === null || record.expiresOn > today);
}

/**
 * The person's gaps on `today`: each mandatory requirement of one of their `roles` (compared
 * ignoring case) with no in-date Valid record, in the order of `requirements`.
 */
export function competenceGaps<Req extends CompetenceRequirementLike, Rec extends CompetenceRecordLike>(
  person: { readonly id: string; readonly roles: readonly string[] },
  requirements: readonly Req[],
  records: readonly Rec[],
  today: string,
): Gap<Req, Rec>[] {
  const roles = new Set(person.roles.map((r) => r.trim().toLowerCase()));
  const own = records.filter((r) => samePerson(r.personId, person.id));
  const gaps: Gap<Req, Rec>[] = [];
  for (const requirement of requirements) {
    if (!requirement.mandatory || !roles.has(requirement.role.trim().toLowerCase())) continue;
    const mine = own
      .filter((r) => r.requirementId === requirement.id)
      .sort((a, b) => (b.expiresOn ?? '9999-12-31').localeCompare(a.expiresOn ?? '9999-12-31'));
    if (mine.some((r) => isInDate(r, today))) continue;
    const reason: GapReason = mine.some((r) => r.status === 'Planned' || r.status === 'In progress')
      ? 'inProgress'
      : mine.some((r) => r.status === 'Valid' || r.status === 'Expired')
        ? 'expired'
        : 'missing';
    gaps.push({ personId: person.id.trim().toLowerCase(), requirement, reason, records: mine });
  }
  return gaps;
}

/**
 * Valid records expiring from `today` up to `days` days later (both ends included), soonest first:
 * what Home and the competence view list as "expiring within 60 days".
 */
export function expiringWithin<Rec extends CompetenceRecordLike>(records: readonly Rec[], today: string, days = 60): Rec[] {
  if (!isIsoDate(today)) return [];
  const until = addDays(today, days);
  return records
    .filter((r) => r.status === 'Valid' && r.expiresOn !== null && r.expiresOn >= today && r.expiresOn <= until)
    .sort((a, b) => a.expiresOn!.localeCompare(b.expiresOn!));
}
