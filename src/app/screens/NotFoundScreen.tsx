import { Body1 } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { RouterLink } from '../shell/RouterLink.js';
import { ScreenHeading } from '../shell/ScreenHeading.js';

/** An address that matches no screen. */
export function NotFoundScreen() {
  const { t } = useTranslation();
  return (
    <>
      <ScreenHeading>{t('notFound.heading')}</ScreenHeading>
      <Body1 as="p">{t('notFound.body')}</Body1>
      <RouterLink to="/">{t('notFound.home')}</RouterLink>
    </>
  );
}
