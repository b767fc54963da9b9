import { useId } from 'react';
import { Body1, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../../app/errors/ErrorMessage.js';
import { Loading } from '../../../../app/shell/Loading.js';
import { ScreenHeading } from '../../../../app/shell/ScreenHeading.js';
import type { ActionRow } from '../../../../platform/actions/types.js';
import { ActionCard } from '../../components/ActionCard.js';
import { useActionsStyles } from '../../components/Actions.styles.js';
import { NoPlannerNotice, PlannerSyncPanel } from '../../components/PlannerSync.js';
import { NotInDirectory, NotProvisioned, notProvisioned } from '../../components/States.js';
import { useActionsContext, type ActionsScreenContext } from '../../useActionsContext.js';
import { useMyActions } from './useMyActions.js';

/**
 * `/actions` ("My actions"): the signed-in person's open actions from every source (nonconformities, risks,
 * reviews, audits, documents…), overdue first and said in words, each linking to its page (with its Planner
 * task) and to the record it came from; process owners also see the actions they are accountable for. The
 * person's actions are synced with Planner when the screen opens and on "Sync with Planner".
 */
export function MyActionsScreen() {
  const { t } = useTranslation();
  return (
    <>
      <ScreenHeading>{t('actions.mine.heading')}</ScreenHeading>
      <NoPlannerNotice />
      <MyActions />
    </>
  );
}

export interface MyActionsProps {
  /** The level of its section headings (2 below the screen's h1; 3 inside a section); cards get the next one. */
  readonly headingLevel?: 2 | 3;
  /** Links open the app in a new tab (the SharePoint web part). */
  readonly newTab?: boolean;
}

type Heading = 'h2' | 'h3' | 'h4';

/** The content of "My actions" below its heading (the screen and the "My actions" web part show it). */
export function MyActions({ headingLevel = 2, newTab = false }: MyActionsProps) {
  const { t } = useTranslation();
  const { context, error, notInDirectory, retry } = useActionsContext();
  // A site without the SMS lists (not provisioned yet) answers 404 to the directory's reads: say what is missing.
  if (error && notProvisioned(error)) return <NotProvisioned />;
  if (error) return <ErrorMessage error={error} context={t('actions.mine.error')} onRetry={retry} />;
  if (notInDirectory) return <NotInDirectory upn={notInDirectory} />;
  if (!context) return <Loading label={t('actions.mine.loading')} />;
  return <MyActionsBody sc={context} headingLevel={headingLevel} newTab={newTab} />;
}

function MyActionsBody({ sc, headingLevel, newTab }: { sc: ActionsScreenContext; headingLevel: 2 | 3; newTab: boolean }) {
  const { t } = useTranslation();
  const styles = useActionsStyles();
  const s = useMyActions(sc);
  const mineId = useId();
  const ownedId = useId();
  const H = `h${headingLevel}` as Heading;
  const cardHeading = `h${headingLevel + 1}` as Heading;

  if (s.mine.isError && notProvisioned(s.mine.error)) {
    return <NotProvisioned />;
  }

  return (
    <div className={styles.stack}>
      <Body1 as="p">{t('actions.mine.intro')}</Body1>
      <PlannerSyncPanel state={s.sync} />
      <section className={styles.section} aria-labelledby={mineId}>
        <H id={mineId} className={styles.sectionHeading}>
          {s.assigned ? t('actions.mine.assignedHeading', { count: s.assigned.length }) : t('actions.mine.assignedHeadingLoading')}
        </H>
        {s.mine.isError ? (
          <ErrorMessage error={s.mine.error} context={t('actions.mine.error')} onRetry={() => void s.mine.refetch()} />
        ) : !s.assigned ? (
          <Loading label={t('actions.mine.loading')} />
        ) : s.assigned.length === 0 ? (
          <MessageBar intent="info" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{t('actions.mine.empty')}</MessageBarTitle>
              {t('actions.mine.emptyBody')}
            </MessageBarBody>
          </MessageBar>
        ) : (
          <ActionList rows={s.assigned} sc={sc} heading={cardHeading} newTab={newTab} />
        )}
      </section>
      {s.accountable && (
        <section className={styles.section} aria-labelledby={ownedId}>
          <H id={ownedId} className={styles.sectionHeading}>
            {s.ownedRows ? t('actions.mine.accountableHeading', { count: s.ownedRows.length }) : t('actions.mine.accountableHeadingLoading')}
          </H>
          <Body1 as="p">{t('actions.mine.accountableIntro')}</Body1>
          {s.owned.isError ? (
            <ErrorMessage error={s.owned.error} context={t('actions.mine.error')} onRetry={() => void s.owned.refetch()} />
          ) : !s.ownedRows ? (
            <Loading label={t('actions.mine.loading')} />
          ) : s.ownedRows.length === 0 ? (
            <Body1 as="p">{t('actions.mine.accountableEmpty')}</Body1>
          ) : (
            <ActionList rows={s.ownedRows} sc={sc} heading={cardHeading} newTab={newTab} showAssignee />
          )}
        </section>
      )}
    </div>
  );
}

function ActionList({ rows, sc, heading, newTab, showAssignee }: { rows: readonly ActionRow[]; sc: ActionsScreenContext; heading: Heading; newTab: boolean; showAssignee?: boolean }) {
  const styles = useActionsStyles();
  return (
    <ul className={styles.list}>
      {rows.map((row) => (
        <li key={row.id}>
          <ActionCard row={row} people={sc.ctx.people} heading={heading} newTab={newTab} showAssignee={showAssignee} />
        </li>
      ))}
    </ul>
  );
}
