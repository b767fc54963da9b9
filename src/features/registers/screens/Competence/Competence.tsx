import { useEffect, useId, useRef, type ReactNode } from 'react';
import { Body1, Caption1 } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../../app/errors/ErrorMessage.js';
import { Loading } from '../../../../app/shell/Loading.js';
import { RouterLink } from '../../../../app/shell/RouterLink.js';
import { ScreenHeading } from '../../../../app/shell/ScreenHeading.js';
import type { GapReason } from '../../../../domain/registers/competence.js';
import { daysBetween } from '../../../../domain/documents/dates.js';
import { documentPath } from '../../../../platform/paths.js';
import { siteDateOf } from '../../../../platform/clock.js';
import { DataTable, type DataTableColumn } from '../../../../ui/DataTable.js';
import { statusLabel } from '../../i18n/labels.js';
import { competencePath, recordPath, registerListPath } from '../../services/paths.js';
import { useCompetenceStyles } from './Competence.styles.js';
import { PERSON_PARAM, useCompetence, type CompetenceRecord, type CompetenceState, type PersonCompetence, type Requirement } from './useCompetence.js';

const GAP_KEYS: Readonly<Record<GapReason, 'registers.competence.gap.missing' | 'registers.competence.gap.inProgress' | 'registers.competence.gap.expired'>> = {
  missing: 'registers.competence.gap.missing',
  inProgress: 'registers.competence.gap.inProgress',
  expired: 'registers.competence.gap.expired',
};

/**
 * `/registers/competence`: competence and awareness (clauses 7.2, 7.3). Requirements per SMS role, the
 * competence records, each person's gaps against the roles they hold in SMS Roles, the records expiring within
 * 60 days, and a person's policy acknowledgements as awareness evidence. Top management, the SMS manager and
 * internal auditors see everyone (§6.2); others see their own records, gaps and acknowledgements.
 */
export function Competence() {
  const { t } = useTranslation();
  const styles = useCompetenceStyles();
  const state = useCompetence();
  return (
    <div className={styles.root}>
      <ScreenHeading>{t('registers.competence.title')}</ScreenHeading>
      <Body1 as="p" className={styles.intro}>
        {state.everyone ? t('registers.competence.intro') : t('registers.competence.introMine')}
      </Body1>
      {state.error ? (
        <ErrorMessage error={state.error} context={t('registers.competence.error')} onRetry={state.retry} />
      ) : state.isLoading ? (
        <Loading label={t('registers.competence.loading')} />
      ) : (
        <>
          <Expiring state={state} />
          {state.everyone && <Gaps state={state} />}
          {state.shown && <PersonPanel state={state} person={state.shown} />}
          <Requirements state={state} />
          {state.everyone && <Records state={state} />}
        </>
      )}
    </div>
  );
}

function Section({ title, children, focusOnShow }: { title: string; children: ReactNode; focusOnShow?: boolean }) {
  const styles = useCompetenceStyles();
  const id = useId();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!focusOnShow) return;
    ref.current?.focus();
    ref.current?.scrollIntoView?.({ block: 'start' });
  }, [focusOnShow]);
  return (
    <section className={styles.section} aria-labelledby={id}>
      <h2 id={id} ref={ref} tabIndex={-1} className={styles.heading}>
        {title}
      </h2>
      {children}
    </section>
  );
}

function recordLink(r: CompetenceRecord) {
  return <RouterLink to={recordPath('competenceRecords', Number(r.id))}>{r.ref ?? r.title}</RouterLink>;
}

function Expiring({ state }: { state: CompetenceState }) {
  const { t } = useTranslation();
  const styles = useCompetenceStyles();
  const columns: DataTableColumn<CompetenceRecord>[] = [
    { key: 'ref', header: t('registers.competence.col.ref'), render: recordLink, cellClassName: styles.nowrap },
    { key: 'person', header: t('registers.competence.col.person'), render: (r) => state.nameOf(r.personId) },
    { key: 'competence', header: t('registers.competence.col.competence'), render: (r) => state.requirementName(r.requirementId) ?? r.title },
    { key: 'expires', header: t('registers.competence.col.expires'), render: (r) => r.expiresOn ?? '', cellClassName: styles.nowrap },
    { key: 'left', header: t('registers.competence.col.daysLeft'), render: (r) => t('registers.competence.daysLeft', { count: daysBetween(state.today, r.expiresOn!) }), cellClassName: styles.nowrap },
  ];
  return (
    <Section title={t('registers.competence.expiring.title')} focusOnShow={state.showExpiring}>
      <DataTable className={styles.table} label={t('registers.competence.expiring.title')} columns={columns} rows={state.expiring} rowKey={(r) => r.id} empty={t('registers.competence.expiring.none')} />
    </Section>
  );
}

