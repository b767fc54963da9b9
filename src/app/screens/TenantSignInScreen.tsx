import { useEffect, useState } from 'react';
import { Body1, Button } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { MsalAuth } from '../auth/msal.js';
import type { AuthSession } from '../auth/session.js';
import { ErrorMessage } from '../errors/ErrorMessage.js';
import { Loading } from '../shell/Loading.js';
import { ScreenHeading } from '../shell/ScreenHeading.js';

export interface TenantSignInScreenProps {
  /** Creates the MSAL sign-in (loads msal-browser). */
  loadAuth(): Promise<MsalAuth>;
  onSignedIn(session: AuthSession): void;
  /** The user just signed out: do not sign them straight back in silently. */
  signedOut?: boolean;
}

/**
 * Sign-in to a real tenant (MSAL; not verified against a real tenant). It first tries without a
 * prompt (a redirect that just came back, or Teams single sign-on), then offers a button.
 */
export function TenantSignInScreen({ loadAuth, onSignedIn, signedOut = false }: TenantSignInScreenProps) {
  const { t } = useTranslation();
  const [auth, setAuth] = useState<MsalAuth | null>(null);
  const [state, setState] = useState<'restoring' | 'idle' | 'signingIn'>('restoring');
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      try {
        const created = await loadAuth();
        if (cancelled) return;
        setAuth(created);
        const session = signedOut ? null : await created.restore();
        if (cancelled) return;
        if (session) onSignedIn(session);
        else setState('idle');
      } catch (e) {
        if (!cancelled) {
          setError(e);
          setState('idle');
        }
      }
    })();
    return () => {
      cancelled = true;
    };
    // Runs once per mount: the sign-in method does not change while this screen is shown.
  }, []);

  async function signIn() {
    if (!auth) return;
    setState('signingIn');
    setError(null);
    try {
      onSignedIn(await auth.signIn());
    } catch (e) {
      setError(e);
      setState('idle');
    }
  }

  return (
    <>
      <ScreenHeading>{t('signIn.heading')}</ScreenHeading>
      {signedOut && <Body1 as="p">{t('signIn.signedOut')}</Body1>}
      <Body1 as="p">{t('signIn.tenantIntro')}</Body1>
      {state === 'restoring' && <Loading label={t('signIn.restoring')} />}
      {error != null && <ErrorMessage error={error} context={t('signIn.failed')} />}
      {state !== 'restoring' && (
        <div>
          <Button appearance="primary" disabled={!auth || state === 'signingIn'} onClick={() => void signIn()}>
            {t('signIn.tenantButton')}
          </Button>
        </div>
      )}
    </>
  );
}
