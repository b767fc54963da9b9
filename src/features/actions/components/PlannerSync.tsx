import { useEffect } from 'react';
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner } from '@fluentui/react-components';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { cloudFeatures } from '../../../app/config.js';
import { ErrorMessage } from '../../../app/errors/ErrorMessage.js';
import { useSession } from '../../../app/session/SessionContext.js';
import type { SyncReport, SyncScope } from '../../../platform/actions/sync.js';
import { refreshActions, syncQuery } from '../queries.js';
import type { ActionsScreenContext } from '../useActionsContext.js';
import { useActionsStyles } from './Actions.styles.js';

/** What a sync changed, in any direction (the second run of a sync changes nothing). */
export const syncChanged = (r: SyncReport): boolean =>
  r.actionsUpdated.length + r.tasksUpdated.length + r.tasksRecreated.length + r.sourcesAdvanced.length + r.conflictsMerged > 0;

export interface PlannerSyncState {
  readonly report: SyncReport | undefined;
  readonly syncing: boolean;
  readonly error: unknown;
  /** Whether the cloud has Planner at all (no sync where it has not). */
  readonly planner: boolean;
  sync(): void;
}

/**
 * Syncs `scope` with Planner when the screen opens and when asked again; once a sync changed something, every
 * list of actions on screen (and Home's count) is read again. The sync itself is one query per scope, so a
 * second click while it runs joins the running sync instead of starting another.
 */
export function usePlannerSync(sc: ActionsScreenContext, scope: SyncScope): PlannerSyncState {
  const qc = useQueryClient();
  const query = useQuery({ ...syncQuery(sc.ctx, scope), enabled: sc.planner });
  const siteId = sc.ctx.site.siteId;
  const { data, dataUpdatedAt } = query;
  useEffect(() => {
    if (data && syncChanged(data)) void refreshActions(qc, siteId);
  }, [data, dataUpdatedAt, qc, siteId]);
  return {
    report: data,
    syncing: query.isFetching,
    error: query.error,
    planner: sc.planner,
    sync: () => {
      if (!query.isFetching) void query.refetch();
    },
  };
}

/**
 * The "Sync with Planner" button and what the last sync did: which actions took progress from Planner, which
 * tasks were brought in line with SharePoint or recreated, merged conflicts, sources moved on, and warnings.
 * The outcome is a live region, so it is read out when it changes.
 */
export function PlannerSyncPanel({ state }: { state: PlannerSyncState }) {
  const { t } = useTranslation();
  const styles = useActionsStyles();
  // Where the cloud has no Planner there is nothing to sync (the screen says so once, `NoPlannerNotice`).
  if (!state.planner) return null;
  return (
    <div className={styles.section}>
      <div className={styles.toolbar}>
        <Button onClick={state.sync} disabled={state.syncing}>
          {t('actions.sync.button')}
        </Button>
      </div>
      <div role="status" aria-live="polite">
        {state.syncing ? <Spinner size="tiny" labelPosition="after" label={t('actions.sync.running')} /> : state.report ? <SyncOutcome report={state.report} /> : null}
      </div>
      {!state.syncing && state.error ? <ErrorMessage error={state.error} context={t('actions.sync.failed')} onRetry={state.sync} /> : null}
    </div>
  );
}

function SyncOutcome({ report }: { report: SyncReport }) {
  const { t } = useTranslation();
  const styles = useActionsStyles();
  const list = (refs: readonly string[]) => refs.join(t('role.listSeparator'));
  const lines: string[] = [];
  if (report.actionsUpdated.length > 0) lines.push(t('actions.sync.actionsUpdated', { count: report.actionsUpdated.length, refs: list(report.actionsUpdated) }));
  if (report.tasksUpdated.length > 0) lines.push(t('actions.sync.tasksUpdated', { count: report.tasksUpdated.length, refs: list(report.tasksUpdated) }));
  if (report.tasksRecreated.length > 0) lines.push(t('actions.sync.tasksRecreated', { count: report.tasksRecreated.length, refs: list(report.tasksRecreated) }));
  if (report.conflictsMerged > 0) lines.push(t('actions.sync.conflictsMerged', { count: report.conflictsMerged }));
  if (report.sourcesAdvanced.length > 0) lines.push(t('actions.sync.sourcesAdvanced', { count: report.sourcesAdvanced.length, refs: list(report.sourcesAdvanced) }));
  const changed = syncChanged(report);
  return (
    <MessageBar intent={report.warnings.length > 0 ? 'warning' : changed ? 'success' : 'info'} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t('actions.sync.checked', { count: report.checked })}</MessageBarTitle>
        {changed ? null : t('actions.sync.nothingChanged')}
        {lines.length + report.warnings.length > 0 && (
          <ul className={styles.reportList}>
            {lines.map((l) => (
              <li key={l}>{l}</li>
            ))}
            {report.warnings.map((w, i) => (
              <li key={`w${i}`}>{t('actions.sync.warning', { warning: w })}</li>
            ))}
          </ul>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}

/**
 * Where the cloud has no Planner (Microsoft 365 operated by 21Vianet): actions are recorded in the SMS lists
 * without Planner tasks, which the area says once at its top.
 */
export function NoPlannerNotice() {
  const { t } = useTranslation();
  const { config } = useSession();
  if (cloudFeatures(config).planner) return null;
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t('area.noPlanner.title')}</MessageBarTitle>
        {t('area.noPlanner.actions')}
      </MessageBarBody>
    </MessageBar>
  );
}
