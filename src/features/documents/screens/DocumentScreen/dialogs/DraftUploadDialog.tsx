import { useState } from 'react';
import { Body1, Field, ProgressBar, Radio, RadioGroup, Textarea } from '@fluentui/react-components';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { refuse, type Refusal } from '../../../../../domain/documents/results.js';
import { ActionDialog } from '../../../../../ui/ActionDialog.js';
import { readFileBytes } from '../../../components/readFile.js';
import { lifecycleRefusals, type FormField } from '../../../i18n/messages.js';
import { startRevisionMutation, uploadDraftMutation } from '../../../mutations.js';
import { fileKindOf, type DocumentServices, type DocumentSnapshot, type FileInput, type UploadProgress } from '../../../services/index.js';

export interface DraftUploadDialogProps {
  services: DocumentServices;
  snapshot: DocumentSnapshot;
  /** `upload`: a new draft of a Draft / Under revision document; `revise`: start a revision of a published one. */
  mode: 'upload' | 'revise';
}

/** "Upload new draft" (Draft / Under revision) or "Start revision" (Published): file, change summary. */
export function DraftUploadDialog({ services, snapshot, mode }: DraftUploadDialogProps) {
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
  const docId = snapshot.state.docId;

  async function input(): Promise<FileInput | null> {
    return file ? { name: file.name, bytes: await readFileBytes(file) } : null;
  }

  return (
    <ActionDialog<Refusal, FormField>
      triggerLabel={mode === 'revise' ? t('documents.lifecycle.revise.trigger') : t('documents.lifecycle.upload.trigger')}
      title={mode === 'revise' ? t('documents.lifecycle.revise.title', { docId }) : t('documents.lifecycle.upload.title', { docId })}
      confirmLabel={mode === 'revise' ? t('documents.lifecycle.revise.confirm') : t('documents.lifecycle.upload.confirm')}
      {...lifecycleRefusals(t, (id) => services.people.nameOf(id))}
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
        if (mode === 'revise') await revise.mutateAsync({ docId, revision, upload: { changeSummary: summary.trim(), file: f, onProgress: setProgress } });
        else if (f) await upload.mutateAsync({ docId, upload: { changeSummary: summary.trim(), file: f, onProgress: setProgress } });
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
