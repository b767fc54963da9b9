/**
 * TanStack Query options of the campaign side of the Acknowledgements area (campaigns, compliance reports, the
 * published releases a campaign can ask about). Keys mirror the Graph paths; a campaign mutation refreshes
 * everything under `ackListsKey`.
 */
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type { GraphClient } from '../../../graph/core/client.js';
import { getTransitiveUserMembers, listGroups } from '../../../graph/directory/members.js';
import { ackCampaigns, ackRequests } from '../../../graph/schema/acknowledgements.js';
import { loadCampaign, loadCampaigns, loadReleaseAcknowledgements, type AckSite } from '../../platform/acknowledgements/read.js';
import { loadListIds } from '../../platform/site.js';
import { loadPublishedReleases } from './services/publishedReleases.js';

/** Every query over the acknowledgement lists of a site (what a campaign change may alter). */
export const ackListsKey = (siteId: string) => ['sites', siteId, 'acknowledgements'] as const;

/** Home's counts and compliance card (src/features/home/queries.ts keys them under the site's `home`). */
export const homeKey = (siteId: string) => ['sites', siteId, 'home'] as const;

/** After a campaign step: everything over the acknowledgement lists, and Home's figures. */
export const refreshAfterCampaignStep = (qc: QueryClient, siteId: string) =>
  Promise.all([qc.invalidateQueries({ queryKey: ackListsKey(siteId) }), qc.invalidateQueries({ queryKey: homeKey(siteId) })]);

/** All campaigns, newest first. */
export const campaignsQuery = (client: GraphClient, site: AckSite, timeZone: string) =>
  queryOptions({
    queryKey: [...ackListsKey(site.siteId), 'lists', ackCampaigns.displayName, 'items'],
    queryFn: async ({ signal }) => (await loadCampaigns(client, site, { timeZone, signal })).sort((a, b) => Number(b.id) - Number(a.id)),
  });

/** One campaign. */
export const campaignQuery = (client: GraphClient, site: AckSite, campaignId: string, timeZone: string) =>
  queryOptions({
    queryKey: [...ackListsKey(site.siteId), 'lists', ackCampaigns.displayName, 'items', campaignId],
    queryFn: ({ signal }) => loadCampaign(client, site, campaignId, { timeZone, signal }),
  });

/** The campaigns of one release (a release's report names them). */
export const releaseCampaignsQuery = (client: GraphClient, site: AckSite, releaseId: number, timeZone: string) =>
  queryOptions({
    queryKey: [...ackListsKey(site.siteId), 'lists', ackCampaigns.displayName, 'items', { releaseId }],
    queryFn: ({ signal }) => loadCampaigns(client, site, { releaseId, timeZone, signal }),
  });

/** The campaigns of one document (every release of it that asked for acknowledgement). */
export const documentCampaignsQuery = (client: GraphClient, site: AckSite, docId: string, timeZone: string) =>
  queryOptions({
    queryKey: [...ackListsKey(site.siteId), 'lists', ackCampaigns.displayName, 'items', { docId }],
    queryFn: ({ signal }) => loadCampaigns(client, site, { docId, timeZone, signal }),
  });

/** A release's requests and acknowledgements, viewed on the site's `today` (one `$batch`). */
export const releaseRecordsQuery = (client: GraphClient, site: AckSite, releaseId: number, today: string, timeZone: string) =>
  queryOptions({
    queryKey: [...ackListsKey(site.siteId), 'lists', ackRequests.displayName, 'items', { releaseId, today }],
    queryFn: ({ signal }) => loadReleaseAcknowledgements(client, site, releaseId, { today, timeZone, signal }),
  });

/** The SMS site's list ids (the engine's writes and audit entries address lists by id), once per session. */
export const siteListIdsQuery = (client: GraphClient, siteId: string) =>
  queryOptions({
    queryKey: ['sites', siteId, 'lists', 'ids'],
    queryFn: ({ signal }) => loadListIds(client, siteId, signal),
    staleTime: Infinity,
  });

/** The published releases a campaign may ask about (document controllers and SMS managers). */
export const publishedReleasesQuery = (client: GraphClient, site: AckSite) =>
  queryOptions({
    queryKey: ['sites', site.siteId, 'lists', 'Document Releases', 'items', 'published'],
    queryFn: ({ signal }) => loadPublishedReleases(client, site, signal),
    staleTime: 60_000,
  });

/** The tenant's groups, for a campaign's audience. */
export const audienceGroupsQuery = (client: GraphClient) =>
  queryOptions({
    queryKey: ['groups'],
    queryFn: ({ signal }) => listGroups(client, signal),
    staleTime: 15 * 60_000,
  });

/** The people of each group (nested groups resolved), for a report's figures by group. */
export const groupPeopleQuery = (client: GraphClient, groupIds: readonly string[]) =>
  queryOptions({
    queryKey: ['groups', 'transitiveMembers', [...groupIds].sort().join(',')],
    queryFn: async ({ signal }) => {
      const members = await Promise.all(groupIds.map((id) => getTransitiveUserMembers(client, id, signal)));
      return new Map(groupIds.map((id, i) => [id, new Set(members[i]!.map((m) => (m.id ?? '').toLowerCase()))]));
    },
    staleTime: 5 * 60_000,
  });
