import { useState, type FormEvent } from 'react';
import { Body1, Button, Field, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar, Radio, RadioGroup, Select } from '@fluentui/react-components';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorMessage } from '../../../app/errors/ErrorMessage.js';
import { useSession } from '../../../app/session/SessionContext.js';
import { Loading } from '../../../app/shell/Loading.js';
import { ScreenHeading } from '../../../app/shell/ScreenHeading.js';
import { canCreateDocument } from '../../../domain/documents/access.js';
import type { Refusal } from '../../../domain/documents/results.js';
import { groupsQuery } from '../detail/queries.js';
import { createDocumentMutation } from '../mutations.js';
import { checkNewDocument, DocumentRuleError, fileKindOf, type DocumentServices, type FileInput, type UploadProgress } from '../services/index.js';
import { useLifecycleStyles } from './Lifecycle.styles.js';
import { MetadataFields } from './MetadataFields.js';
import { emptyMetadataForm, toMetadata, type MetadataFormValue } from './metadataForm.js';
import { messagesByField, refusalMessage, type FormField } from './messages.js';
import { readFileBytes } from './readFile.js';
import { TEMPLATE_IDS, TEMPLATE_LABEL_KEYS, templateFile, templateFor, type TemplateId } from './templates.js';
import { useDocumentServices } from './useDocumentServices.js';

/** Path of a document's page (the Documents area's child route). */
export const documentPagePath = (docId: string): string => `/documents/${encodeURIComponent(docId)}`;

/**
 * `/documents/new`: a new controlled document from an uploaded file (Word, PDF, Markdown; over
 * 4 MB through an upload session with a progress bar) or from a template. The rules check the
 * metadata first (problems next to their fields); the app then reserves the next DocId of the
 * type and uploads. After a failure everything typed stays, and "Try again" reuses the DocId
 * already reserved and the file name of the first attempt. Changing the DocType or mandatory item
 * drops the reserved DocId (its prefix would no longer fit); the next attempt reserves another.
 */
export function NewDocumentScreen() {
  const { t } = useTranslation();
  const { services, error, isLoading, retry } = useDocumentServices();
  return (
    <>
      <ScreenHeading>{t('documents.lifecycle.new.heading')}</ScreenHeading>
      {error ? (
        <ErrorMessage error={error} context={t('documents.lifecycle.loadError')} onRetry={retry} />
      ) : isLoading || !services ? (
        <Loading label={t('documents.lifecycle.loading')} />
      ) : !canCreateDocument(services.me, { ownerId: services.me.id, processId: null }) ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('documents.lifecycle.new.notAllowedTitle')}</MessageBarTitle>
            {t('documents.lifecycle.new.notAllowedBody')}
          </MessageBarBody>
        </MessageBar>
      ) : (
        <NewDocumentForm services={services} />
      )}
    </>
  );
}

type Source = 'file' | 'template';

