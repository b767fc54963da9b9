import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { GraphClient } from '../../../graph/core/client.js';
import { DOCUMENTS_LIST, fetchRegisterPage, type RegisterPage, type RegisterParams } from './services/registerQuery.js';
import { listGroups } from '../../../graph/directory/members.js';
import { documentApprovals, documentReleases, smsDocuments } from '../../../graph/schema/documents.js';
import type { PeopleDirectory } from '../../platform/people.js';
import { getAwaitingDecision } from '../../../graph/home/awaitingDecision.js';
import { reviewFindings, loadDocument, loadDocumentsSite, loadPeopleDirectory, loadReviewHistory, loadVersionHistory, previewUrl, versionBytes, type DocumentServices, type DocumentSnapshot } from './services/index.js';

/**
 * TanStack Query options of the Documents area. Keys mirror the Graph paths
 * (`sites/{site-id}/lists/{list}/items`) plus what shapes the request; the QueryClient is per
 * session, so keys need not carry the user.
 */

/**
 * The document register, one "load" per page (see `fetchRegisterPage`); "Load more" follows the
 * last `@odata.nextLink`. Changing a filter, the sort or a DocId search is a new key (a new first
 * page); a title search is applied to the loaded rows and is not part of the key.
 */
export const documentRegisterQuery = (client: GraphClient, siteId: string, params: RegisterParams) =>
  infiniteQueryOptions({
    queryKey: ['sites', siteId, 'lists', DOCUMENTS_LIST, 'items', 'register', params],
    queryFn: ({ pageParam, signal }): Promise<RegisterPage> => fetchRegisterPage(client, siteId, params, { nextLink: pageParam, signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextLink,
    staleTime: 60_000,
  });

/** Every query over the `SMS Documents` library of a site. */
export const documentsListKey = (siteId: string) => ['sites', siteId, 'lists', smsDocuments.displayName] as const;
export const documentKey = (siteId: string, docId: string) => [...documentsListKey(siteId), 'items', docId] as const;

/**
 * The DocIds awaiting the decision of `upn` (their approvals in `Document Approvals`, releases in
 * `Document Releases`; one `$batch`). Kept under the documents' key, so that a decision, which
 * refreshes the documents, refreshes this too.
 */
export const awaitingDecisionQuery = (client: GraphClient, siteId: string, upn: string, userId?: string | null) =>
  queryOptions({
    queryKey: [...documentsListKey(siteId), 'awaitingMyDecision', upn.toLowerCase()],
    queryFn: ({ signal }) => getAwaitingDecision(client, siteId, upn, { signal, userId }),
  });

/** The document-control lists, library drive and group of the SMS site (once per session). */
export const documentsSiteQuery = (client: GraphClient, siteId: string, siteWebUrl: string) =>
  queryOptions({
    queryKey: ['sites', siteId, 'documents', 'lists'],
    queryFn: ({ signal }) => loadDocumentsSite(client, siteId, siteWebUrl, signal),
    staleTime: Infinity,
  });

/** Users with their site lookup ids, roles and owned processes. */
export const peopleDirectoryQuery = (client: GraphClient, siteId: string) =>
  queryOptions({
    queryKey: ['sites', siteId, 'documents', 'people'],
    queryFn: ({ signal }) => loadPeopleDirectory(client, siteId, signal),
    staleTime: 15 * 60_000,
  });

/** Groups of the tenant, for the acknowledgement audience. */
export const groupsQuery = (client: GraphClient) =>
  queryOptions({
    queryKey: ['groups'],
    queryFn: ({ signal }) => listGroups(client, signal),
    staleTime: 15 * 60_000,
  });

/** One document as the signed-in user sees it. */
export const documentQuery = (s: DocumentServices, docId: string) =>
  queryOptions({
    queryKey: documentKey(s.site.siteId, docId),
    queryFn: ({ signal }) => loadDocument(s, docId, signal),
  });

/** The version history of a document (library versions with their metadata). */
export const versionHistoryQuery = (s: DocumentServices, snap: DocumentSnapshot) =>
  queryOptions({
    queryKey: [...documentKey(s.site.siteId, snap.state.docId), 'versions', snap.file.versionLabel ?? ''],
    queryFn: ({ signal }) => loadVersionHistory(s, snap, signal),
  });

/**
 * The review history of a document: each submission's note and every decision, per version (one
 * `$batch`; see services/reviewHistory.ts). Keyed by the release records it reads, so a new decision
 * or submission (which the mutations refresh under `documentKey`) reads it again.
 */
export const reviewHistoryQuery = (s: DocumentServices, snap: DocumentSnapshot) =>
  queryOptions({
    queryKey: [...documentKey(s.site.siteId, snap.state.docId), 'reviews', snap.releases.map((r) => `${r.itemId}:${r.eTag}`).join(','), snap.approvals.map((a) => `${a.itemId}:${a.eTag}`).join(',')],
    queryFn: ({ signal }) => loadReviewHistory(s, snap, signal),
  });

/** The bytes of one version (null = the current one the user sees). */
export const versionContentQuery = (s: DocumentServices, snap: DocumentSnapshot, version: { id: string; current: boolean } | null) =>
  queryOptions({
    queryKey: [...documentKey(s.site.siteId, snap.state.docId), 'versions', version?.current === false ? version.id : `current:${snap.file.versionLabel ?? ''}`, 'content'],
    queryFn: ({ signal }) => versionBytes(s, snap, version, signal),
    staleTime: 5 * 60_000,
  });

/** A short-lived preview URL of the current visible version (Office files). */
export const previewQuery = (s: DocumentServices, snap: DocumentSnapshot) =>
  queryOptions({
    queryKey: [...documentKey(s.site.siteId, snap.state.docId), 'preview', snap.file.versionLabel ?? ''],
    queryFn: ({ signal }) => previewUrl(s, snap, signal),
    // The URL is short-lived; ask again rather than reuse an old one.
    staleTime: 5 * 60_000,
    gcTime: 5 * 60_000,
  });

/**
 * Decisions that do not count among the register rows in review (`reviewFindings`: two `$batch` round
 * trips for the rows shown). The lists are addressed by title, which Graph accepts in place of an id.
 */
export const registerIntegrityQuery = (client: GraphClient, siteId: string, people: PeopleDirectory | undefined, docIds: readonly string[], timeZone?: string) =>
  queryOptions({
    queryKey: [...documentsListKey(siteId), 'integrity', [...docIds].sort().join(',')],
    queryFn: ({ signal }) =>
      reviewFindings({ client, people: people!, timeZone, site: { siteId, releasesListId: documentReleases.displayName, approvalsListId: documentApprovals.displayName } }, docIds, signal),
    enabled: people !== undefined && docIds.length > 0,
  });
