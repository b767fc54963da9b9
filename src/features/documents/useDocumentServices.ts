import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { cloudFeatures, siteTimeZone, smsSiteUrl } from '../../app/config.js';
import { meQuery, smsSiteQuery } from '../../app/session/queries.js';
import { useSession } from '../../app/session/SessionContext.js';
import { documentLink as platformDocumentLink, documentPath } from '../../platform/paths.js';
import { documentServices, type DocumentServices } from './services/index.js';
import { documentsSiteQuery, peopleDirectoryQuery } from './queries.js';

export interface DocumentServicesState {
  services: DocumentServices | null;
  /** The first failed read, if any. */
  error: unknown;
  isLoading: boolean;
  retry(): void;
}

/** The app's link to a document's page, for Planner task references. */
function documentLink(docId: string): string {
  return typeof window !== 'undefined' ? platformDocumentLink(window.location.origin, docId) : documentPath(docId);
}

/**
 * The document-lifecycle services for the signed-in user: the SMS site's lists and library, the
 * people directory and `/me`, each read once per session and cached.
 */
export function useDocumentServices(): DocumentServicesState {
  const { client, config } = useSession();
  const { t } = useTranslation();
  const me = useQuery(meQuery(client));
  const site = useQuery(smsSiteQuery(client, smsSiteUrl(config)));
  const siteId = site.data?.id ?? '';
  const lists = useQuery({ ...documentsSiteQuery(client, siteId, site.data?.webUrl ?? ''), enabled: !!siteId });
  const people = useQuery({ ...peopleDirectoryQuery(client, siteId), enabled: !!siteId });
  const upn = me.data?.userPrincipalName ?? null;
  const services = useMemo(() => {
    if (!lists.data || !people.data || !upn) return null;
    try {
      // Where the cloud has no Planner (21Vianet), approvals go without Planner tasks; date-only
      // columns are read in the site's time zone.
      return documentServices({ client, site: lists.data, people: people.data, upn, timeZone: siteTimeZone(config), documentLink, planner: cloudFeatures(config).planner });
    } catch {
      return null;
    }
  }, [client, config, lists.data, people.data, upn]);
  const queries = [me, site, lists, people];
  const failed = queries.find((q) => q.isError);
  return {
    services,
    error: failed?.error ?? (lists.data && people.data && upn && !services ? new Error(t('documents.lifecycle.notInDirectory', { upn })) : null),
    isLoading: !services && !failed,
    retry: () => {
      for (const q of queries) if (q.isError) void q.refetch();
    },
  };
}
