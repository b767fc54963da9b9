/**
 * The review history of a document (issue 9 §5): per version, each submission for review with the
 * note typed for the reviewers, and every review and approval decision of that submission with its
 * comment, who recorded it and when. It stays after publication: it is read from the records, not
 * from the draft state.
 *
 * Where each part lives:
 * - the note typed at submission: the `SMS Audit Trail` entry of the step to In review (`Comment`),
 *   whose author is the server's `createdBy` stamp (src/platform/stamps.ts);
 * - the decisions: `Document Approvals` items of the release (`DocumentVersion` lookup), one round per
 *   submission (`approvalRound`); who decided is `decidedBy` (the item's server-stamped lastModifiedBy).
 *
 * One round trip: a `$batch` with the approvals of every release (the `DocumentVersion` lookup is
 * indexed) and the document's newest audit entries (`EntityRef` is indexed), never a request per
 * version in a loop. People who may not read `Document Approvals` or the audit trail (staff, once
 * those lists are restricted to people who see drafts) get a 403 or 404 on that part: it is left out
 * and reported as hidden, never as an error.
 */
import { batch, type BatchRequest, type BatchResponse } from '../../../../graph/core/batch.js';
import { f } from '../../../../graph/core/filter.js';
import { listItemsRequest } from '../../../../graph/lists/batchRequests.js';
import type { ListItem } from '../../../../graph/lists/items.js';
import { auditTrail } from '../../../../graph/schema/index.js';
import { stampedPersonId, type StampedIdentity } from '../../../platform/stamps.js';
import { approvalsQuery, collection, toApprovals } from './load.js';
import { releaseDisplayLabel } from './versionStory.js';
import type { ApprovalRow, DocumentServices, DocumentSnapshot, ReleaseRow } from './types.js';

type Services = Pick<DocumentServices, 'client' | 'site' | 'people' | 'timeZone'>;

/** One submission of a version for review and what its reviewers and approvers decided. */
export interface ReviewRound {
  readonly round: number;
  /** When it was submitted (null when the trail holds no entry for it). */
  readonly submittedOn: string | null;
  /** Who submitted it (person id), from the audit entry's server stamp. */
  readonly submittedBy: string | null;
  /** The note for the reviewers typed at submission. */
  readonly note: string | null;
  /** Every review and approval of the round, reviews first. */
  readonly decisions: readonly ApprovalRow[];
}

/** The reviews of one version (one release record). */
export interface ReviewedVersion {
  readonly release: ReleaseRow;
  /** The version's label, as everywhere else (`releaseDisplayLabel`). */
  readonly label: string;
  readonly rounds: readonly ReviewRound[];
}

export interface ReviewHistory {
  /** Versions that went to review, newest first. */
  readonly versions: readonly ReviewedVersion[];
  /** The decisions could not be read by this user (no access to `Document Approvals`). */
  readonly decisionsHidden: boolean;
  /** The submission notes could not be read by this user (no access to the audit trail). */
  readonly notesHidden: boolean;
}

/** How many of the document's newest audit entries are read for submission notes. */
export const REVIEW_AUDIT_TOP = 200;

/** Records that note an event on a release rather than being one. */
const EVENT_CHANGE_TYPES: ReadonlySet<string | null> = new Set(['Reviewed – no change', 'Withdrawal']);

interface Submission {
  readonly at: string;
  readonly by: string | null;
  readonly note: string | null;
}

/** Access refused, or the list not there for this user: nothing to show, not an error. */
const hidden = (r: BatchResponse | undefined) => r !== undefined && (r.status === 403 || r.status === 404);

