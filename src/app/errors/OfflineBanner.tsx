import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useOnline } from './useOnline.js';

/** Says so while the browser is offline; the screen underneath keeps what it shows. */
export function OfflineBanner() {
  const { t } = useTranslation();
  const online = useOnline();
  if (online) return null;
  return (
    <MessageBar intent="warning" layout="multiline" role="status">
      <MessageBarBody>{t('offline.banner')}</MessageBarBody>
    </MessageBar>
  );
}
