import { Body1 } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { registerDisplayName } from '../../src/app/tabs/channelTab.js';
import { RegisterView } from '../../src/features/registers/index.js';

/**
 * Register view web part: one SMS register (`register`, a schema key such as `nonconformities`),
 * the Registers feature's `RegisterView` (filters, search, "Load more"; each reference opens the
 * record in the app).
 */
export function RegisterViewWebPart({ register }: { register: string }) {
  const { t } = useTranslation();
  return (
    <>
      <Body1 as="p">{t('webparts.property.register', { register: registerDisplayName(register) })}</Body1>
      <RegisterView register={register} />
    </>
  );
}
