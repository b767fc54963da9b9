import { Body1, Button, Field, MessageBar, MessageBarBody, MessageBarTitle, ProgressBar, Radio, RadioGroup, Select } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../../app/errors/ErrorMessage.js';
import { Loading } from '../../../../app/shell/Loading.js';
import { ScreenHeading } from '../../../../app/shell/ScreenHeading.js';
import { canCreateDocument } from '../../../../domain/documents/access.js';
import { RefusalMessage } from '../../../../ui/RefusalMessage.js';
import { MetadataFields } from '../../components/MetadataFields.js';
import { refusalMessage } from '../../i18n/messages.js';
import type { DocumentServices } from '../../services/index.js';
import { useDocumentServices } from '../../useDocumentServices.js';
import { useNewDocumentStyles } from './NewDocument.styles.js';
import { TEMPLATE_IDS, TEMPLATE_LABEL_KEYS, type TemplateId } from './templates.js';
import { useNewDocument, type Source } from './useNewDocument.js';

/**
 * `/documents/new`: a new controlled document from an uploaded file (Word, PDF, Markdown; over
 * 4 MB through an upload session with a progress bar) or from a template. The rules check the
 * metadata first (problems next to their fields); the app then reserves the next DocId of the
 * type and uploads. After a failure everything typed stays, and "Try again" reuses the DocId
 * already reserved and the file name of the first attempt (see `useNewDocument`).
 */
export function NewDocument() {
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

function NewDocumentForm({ services }: { services: DocumentServices }) {
  const { t } = useTranslation();
  const styles = useNewDocumentStyles();
  const s = useNewDocument(services);
  const { busy, errors, file } = s;

  return (
    <form className={styles.form} onSubmit={(e) => void s.submit(e)} noValidate aria-label={t('documents.lifecycle.new.heading')}>
      <Body1 as="p">{t('documents.lifecycle.new.intro')}</Body1>
      {s.refusal && <RefusalMessage title={t('documents.lifecycle.new.fixTitle')} message={refusalMessage(t, s.refusal)} />}
      <Field label={t('documents.lifecycle.new.source')}>
        <RadioGroup value={s.source} layout="horizontal" disabled={busy} onChange={(_, d) => s.setSource(d.value as Source)}>
          <Radio value="file" label={t('documents.lifecycle.new.sourceFile')} />
          <Radio value="template" label={t('documents.lifecycle.new.sourceTemplate')} />
        </RadioGroup>
      </Field>
      {s.source === 'file' ? (
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
              onChange={(e) => s.setFile(e.target.files?.[0] ?? null)}
            />
          )}
        </Field>
      ) : (
        <Field label={t('documents.lifecycle.new.template')} hint={t('documents.lifecycle.new.templateHint')}>
          <Select value={s.template} disabled={busy} onChange={(_, d) => s.setTemplate(d.value as TemplateId)}>
            {TEMPLATE_IDS.map((id) => (
              <option key={id} value={id}>
                {t(TEMPLATE_LABEL_KEYS[id])}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <MetadataFields value={s.form} onChange={s.patch} errors={errors} people={services.people} groups={s.groups} disabled={busy} />
      {s.reservedDocId && <Body1 as="p">{t('documents.lifecycle.new.reserved', { docId: s.reservedDocId })}</Body1>}
      {s.uploading && (
        <Field label={t('documents.lifecycle.new.uploading')} hint={t('documents.lifecycle.new.uploadProgress', { percent: Math.round(s.progress * 100) })}>
          <ProgressBar value={s.progress} max={1} />
        </Field>
      )}
      {s.graphError ? <ErrorMessage error={s.graphError} context={t('documents.lifecycle.new.failed')} onRetry={() => void s.submit()} /> : null}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={busy}>
          {busy ? t('documents.lifecycle.new.creating') : t('documents.lifecycle.new.create')}
        </Button>
      </div>
    </form>
  );
}
