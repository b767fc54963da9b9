import { randomBytes } from 'node:crypto';
import type { Emu } from '../emu.js';
import { GraphHttpError, badRequest, conflict } from '../core/errors.js';
import {
  insertSession, findSession, appendFragment, sessionBytes, deleteSession, purgeExpiredSessions, findDrive, type UploadSessionRow,
} from './driveStore.js';
import {
  openDrive, loadTarget, checkDriveIfMatch, guardEdit, replaceContent, uploadNamed, validName,
  type DriveCtx, type Target, type ConflictBehavior,
} from './drives.js';

/**
 * Resumable uploads (https://learn.microsoft.com/graph/api/driveitem-createuploadsession):
 * `createUploadSession` returns a pre-authenticated `uploadUrl`; the client PUTs byte ranges
 * to it in order (`Content-Range: bytes a-b/total`), each a multiple of 320 KiB except the
 * last and under 60 MiB. Intermediate ranges answer 202 with `nextExpectedRanges`, the last
 * one 201 (new file) or 200 (replaced file) with the driveItem. Session state lives in SQLite.
 */

export const FRAGMENT_MULTIPLE = 320 * 1024;
export const MAX_FRAGMENT = 60 * 1024 * 1024;
const SESSION_LIFETIME_MS = 24 * 60 * 60 * 1000;

export interface NewSession {
  /** The folder the file goes to. */
  parent: Target;
  /** Existing file being replaced (item-id form, or a name that exists with conflictBehavior replace). */
  target?: Target;
  name: string;
  behavior: ConflictBehavior;
  declaredSize?: number;
  deferCommit: boolean;
  ifMatch: string | null;
}

const sessionNotFound = () =>
  new GraphHttpError(404, 'itemNotFound', 'The upload session was not found or has expired.', {}, 'uploadSessionNotFound');

/** Creates an upload session and returns the uploadSession resource (200). */
export function createSession(dc: DriveCtx, s: NewSession): Record<string, unknown> {
  const db = dc.emu.db;
  purgeExpiredSessions(db, dc.emu.now().toISOString());
  const name = validName(s.name);
  let targetId: string | null = null;
  if (s.target) {
    if (s.target.kind === 'root' || s.target.node.isFolder) throw badRequest('Cannot upload content to a folder.', 'invalidRequest');
    if (s.behavior === 'fail') throw conflict(`An item with the name '${name}' already exists.`, 'nameAlreadyExists');
    checkDriveIfMatch(s.ifMatch, s.target, dc);
    if (s.behavior === 'replace') {
      guardEdit(dc, s.target.node);
      targetId = s.target.node.id;
    }
  }
  const token = randomBytes(24).toString('base64url');
  const expires = new Date(dc.emu.now().getTime() + SESSION_LIFETIME_MS).toISOString();
  const row: UploadSessionRow = {
    token,
    driveId: dc.drive.id,
    parentId: s.parent.kind === 'root' ? dc.drive.rootId : s.parent.node.id,
    targetId,
    name,
    conflict: s.behavior,
    userId: dc.user.id,
    declaredSize: s.declaredSize ?? null,
    total: null,
    received: 0,
    deferCommit: s.deferCommit,
    ifMatch: s.ifMatch,
    expires,
  };
  insertSession(db, row);
  return { uploadUrl: `${dc.origin}/_upload/${token}`, expirationDateTime: expires, nextExpectedRanges: ['0-'] };
}

function liveSession(emu: Emu, token: string): UploadSessionRow {
  const s = findSession(emu.db, token);
  if (!s) throw sessionNotFound();
  if (s.expires < emu.now().toISOString()) {
    deleteSession(emu.db, token);
    throw sessionNotFound();
  }
  return s;
}

const status = (s: UploadSessionRow) => ({
  expirationDateTime: s.expires,
  nextExpectedRanges: s.total !== null && s.received >= s.total ? [] : [`${s.received}-`],
});

/** GET uploadUrl: the session's status, for resuming. */
export function sessionStatus(emu: Emu, token: string): Record<string, unknown> {
  return status(liveSession(emu, token));
}

/** DELETE uploadUrl: cancels the session and drops its bytes (204). */
export function cancelSession(emu: Emu, token: string): void {
  liveSession(emu, token);
  deleteSession(emu.db, token);
}

const invalidRange = (status: number, message: string, inner: string) => new GraphHttpError(status, 'invalidRange', message, {}, inner);

