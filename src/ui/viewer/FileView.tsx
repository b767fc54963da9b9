/**
 * Showing the content of a document file, whichever area shows it (the document page, "My
 * acknowledgements"): Markdown rendered to sanitised HTML, a PDF inline from its bytes, an Office
 * file through Graph's preview URL in a sandboxed frame (`previewFrame`). The areas read the bytes
 * and URLs; these parts only show them. No Graph here.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { Body1 } from '@fluentui/react-components';
import { useFileViewStyles } from './FileView.styles.js';
import { renderMarkdown } from './renderMarkdown.js';

/** The MIME type of a PDF, for the object URL a PDF is shown from. */
const PDF_TYPE = 'application/pdf';

/** Rendered Markdown (already sanitised by `renderMarkdown`), as an article named `label`. */
export function MarkdownView({ html, label }: { html: string; label: string }) {
  const styles = useFileViewStyles();
  return <article className={styles.viewer} aria-label={label} dangerouslySetInnerHTML={{ __html: html }} />;
}

/** A PDF shown inline from its object URL (`usePdfUrl`); `fallback` where the browser shows no PDF. */
export function PdfView({ url, label, fallback }: { url: string; label: string; fallback: ReactNode }) {
  const styles = useFileViewStyles();
  return (
    <object className={styles.frame} data={url} type={PDF_TYPE} aria-label={label}>
      <Body1 as="p">{fallback}</Body1>
    </object>
  );
}

/** A preview URL that `previewFrame` accepted, framed with its sandbox. */
export function PreviewFrameView({ url, sandbox, title }: { url: string; sandbox: string; title: string }) {
  const styles = useFileViewStyles();
  return <iframe className={styles.frame} src={url} title={title} sandbox={sandbox} referrerPolicy="no-referrer" />;
}

/**
 * Markdown bytes rendered to safe HTML (`renderMarkdown`, whose libraries download on first use):
 * null until ready. A failed download (e.g. offline) is an error the viewer can retry.
 */
export function useMarkdownHtml(bytes: Uint8Array | undefined): { html: string | null; error: unknown; retry: () => void } {
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
export function usePdfUrl(bytes: Uint8Array | undefined): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!bytes || typeof URL.createObjectURL !== 'function') {
      setUrl(null);
      return;
    }
    const copy = new Uint8Array(bytes.byteLength);
    copy.set(bytes);
    const next = URL.createObjectURL(new Blob([copy], { type: PDF_TYPE }));
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [bytes]);
  return url;
}
