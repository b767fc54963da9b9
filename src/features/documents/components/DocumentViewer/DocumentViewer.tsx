import { useEffect, useState } from 'react';
import { Body1, Button, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../../app/errors/ErrorMessage.js';
import type { RuntimeConfig } from '../../../../app/config.js';
import { useSession } from '../../../../app/session/SessionContext.js';
import { Loading } from '../../../../app/shell/Loading.js';
import { currentVersionOf, DOCUMENT_FILE_TYPES, fileKindOf, permissionsOf, versionBytes, type DocumentServices, type DocumentSnapshot, type VersionEntry } from '../../services/index.js';
import { useDocumentViewerStyles } from './DocumentViewer.styles.js';
import { previewQuery, versionContentQuery } from '../../queries.js';
import { renderMarkdown } from './renderMarkdown.js';
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

/** Where the app's Graph calls go: `tenant` (only `https:` previews) or the emulator at `emulatorOrigin`. */
export interface PreviewPolicy {
  readonly mode: 'emulator' | 'tenant';
  /** The emulator's origin (`http://127.0.0.1:PORT` or `http://localhost:PORT`); emulator mode only. */
  readonly emulatorOrigin?: string;
}

/** The policy for a runtime configuration: in emulator mode, the origin of its Graph base URL. */
export function previewPolicyOf(config: RuntimeConfig): PreviewPolicy {
  if (config.mode !== 'emulator') return { mode: 'tenant' };
  try {
    return { mode: 'emulator', emulatorOrigin: new URL(config.graphBaseUrl).origin };
  } catch {
    return { mode: 'emulator' };
  }
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Whether a preview URL may be framed, and with which sandbox. Accepted: an `https:` URL, or in
 * emulator mode an `http:` URL on the configured emulator origin (a loopback host). Anything else
 * (`javascript:`, `data:`, `about:`, `blob:`, plain `http:` elsewhere, or no URL) is refused.
 * `allow-scripts allow-same-origin` is granted only to a preview served from a real origin other
 * than the app's: never when the origin is `'null'` (opaque: `data:`, `javascript:`, `about:`),
 * and never for the app's own origin (the frame would gain the app's origin and its tokens).
 */
export function previewFrame(url: string, appOrigin: string, policy: PreviewPolicy): { readonly ok: true; readonly sandbox: string } | { readonly ok: false } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false };
  }
  const emulatorHttp =
    policy.mode === 'emulator' && parsed.protocol === 'http:' && policy.emulatorOrigin !== undefined && parsed.origin === policy.emulatorOrigin && LOOPBACK_HOSTS.has(parsed.hostname);
  if (parsed.protocol !== 'https:' && !emulatorHttp) return { ok: false };
  const origin = parsed.origin;
  if (!origin || origin === 'null' || origin === appOrigin) return { ok: true, sandbox: 'allow-popups' };
  return { ok: true, sandbox: 'allow-scripts allow-same-origin allow-popups' };
}

function WordPreview({ services, snapshot, label }: { services: DocumentServices; snapshot: DocumentSnapshot; label: string }) {
  const { t } = useTranslation();
  const styles = useDocumentViewerStyles();
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
  return (
    <iframe
      className={styles.frame}
      src={preview.data}
      title={t('documents.detail.viewer.frameTitle', { docId: snapshot.state.docId, version: label })}
      sandbox={frame.sandbox}
      referrerPolicy="no-referrer"
    />
  );
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
  const styles = useDocumentViewerStyles();
  const content = useQuery(versionContentQuery(services, snapshot, version));
  const markdown = useMarkdownHtml(kind === 'md' ? content.data : undefined);
  const pdfUrl = usePdfUrl(kind === 'pdf' ? content.data : undefined);
  if (content.isError) return <ErrorMessage error={content.error} context={t('documents.detail.viewer.contentError')} onRetry={() => void content.refetch()} />;
  if (kind === 'md' && markdown.error) return <ErrorMessage error={markdown.error} context={t('documents.detail.viewer.contentError')} onRetry={markdown.retry} />;
  if (!content.data || (kind === 'md' && markdown.html === null)) return <Loading label={t('documents.detail.viewer.loading')} />;
  if (kind === 'md') {
    const html = markdown.html ?? '';
    return (
      <article className={styles.viewer} aria-label={t('documents.detail.viewer.contentLabel', { docId: snapshot.state.docId, version: label })} dangerouslySetInnerHTML={{ __html: html }} />
    );
  }
  return pdfUrl ? (
    <object className={styles.frame} data={pdfUrl} type="application/pdf" aria-label={t('documents.detail.viewer.contentLabel', { docId: snapshot.state.docId, version: label })}>
      <Body1 as="p">{t('documents.detail.viewer.pdfFallback')}</Body1>
    </object>
  ) : (
    <Loading label={t('documents.detail.viewer.loading')} />
  );
}

/**
 * Markdown bytes rendered to safe HTML (`renderMarkdown`, whose libraries download on first use):
 * null until ready. A failed download (e.g. offline) is an error the viewer can retry.
 */
function useMarkdownHtml(bytes: Uint8Array | undefined): { html: string | null; error: unknown; retry: () => void } {
  const [state, setState] = useState<{ bytes: Uint8Array; html: string | null; error: unknown } | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (!bytes) return;
    let live = true;
    renderMarkdown(new TextDecoder().decode(bytes)).then(
      (html) => live && setState({ bytes, html, error: null }),
      (error: unknown) => live && setState({ bytes, html: null, error }),
    );
    return () => {
      live = false;
    };
  }, [bytes, attempt]);
  // Only what was rendered from these bytes counts: another version's HTML is not shown meanwhile.
  const current = state && state.bytes === bytes ? state : null;
  return {
    html: current?.html ?? null,
    error: current?.error ?? null,
    retry: () => {
      setState(null);
      setAttempt((n) => n + 1);
    },
  };
}

/** An object URL for PDF bytes, revoked when the bytes change or the viewer goes away. */
function usePdfUrl(bytes: Uint8Array | undefined): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!bytes || typeof URL.createObjectURL !== 'function') {
      setUrl(null);
      return;
    }
    const copy = new Uint8Array(bytes.byteLength);
    copy.set(bytes);
    const next = URL.createObjectURL(new Blob([copy], { type: DOCUMENT_FILE_TYPES.pdf }));
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [bytes]);
  return url;
}
