import { useId, type ReactNode } from 'react';
import {
  Badge,
  Body1,
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  Link,
  ProgressBar,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  mergeClasses,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { clauseNumbers } from '../../../../../graph/schema/clauses.js';
import { ErrorMessage } from '../../../../app/errors/ErrorMessage.js';
import { Loading } from '../../../../app/shell/Loading.js';
import { isOneOf } from '../../../../domain/documents/constants.js';
import type { DocumentRegisterProps } from './DocumentRegister.types.js';
import { useDocumentRegisterStyles } from './DocumentRegister.styles.js';
import { DOC_STATUS_KEYS, DOC_TYPE_KEYS } from '../../i18n/labels.js';
import { clauseList, formatDate, reviewLabel, statusLabel, typeLabel } from '../../i18n/registerLabels.js';
import { REGISTER_DOC_TYPES, REGISTER_STATUSES, processLabel, type RegisterRow, type ReviewFilter, type SortColumn } from '../../services/registerQuery.js';
import { useDocumentRegister } from './useDocumentRegister.js';

type RegisterState = ReturnType<typeof useDocumentRegister>;

/**
 * The document register (ISO/IEC 20000-1 7.5.3): every controlled document in `SMS Documents`
 * the viewer may see, with its ID, title, type, owner, status, published version, effective date,
 * next review date and clauses. Filters by type, status (SMS managers and document controllers),
 * owner, process, primary clause and review; searches by DocId prefix (whole register) or title
 * (loaded rows); sorts on indexed columns; marks overdue and due-soon reviews in words; loads 100
 * documents at a time; exports the matching documents as CSV or Excel.
 *
 * Used by the Documents screen of the app and by the SharePoint web part (see the props).
 */
export function DocumentRegister(props: DocumentRegisterProps) {
  const { t } = useTranslation();
  const styles = useDocumentRegisterStyles();
  const state = useDocumentRegister(props);
  const { register } = state;
  const Heading = `h${props.headingLevel ?? 2}` as const;
  const filtersId = useId();

  return (
    <div className={styles.root}>
      <Body1 as="p" className={styles.note}>
        {state.view === 'all' ? t('documents.register.viewAll') : t('documents.register.viewInForce')}
      </Body1>
      <Filters state={state} legendId={filtersId} heading={Heading} />
      {register.isError ? (
        <ErrorMessage error={register.error} context={t('documents.register.error')} onRetry={() => void register.refetch()} />
      ) : state.awaiting.isError ? (
        <ErrorMessage error={state.awaiting.error} context={t('documents.register.filter.awaitingMyDecisionError')} onRetry={() => void state.awaiting.refetch()} />
      ) : register.isPending ? (
        <Loading label={t('documents.register.loading')} />
      ) : (
        <Results state={state} renderDocumentLink={props.renderDocumentLink} />
      )}
    </div>
  );
}

function Filters({ state, legendId, heading: Heading }: { state: RegisterState; legendId: string; heading: 'h2' | 'h3' }) {
  const { t } = useTranslation();
  const styles = useDocumentRegisterStyles();
  const { filters, setFilter } = state;
  const any = t('documents.register.filter.any');
  return (
    <form role="search" aria-labelledby={legendId} onSubmit={(e) => e.preventDefault()}>
      <Heading id={legendId} className={styles.legend}>
        {t('documents.register.filter.heading')}
      </Heading>
      <div className={styles.filters}>
        <Field className={styles.search} label={t('documents.register.filter.search')} hint={t('documents.register.filter.searchHint')}>
          <Input type="search" value={state.search} onChange={(_, d) => state.setSearch(d.value)} />
        </Field>
        {state.canFilterAwaiting && (
          <Field className={styles.filter} hint={filters.awaitingMyDecision ? t('documents.register.filter.awaitingMyDecisionHint') : undefined}>
            <Checkbox
              label={t('documents.register.filter.awaitingMyDecision')}
              checked={filters.awaitingMyDecision === true}
              onChange={(_, d) => setFilter('awaitingMyDecision', d.checked === true ? true : null)}
            />
          </Field>
        )}
        <Field className={styles.filter} label={t('documents.register.filter.type')}>
          <Select className={styles.select} select={{ className: styles.selectControl }} value={filters.docType ?? ''} onChange={(_, d) => setFilter('docType', isOneOf(REGISTER_DOC_TYPES, d.value) ? d.value : null)}>
            <option value="">{any}</option>
            {REGISTER_DOC_TYPES.map((v) => (
              <option key={v} value={v}>
                {t(DOC_TYPE_KEYS[v])}
              </option>
            ))}
          </Select>
        </Field>
        {state.view === 'all' && (
          <Field className={styles.filter} label={t('documents.register.filter.status')}>
            <Select className={styles.select} select={{ className: styles.selectControl }} value={filters.status ?? ''} onChange={(_, d) => setFilter('status', isOneOf(REGISTER_STATUSES, d.value) ? d.value : null)}>
              <option value="">{any}</option>
              {REGISTER_STATUSES.map((v) => (
                <option key={v} value={v}>
                  {t(DOC_STATUS_KEYS[v])}
                </option>
              ))}
            </Select>
          </Field>
        )}
        <Field className={styles.filter} label={t('documents.register.filter.owner')}>
          <Select className={styles.select} select={{ className: styles.selectControl }} value={filters.ownerUpn ?? ''} onChange={(_, d) => setFilter('ownerUpn', d.value || null)}>
            <option value="">{any}</option>
            {state.owners.map((u) => (
              <option key={u.upn} value={u.upn}>
                {u.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field className={styles.filter} label={t('documents.register.filter.process')}>
          <Select className={styles.select} select={{ className: styles.selectControl }} value={filters.processLookupId ?? ''} onChange={(_, d) => setFilter('processLookupId', d.value || null)}>
            <option value="">{any}</option>
            {state.processes.map((p) => (
              <option key={p.id} value={p.id}>
                {processLabel(p)}
              </option>
            ))}
          </Select>
        </Field>
        <Field className={styles.filter} label={t('documents.register.filter.clause')}>
          <Select className={styles.select} select={{ className: styles.selectControl }} value={filters.clause ?? ''} onChange={(_, d) => setFilter('clause', d.value || null)}>
            <option value="">{any}</option>
            {clauseNumbers.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </Select>
        </Field>
        <Field className={styles.filter} label={t('documents.register.filter.review')}>
          <Select className={styles.select} select={{ className: styles.selectControl }} value={filters.review ?? ''} onChange={(_, d) => setFilter('review', d.value === 'overdue' || d.value === 'due' ? (d.value as ReviewFilter) : null)}>
            <option value="">{any}</option>
            <option value="overdue">{t('documents.register.filter.reviewOverdue')}</option>
            <option value="due">{t('documents.register.filter.reviewDue')}</option>
          </Select>
        </Field>
        <div>
          <Button disabled={!state.filtered} onClick={state.clearFilters}>
            {t('documents.register.filter.clear')}
          </Button>
        </div>
      </div>
      {state.people.isError && <Caption1 className={styles.note}>{t('documents.register.lookupError')}</Caption1>}
    </form>
  );
}

function Results({ state, renderDocumentLink }: { state: RegisterState; renderDocumentLink: DocumentRegisterProps['renderDocumentLink'] }) {
  const { t } = useTranslation();
  const styles = useDocumentRegisterStyles();
  const { register, rows } = state;
  const exporting = state.exportState.phase === 'running';
  return (
    <>
      <div className={styles.toolbar}>
        <Body1 role="status" className={styles.summary}>
          {register.hasNextPage ? t('documents.register.showingMore', { count: rows.length }) : t('documents.register.showing', { count: rows.length })}
        </Body1>
        <Button disabled={exporting} onClick={() => void state.exportAs('csv')}>
          {t('documents.register.export.csv')}
        </Button>
        <Button disabled={exporting} onClick={() => void state.exportAs('xlsx')}>
          {t('documents.register.export.excel')}
        </Button>
      </div>
      <ExportStatus state={state} />
      {state.titleSearch && <Caption1 className={styles.note}>{t('documents.register.searchingLoaded', { count: state.loaded.length })}</Caption1>}
      {rows.length === 0 ? (
        <div>
          <Body1 as="p">{state.filtered ? t('documents.register.empty') : t('documents.register.emptyAll')}</Body1>
          {state.filtered && <Button onClick={state.clearFilters}>{t('documents.register.filter.clear')}</Button>}
        </div>
      ) : (
        <RegisterTable state={state} renderDocumentLink={renderDocumentLink} />
      )}
      {register.hasNextPage && (
        <div className={styles.footer}>
          <Button disabled={register.isFetchingNextPage} onClick={() => void register.fetchNextPage()}>
            {register.isFetchingNextPage ? t('documents.register.loadingMore') : t('documents.register.loadMore')}
          </Button>
        </div>
      )}
      {register.isFetchNextPageError && (
        <ErrorMessage error={register.error} context={t('documents.register.error')} onRetry={() => void register.fetchNextPage()} />
      )}
    </>
  );
}

function ExportStatus({ state }: { state: RegisterState }) {
  const { t } = useTranslation();
  const styles = useDocumentRegisterStyles();
  const s = state.exportState;
  if (s.phase === 'running') {
    return (
      <div className={styles.progress}>
        <Field validationMessage={t('documents.register.export.preparing', { count: s.itemsRead })} validationState="none">
          <ProgressBar aria-label={t('documents.register.export.progress')} />
        </Field>
        <div>
          <Button onClick={state.cancelExport}>{t('documents.register.export.cancel')}</Button>
        </div>
      </div>
    );
  }
  if (s.phase === 'failed') return <ErrorMessage error={s.error} context={t('documents.register.export.error')} />;
  if (s.phase === 'done') {
    return (
      <Caption1 role="status" className={styles.note}>
        {t('documents.register.export.done', { count: s.count, file: s.fileName })}
      </Caption1>
    );
  }
  return null;
}

type ColumnLabel =
  | 'documents.register.col.docId'
  | 'documents.register.col.title'
  | 'documents.register.col.type'
  | 'documents.register.col.owner'
  | 'documents.register.col.status'
  | 'documents.register.col.publishedVersion'
  | 'documents.register.col.effectiveDate'
  | 'documents.register.col.nextReview'
  | 'documents.register.col.clauses';

const COLUMNS: readonly { key: string; label: ColumnLabel; sort?: SortColumn }[] = [
  { key: 'docId', label: 'documents.register.col.docId', sort: 'DocId' },
  { key: 'title', label: 'documents.register.col.title' },
  { key: 'type', label: 'documents.register.col.type', sort: 'DocType' },
  { key: 'owner', label: 'documents.register.col.owner' },
  { key: 'status', label: 'documents.register.col.status', sort: 'DocStatus' },
  { key: 'published', label: 'documents.register.col.publishedVersion' },
  { key: 'effective', label: 'documents.register.col.effectiveDate' },
  { key: 'review', label: 'documents.register.col.nextReview', sort: 'NextReviewDate' },
  { key: 'clauses', label: 'documents.register.col.clauses', sort: 'PrimaryClause' },
];

function RegisterTable({ state, renderDocumentLink }: { state: RegisterState; renderDocumentLink: DocumentRegisterProps['renderDocumentLink'] }) {
  const { t, i18n } = useTranslation();
  const styles = useDocumentRegisterStyles();
  const { sort } = state;
  return (
    <div className={styles.tableWrap}>
      <Table className={styles.table} size="small" aria-label={t('documents.register.tableLabel')}>
        <TableHeader>
          <TableRow>
            {COLUMNS.map((c) =>
              c.sort ? (
                <TableHeaderCell
                  key={c.key}
                  sortable
                  sortDirection={sort.column === c.sort ? sort.direction : undefined}
                  onClick={() => state.toggleSort(c.sort!)}
                >
                  {t(c.label)}
                </TableHeaderCell>
              ) : (
                <TableHeaderCell key={c.key}>{t(c.label)}</TableHeaderCell>
              ),
            )}
          </TableRow>
        </TableHeader>
        <TableBody>
          {state.rows.map((row) => (
            <TableRow key={row.itemId} className={mergeClasses(row.review === 'overdue' && styles.overdueRow, row.review === 'dueSoon' && styles.dueSoonRow)}>
              <TableCell className={styles.nowrap}>
                {docLink(row, renderDocumentLink)}
                {state.integrityAlerts.has(row.docId) && (
                  <>
                    {' '}
                    <Badge appearance="filled" shape="rounded" color="danger">
                      {t('documents.register.integrityAlert')}
                    </Badge>
                  </>
                )}
              </TableCell>
              <TableCell className={styles.titleCell}>{row.title}</TableCell>
              <TableCell className={styles.nowrap}>{typeLabel(t, row.docType)}</TableCell>
              <TableCell>{state.names.ownerName(row)}</TableCell>
              <TableCell className={mergeClasses(styles.nowrap, (row.status === 'Withdrawn' || row.status === 'Archived') && styles.withdrawn)}>{statusLabel(t, row.status)}</TableCell>
              <TableCell>{row.publishedVersion ?? ''}</TableCell>
              <TableCell className={styles.nowrap}>{formatDate(row.effectiveDate, i18n.language)}</TableCell>
              <TableCell>
                <span className={styles.reviewCell}>
                  <span className={styles.nowrap}>{formatDate(row.nextReviewDate, i18n.language)}</span>
                  {row.review !== 'ok' && (
                    <Badge appearance="tint" shape="rounded" color={row.review === 'overdue' ? 'danger' : 'warning'}>
                      {reviewLabel(t, row.review)}
                    </Badge>
                  )}
                </span>
              </TableCell>
              <TableCell>
                <Clauses row={row} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

function docLink(row: RegisterRow, render: DocumentRegisterProps['renderDocumentLink']): ReactNode {
  if (!row.docId) return null;
  if (render) return render(row, row.docId);
  return row.webUrl ? (
    <Link href={row.webUrl} target="_blank" rel="noopener noreferrer">
      {row.docId}
    </Link>
  ) : (
    row.docId
  );
}

function Clauses({ row }: { row: RegisterRow }) {
  const styles = useDocumentRegisterStyles();
  const [first, ...rest] = clauseList(row.primaryClause, row.clauseRefs);
  if (!first) return null;
  return (
    <>
      <span className={row.primaryClause ? styles.primaryClause : undefined}>{first}</span>
      {rest.length > 0 && `, ${rest.join(', ')}`}
    </>
  );
}
