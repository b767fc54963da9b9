import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../app/errors/ErrorMessage.js';
import { Loading } from '../../../app/shell/Loading.js';
import { useMyAckContext } from '../useMyAckContext.js';
import { AckStatusRelease } from './AckStatusRelease.js';

/**
 * The "Acknowledgement status" web part's content: the live figure of a document's newest release asked about
 * (`doc`), or of one campaign (`campaign`, an item id of `Acknowledgement Campaigns`). Requests and
 * acknowledgements are readable by all staff, so any reader of the page sees the figure. Its link opens the report
 * in the app, in a new tab.
 */
export function AckStatusWebPart({ doc, campaign }: { doc?: string; campaign?: string }) {
  const { t } = useTranslation();
  const { context, error, retry } = useMyAckContext();
  if (error) return <ErrorMessage error={error} context={t('ackStatus.error')} onRetry={retry} />;
  if (!context) return <Loading label={t('ackStatus.loading')} />;
  return <AckStatusRelease ctx={context} target={campaign ? { campaignId: campaign } : { docId: doc ?? '' }} newTab />;
}
