import { useEffect, useId, useRef } from 'react';
import { Badge, Body1, Button, Caption1, MessageBar, MessageBarBody, MessageBarTitle, mergeClasses } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { GraphError } from '../../../../../graph/core/errors.js';
import { ErrorMessage } from '../../../../app/errors/ErrorMessage.js';
import { Loading } from '../../../../app/shell/Loading.js';
import { ScreenHeading } from '../../../../app/shell/ScreenHeading.js';
import { canManageCampaigns, type RequestView } from '../../../../domain/acknowledgements/index.js';
import { useRoles } from '../../../../app/roles/useRoles.js';
import { RouterLink } from '../../../../app/shell/RouterLink.js';
import { ackCampaignsPath } from '../../../../platform/paths.js';
import { AcknowledgeForm } from '../../components/AcknowledgeForm.js';
import { useMyAckStyles } from '../../components/MyAck.styles.js';
import { PublishedVersionView, usePublishedVersion } from '../../components/PublishedVersion.js';
import { useDateFormat, useDateTimeFormat } from '../../../../ui/dateFormat.js';
import { useMyAckContext, type MyAckContext } from '../../useMyAckContext.js';
import { useMyAcknowledgements, type HistoryEntry } from './useMyAcknowledgements.js';

/**
 * `/acknowledgements` ("My acknowledgements", the first screen of the Teams personal tab): the signed-in
 * person's pending and overdue requests with their due dates, each opening the exact published version
 * to read and acknowledge with one click, and the history of what they acknowledged. Reads the person's
 * requests and acknowledgements in one `$batch`.
 */
export function MyAcknowledgementsScreen() {
  const { t } = useTranslation();
  const { roles } = useRoles();
  return (
    <>
      <ScreenHeading>{t('ackMine.heading')}</ScreenHeading>
      {roles && canManageCampaigns(roles) ? (
        <nav aria-label={t('ackStatus.allCampaigns')}>
          <RouterLink to={ackCampaignsPath()}>{t('ackStatus.allCampaigns')}</RouterLink>
        </nav>
      ) : null}
      <MyAcknowledgements />
    </>
  );
}

export interface MyAcknowledgementsProps {
  /** The level of its section headings (2 below the screen's h1; 3 inside a section); cards get the next one. */
  readonly headingLevel?: 2 | 3;
}

type Heading = 'h2' | 'h3' | 'h4';

/** The content of "My acknowledgements" below its heading (the screen, the personal tab and the web part show it). */
export function MyAcknowledgements({ headingLevel = 2 }: MyAcknowledgementsProps) {
  const { t } = useTranslation();
  const { context, error, retry } = useMyAckContext();
  if (error) return <ErrorMessage error={error} context={t('ackMine.error')} onRetry={retry} />;
  if (!context) return <Loading label={t('ackMine.loading')} />;
  return <MyAcknowledgementsBody ctx={context} headingLevel={headingLevel} />;
}

/** The lists are not on the SMS site yet (`lists/{title}` answers 404 before provisioning). */
const notProvisioned = (error: unknown) => error instanceof GraphError && error.status === 404;

