import { useMemo } from 'react';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import type { GraphClient } from '../../../../../graph/core/client.js';
import { competenceRecords, roleCompetenceRequirements, smsRoles } from '../../../../../graph/schema/people.js';
import type { SmsListSchema } from '../../../../../graph/schema/types.js';
import { meQuery } from '../../../../app/session/queries.js';
import { useRoles } from '../../../../app/roles/useRoles.js';
import { competenceGaps, expiringWithin, type Gap } from '../../../../domain/registers/competence.js';
import { readsEveryonesCompetence } from '../../../../domain/roles.js';
import { loadMyAcknowledgements } from '../../../../platform/acknowledgements/read.js';
import { siteDateOf } from '../../../../platform/clock.js';
import { cell, readAll, type RegisterFilter, type RegisterRecord } from '../../../../platform/registers/index.js';
import { registerListKey } from '../../queries.js';
import { usePeople, useRegisterSite } from '../../useRegisterContext.js';

/** Records expiring within this many days are listed (and counted on Home). */
export const EXPIRY_WINDOW_DAYS = 60;
/** `?person=<upn>`: whose details the page shows (those who read everyone's records). */
export const PERSON_PARAM = 'person';
/** `?show=expiring`: the page opens at the records expiring soon (Home's link). */
export const SHOW_PARAM = 'show';

export interface Requirement {
  readonly id: string;
  readonly role: string;
  readonly competence: string;
  readonly level: string | null;
  readonly evidence: string | null;
  readonly renewalMonths: number | null;
  readonly mandatory: boolean;
}

export interface CompetenceRecord {
  readonly id: string;
  readonly ref: string | null;
  readonly title: string;
  /** Lower-case UPN of the record's person. */
  readonly personId: string;
  readonly requirementId: string | null;
  readonly status: string;
  readonly completedOn: string | null;
  readonly expiresOn: string | null;
}

export interface PersonCompetence {
  /** Lower-case UPN. */
  readonly id: string;
  readonly name: string;
  /** SMS Roles `Role` values in force today. */
  readonly roles: readonly string[];
  readonly gaps: readonly Gap<Requirement, CompetenceRecord>[];
}

const lower = (v: string | null) => (v ?? '').trim().toLowerCase();

export const requirementOf = (r: RegisterRecord): Requirement => ({
  id: r.id,
  role: cell.text(r.values.Role) ?? '',
  competence: cell.text(r.values.Competence) ?? cell.text(r.values.Title) ?? '',
  level: cell.text(r.values.RequiredLevel),
  evidence: cell.text(r.values.EvidenceExpected),
  renewalMonths: cell.number(r.values.RenewalMonths),
  mandatory: cell.boolean(r.values.Mandatory) === true,
});

export const competenceRecordOf = (r: RegisterRecord): CompetenceRecord => ({
  id: r.id,
  ref: cell.text(r.values.Ref),
  title: cell.text(r.values.Title) ?? '',
  personId: lower(cell.text(r.values.PersonUPN)),
  requirementId: cell.text(r.values.Requirement),
  status: cell.text(r.values.Status) ?? '',
  completedOn: cell.text(r.values.CompletedOn),
  expiresOn: cell.text(r.values.ExpiresOn),
});

/** Each person's SMS roles in force on `today` (ValidFrom ≤ today ≤ ValidTo, open ends allowed), by lower-case UPN. */
export function rolesInForce(rows: readonly RegisterRecord[], today: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const r of rows) {
    const from = cell.text(r.values.ValidFrom);
    const to = cell.text(r.values.ValidTo);
    const upn = lower(cell.text(r.values.PersonUPN));
    const role = cell.text(r.values.Role);
    if (!upn || !role || (from !== null && from > today) || (to !== null && to < today)) continue;
    const held = out.get(upn) ?? [];
    if (!held.includes(role)) held.push(role);
    out.set(upn, held);
  }
  return out;
}

/**
 * All items of one of the competence lists (everyone's), or one person's (`PersonUPN eq <upn>`: the indexed
 * column, so it holds on the large Competence Records list), under the list's query key: a write refreshes it.
 */
const listQuery = (client: GraphClient, siteId: string, schema: SmsListSchema, columns: readonly string[], timeZone: string, upn: string | null) =>
  queryOptions({
    queryKey: [...registerListKey(siteId, { schema }), 'items', 'competence', upn ?? 'everyone'],
    queryFn: ({ signal }) => {
      const filters: RegisterFilter[] = upn ? [{ column: 'PersonUPN', op: 'eq', value: upn }] : [];
      return readAll(client, siteId, { schema, columns, toRow: (r) => r }, { filters, sort: null, timeZone }, { signal });
    },
    staleTime: 60_000,
  });

