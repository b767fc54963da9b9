/**
 * TanStack Query mutation options of the employee's side: acknowledging a request. It calls the
 * engine's `acknowledge` (exactly once per person and release, src/platform/acknowledgements) and,
 * once it succeeds, puts the acknowledgement into the person's records at once (the request moves
 * to their history without waiting for a re-read), then refreshes every query over the
 * acknowledgement lists and Home's counts. A failure refreshes nothing: the request stays open with
 * what the person was shown, for "Try again".
 */
import type { QueryClient } from '@tanstack/react-query';
import { acknowledge, siteDateIn, type AckRecords } from '../../platform/acknowledgements/index.js';
import { viewRequests, type AckRequest } from '../../domain/acknowledgements/index.js';
import { ackListsKey } from './campaignQueries.js';
import { myAcknowledgementsKey } from './queries.js';
import type { MyAckContext } from './useMyAckContext.js';

/** Home's counts (src/features/home/queries.ts keys them under the site's `home`). */
const homeKey = (siteId: string) => ['sites', siteId, 'home'] as const;

export interface AcknowledgeVariables {
  readonly request: AckRequest;
  /** The statement as shown to the person. */
  readonly attestation: string;
  /** SHA-256 of the bytes of the version shown. */
  readonly fileHash: string;
}

export const acknowledgeMutation = (ctx: MyAckContext, qc: QueryClient) => ({
  mutationFn: (v: AcknowledgeVariables) =>
    acknowledge(ctx.client, ctx.site, ctx.person, v.request, { attestation: v.attestation, fileHash: v.fileHash, channel: 'App' }, { now: new Date().toISOString() }),
  onSuccess: ({ ack }: Awaited<ReturnType<typeof acknowledge>>) => {
    qc.setQueriesData<AckRecords>({ queryKey: myAcknowledgementsKey(ctx.site.siteId, ctx.person.upn) }, (old) => {
      if (!old || old.acks.some((a) => a.key === ack.key)) return old;
      const acks = [...old.acks, ack];
      return { requests: old.requests, acks, views: viewRequests(old.requests, acks, ctx.today, siteDateIn(ctx.timeZone)) };
    });
    void qc.invalidateQueries({ queryKey: ackListsKey(ctx.site.siteId) });
    void qc.invalidateQueries({ queryKey: homeKey(ctx.site.siteId) });
  },
});
