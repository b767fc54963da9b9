import { useEffect, useId, useRef, type ReactNode } from 'react';
import { Badge, Body1, Button, Caption1, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PERCENT_COMPLETE_BY_STATUS } from '../../../../../graph/schema/actions.js';
import { ErrorMessage } from '../../../../app/errors/ErrorMessage.js';
import { Loading } from '../../../../app/shell/Loading.js';
import { RouterLink } from '../../../../app/shell/RouterLink.js';
import { ScreenHeading } from '../../../../app/shell/ScreenHeading.js';
import type { ActionRow } from '../../../../platform/actions/types.js';
import { TARGET_AREA_PATHS } from '../../../../platform/paths.js';
import { useDateFormat, useDateTimeFormat } from '../../../../ui/dateFormat.js';
import { DueDate, PlannerTaskText } from '../../components/ActionCard.js';
import { useActionsStyles } from '../../components/Actions.styles.js';
import { AppLink } from '../../components/AppLink.js';
import { NoPlannerNotice, PlannerSyncPanel } from '../../components/PlannerSync.js';
import { NotInDirectory, NotProvisioned, notProvisioned } from '../../components/States.js';
import { PRIORITY_KEYS, STATUS_KEYS, TYPE_KEYS, useRefusalText } from '../../i18n/labels.js';
import { sourcePathOf } from '../../services/links.js';
import type { OfferedStep } from '../../services/steps.js';
import { useActionsContext, type ActionsScreenContext } from '../../useActionsContext.js';
import { StepDialog } from './StepDialog.js';
import { useActionPage } from './useActionPage.js';

/**
 * `/actions/:ref` (deep link `act:<ref>`): one action — its details, where its task is in Planner and the
 * progress Planner reports (synced when the page opens and on "Sync with Planner"), and the steps the signed-in
 * person may take on it (verify, reject the evidence, block, unblock, cancel, change the due date or the
 * assignee). A step the rules refuse them is shown disabled with the reason, so nothing is sent.
 */
export function ActionScreen() {
  const { t } = useTranslation();
  const { ref = '' } = useParams();
  const { context, error, notInDirectory, retry } = useActionsContext();
  return (
    <>
      <ScreenHeading>{t('actions.page.heading', { ref })}</ScreenHeading>
      <nav aria-label={t('actions.page.back')}>
        <RouterLink to={TARGET_AREA_PATHS.action}>{t('actions.page.back')}</RouterLink>
      </nav>
      <NoPlannerNotice />
      {error ? (
        <ErrorMessage error={error} context={t('actions.page.error')} onRetry={retry} />
      ) : notInDirectory ? (
        <NotInDirectory upn={notInDirectory} />
      ) : !context ? (
        <Loading label={t('actions.page.loading')} />
      ) : (
        <ActionPageBody sc={context} actionRef={ref} />
      )}
    </>
  );
}

function ActionPageBody({ sc, actionRef }: { sc: ActionsScreenContext; actionRef: string }) {
  const { t } = useTranslation();
  const styles = useActionsStyles();
  const s = useActionPage(sc, actionRef);
  const doneRef = useRef<HTMLDivElement>(null);
  const detailsId = useId();
  const stepsId = useId();
  // After a step, focus goes to its confirmation: the dialog's trigger may be gone with the status it needed.
  useEffect(() => {
    if (s.done) doneRef.current?.focus();
  }, [s.done]);

  if (s.action.isError && notProvisioned(s.action.error)) return <NotProvisioned />;
  if (s.action.isError) return <ErrorMessage error={s.action.error} context={t('actions.page.error')} onRetry={() => void s.action.refetch()} />;
  if (s.action.data === undefined) return <Loading label={t('actions.page.loading')} />;
  const row = s.row;
  if (!row) {
    return (
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t('actions.page.notFoundTitle')}</MessageBarTitle>
          {t('actions.page.notFoundBody', { ref: actionRef })}
        </MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <div className={styles.stack}>
      <Body1 as="p" className={styles.cardHeading}>
        {row.title}
      </Body1>
      {s.done && (
        <div ref={doneRef} tabIndex={-1} role="status">
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>{s.done}</MessageBarBody>
          </MessageBar>
        </div>
      )}
      <PlannerSyncPanel state={s.sync} />
      <section className={styles.section} aria-labelledby={detailsId}>
        <h2 id={detailsId} className={styles.sectionHeading}>
          {t('actions.page.details')}
        </h2>
        <ActionDetails sc={sc} row={row} />
      </section>
      <section className={styles.section} aria-labelledby={stepsId}>
        <h2 id={stepsId} className={styles.sectionHeading}>
          {t('actions.page.steps')}
        </h2>
        {s.steps.length === 0 ? (
          <Body1 as="p">{t('actions.page.noSteps', { status: t(STATUS_KEYS[row.status]) })}</Body1>
        ) : (
          <ul className={styles.steps}>
            {s.steps.map((step) => (
              <li key={step.kind} className={styles.step}>
                <Step sc={sc} row={row} step={step} onDone={s.setDone} />
              </li>
            ))}
          </ul>
        )}
        {sc.planner && <Caption1 className={styles.note}>{t('actions.page.progressInPlanner')}</Caption1>}
      </section>
    </div>
  );
}