/** Reads the review history of the document of `snap` (see the module comment). */
export async function loadReviewHistory(s: Services, snap: DocumentSnapshot, signal?: AbortSignal): Promise<ReviewHistory> {
  const { siteId, approvalsListId, auditListId } = s.site;
  const releases = snap.releases.filter((r) => !EVENT_CHANGE_TYPES.has(r.changeType));
  if (releases.length === 0) return { versions: [], decisionsHidden: false, notesHidden: false };
  const requests: BatchRequest[] = [
    listItemsRequest('audit', siteId, auditListId, {
      filter: f.eq('fields/EntityRef', snap.state.docId),
      orderby: 'fields/Timestamp desc',
      schema: auditTrail,
      select: ['EventType', 'ToStatus', 'Comment', 'Timestamp', 'ActorUPN'],
      top: REVIEW_AUDIT_TOP,
    }),
    ...releases.map((r) => listItemsRequest(`approvals-${r.itemId}`, siteId, approvalsListId, approvalsQuery(r.itemId))),
  ];
  const answers = await batch(s.client, requests, { signal });

  const audit = answers.get('audit');
  const notesHidden = hidden(audit);
  const submissions = notesHidden ? [] : (await collection(s, audit, signal)).map((i) => submissionOf(s, i)).filter((x): x is Submission => x !== null);
  submissions.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));

  let decisionsHidden = false;
  const decisionsOf = new Map<string, ApprovalRow[]>();
  for (const release of releases) {
    const answer = answers.get(`approvals-${release.itemId}`);
    if (hidden(answer)) decisionsHidden = true;
    else decisionsOf.set(release.itemId, toApprovals(s, await collection(s, answer, signal)));
  }
  // Each submission started one approval round of its release: the newest submissions belong to the
  // newest releases' rounds (a release is never submitted before it is created; the trail may lack
  // submissions older than itself).
  const versions: ReviewedVersion[] = [];
  let next = submissions.length - 1;
  for (const release of [...releases].reverse()) {
    const decisions = decisionsOf.get(release.itemId) ?? [];
    // (Without the decisions, the number of rounds is unknown: every submission since the release was created.)
    const count = release.submittedOn === null ? 0 : decisionsHidden ? Number.POSITIVE_INFINITY : Math.max(1, ...decisions.map((d) => d.round));
    const created = release.createdDateTime ? Date.parse(release.createdDateTime) - 1000 : Number.NEGATIVE_INFINITY;
    const own: Submission[] = [];
    while (own.length < count && next >= 0 && Date.parse(submissions[next]!.at) >= created) own.unshift(submissions[next--]!);
    const rounds = roundsOf(own, decisions);
    if (rounds.length > 0) versions.push({ release, label: releaseDisplayLabel(release), rounds });
  }
  return { versions, decisionsHidden, notesHidden };
}

/** The submission an audit entry records (a step to In review), or null. */
function submissionOf(s: Services, item: ListItem): Submission | null {
  const f = item.fields as Record<string, unknown>;
  if (f.EventType !== 'Transition' || f.ToStatus !== 'In review' || typeof f.Timestamp !== 'string') return null;
  const stamped = stampedPersonId(item.createdBy as StampedIdentity | undefined, s.people);
  const written = typeof f.ActorUPN === 'string' && f.ActorUPN.trim() ? f.ActorUPN.trim().toLowerCase() : null;
  const comment = typeof f.Comment === 'string' && f.Comment.trim() ? f.Comment.trim() : null;
  return { at: f.Timestamp, by: stamped ?? written, note: comment };
}

/**
 * The rounds of one release: approval rounds (1, 2, …) with the submissions that started them, the
 * last submission matching the last round (a submission recorded before the trail existed has no entry).
 */
function roundsOf(submissions: readonly Submission[], decisions: readonly ApprovalRow[]): ReviewRound[] {
  const maxRound = Math.max(0, ...decisions.map((d) => d.round), submissions.length);
  const out: ReviewRound[] = [];
  for (let round = 1; round <= maxRound; round++) {
    const submission = submissions[submissions.length - 1 - (maxRound - round)];
    const own = decisions.filter((d) => d.round === round).sort((a, b) => (a.step === b.step ? Number(a.itemId) - Number(b.itemId) : a.step === 'Review' ? -1 : 1));
    if (!submission && own.length === 0) continue;
    out.push({ round, submittedOn: submission?.at ?? null, submittedBy: submission?.by ?? null, note: submission?.note ?? null, decisions: own });
  }
  return out;
}
