import { useId, type ReactNode } from 'react';
import { Badge, Body1, Button, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../../app/errors/ErrorMessage.js';
import { Loading } from '../../../../app/shell/Loading.js';
import { RouterLink } from '../../../../app/shell/RouterLink.js';
import { ScreenHeading } from '../../../../app/shell/ScreenHeading.js';
import { useSlot } from '../../../../ui/slots.js';
import { DocumentViewer } from '../../components/DocumentViewer/DocumentViewer.js';
import { DOC_STATUS_KEYS, keyOf } from '../../i18n/labels.js';
import { releaseDisplayLabel, type DocumentServices, type DocumentSnapshot } from '../../services/index.js';
import { CompletePublication } from './CompletePublication.js';
import { DocumentActions } from './DocumentActions.js';
import { useDocumentScreenStyles } from './DocumentScreen.styles.js';
import { MetadataPanel } from './MetadataPanel.js';
import { useDocument, useDocumentDetails, useDocumentScreen } from './useDocumentScreen.js';
import { ApprovalsTable, CompareVersions, ReleasesTable, VersionHistory } from './VersionHistory.js';
import { ReviewHistory } from './ReviewHistory.js';
import { IntegrityAlert } from './IntegrityAlert.js';
import { ChangedAfterSubmission, useStoryStateLabel, VersionLine } from './VersionStory.js';

/**
 * `/documents/:docId`: one controlled document as the signed-in user may see it — metadata, the
 * lifecycle steps they may take, its content, the version history (view, download, compare,
 * restore as a new draft) and its releases. People who may not see drafts see only published
 * versions and releases; withdrawn documents only document controllers and SMS managers.
 */
export function DocumentScreen() {
  const { t } = useTranslation();
  const { docId, services, error, isLoading, retry } = useDocumentScreen();
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
  const doc = useDocument(services, docId);
  switch (doc.phase) {
    case 'notFound':
      return <Unavailable docId={docId} title={t('documents.detail.notFoundTitle')} body={t('documents.detail.notFoundBody', { docId })} />;
    case 'unavailable':
      return <Unavailable docId={docId} title={t('documents.detail.unavailableTitle')} body={t('documents.detail.unavailableBody', { docId })} />;
    case 'failed':
      return (
        <>
          <ScreenHeading>{docId}</ScreenHeading>
          <ErrorMessage error={doc.error} context={t('documents.detail.loadError')} onRetry={doc.retry} />
        </>
      );
    case 'loading':
      return (
        <>
          <ScreenHeading>{docId}</ScreenHeading>
          <Loading label={t('documents.detail.loading')} />
        </>
      );
    case 'ready':
      return <DocumentBody services={services} snapshot={doc.snapshot} reload={doc.reload} />;
  }
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
  const d = useDocumentDetails(services, snapshot);
  const state = snapshot.state;
  const statusKey = keyOf(DOC_STATUS_KEYS, state.status);
  const stateLabel = useStoryStateLabel();
  // What another area shows about the published version (acknowledgement), filled by the app (src/ui/slots.tsx).
  const AcknowledgementSlot = useSlot('documentAcknowledgement');

  return (
    <>
      <ScreenHeading>{`${state.docId} ${state.title}`}</ScreenHeading>
      <div className={styles.header}>
        <Badge appearance="tint" color={state.status === 'Published' ? 'success' : state.status === 'Withdrawn' || state.status === 'Archived' ? 'danger' : 'informative'}>
          {statusKey ? t(statusKey) : state.status}
        </Badge>
        <Body1>
          <VersionLine published={state.publishedVersion} working={d.working} />
        </Body1>
        <RouterLink to="/documents">{t('documents.detail.backToRegister')}</RouterLink>
      </div>
      {AcknowledgementSlot && <AcknowledgementSlot docId={state.docId} publishedVersion={state.publishedVersion} />}
      {(state.status === 'Withdrawn' || state.status === 'Archived') && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t('documents.detail.readOnly', { status: statusKey ? t(statusKey) : state.status })}</MessageBarBody>
        </MessageBar>
      )}
      {d.perms.seesDrafts && <IntegrityAlert services={services} snapshot={snapshot} />}
      {d.perms.seesDrafts && <ChangedAfterSubmission story={d.storyShown} />}
      {d.perms.seesDrafts && <CompletePublication services={services} snapshot={snapshot} />}
      <DocumentActions services={services} snapshot={snapshot} reload={reload} />

      <Section title={t('documents.detail.detailsHeading')}>
        <MetadataPanel services={services} snapshot={snapshot} groupName={d.groupName} />
      </Section>

      {d.perms.seesDrafts && snapshot.draftRelease && (
        <Section title={t('documents.detail.approvalsHeading', { version: releaseDisplayLabel(snapshot.draftRelease) })}>
          <ApprovalsTable services={services} snapshot={snapshot} />
        </Section>
      )}

      <Section title={d.viewed ? t('documents.detail.viewerHeadingState', { version: d.viewing ? t('documents.detail.history.versionAndRevision', { version: d.viewed.label, revision: d.viewing.id }) : d.viewed.label, state: stateLabel(d.viewed.state) }) : t('documents.detail.viewerHeading', { version: d.viewerLabel })}>
        {d.viewing && (
          <Body1 as="p">
            <Button size="small" onClick={() => d.view(null)}>
              {t('documents.detail.viewer.backToCurrent')}
            </Button>
          </Body1>
        )}
        <DocumentViewer services={services} snapshot={snapshot} version={d.viewing} label={d.viewerLabel} />
      </Section>

      <Section title={t('documents.detail.historyHeading')}>
        {d.history.isError ? (
          <ErrorMessage error={d.history.error} context={t('documents.detail.history.error')} onRetry={() => void d.history.refetch()} />
        ) : !d.history.data ? (
          <Loading label={t('documents.detail.history.loading')} />
        ) : (
          <VersionHistory services={services} snapshot={snapshot} versions={d.versions} story={d.story} canRestore={d.canRestore} onView={d.view} />
        )}
      </Section>

      {d.history.data && (
        <Section title={t('documents.detail.compareHeading')}>
          <CompareVersions services={services} versions={d.versions} groupName={d.groupName} story={d.story} />
        </Section>
      )}

      {d.perms.seesDrafts && (
        <Section title={t('documents.detail.reviewsHeading')}>
          <ReviewHistory services={services} snapshot={snapshot} />
        </Section>
      )}

      <Section title={t('documents.detail.releasesHeading')}>
        {snapshot.recordsHidden ? <Body1 as="p">{t('documents.detail.releases.hidden')}</Body1> : <ReleasesTable services={services} releases={d.releases} />}
      </Section>
    </>
  );
}