/** A step: its dialog, or — when the rules refuse it to this person — a disabled button with the reason beside it. */
function Step({ sc, row, step, onDone }: { sc: ActionsScreenContext; row: ActionRow; step: OfferedStep; onDone(message: string): void }) {
  const { t } = useTranslation();
  const styles = useActionsStyles();
  const refusalText = useRefusalText();
  const reasonId = useId();
  if (!step.refusal) return <StepDialog sc={sc} row={row} step={step} onDone={onDone} />;
  return (
    <>
      <Button disabled aria-describedby={reasonId}>
        {t(`actions.step.${step.kind}.trigger`)}
      </Button>
      <Caption1 id={reasonId} className={styles.note}>
        {refusalText(step.refusal)}
      </Caption1>
    </>
  );
}

function ActionDetails({ sc, row }: { sc: ActionsScreenContext; row: ActionRow }) {
  const { t } = useTranslation();
  const styles = useActionsStyles();
  const date = useDateFormat();
  const dateTime = useDateTimeFormat();
  const people = sc.ctx.people;
  const source = sourcePathOf(row);
  const item = (term: string, value: ReactNode) => (
    <>
      <dt className={styles.term}>{term}</dt>
      <dd className={styles.definition}>{value}</dd>
    </>
  );
  return (
    <dl className={styles.details}>
      {item(
        t('actions.field.status'),
        <Badge appearance="tint" color={row.status === 'Blocked' ? 'warning' : row.status === 'Verified' || row.status === 'Completed' ? 'success' : 'informative'}>
          {t(STATUS_KEYS[row.status])}
        </Badge>,
      )}
      {item(t('actions.field.due'), <span className={styles.meta}><DueDate row={row} /></span>)}
      {item(t('actions.field.assignee'), row.assigneeId ? people.nameOf(row.assigneeId) : t('actions.unassigned'))}
      {item(t('actions.field.accountable'), row.ownerId ? people.nameOf(row.ownerId) : t('actions.none'))}
      {item(t('actions.field.type'), t(TYPE_KEYS[row.actionType]))}
      {item(t('actions.field.priority'), t(PRIORITY_KEYS[row.priority]))}
      {item(
        t('actions.field.source'),
        source && row.sourceRef ? <AppLink to={source}>{t('actions.source', { ref: row.sourceRef })}</AppLink> : (row.sourceRef ?? t('actions.none')),
      )}
      {item(t('actions.field.planner'), <PlannerTaskText row={row} />)}
      {item(t('actions.field.progress'), t('actions.page.progress', { percent: PERCENT_COMPLETE_BY_STATUS[row.status], status: t(STATUS_KEYS[row.status]) }))}
      {item(t('actions.field.lastSynced'), row.lastSyncedAt ? dateTime(row.lastSyncedAt) : t('actions.page.neverSynced'))}
      {item(t('actions.field.verification'), row.needsVerification ? t('actions.page.needsVerification') : t('actions.page.noVerification'))}
      {row.completedOn && item(t('actions.field.completedOn'), date(row.completedOn))}
      {row.verifiedById && item(t('actions.field.verifiedBy'), row.verifiedOn ? t('actions.page.verifiedByOn', { name: people.nameOf(row.verifiedById), date: date(row.verifiedOn) }) : people.nameOf(row.verifiedById))}
      {item(t('actions.field.description'), row.description ?? t('actions.none'))}
    </dl>
  );
}
