import type { TFunction } from 'i18next';
import type { CampaignStatus, RequestStatus } from '../../../domain/acknowledgements/index.js';
import type { CampaignRefusalCode } from '../../../platform/acknowledgements/campaigns.js';
import type { ReportFilter } from '../screens/Report/reportFilter.js';

/** A request's status in the UI language. */
export const requestStatusLabel = (t: TFunction, status: RequestStatus): string => t(`ackReport.requestStatus.${status}`);

/** A campaign's status in the UI language. */
export const campaignStatusLabel = (t: TFunction, status: CampaignStatus): string => t(`ackCampaigns.status.${status}`);

/** A report figure's name (also the filter it links to). */
export const figureLabel = (t: TFunction, filter: ReportFilter): string => t(`ackReport.figure.${filter}`);

/**
 * Why the rules or the campaign engine refused a step, in the UI language (their own messages are English, for logs
 * and the command line). The waive dialog words a missing reason and a missing role in its own terms.
 */
export function campaignRefusalText(t: TFunction, code: CampaignRefusalCode): string {
  if (code === 'reasonRequired') return t('ackReport.waive.reasonRequired');
  return t(`ackCampaign.refusal.${code}`);
}