function parseContentRange(h: string | null): { start: number; end: number; total: number } {
  const m = h ? /^\s*bytes\s+(\d+)-(\d+)\/(\d+)\s*$/i.exec(h) : null;
  if (!m) throw badRequest('A Content-Range header of the form "bytes {start}-{end}/{total}" is required.', 'invalidRequest');
  const start = Number(m[1]);
  const end = Number(m[2]);
  const total = Number(m[3]);
  if (end < start || end >= total) throw invalidRange(400, 'The Content-Range is not valid for the declared file size.', 'invalidStartIndex');
  return { start, end, total };
}

export interface FragmentResult {
  status: number;
  body: Record<string, unknown>;
  ctx?: DriveCtx;
  target?: Target;
}

/**
 * PUT uploadUrl with one byte range. Overlapping ranges (bytes already received) answer 416
 * `invalidRange`/`fragmentOverlap` as the docs say; a range that starts past the next expected
 * byte answers 416 `invalidRange`/`fragmentOutOfOrder`; a total that differs from the session's
 * answers 400 `invalidRange`/`fragmentLengthMismatch`.
 */
export function putFragment(emu: Emu, token: string, contentRange: string | null, bytes: Uint8Array, origin: string): FragmentResult {
  const s = liveSession(emu, token);
  const { start, end, total } = parseContentRange(contentRange);
  const length = end - start + 1;
  if (bytes.byteLength !== length) {
    throw badRequest(`The request body has ${bytes.byteLength} bytes but Content-Range declares ${length}.`, 'invalidRequest');
  }
  if (length >= MAX_FRAGMENT) throw new GraphHttpError(413, 'invalidRequest', 'A fragment must be smaller than 60 MiB.', {}, 'maxFragmentLengthExceeded');
  if ((s.total !== null && total !== s.total) || (s.declaredSize !== null && total !== s.declaredSize)) {
    throw invalidRange(400, 'Declared total size for this fragment is different from that of the upload session.', 'fragmentLengthMismatch');
  }
  if (s.total !== null && s.received >= s.total) throw invalidRange(416, 'All bytes of this upload session were already received.', 'fragmentOverlap');
  if (start < s.received) throw invalidRange(416, 'Uploaded fragment overlaps with existing data.', 'fragmentOverlap');
  if (start > s.received) throw invalidRange(416, `Uploaded fragment is out of order; the next expected byte is ${s.received}.`, 'fragmentOutOfOrder');
  const last = end + 1 === total;
  if (!last && length % FRAGMENT_MULTIPLE !== 0) {
    throw invalidRange(400, 'Each fragment except the last must be a multiple of 320 KiB (327,680 bytes).', 'invalidParameterFormat');
  }
  appendFragment(emu.db, token, start, bytes, total);
  const now = { ...s, received: end + 1, total };
  if (!last || now.deferCommit) return { status: 202, body: status(now) };
  return commit(emu, now, origin);
}

/** POST uploadUrl with an empty body: completes a `deferCommit` session once every byte is in. */
export function commitDeferred(emu: Emu, token: string, origin: string): FragmentResult {
  const s = liveSession(emu, token);
  if (s.total === null || s.received < s.total) {
    throw new GraphHttpError(400, 'invalidRequest', 'The upload session is incomplete.', {}, 'uploadSessionIncomplete');
  }
  return commit(emu, s, origin);
}

/**
 * Turns the received bytes into the file. A name taken meanwhile (conflictBehavior fail)
 * answers 409 `upload_name_conflict` (the code our graph notes record for this case; the
 * current Learn page shows `nameAlreadyExists`) and the session stays until it expires.
 */
function commit(emu: Emu, s: UploadSessionRow, origin: string): FragmentResult {
  const drive = findDrive(emu.db, s.driveId);
  if (!drive) throw sessionNotFound();
  const dc = openDrive(emu, drive, s.userId, 'contribute', origin);
  const bytes = sessionBytes(emu.db, s.token);
  let result: { target: Target; created: boolean };
  if (s.targetId) {
    const t = loadTarget(dc, s.targetId);
    if (t.kind === 'root') throw sessionNotFound();
    checkDriveIfMatch(s.ifMatch, t, dc);
    result = { target: replaceContent(dc, t.node, t.item, bytes), created: false };
  } else {
    const parent = loadTarget(dc, s.parentId);
    result = uploadNamed(dc, parent, s.name, bytes, s.conflict, 'upload_name_conflict');
  }
  deleteSession(emu.db, s.token);
  return { status: result.created ? 201 : 200, body: {}, ctx: dc, target: result.target };
}
