/**
 * The exact published version a request asks the person to read: the file of the request's document
 * in `SMS Documents` at the library version that published the request's release (staff may not read
 * `Document Releases`, so the version is found from the file's own versions, src/platform/documentFile.ts),
 * shown with the shared viewer parts (src/ui/viewer), and the SHA-256 of the bytes shown, which the
 * acknowledgement records.
 */
import { useState } from 'react';
import { Body1, Button, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../app/errors/ErrorMessage.js';
import { useSession } from '../../../app/session/SessionContext.js';
import { Loading } from '../../../app/shell/Loading.js';
import type { AckRequest } from '../../../domain/acknowledgements/index.js';
import { DOCUMENT_FILE_TYPES, PublishedFileNotFoundError, versionFileName, type PublishedFile } from '../../../platform/documentFile.js';
import { downloadFile } from '../../../ui/export/saveFile.js';
import { MarkdownView, PdfView, PreviewFrameView, useMarkdownHtml, usePdfUrl } from '../../../ui/viewer/FileView.js';
import { previewFrame, previewPolicyOf } from '../../../ui/viewer/previewFrame.js';
import { publishedContentQuery, publishedFileQuery, publishedPreviewQuery, type ShownVersion } from '../queries.js';
import type { MyAckContext } from '../useMyAckContext.js';

/** The published version of a request: its file, and its bytes with their hash once read. */
export interface PublishedVersionState {
  readonly file: UseQueryResult<PublishedFile>;
  readonly content: UseQueryResult<ShownVersion>;
}

/** Reads the file and the bytes of the version `request` names (cached per document and release). */
export function usePublishedVersion(ctx: MyAckContext, request: Pick<AckRequest, 'docId' | 'versionLabel'>): PublishedVersionState {
  const file = useQuery(publishedFileQuery(ctx.client, ctx.site.siteId, request.docId, request.versionLabel));
  const content = useQuery(publishedContentQuery(ctx.client, ctx.site.siteId, file.data));
  return { file, content };
}

/** Shows the published version (or why it cannot be shown), as `usePublishedVersion` read it. */
export function PublishedVersionView({ ctx, request, state }: { ctx: MyAckContext; request: Pick<AckRequest, 'docId' | 'versionLabel'>; state: PublishedVersionState }) {
  const { t } = useTranslation();
  const { file, content } = state;
  const what = { docId: request.docId, version: request.versionLabel };
  if (file.isError) {
    if (file.error instanceof PublishedFileNotFoundError) {
      return (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t('ackMine.fileNotFound', what)}</MessageBarBody>
        </MessageBar>
      );
    }
    return <ErrorMessage error={file.error} context={t('ackMine.fileError', what)} onRetry={() => void file.refetch()} />;
  }
  if (content.isError) return <ErrorMessage error={content.error} context={t('ackMine.fileError', what)} onRetry={() => void content.refetch()} />;
  if (!file.data || !content.data) return <Loading label={t('ackMine.fileLoading', what)} />;
  const f = file.data;
  const label = t('ackMine.contentLabel', what);
  switch (f.kind) {
    case 'md':
      return <MarkdownContent bytes={content.data.bytes} label={label} />;
    case 'pdf':
      return <PdfContent bytes={content.data.bytes} label={label} />;
    case 'docx':
      return f.current ? <WordPreview ctx={ctx} file={f} title={t('ackMine.frameTitle', what)} /> : <Download file={f} bytes={content.data.bytes} message={t('ackMine.olderWord', what)} />;
    default:
      return <Download file={f} bytes={content.data.bytes} message={t('ackMine.unsupported', { name: f.name })} />;
  }
}

function MarkdownContent({ bytes, label }: { bytes: Uint8Array; label: string }) {
  const { t } = useTranslation();
  const markdown = useMarkdownHtml(bytes);
  if (markdown.error) return <ErrorMessage error={markdown.error} onRetry={markdown.retry} />;
  if (markdown.html === null) return <Loading label={t('common.loading')} />;
  return <MarkdownView html={markdown.html} label={label} />;
}

function PdfContent({ bytes, label }: { bytes: Uint8Array; label: string }) {
  const { t } = useTranslation();
  const url = usePdfUrl(bytes);
  return url ? <PdfView url={url} label={label} fallback={t('ackMine.pdfFallback')} /> : <Loading label={t('common.loading')} />;
}

function WordPreview({ ctx, file, title }: { ctx: MyAckContext; file: PublishedFile; title: string }) {
  const { t } = useTranslation();
  const { config } = useSession();
  const preview = useQuery(publishedPreviewQuery(ctx.client, ctx.site.siteId, file));
  if (preview.isError) return <ErrorMessage error={preview.error} context={t('ackMine.previewError')} onRetry={() => void preview.refetch()} />;
  if (preview.data === undefined) return <Loading label={t('common.loading')} />;
  const frame = preview.data ? previewFrame(preview.data, window.location.origin, previewPolicyOf(config)) : ({ ok: false } as const);
  if (!preview.data || !frame.ok) {
    return (
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>{t('ackMine.previewRefused')}</MessageBarBody>
      </MessageBar>
    );
  }
  return <PreviewFrameView url={preview.data} sandbox={frame.sandbox} title={title} />;
}

/** A version the app cannot show in place: the person downloads exactly these bytes (the ones hashed). */
function Download({ file, bytes, message }: { file: PublishedFile; bytes: Uint8Array; message: string }) {
  const { t } = useTranslation();
  const [saved, setSaved] = useState(false);
  return (
    <>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>{message}</MessageBarBody>
      </MessageBar>
      <Body1 as="p">
        <Button
          onClick={() => {
            downloadFile({ name: versionFileName(file.name, file.releaseLabel), type: file.kind ? DOCUMENT_FILE_TYPES[file.kind] : 'application/octet-stream', bytes });
            setSaved(true);
          }}
        >
          {t('ackMine.download', { version: file.releaseLabel })}
        </Button>
      </Body1>
      {saved && <Body1 as="p">{t('ackMine.downloaded')}</Body1>}
    </>
  );
}
