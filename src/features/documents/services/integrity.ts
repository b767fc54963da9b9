/**
 * The document-control part of `npm run verify` (scripts/verify.ts): reads every controlled document,
 * release and approval record of the SMS site as the caller (the SMS manager, or the jobs app) and
 * names what does not hold up, by the server's stamps rather than by what a client wrote
 * (domain `integrity.ts`):
 * - decisions written by someone other than their approver, or by the version's author;
 * - published (or superseded) versions whose approval round does not count;
 * - releases whose SHA-256 differs from the bytes of that version of the file;
 * - files left checked out (an operation that did not finish, or a check-out nobody returned).
 * Read-only. Costs a few requests per document (its file, versions and the bytes of each released
 * version): a batch job's cost, never a screen's.
 */
import { downloadItemBytes, downloadVersionBytes, getListItemDriveItem } from '../../../../graph/drive/content.js';
import { checkoutHolder, getPublication } from '../../../../graph/drive/drive.js';
import { listAllItems } from '../../../../graph/lists/items.js';
import { getItemVersions } from '../../../../graph/lists/versions.js';
import { compareVersionLabels } from '../../../domain/documents/versions.js';
import { libraryVersionOfRelease } from '../../../platform/documentFile.js';
import { decisionFindings, publicationApproved, type IntegrityFinding } from '../../../domain/documents/integrity.js';
import { stampedPersonId } from '../../../platform/stamps.js';
import { batch, batchBody } from '../../../../graph/core/batch.js';
import { listItemsRequest } from '../../../../graph/lists/batchRequests.js';
import type { ListItem } from '../../../../graph/lists/items.js';
import { sha256Hex } from './hash.js';
import { approvalsQuery, byCreated, latestRound, releasesQuery } from './load.js';
import { draftReleaseOf, toApprovalRow, toReleaseRow } from './mapping.js';
import type { ReviewHistory } from './reviewHistory.js';
import { releaseDisplayLabel } from './versionStory.js';
import type { ApprovalRow, DocumentServices, DocumentsSite, DocumentSnapshot, ReleaseRow } from './types.js';

type Services = Pick<DocumentServices, 'client' | 'site' | 'people' | 'timeZone'>;

/** Change types that publish a new version of the file (and so need an approval round that counts). */
const PUBLISHING_CHANGES = new Set(['New', 'Major revision', 'Minor revision']);
const ISSUED: ReadonlySet<string> = new Set(['Published', 'Superseded']);

/** The approvals of a release's last round (the round numbers in their titles; see `approvalRound`). */
function lastRoundOf(approvals: readonly ApprovalRow[]): ApprovalRow[] {
  const round = Math.max(0, ...approvals.map((a) => a.round));
  return approvals.filter((a) => a.round === round);
}

/** Findings about the decisions and approvals of every release (no file access). */
export function recordFindings(releases: readonly ReleaseRow[], approvals: readonly ApprovalRow[]): IntegrityFinding[] {
  const out: IntegrityFinding[] = [];
  const byRelease = new Map<string, ApprovalRow[]>();
  for (const a of approvals) byRelease.set(a.releaseItemId, [...(byRelease.get(a.releaseItemId) ?? []), a]);
  for (const r of releases) {
    const mine = byRelease.get(r.itemId) ?? [];
    out.push(...decisionFindings(r.docId, releaseDisplayLabel(r), mine, r.authorId));
    if (ISSUED.has(r.versionStatus) && PUBLISHING_CHANGES.has(r.changeType ?? '') && !publicationApproved(lastRoundOf(mine), r.authorId)) {
      out.push({ kind: 'publishedWithoutApprovals', docId: r.docId, versionLabel: r.versionLabel });
    }
  }
  return out;
}

/** Findings about the files: checked out, or released bytes that differ from the recorded hash. */
async function fileFindings(s: Services, docId: string, listItemId: string, releases: readonly ReleaseRow[], signal?: AbortSignal): Promise<IntegrityFinding[]> {
  const out: IntegrityFinding[] = [];
  const item = await getListItemDriveItem(s.client, s.site.siteId, s.site.documentsListId, listItemId, signal);
  if (!item.id) return out;
  // Release labels are document-control labels (1.3); each publication is a new major library version
  // (4.0) whose metadata names the release label in PublishedVersion: the item's versions map one to the other.
  const [publication, versions] = await Promise.all([getPublication(s.client, s.site.driveId, item.id, signal), getItemVersions(s.client, s.site.siteId, s.site.documentsListId, listItemId, signal)]);
  const holder = checkoutHolder(publication);
  if (holder) out.push({ kind: 'fileCheckedOut', docId, checkedOutTo: stampedPersonId({ user: { id: holder.id } }, s.people) ?? holder.name });
  const labels = versions.map((v) => v.id ?? '').filter((id) => id !== '');
  const current = [...labels].sort(compareVersionLabels).pop();
  for (const r of releases) {
    if (!ISSUED.has(r.versionStatus) || !r.fileHash || !PUBLISHING_CHANGES.has(r.changeType ?? '')) continue;
    const libraryLabel = libraryVersionOfRelease(versions, r.versionLabel);
    if (!libraryLabel) {
      out.push({ kind: 'hashMismatch', docId, versionLabel: r.versionLabel, recorded: r.fileHash, actual: 'no published version of the file carries this label' });
      continue;
    }
    const bytes = libraryLabel === current ? await downloadItemBytes(s.client, s.site.driveId, item.id, signal) : await downloadVersionBytes(s.client, s.site.driveId, item.id, libraryLabel, signal);
    const actual = await sha256Hex(bytes);
    if (actual !== r.fileHash.toLowerCase()) out.push({ kind: 'hashMismatch', docId, versionLabel: r.versionLabel, recorded: r.fileHash, actual });
  }
  return out;
}

