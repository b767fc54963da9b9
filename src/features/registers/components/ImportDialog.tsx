import { useId, useState, type ChangeEvent } from 'react';
import {
  Body1,
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Spinner,
  tokens,
  typographyStyles,
} from '@fluentui/react-components';
import { useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { SmsListSchema } from '../../../../graph/schema/types.js';
import { ErrorMessage } from '../../../app/errors/ErrorMessage.js';
import { DataTable, type DataTableColumn } from '../../../ui/DataTable.js';
import { useSingleFlight } from '../../../ui/useSingleFlight.js';
import { columnLabel, issueText, registerName, statusLabel } from '../i18n/labels.js';
import { lookupOptionsQuery, registerListKey } from '../queries.js';
import type { RegisterContext } from '../services/context.js';
import { writeDepsOf } from '../services/context.js';
import {
  findExistingRefs,
  lookupColumnsOf,
  lookupIndexOf,
  newImportJob,
  planImport,
  readHeaders,
  validRows,
  runImport,
  type ImportIssue,
  type ImportJob,
  type ImportPlan,
  type ImportRegister,
  type ImportRow,
} from '../services/importCsv.js';
import { useRegisterContext } from '../useRegisterContext.js';

export interface ImportDialogProps {
  /** The register's configuration (`RegisterConfig` from the catalog). */
  readonly register: ImportRegister;
  /** Called after rows were written (the list refreshes). */
  onImported(): void;
}

type Phase =
  | { kind: 'choose' }
  | { kind: 'reading' }
  | { kind: 'failed'; error: unknown }
  | { kind: 'preview'; fileName: string; plan: ImportPlan }
  | { kind: 'writing'; fileName: string; plan: ImportPlan; job: ImportJob }
  | { kind: 'stopped'; fileName: string; plan: ImportPlan; job: ImportJob; error: unknown }
  | { kind: 'done'; fileName: string; plan: ImportPlan; job: ImportJob };

const useStyles = makeStyles({
  surface: { maxWidth: 'min(960px, calc(100vw - 24px))', width: '100%' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  heading: { ...typographyStyles.subtitle2, margin: 0 },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  note: { color: tokens.colorNeutralForeground2 },
  scroll: { overflowX: 'auto', maxWidth: '100%' },
  issues: { margin: 0, paddingLeft: tokens.spacingHorizontalL, color: tokens.colorPaletteRedForeground1 },
  ok: { color: tokens.colorPaletteGreenForeground1 },
  file: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, '& input': { maxWidth: '100%' } },
});

/** The keys of the import's own problems (`registers.import.issue.<code>`). */
const ISSUE_KEYS = {
  choice: 'registers.import.issue.choice',
  number: 'registers.import.issue.number',
  boolean: 'registers.import.issue.boolean',
  date: 'registers.import.issue.date',
  dateTime: 'registers.import.issue.dateTime',
  person: 'registers.import.issue.person',
  personAmbiguous: 'registers.import.issue.personAmbiguous',
  personNotOnSite: 'registers.import.issue.personNotOnSite',
  lookup: 'registers.import.issue.lookup',
  notImportable: 'registers.import.issue.notImportable',
  cellCount: 'registers.import.issue.cellCount',
  statusNotInitial: 'registers.import.issue.statusNotInitial',
  refInFile: 'registers.import.issue.refInFile',
  refExists: 'registers.import.issue.refExists',
} as const;

const FILE_KEYS = { parse: 'registers.import.file.parse', empty: 'registers.import.file.empty', tooManyRows: 'registers.import.file.tooManyRows' } as const;
const IGNORED_KEYS = { unknown: 'registers.import.ignored.unknown', duplicate: 'registers.import.ignored.duplicate', notImportable: 'registers.import.ignored.notImportable' } as const;

/** One problem of a row in words, with the column's label. */
export function importIssueText(t: TFunction, schema: SmsListSchema, issue: ImportIssue): string {
  if (issue.validation && issue.column) return issueText(t, schema, { column: issue.column, code: issue.code, params: issue.params });
  const column = schema.columns.find((c) => c.name === issue.column);
  const params: Record<string, string | number> = { ...(issue.params ?? {}), column: column ? columnLabel(t, column) : (issue.column ?? '') };
  if (issue.code === 'statusNotInitial') {
    params.value = statusLabel(t, String(params.value ?? ''));
    params.initial = statusLabel(t, String(params.initial ?? ''));
  }
  const key = ISSUE_KEYS[issue.code as keyof typeof ISSUE_KEYS];
  return key ? t(key, params) : t('registers.import.issue.other', { column: String(params.column), code: issue.code });
}

/**
 * "Import CSV": choose a file, see a preview (how each header maps to a column, each row with its problems),
 * confirm to create the valid rows through the register engine (a Ref from the sequence unless the file
 * gives one), watching the progress. Nothing is written before the confirmation. If writing stops (a
 * failure, or the network), the rows written stay written and the rest can be retried: a retry never sends
 * a written row again (see `runImport`).
 */
export function ImportDialog({ register, onImported }: ImportDialogProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { context } = useRegisterContext();
  const [open, setOpen] = useState(false);
  const [phase, setPhase] = useState<Phase>({ kind: 'choose' });
  const [, setProgress] = useState(0);
  const flight = useSingleFlight();
  const queryClient = useQueryClient();
  const fileInput = useId();
  const busy = phase.kind === 'reading' || phase.kind === 'writing';
  const name = registerName(t, register.schema);

  async function choose(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    if (!file || !context) return;
    setPhase({ kind: 'reading' });
    try {
      setPhase({ kind: 'preview', fileName: file.name, plan: await preview(context, register, await file.text(), t, queryClient) });
    } catch (error) {
      setPhase({ kind: 'failed', error });
    }
  }

  async function write(fileName: string, plan: ImportPlan, job: ImportJob) {
    if (!context) return;
    setPhase({ kind: 'writing', fileName, plan, job });
    let result: Awaited<ReturnType<typeof runImport>>;
    try {
      result = await runImport(
        {
          client: context.client,
          siteId: context.site.siteId,
          schema: register.schema,
          deps: writeDepsOf(context),
          timeZone: context.timeZone,
          comment: (row) => t('registers.import.auditComment', { file: fileName, line: row.line }),
        },
        job,
        (p) => setProgress(p.written),
      );
    } catch (error) {
      setPhase({ kind: 'stopped', fileName, plan, job, error });
      return;
    }
    if (result.written > 0) {
      await queryClient.invalidateQueries({ queryKey: registerListKey(context.site.siteId, register) });
      onImported();
    }
    if (result.failed === null) setPhase({ kind: 'done', fileName, plan, job });
    else setPhase({ kind: 'stopped', fileName, plan, job, error: job.states[result.failed]!.error });
  }

  const reset = () => {
    setPhase({ kind: 'choose' });
    setProgress(0);
  };

  const plan = 'plan' in phase ? phase.plan : null;
  const job = 'job' in phase ? phase.job : null;
  const valid = plan ? validRows(plan) : [];
  const written = job ? job.states.filter((s) => s.status === 'written').length : 0;

  return (
    <Dialog
      open={open}
      modalType="modal"
      onOpenChange={(_, d) => {
        if (busy) return;
        setOpen(d.open);
        if (!d.open) reset();
      }}
    >
      <DialogTrigger disableButtonEnhancement>
        <Button disabled={!context}>{t('registers.import.button')}</Button>
      </DialogTrigger>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>{t('registers.import.title', { register: name })}</DialogTitle>
          <DialogContent className={styles.content}>
            <Body1 as="p">{t('registers.import.intro')}</Body1>
            {(phase.kind === 'choose' || phase.kind === 'preview' || phase.kind === 'failed') && (
              <div className={styles.file}>
                <label htmlFor={fileInput} className={styles.heading}>
                  {t('registers.import.file')}
                </label>
                <input id={fileInput} type="file" accept=".csv,text/csv" onChange={(e) => void choose(e)} />
              </div>
            )}
            {phase.kind === 'reading' && <Spinner size="small" labelPosition="after" label={t('registers.import.reading')} />}
            {phase.kind === 'failed' && <ErrorMessage error={phase.error} context={t('registers.import.readFailed')} />}
            {plan && <Preview schema={register.schema} plan={plan} job={job} />}
            {(phase.kind === 'writing' || phase.kind === 'stopped' || phase.kind === 'done') && (
              <Field validationMessage={t('registers.import.progress', { written, total: phase.job.rows.length })} validationState="none">
                <ProgressBar value={phase.job.rows.length === 0 ? 1 : written / phase.job.rows.length} thickness="large" />
              </Field>
            )}
            <div role="status" aria-live="polite">
              {phase.kind === 'done' && (
                <MessageBar intent="success" layout="multiline">
                  <MessageBarBody>{t('registers.import.done', { count: written })}</MessageBarBody>
                </MessageBar>
              )}
            </div>
            {phase.kind === 'stopped' && (
              <>
                <MessageBar intent="warning" layout="multiline">
                  <MessageBarBody>{t('registers.import.stopped', { written, total: phase.job.rows.length })}</MessageBarBody>
                </MessageBar>
                <ErrorMessage error={phase.error} />
              </>
            )}
          </DialogContent>
          <DialogActions>
            {phase.kind === 'preview' && (
              <Button appearance="primary" disabled={valid.length === 0 || flight.running} onClick={() => void flight.run(() => write(phase.fileName, phase.plan, newImportJob(valid)))}>
                {t('registers.import.confirm', { count: valid.length })}
              </Button>
            )}
            {phase.kind === 'stopped' && (
              <Button appearance="primary" disabled={flight.running} onClick={() => void flight.run(() => write(phase.fileName, phase.plan, phase.job))}>
                {t('registers.import.retry', { count: phase.job.rows.length - written })}
              </Button>
            )}
            <DialogTrigger disableButtonEnhancement>
              <Button disabled={busy}>{phase.kind === 'done' || phase.kind === 'stopped' ? t('registers.import.close') : t('registers.import.cancel')}</Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

/** Reads what the preview needs (lookup targets, which Refs exist) and plans the import. Writes nothing. */
async function preview(ctx: RegisterContext, register: ImportRegister, text: string, t: TFunction, queryClient: ReturnType<typeof useQueryClient>): Promise<ImportPlan> {
  const labelOf = (c: SmsListSchema['columns'][number]) => columnLabel(t, c);
  const { headers, refs } = readHeaders(register, text, labelOf);
  const options = new Map<string, { id: string; label: string }[]>();
  for (const column of lookupColumnsOf(register, headers)) options.set(column.name, await queryClient.fetchQuery(lookupOptionsQuery(ctx.client, ctx.site.siteId, column.lookupList!)));
  const existingRefs = await findExistingRefs(ctx.client, ctx.site.siteId, register.schema, refs);
  return planImport({ register, text, people: ctx.people, lookups: lookupIndexOf(options), labelOf, existingRefs });
}

/** The preview: how the headers map, problems of the file, and each row with its problems (or how it was written). */
function Preview({ schema, plan, job }: { schema: SmsListSchema; plan: ImportPlan; job: ImportJob | null }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const headingId = useId();
  const valid = validRows(plan);
  const stateOf = (row: ImportRow) => {
    if (!job) return null;
    const at = job.rows.indexOf(row);
    return at < 0 ? null : job.states[at]!;
  };
  const columns: DataTableColumn<ImportRow>[] = [
    { key: 'line', header: t('registers.import.col.line'), render: (r) => String(r.line) },
    { key: 'record', header: t('registers.import.col.record'), render: (r) => [r.ref, r.title].filter(Boolean).join(' – ') },
    {
      key: 'result',
      header: t('registers.import.col.result'),
      render: (r) => {
        if (r.issues.length > 0) {
          return (
            <ul className={styles.issues}>
              {r.issues.map((issue, i) => (
                <li key={i}>{importIssueText(t, schema, issue)}</li>
              ))}
            </ul>
          );
        }
        const state = stateOf(r);
        if (state?.status === 'written') return <span className={styles.ok}>{state.ref ? t('registers.import.writtenAs', { ref: state.ref }) : t('registers.import.written')}</span>;
        if (state?.status === 'failed') return t('registers.import.rowFailed');
        return t('registers.import.ready');
      },
    },
  ];
  return (
    <section aria-labelledby={headingId} className={styles.content}>
      <h3 id={headingId} className={styles.heading}>
        {t('registers.import.headers')}
      </h3>
      <ul className={styles.list}>
        {plan.headers.map((h, i) => {
          const column = schema.columns.find((c) => c.name === h.column);
          return <li key={i}>{h.ignored ? t(IGNORED_KEYS[h.ignored], { header: h.header }) : t('registers.import.headerMapped', { header: h.header, column: column ? columnLabel(t, column) : '' })}</li>;
        })}
      </ul>
      {plan.fileProblems.map((p, i) => (
        <MessageBar key={i} intent="error" layout="multiline">
          <MessageBarBody>{t(FILE_KEYS[p.code as keyof typeof FILE_KEYS] ?? FILE_KEYS.parse, { row: '', message: '', count: 0, max: 0, ...(p.params ?? {}) })}</MessageBarBody>
        </MessageBar>
      ))}
      {plan.missingRequired.length > 0 && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            {t('registers.import.missingRequired', {
              columns: plan.missingRequired.map((n) => columnLabel(t, schema.columns.find((c) => c.name === n) ?? { name: n, displayName: n })).join(', '),
            })}
          </MessageBarBody>
        </MessageBar>
      )}
      <Caption1 as="p" className={styles.note}>
        {t('registers.import.summary', { valid: valid.length, total: plan.rows.length })}
      </Caption1>
      <div className={styles.scroll}>
        <DataTable label={t('registers.import.previewTable')} columns={columns} rows={plan.rows} rowKey={(r) => String(r.index)} />
      </div>
    </section>
  );
}