function GapList({ person }: { person: PersonCompetence }) {
  const { t } = useTranslation();
  const styles = useCompetenceStyles();
  if (person.gaps.length === 0) return <span className={styles.none}>{t('registers.competence.gaps.none')}</span>;
  return (
    <ul className={styles.gaps}>
      {person.gaps.map((g) => (
        <li key={g.requirement.id} className={styles.gap}>
          {t(GAP_KEYS[g.reason], { competence: g.requirement.competence })}
        </li>
      ))}
    </ul>
  );
}

function Gaps({ state }: { state: CompetenceState }) {
  const { t } = useTranslation();
  const styles = useCompetenceStyles();
  const columns: DataTableColumn<PersonCompetence>[] = [
    {
      key: 'person',
      header: t('registers.competence.col.person'),
      render: (p) => (
        <RouterLink to={`${competencePath()}?${new URLSearchParams({ [PERSON_PARAM]: p.id }).toString()}`} aria-label={t('registers.competence.person.show', { name: p.name })}>
          {p.name}
        </RouterLink>
      ),
    },
    { key: 'roles', header: t('registers.competence.col.roles'), render: (p) => p.roles.join(', ') },
    { key: 'gaps', header: t('registers.competence.col.gaps'), render: (p) => <GapList person={p} /> },
  ];
  return (
    <Section title={t('registers.competence.gaps.title')}>
      <Caption1 as="p" className={styles.note}>
        {t('registers.competence.gaps.caption')} {t('registers.competence.gaps.summary', { people: state.persons.length, withGaps: state.persons.filter((p) => p.gaps.length > 0).length })}
      </Caption1>
      <DataTable className={styles.table} label={t('registers.competence.gaps.title')} columns={columns} rows={state.persons} rowKey={(p) => p.id} />
    </Section>
  );
}

/** One person: their roles, gaps, records and policy acknowledgements (awareness evidence). */
function PersonPanel({ state, person }: { state: CompetenceState; person: PersonCompetence }) {
  const { t } = useTranslation();
  const styles = useCompetenceStyles();
  const acks = state.acknowledgements;
  const acknowledged = (acks.data?.views ?? []).filter((v) => v.status === 'Acknowledged');
  const open = (acks.data?.views ?? []).filter((v) => v.status === 'Pending' || v.status === 'Overdue').length;
  const ackColumns: DataTableColumn<(typeof acknowledged)[number]>[] = [
    { key: 'doc', header: t('registers.competence.col.document'), render: (v) => <RouterLink to={documentPath(v.request.docId)}>{`${v.request.docId} ${v.request.docTitle}`}</RouterLink> },
    { key: 'version', header: t('registers.competence.col.version'), render: (v) => v.request.versionLabel },
    { key: 'on', header: t('registers.competence.col.acknowledgedOn'), render: (v) => (v.acknowledgedAt ? (siteDateOf(v.acknowledgedAt, state.timeZone) ?? '') : ''), cellClassName: styles.nowrap },
  ];
  const own = state.records.filter((r) => r.personId === person.id);
  return (
    <Section title={t('registers.competence.person.heading', { name: person.name })}>
      <div className={styles.person}>
        <Body1 as="p" className={styles.note}>
          {person.roles.length > 0 ? t('registers.competence.person.roles', { roles: person.roles.join(', ') }) : t('registers.competence.person.noRoles')}
        </Body1>
        <h3 className={styles.subheading}>{t('registers.competence.gaps.title')}</h3>
        <GapList person={person} />
        <h3 className={styles.subheading}>{t('registers.competence.records.title')}</h3>
        <RecordTable state={state} rows={own} label={`${t('registers.competence.records.title')}: ${person.name}`} />
        <h3 className={styles.subheading}>{t('registers.competence.awareness.title')}</h3>
        <Caption1 as="p" className={styles.note}>
          {t('registers.competence.awareness.caption')}
        </Caption1>
        {acks.isError ? (
          <ErrorMessage error={acks.error} context={t('registers.competence.awareness.error')} onRetry={() => void acks.refetch()} />
        ) : !acks.data ? (
          <Loading label={t('registers.competence.loading')} />
        ) : (
          <>
            <DataTable className={styles.table} label={t('registers.competence.awareness.title')} columns={ackColumns} rows={acknowledged} rowKey={(v) => v.request.key} empty={t('registers.competence.awareness.none')} />
            {open > 0 && (
              <Caption1 as="p" className={styles.note}>
                {t('registers.competence.awareness.pending', { count: open })}
              </Caption1>
            )}
          </>
        )}
      </div>
    </Section>
  );
}

