import { queryOptions } from '@tanstack/react-query';
import type { GraphClient } from '../../../graph/core/client.js';
import { getHomeCountsWith, type HomeCounts, type HomeCountsInput } from '../../../graph/home/homeCounts.js';
import { homeComplianceOf, homeComplianceRequests, type HomeCompliance } from '../../platform/acknowledgements/homeCompliance.js';
import { toDateOnly } from '../../platform/clock.js';

/** Home's counts, and for SMS managers and document controllers the open acknowledgement campaigns' figures. */
export interface HomeData extends HomeCounts {
  readonly ackCompliance?: HomeCompliance;
}

/**
 * Home's counts, one `$batch` (with the acknowledgement compliance card's two requests when `ackCompliance` is
 * asked for); the key follows the site, the user, the day and what is counted.
 */
export const homeCountsQuery = (client: GraphClient, input: HomeCountsInput & { readonly ackCompliance?: boolean }) =>
  queryOptions({
    queryKey: ['sites', input.siteId, 'home', input.upn.toLowerCase(), toDateOnly(input.today), input.awaitingDecision ? 'awaitingDecision' : 'counts', input.ackCompliance ? 'ackCompliance' : 'mine', input.competenceExpiringBy?.of ?? 'noCompetence'],
    queryFn: async ({ signal }): Promise<HomeData> => {
      const site = { siteId: input.siteId, listIds: {} };
      const extra = input.ackCompliance ? homeComplianceRequests(site, new Date()) : [];
      const { counts, responses } = await getHomeCountsWith(client, input, extra, { signal });
      return input.ackCompliance ? { ...counts, ackCompliance: homeComplianceOf(responses, input.timeZone) } : counts;
    },
  });
