import { useId, useState } from 'react';
import { Body1, Button, Caption1, Field, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Select, Spinner, Textarea } from '@fluentui/react-components';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { requestTransition, type AckFigures, type RequestView } from '../../../../domain/acknowledgements/index.js';
import { canUseArea } from '../../../../domain/roles.js';
import { ErrorMessage } from '../../../../app/errors/ErrorMessage.js';
import { Loading } from '../../../../app/shell/Loading.js';
import { RouterLink } from '../../../../app/shell/RouterLink.js';
import { ScreenHeading } from '../../../../app/shell/ScreenHeading.js';
import { ackCampaignsPath, ACK_STATUS_PARAM, documentPath } from '../../../../platform/paths.js';
import { CampaignRefusedError } from '../../../../platform/acknowledgements/campaigns.js';
import { siteDateOf } from '../../../../platform/clock.js';
import { ActionDialog } from '../../../../ui/ActionDialog.js';
import { DataTable, type DataTableColumn } from '../../../../ui/DataTable.js';
import type { SaveFile } from '../../../../ui/export/index.js';
import { campaignRefusalText, campaignStatusLabel, figureLabel, requestStatusLabel } from '../../i18n/reportLabels.js';
import { useCampaignContext, type CampaignContext } from '../../useCampaignContext.js';
import { REPORT_FILTERS, departmentOf, type ReportFilter } from './reportFilter.js';
import { useReportStyles } from './Report.styles.js';
import { DEPARTMENT_PARAM, useReport, type GroupFigures, type ReportState, type ReportTarget } from './useReport.js';

/** The figures a report shows, each a link to the people it counts, in this order. */
const FIGURES: readonly Exclude<ReportFilter, 'outstanding'>[] = ['targeted', 'acknowledged', 'pending', 'overdue', 'late', 'waived'];

export interface ReportProps {
  readonly target: ReportTarget;
  /** How the export is saved (a browser download by default; tests collect the file). */
  readonly saveFile?: SaveFile;
}

/**
 * The compliance report of a campaign, or of a release (every campaign that asked about it): targeted,
 * acknowledged, pending, overdue, late and waived counts, the same by department and by audience group, and who
 * is outstanding, with CSV and Excel export. Opening it as a document controller or SMS manager first reconciles
 * the open campaigns (joiners, leavers, overdue), then shows the live figures (counting every trusted
 * acknowledgement). The SMS manager may waive an outstanding person's request, with a reason.
 */
export function Report({ target, saveFile }: ReportProps) {
  const { t } = useTranslation();
  const { context, error, retry } = useCampaignContext();
  if (error) return <ErrorMessage error={error} context={t('ackReport.error')} onRetry={retry} />;
  if (!context) return <Loading label={t('ackReport.loading')} />;
  if (!canUseArea(context.roles, 'compliance')) {
    return (
      <>
        <ScreenHeading>{t('ackReport.title')}</ScreenHeading>
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t('ackReport.notAllowed')}</MessageBarBody>
        </MessageBar>
      </>
    );
  }
  return <ReportBody ctx={context} target={target} saveFile={saveFile} />;
}

function ReportBody({ ctx, target, saveFile }: { ctx: CampaignContext; target: ReportTarget; saveFile?: SaveFile }) {
  const { t } = useTranslation();
  const styles = useReportStyles();
  const state = useReport(ctx, target, saveFile);
  const first = state.campaigns?.[0];
  const heading = first ? t('ackReport.heading', { docId: first.docId, version: first.versionLabel }) : t('ackReport.title');
  return (
    <div className={styles.root}>
      <ScreenHeading>{heading}</ScreenHeading>
      {first && (
        <Body1 as="p" className={styles.meta}>
          {first.docTitle && <RouterLink to={documentPath(first.docId)}>{first.docTitle}</RouterLink>}
          {' · '}
          {'campaignId' in target
            ? t('ackReport.campaignMeta', { due: first.dueDate, status: campaignStatusLabel(t, first.status) })
            : t('ackReport.releaseMeta', { count: state.campaigns?.length ?? 0 })}
        </Body1>
      )}
      {ctx.manages && (
        <Body1 as="p" className={styles.meta}>
          <RouterLink to={ackCampaignsPath()}>{t('ackReport.allCampaigns')}</RouterLink>
        </Body1>
      )}
      {state.reconciling && <Spinner size="small" labelPosition="after" label={t('ackReport.reconciling')} />}
      {state.reconcileError ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('ackReport.reconcileFailed')}</MessageBarTitle>
            {state.reconcileError instanceof CampaignRefusedError ? campaignRefusalText(t, state.reconcileError.code) : null}
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={state.retryReconcile}>{t('common.retry')}</Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}
      {state.error ? (
        <ErrorMessage error={state.error} context={t('ackReport.error')} onRetry={state.retry} />
      ) : state.isLoading ? (
        !state.reconciling && <Loading label={t('ackReport.loading')} />
      ) : (
        <>
          <Figures state={state} />
          <DepartmentTable state={state} />
          {state.byGroup && state.byGroup.length > 0 && <GroupTable groups={state.byGroup} />}
          <People state={state} />
        </>
      )}
    </div>
  );
}

