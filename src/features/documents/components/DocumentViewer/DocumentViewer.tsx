import { useState } from 'react';
import { Body1, Button, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../../app/errors/ErrorMessage.js';
import { useSession } from '../../../../app/session/SessionContext.js';
import { Loading } from '../../../../app/shell/Loading.js';
import { currentVersionOf, DOCUMENT_FILE_TYPES, fileKindOf, permissionsOf, versionBytes, type DocumentServices, type DocumentSnapshot, type VersionEntry } from '../../services/index.js';
import { previewQuery, versionContentQuery } from '../../queries.js';
import { MarkdownView, PdfView, PreviewFrameView, useMarkdownHtml, usePdfUrl } from '../../../../ui/viewer/FileView.js';
import { previewFrame, previewPolicyOf } from '../../../../ui/viewer/previewFrame.js';
import { saveBytes, versionFileName } from './download.js';

export interface DocumentViewerProps {
  services: DocumentServices;
  snapshot: DocumentSnapshot;
  /** The version to show; null = the version the user sees by default (current). */
  version: VersionEntry | null;
  /** The document version shown, as the rest of the page names it (`versionStory`); absent: the revision id. */
  label?: string;
}

/**
 * Shows a document's content. Markdown is rendered in the app (sanitised); a PDF inline from its
 * bytes; a Word file through Graph's preview URL in a sandboxed frame. Readers see exactly the
 * version asked for: an older Markdown or PDF version is downloaded and shown; for an older Word
 * version the preview (which always shows the current visible version) is not used — the user is
 * told so and can download that version.
 */
export function DocumentViewer({ services, snapshot, version, label: shownLabel }: DocumentViewerProps) {
  const { t } = useTranslation();
  const kind = fileKindOf(snapshot.file.name);
  const label = shownLabel ?? version?.id ?? snapshot.file.versionLabel ?? '';
  const older = version !== null && !version.current;
  if (kind === 'docx') return older ? <OlderWordVersion services={services} snapshot={snapshot} version={version} label={label} /> : <WordPreview services={services} snapshot={snapshot} label={label} />;
  if (kind === 'md' || kind === 'pdf') return <BytesViewer services={services} snapshot={snapshot} version={version} kind={kind} label={label} />;
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>{t('documents.detail.viewer.unsupported', { name: snapshot.file.name })}</MessageBarBody>
    </MessageBar>
  );
}

function WordPreview({ services, snapshot, label }: { services: DocumentServices; snapshot: DocumentSnapshot; label: string }) {
  const { t } = useTranslation();
  const { config } = useSession();
  const preview = useQuery(previewQuery(services, snapshot));
  if (preview.isError) return <ErrorMessage error={preview.error} context={t('documents.detail.viewer.previewError')} onRetry={() => void preview.refetch()} />;
  if (!preview.data) return <Loading label={t('documents.detail.viewer.loading')} />;
  const frame = previewFrame(preview.data, window.location.origin, previewPolicyOf(config));
  if (!frame.ok) {
    return (
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>{t('documents.detail.viewer.previewRefused')}</MessageBarBody>
      </MessageBar>
    );
  }
  return <PreviewFrameView url={preview.data} sandbox={frame.sandbox} title={t('documents.detail.viewer.frameTitle', { docId: snapshot.state.docId, version: label })} />;
}

function OlderWordVersion({ services, snapshot, version, label }: { services: DocumentServices; snapshot: DocumentSnapshot; version: VersionEntry; label: string }) {
  const { t } = useTranslation();
  // The version the preview shows, named as the rest of the page names it.
  const current = currentVersionOf(snapshot.state, permissionsOf(services.me, snapshot.state).seesDrafts)?.label ?? snapshot.file.versionLabel ?? '';
  // The revision too: several revisions belong to one version.
  const named = label === version.id ? label : t('documents.detail.history.versionAndRevision', { version: label, revision: version.id });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  async function download() {
    setBusy(true);
    setError(null);
    try {
      saveBytes(await versionBytes(services, snapshot, version), versionFileName(snapshot.file.name, version.id), DOCUMENT_FILE_TYPES.docx);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>{t('documents.detail.viewer.wordOlder', { version: named, current })}</MessageBarBody>
      </MessageBar>
      <Body1 as="p">
        <Button disabled={busy} onClick={() => void download()}>
          {t('documents.detail.viewer.downloadVersion', { version: named })}
        </Button>
      </Body1>
      {error ? <ErrorMessage error={error} onRetry={() => void download()} /> : null}
    </>
  );
}

function BytesViewer({ services, snapshot, version, kind, label }: { services: DocumentServices; snapshot: DocumentSnapshot; version: VersionEntry | null; kind: 'md' | 'pdf'; label: string }) {
  const { t } = useTranslation();
  const content = useQuery(versionContentQuery(services, snapshot, version));
  const markdown = useMarkdownHtml(kind === 'md' ? content.data : undefined);
  const pdfUrl = usePdfUrl(kind === 'pdf' ? content.data : undefined);
  if (content.isError) return <ErrorMessage error={content.error} context={t('documents.detail.viewer.contentError')} onRetry={() => void content.refetch()} />;
  if (kind === 'md' && markdown.error) return <ErrorMessage error={markdown.error} context={t('documents.detail.viewer.contentError')} onRetry={markdown.retry} />;
  if (!content.data || (kind === 'md' && markdown.html === null)) return <Loading label={t('documents.detail.viewer.loading')} />;
  const contentLabel = t('documents.detail.viewer.contentLabel', { docId: snapshot.state.docId, version: label });
  if (kind === 'md') return <MarkdownView html={markdown.html ?? ''} label={contentLabel} />;
  return pdfUrl ? (
    <PdfView url={pdfUrl} label={contentLabel} fallback={t('documents.detail.viewer.pdfFallback')} />
  ) : (
    <Loading label={t('documents.detail.viewer.loading')} />
  );
}