/**
 * The competence view's data: requirements per role, competence records and SMS role appointments (everyone's
 * for top management, the SMS manager and internal auditors, else the signed-in person's own), each person's gaps
 * (`competenceGaps`), the records expiring within 60 days (`expiringWithin`), and the shown person's policy
 * acknowledgements (awareness evidence, read with `loadMyAcknowledgements`).
 */
export function useCompetence() {
  const site = useRegisterSite();
  const { client, siteId, timeZone } = site;
  const { roles, error: rolesError } = useRoles();
  const me = useQuery(meQuery(client));
  const people = usePeople(client, siteId);
  const [params] = useSearchParams();
  const myUpn = me.data?.userPrincipalName?.toLowerCase() ?? null;
  const everyone = roles !== null && readsEveryonesCompetence(roles);
  const scope = everyone ? null : myUpn;
  const ready = siteId !== null && roles !== null && (everyone || myUpn !== null);
  const today = siteDateOf(new Date(), timeZone) ?? new Date().toISOString().slice(0, 10);

  const requirementsQ = useQuery({
    ...listQuery(client, siteId ?? '', roleCompetenceRequirements, ['Title', 'Role', 'Competence', 'RequiredLevel', 'EvidenceExpected', 'RenewalMonths', 'Mandatory'], timeZone, null),
    enabled: ready,
  });
  const recordsQ = useQuery({
    ...listQuery(client, siteId ?? '', competenceRecords, ['Ref', 'Title', 'Status', 'PersonUPN', 'Requirement', 'CompletedOn', 'ExpiresOn'], timeZone, scope),
    enabled: ready,
  });
  const rolesQ = useQuery({ ...listQuery(client, siteId ?? '', smsRoles, ['PersonUPN', 'Role', 'ValidFrom', 'ValidTo'], timeZone, scope), enabled: ready });

  const requested = params.get(PERSON_PARAM)?.trim().toLowerCase() || null;
  const shownPerson = everyone ? requested : myUpn;
  const acks = useQuery({
    queryKey: ['sites', siteId ?? '', 'acknowledgements', 'person', shownPerson ?? '', today],
    queryFn: ({ signal }) => loadMyAcknowledgements(client, { siteId: siteId!, listIds: {} }, shownPerson!, { today, timeZone, signal }),
    enabled: siteId !== null && shownPerson !== null,
  });

  const requirements = useMemo(() => (requirementsQ.data ?? []).map(requirementOf), [requirementsQ.data]);
  const records = useMemo(() => (recordsQ.data ?? []).map(competenceRecordOf), [recordsQ.data]);
  const rolesByPerson = useMemo(() => rolesInForce(rolesQ.data ?? [], today), [rolesQ.data, today]);
  const nameOf = (upn: string) => people.data?.nameOf(upn) ?? upn;
  const persons = useMemo<PersonCompetence[]>(
    () =>
      [...rolesByPerson.entries()]
        .map(([id, held]) => ({ id, name: people.data?.nameOf(id) ?? id, roles: held, gaps: competenceGaps({ id, roles: held }, requirements, records, today) }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    [rolesByPerson, requirements, records, today, people.data],
  );
  const expiring = useMemo(() => expiringWithin(records, today, EXPIRY_WINDOW_DAYS), [records, today]);
  const shown = shownPerson ? (persons.find((p) => p.id === shownPerson) ?? { id: shownPerson, name: nameOf(shownPerson), roles: [], gaps: [] }) : null;

  const queries = [requirementsQ, recordsQ, rolesQ, people];
  const failed = queries.find((q) => q.isError);
  return {
    everyone,
    today,
    timeZone,
    error: site.error ?? rolesError ?? me.error ?? failed?.error ?? null,
    retry: () => {
      site.retry();
      for (const q of [...queries, me]) if (q.isError) void q.refetch();
    },
    isLoading: !requirementsQ.data || !recordsQ.data || !rolesQ.data || !people.data,
    requirements,
    records,
    persons,
    expiring,
    nameOf,
    requirementName: (id: string | null) => requirements.find((r) => r.id === id)?.competence ?? null,
    shown,
    acknowledgements: acks,
    showExpiring: params.get(SHOW_PARAM) === 'expiring',
  };
}

export type CompetenceState = ReturnType<typeof useCompetence>;
