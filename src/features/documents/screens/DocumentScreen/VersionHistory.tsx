import { useState } from 'react';
import { Body1, Button, Field, Select } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../../app/errors/ErrorMessage.js';
import { isOneOf } from '../../../../domain/documents/constants.js';
import { DataTable, type DataTableColumn } from '../../../../ui/DataTable.js';
import { saveBytes, versionFileName } from '../../components/DocumentViewer/download.js';
import { CHANGE_TYPE_KEYS, CLASSIFICATION_KEYS, DECISION_KEYS, DOC_STATUS_KEYS, DOC_TYPE_KEYS, keyOf, VERSION_STATUS_KEYS } from '../../i18n/labels.js';
import {
  compareVersions,
  COMPARED_FIELDS,
  COMPARED_PEOPLE_FIELDS,
  DOCUMENT_FILE_TYPES,
  fileKindOf,
  lines,
  releaseDisplayLabel,
  versionBytes,
  type ApprovalRow,
  type DocumentServices,
  type DocumentSnapshot,
  type ReleaseRow,
  type StoryEntry,
  type VersionEntry,
} from '../../services/index.js';
import { RestoreDialog } from './dialogs/RestoreDialog.js';
import { useDocumentScreenStyles } from './DocumentScreen.styles.js';
import { useDateTimeFormat } from '../../../../ui/dateFormat.js';
import { useStoryStateLabel } from './VersionStory.js';

export interface VersionHistoryProps {
  services: DocumentServices;
  snapshot: DocumentSnapshot;
  versions: readonly VersionEntry[];
  /** The document version and state of each revision, by revision id (`versionStory`). */
  story: ReadonlyMap<string, StoryEntry>;
  /** Restoring an earlier version as a new draft is offered (the rules allow editing now). */
  canRestore: boolean;
  onView(version: VersionEntry): void;
}

/**
 * The library's versions (revisions) of the document, newest first: the document version each belongs
 * to and its state (the same label as the header and the content), the revision, who and when, the
 * approval of a published version, the change summary, and per revision: view, download, restore as
 * a new draft (history itself never changes). A revision saved after its version was submitted for
 * review says so.
 */
export function VersionHistory({ services, snapshot, versions, story, canRestore, onView }: VersionHistoryProps) {
  const { t } = useTranslation();
  const stateLabel = useStoryStateLabel();
  const labelOf = (v: VersionEntry) => story.get(v.id)?.label ?? v.releaseLabel ?? v.id;
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

  const columns: DataTableColumn<VersionEntry>[] = [
    {
      key: 'version',
      header: t('documents.detail.history.version'),
      render: (v) => `${labelOf(v)}${v.current ? ` ${t('documents.detail.history.current')}` : ''}`,
    },
    { key: 'revision', header: t('documents.detail.history.revision'), render: (v) => v.id },
    {
      key: 'status',
      header: t('documents.detail.history.status'),
      render: (v) => {
        const entry = story.get(v.id);
        if (!entry) {
          const statusKey = keyOf(DOC_STATUS_KEYS, v.status);
          return statusKey ? t(statusKey) : (v.status ?? '—');
        }
        return `${stateLabel(entry.state)}${entry.changedAfterSubmission ? ` · ${t('documents.detail.history.changedAfterSubmission')}` : ''}`;
      },
    },
    { key: 'by', header: t('documents.detail.history.by'), render: (v) => v.modifiedBy ?? '—' },
    { key: 'when', header: t('documents.detail.history.when'), render: (v) => when(v.modifiedAt) },
    { key: 'summary', header: t('documents.detail.history.summary'), render: (v) => v.changeSummary ?? '—' },
    {
      key: 'approval',
      header: t('documents.detail.history.approval'),
      render: (v) => (v.release?.approvedBy ? t('documents.detail.history.approvedBy', { name: services.people.nameOf(v.release.approvedBy), date: when(v.release.approvedOn) }) : '—'),
    },
    {
      key: 'actions',
      header: t('documents.detail.history.actions'),
      render: (v) => (
        <div className={styles.rowActions}>
          <Button size="small" onClick={() => onView(v)} aria-label={t('documents.detail.history.viewRevisionLabel', { version: labelOf(v), revision: v.id })}>
            {t('documents.detail.history.view')}
          </Button>
          <Button size="small" onClick={() => void download(v)} aria-label={t('documents.detail.history.downloadRevisionLabel', { version: labelOf(v), revision: v.id })}>
            {t('documents.detail.history.download')}
          </Button>
          {canRestore && !v.current && <RestoreDialog services={services} snapshot={snapshot} version={v} label={labelOf(v)} />}
        </div>
      ),
    },
  ];

  return (
    <>
      <DataTable label={t('documents.detail.history.label', { docId: snapshot.state.docId })} columns={columns} rows={versions} rowKey={(v) => v.id} />
      {downloadError ? <ErrorMessage error={downloadError} context={t('documents.detail.history.downloadError')} /> : null}
    </>
  );
}

