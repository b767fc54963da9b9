import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { Body1, Button, Caption1, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../app/errors/ErrorMessage.js';
import { Loading } from '../../../app/shell/Loading.js';
import { OPEN_ACTION_STATUSES, byOverdueFirst, checkRaiseAction } from '../../../domain/registers/actions.js';
import type { SyncScope } from '../../../platform/actions/sync.js';
import { SOURCE_TYPE_BY_REGISTER, type ActionRow, type ActionSourceType } from '../../../platform/actions/types.js';
import type { RecordActionsSlotProps } from '../../../ui/slots.js';
import { useRefusalText } from '../i18n/labels.js';
import { sourceActionsQuery } from '../queries.js';
import { useActionsContext, type ActionsScreenContext } from '../useActionsContext.js';
import { ActionCard } from './ActionCard.js';
import { useActionsStyles } from './Actions.styles.js';
import { PlannerSyncPanel, usePlannerSync } from './PlannerSync.js';
import { RaiseActionDialog } from './RaiseActionDialog.js';
import { NotInDirectory, NotProvisioned, notProvisioned } from './States.js';

/**
 * Fills the record page's `recordActions` slot (src/ui/slots.tsx): the actions raised from the record (synced
 * with Planner when the page opens, scope 'source'), each with its status, due date and a link to its page,
 * and "Raise action". A register whose records raise no actions shows nothing.
 */
export function RecordActions(props: RecordActionsSlotProps) {
  const sourceType = SOURCE_TYPE_BY_REGISTER[props.register];
  if (!sourceType) return null;
  return <RecordActionsSection {...props} sourceType={sourceType} />;
}

function RecordActionsSection(props: RecordActionsSlotProps & { sourceType: ActionSourceType }) {
  const { t } = useTranslation();
  const styles = useActionsStyles();
  const headingId = useId();
  const { context, error, notInDirectory, retry } = useActionsContext();
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.sectionHeading}>
        {t('actions.record.heading')}
      </h2>
      {error ? (
        <ErrorMessage error={error} context={t('actions.record.error')} onRetry={retry} />
      ) : notInDirectory ? (
        <NotInDirectory upn={notInDirectory} />
      ) : !context ? (
        <Loading label={t('actions.record.loading')} />
      ) : (
        <RecordActionsBody sc={context} {...props} />
      )}
    </section>
  );
}

function RecordActionsBody({ sc, register, itemId, recordRef, ownerId, primaryClause, sourceType }: RecordActionsSlotProps & { sc: ActionsScreenContext; sourceType: ActionSourceType }) {
  const { t } = useTranslation();
  const styles = useActionsStyles();
  const rows = useQuery(sourceActionsQuery(sc.ctx, sourceType, itemId));
  const scope = useMemo<SyncScope>(() => ({ kind: 'source', sourceType, sourceItemId: itemId }), [sourceType, itemId]);
  const sync = usePlannerSync(sc, scope);
  const order = useMemo(() => {
    const byDue = byOverdueFirst(sc.ctx.today);
    // Work still to do first (overdue first), then what waits for verification, then what is closed.
    const stage = (r: ActionRow) => (OPEN_ACTION_STATUSES.includes(r.status) ? 0 : r.status === 'Completed' ? 1 : 2);
    return (a: ActionRow, b: ActionRow) => stage(a) - stage(b) || byDue(a, b);
  }, [sc.ctx.today]);
  const sorted = useMemo(() => (rows.data ? [...rows.data].sort(order) : undefined), [rows.data, order]);
  const [raised, setRaised] = useState<ActionRow | null>(null);
  const refusalText = useRefusalText();
  const raiseReasonId = useId();
  const raisedRef = useRef<HTMLDivElement>(null);
  // After raising, focus goes to the confirmation (the dialog's trigger stays, but the list has changed).
  useEffect(() => {
    if (raised) raisedRef.current?.focus();
  }, [raised]);

  if (rows.isError && notProvisioned(rows.error)) return <NotProvisioned />;
  const source = { register, sourceType, itemId, recordRef, ownerId: ownerId ? ownerId.toLowerCase() : null, primaryClause };
  // Who may raise an action on the record: its owner, an SMS manager or top management (the others are told why).
  const raiseRefusal = sc.ctx.actor === 'app' ? null : checkRaiseAction({ actor: sc.ctx.actor, sourceOwnerId: source.ownerId });
  return (
    <div className={styles.stack}>
      <div className={styles.toolbar}>
        {raiseRefusal ? (
          <>
            <Button disabled aria-describedby={raiseReasonId}>
              {t('actions.raise.trigger')}
            </Button>
            <Caption1 id={raiseReasonId} className={styles.note}>
              {refusalText(raiseRefusal)}
            </Caption1>
          </>
        ) : (
          <RaiseActionDialog sc={sc} source={source} onRaised={setRaised} />
        )}
      </div>
      {raised && (
        <div ref={raisedRef} tabIndex={-1} role="status">
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>{t('actions.raise.done', { ref: raised.ref, name: sc.ctx.people.nameOf(raised.assigneeId) })}</MessageBarBody>
          </MessageBar>
        </div>
      )}
      <PlannerSyncPanel state={sync} />
      {rows.isError ? (
        <ErrorMessage error={rows.error} context={t('actions.record.error')} onRetry={() => void rows.refetch()} />
      ) : !sorted ? (
        <Loading label={t('actions.record.loading')} />
      ) : sorted.length === 0 ? (
        <Body1 as="p">{t('actions.record.empty', { ref: recordRef })}</Body1>
      ) : (
        <ul className={styles.list} aria-label={t('actions.record.listLabel', { ref: recordRef, count: sorted.length })}>
          {sorted.map((row) => (
            <li key={row.id}>
              <ActionCard row={row} people={sc.ctx.people} heading="h3" showAssignee showSource={false} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
