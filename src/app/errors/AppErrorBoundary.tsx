import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';

interface Props {
  children: ReactNode;
}
interface State {
  error: Error | null;
}

/**
 * Catches an error thrown while rendering a screen, so one broken screen does not blank the whole
 * app: the shell (navigation, header) stays and the screen offers to try again. Graph failures
 * do not get here; screens show them in place (ErrorMessage).
 */
export class AppErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('A screen failed to render', error, info.componentStack);
  }

  override render() {
    if (this.state.error) return <BoundaryMessage onRetry={() => this.setState({ error: null })} />;
    return this.props.children;
  }
}

function BoundaryMessage({ onRetry }: { onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t('errors.boundary.title')}</MessageBarTitle>
        {t('errors.boundary.body')}
      </MessageBarBody>
      <MessageBarActions>
        <Button onClick={onRetry}>{t('common.retry')}</Button>
      </MessageBarActions>
    </MessageBar>
  );
}
