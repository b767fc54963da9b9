import { useMemo } from 'react';
import { Body1, Button } from '@fluentui/react-components';
import { createGraphClient } from '../../../graph/core/client.js';
import { getMe } from '../../../graph/directory/me.js';
import { useAsync } from '../useAsync.js';
import { t } from '../i18n/t.js';
import { useAppStyles } from '../App.styles.js';
import { ErrorState, Loading } from '../components/Status.js';
import { ScreenHeading } from '../components/ScreenHeading.js';

export interface SignedInScreenProps {
  graphBaseUrl: string;
  accessToken: string;
  /** Identifies this sign-in, so a new sign-in loads the profile again. */
  sessionId: number;
  onSignOut(): void;
}

/** Shows who is signed in, read from Graph's `GET /me` through graph/. */
export function SignedInScreen({ graphBaseUrl, accessToken, sessionId, onSignOut }: SignedInScreenProps) {
  const styles = useAppStyles();
  const client = useMemo(() => createGraphClient({ baseUrl: graphBaseUrl, getToken: async () => accessToken }), [graphBaseUrl, accessToken]);
  const me = useAsync((signal) => getMe(client, signal), `${graphBaseUrl}#${sessionId}`);
  const signOut = (
    <Button appearance="primary" onClick={onSignOut}>
      {t('me.signOut')}
    </Button>
  );

  return (
    <>
      <ScreenHeading>{t('me.heading')}</ScreenHeading>
      {me.status === 'loading' && <Loading label={t('me.loading')} />}
      {me.status === 'error' && (
        <>
          <ErrorState title={t('me.error')} error={me.error} onRetry={me.retry} />
          <div className={styles.row}>{signOut}</div>
        </>
      )}
      {me.status === 'success' && (
        <div className={styles.row}>
          <Body1 as="p">{t('me.signedInAs', { name: me.data.displayName ?? '', upn: me.data.userPrincipalName ?? '' })}</Body1>
          {signOut}
        </div>
      )}
    </>
  );
}
