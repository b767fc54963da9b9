import { queryOptions } from '@tanstack/react-query';
import type { GraphClient } from '../../../graph/core/client.js';
import { getHomeCounts, type HomeCountsInput } from '../../../graph/home/homeCounts.js';
import { toDateOnly } from '../../platform/clock.js';


/** Home's counts, one `$batch`; the key follows the site, the user, the day and whether decisions are counted. */
export const homeCountsQuery = (client: GraphClient, input: HomeCountsInput) =>
  queryOptions({
    queryKey: ['sites', input.siteId, 'home', input.upn.toLowerCase(), toDateOnly(input.today), input.awaitingDecision ? 'awaitingDecision' : 'counts'],
    queryFn: ({ signal }) => getHomeCounts(client, input, { signal }),
  });
