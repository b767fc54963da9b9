import mammoth from 'mammoth';
import { Marked } from 'marked';
import { badRequest } from '../core/errors.js';
import type { Db } from '../store/db.js';
import { mimeTypeOf, signPreview, type PreviewClaim } from './driveContent.js';

/**
 * The emulator's stand-in for the SharePoint file viewer behind `POST …/items/{id}/preview`
 * (https://learn.microsoft.com/graph/api/driveitem-preview): "a short-lived embeddable URL for
 * an item in order to render a temporary preview". The URL is pre-authenticated (like download
 * URLs), pins the version the caller could see when asking, and renders the file as a standalone,
 * script-free HTML page: Word (.docx) through mammoth, Markdown through marked, text in `<pre>`,
 * images inline; PDF bytes are served inline for the browser's own viewer. Other types get a page
 * saying that no preview is available.
 */

/** Lifetime of a preview URL. Graph only says "short-lived"; the emulator uses an hour, like download URLs. */
export const PREVIEW_URL_LIFETIME_MS = 60 * 60 * 1000;

/**
 * Policy of every rendered preview page: no scripts, no plugins, no network fetches; inline styles
 * and `data:` images only. `frame-ancestors *`: the emulator lets any page frame a preview (the real
 * viewer is embeddable in an iframe too; the app frames it from its own origin).
 */
export const PREVIEW_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors *";

// ---------- the request ----------

/** The view options of a preview request body: `page` (string or number) and `zoom` (number), both optional. */
export interface PreviewOptions {
  page?: string | number;
  zoom?: number;
}

/**
 * Reads the v1.0 request body (`page`, `zoom`). The beta-only `viewer`, `chromeless` and
 * `allowEdit` ("deprecated and will not be made available on the v1.0 endpoint") and any other
 * property are ignored. A property of the wrong type is a 400.
 */
export function parsePreviewOptions(body: Record<string, unknown>): PreviewOptions {
  const out: PreviewOptions = {};
  const { page, zoom } = body;
  if (page !== undefined && page !== null) {
    if (typeof page === 'string') out.page = page;
    else if (typeof page === 'number' && Number.isFinite(page)) out.page = page;
    else throw badRequest("The property 'page' must be a string or a number.", 'invalidRequest');
  }
  if (zoom !== undefined && zoom !== null) {
    if (typeof zoom !== 'number' || !Number.isFinite(zoom)) throw badRequest("The property 'zoom' must be a number.", 'invalidRequest');
    out.zoom = zoom;
  }
  return out;
}

/** What the file is rendered as. */
export type PreviewKind = 'docx' | 'markdown' | 'pdf' | 'text' | 'image' | 'none';

const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

/** Chooses the renderer from the file name (SharePoint goes by extension too, as for `file.mimeType`). */
export function previewKindOf(name: string): PreviewKind {
  const ext = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : '';
  if (ext === 'docx') return 'docx';
  if (ext === 'md' || ext === 'markdown') return 'markdown';
  const mime = mimeTypeOf(name);
  if (mime === 'application/pdf') return 'pdf';
  if (mime.startsWith('text/') || mime === 'application/json') return 'text';
  if (IMAGE_TYPES.has(mime)) return 'image';
  return 'none';
}

const positivePage = (page: string | number | undefined): number | undefined => {
  const n = typeof page === 'number' ? page : page !== undefined && /^\s*\d+\s*$/.test(page) ? Number(page) : NaN;
  return Number.isInteger(n) && n > 0 ? n : undefined;
};

/**
 * The `itemPreviewInfo` for one version of a file: `getUrl` (GET, for iframes) and `postUrl` +
 * `postParameters` (form post). For PDFs the page and zoom travel as PDF open parameters in the
 * URL fragment (`#page=2&zoom=150`), which browser PDF viewers apply; the emulator reads `zoom`
 * as a factor (1 = 100 %), which Graph does not define.
 */
export function issuePreview(
  db: Db,
  origin: string,
  at: { listId: string; listItemId: number; label: string; name: string; now: number },
  opts: PreviewOptions,
): { getUrl: string; postUrl: string; postParameters: string } {
  const claim: PreviewClaim = { l: at.listId, i: at.listItemId, v: at.label, exp: at.now + PREVIEW_URL_LIFETIME_MS };
  if (opts.page !== undefined) claim.page = opts.page;
  if (opts.zoom !== undefined) claim.zoom = opts.zoom;
  const token = signPreview(db, claim);
  let fragment = '';
  if (previewKindOf(at.name) === 'pdf') {
    const parts: string[] = [];
    const page = positivePage(opts.page);
    if (page) parts.push(`page=${page}`);
    if (opts.zoom !== undefined && opts.zoom > 0) parts.push(`zoom=${Math.round(clampZoom(opts.zoom) * 100)}`);
    if (parts.length) fragment = `#${parts.join('&')}`;
  }
  return {
    getUrl: `${origin}/_preview/${token}${fragment}`,
    postUrl: `${origin}/_preview`,
    postParameters: new URLSearchParams({ token }).toString(),
  };
}

