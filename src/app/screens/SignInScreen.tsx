import { useState } from 'react';
import { Body1, CompoundButton } from '@fluentui/react-components';
import { listDemoUsers, requestDevToken, roleGroupsOf, type DemoUser } from '../auth/devSignIn.js';
import { APP_SCOPES } from '../auth/scopes.js';
import { useAsync } from '../useAsync.js';
import { t } from '../i18n/t.js';
import { useAppStyles } from '../App.styles.js';
import { ErrorState, Loading } from '../components/Status.js';
import { ScreenHeading } from '../components/ScreenHeading.js';

export interface SignInScreenProps {
  devAuthUrl: string;
  /** Receives the access token; the caller keeps it in memory only. */
  onSignedIn(accessToken: string): void;
}

/** Emulator sign-in: pick one of the demo tenant's users; a token with the app's scopes is issued. */
export function SignInScreen({ devAuthUrl, onSignedIn }: SignInScreenProps) {
  const styles = useAppStyles();
  const users = useAsync((signal) => listDemoUsers(devAuthUrl, signal), devAuthUrl);
  const [pending, setPending] = useState<DemoUser | null>(null);
  const [failure, setFailure] = useState<{ user: DemoUser; error: Error } | null>(null);

  async function signIn(user: DemoUser) {
    setPending(user);
    setFailure(null);
    try {
      const token = await requestDevToken(devAuthUrl, user.userPrincipalName, APP_SCOPES);
      onSignedIn(token.accessToken);
    } catch (e) {
      setFailure({ user, error: e instanceof Error ? e : new Error(String(e)) });
      setPending(null);
    }
  }

  return (
    <>
      <ScreenHeading>{t('signIn.heading')}</ScreenHeading>
      <Body1>{t('signIn.intro')}</Body1>
      {users.status === 'loading' && <Loading label={t('signIn.loading')} />}
      {users.status === 'error' && <ErrorState title={t('signIn.error')} error={users.error} onRetry={users.retry} />}
      {users.status === 'success' && users.data.length === 0 && <Body1>{t('signIn.empty')}</Body1>}
      {failure && <ErrorState title={t('signIn.failed')} error={failure.error} onRetry={() => void signIn(failure.user)} />}
      {pending && <Loading label={t('signIn.signingIn', { name: pending.displayName })} />}
      {users.status === 'success' && users.data.length > 0 && (
        <ul className={styles.userList} aria-label={t('signIn.usersLabel')}>
          {users.data.map((user) => {
            const groups = roleGroupsOf(user);
            return (
              <li key={user.id}>
                <CompoundButton
                  className={styles.userButton}
                  disabledFocusable={pending !== null}
                  onClick={() => void signIn(user)}
                  secondaryContent={
                    <>
                      {user.jobTitle ?? t('signIn.noJobTitle')}
                      <br />
                      {groups.length ? t('signIn.groups', { groups: groups.join(', ') }) : t('signIn.noGroups')}
                    </>
                  }
                >
                  {user.displayName}
                </CompoundButton>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
