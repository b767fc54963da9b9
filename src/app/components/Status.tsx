import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner } from '@fluentui/react-components';
import { t } from '../i18n/t.js';

/** A labelled spinner for a loading state. */
export function Loading({ label }: { label: string }) {
  return <Spinner size="small" labelPosition="after" label={label} />;
}

/** An error state: what failed, the technical detail, and a way to try again. */
export function ErrorState({ title, error, onRetry }: { title: string; error: Error; onRetry?: () => void }) {
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle> {t('common.errorDetails', { message: error.message })}
      </MessageBarBody>
      {onRetry && (
        <MessageBarActions>
          <Button onClick={onRetry}>{t('common.retry')}</Button>
        </MessageBarActions>
      )}
    </MessageBar>
  );
}
