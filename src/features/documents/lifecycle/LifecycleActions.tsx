import { useState } from 'react';
import { Body1, Field, ProgressBar, Radio, RadioGroup, Textarea } from '@fluentui/react-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { documentTransition } from '../../../domain/documents/lifecycle.js';
import { samePerson } from '../../../domain/documents/types.js';
import {
  archiveMutation,
  completeRoundMutation,
  publishMutation,
  reviewNoChangeMutation,
  startRevisionMutation,
  submitMutation,
  uploadDraftMutation,
  withdrawMutation,
} from '../mutations.js';
import { canEditDraftNow, fileKindOf, offeredActions, transitionContext, type DocumentServices, type DocumentSnapshot, type FileInput, type UploadProgress } from '../services/index.js';
import { refuse } from '../../../domain/documents/results.js';
import { ActionDialog } from './ActionDialog.js';
import { ApprovalDialog } from './ApprovalDialog.js';
import { EditMetadataDialog } from './EditMetadataDialog.js';
import { useLifecycleStyles } from './Lifecycle.styles.js';
import { readFileBytes } from './readFile.js';

export interface LifecycleActionsProps {
  services: DocumentServices;
  snapshot: DocumentSnapshot;
  reload(): Promise<DocumentSnapshot>;
}

/**
 * The lifecycle steps the signed-in user may take on this document now, each in a dialog. Which
 * steps show is asked of the rules (`offeredActions`, a dry run); every step is checked by the
 * rules again when it runs, so a hidden step is also refused if called some other way.
 */
export function LifecycleActions({ services, snapshot, reload }: LifecycleActionsProps) {
  const { t } = useTranslation();
  const styles = useLifecycleStyles();
  const offered = offeredActions(services, snapshot.state, snapshot.approvals);
  const docId = snapshot.state.docId;
  const mine = snapshot.draftRelease?.versionStatus === 'In review' ? snapshot.approvals.find((a) => a.decision === 'Pending' && samePerson(a.assigneeId, services.me.id)) : undefined;
  const editable = canEditDraftNow(services.me, snapshot.state);
  const any = offered.size > 0 || mine !== undefined || editable;
  if (!any) return null;
  return (
    <div className={styles.actions} role="group" aria-label={t('documents.lifecycle.actionsLabel')}>
      {mine && <ApprovalDialog services={services} snapshot={snapshot} approval={mine} />}
      {offered.has('submit') && <SubmitDialog services={services} snapshot={snapshot} />}
      {offered.has('completeRound') && <CompleteRoundDialog services={services} docId={docId} />}
      {offered.has('publish') && <PublishDialog services={services} docId={docId} />}
      {editable && <EditMetadataDialog services={services} snapshot={snapshot} reload={reload} />}
      {editable && <DraftUploadDialog services={services} snapshot={snapshot} mode="upload" />}
      {offered.has('startRevision') && <DraftUploadDialog services={services} snapshot={snapshot} mode="revise" />}
      {offered.has('reviewNoChange') && <ReasonDialog services={services} snapshot={snapshot} kind="review" />}
      {offered.has('withdraw') && <ReasonDialog services={services} snapshot={snapshot} kind="withdraw" />}
      {offered.has('archive') && <ReasonDialog services={services} snapshot={snapshot} kind="archive" />}
    </div>
  );
}

function SubmitDialog({ services, snapshot }: { services: DocumentServices; snapshot: DocumentSnapshot }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const submit = useMutation(submitMutation(services, queryClient));
  const [comment, setComment] = useState('');
  return (
    <ActionDialog
      primary
      triggerLabel={t('documents.lifecycle.submit.trigger')}
      title={t('documents.lifecycle.submit.title', { docId: snapshot.state.docId })}
      confirmLabel={t('documents.lifecycle.submit.confirm')}
      nameOf={(id) => services.people.nameOf(id)}
      description={<Body1 as="p">{t('documents.lifecycle.submit.body', { approver: snapshot.state.approverIds.map((id) => services.people.nameOf(id)).join(', ') || '—' })}</Body1>}
      precheck={() => {
        const r = documentTransition(snapshot.state, { type: 'submit', comment }, services.me, transitionContext(services));
        return r.ok ? null : r;
      }}
      run={() => submit.mutateAsync({ docId: snapshot.state.docId, comment: comment.trim() || undefined })}
      onReset={() => setComment('')}
    >
      {({ busy }) => (
        <Field label={t('documents.lifecycle.submit.comment')}>
          <Textarea value={comment} disabled={busy} onChange={(_, d) => setComment(d.value)} />
        </Field>
      )}
    </ActionDialog>
  );
}

