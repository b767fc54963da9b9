import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { useSession } from '../../../../app/session/SessionContext.js';
import type { VersionStatus } from '../../../../domain/documents/constants.js';
import { documentQuery, groupsQuery, versionHistoryQuery } from '../../queries.js';
import { currentVersionOf, DocumentNotFoundError, offeredActions, permissionsOf, versionStory, workingVersionOf, type DocumentServices, type DocumentSnapshot, type DocumentVersionView, type StoryEntry, type VersionEntry } from '../../services/index.js';
import { useDocumentServices } from '../../useDocumentServices.js';

/** Release statuses everyone may see; the others belong to drafts. */
const PUBLIC_RELEASE_STATUSES: readonly VersionStatus[] = ['Published', 'Superseded', 'Withdrawn'];

/** `/documents/:docId`: the DocId of the route and the lifecycle services of the signed-in user. */
export function useDocumentScreen() {
  const { docId = '' } = useParams();
  return { docId, ...useDocumentServices() };
}

/** Where reading one document stands, as the screen shows it. */
export type DocumentState =
  | { phase: 'loading' }
  | { phase: 'notFound' }
  | { phase: 'failed'; error: unknown; retry(): void }
  /** The user may not see this document (a withdrawn one, for readers). */
  | { phase: 'unavailable' }
  | { phase: 'ready'; snapshot: DocumentSnapshot; reload(): Promise<DocumentSnapshot> };

/** Reads one document as the signed-in user sees it; `reload` reads it again and returns the fresh snapshot. */
export function useDocument(services: DocumentServices, docId: string): DocumentState {
  const query = useQuery(documentQuery(services, docId));
  if (query.isError) {
    if (query.error instanceof DocumentNotFoundError) return { phase: 'notFound' };
    return { phase: 'failed', error: query.error, retry: () => void query.refetch() };
  }
  if (!query.data) return { phase: 'loading' };
  const snapshot = query.data;
  if (!permissionsOf(services.me, snapshot.state).canSee) return { phase: 'unavailable' };
  return {
    phase: 'ready',
    snapshot,
    reload: async () => {
      const fresh = await query.refetch();
      if (!fresh.data) throw fresh.error ?? new Error('The document could not be read again.');
      return fresh.data;
    },
  };
}

/**
 * What the page of a readable document shows: the versions and releases the user may see (never
 * a draft to someone who may not see drafts, whatever the service returned), group names for the
 * acknowledgement audience, the version shown in the viewer, and whether restoring is offered.
 */
export function useDocumentDetails(services: DocumentServices, snapshot: DocumentSnapshot) {
  const { client } = useSession();
  const groups = useQuery(groupsQuery(client));
  const history = useQuery(versionHistoryQuery(services, snapshot));
  const [viewing, setViewing] = useState<VersionEntry | null>(null);
  const state = snapshot.state;
  const perms = permissionsOf(services.me, state);
  const versions = (history.data ?? []).filter((v) => perms.seesDrafts || v.major);
  // The document version of each revision, read over the whole history (a reader sees only the published ones).
  const story = new Map<string, StoryEntry>(versionStory(history.data ?? [], state).map((e) => [e.revision, e]));
  const current = currentVersionOf(state, perms.seesDrafts);
  const viewed: DocumentVersionView | null = viewing ? (story.get(viewing.id) ?? null) : current;
  return {
    perms,
    history,
    versions,
    releases: snapshot.releases.filter((r) => perms.seesDrafts || PUBLIC_RELEASE_STATUSES.includes(r.versionStatus)),
    groupName: (id: string) => groups.data?.find((g) => g.id === id)?.displayName ?? id,
    canRestore: perms.canEditDraft || offeredActions(services, state).has('startRevision'),
    /** The version in the viewer: null for the current one. */
    viewing,
    /** Shows a version in the viewer (the current one shows as "current"). */
    view: (v: VersionEntry | null) => setViewing(v?.current ? null : v),
    /** Each revision's document version and state, by revision id (`versionStory`). */
    story,
    /** The story of the versions shown, newest first. */
    storyShown: versions.map((v) => story.get(v.id)).filter((e): e is StoryEntry => e !== undefined),
    /** The version being worked on (for people who see drafts), as the header shows it. */
    working: perms.seesDrafts ? workingVersionOf(state) : null,
    /** The document version in the viewer, with its state (null: nothing published and no draft visible). */
    viewed,
    viewerLabel: viewed?.label ?? viewing?.id ?? versions[0]?.id ?? snapshot.file.versionLabel ?? '',
  };
}
