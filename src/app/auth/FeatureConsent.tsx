import { useEffect, useState, type ReactNode } from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useSession } from '../session/SessionContext.js';
import { Loading } from '../shell/Loading.js';
import { ErrorMessage } from '../errors/ErrorMessage.js';
import { ConsentRequiredError } from './consent.js';
import { cloudFeatures } from '../config.js';
import { featureScopes, type Feature } from './scopes.js';

type State = { kind: 'asking' } | { kind: 'granted' } | { kind: 'failed'; error: unknown };

/** Sessions and features already granted in this page's life, so re-opening an area asks nothing. */
const granted = new WeakMap<object, Set<Feature>>();

/**
 * Opens a feature once the session holds the feature's scopes (incremental consent, consent.ts):
 * asks for them on first use, and explains what is missing when an administrator has to consent
 * (or the user declined), with the scopes to ask for and a way to try again.
 */
export function FeatureConsent({ feature, children }: { feature: Feature; children: ReactNode }) {
  const { t } = useTranslation();
  const { session, config } = useSession();
  const planner = cloudFeatures(config).planner;
  const siteAccess = config.siteAccess;
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<State>(() => (granted.get(session)?.has(feature) ? { kind: 'granted' } : { kind: 'asking' }));

  useEffect(() => {
    if (granted.get(session)?.has(feature)) {
      setState({ kind: 'granted' });
      return;
    }
    let live = true;
    setState({ kind: 'asking' });
    session.requestScopes(featureScopes(feature, { planner, siteAccess })).then(
      () => {
        const done = granted.get(session) ?? new Set<Feature>();
        granted.set(session, done.add(feature));
        if (live) setState({ kind: 'granted' });
      },
      (error: unknown) => {
        if (live) setState({ kind: 'failed', error });
      },
    );
    return () => {
      live = false;
    };
  }, [session, feature, planner, siteAccess, attempt]);

  if (state.kind === 'granted') return <>{children}</>;
  if (state.kind === 'asking') return <Loading label={t('consent.asking')} />;
  const retry = () => setAttempt((n) => n + 1);
  if (!(state.error instanceof ConsentRequiredError)) return <ErrorMessage error={state.error} context={t('consent.failed')} onRetry={retry} />;
  const admin = state.error.problem === 'admin';
  return (
    <MessageBar intent={admin ? 'warning' : 'info'} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t(admin ? 'consent.adminTitle' : 'consent.declinedTitle')}</MessageBarTitle>
        {t(admin ? 'consent.adminBody' : 'consent.declinedBody', { area: t(`nav.${feature}`), scopes: state.error.scopes.join(', ') })}
      </MessageBarBody>
      <MessageBarActions>
        <Button onClick={retry}>{t('common.retry')}</Button>
      </MessageBarActions>
    </MessageBar>
  );
}
