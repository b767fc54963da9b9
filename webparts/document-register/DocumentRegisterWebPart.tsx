import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { siteTimeZone, smsSiteUrl } from '../../src/app/config.js';
import { ErrorMessage } from '../../src/app/errors/ErrorMessage.js';
import { useRoles } from '../../src/app/roles/useRoles.js';
import { smsSiteQuery } from '../../src/app/session/queries.js';
import { useSession } from '../../src/app/session/SessionContext.js';
import { Loading } from '../../src/app/shell/Loading.js';
import { DocumentRegister } from '../../src/features/documents/index.js';

/**
 * Document register web part: the Documents feature's `DocumentRegister`, given the session's
 * Graph client, the SMS site and the viewer's roles. Document IDs link to the files in SharePoint
 * (the register's default), which is where a SharePoint page's reader expects to go.
 */
export function DocumentRegisterWebPart() {
  const { t } = useTranslation();
  const { client, config } = useSession();
  const site = useQuery(smsSiteQuery(client, smsSiteUrl(config)));
  const { roles, isLoading } = useRoles();
  if (site.isError) return <ErrorMessage error={site.error} context={t('documents.register.error')} onRetry={() => void site.refetch()} />;
  if (!site.data || isLoading) return <Loading label={t('documents.register.loading')} />;
  return <DocumentRegister client={client} siteId={site.data.id} roles={roles ?? ['employee']} timeZone={siteTimeZone(config)} />;
}
