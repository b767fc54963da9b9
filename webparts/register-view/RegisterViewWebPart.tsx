import { Body1 } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { registerDisplayName } from '../../src/app/tabs/channelTab.js';
import { NotBuiltYet } from '../../src/app/tabs/NotBuiltYet.js';

/**
 * Register view web part: one SMS register (`register`, a schema key such as `nonconformities`).
 * The Registers feature is not built yet, so it names the register and says so.
 */
export function RegisterViewWebPart({ register }: { register: string }) {
  const { t } = useTranslation();
  return (
    <>
      <Body1 as="p">{t('webparts.property.register', { register: registerDisplayName(register) })}</Body1>
      <NotBuiltYet area="registers" />
    </>
  );
}
