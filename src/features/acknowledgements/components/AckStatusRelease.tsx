import { useMemo } from 'react';
import { Body1 } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { GraphError } from '../../../../graph/core/errors.js';
import { ErrorMessage } from '../../../app/errors/ErrorMessage.js';
import { Loading } from '../../../app/shell/Loading.js';
import { figuresOf, type AckCampaign } from '../../../domain/acknowledgements/index.js';
import { campaignReportPath, releaseReportPath } from '../../../platform/paths.js';
import { campaignQuery, documentCampaignsQuery, releaseRecordsQuery } from '../campaignQueries.js';
import type { MyAckContext } from '../useMyAckContext.js';
import { AckStatus } from './AckStatus.js';

const byVersion = (a: AckCampaign, b: AckCampaign) => b.versionLabel.localeCompare(a.versionLabel, undefined, { numeric: true }) || Number(b.id) - Number(a.id);

/** What the figure is of: a document's release (the given version, else its newest asked about), or one campaign. */
export type AckStatusTarget = { readonly docId: string; readonly versionLabel?: string | null } | { readonly campaignId: string };

/**
 * The live figure of a release or campaign (every trusted acknowledgement counted, one `$batch` for the release's
 * records after its campaigns are found), as an `AckStatus` line linking to its report.
 */
export function AckStatusRelease({ ctx, target, newTab = false }: { ctx: MyAckContext; target: AckStatusTarget; /** See `AckStatusProps.newTab`. */ newTab?: boolean }) {
  const { t } = useTranslation();
  const byCampaign = 'campaignId' in target;
  const docCampaigns = useQuery({ ...documentCampaignsQuery(ctx.client, ctx.site, byCampaign ? '' : target.docId, ctx.timeZone), enabled: !byCampaign });
  const oneCampaign = useQuery({ ...campaignQuery(ctx.client, ctx.site, byCampaign ? target.campaignId : '', ctx.timeZone), enabled: byCampaign });
  const campaign = useMemo<AckCampaign | null | undefined>(() => {
    if (byCampaign) return oneCampaign.data;
    if (!docCampaigns.data) return undefined;
    const wanted = target.versionLabel ? docCampaigns.data.filter((c) => c.versionLabel === target.versionLabel) : docCampaigns.data;
    return [...wanted].sort(byVersion)[0] ?? null;
  }, [byCampaign, oneCampaign.data, docCampaigns.data, target]);
  const records = useQuery({ ...releaseRecordsQuery(ctx.client, ctx.site, campaign?.releaseId ?? 0, ctx.today, ctx.timeZone), enabled: !!campaign });
  const failed = [docCampaigns, oneCampaign, records].find((q) => q.isError);
  // 404 from `lists/{title}`: the acknowledgement lists are not provisioned on the site yet (not an error).
  if (failed?.error instanceof GraphError && failed.error.status === 404) return <Body1 as="p">{t('ackStatus.homeMissing')}</Body1>;
  if (failed) return <ErrorMessage error={failed.error} context={t('ackStatus.error')} onRetry={() => void failed.refetch()} />;
  if (campaign === null) {
    return <Body1 as="p">{'docId' in target && target.versionLabel ? t('ackStatus.documentNone', { version: target.versionLabel }) : t('ackStatus.notPublished', { doc: 'docId' in target ? target.docId : '' })}</Body1>;
  }
  if (!campaign || !records.data) return <Loading label={t('ackStatus.loading')} />;
  const views = byCampaign ? records.data.views.filter((v) => String(v.request.campaignId) === campaign.id) : records.data.views;
  return (
    <Body1 as="p">
      <AckStatus docId={campaign.docId} versionLabel={campaign.versionLabel} figures={figuresOf(views)} to={byCampaign ? campaignReportPath(campaign.id) : releaseReportPath(campaign.releaseId)} newTab={newTab} />
    </Body1>
  );
}
