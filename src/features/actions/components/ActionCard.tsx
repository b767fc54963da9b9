import { useId } from 'react';
import { Badge, Caption1, mergeClasses } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { ActionRow } from '../../../platform/actions/types.js';
import type { PeopleDirectory } from '../../../platform/people.js';
import { useDateFormat } from '../../../ui/dateFormat.js';
import { PRIORITY_KEYS, STATUS_KEYS, TYPE_KEYS } from '../i18n/labels.js';
import { actionPagePath, plannerLocationOf, sourcePathOf } from '../services/links.js';
import { useActionsStyles } from './Actions.styles.js';
import { AppLink } from './AppLink.js';

type Heading = 'h2' | 'h3' | 'h4';

/** The due date of an action in words: "Overdue" (a badge, not colour alone) and "Was due …", or "Due …". */
export function DueDate({ row }: { row: Pick<ActionRow, 'dueDate' | 'overdue'> }) {
  const { t } = useTranslation();
  const styles = useActionsStyles();
  const date = useDateFormat();
  if (!row.dueDate) return <span>{t('actions.noDueDate')}</span>;
  if (!row.overdue) return <span>{t('actions.due', { date: date(row.dueDate) })}</span>;
  return (
    <>
      <Badge appearance="filled" color="danger">
        {t('actions.overdueBadge')}
      </Badge>
      <span className={styles.overdue}>{t('actions.wasDue', { date: date(row.dueDate) })}</span>
    </>
  );
}

/** Where the action's task is in Planner (plan › bucket, task id), or that it has none yet. */
export function PlannerTaskText({ row }: { row: Pick<ActionRow, 'sourceType' | 'plannerTaskId'> }) {
  const { t } = useTranslation();
  const where = plannerLocationOf(row);
  return <>{where.taskId ? t('actions.planner.task', { plan: where.plan, bucket: where.bucket, taskId: where.taskId }) : t('actions.planner.noTask', { plan: where.plan, bucket: where.bucket })}</>;
}

export interface ActionCardProps {
  readonly row: ActionRow;
  readonly people: PeopleDirectory;
  readonly heading: Heading;
  /** Show who the action is assigned to (lists of other people's actions). */
  readonly showAssignee?: boolean;
  /** Show the link to the source record (not on the record's own page). */
  readonly showSource?: boolean;
  /** Links open the app in a new tab (a SharePoint web part). */
  readonly newTab?: boolean;
}

/**
 * One action: its reference and title, status, due date (overdue said in words), priority, type, and links to
 * the action's page (where its Planner task is named and synced) and to the record it was raised from.
 */
export function ActionCard({ row, people, heading: CardHeading, showAssignee = false, showSource = true, newTab }: ActionCardProps) {
  const { t } = useTranslation();
  const styles = useActionsStyles();
  const headingId = useId();
  const source = showSource ? sourcePathOf(row) : null;
  return (
    <article className={mergeClasses(styles.card, row.overdue && styles.overdueCard)} aria-labelledby={headingId}>
      <CardHeading id={headingId} className={styles.cardHeading}>
        {`${row.ref} ${row.title}`}
      </CardHeading>
      <div className={styles.meta}>
        <Badge appearance="tint" color={row.status === 'Blocked' ? 'warning' : row.status === 'Verified' || row.status === 'Completed' ? 'success' : 'informative'}>
          {t(STATUS_KEYS[row.status])}
        </Badge>
        <DueDate row={row} />
        <span>{t('actions.priorityIs', { priority: t(PRIORITY_KEYS[row.priority]) })}</span>
        <span>{t(TYPE_KEYS[row.actionType])}</span>
        {showAssignee && <span>{row.assigneeId ? t('actions.assignedTo', { name: people.nameOf(row.assigneeId) }) : t('actions.unassigned')}</span>}
      </div>
      <Caption1 className={styles.note}>
        <PlannerTaskText row={row} />
      </Caption1>
      <div className={styles.links}>
        <AppLink to={actionPagePath(row)} newTab={newTab} aria-label={t('actions.openActionLabel', { ref: row.ref })}>
          {t('actions.openAction')}
        </AppLink>
        {source && row.sourceRef && (
          <AppLink to={source} newTab={newTab}>
            {t('actions.source', { ref: row.sourceRef })}
          </AppLink>
        )}
      </div>
    </article>
  );
}
