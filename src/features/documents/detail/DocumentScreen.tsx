import { useId, useState, type ReactNode } from 'react';
import { Badge, Body1, Button, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorMessage } from '../../../app/errors/ErrorMessage.js';
import { useSession } from '../../../app/session/SessionContext.js';
import { Loading } from '../../../app/shell/Loading.js';
import { RouterLink } from '../../../app/shell/RouterLink.js';
import { ScreenHeading } from '../../../app/shell/ScreenHeading.js';
import type { VersionStatus } from '../../../domain/documents/constants.js';
import { DOC_STATUS_KEYS, keyOf } from '../lifecycle/labels.js';
import { LifecycleActions } from '../lifecycle/LifecycleActions.js';
import { useDocumentServices } from '../lifecycle/useDocumentServices.js';
import { DocumentNotFoundError, offeredActions, permissionsOf, type DocumentServices, type DocumentSnapshot, type VersionEntry } from '../services/index.js';
import { useDocumentScreenStyles } from './DocumentScreen.styles.js';
import { DocumentViewer } from './DocumentViewer.js';
import { MetadataPanel } from './MetadataPanel.js';
import { documentQuery, groupsQuery, versionHistoryQuery } from './queries.js';
import { ApprovalsTable, CompareVersions, ReleasesTable, VersionHistory } from './VersionHistory.js';

/** Release statuses everyone may see; the others belong to drafts. */
const PUBLIC_RELEASE_STATUSES: readonly VersionStatus[] = ['Published', 'Superseded', 'Withdrawn'];

/**
 * `/documents/:docId`: one controlled document as the signed-in user may see it — metadata, the
 * lifecycle steps they may take, its content, the version history (view, download, compare,
 * restore as a new draft) and its releases. People who may not see drafts see only published
 * versions and releases; withdrawn documents only document controllers and SMS managers.
 */
export function DocumentScreen() {
  const { t } = useTranslation();
  const { docId = '' } = useParams();
  const { services, error, isLoading, retry } = useDocumentServices();
  if (error) {
    return (
      <>
        <ScreenHeading>{docId}</ScreenHeading>
        <ErrorMessage error={error} context={t('documents.lifecycle.loadError')} onRetry={retry} />
      </>
    );
  }
  if (isLoading || !services) {
    return (
      <>
        <ScreenHeading>{docId}</ScreenHeading>
        <Loading label={t('documents.lifecycle.loading')} />
      </>
    );
  }
  return <DocumentPage services={services} docId={docId} />;
}

function Unavailable({ docId, title, body }: { docId: string; title: string; body: string }) {
  const { t } = useTranslation();
  return (
    <>
      <ScreenHeading>{docId}</ScreenHeading>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{title}</MessageBarTitle>
          {body}
        </MessageBarBody>
      </MessageBar>
      <Body1 as="p">
        <RouterLink to="/documents">{t('documents.detail.backToRegister')}</RouterLink>
      </Body1>
    </>
  );
}

