import { Body1, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { AppArea } from '../../domain/roles.js';
import { AREA_LABEL_KEYS, PLACEHOLDER_KEYS } from '../shell/areas.js';

/**
 * Says plainly that an area a tab or web part would show is not built yet (the same words as the
 * area's own placeholder screen), with no sample data.
 */
export function NotBuiltYet({ area }: { area: Exclude<AppArea, 'home'> }) {
  const { t } = useTranslation();
  const name = t(AREA_LABEL_KEYS[area]);
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t('area.placeholder.title', { area: name })}</MessageBarTitle>
        {t(PLACEHOLDER_KEYS[area])} <Body1>{t('area.placeholder.note')}</Body1>
      </MessageBarBody>
    </MessageBar>
  );
}