function MyAcknowledgementsBody({ ctx, headingLevel }: { ctx: MyAckContext; headingLevel: 2 | 3 }) {
  const { t } = useTranslation();
  const styles = useMyAckStyles();
  const s = useMyAcknowledgements(ctx);
  const pendingId = useId();
  const historyId = useId();
  const date = useDateFormat();
  const doneRef = useRef<HTMLDivElement>(null);

  // After acknowledging, the request leaves the list: focus goes to the confirmation instead of being lost.
  useEffect(() => {
    if (s.acknowledged) doneRef.current?.focus();
  }, [s.acknowledged]);

  const H = `h${headingLevel}` as Heading;
  const cardHeading = `h${headingLevel + 1}` as Heading;
  if (s.records.isError && notProvisioned(s.records.error)) {
    return (
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>{t('ackMine.notProvisioned')}</MessageBarBody>
      </MessageBar>
    );
  }
  if (s.records.isError) return <ErrorMessage error={s.records.error} context={t('ackMine.error')} onRetry={() => void s.records.refetch()} />;
  if (!s.records.data) return <Loading label={t('ackMine.loading')} />;

  return (
    <div className={styles.stack}>
      <Body1 as="p">{t('ackMine.intro')}</Body1>
      <section className={styles.section} aria-labelledby={pendingId}>
        <H id={pendingId} className={styles.sectionHeading}>
          {t('ackMine.pendingHeading', { count: s.open.length })}
        </H>
        {s.acknowledged && (
          <div ref={doneRef} tabIndex={-1} role="status">
            <MessageBar intent="success" layout="multiline">
              <MessageBarBody>{t('ackMine.done', { docId: s.acknowledged.request.docId, version: s.acknowledged.request.versionLabel })}</MessageBarBody>
            </MessageBar>
          </div>
        )}
        {s.selectedClosed && (
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>
              {s.selectedDone
                ? t('ackMine.alreadyDone', { docId: s.selectedDone.docId, version: s.selectedDone.versionLabel, date: date(s.selectedDone.acknowledgedAt) })
                : t('ackMine.noOpenRequest')}
            </MessageBarBody>
          </MessageBar>
        )}
        {s.open.length === 0 ? (
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t('ackMine.empty')}</MessageBarTitle>
              {t('ackMine.emptyBody')}
            </MessageBarBody>
          </MessageBar>
        ) : (
          <ul className={styles.list}>
            {s.open.map((v) => (
              <li key={v.request.key}>
                <RequestCard ctx={ctx} view={v} heading={cardHeading} opened={s.selected?.request.key === v.request.key} onOpen={() => s.select(v.request.releaseId)} onClose={() => s.select(null)} onDone={() => s.done(v)} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className={styles.section} aria-labelledby={historyId}>
        <H id={historyId} className={styles.sectionHeading}>
          {t('ackMine.historyHeading')}
        </H>
        {s.history.length === 0 ? (
          <Body1 as="p">{t('ackMine.historyEmpty')}</Body1>
        ) : (
          <ul className={styles.list}>
            {s.history.map((h) => (
              <li key={h.key}>
                <HistoryCard entry={h} />
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

/** One open request: the document, its version, the due date (overdue said in words), and "Read and acknowledge". */
function RequestCard({ ctx, view, heading: CardHeading, opened, onOpen, onClose, onDone }: { ctx: MyAckContext; view: RequestView; heading: Heading; opened: boolean; onOpen(): void; onClose(): void; onDone(): void }) {
  const { t } = useTranslation();
  const styles = useMyAckStyles();
  const date = useDateFormat();
  const headingId = useId();
  const readerId = useId();
  const r = view.request;
  const overdue = view.status === 'Overdue';
  const what = { docId: r.docId, version: r.versionLabel };
  return (
    <article className={mergeClasses(styles.card, overdue && styles.overdueCard)} aria-labelledby={headingId}>
      <CardHeading id={headingId} className={styles.cardHeading}>
        {r.docTitle ? `${r.docId} ${r.docTitle}` : r.docId}
      </CardHeading>
      <div className={styles.meta}>
        <span>{t('ackMine.version', { version: r.versionLabel })}</span>
        {overdue ? (
          <>
            <Badge appearance="filled" color="danger">
              {t('ackMine.overdueBadge')}
            </Badge>
            <span className={styles.overdue}>{t('ackMine.overdue', { date: date(r.dueDate) })}</span>
          </>
        ) : (
          <span>{t('ackMine.due', { date: date(r.dueDate) })}</span>
        )}
      </div>
      <div className={styles.actions}>
        {opened ? (
          <Button onClick={onClose} aria-controls={readerId} aria-expanded>
            {t('ackMine.close')}
          </Button>
        ) : (
          <Button appearance="primary" onClick={onOpen} aria-expanded={false} aria-label={t('ackMine.openLabel', what)}>
            {t('ackMine.open')}
          </Button>
        )}
      </div>
      {opened && (
        <div id={readerId} className={styles.reader}>
          <RequestReader ctx={ctx} view={view} onDone={onDone} />
        </div>
      )}
    </article>
  );
}

/** The published version to read, then the attestation and its button. */
function RequestReader({ ctx, view, onDone }: { ctx: MyAckContext; view: RequestView; onDone(): void }) {
  const state = usePublishedVersion(ctx, view.request);
  return (
    <>
      <PublishedVersionView ctx={ctx} request={view.request} state={state} />
      {!state.file.isError && <AcknowledgeForm ctx={ctx} request={view.request} shown={state.content.data} onAcknowledged={onDone} />}
    </>
  );
}

function HistoryCard({ entry }: { entry: HistoryEntry }) {
  const { t } = useTranslation();
  const styles = useMyAckStyles();
  const date = useDateFormat();
  const dateTime = useDateTimeFormat();
  return (
    <div className={styles.card}>
      <p className={styles.cardHeading}>{entry.docTitle ? `${entry.docId} ${entry.docTitle}` : entry.docId}</p>
      <div className={styles.meta}>
        <span>{t('ackMine.version', { version: entry.versionLabel })}</span>
        <span>{t('ackMine.acknowledgedOn', { date: dateTime(entry.acknowledgedAt) })}</span>
        {entry.late && (
          <Badge appearance="tint" color="warning">
            {t('ackMine.late', { date: date(entry.dueDate) })}
          </Badge>
        )}
      </div>
      <Caption1 className={styles.note}>{t('ackMine.evidence')}</Caption1>
    </div>
  );
}