/** The catalog key of each compared column's label (the same labels the metadata form and panel use). */
const COMPARED_FIELD_KEYS = {
  Title: 'documents.lifecycle.form.title',
  DocType: 'documents.lifecycle.form.docType',
  DocStatus: 'documents.detail.history.status',
  OwnerUPN: 'documents.lifecycle.form.owner',
  ApproverUPN: 'documents.lifecycle.form.approver',
  ReviewersUPN: 'documents.lifecycle.form.reviewers',
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
export function CompareVersions({
  services,
  versions,
  groupName,
  story,
}: {
  services: DocumentServices;
  versions: readonly VersionEntry[];
  groupName(id: string): string;
  /** The document version of each revision (`versionStory`): revisions are then named "1.0, revision 0.3"; absent: by revision. */
  story?: ReadonlyMap<string, StoryEntry>;
}) {
  const { t } = useTranslation();
  const nameOf = (id: string) => {
    const label = story?.get(id)?.label;
    return label ? t('documents.detail.history.versionAndRevision', { version: label, revision: id }) : id;
  };
  const styles = useDocumentScreenStyles();
  const [left, setLeft] = useState(versions[1]?.id ?? versions[0]?.id ?? '');
  const [right, setRight] = useState(versions[0]?.id ?? '');
  if (versions.length < 2) return <Body1 as="p">{t('documents.detail.compare.needTwo')}</Body1>;
  const a = versions.find((v) => v.id === left);
  const b = versions.find((v) => v.id === right);
  const diffs = a && b ? compareVersions(a, b, services.people) : [];
  const fieldLabel = (field: string): string => {
    const key = keyOf(COMPARED_FIELD_KEYS, field);
    return key ? t(key) : field;
  };
  const show = (field: string, value: unknown): string => {
    if (isOneOf(COMPARED_PEOPLE_FIELDS, field)) {
      // Person ids (UPNs) named from the directory; someone it does not know by their UPN.
      const ids = Array.isArray(value) ? value.map(String) : value ? [String(value)] : [];
      return ids.map((id) => services.people.nameOf(id)).join(', ') || '—';
    }
    if (value === undefined || value === null || value === '') return '—';
    const text = typeof value === 'string' ? value : null;
    const choiceKey = field === 'DocType' ? keyOf(DOC_TYPE_KEYS, text) : field === 'DocStatus' ? keyOf(DOC_STATUS_KEYS, text) : field === 'Classification' ? keyOf(CLASSIFICATION_KEYS, text) : null;
    if (choiceKey) return t(choiceKey);
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
        <VersionSelect label={t('documents.detail.compare.left')} versions={versions} value={left} onChange={setLeft} nameOf={nameOf} />
        <VersionSelect label={t('documents.detail.compare.right')} versions={versions} value={right} onChange={setRight} nameOf={nameOf} />
      </div>
      {diffs.length === 0 ? (
        <Body1 as="p">{t('documents.detail.compare.same', { left: nameOf(left), right: nameOf(right) })}</Body1>
      ) : (
        <DataTable
          label={t('documents.detail.compare.label', { left: nameOf(left), right: nameOf(right) })}
          rows={diffs}
          rowKey={(d) => d.field}
          columns={[
            { key: 'field', header: t('documents.detail.compare.field'), render: (d) => fieldLabel(d.field) },
            { key: 'left', header: t('documents.detail.compare.version', { version: nameOf(left) }), render: (d) => show(d.field, d.left) },
            { key: 'right', header: t('documents.detail.compare.version', { version: nameOf(right) }), render: (d) => show(d.field, d.right) },
          ]}
        />
      )}
    </>
  );
}

/** The release records (document-control versions), those the user may see, newest first. */
export function ReleasesTable({ services, releases }: { services: DocumentServices; releases: readonly ReleaseRow[] }) {
  const { t } = useTranslation();
  const styles = useDocumentScreenStyles();
  const when = useDateTimeFormat();
  const columns: DataTableColumn<ReleaseRow>[] = [
    { key: 'version', header: t('documents.detail.history.version'), render: (r) => releaseDisplayLabel(r) },
    {
      key: 'status',
      header: t('documents.detail.history.status'),
      render: (r) => {
        const status = keyOf(VERSION_STATUS_KEYS, r.versionStatus);
        return status ? t(status) : r.versionStatus;
      },
    },
    {
      key: 'changeType',
      header: t('documents.detail.releases.changeType'),
      render: (r) => {
        const change = keyOf(CHANGE_TYPE_KEYS, r.changeType);
        return change ? t(change) : (r.changeType ?? '—');
      },
    },
    { key: 'summary', header: t('documents.detail.history.summary'), render: (r) => r.changeSummary ?? '—' },
    { key: 'author', header: t('documents.detail.releases.author'), render: (r) => (r.authorId ? services.people.nameOf(r.authorId) : '—') },
    {
      key: 'approval',
      header: t('documents.detail.history.approval'),
      render: (r) => (r.approvedBy ? t('documents.detail.history.approvedBy', { name: services.people.nameOf(r.approvedBy), date: when(r.approvedOn) }) : '—'),
    },
    { key: 'published', header: t('documents.detail.releases.published'), render: (r) => when(r.publishedOn) },
    { key: 'hash', header: t('documents.detail.releases.hash'), render: (r) => <span className={styles.hash}>{r.fileHash ?? '—'}</span> },
  ];
  return <DataTable label={t('documents.detail.releases.label')} columns={columns} rows={[...releases].reverse()} rowKey={(r) => r.itemId} empty={t('documents.detail.releases.none')} />;
}

/**
 * The columns of a table of review and approval decisions: step, assignee, decision, comment, (who
 * recorded it, per the server's stamp,) and when. `closed`: a round that no longer waits, whose
 * Pending decisions read "not decided".
 */
export function useDecisionColumns(services: DocumentServices, opts: { closed?: boolean; recordedBy?: boolean } = {}): DataTableColumn<ApprovalRow>[] {
  const { t } = useTranslation();
  const when = useDateTimeFormat();
  return [
    { key: 'step', header: t('documents.detail.approvals.step'), render: (a) => (a.step === 'Approval' ? t('documents.detail.approvals.approval') : t('documents.detail.approvals.review')) },
    { key: 'assignee', header: t('documents.detail.approvals.assignee'), render: (a) => services.people.nameOf(a.assigneeId) },
    {
      key: 'decision',
      header: t('documents.detail.approvals.decision'),
      render: (a) => {
        if (opts.closed && a.decision === 'Pending') return t('documents.detail.reviews.notDecided');
        const decision = keyOf(DECISION_KEYS, a.decision);
        return decision ? t(decision) : a.decision;
      },
    },
    { key: 'comment', header: t('documents.detail.approvals.comment'), render: (a) => a.comment ?? '—' },
    ...(opts.recordedBy
      ? [{ key: 'decidedBy', header: t('documents.detail.reviews.decidedBy'), render: (a: ApprovalRow) => (a.decision !== 'Pending' && a.decidedBy ? services.people.nameOf(a.decidedBy) : '—') }]
      : []),
    { key: 'decidedOn', header: t('documents.detail.approvals.decidedOn'), render: (a) => when(a.decidedOn) },
  ];
}

/** The decisions of the current review round. */
export function ApprovalsTable({ services, snapshot }: { services: DocumentServices; snapshot: DocumentSnapshot }) {
  const { t } = useTranslation();
  const columns = useDecisionColumns(services);
  return <DataTable label={t('documents.detail.approvals.label')} columns={columns} rows={snapshot.approvals} rowKey={(a) => a.itemId} empty={t('documents.detail.approvals.none')} />;
}

/** One side of the comparison: a revision, named by its document version and revision (`nameOf`). */
function VersionSelect({ label, versions, value, onChange, nameOf }: { label: string; versions: readonly VersionEntry[]; value: string; onChange: (id: string) => void; nameOf: (id: string) => string }) {
  return (
    <Field label={label}>
      <Select value={value} onChange={(_, d) => onChange(d.value)}>
        {versions.map((v) => (
          <option key={v.id} value={v.id}>
            {nameOf(v.id)}
          </option>
        ))}
      </Select>
    </Field>
  );
}