/** Every document-control finding of the site (see the file comment), documents in DocId order. */
export async function verifyDocuments(s: Services, signal?: AbortSignal): Promise<IntegrityFinding[]> {
  const [docs, releaseItems, approvalItems] = await Promise.all([
    listAllItems(s.client, s.site.siteId, s.site.documentsListId, { select: ['DocId'], top: 500, signal }),
    listAllItems(s.client, s.site.siteId, s.site.releasesListId, { top: 500, signal }),
    listAllItems(s.client, s.site.siteId, s.site.approvalsListId, { top: 500, signal }),
  ]);
  const releases = releaseItems.map((i) => toReleaseRow(i, s.people, s.timeZone));
  const approvals = approvalItems.map((i) => toApprovalRow(i, s.people));
  const out = recordFindings(releases, approvals);
  const sorted = docs.map((d) => ({ id: String(d.id), docId: String((d.fields as Record<string, unknown>)?.DocId ?? '') })).sort((a, b) => a.docId.localeCompare(b.docId));
  for (const d of sorted) {
    if (!d.docId) continue;
    out.push(...(await fileFindings(s, d.docId, d.id, releases.filter((r) => r.docId === d.docId), signal)));
  }
  return out;
}

/**
 * The findings the document page shows from what it already loaded: decisions of the current round
 * that do not count (no extra request; the rest is `npm run verify`'s).
 */
export function snapshotFindings(snap: Pick<DocumentSnapshot, 'state' | 'draftRelease' | 'approvals'>): IntegrityFinding[] {
  if (!snap.draftRelease) return [];
  return decisionFindings(snap.state.docId, releaseDisplayLabel(snap.draftRelease), snap.approvals, snap.draftRelease.authorId ?? snap.state.authorId);
}

/**
 * The decision findings of the documents a register page shows in review (by DocId): two `$batch`
 * round trips, their release records by DocId (indexed), then the approvals of each version in review
 * (DocumentVersion, indexed). The cost follows the rows shown, never the size of the lists. A caller
 * who may not read the records (staff) gets no findings.
 */
export async function reviewFindings(
  s: Pick<DocumentServices, 'client' | 'people' | 'timeZone'> & { site: Pick<DocumentsSite, 'siteId' | 'releasesListId' | 'approvalsListId'> },
  docIds: readonly string[], signal?: AbortSignal): Promise<Map<string, IntegrityFinding[]>> {
  const out = new Map<string, IntegrityFinding[]>();
  if (docIds.length === 0) return out;
  const { siteId, releasesListId, approvalsListId } = s.site;
  const first = await batch(s.client, docIds.map((docId, i) => listItemsRequest(`r${i}`, siteId, releasesListId, releasesQuery(docId))), { signal });
  const drafts: ReleaseRow[] = [];
  docIds.forEach((_, i) => {
    const res = first.get(`r${i}`);
    if (!res || res.status >= 400) return;
    const rows = (batchBody<{ value?: ListItem[] }>(res).value ?? []).map((item) => toReleaseRow(item, s.people, s.timeZone));
    const draft = draftReleaseOf(rows.sort(byCreated));
    if (draft?.versionStatus === 'In review') drafts.push(draft);
  });
  if (drafts.length === 0) return out;
  const second = await batch(s.client, drafts.map((r, i) => listItemsRequest(`a${i}`, siteId, approvalsListId, approvalsQuery(r.itemId))), { signal });
  drafts.forEach((r, i) => {
    const res = second.get(`a${i}`);
    if (!res || res.status >= 400) return;
    const round = latestRound((batchBody<{ value?: ListItem[] }>(res).value ?? []).map((item) => toApprovalRow(item, s.people)));
    const found = decisionFindings(r.docId, releaseDisplayLabel(r), round, r.authorId);
    if (found.length > 0) out.set(r.docId, found);
  });
  return out;
}

/**
 * The findings of a document's whole review history (every version that went to review, as the page's
 * review history loaded it): decisions that do not count in any round, and issued versions whose
 * last round does not count. None when the decisions could not be read.
 */
export function historyFindings(history: Pick<ReviewHistory, 'versions' | 'decisionsHidden'>): IntegrityFinding[] {
  if (history.decisionsHidden) return [];
  return recordFindings(
    history.versions.map((v) => v.release),
    history.versions.flatMap((v) => v.rounds.flatMap((r) => r.decisions)),
  );
}
