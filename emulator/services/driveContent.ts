import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Db } from '../store/db.js';
import { getMeta, setMeta } from '../store/db.js';

/**
 * Byte-level helpers for files: QuickXorHash (the hash SharePoint and OneDrive for Business
 * report in `file.hashes.quickXorHash`), MIME types by extension, pre-authenticated URL tokens
 * (`@microsoft.graph.downloadUrl`) and HTTP Range parsing for downloads.
 */

const QX_WIDTH_BYTES = 20; // 160 bits
const QX_SHIFT = 11;

/**
 * QuickXorHash as OneDrive for Business and SharePoint report it in `hashes.quickXorHash`:
 * each byte is XORed into a 160-bit register at a bit offset that advances by 11 per byte
 * (wrapping), then the 64-bit little-endian length is XORed into the last 8 bytes; base64.
 * Source: https://learn.microsoft.com/onedrive/developer/code-snippets/quickxorhash
 */
export function quickXorHash(data: Uint8Array): string {
  const out = new Uint8Array(QX_WIDTH_BYTES);
  let bit = 0;
  for (let i = 0; i < data.length; i++) {
    const v = data[i]! << (bit & 7);
    const at = bit >> 3;
    out[at] = out[at]! ^ (v & 0xff);
    const next = (at + 1) % QX_WIDTH_BYTES;
    out[next] = out[next]! ^ (v >> 8);
    bit += QX_SHIFT;
    if (bit >= QX_WIDTH_BYTES * 8) bit -= QX_WIDTH_BYTES * 8;
  }
  let len = BigInt(data.length);
  for (let i = 0; i < 8; i++) {
    const at = QX_WIDTH_BYTES - 8 + i;
    out[at] = out[at]! ^ Number(len & 0xffn);
    len >>= 8n;
  }
  return Buffer.from(out).toString('base64');
}

const MIME: Record<string, string> = {
  txt: 'text/plain',
  csv: 'text/csv',
  htm: 'text/html',
  html: 'text/html',
  md: 'text/markdown',
  xml: 'text/xml',
  json: 'application/json',
  pdf: 'application/pdf',
  zip: 'application/x-zip-compressed',
  doc: 'application/msword',
  dot: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  dotx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.template',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  vsdx: 'application/vnd.ms-visio.drawing',
  msg: 'application/vnd.ms-outlook',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  svg: 'image/svg+xml',
  webp: 'image/webp',
  mp4: 'video/mp4',
};

/** SharePoint derives `file.mimeType` from the file extension, not from the upload's Content-Type. */
export function mimeTypeOf(name: string): string {
  const dot = name.lastIndexOf('.');
  const ext = dot >= 0 ? name.slice(dot + 1).toLowerCase() : '';
  return MIME[ext] ?? 'application/octet-stream';
}

// ---------- pre-authenticated download URLs ----------

export interface DownloadClaim {
  /** list id */
  l: string;
  /** list item id */
  i: number;
  /** version label whose bytes the URL serves */
  v: string;
  /** expiry, epoch milliseconds */
  exp: number;
}

/** Download URLs live about an hour (driveItem resource: "available for a short period of time (1 hour)"). */
export const DOWNLOAD_URL_LIFETIME_MS = 60 * 60 * 1000;

function urlKey(db: Db): Buffer {
  let k = getMeta(db, 'driveUrlKey');
  if (!k) {
    k = randomBytes(32).toString('base64');
    setMeta(db, 'driveUrlKey', k);
  }
  return Buffer.from(k, 'base64');
}

/** Makes the opaque token of a pre-authenticated download URL (signed, so it needs no table row and survives a restart). */
export function signDownload(db: Db, claim: DownloadClaim): string {
  const body = Buffer.from(JSON.stringify(claim)).toString('base64url');
  const mac = createHmac('sha256', urlKey(db)).update(body).digest('base64url');
  return `${body}.${mac}`;
}

/** Verifies a download token; returns its claim, or null when forged or malformed. Expiry is checked by the caller. */
export function verifyDownload(db: Db, token: string): DownloadClaim | null {
  const dot = token.indexOf('.');
  if (dot < 0) return null;
  const body = token.slice(0, dot);
  const mac = Buffer.from(token.slice(dot + 1), 'base64url');
  const want = createHmac('sha256', urlKey(db)).update(body).digest();
  if (mac.length !== want.length || !timingSafeEqual(mac, want)) return null;
  try {
    const c = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as DownloadClaim;
    if (typeof c.l !== 'string' || typeof c.i !== 'number' || typeof c.v !== 'string' || typeof c.exp !== 'number') return null;
    return c;
  } catch {
    return null;
  }
}

// ---------- pre-authenticated preview URLs ----------

/** What a preview URL (driveitem-preview `getUrl`) renders: one version of one file, with the view options asked for. */
export interface PreviewClaim extends DownloadClaim {
  /** `page` of the preview request (string or number), when given. */
  page?: string | number;
  /** `zoom` of the preview request, when given. */
  zoom?: number;
}

/** MAC of a preview token: the same key as download URLs, but a distinct input, so neither kind of token passes as the other. */
function previewMac(db: Db, body: string): Buffer {
  return createHmac('sha256', urlKey(db)).update(`preview:${body}`).digest();
}

/** Makes the opaque token of a pre-authenticated preview URL (signed like download URLs; no table row, survives a restart). */
export function signPreview(db: Db, claim: PreviewClaim): string {
  const body = Buffer.from(JSON.stringify(claim)).toString('base64url');
  return `${body}.${previewMac(db, body).toString('base64url')}`;
}

/** Verifies a preview token; returns its claim, or null when forged or malformed. Expiry is checked by the caller. */
export function verifyPreview(db: Db, token: string): PreviewClaim | null {
  const dot = token.indexOf('.');
  if (dot < 0) return null;
  const body = token.slice(0, dot);
  const mac = Buffer.from(token.slice(dot + 1), 'base64url');
  const want = previewMac(db, body);
  if (mac.length !== want.length || !timingSafeEqual(mac, want)) return null;
  try {
    const c = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as PreviewClaim;
    if (typeof c.l !== 'string' || typeof c.i !== 'number' || typeof c.v !== 'string' || typeof c.exp !== 'number') return null;
    return c;
  } catch {
    return null;
  }
}

// ---------- Range ----------

/**
 * Parses a single `Range: bytes=a-b` (also `a-` and `-n`). Returns null when the header is
 * absent, has several ranges or can't be satisfied: the download docs say the service may then
 * ignore the header and answer 200 with the whole file.
 */
export function parseRange(header: string | null, size: number): { start: number; end: number } | null {
  if (!header) return null;
  const m = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header);
  if (!m) return null;
  const [, a, b] = m;
  if (!a && !b) return null;
  let start: number;
  let end: number;
  if (!a) {
    const n = Number(b);
    if (n === 0) return null;
    start = Math.max(0, size - n);
    end = size - 1;
  } else {
    start = Number(a);
    end = b ? Math.min(Number(b), size - 1) : size - 1;
  }
  if (start > end || start >= size) return null;
  return { start, end };
}
