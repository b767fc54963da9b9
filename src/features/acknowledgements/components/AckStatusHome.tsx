import { useId } from 'react';
import { Body1, Caption1, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { RouterLink } from '../../../app/shell/RouterLink.js';
import { ackCampaignsPath, campaignReportPath } from '../../../platform/paths.js';
import type { HomeComplianceSlotProps } from '../../../ui/slots.js';
import { AckStatus } from './AckStatus.js';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  heading: { ...typographyStyles.body1Strong, margin: 0 },
  note: { color: tokens.colorNeutralForeground2 },
});

/**
 * Home's "Acknowledgement compliance" card (fills Home's `homeAcknowledgementCompliance` slot): each open
 * campaign's figure, brought up to date with the acknowledgements since it was stored, each a link to its report.
 * Home reads the figures in its own `$batch` (src/platform/acknowledgements/homeCompliance.ts) and passes them in;
 * the card frame (`className`) is Home's.
 */
export function AckStatusHome({ compliance, className }: HomeComplianceSlotProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const id = useId();
  if (compliance.state === 'noAccess') return null;
  return (
    <section className={className} aria-labelledby={id}>
      <h3 id={id} className={styles.heading}>
        {t('ackStatus.homeTitle')}
      </h3>
      {compliance.state === 'missingList' ? (
        <Caption1 className={styles.note}>{t('ackStatus.homeMissing')}</Caption1>
      ) : compliance.campaigns.length === 0 ? (
        <Body1 as="p">{t('ackStatus.homeNone')}</Body1>
      ) : (
        <ul className={styles.list}>
          {compliance.campaigns.map((c) => (
            <li key={c.campaignId}>
              <AckStatus docId={c.docId} versionLabel={c.versionLabel} figures={c.figures} to={campaignReportPath(c.campaignId)} />
            </li>
          ))}
        </ul>
      )}
      <Caption1>
        <RouterLink to={ackCampaignsPath()}>{t('ackStatus.allCampaigns')}</RouterLink>
      </Caption1>
    </section>
  );
}