function PublishDialog({ services, docId }: { services: DocumentServices; docId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const publish = useMutation(publishMutation(services, queryClient));
  return (
    <ActionDialog
      primary
      triggerLabel={t('documents.lifecycle.publish.trigger')}
      title={t('documents.lifecycle.publish.title', { docId })}
      confirmLabel={t('documents.lifecycle.publish.confirm')}
      description={<Body1 as="p">{t('documents.lifecycle.publish.body')}</Body1>}
      run={() => publish.mutateAsync({ docId })}
    />
  );
}

/** Finishes a review whose decisions are all in while the document is still In review (an earlier step failed). */
function CompleteRoundDialog({ services, docId }: { services: DocumentServices; docId: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const complete = useMutation(completeRoundMutation(services, queryClient));
  return (
    <ActionDialog
      primary
      triggerLabel={t('documents.lifecycle.complete.trigger')}
      title={t('documents.lifecycle.complete.title', { docId })}
      confirmLabel={t('documents.lifecycle.complete.confirm')}
      description={<Body1 as="p">{t('documents.lifecycle.complete.body')}</Body1>}
      run={() => complete.mutateAsync({ docId })}
    />
  );
}

/** "Upload new draft" (Draft / Under revision) or "Start revision" (Published): file, change summary. */
function DraftUploadDialog({ services, snapshot, mode }: { services: DocumentServices; snapshot: DocumentSnapshot; mode: 'upload' | 'revise' }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const revise = useMutation(startRevisionMutation(services, queryClient));
  const upload = useMutation(uploadDraftMutation(services, queryClient));
  const [revision, setRevision] = useState<'minor' | 'major'>('minor');
  const [summary, setSummary] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const expected = fileKindOf(snapshot.file.name);

  async function input(): Promise<FileInput | null> {
    return file ? { name: file.name, bytes: await readFileBytes(file) } : null;
  }

  return (
    <ActionDialog
      triggerLabel={mode === 'revise' ? t('documents.lifecycle.revise.trigger') : t('documents.lifecycle.upload.trigger')}
      title={mode === 'revise' ? t('documents.lifecycle.revise.title', { docId: snapshot.state.docId }) : t('documents.lifecycle.upload.title', { docId: snapshot.state.docId })}
      confirmLabel={mode === 'revise' ? t('documents.lifecycle.revise.confirm') : t('documents.lifecycle.upload.confirm')}
      description={<Body1 as="p">{mode === 'revise' ? t('documents.lifecycle.revise.body') : t('documents.lifecycle.upload.body')}</Body1>}
      precheck={() => {
        const problem = mode === 'upload' && !file ? t('documents.lifecycle.new.fileRequired') : file && fileKindOf(file.name) !== expected ? t('documents.lifecycle.upload.sameType', { name: snapshot.file.name }) : null;
        setFileError(problem);
        const noSummary = !summary.trim();
        if (!problem && !noSummary) return null;
        return refuse('metadataIncomplete', 'Complete the details first.', noSummary ? [{ field: 'changeSummary', code: 'changeSummary.required', message: 'Summarise what changed in this version.' }] : []);
      }}
      run={async () => {
        const f = await input();
        if (mode === 'revise') await revise.mutateAsync({ docId: snapshot.state.docId, revision, upload: { changeSummary: summary.trim(), file: f, onProgress: setProgress } });
        else if (f) await upload.mutateAsync({ docId: snapshot.state.docId, upload: { changeSummary: summary.trim(), file: f, onProgress: setProgress } });
      }}
      onReset={() => {
        setSummary('');
        setFile(null);
        setProgress(null);
        setFileError(null);
      }}
    >
      {({ fieldError, busy }) => (
        <>
          {mode === 'revise' && (
            <Field label={t('documents.lifecycle.revise.kind')}>
              <RadioGroup value={revision} disabled={busy} onChange={(_, d) => setRevision(d.value as 'minor' | 'major')}>
                <Radio value="minor" label={t('documents.lifecycle.revise.minor')} />
                <Radio value="major" label={t('documents.lifecycle.revise.major')} />
              </RadioGroup>
            </Field>
          )}
          <Field
            label={t('documents.lifecycle.upload.file')}
            required={mode === 'upload'}
            hint={t('documents.lifecycle.upload.fileHint', { name: snapshot.file.name })}
            {...(fileError ? { validationMessage: fileError, validationState: 'error' as const } : {})}
          >
            {(fieldProps) => (
              <input
                {...fieldProps}
                type="file"
                accept={expected === 'docx' ? '.docx' : expected === 'pdf' ? '.pdf' : '.md,.markdown'}
                disabled={busy}
                onChange={(e) => setFile(e.target.files?.[0] ?? null)}
              />
            )}
          </Field>
          <Field
            label={t('documents.lifecycle.form.changeSummary')}
            required
            {...(fieldError('changeSummary') ? { validationMessage: fieldError('changeSummary'), validationState: 'error' as const } : {})}
          >
            <Textarea value={summary} disabled={busy} onChange={(_, d) => setSummary(d.value)} />
          </Field>
          {busy && progress && progress.total > 0 && (
            <Field label={t('documents.lifecycle.new.uploading')} hint={t('documents.lifecycle.new.uploadProgress', { percent: Math.round((progress.uploaded / progress.total) * 100) })}>
              <ProgressBar value={progress.uploaded / progress.total} max={1} />
            </Field>
          )}
        </>
      )}
    </ActionDialog>
  );
}

const REASON_TEXT = {
  review: {
    trigger: 'documents.lifecycle.review.trigger',
    title: 'documents.lifecycle.review.title',
    confirm: 'documents.lifecycle.review.confirm',
    body: 'documents.lifecycle.review.body',
    field: 'documents.lifecycle.review.comment',
  },
  withdraw: {
    trigger: 'documents.lifecycle.withdraw.trigger',
    title: 'documents.lifecycle.withdraw.title',
    confirm: 'documents.lifecycle.withdraw.confirm',
    body: 'documents.lifecycle.withdraw.body',
    field: 'documents.lifecycle.withdraw.reason',
  },
  archive: {
    trigger: 'documents.lifecycle.archive.trigger',
    title: 'documents.lifecycle.archive.title',
    confirm: 'documents.lifecycle.archive.confirm',
    body: 'documents.lifecycle.archive.body',
    field: 'documents.lifecycle.archive.reason',
  },
} as const;

/** Periodic review ("reviewed, no change"), withdrawal and archive: one text field each (a reason is required to withdraw or archive). */
function ReasonDialog({ services, snapshot, kind }: { services: DocumentServices; snapshot: DocumentSnapshot; kind: keyof typeof REASON_TEXT }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const review = useMutation(reviewNoChangeMutation(services, queryClient));
  const withdraw = useMutation(withdrawMutation(services, queryClient));
  const archive = useMutation(archiveMutation(services, queryClient));
  const [text, setText] = useState('');
  const keys = REASON_TEXT[kind];
  const docId = snapshot.state.docId;
  return (
    <ActionDialog
      triggerLabel={t(keys.trigger)}
      title={t(keys.title, { docId })}
      confirmLabel={t(keys.confirm)}
      description={<Body1 as="p">{t(keys.body, { date: snapshot.state.nextReviewDate ?? '—' })}</Body1>}
      precheck={() => {
        if (kind === 'archive') return text.trim() ? null : refuse('reasonRequired', 'Give the reason for archiving.');
        const action = kind === 'review' ? ({ type: 'reviewNoChange', comment: text } as const) : ({ type: 'withdraw', reason: text } as const);
        const r = documentTransition(snapshot.state, action, services.me, transitionContext(services));
        return r.ok ? null : r;
      }}
      run={() =>
        kind === 'review'
          ? review.mutateAsync({ docId, comment: text.trim() })
          : kind === 'withdraw'
            ? withdraw.mutateAsync({ docId, reason: text.trim() })
            : archive.mutateAsync({ docId, reason: text.trim() })
      }
      onReset={() => setText('')}
    >
      {({ fieldError, busy }) => (
        <Field
          label={t(keys.field)}
          required={kind !== 'review'}
          {...(fieldError('reason') ? { validationMessage: fieldError('reason'), validationState: 'error' as const } : {})}
        >
          <Textarea value={text} disabled={busy} onChange={(_, d) => setText(d.value)} />
        </Field>
      )}
    </ActionDialog>
  );
}
