/**
 * The published releases a campaign can ask people to acknowledge: the `Published` items of `Document Releases`
 * (one per document with a published version; the item id is the release id campaigns and requests carry) with
 * the document's title from `SMS Documents`. Document controllers and SMS managers may read `Document Releases`;
 * staff may not (403), and they never start campaigns. Both reads filter ONE indexed column and go out together.
 *
 * Minimum delegated scope: `Sites.Read.All`.
 * Microsoft Learn: https://learn.microsoft.com/graph/api/listitem-list
 */
import type { GraphClient } from '../../../../graph/core/client.js';
import { f } from '../../../../graph/core/filter.js';
import { listAllItems } from '../../../../graph/lists/items.js';
import { documentReleases, smsDocuments } from '../../../../graph/schema/documents.js';
import { listRefOf } from '../../../platform/site.js';
import type { AckSite } from '../../../platform/acknowledgements/read.js';

export interface PublishedRelease {
  /** Item id in `Document Releases`. */
  readonly releaseId: number;
  readonly docId: string;
  readonly title: string;
  readonly versionLabel: string;
  readonly fileHash: string | null;
  /** The release asks staff to acknowledge it (`AckRequired`). */
  readonly ackRequired: boolean;
  /** The Entra groups the publication asked (`AckAudienceGroups`), one id per entry. */
  readonly audienceGroups: readonly string[];
}

const text = (v: unknown): string => (typeof v === 'string' ? v : '');

/** Every published release, by document id. */
export async function loadPublishedReleases(client: GraphClient, site: AckSite, signal?: AbortSignal): Promise<PublishedRelease[]> {
  const [releases, documents] = await Promise.all([
    listAllItems(client, site.siteId, listRefOf(site, documentReleases.key), {
      schema: documentReleases,
      filter: f.eq('fields/VersionStatus', 'Published'),
      select: ['DocId', 'VersionLabel', 'VersionStatus', 'FileHash', 'AckRequired', 'AckAudienceGroups'],
      properties: ['id'],
      top: 999,
      signal,
    }),
    listAllItems(client, site.siteId, listRefOf(site, smsDocuments.key), {
      schema: smsDocuments,
      filter: f.eq('fields/DocStatus', 'Published'),
      select: ['DocId', 'Title'],
      properties: ['id'],
      top: 999,
      signal,
    }),
  ]);
  const titles = new Map(documents.map((d) => [text(d.fields?.DocId), text(d.fields?.Title)]));
  return releases
    .filter((r) => r.fields?.VersionStatus === 'Published' && titles.has(text(r.fields?.DocId)))
    .map((r) => {
      const fields = r.fields ?? {};
      const docId = text(fields.DocId);
      return {
        releaseId: Number(r.id),
        docId,
        title: titles.get(docId) || docId,
        versionLabel: text(fields.VersionLabel),
        fileHash: text(fields.FileHash) || null,
        ackRequired: fields.AckRequired === true,
        audienceGroups: text(fields.AckAudienceGroups)
          .split(/\r?\n/)
          .map((s) => s.trim())
          .filter((s) => s !== ''),
      };
    })
    .sort((a, b) => a.docId.localeCompare(b.docId));
}
