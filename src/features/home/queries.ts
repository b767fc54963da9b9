import { queryOptions } from '@tanstack/react-query';
import type { GraphClient } from '../../../graph/core/client.js';
import { getHomeCounts, type HomeCountsInput } from '../../../graph/home/homeCounts.js';

/** The user's local calendar date (reviews and audits on or after it are upcoming). */
export function localToday(now: Date = new Date()): HomeCountsInput['today'] {
  return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
}

const dayKey = (d: HomeCountsInput['today']) => `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;

/** Home's four counts, one `$batch`; the key follows the site, the user and the day. */
export const homeCountsQuery = (client: GraphClient, input: HomeCountsInput) =>
  queryOptions({
    queryKey: ['sites', input.siteId, 'home', input.upn.toLowerCase(), dayKey(input.today)],
    queryFn: ({ signal }) => getHomeCounts(client, input, { signal }),
  });
