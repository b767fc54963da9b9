import { Link, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../app/errors/ErrorMessage.js';
import { Loading } from '../../../app/shell/Loading.js';
import { registerName } from '../i18n/labels.js';
import { RegisterList } from '../screens/RegisterList/RegisterList.js';
import { registerConfig } from '../services/catalog.js';
import { recordPath } from '../services/paths.js';
import { useRegisterSite } from '../useRegisterContext.js';

export interface RegisterViewProps {
  /** Schema key of the register (`nonconformities`). */
  readonly register: string;
  /** Rows per load (default the engine's page size). */
  readonly pageSize?: number;
  /** Show only records in this status at first (the reader can change the filter). */
  readonly status?: string;
}

/**
 * One register for the "Register view" web part (and any host without the app's shell): the same
 * list as the app's register screen, its references opening the record in the app in a new tab,
 * where a SharePoint page's reader can act on it.
 */
export function RegisterView({ register, pageSize, status }: RegisterViewProps) {
  const { t } = useTranslation();
  const config = registerConfig(register);
  const site = useRegisterSite();
  if (!config) {
    return (
      <MessageBar intent="warning">
        <MessageBarBody>{t('registers.unknown.body', { register })}</MessageBarBody>
      </MessageBar>
    );
  }
  if (site.error) return <ErrorMessage error={site.error} context={t('registers.list.error')} onRetry={site.retry} />;
  if (!site.siteId) return <Loading label={t('registers.list.loading')} />;
  return (
    <RegisterList
      config={config}
      client={site.client}
      siteId={site.siteId}
      timeZone={site.timeZone}
      pageSize={pageSize}
      initialFilters={status && config.statusColumn ? { [config.statusColumn]: status } : undefined}
      headingLevel={2}
      renderRecordLink={(record, children) => (
        <Link href={recordPath(config.key, Number(record.id))} target="_blank" rel="noopener noreferrer" aria-label={t('registers.list.openInApp', { record: children, register: registerName(t, config.schema) })}>
          {children}
        </Link>
      )}
    />
  );
}
