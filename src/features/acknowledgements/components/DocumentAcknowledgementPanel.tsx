/**
 * The Acknowledgements area's part of a document's page (the documents area renders the
 * `documentAcknowledgement` slot, src/ui/slots.tsx; the app fills it with this). Its parts:
 * - `MyRequestPart`: when the signed-in person has an open request for the document, the same action
 *   as "My acknowledgements": the attestation and "Acknowledge" for the published version the page
 *   shows, or a link to read the requested version when the page shows another one. Their own records
 *   are cheap to read (the same one-`$batch` read as "My acknowledgements", cached, filtered by DocId
 *   here); nothing shows when there is no open request.
 * Another part (the release's compliance figure) may sit beside it.
 */
import { useId, useState } from 'react';
import { Body1, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { RouterLink } from '../../../app/shell/RouterLink.js';
import type { RequestView } from '../../../domain/acknowledgements/index.js';
import { acknowledgementPath } from '../../../platform/paths.js';
import type { DocumentAcknowledgementSlotProps } from '../../../ui/slots.js';
import { useDateFormat } from '../../../ui/dateFormat.js';
import { myAcknowledgementsQuery } from '../queries.js';
import { useMyAckContext, type MyAckContext } from '../useMyAckContext.js';
import { AckStatusDocumentPart } from './AckStatusDocumentPart.js';
import { AcknowledgeForm } from './AcknowledgeForm.js';
import { useMyAckStyles } from './MyAck.styles.js';
import { PublishedVersionView, usePublishedVersion } from './PublishedVersion.js';

export function DocumentAcknowledgementPanel(props: DocumentAcknowledgementSlotProps) {
  const { context } = useMyAckContext();
  return context ? (
    <>
      <MyRequestPart ctx={context} {...props} />
      <AckStatusDocumentPart {...props} />
    </>
  ) : null;
}

const isOpen = (v: RequestView) => v.status === 'Pending' || v.status === 'Overdue';

/** The person's open request for this document, if any, with its action. */
function MyRequestPart({ ctx, docId, publishedVersion }: { ctx: MyAckContext } & DocumentAcknowledgementSlotProps) {
  const { t } = useTranslation();
  const styles = useMyAckStyles();
  const date = useDateFormat();
  const headingId = useId();
  const records = useQuery(myAcknowledgementsQuery(ctx.client, ctx.site, ctx.person.upn, { today: ctx.today, timeZone: ctx.timeZone }));
  /** The request acknowledged here: its confirmation stays until the page is left. */
  const [done, setDone] = useState<RequestView | null>(null);
  const open = (records.data?.views ?? []).filter((v) => isOpen(v) && v.request.docId === docId).sort((a, b) => a.request.dueDate.localeCompare(b.request.dueDate));
  const view = open.find((v) => v.request.versionLabel === publishedVersion) ?? open[0] ?? null;
  if (!view && !done) return null;
  return (
    <section className={styles.card} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.sectionHeading}>
        {t('ackMine.panel.heading')}
      </h2>
      {done && !view ? (
        <div role="status">
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>{t('ackMine.done', { docId: done.request.docId, version: done.request.versionLabel })}</MessageBarBody>
          </MessageBar>
        </div>
      ) : view ? (
        <>
          <Body1 as="p" className={view.status === 'Overdue' ? styles.overdue : undefined}>
            {t(view.status === 'Overdue' ? 'ackMine.panel.overdue' : 'ackMine.panel.asked', { version: view.request.versionLabel, date: date(view.request.dueDate) })}
          </Body1>
          {view.request.versionLabel === publishedVersion ? (
            <PanelAcknowledge ctx={ctx} view={view} onDone={() => setDone(view)} />
          ) : (
            <Body1 as="p">
              <RouterLink to={acknowledgementPath(view.request.releaseId)}>{t('ackMine.panel.readOther', { version: view.request.versionLabel })}</RouterLink>
            </Body1>
          )}
        </>
      ) : null}
    </section>
  );
}

/**
 * The version on the page is the one asked about: the attestation and "Acknowledge" right here. The
 * page shows the file; its bytes are read again to hash exactly the version asked about (cached with
 * "My acknowledgements"), and shown here only when they cannot be found.
 */
function PanelAcknowledge({ ctx, view, onDone }: { ctx: MyAckContext; view: RequestView; onDone(): void }) {
  const state = usePublishedVersion(ctx, view.request);
  if (state.file.isError || state.content.isError) return <PublishedVersionView ctx={ctx} request={view.request} state={state} />;
  return <AcknowledgeForm ctx={ctx} request={view.request} shown={state.content.data} onAcknowledged={onDone} />;
}
