/**
 * One version label per state of a document (issue 9 §5), the same in the header, the content, the
 * history, the releases and the dialogs.
 *
 * Three numbers exist underneath, and only one is the document's version:
 * - the release label (`Document Releases.VersionLabel`, the library's `PublishedVersion`): the
 *   document-control version printed in the document, e.g. 1.0, 1.3, 2.0. A new document's draft
 *   release is recorded as 0.1 and relabelled 1.0 when it is published (`releaseLabelOf` in
 *   src/domain/documents/lifecycle.ts); a revision keeps its label (1.1, 2.0) from draft to publication;
 * - the library's `_UIVersionString` and the file's version ids (0.1 … 0.8, 1.0, 1.1 …): SharePoint
 *   makes one for every save, upload, status change and check-in. These are *revisions* of the file,
 *   shown as such, never as the document's version.
 *
 * The label a version carries is the label it is (or will be) released under, from the first draft on:
 * a reviewer reviews "1.0 in review", the approver approves 1.0, and 1.0 is what gets published. The
 * state is the document-control state of that revision: Draft, In review, Approved, Published,
 * Withdrawn, Archived, or an unpublished change (metadata saved on top of a published version, which
 * readers do not see until the next publication). A revision saved while its version was in review or
 * approved, other than by a status step, is a change after submission: the reviewers did not see it.
 */
import { releaseLabelOf } from '../../../domain/documents/lifecycle.js';
import type { DocStatus } from '../../../domain/documents/constants.js';
import type { DocumentState } from '../../../domain/documents/types.js';
import { isPublishedLabel } from '../../../domain/documents/versions.js';
import type { ReleaseRow } from './types.js';
import type { VersionEntry } from './versions.js';

/** The document-control state of one revision. */
export type StoryState = 'Draft' | 'In review' | 'Approved' | 'Published' | 'Withdrawn' | 'Archived' | 'Unpublished change';

/** A document version as a person sees it: its label and its state. */
export interface DocumentVersionView {
  /** The release label (e.g. `1.0`): the document's version, the same everywhere. */
  readonly label: string;
  readonly state: StoryState;
}

/** One revision of the history with the document version it belongs to. */
export interface StoryEntry extends DocumentVersionView {
  /** The library/file revision id (`0.7`, `1.0`), to tell revisions of one version apart. */
  readonly revision: string;
  /**
   * True when this revision, or one before it in the same review, was saved while the version was
   * in review or approved other than by a status step: what is approved or published is not
   * exactly what was submitted.
   */
  readonly changedAfterSubmission: boolean;
}

/** Statuses in which the document is being worked on (its version is a draft, in review or approved). */
const WORKING: readonly DocStatus[] = ['Draft', 'Under revision', 'In review', 'Approved'];

/**
 * The label a draft release is released under: a new document's 0.x draft becomes 1.0, a revision
 * keeps its own label (see `releaseLabelOf`).
 */
export function releasedAs(draftLabel: string): string {
  return releaseLabelOf({ publishedVersion: null, draftVersion: draftLabel }) ?? draftLabel;
}

/** The label a release record shows: the published label, or for an unpublished release the label it is released under. */
export function releaseDisplayLabel(r: Pick<ReleaseRow, 'versionLabel' | 'versionStatus'>): string {
  return r.versionStatus === 'Draft' || r.versionStatus === 'In review' || r.versionStatus === 'Approved' || r.versionStatus === 'Rejected' ? releasedAs(r.versionLabel) : r.versionLabel;
}

const stateOfStatus = (status: DocStatus): StoryState => (status === 'Under revision' ? 'Draft' : status);

/** The version being worked on (draft, in review, approved), or null when the document has none. */
export function workingVersionOf(state: DocumentState): DocumentVersionView | null {
  if (!WORKING.includes(state.status) || state.draftVersion === null) return null;
  return { label: releasedAs(state.draftVersion), state: stateOfStatus(state.status) };
}

/**
 * The version the page is about for this user: the one being worked on, for people who see drafts;
 * else the published (or withdrawn, archived) one. Null when there is none (nothing published yet).
 */
export function currentVersionOf(state: DocumentState, seesDrafts: boolean): DocumentVersionView | null {
  const working = seesDrafts ? workingVersionOf(state) : null;
  if (working) return working;
  if (state.publishedVersion === null) return null;
  return { label: state.publishedVersion, state: state.status === 'Withdrawn' || state.status === 'Archived' ? state.status : 'Published' };
}

const statusOf = (v: VersionEntry): DocStatus | null => (typeof v.fields.DocStatus === 'string' ? (v.fields.DocStatus as DocStatus) : null);
const publishedOf = (v: VersionEntry): string | null => (typeof v.fields.PublishedVersion === 'string' && v.fields.PublishedVersion.trim() ? v.fields.PublishedVersion : null);
const inReviewOrApproved = (s: DocStatus | null) => s === 'In review' || s === 'Approved';

/**
 * Each revision of `versions` (newest first, as `loadVersionHistory` returns them) with the document
 * version it belongs to and its state (see the module comment). `state` is the document as loaded:
 * revisions after the last publication belong to the version being worked on now.
 */
export function versionStory(versions: readonly VersionEntry[], state: DocumentState): StoryEntry[] {
  const working = workingVersionOf(state);
  const oldestFirst = [...versions].reverse();
  // The label of the publication that ends each revision's run of drafts (null: none yet).
  const nextMajor: (string | null)[] = new Array<string | null>(oldestFirst.length).fill(null);
  let upcoming: string | null = null;
  for (let i = oldestFirst.length - 1; i >= 0; i--) {
    const v = oldestFirst[i]!;
    if (isPublishedLabel(v.id)) upcoming = publishedOf(v) ?? v.id;
    nextMajor[i] = upcoming;
  }
  const out: StoryEntry[] = [];
  let lastPublished: string | null = null;
  let changed = false;
  oldestFirst.forEach((v, i) => {
    const status = statusOf(v);
    const previous = i > 0 ? statusOf(oldestFirst[i - 1]!) : null;
    const major = isPublishedLabel(v.id);
    // A new submission starts a review; a revision saved during it without a status step is a change after submission.
    if (status === 'In review' && !inReviewOrApproved(previous)) changed = false;
    else if (inReviewOrApproved(status) && status === previous) changed = true;
    let view: DocumentVersionView;
    if (major) {
      view = { label: publishedOf(v) ?? v.id, state: status === 'Withdrawn' || status === 'Archived' ? status : 'Published' };
    } else if (status !== null && !WORKING.includes(status) && (publishedOf(v) === lastPublished || nextMajor[i] === null)) {
      // Metadata saved on top of the published version (readers see it at the next publication).
      view = { label: publishedOf(v) ?? lastPublished ?? v.id, state: 'Unpublished change' };
    } else {
      // A draft revision of the version the next publication releases (or of the one being worked on now).
      const label = nextMajor[i] ?? working?.label ?? (state.draftVersion ? releasedAs(state.draftVersion) : (publishedOf(v) ?? v.id));
      // A revision saved with the publication's metadata just before the file was published holds the approved content.
      view = { label, state: status === null || status === 'Draft' || status === 'Under revision' ? 'Draft' : inReviewOrApproved(status) ? status : 'Approved' };
    }
    const editable = view.state === 'Draft' || view.state === 'Unpublished change';
    out.push({ ...view, revision: v.id, changedAfterSubmission: changed && !editable });
    if (major) lastPublished = view.label;
    if (major || editable) changed = false;
  });
  return out.reverse();
}
