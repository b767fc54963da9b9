import { useContext, useState } from 'react';
import { Button, Caption1, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { SessionContext } from '../session/SessionContext.js';
import { describeError, type ErrorKind } from './describeError.js';
import { useOnline } from './useOnline.js';

export interface ErrorMessageProps {
  error: unknown;
  /** What was being done, e.g. "Could not load your work from Microsoft 365." */
  context?: string;
  /** Runs the failed operation again (a query's `refetch`). */
  onRetry?: () => void;
}

const TITLE = {
  signIn: 'errors.signIn.title',
  forbidden: 'errors.forbidden.title',
  busy: 'errors.busy.title',
  offline: 'errors.offline.title',
  network: 'errors.network.title',
  notFound: 'errors.notFound.title',
  conflict: 'errors.conflict.title',
  other: 'errors.other.title',
} as const satisfies Record<ErrorKind, string>;

const BODY = {
  signIn: 'errors.signIn.body',
  forbidden: 'errors.forbidden.body',
  busy: 'errors.busy.body',
  offline: 'errors.offline.body',
  network: 'errors.network.body',
  notFound: 'errors.notFound.body',
  conflict: 'errors.conflict.body',
  other: 'errors.other.body',
} as const satisfies Record<ErrorKind, string>;

/**
 * A failed Graph call, explained: sign in again (401), no permission (403), Graph is busy (429/503),
 * offline, ... It is shown in place of the part of the screen that failed, so everything else the
 * user sees or typed on the screen stays. "Sign in again" renews the token without leaving the
 * screen where the sign-in method allows it, then retries.
 */
export function ErrorMessage({ error, context, onRetry }: ErrorMessageProps) {
  const { t } = useTranslation();
  const online = useOnline();
  const sessionContext = useContext(SessionContext);
  const [renewing, setRenewing] = useState(false);
  const { kind, retryAfterSeconds, requestId } = describeError(error, online);

  const body = kind === 'busy' && retryAfterSeconds !== null && retryAfterSeconds >= 1 ? t('errors.busy.wait', { seconds: Math.ceil(retryAfterSeconds) }) : t(BODY[kind]);
  const detail = kind === 'other' && error instanceof Error ? error.message : null;

  async function signInAgain() {
    if (!sessionContext) return;
    setRenewing(true);
    try {
      await sessionContext.session.reauthenticate();
      onRetry?.();
    } finally {
      setRenewing(false);
    }
  }

  return (
    <MessageBar intent={kind === 'offline' || kind === 'busy' ? 'warning' : 'error'} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t(TITLE[kind])}</MessageBarTitle>
        {context ? `${context} ` : ''}
        {body}
        {detail && (
          <>
            <br />
            <Caption1>{t('common.errorDetails', { message: detail })}</Caption1>
          </>
        )}
        {requestId && kind !== 'offline' && (
          <>
            <br />
            <Caption1>{t('common.requestId', { id: requestId })}</Caption1>
          </>
        )}
      </MessageBarBody>
      <MessageBarActions>
        {kind === 'signIn' && sessionContext ? (
          <Button appearance="primary" disabled={renewing} onClick={() => void signInAgain()}>
            {t('errors.signIn.action')}
          </Button>
        ) : (
          onRetry && kind !== 'offline' && <Button onClick={onRetry}>{t('common.retry')}</Button>
        )}
      </MessageBarActions>
    </MessageBar>
  );
}