function Requirements({ state }: { state: CompetenceState }) {
  const { t } = useTranslation();
  const styles = useCompetenceStyles();
  const yesNo = (b: boolean) => (b ? t('registers.competence.yes') : t('registers.competence.no'));
  const columns: DataTableColumn<Requirement>[] = [
    { key: 'role', header: t('registers.competence.col.role'), render: (r) => <RouterLink to={registerListPath('roleCompetenceRequirements', { Role: r.role })}>{r.role}</RouterLink> },
    { key: 'competence', header: t('registers.competence.col.competence'), render: (r) => <RouterLink to={recordPath('roleCompetenceRequirements', Number(r.id))}>{r.competence}</RouterLink> },
    { key: 'level', header: t('registers.competence.col.level'), render: (r) => r.level ?? '' },
    { key: 'evidence', header: t('registers.competence.col.evidence'), render: (r) => r.evidence ?? '' },
    {
      key: 'renewal',
      header: t('registers.competence.col.renewal'),
      render: (r) => (r.renewalMonths && r.renewalMonths > 0 ? t('registers.competence.renewalMonths', { count: r.renewalMonths }) : t('registers.competence.renewalNever')),
    },
    { key: 'mandatory', header: t('registers.competence.col.mandatory'), render: (r) => yesNo(r.mandatory) },
  ];
  const rows = [...state.requirements].sort((a, b) => a.role.localeCompare(b.role) || a.competence.localeCompare(b.competence));
  return (
    <Section title={t('registers.competence.requirements.title')}>
      <DataTable className={styles.table} label={t('registers.competence.requirements.title')} columns={columns} rows={rows} rowKey={(r) => r.id} empty={t('registers.competence.requirements.none')} />
    </Section>
  );
}

function RecordTable({ state, rows, label }: { state: CompetenceState; rows: readonly CompetenceRecord[]; label: string }) {
  const { t } = useTranslation();
  const styles = useCompetenceStyles();
  const columns: DataTableColumn<CompetenceRecord>[] = [
    { key: 'ref', header: t('registers.competence.col.ref'), render: recordLink, cellClassName: styles.nowrap },
    { key: 'person', header: t('registers.competence.col.person'), render: (r) => state.nameOf(r.personId) },
    { key: 'competence', header: t('registers.competence.col.competence'), render: (r) => state.requirementName(r.requirementId) ?? r.title },
    { key: 'status', header: t('registers.competence.col.status'), render: (r) => statusLabel(t, r.status) },
    { key: 'completed', header: t('registers.competence.col.completed'), render: (r) => r.completedOn ?? '', cellClassName: styles.nowrap },
    { key: 'expires', header: t('registers.competence.col.expires'), render: (r) => r.expiresOn ?? '', cellClassName: styles.nowrap },
  ];
  return <DataTable className={styles.table} label={label} columns={columns} rows={rows} rowKey={(r) => r.id} empty={t('registers.competence.records.none')} />;
}

function Records({ state }: { state: CompetenceState }) {
  const { t } = useTranslation();
  const rows = [...state.records].sort((a, b) => (a.ref ?? '').localeCompare(b.ref ?? ''));
  return (
    <Section title={t('registers.competence.records.title')}>
      <RecordTable state={state} rows={rows} label={t('registers.competence.records.title')} />
    </Section>
  );
}
