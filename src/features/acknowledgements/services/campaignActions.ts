/**
 * The campaign steps of the controller's screens, on the engine (src/platform/acknowledgements/campaigns.ts),
 * as the signed-in person. The app asks for no `TeamsActivity.Send` consent, so these steps give the engine no
 * notice link: a run from the app reconciles (joiners, leavers, overdue, catch-up, figures) and sends no notice,
 * and leaves each request unmarked, so the daily job (which signs in with `TeamsActivity.Send`) sends the notices
 * due ("the same check runs when a controller opens the campaign").
 */
import type { AckCampaign, AckRequest, RequestView } from '../../../domain/acknowledgements/index.js';
import { runCampaign, startCampaign, waiveRequest, type CampaignContext as EngineContext, type StartCampaignInput } from '../../../platform/acknowledgements/campaigns.js';
import { systemClock } from '../../../platform/clock.js';
import type { CampaignContext } from '../useCampaignContext.js';

/** The SMS site's list ids by schema key (`siteListIdsQuery`): the engine's writes and audit entries need them. */
export type ListIds = Readonly<Record<string, string>>;

/** The engine's context for the signed-in person. */
export function engineContext(ctx: CampaignContext, listIds: ListIds, signal?: AbortSignal): EngineContext {
  return { client: ctx.client, site: { siteId: ctx.site.siteId, listIds }, clock: systemClock, timeZone: ctx.timeZone, actor: { upn: ctx.upn, roles: ctx.roles }, notify: false, ...(signal ? { signal } : {}) };
}

/** Reconciles the open campaigns, one after another (a report's opening check). */
export async function reconcileCampaigns(ctx: CampaignContext, listIds: ListIds, campaigns: readonly AckCampaign[]): Promise<void> {
  for (const campaign of campaigns) if (campaign.status === 'Open') await runCampaign(engineContext(ctx, listIds), campaign);
}

/** The SMS manager waives one outstanding person's request, with the reason. */
export function waive(ctx: CampaignContext, listIds: ListIds, view: RequestView, reason: string): Promise<AckRequest> {
  return waiveRequest(engineContext(ctx, listIds), view.request, reason);
}

/** Starts an on-demand campaign (idempotent by `startKey`). */
export async function start(ctx: CampaignContext, listIds: ListIds, input: Omit<StartCampaignInput, 'trigger'>): Promise<AckCampaign> {
  return (await startCampaign(engineContext(ctx, listIds), { ...input, trigger: 'On demand' })).campaign;
}
