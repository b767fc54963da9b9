import type { TFunction } from 'i18next';
import type { CampaignStatus, RequestStatus } from '../../../domain/acknowledgements/index.js';
import type { ReportFilter } from '../screens/Report/reportFilter.js';

/** A request's status in the UI language. */
export const requestStatusLabel = (t: TFunction, status: RequestStatus): string => t(`ackReport.requestStatus.${status}`);

/** A campaign's status in the UI language. */
export const campaignStatusLabel = (t: TFunction, status: CampaignStatus): string => t(`ackCampaigns.status.${status}`);

/** A report figure's name (also the filter it links to). */
export const figureLabel = (t: TFunction, filter: ReportFilter): string => t(`ackReport.figure.${filter}`);
