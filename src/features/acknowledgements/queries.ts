/**
 * TanStack Query options of the employee's side of the Acknowledgements area: their own requests and
 * acknowledgements, and the exact published version of a document they are asked to read. Keys
 * mirror the Graph paths; everything over the acknowledgement lists sits under `ackListsKey`, so a
 * campaign change (campaignQueries.ts) refreshes "My acknowledgements" too.
 */
import { queryOptions, skipToken } from '@tanstack/react-query';
import type { GraphClient } from '../../../graph/core/client.js';
import { smsDocuments } from '../../../graph/schema/documents.js';
import { loadMyAcknowledgements, type AckSite } from '../../platform/acknowledgements/index.js';
import { findPublishedFile, publishedFileBytes, publishedFilePreviewUrl, type PublishedFile } from '../../platform/documentFile.js';
import { sha256Hex } from '../../platform/hash.js';
import { ackListsKey } from './campaignQueries.js';

/** The signed-in person's requests and acknowledgements (every day's view of them). */
export const myAcknowledgementsKey = (siteId: string, upn: string) => [...ackListsKey(siteId), 'mine', upn.trim().toLowerCase()] as const;

/**
 * The person's requests and acknowledgements viewed on the site's `today`: ONE `$batch` round trip
 * (`UserUPN eq <me>` on both lists), whatever the size of the lists.
 */
export const myAcknowledgementsQuery = (client: GraphClient, site: AckSite, upn: string, opts: { today: string; timeZone: string }) =>
  queryOptions({
    queryKey: [...myAcknowledgementsKey(site.siteId, upn), opts.today],
    queryFn: ({ signal }) => loadMyAcknowledgements(client, site, upn, { ...opts, signal }),
  });

/** Every query over one document's published versions in `SMS Documents`. */
const releaseFileKey = (siteId: string, docId: string, releaseLabel: string) => ['sites', siteId, 'lists', smsDocuments.displayName, 'items', docId, 'release', releaseLabel] as const;

/** The file of `docId` at the library version that published `releaseLabel` (two round trips). */
export const publishedFileQuery = (client: GraphClient, siteId: string, docId: string, releaseLabel: string) =>
  queryOptions({
    queryKey: releaseFileKey(siteId, docId, releaseLabel),
    queryFn: ({ signal }) => findPublishedFile(client, siteId, docId, releaseLabel, signal),
    staleTime: 5 * 60_000,
  });

/** What was shown of a published version: its bytes and their SHA-256 (what an acknowledgement records). */
export interface ShownVersion {
  readonly bytes: Uint8Array;
  readonly fileHash: string;
}

/** The bytes of a published version, with their SHA-256 (nothing is read until the file is known). */
export const publishedContentQuery = (client: GraphClient, siteId: string, file: PublishedFile | undefined) =>
  queryOptions({
    queryKey: [...releaseFileKey(siteId, file?.docId ?? '', file?.releaseLabel ?? ''), 'content', file?.libraryVersion ?? ''],
    queryFn: file
      ? async ({ signal }): Promise<ShownVersion> => {
          const bytes = await publishedFileBytes(client, file, signal);
          return { bytes, fileHash: await sha256Hex(bytes) };
        }
      : skipToken,
    staleTime: 5 * 60_000,
  });

/** A short-lived preview URL of a published Word version (only while it is the newest version). */
export const publishedPreviewQuery = (client: GraphClient, siteId: string, file: PublishedFile) =>
  queryOptions({
    queryKey: [...releaseFileKey(siteId, file.docId, file.releaseLabel), 'preview', file.libraryVersion],
    queryFn: ({ signal }) => publishedFilePreviewUrl(client, file, signal),
    // The URL is short-lived; ask again rather than reuse an old one.
    staleTime: 5 * 60_000,
    gcTime: 5 * 60_000,
  });
