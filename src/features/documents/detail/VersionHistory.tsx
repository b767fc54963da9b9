import { useState } from 'react';
import { Body1, Button, Field, Select, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../app/errors/ErrorMessage.js';
import { ActionDialog } from '../lifecycle/ActionDialog.js';
import { CLASSIFICATION_KEYS, DECISION_KEYS, DOC_STATUS_KEYS, DOC_TYPE_KEYS, keyOf, VERSION_STATUS_KEYS, CHANGE_TYPE_KEYS } from '../lifecycle/labels.js';
import { restoreMutation } from '../mutations.js';
import { compareVersions, COMPARED_FIELDS, DOCUMENT_FILE_TYPES, fileKindOf, lines, versionBytes, type DocumentServices, type DocumentSnapshot, type ReleaseRow, type VersionEntry } from '../services/index.js';
import { useDocumentScreenStyles } from './DocumentScreen.styles.js';
import { saveBytes, versionFileName } from './download.js';
import { useDateTimeFormat } from './format.js';

export interface VersionHistoryProps {
  services: DocumentServices;
  snapshot: DocumentSnapshot;
  versions: readonly VersionEntry[];
  /** Restoring an earlier version as a new draft is offered (the rules allow editing now). */
  canRestore: boolean;
  onView(version: VersionEntry): void;
}

/**
 * The library's versions of the document, newest first: who and when, the release each major
 * version published with its approval, the change summary, and per version: view, download,
 * restore as a new draft (history itself never changes).
 */
export function VersionHistory({ services, snapshot, versions, canRestore, onView }: VersionHistoryProps) {
  const { t } = useTranslation();
  const styles = useDocumentScreenStyles();
  const when = useDateTimeFormat();
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const kind = fileKindOf(snapshot.file.name);
  const type = kind ? DOCUMENT_FILE_TYPES[kind] : 'application/octet-stream';

  async function download(v: VersionEntry) {
    setDownloadError(null);
    try {
      saveBytes(await versionBytes(services, snapshot, v), versionFileName(snapshot.file.name, v.id), type);
    } catch (e) {
      setDownloadError(e);
    }
  }

  return (
    <>
      <div className={styles.tableWrap}>
        <Table aria-label={t('documents.detail.history.label', { docId: snapshot.state.docId })} size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('documents.detail.history.version')}</TableHeaderCell>
              <TableHeaderCell>{t('documents.detail.history.status')}</TableHeaderCell>
              <TableHeaderCell>{t('documents.detail.history.by')}</TableHeaderCell>
              <TableHeaderCell>{t('documents.detail.history.when')}</TableHeaderCell>
              <TableHeaderCell>{t('documents.detail.history.summary')}</TableHeaderCell>
              <TableHeaderCell>{t('documents.detail.history.approval')}</TableHeaderCell>
              <TableHeaderCell>{t('documents.detail.history.actions')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {versions.map((v) => {
              const statusKey = keyOf(DOC_STATUS_KEYS, v.status);
              const approval = v.release?.approvedBy ? t('documents.detail.history.approvedBy', { name: services.people.nameOf(v.release.approvedBy), date: when(v.release.approvedOn) }) : '—';
              return (
                <TableRow key={v.id}>
                  <TableCell>
                    {v.major ? t('documents.detail.history.major', { version: v.id, release: v.releaseLabel ?? v.id }) : t('documents.detail.history.minor', { version: v.id })}
                    {v.current ? ` ${t('documents.detail.history.current')}` : ''}
                  </TableCell>
                  <TableCell>{statusKey ? t(statusKey) : (v.status ?? '—')}</TableCell>
                  <TableCell>{v.modifiedBy ?? '—'}</TableCell>
                  <TableCell>{when(v.modifiedAt)}</TableCell>
                  <TableCell>{v.changeSummary ?? '—'}</TableCell>
                  <TableCell>{approval}</TableCell>
                  <TableCell>
                    <div className={styles.actions}>
                      <Button size="small" onClick={() => onView(v)} aria-label={t('documents.detail.history.viewLabel', { version: v.id })}>
                        {t('documents.detail.history.view')}
                      </Button>
                      <Button size="small" onClick={() => void download(v)} aria-label={t('documents.detail.history.downloadLabel', { version: v.id })}>
                        {t('documents.detail.history.download')}
                      </Button>
                      {canRestore && !v.current && <RestoreDialog services={services} snapshot={snapshot} version={v} />}
                    </div>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </div>
      {downloadError ? <ErrorMessage error={downloadError} context={t('documents.detail.history.downloadError')} /> : null}
    </>
  );
}

function RestoreDialog({ services, snapshot, version }: { services: DocumentServices; snapshot: DocumentSnapshot; version: VersionEntry }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const restore = useMutation(restoreMutation(services, queryClient));
  return (
    <ActionDialog
      triggerLabel={t('documents.detail.history.restore')}
      triggerAriaLabel={t('documents.detail.history.restoreLabel', { version: version.id })}
      title={t('documents.detail.history.restoreTitle', { version: version.id })}
      confirmLabel={t('documents.detail.history.restoreConfirm')}
      description={<Body1 as="p">{t('documents.detail.history.restoreBody', { version: version.id })}</Body1>}
      run={() => restore.mutateAsync({ docId: snapshot.state.docId, versionId: version.id, versionName: version.releaseLabel ?? version.id })}
    />
  );
}

/** The catalog key of each compared column's label (the same labels the metadata form and panel use). */
const COMPARED_FIELD_KEYS = {
  Title: 'documents.lifecycle.form.title',
  DocType: 'documents.lifecycle.form.docType',
  DocStatus: 'documents.detail.history.status',
  OwnerLookupId: 'documents.lifecycle.form.owner',
  ApproverLookupId: 'documents.lifecycle.form.approver',
  ReviewersLookupId: 'documents.lifecycle.form.reviewers',
  ProcessLookupId: 'documents.lifecycle.form.process',
  PrimaryClause: 'documents.lifecycle.form.primaryClause',
  ClauseRefs: 'documents.lifecycle.form.clauseRefs',
  MandatoryItem: 'documents.lifecycle.form.mandatoryItem',
  Classification: 'documents.lifecycle.form.classification',
  PublishedVersion: 'documents.detail.meta.publishedVersion',
  EffectiveDate: 'documents.detail.meta.effectiveDate',
  ReviewCycleMonths: 'documents.lifecycle.form.reviewCycle',
  NextReviewDate: 'documents.detail.meta.nextReviewDate',
  AckRequired: 'documents.detail.compare.fields.ackRequired',
  AckAudienceGroups: 'documents.lifecycle.form.ackAudience',
  AckDueDays: 'documents.lifecycle.form.ackDueDays',
  ExternalOrigin: 'documents.detail.compare.fields.externalOrigin',
  Issuer: 'documents.lifecycle.form.issuer',
  ChangeSummary: 'documents.lifecycle.form.changeSummary',
} as const satisfies Record<(typeof COMPARED_FIELDS)[number], string>;

/** Shows two versions' metadata side by side, only the columns that differ. */
export function CompareVersions({ services, versions, groupName }: { services: DocumentServices; versions: readonly VersionEntry[]; groupName(id: string): string }) {
  const { t } = useTranslation();
  const styles = useDocumentScreenStyles();
  const [left, setLeft] = useState(versions[1]?.id ?? versions[0]?.id ?? '');
  const [right, setRight] = useState(versions[0]?.id ?? '');
  if (versions.length < 2) return <Body1 as="p">{t('documents.detail.compare.needTwo')}</Body1>;
  const a = versions.find((v) => v.id === left);
  const b = versions.find((v) => v.id === right);
  const diffs = a && b ? compareVersions(a, b) : [];
  const fieldLabel = (field: string): string => {
    const key = keyOf(COMPARED_FIELD_KEYS, field);
    return key ? t(key) : field;
  };
  const show = (field: string, value: unknown): string => {
    if (value === undefined || value === null || value === '') return '—';
    const text = typeof value === 'string' ? value : null;
    const choiceKey = field === 'DocType' ? keyOf(DOC_TYPE_KEYS, text) : field === 'DocStatus' ? keyOf(DOC_STATUS_KEYS, text) : field === 'Classification' ? keyOf(CLASSIFICATION_KEYS, text) : null;
    if (choiceKey) return t(choiceKey);
    if (field.endsWith('LookupId') && field !== 'ProcessLookupId') {
      const ids = Array.isArray(value) ? value : [value];
      return ids.map((id) => services.people.byLookupId(id)?.displayName ?? String(id)).join(', ');
    }
    if (field === 'ProcessLookupId') {
      const p = services.people.processes.find((x) => x.id === String(value));
      return p ? `${p.ref} ${p.title}`.trim() : String(value);
    }
    if (field === 'AckAudienceGroups') return lines(value).map(groupName).join(', ') || '—';
    if (Array.isArray(value)) return value.join(', ');
    if (typeof value === 'boolean') return value ? t('documents.detail.compare.yes') : t('documents.detail.compare.no');
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) return value.slice(0, 10);
    return String(value);
  };
  return (
    <>
      <div className={styles.compare}>
        <Field label={t('documents.detail.compare.left')}>
          <Select value={left} onChange={(_, d) => setLeft(d.value)}>
            {versions.map((v) => (
              <option key={v.id} value={v.id}>
                {v.id}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('documents.detail.compare.right')}>
          <Select value={right} onChange={(_, d) => setRight(d.value)}>
            {versions.map((v) => (
              <option key={v.id} value={v.id}>
                {v.id}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {diffs.length === 0 ? (
        <Body1 as="p">{t('documents.detail.compare.same', { left, right })}</Body1>
      ) : (
        <div className={styles.tableWrap}>
          <Table aria-label={t('documents.detail.compare.label', { left, right })} size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('documents.detail.compare.field')}</TableHeaderCell>
                <TableHeaderCell>{t('documents.detail.compare.version', { version: left })}</TableHeaderCell>
                <TableHeaderCell>{t('documents.detail.compare.version', { version: right })}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {diffs.map((d) => (
                <TableRow key={d.field}>
                  <TableCell>{fieldLabel(d.field)}</TableCell>
                  <TableCell>{show(d.field, d.left)}</TableCell>
                  <TableCell>{show(d.field, d.right)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </>
  );
}

/** The release records (document-control versions), those the user may see. */
export function ReleasesTable({ services, releases, hashClass }: { services: DocumentServices; releases: readonly ReleaseRow[]; hashClass: string }) {
  const { t } = useTranslation();
  const when = useDateTimeFormat();
  if (releases.length === 0) return <Body1 as="p">{t('documents.detail.releases.none')}</Body1>;
  return (
    <Table aria-label={t('documents.detail.releases.label')} size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t('documents.detail.history.version')}</TableHeaderCell>
          <TableHeaderCell>{t('documents.detail.history.status')}</TableHeaderCell>
          <TableHeaderCell>{t('documents.detail.releases.changeType')}</TableHeaderCell>
          <TableHeaderCell>{t('documents.detail.history.summary')}</TableHeaderCell>
          <TableHeaderCell>{t('documents.detail.releases.author')}</TableHeaderCell>
          <TableHeaderCell>{t('documents.detail.history.approval')}</TableHeaderCell>
          <TableHeaderCell>{t('documents.detail.releases.published')}</TableHeaderCell>
          <TableHeaderCell>{t('documents.detail.releases.hash')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {[...releases].reverse().map((r) => {
          const status = keyOf(VERSION_STATUS_KEYS, r.versionStatus);
          const change = keyOf(CHANGE_TYPE_KEYS, r.changeType);
          return (
            <TableRow key={r.itemId}>
              <TableCell>{r.versionLabel}</TableCell>
              <TableCell>{status ? t(status) : r.versionStatus}</TableCell>
              <TableCell>{change ? t(change) : (r.changeType ?? '—')}</TableCell>
              <TableCell>{r.changeSummary ?? '—'}</TableCell>
              <TableCell>{r.authorId ? services.people.nameOf(r.authorId) : '—'}</TableCell>
              <TableCell>{r.approvedBy ? t('documents.detail.history.approvedBy', { name: services.people.nameOf(r.approvedBy), date: when(r.approvedOn) }) : '—'}</TableCell>
              <TableCell>{when(r.publishedOn)}</TableCell>
              <TableCell>
                <span className={hashClass}>{r.fileHash ?? '—'}</span>
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}

/** The decisions of the current review round. */
export function ApprovalsTable({ services, snapshot }: { services: DocumentServices; snapshot: DocumentSnapshot }) {
  const { t } = useTranslation();
  const when = useDateTimeFormat();
  if (snapshot.approvals.length === 0) return <Body1 as="p">{t('documents.detail.approvals.none')}</Body1>;
  return (
    <Table aria-label={t('documents.detail.approvals.label')} size="small">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{t('documents.detail.approvals.step')}</TableHeaderCell>
          <TableHeaderCell>{t('documents.detail.approvals.assignee')}</TableHeaderCell>
          <TableHeaderCell>{t('documents.detail.approvals.decision')}</TableHeaderCell>
          <TableHeaderCell>{t('documents.detail.approvals.comment')}</TableHeaderCell>
          <TableHeaderCell>{t('documents.detail.approvals.decidedOn')}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {snapshot.approvals.map((a) => {
          const decision = keyOf(DECISION_KEYS, a.decision);
          return (
            <TableRow key={a.itemId}>
              <TableCell>{a.step === 'Approval' ? t('documents.detail.approvals.approval') : t('documents.detail.approvals.review')}</TableCell>
              <TableCell>{services.people.nameOf(a.assigneeId)}</TableCell>
              <TableCell>{decision ? t(decision) : a.decision}</TableCell>
              <TableCell>{a.comment ?? '—'}</TableCell>
              <TableCell>{when(a.decidedOn)}</TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
