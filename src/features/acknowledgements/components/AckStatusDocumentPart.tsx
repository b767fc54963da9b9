import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentAcknowledgementSlotProps } from '../../../ui/slots.js';
import { useCampaignContext } from '../useCampaignContext.js';
import { AckStatusRelease } from './AckStatusRelease.js';
import { useMyAckStyles } from './MyAck.styles.js';

/**
 * The document page's compliance figure of its published version, for document controllers and SMS managers only
 * (`DocumentAcknowledgementPanel` renders it beside the person's own request). Nothing for anyone else.
 */
export function AckStatusDocumentPart({ docId, publishedVersion }: DocumentAcknowledgementSlotProps) {
  const { t } = useTranslation();
  const styles = useMyAckStyles();
  const headingId = useId();
  const { context } = useCampaignContext();
  if (!context?.manages || !publishedVersion) return null;
  return (
    <section className={styles.card} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.sectionHeading}>
        {t('ackStatus.documentTitle')}
      </h2>
      <AckStatusRelease ctx={context} target={{ docId, versionLabel: publishedVersion }} />
    </section>
  );
}
