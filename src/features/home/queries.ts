import { queryOptions } from '@tanstack/react-query';
import type { GraphClient } from '../../../graph/core/client.js';
import { getHomeCounts, type HomeCountsInput } from '../../../graph/home/homeCounts.js';
import { toDateOnly } from '../../platform/clock.js';


/** Home's four counts, one `$batch`; the key follows the site, the user and the day. */
export const homeCountsQuery = (client: GraphClient, input: HomeCountsInput) =>
  queryOptions({
    queryKey: ['sites', input.siteId, 'home', input.upn.toLowerCase(), toDateOnly(input.today)],
    queryFn: ({ signal }) => getHomeCounts(client, input, { signal }),
  });