function DocumentPage({ services, docId }: { services: DocumentServices; docId: string }) {
  const { t } = useTranslation();
  const query = useQuery(documentQuery(services, docId));
  if (query.isError) {
    if (query.error instanceof DocumentNotFoundError) return <Unavailable docId={docId} title={t('documents.detail.notFoundTitle')} body={t('documents.detail.notFoundBody', { docId })} />;
    return (
      <>
        <ScreenHeading>{docId}</ScreenHeading>
        <ErrorMessage error={query.error} context={t('documents.detail.loadError')} onRetry={() => void query.refetch()} />
      </>
    );
  }
  if (!query.data) {
    return (
      <>
        <ScreenHeading>{docId}</ScreenHeading>
        <Loading label={t('documents.detail.loading')} />
      </>
    );
  }
  const snapshot = query.data;
  const perms = permissionsOf(services.me, snapshot.state);
  if (!perms.canSee) return <Unavailable docId={docId} title={t('documents.detail.unavailableTitle')} body={t('documents.detail.unavailableBody', { docId })} />;
  return (
    <DocumentBody
      services={services}
      snapshot={snapshot}
      reload={async () => {
        const fresh = await query.refetch();
        if (!fresh.data) throw fresh.error ?? new Error('The document could not be read again.');
        return fresh.data;
      }}
    />
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  const styles = useDocumentScreenStyles();
  const id = useId();
  return (
    <section className={styles.section} aria-labelledby={id}>
      <h2 id={id} className={styles.sectionHeading}>
        {title}
      </h2>
      {children}
    </section>
  );
}

function DocumentBody({ services, snapshot, reload }: { services: DocumentServices; snapshot: DocumentSnapshot; reload(): Promise<DocumentSnapshot> }) {
  const { t } = useTranslation();
  const styles = useDocumentScreenStyles();
  const { client } = useSession();
  const groups = useQuery(groupsQuery(client));
  const groupName = (id: string) => groups.data?.find((g) => g.id === id)?.displayName ?? id;
  const history = useQuery(versionHistoryQuery(services, snapshot));
  const [viewing, setViewing] = useState<VersionEntry | null>(null);
  const state = snapshot.state;
  const perms = permissionsOf(services.me, state);
  // Never show a draft to someone who may not see drafts, whatever the service returned.
  const versions = (history.data ?? []).filter((v) => perms.seesDrafts || v.major);
  const releases = snapshot.releases.filter((r) => perms.seesDrafts || PUBLIC_RELEASE_STATUSES.includes(r.versionStatus));
  const statusKey = keyOf(DOC_STATUS_KEYS, state.status);
  const canRestore = perms.canEditDraft || offeredActions(services, state).has('startRevision');
  const viewerLabel = viewing?.id ?? versions[0]?.id ?? snapshot.file.versionLabel ?? '';

  return (
    <>
      <ScreenHeading>{`${state.docId} ${state.title}`}</ScreenHeading>
      <div className={styles.header}>
        <Badge appearance="tint" color={state.status === 'Published' ? 'success' : state.status === 'Withdrawn' || state.status === 'Archived' ? 'danger' : 'informative'}>
          {statusKey ? t(statusKey) : state.status}
        </Badge>
        <Body1>
          {state.publishedVersion ? t('documents.detail.publishedVersion', { version: state.publishedVersion }) : t('documents.detail.notPublished')}
          {perms.seesDrafts && state.draftVersion ? ` · ${t('documents.detail.draftVersion', { version: state.draftVersion })}` : ''}
        </Body1>
        <RouterLink to="/documents">{t('documents.detail.backToRegister')}</RouterLink>
      </div>
      {(state.status === 'Withdrawn' || state.status === 'Archived') && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t('documents.detail.readOnly', { status: statusKey ? t(statusKey) : state.status })}</MessageBarBody>
        </MessageBar>
      )}
      <LifecycleActions services={services} snapshot={snapshot} reload={reload} />

      <Section title={t('documents.detail.detailsHeading')}>
        <MetadataPanel services={services} snapshot={snapshot} groupName={groupName} />
      </Section>

      {perms.seesDrafts && snapshot.draftRelease && (
        <Section title={t('documents.detail.approvalsHeading', { version: snapshot.draftRelease.versionLabel })}>
          <ApprovalsTable services={services} snapshot={snapshot} />
        </Section>
      )}

      <Section title={t('documents.detail.viewerHeading', { version: viewerLabel })}>
        {viewing && (
          <Body1 as="p">
            <Button size="small" onClick={() => setViewing(null)}>
              {t('documents.detail.viewer.backToCurrent')}
            </Button>
          </Body1>
        )}
        <DocumentViewer services={services} snapshot={snapshot} version={viewing} />
      </Section>

      <Section title={t('documents.detail.historyHeading')}>
        {history.isError ? (
          <ErrorMessage error={history.error} context={t('documents.detail.history.error')} onRetry={() => void history.refetch()} />
        ) : !history.data ? (
          <Loading label={t('documents.detail.history.loading')} />
        ) : (
          <VersionHistory services={services} snapshot={snapshot} versions={versions} canRestore={canRestore} onView={(v) => setViewing(v.current ? null : v)} />
        )}
      </Section>

      {history.data && (
        <Section title={t('documents.detail.compareHeading')}>
          <CompareVersions services={services} versions={versions} groupName={groupName} />
        </Section>
      )}

      <Section title={t('documents.detail.releasesHeading')}>
        <ReleasesTable services={services} releases={releases} hashClass={styles.hash} />
      </Section>
    </>
  );
}