const clampZoom = (z: number) => Math.min(10, Math.max(0.1, z));

// ---------- the rendered page ----------

/** A rendered preview: body and headers of the pre-authenticated response. */
export interface RenderedPreview {
  body: Uint8Array;
  headers: Record<string, string>;
}

const COMMON_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'private, no-store',
};

/** Renders one version of a file for the preview URL. */
export async function renderPreview(name: string, bytes: Uint8Array, opts: PreviewOptions): Promise<RenderedPreview> {
  const kind = previewKindOf(name);
  if (kind === 'pdf') {
    // The browser's PDF viewer renders it; an HTML CSP on the PDF response would get in its way.
    return {
      body: bytes,
      headers: { ...COMMON_HEADERS, 'Content-Type': 'application/pdf', 'Content-Disposition': `inline; filename*=UTF-8''${encodeURIComponent(name)}` },
    };
  }
  const inner = await renderInner(kind, name, bytes);
  const html = page(name, kind, inner, opts.zoom);
  return {
    body: new TextEncoder().encode(html),
    headers: { ...COMMON_HEADERS, 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': PREVIEW_CSP },
  };
}

const decodeText = (bytes: Uint8Array) => new TextDecoder('utf-8').decode(bytes);

async function renderInner(kind: PreviewKind, name: string, bytes: Uint8Array): Promise<string> {
  switch (kind) {
    case 'docx':
      try {
        const result = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { externalFileAccess: false });
        return sanitizeHtml(result.value);
      } catch {
        return unavailable(name, 'The document could not be read.');
      }
    case 'markdown':
      return sanitizeHtml(markdownToHtml(decodeText(bytes)));
    case 'text':
      return `<pre class="text">${escapeHtml(decodeText(bytes))}</pre>`;
    case 'image':
      return `<img class="image" alt="${escapeHtml(name)}" src="data:${mimeTypeOf(name)};base64,${Buffer.from(bytes).toString('base64')}">`;
    default:
      return unavailable(name, 'Preview is not available for this file type. Download the file to open it.');
  }
}

const unavailable = (name: string, message: string) =>
  `<div class="unavailable" role="status"><p><strong>${escapeHtml(name)}</strong></p><p>${escapeHtml(message)}</p></div>`;

const STYLE = `
  body { margin: 0; font-family: "Segoe UI", system-ui, sans-serif; line-height: 1.5; color: #242424; background: #fff; }
  main { max-width: 52rem; margin: 0 auto; padding: 1.5rem; }
  pre, code { font-family: Consolas, "Courier New", monospace; }
  pre { white-space: pre-wrap; word-break: break-word; background: #f5f5f5; padding: 0.75rem; }
  table { border-collapse: collapse; } th, td { border: 1px solid #d1d1d1; padding: 0.25rem 0.5rem; vertical-align: top; }
  img { max-width: 100%; height: auto; }
  .unavailable { text-align: center; padding: 3rem 1rem; color: #616161; }`;

function page(name: string, kind: PreviewKind, inner: string, zoom: number | undefined): string {
  const zoomCss = zoom !== undefined && zoom > 0 ? `\n  main { zoom: ${clampZoom(zoom)}; }` : '';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(name)}</title>
