import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { clauseByNumber } from '../../../../../graph/schema/clauses.js';
import { CLASSIFICATION_KEYS, DOC_TYPE_KEYS, keyOf } from '../../i18n/labels.js';
import type { DocumentServices, DocumentSnapshot } from '../../services/index.js';
import { useDocumentScreenStyles } from './DocumentScreen.styles.js';

/** The document's metadata as a description list (what the user sees of the version shown to them). */
export function MetadataPanel({ services, snapshot, groupName }: { services: DocumentServices; snapshot: DocumentSnapshot; groupName(id: string): string }) {
  const { t } = useTranslation();
  const styles = useDocumentScreenStyles();
  const s = snapshot.state;
  const names = (ids: readonly string[]) => ids.map((id) => services.people.nameOf(id)).join(', ') || '—';
  const clause = (c: string) => {
    const found = clauseByNumber(c);
    return found ? `${c} ${found.title}` : c;
  };
  const process = s.processId ? services.people.processes.find((p) => p.id === s.processId) : undefined;
  const typeKey = keyOf(DOC_TYPE_KEYS, s.docType);
  const classKey = keyOf(CLASSIFICATION_KEYS, s.classification);
  const rows: [string, string][] = [
    [t('documents.detail.meta.docId'), s.docId],
    [t('documents.lifecycle.form.docType'), typeKey ? t(typeKey) : s.docType],
    [t('documents.lifecycle.form.owner'), names(s.ownerId ? [s.ownerId] : [])],
    [t('documents.lifecycle.form.approver'), names(s.approverIds)],
    [t('documents.lifecycle.form.reviewers'), names(s.reviewerIds)],
    [t('documents.lifecycle.form.process'), process ? `${process.ref} ${process.title}`.trim() : '—'],
    [t('documents.lifecycle.form.primaryClause'), s.primaryClause ? clause(s.primaryClause) : '—'],
    [t('documents.lifecycle.form.clauseRefs'), s.clauseRefs.map(clause).join('; ') || '—'],
    [t('documents.lifecycle.form.mandatoryItem'), s.mandatoryItem === 'None' ? t('documents.lifecycle.form.none') : s.mandatoryItem],
    [t('documents.lifecycle.form.classification'), classKey ? t(classKey) : s.classification],
    [t('documents.detail.meta.publishedVersion'), s.publishedVersion ?? '—'],
    [t('documents.detail.meta.effectiveDate'), s.effectiveDate ?? '—'],
    [t('documents.lifecycle.form.reviewCycle'), String(s.reviewCycleMonths)],
    [t('documents.detail.meta.nextReviewDate'), s.nextReviewDate ?? '—'],
    [
      t('documents.detail.meta.acknowledgement'),
      s.ackRequired ? t('documents.detail.meta.ackYes', { groups: s.ackAudience.map(groupName).join(', ') || '—', days: s.ackDueDays }) : t('documents.detail.meta.ackNo'),
    ],
    [t('documents.lifecycle.form.changeSummary'), s.changeSummary ?? '—'],
    [t('documents.detail.meta.file'), snapshot.file.name],
  ];
  return (
    <dl className={styles.metadata}>
      {rows.map(([term, value]) => (
        <Fragment key={term}>
          <dt className={styles.term}>{term}</dt>
          <dd className={styles.definition}>{value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}
