import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { RouterLink } from '../../../../app/shell/RouterLink.js';
import { ScreenHeading } from '../../../../app/shell/ScreenHeading.js';
import { registersPath } from '../../services/paths.js';

/** An address naming no register of the area: says so and links to the index. */
export function UnknownRegister({ register }: { register: string }) {
  const { t } = useTranslation();
  return (
    <>
      <ScreenHeading>{t('registers.unknown.heading')}</ScreenHeading>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t('registers.unknown.title')}</MessageBarTitle>
          {t('registers.unknown.body', { register })}
        </MessageBarBody>
      </MessageBar>
      <RouterLink to={registersPath()}>{t('registers.list.allRegisters')}</RouterLink>
    </>
  );
}
