import { useState } from 'react';
import { Body1, CompoundButton } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { rolesFromGroupNames } from '../../domain/roles.js';
import { listDemoUsers, signInToEmulator, type DemoUser } from '../auth/devSignIn.js';
import { SIGN_IN_SCOPES } from '../auth/scopes.js';
import type { AuthSession } from '../auth/session.js';
import { ErrorMessage } from '../errors/ErrorMessage.js';
import { ROLE_LABEL_KEYS } from '../shell/areas.js';
import { Loading } from '../shell/Loading.js';
import { ScreenHeading } from '../shell/ScreenHeading.js';
import { useShellStyles } from '../shell/Shell.styles.js';

export interface SignInScreenProps {
  devAuthUrl: string;
  /** The scopes asked for at sign-in (default: Home's, see `signInScopes`). */
  scopes?: readonly string[];
  /** Receives the new session; the caller keeps it in memory only. */
  onSignedIn(session: AuthSession): void;
}

/**
 * Emulator sign-in: the demo tenant's users with their job titles and SMS roles; choosing one
 * issues a token with the app's scopes through the emulator's dev endpoint.
 */
export function SignInScreen({ devAuthUrl, scopes = SIGN_IN_SCOPES, onSignedIn }: SignInScreenProps) {
  const { t } = useTranslation();
  const styles = useShellStyles();
  const users = useQuery({ queryKey: ['dev', devAuthUrl, 'users'], queryFn: ({ signal }) => listDemoUsers(devAuthUrl, signal), staleTime: Infinity });
  const [pending, setPending] = useState<DemoUser | null>(null);
  const [failure, setFailure] = useState<{ user: DemoUser; error: Error } | null>(null);

  async function signIn(user: DemoUser) {
    setPending(user);
    setFailure(null);
    try {
      onSignedIn(await signInToEmulator(devAuthUrl, user, scopes));
    } catch (e) {
      setFailure({ user, error: e instanceof Error ? e : new Error(String(e)) });
      setPending(null);
    }
  }

  const rolesOf = (user: DemoUser) =>
    rolesFromGroupNames(user.groups)
      .map((r) => t(ROLE_LABEL_KEYS[r]))
      .join(t('role.listSeparator'));

  return (
    <>
      <ScreenHeading>{t('signIn.heading')}</ScreenHeading>
      <Body1 as="p">{t('signIn.intro')}</Body1>
      {users.isPending && <Loading label={t('signIn.loading')} />}
      {users.isError && <ErrorMessage error={users.error} context={t('signIn.error')} onRetry={() => void users.refetch()} />}
      {users.data?.length === 0 && <Body1 as="p">{t('signIn.empty')}</Body1>}
      {failure && <ErrorMessage error={failure.error} context={t('signIn.failed')} onRetry={() => void signIn(failure.user)} />}
      {pending && <Loading label={t('signIn.signingIn', { name: pending.displayName })} />}
      {users.data && users.data.length > 0 && (
        <ul className={styles.userList} aria-label={t('signIn.usersLabel')}>
          {users.data.map((user) => (
            <li key={user.id}>
              <CompoundButton
                className={styles.userButton}
                disabledFocusable={pending !== null}
                onClick={() => void signIn(user)}
                secondaryContent={
                  <>
                    {user.jobTitle ?? t('signIn.noJobTitle')}
                    <br />
                    {t('signIn.roles', { roles: rolesOf(user) })}
                  </>
                }
              >
                {user.displayName}
              </CompoundButton>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
