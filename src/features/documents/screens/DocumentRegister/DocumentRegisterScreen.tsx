import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { siteTimeZone, smsSiteUrl } from '../../../../app/config.js';
import { ErrorMessage } from '../../../../app/errors/ErrorMessage.js';
import { useRoles } from '../../../../app/roles/useRoles.js';
import { meQuery, smsSiteQuery } from '../../../../app/session/queries.js';
import { useSession } from '../../../../app/session/SessionContext.js';
import { AREA_PATHS } from '../../../../app/shell/areas.js';
import { Loading } from '../../../../app/shell/Loading.js';
import { RouterLink } from '../../../../app/shell/RouterLink.js';
import { ScreenHeading } from '../../../../app/shell/ScreenHeading.js';
import type { SmsRole } from '../../../../domain/roles.js';
import { AWAITING_MY_DECISION, REGISTER_FILTER_PARAM } from '../../../../platform/paths.js';
import { DocumentRegister } from './DocumentRegister.js';
import { useDocumentRegisterStyles } from './DocumentRegister.styles.js';

/** Roles that may start a new controlled document (§6.2: SMS manager, document controller, process owner for own processes). */
const CREATE_ROLES: readonly SmsRole[] = ['smsManager', 'documentController', 'processOwner'];

/** Path of a document's page in the app (the Documents area's child route). */
export const documentPath = (docId: string): string => `${AREA_PATHS.documents}/${encodeURIComponent(docId)}`;

/**
 * The Documents area's index screen: the document register of the SMS site for the signed-in
 * user. Waits for the site id, the user's roles (which decide the statuses shown) and `/me` (whose
 * UPN offers "Awaiting my decision"; `?filter=awaitingMyDecision` opens with it on); each
 * document's ID links to its page in the app.
 */
export function DocumentRegisterScreen() {
  const { t } = useTranslation();
  const styles = useDocumentRegisterStyles();
  const { client, config } = useSession();
  const site = useQuery(smsSiteQuery(client, smsSiteUrl(config)));
  const me = useQuery(meQuery(client));
  const { roles, isLoading: rolesLoading } = useRoles();
  const [search] = useSearchParams();
  const awaiting = search.get(REGISTER_FILTER_PARAM) === AWAITING_MY_DECISION;
  const canCreate = (roles ?? []).some((r) => CREATE_ROLES.includes(r));

  return (
    <>
      <ScreenHeading>{t('documents.register.heading')}</ScreenHeading>
      {canCreate && (
        <div className={styles.toolbar}>
          <RouterLink to={`${AREA_PATHS.documents}/new`}>{t('documents.register.newDocument')}</RouterLink>
        </div>
      )}
      {site.isError ? (
        <ErrorMessage error={site.error} context={t('documents.register.error')} onRetry={() => void site.refetch()} />
      ) : !site.data || rolesLoading || me.isPending ? (
        <Loading label={t('documents.register.loading')} />
      ) : (
        <DocumentRegister
          key={awaiting ? AWAITING_MY_DECISION : 'all'}
          client={client}
          upn={me.data?.userPrincipalName ?? undefined}
          userId={me.data?.id ?? undefined}
          awaitingMyDecision={awaiting}
          siteId={site.data.id}
          roles={roles ?? ['employee']}
          timeZone={siteTimeZone(config)}
          renderDocumentLink={(row, children) => <RouterLink to={documentPath(row.docId)}>{children}</RouterLink>}
        />
      )}
    </>
  );
}