<style>${STYLE}${zoomCss}
</style>
</head>
<body>
<main class="preview preview-${kind}">
${inner}
</main>
</body>
</html>
`;
}

// ---------- Markdown ----------

/** Markdown to HTML (GitHub-flavoured); raw HTML in the source is shown as text, never rendered. */
export function markdownToHtml(src: string): string {
  const md = new Marked({ gfm: true, async: false, renderer: { html: ({ text }) => escapeHtml(text) } });
  return md.parse(src, { async: false });
}

// ---------- HTML sanitiser ----------

/** Escapes text for HTML content and double-quoted attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Allowed elements and, for each, the attributes it may keep. */
const ALLOWED: Record<string, readonly string[]> = (() => {
  const t: Record<string, readonly string[]> = {};
  const none = ['p', 'div', 'blockquote', 'pre', 'code', 'ul', 'li', 'dl', 'dt', 'dd', 'hr', 'br', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'caption',
    'strong', 'b', 'em', 'i', 'u', 's', 'del', 'ins', 'sub', 'sup', 'span', 'small', 'mark', 'kbd', 'samp', 'var', 'abbr', 'cite', 'q'];
  for (const n of none) t[n] = ['id', 'title'];
  for (const h of ['h1', 'h2', 'h3', 'h4', 'h5', 'h6']) t[h] = ['id', 'title'];
  t.ol = ['id', 'title', 'start', 'type'];
  t.th = ['colspan', 'rowspan', 'align', 'scope'];
  t.td = ['colspan', 'rowspan', 'align'];
  t.a = ['href', 'id', 'title'];
  t.img = ['src', 'alt', 'title', 'width', 'height'];
  t.input = ['type', 'checked', 'disabled'];
  return t;
})();

const VOID = new Set(['br', 'hr', 'img', 'input']);
/** Elements dropped together with everything inside them. */
const DROP_WITH_CONTENT = new Set([
  'script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'template', 'noscript', 'noembed', 'noframes',
  'textarea', 'select', 'option', 'title', 'head', 'svg', 'math', 'xmp', 'plaintext', 'form', 'button',
]);

const TOKEN =
  /<!--[\s\S]*?(?:-->|$)|<![^>]*>?|<\?[^>]*>?|<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;
const ATTR = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", colon: ':', tab: '\t', newline: '\n', nbsp: '\u00a0' };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (m, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
    }
    return NAMED[ref.toLowerCase()] ?? m;
  });
}

/** `href`: http, https, mailto, in-page and relative links; everything else (javascript:, data:, vbscript:, …) is dropped. */
function safeHref(value: string): string | null {
  // Browsers ignore control characters and spaces around and inside a scheme (`java\tscript:`).
  const compact = [...value].filter((ch) => { const c = ch.codePointAt(0)!; return c > 0x20 && (c < 0x7f || c > 0x9f); }).join('');
  if (/&[a-z0-9#]+;?/i.test(compact.split(/[/?#]/)[0] ?? '')) return null; // an entity we could not decode, before any path
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact);
  if (scheme && !['http', 'https', 'mailto'].includes(scheme[1]!.toLowerCase())) return null;
  if (!scheme && compact.includes(':') && !/[/?#]/.test(compact.slice(0, compact.indexOf(':')))) return null;
  return value.trim();
}

/** `src` of images: inline raster images only (the page's CSP allows `data:` images and nothing else). */
function safeSrc(value: string): string | null {
  const compact = value.replace(/\s+/g, '');
  return /^data:image\/(?:png|jpe?g|gif|webp|bmp);base64,[a-z0-9+/=]+$/i.test(compact) ? compact : null;
}

function cleanTag(name: string, rawAttrs: string): string {
  const allowed = ALLOWED[name]!;
  const out: string[] = [];
  const names = new Set<string>();
  let external = false;
  ATTR.lastIndex = 0;
  for (let m = ATTR.exec(rawAttrs); m; m = ATTR.exec(rawAttrs)) {
    const attr = m[1]!.toLowerCase();
    if (!allowed.includes(attr)) continue;
    let value: string | null = decodeEntities(m[2] ?? m[3] ?? m[4] ?? '');
    if (attr === 'href') {
      value = safeHref(value);
      external = value !== null && /^https?:/i.test(value);
    } else if (attr === 'src') {
      value = safeSrc(value);
    } else if (name === 'input' && attr === 'type') {
      value = value.toLowerCase() === 'checkbox' ? 'checkbox' : null;
    }
    if (value === null || names.has(attr)) continue;
    names.add(attr);
    out.push(m[2] === undefined && m[3] === undefined && m[4] === undefined ? attr : `${attr}="${escapeHtml(value)}"`);
  }
  if (name === 'input') {
    if (!names.has('type')) return '';
    if (!names.has('disabled')) out.push('disabled');
  }
  if (external) out.push('rel="noopener noreferrer"', 'target="_blank"');
  return `<${name}${out.length ? ' ' + out.join(' ') : ''}>`;
}

/**
 * An allow-list HTML sanitiser for the output of mammoth and marked (and any HTML they pass
 * through): keeps known formatting elements with a few attributes, rebuilds every tag from its
 * parsed parts, drops scripts, styles, frames, plugins and forms with their content, drops event
 * handler and style attributes and any URL that is not http(s), mailto, relative or an inline
 * image, and escapes every `<` and `>` that is not part of a kept tag.
 */
export function sanitizeHtml(html: string): string {
  let out = '';
  let last = 0;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(html); m; m = TOKEN.exec(html)) {
    out += escapeText(html.slice(last, m.index));
    last = TOKEN.lastIndex;
    const name = m[2]?.toLowerCase();
    if (!name) continue; // comment, doctype, processing instruction
    const closing = m[1] === '/';
    if (DROP_WITH_CONTENT.has(name)) {
      if (closing) continue;
      const end = new RegExp(`</${name}\\s*>`, 'ig');
      end.lastIndex = last;
      const e = end.exec(html);
      last = e ? end.lastIndex : html.length;
      TOKEN.lastIndex = last;
      continue;
    }
    if (!ALLOWED[name]) continue;
    if (closing) {
      if (!VOID.has(name)) out += `</${name}>`;
    } else {
      out += cleanTag(name, m[3] ?? '');
    }
  }
  out += escapeText(html.slice(last));
  return out;
}

/** Text between tags is already escaped by the generators; only stray angle brackets need it. */
const escapeText = (s: string) => s.replace(/</g, '&lt;').replace(/>/g, '&gt;');
