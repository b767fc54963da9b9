import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { GraphError } from '../../../../graph/core/errors.js';

/** The signed-in user is not in the SMS directory (a guest, or a user not in the tenant's user list yet). */
export function NotInDirectory({ upn }: { upn: string }) {
  const { t } = useTranslation();
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>{t('actions.notInDirectory', { upn })}</MessageBarBody>
    </MessageBar>
  );
}

/** The Actions list is not on the SMS site yet (`lists/{title}` answers 404 before provisioning). */
export const notProvisioned = (error: unknown): boolean => error instanceof GraphError && error.status === 404;

/** Says the Actions list is not provisioned on the SMS site. */
export function NotProvisioned() {
  const { t } = useTranslation();
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>{t('actions.notProvisioned')}</MessageBarBody>
    </MessageBar>
  );
}
