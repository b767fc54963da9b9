import { createContext, useContext, type ComponentType } from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';

/** How a failed step is explained where it failed: the failure, and how to run the step again. */
export interface ErrorViewProps {
  error: unknown;
  onRetry?: () => void;
}

/**
 * The plain explanation used when no host supplies one: the failure's own message. The app and the
 * web parts supply their richer explanation (sign in again, no permission, Graph is busy…) through
 * {@link ErrorViewProvider}, so shared UI never reaches into the app shell.
 */
function PlainError({ error, onRetry }: ErrorViewProps) {
  const { t } = useTranslation();
  return (
    <MessageBar intent="error" role="alert" layout="multiline">
      <MessageBarBody>{error instanceof Error ? error.message : String(error)}</MessageBarBody>
      {onRetry ? (
        <MessageBarActions>
          <Button onClick={onRetry}>{t('common.retry')}</Button>
        </MessageBarActions>
      ) : null}
    </MessageBar>
  );
}

const ErrorViewContext = createContext<ComponentType<ErrorViewProps>>(PlainError);

export const ErrorViewProvider = ErrorViewContext.Provider;

/** Renders the host's explanation of `error`. */
export function ErrorView(props: ErrorViewProps) {
  const View = useContext(ErrorViewContext);
  return <View {...props} />;
}
