import { Body1 } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { NotBuiltYet } from '../../src/app/tabs/NotBuiltYet.js';

/**
 * Acknowledgement status web part: who has read and acknowledged one document (`doc`). The
 * Acknowledgements feature is not built yet, so it names the document and says so.
 */
export function AcknowledgementStatusWebPart({ doc }: { doc: string }) {
  const { t } = useTranslation();
  return (
    <>
      <Body1 as="p">{t('webparts.property.doc', { doc })}</Body1>
      <NotBuiltYet area="acknowledgements" />
    </>
  );
}
