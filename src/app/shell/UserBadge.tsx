import { Button, Caption1, Text } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useRoles } from '../roles/useRoles.js';
import { useSession } from '../session/SessionContext.js';
import { ROLE_LABEL_KEYS } from './areas.js';
import { useShellStyles } from './Shell.styles.js';

/** The signed-in user's name and SMS roles, and "Sign out" where the host allows it. */
export function UserBadge() {
  const { t } = useTranslation();
  const styles = useShellStyles();
  const { session, signOut } = useSession();
  const { roles } = useRoles();
  return (
    <>
      <div className={styles.user} role="group" aria-label={t('shell.userLabel')}>
        <Text weight="semibold">{session.user.displayName}</Text>
        {roles && (
          <Caption1 className={styles.userRoles}>
            {t('shell.roles', { roles: roles.map((r) => t(ROLE_LABEL_KEYS[r])).join(t('role.listSeparator')) })}
          </Caption1>
        )}
      </div>
      {session.canSignOut && <Button onClick={signOut}>{t('shell.signOut')}</Button>}
    </>
  );
}
