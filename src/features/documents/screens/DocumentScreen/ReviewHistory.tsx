import { useId } from 'react';
import { Body1 } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../../app/errors/ErrorMessage.js';
import { Loading } from '../../../../app/shell/Loading.js';
import { DataTable } from '../../../../ui/DataTable.js';
import { keyOf, VERSION_STATUS_KEYS } from '../../i18n/labels.js';
import { reviewHistoryQuery } from '../../queries.js';
import type { DocumentServices, DocumentSnapshot, ReviewedVersion, ReviewRound } from '../../services/index.js';
import { useDocumentScreenStyles } from './DocumentScreen.styles.js';
import { useDateTimeFormat } from '../../../../ui/dateFormat.js';
import { useDecisionColumns } from './VersionHistory.js';

/**
 * The review history of the document, per version, newest first: each submission with the note typed
 * for the reviewers, and every review and approval decision with its comment, who recorded it and
 * when. It stays after publication. Parts the user may not read (decisions, notes) are said to be
 * hidden, never shown as an error.
 */
export function ReviewHistory({ services, snapshot }: { services: DocumentServices; snapshot: DocumentSnapshot }) {
  const { t } = useTranslation();
  const history = useQuery(reviewHistoryQuery(services, snapshot));
  if (history.isError) return <ErrorMessage error={history.error} context={t('documents.detail.reviews.error')} onRetry={() => void history.refetch()} />;
  if (!history.data) return <Loading label={t('documents.detail.reviews.loading')} />;
  const { versions, decisionsHidden, notesHidden } = history.data;
  return (
    <>
      {decisionsHidden && <Body1 block as="p">{t('documents.detail.reviews.decisionsHidden')}</Body1>}
      {notesHidden && <Body1 block as="p">{t('documents.detail.reviews.notesHidden')}</Body1>}
      {versions.length === 0 ? <Body1 block as="p">{t('documents.detail.reviews.none')}</Body1> : versions.map((v) => <ReviewedVersionPart key={v.release.itemId} services={services} version={v} />)}
    </>
  );
}

function ReviewedVersionPart({ services, version }: { services: DocumentServices; version: ReviewedVersion }) {
  const { t } = useTranslation();
  const styles = useDocumentScreenStyles();
  const id = useId();
  const status = keyOf(VERSION_STATUS_KEYS, version.release.versionStatus);
  return (
    <section aria-labelledby={id}>
      <h3 id={id} className={styles.sectionHeading}>
        {t('documents.detail.reviews.version', { version: version.label, status: status ? t(status) : version.release.versionStatus })}
      </h3>
      {version.rounds.map((r, i) => (
        <RoundPart key={r.round} services={services} label={version.label} round={r} closed={i < version.rounds.length - 1 || version.release.versionStatus !== 'In review'} />
      ))}
    </section>
  );
}

/** One submission; `closed` when it no longer waits for decisions (a later submission, or the version left review). */
function RoundPart({ services, label, round, closed }: { services: DocumentServices; label: string; round: ReviewRound; closed: boolean }) {
  const { t } = useTranslation();
  const when = useDateTimeFormat();
  const columns = useDecisionColumns(services, { closed, recordedBy: true });
  return (
    <>
      <Body1 block as="p">
        <strong>{t('documents.detail.reviews.submission', { round: round.round })}</strong>
        {' · '}
        {round.submittedOn ? t('documents.detail.reviews.submittedBy', { name: round.submittedBy ? services.people.nameOf(round.submittedBy) : '—', date: when(round.submittedOn) }) : t('documents.detail.reviews.submittedUnknown')}
      </Body1>
      {round.submittedOn && <Body1 block as="p">{round.note ? t('documents.detail.reviews.note', { note: round.note }) : t('documents.detail.reviews.noNote')}</Body1>}
      <DataTable
        label={t('documents.detail.reviews.decisionsLabel', { version: label, round: round.round })}
        columns={columns}
        rows={round.decisions}
        rowKey={(a) => a.itemId}
        empty={t('documents.detail.reviews.noDecisions')}
      />
    </>
  );
}
