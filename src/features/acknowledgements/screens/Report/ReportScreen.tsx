import { useParams } from 'react-router';
import { Report } from './Report.js';

/** `/acknowledgements/campaigns/:campaignId`: one campaign's compliance report. */
export function CampaignReportScreen() {
  const { campaignId = '' } = useParams();
  return <Report key={campaignId} target={{ campaignId }} />;
}

/** `/acknowledgements/releases/:releaseId`: a release's compliance report (every campaign that asked about it). */
export function ReleaseReportScreen() {
  const { releaseId = '' } = useParams();
  return <Report key={releaseId} target={{ releaseId: Number(releaseId) }} />;
}
