import { Body1, MessageBar, MessageBarBody, makeStyles, tokens } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { compliancePercent, type AckCampaign } from '../../../../domain/acknowledgements/index.js';
import { ErrorMessage } from '../../../../app/errors/ErrorMessage.js';
import { Loading } from '../../../../app/shell/Loading.js';
import { RouterLink } from '../../../../app/shell/RouterLink.js';
import { ScreenHeading } from '../../../../app/shell/ScreenHeading.js';
import { campaignReportPath } from '../../../../platform/paths.js';
import { DataTable, type DataTableColumn } from '../../../../ui/DataTable.js';
import { campaignsQuery } from '../../campaignQueries.js';
import { campaignStatusLabel, figureLabel } from '../../i18n/reportLabels.js';
import { useCampaignContext, type CampaignContext } from '../../useCampaignContext.js';
import { StartCampaign } from '../StartCampaign/StartCampaign.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  toolbar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  note: { color: tokens.colorNeutralForeground2, margin: 0 },
  table: { minWidth: '880px', tableLayout: 'auto' },
  nowrap: { whiteSpace: 'nowrap' },
});

/**
 * The acknowledgement campaigns (document controllers and SMS managers): each campaign's document, version, due
 * date, status and the figures stored when it was last reconciled (with when), every count a link to the
 * campaign's report filtered to those people; and "Start a campaign".
 */
export function Campaigns() {
  const { t } = useTranslation();
  const { context, error, retry } = useCampaignContext();
  if (error) return <ErrorMessage error={error} context={t('ackCampaigns.error')} onRetry={retry} />;
  if (!context) return <Loading label={t('ackCampaigns.loading')} />;
  if (!context.manages) {
    return (
      <>
        <ScreenHeading>{t('ackCampaigns.title')}</ScreenHeading>
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t('ackCampaigns.notAllowed')}</MessageBarBody>
        </MessageBar>
      </>
    );
  }
  return <CampaignList ctx={context} />;
}

function CampaignList({ ctx }: { ctx: CampaignContext }) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const navigate = useNavigate();
  const campaigns = useQuery(campaignsQuery(ctx.client, ctx.site, ctx.timeZone));
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short', timeZone: ctx.timeZone });

  const count = (c: AckCampaign, status: 'acknowledged' | 'pending' | 'overdue' | 'waived') => {
    const value = c.figures?.[status] ?? null;
    if (value === null) return '—';
    const label = figureLabel(t, status);
    return (
      <RouterLink to={campaignReportPath(c.id, status)} aria-label={t('ackCampaigns.countLink', { label, count: value, docId: c.docId, version: c.versionLabel })}>
        {String(value)}
      </RouterLink>
    );
  };
  const columns: DataTableColumn<AckCampaign>[] = [
    {
      key: 'doc',
      header: t('ackCampaigns.col.document'),
      render: (c) => (
        <RouterLink to={campaignReportPath(c.id)} aria-label={t('ackCampaigns.openReport', { docId: c.docId, version: c.versionLabel, title: c.docTitle })}>
          {`${c.docId} · ${c.docTitle}`}
        </RouterLink>
      ),
    },
    { key: 'version', header: t('ackCampaigns.col.version'), render: (c) => c.versionLabel },
    { key: 'trigger', header: t('ackCampaigns.col.trigger'), render: (c) => t(c.trigger === 'On demand' ? 'ackCampaigns.trigger.onDemand' : 'ackCampaigns.trigger.publication') },
    { key: 'due', header: t('ackCampaigns.col.dueDate'), render: (c) => c.dueDate, cellClassName: styles.nowrap },
    { key: 'status', header: t('ackCampaigns.col.status'), render: (c) => campaignStatusLabel(t, c.status) },
    {
      key: 'acknowledged',
      header: t('ackCampaigns.col.acknowledged'),
      render: (c) =>
        c.figures ? (
          <RouterLink to={campaignReportPath(c.id, 'acknowledged')} aria-label={t('ackCampaigns.ofLink', { done: c.figures.acknowledged, targeted: c.figures.targeted, docId: c.docId, version: c.versionLabel })}>
            {t('ackCampaigns.of', { done: c.figures.acknowledged, targeted: c.figures.targeted })}
          </RouterLink>
        ) : (
          t('ackCampaigns.notCounted')
        ),
      cellClassName: styles.nowrap,
    },
    { key: 'percent', header: t('ackCampaigns.col.percent'), render: (c) => (c.figures && compliancePercent(c.figures) !== null ? `${compliancePercent(c.figures)}%` : '—') },
    { key: 'pending', header: figureLabel(t, 'pending'), render: (c) => count(c, 'pending') },
    { key: 'overdue', header: figureLabel(t, 'overdue'), render: (c) => count(c, 'overdue') },
    { key: 'waived', header: figureLabel(t, 'waived'), render: (c) => count(c, 'waived') },
    { key: 'asOf', header: t('ackCampaigns.col.asOf'), render: (c) => (c.lastRunOn ? when.format(new Date(c.lastRunOn)) : '—'), cellClassName: styles.nowrap },
  ];

  return (
    <div className={styles.root}>
      <ScreenHeading>{t('ackCampaigns.title')}</ScreenHeading>
      <Body1 as="p" className={styles.note}>
        {t('ackCampaigns.intro')}
      </Body1>
      <div className={styles.toolbar}>
        <StartCampaign ctx={ctx} onStarted={(c) => void navigate(campaignReportPath(c.id))} />
      </div>
      {campaigns.isError ? (
        <ErrorMessage error={campaigns.error} context={t('ackCampaigns.error')} onRetry={() => void campaigns.refetch()} />
      ) : !campaigns.data ? (
        <Loading label={t('ackCampaigns.loading')} />
      ) : (
        <DataTable label={t('ackCampaigns.title')} columns={columns} rows={campaigns.data} rowKey={(c) => c.id} empty={t('ackCampaigns.empty')} className={styles.table} />
      )}
    </div>
  );
}