function NewDocumentForm({ services }: { services: DocumentServices }) {
  const { t } = useTranslation();
  const styles = useLifecycleStyles();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { client } = useSession();
  const groups = useQuery(groupsQuery(client));
  const [form, setForm] = useState<MetadataFormValue>(() => emptyMetadataForm(services.me.id));
  const [source, setSource] = useState<Source>('file');
  const [file, setFile] = useState<File | null>(null);
  const [template, setTemplate] = useState<TemplateId | ''>('');
  const [errors, setErrors] = useState<Partial<Record<FormField, string>>>({});
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [reservedDocId, setReservedDocId] = useState<string | null>(null);
  const [firstFileName, setFirstFileName] = useState<string | null>(null);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const create = useMutation(createDocumentMutation(services, queryClient));

  const nameOf = (id: string) => services.people.nameOf(id);
  const patch = (p: Partial<MetadataFormValue>) => {
    // The reserved DocId's prefix belongs to the DocType (SCP: mandatory item D1): another type needs another number.
    const renumber = (p.docType !== undefined && p.docType !== form.docType) || (p.mandatoryItem !== undefined && p.mandatoryItem !== form.mandatoryItem);
    if (renumber && reservedDocId) {
      setReservedDocId(null);
      setFirstFileName(null);
    }
    setForm((f) => ({ ...f, ...p }));
  };

  async function chosenFile(): Promise<FileInput | null> {
    if (source === 'template') return templateFile(t, template || templateFor(form.docType), form.title);
    if (!file) return null;
    return { name: file.name, bytes: await readFileBytes(file) };
  }

  async function submit(e?: FormEvent) {
    e?.preventDefault();
    const metadata = toMetadata(form);
    const problems: Partial<Record<FormField, string>> = {};
    if (source === 'file' && !file) problems.file = t('documents.lifecycle.new.fileRequired');
    else if (source === 'file' && file && !fileKindOf(file.name)) problems.file = t('documents.lifecycle.new.fileType');
    const ruled = checkNewDocument(services, metadata, reservedDocId);
    setRefusal(ruled);
    setErrors({ ...messagesByField(t, ruled?.errors, nameOf), ...problems });
    if (ruled || Object.keys(problems).length > 0) return;
    const input = await chosenFile();
    if (!input) return;
    setProgress(null);
    create.mutate(
      {
        request: { metadata, file: input, docId: reservedDocId, fileName: reservedDocId ? firstFileName : null },
        callbacks: { onDocId: setReservedDocId, onFileName: setFirstFileName, onProgress: setProgress },
      },
      {
        onSuccess: ({ docId }) => void navigate(documentPagePath(docId)),
        onError: (err) => {
          if (err instanceof DocumentRuleError) {
            setRefusal(err.refusal);
            setErrors(messagesByField(t, err.refusal.errors, nameOf));
          }
        },
      },
    );
  }

  const busy = create.isPending;
  const percent = progress && progress.total > 0 ? progress.uploaded / progress.total : 0;
  const graphError = create.error && !(create.error instanceof DocumentRuleError) ? create.error : null;

  return (
    <form className={styles.form} onSubmit={(e) => void submit(e)} noValidate aria-label={t('documents.lifecycle.new.heading')}>
      <Body1 as="p">{t('documents.lifecycle.new.intro')}</Body1>
      {refusal && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('documents.lifecycle.new.fixTitle')}</MessageBarTitle>
            {refusalMessage(t, refusal)}
          </MessageBarBody>
        </MessageBar>
      )}
      <Field label={t('documents.lifecycle.new.source')}>
        <RadioGroup value={source} layout="horizontal" disabled={busy} onChange={(_, d) => setSource(d.value as Source)}>
          <Radio value="file" label={t('documents.lifecycle.new.sourceFile')} />
          <Radio value="template" label={t('documents.lifecycle.new.sourceTemplate')} />
        </RadioGroup>
      </Field>
      {source === 'file' ? (
        <Field
          label={t('documents.lifecycle.new.file')}
          required
          hint={file ? t('documents.lifecycle.new.fileChosen', { name: file.name, size: Math.ceil(file.size / 1024) }) : t('documents.lifecycle.new.fileHint')}
          {...(errors.file ? { validationMessage: errors.file, validationState: 'error' as const } : {})}
        >
          {(fieldProps) => (
            <input
              {...fieldProps}
              type="file"
              accept=".docx,.pdf,.md,.markdown,application/pdf,text/markdown,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
              disabled={busy}
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          )}
        </Field>
      ) : (
        <Field label={t('documents.lifecycle.new.template')} hint={t('documents.lifecycle.new.templateHint')}>
          <Select value={template || templateFor(form.docType)} disabled={busy} onChange={(_, d) => setTemplate(d.value as TemplateId)}>
            {TEMPLATE_IDS.map((id) => (
              <option key={id} value={id}>
                {t(TEMPLATE_LABEL_KEYS[id])}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <MetadataFields value={form} onChange={patch} errors={errors} people={services.people} groups={groups.data ?? []} disabled={busy} />
      {reservedDocId && <Body1 as="p">{t('documents.lifecycle.new.reserved', { docId: reservedDocId })}</Body1>}
      {busy && progress && (
        <Field label={t('documents.lifecycle.new.uploading')} hint={t('documents.lifecycle.new.uploadProgress', { percent: Math.round(percent * 100) })}>
          <ProgressBar value={percent} max={1} />
        </Field>
      )}
      {graphError ? <ErrorMessage error={graphError} context={t('documents.lifecycle.new.failed')} onRetry={() => void submit()} /> : null}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={busy}>
          {busy ? t('documents.lifecycle.new.creating') : t('documents.lifecycle.new.create')}
        </Button>
      </div>
    </form>
  );
}
