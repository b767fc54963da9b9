import { Body1 } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { AckStatusWebPart } from '../../src/features/acknowledgements/index.js';

/**
 * Acknowledgement status web part: the compliance figure of one document's newest release asked about (`doc`), or
 * of one campaign (`campaign`): "SMS-POL-001 3.0: 15 of 16 acknowledged (93%) · 1 overdue", a link to its report.
 * The Acknowledgements feature's `AckStatusWebPart` renders it.
 */
export function AcknowledgementStatusWebPart({ doc, campaign }: { doc?: string; campaign?: string }) {
  const { t } = useTranslation();
  return (
    <>
      <Body1 as="p">{campaign ? t('webparts.property.campaign', { campaign }) : t('webparts.property.doc', { doc })}</Body1>
      <AckStatusWebPart doc={doc} campaign={campaign} />
    </>
  );
}