/** `?status=overdue&department=Service%20Desk`: the same report, its table filtered. */
function filterHref(filter: ReportFilter, department: string | null): string {
  const p = new URLSearchParams({ [ACK_STATUS_PARAM]: filter });
  if (department !== null) p.set(DEPARTMENT_PARAM, department);
  return `?${p.toString()}`;
}

const figureValue = (f: AckFigures, key: Exclude<ReportFilter, 'outstanding'>): number => f[key];

function Figures({ state }: { state: ReportState }) {
  const { t } = useTranslation();
  const styles = useReportStyles();
  const id = useId();
  return (
    <section className={styles.section} aria-labelledby={id}>
      <h2 id={id} className={styles.sectionHeading}>
        {t('ackReport.figures')}
      </h2>
      <Body1 as="p" className={styles.meta}>
        {state.percent === null ? t('ackReport.nobody') : t('ackReport.summary', { done: state.figures.acknowledged, targeted: state.figures.targeted, percent: state.percent })}
      </Body1>
      <ul className={styles.figures}>
        {FIGURES.map((key) => {
          const value = figureValue(state.figures, key);
          const label = figureLabel(t, key);
          return (
            <li key={key} className={`${styles.figure} ${state.filter === key && state.department === null ? styles.current : ''}`}>
              <Caption1 className={styles.figureLabel}>{label}</Caption1>
              <span className={styles.figureValue}>
                <RouterLink to={filterHref(key, null)} aria-label={t('ackReport.showPeople', { label, count: value })}>
                  {String(value)}
                </RouterLink>
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

interface Grouped {
  readonly group: string;
  readonly figures: AckFigures;
}

function countColumns(t: TFunction, link: ((row: Grouped, key: Exclude<ReportFilter, 'outstanding'>) => string) | null): DataTableColumn<Grouped>[] {
  return FIGURES.map((key) => ({
    key,
    header: figureLabel(t, key),
    render: (row: Grouped) => {
      const value = figureValue(row.figures, key);
      return link && value > 0 ? (
        <RouterLink to={link(row, key)} aria-label={t('ackReport.showGroupPeople', { label: figureLabel(t, key), count: value, group: row.group })}>
          {String(value)}
        </RouterLink>
      ) : (
        String(value)
      );
    },
  }));
}

function DepartmentTable({ state }: { state: ReportState }) {
  const { t } = useTranslation();
  const styles = useReportStyles();
  const id = useId();
  const columns: DataTableColumn<Grouped>[] = [{ key: 'group', header: t('ackReport.col.department'), render: (r) => r.group }, ...countColumns(t, (row, key) => filterHref(key, row.group))];
  return (
    <section className={styles.section} aria-labelledby={id}>
      <h2 id={id} className={styles.sectionHeading}>
        {t('ackReport.byDepartment')}
      </h2>
      <DataTable label={t('ackReport.byDepartment')} columns={columns} rows={state.byDepartment} rowKey={(r) => r.group} empty={t('ackReport.nobody')} className={styles.table} />
    </section>
  );
}

function GroupTable({ groups }: { groups: readonly GroupFigures[] }) {
  const { t } = useTranslation();
  const styles = useReportStyles();
  const id = useId();
  const columns: DataTableColumn<Grouped>[] = [{ key: 'group', header: t('ackReport.col.group'), render: (r) => r.group }, ...countColumns(t, null)];
  return (
    <section className={styles.section} aria-labelledby={id}>
      <h2 id={id} className={styles.sectionHeading}>
        {t('ackReport.byGroup')}
      </h2>
      <DataTable label={t('ackReport.byGroup')} columns={columns} rows={groups} rowKey={(r) => r.group} className={styles.table} />
    </section>
  );
}

function People({ state }: { state: ReportState }) {
  const { t } = useTranslation();
  const styles = useReportStyles();
  const id = useId();
  const none = t('ackReport.noDepartment');
  const tz = state.ctx.timeZone;
  const columns: DataTableColumn<RequestView>[] = [
    { key: 'name', header: t('ackReport.col.name'), render: (v) => v.request.userName },
    { key: 'upn', header: t('ackReport.col.upn'), render: (v) => v.request.userUpn },
    { key: 'department', header: t('ackReport.col.department'), render: (v) => departmentOf(v, none) },
    { key: 'status', header: t('ackReport.col.status'), render: (v) => requestStatusLabel(t, v.status) + (v.late ? ` (${t('ackReport.figure.late')})` : '') },
    { key: 'due', header: t('ackReport.col.dueDate'), render: (v) => v.request.dueDate, cellClassName: styles.nowrap },
    { key: 'acknowledgedOn', header: t('ackReport.col.acknowledgedOn'), render: (v) => (v.acknowledgedAt ? siteDateOf(v.acknowledgedAt, tz) : ''), cellClassName: styles.nowrap },
    { key: 'reason', header: t('ackReport.col.reason'), render: (v) => v.request.reason ?? '' },
    ...(state.ctx.waives ? [{ key: 'actions', header: t('ackReport.col.actions'), render: (v: RequestView) => (v.status === 'Pending' || v.status === 'Overdue' ? <WaiveDialog state={state} view={v} /> : null) }] : []),
  ];
  const exporting = state.exportState.phase === 'running';
  const title = state.department === null ? t('ackReport.people', { filter: figureLabel(t, state.filter) }) : t('ackReport.peopleIn', { filter: figureLabel(t, state.filter), department: state.department });
  return (
    <section className={styles.section} aria-labelledby={id}>
      <h2 id={id} className={styles.sectionHeading}>
        {title}
      </h2>
      <div className={styles.toolbar}>
        <Field label={t('ackReport.filterLabel')}>
          <Select value={state.filter} onChange={(_, d) => state.setFilter(d.value as ReportFilter)}>
            {REPORT_FILTERS.map((f) => (
              <option key={f} value={f}>
                {figureLabel(t, f)}
              </option>
            ))}
          </Select>
        </Field>
        {state.department !== null && <Button onClick={() => state.setFilter(state.filter, null)}>{t('ackReport.allDepartments')}</Button>}
        <Body1 role="status" className={styles.grow}>
          {t('ackReport.showing', { count: state.rows.length })}
        </Body1>
        <Button disabled={exporting} onClick={() => void state.exportAs('csv')}>
          {t('ackReport.export.csv')}
        </Button>
        <Button disabled={exporting} onClick={() => void state.exportAs('xlsx')}>
          {t('ackReport.export.excel')}
        </Button>
      </div>
      {state.exportState.phase === 'failed' && <ErrorMessage error={state.exportState.error} context={t('ackReport.export.error')} />}
      {state.exportState.phase === 'done' && (
        <Caption1 role="status" className={styles.note}>
          {t('ackReport.export.done', { count: state.exportState.count, file: state.exportState.fileName })}
        </Caption1>
      )}
      <DataTable label={title} columns={columns} rows={state.rows} rowKey={(v) => v.request.key} empty={t('ackReport.emptyFilter')} className={styles.table} />
    </section>
  );
}

type WaiveRefusal = { readonly message: string };

/** The SMS manager waives one person's open request; the reason is required (the rules' refusal says so). */
function WaiveDialog({ state, view }: { state: ReportState; view: RequestView }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const r = view.request;
  return (
    <ActionDialog<WaiveRefusal, 'reason'>
      triggerLabel={t('ackReport.waive.trigger')}
      triggerAriaLabel={t('ackReport.waive.triggerFor', { name: r.userName })}
      title={t('ackReport.waive.title', { name: r.userName })}
      confirmLabel={t('ackReport.waive.confirm')}
      description={<Body1 as="p">{t('ackReport.waive.body', { name: r.userName, docId: r.docId, version: r.versionLabel })}</Body1>}
      precheck={() => {
        const check = requestTransition({ ...r, status: view.status }, { type: 'waive', reason, actorRoles: state.ctx.roles });
        if (check.ok) return null;
        return { message: check.code === 'notPermitted' ? t('ackReport.waive.notPermitted') : campaignRefusalText(t, check.code) };
      }}
      run={() => state.waive(view, reason.trim())}
      refusalOf={(e) => (e instanceof CampaignRefusedError ? { message: e.code === 'notPermitted' ? t('ackReport.waive.notPermitted') : campaignRefusalText(t, e.code) } : null)}
      explain={(refusal) => ({ message: refusal.message, at: 'reason' })}
      onReset={() => setReason('')}
    >
      {({ fieldError, busy }) => (
        <Field label={t('ackReport.waive.reason')} required validationMessage={fieldError('reason')} validationState={fieldError('reason') ? 'error' : 'none'}>
          <Textarea value={reason} disabled={busy} onChange={(_, d) => setReason(d.value)} resize="vertical" />
        </Field>
      )}
    </ActionDialog>
  );
}
