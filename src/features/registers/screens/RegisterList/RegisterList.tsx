import { useId, type ReactNode } from 'react';
import { Badge, Body1, Button, Caption1, Field, Input, Select } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../../app/errors/ErrorMessage.js';
import { Loading } from '../../../../app/shell/Loading.js';
import type { RegisterRecord } from '../../../../platform/registers/index.js';
import { DataTable, type DataTableColumn } from '../../../../ui/DataTable.js';
import { useFieldFormat } from '../../components/FieldValue.js';
import { columnLabel, registerName, statusLabel } from '../../i18n/labels.js';
import { columnOf } from '../../services/catalog.js';
import { refOf } from '../../services/records.js';
import { useRegisterListStyles } from './RegisterList.styles.js';
import { useRegisterList, type RegisterListOptions, type RegisterListState } from './useRegisterList.js';

export interface RegisterListProps extends RegisterListOptions {
  /** The link of a record's reference (a router link in the app; a link that opens the app in a web part). */
  renderRecordLink(record: RegisterRecord, text: string): ReactNode;
  /** Heading level of the list's own headings (the screen has the h1). Default 2. */
  headingLevel?: 2 | 3;
  /** Shown between the filters and the table, with the loaded rows (e.g. the register's summary). */
  renderAbove?(rows: readonly RegisterRecord[]): ReactNode;
  /** Shown in the toolbar beside the count, with the list's state (e.g. Export). */
  renderTools?(state: RegisterListState): ReactNode;
}

/**
 * A register's records: filters on its indexed columns (status, owner, type… as dropdowns), a search
 * (a reference prefix goes to Graph; other text searches the loaded rows), sorting on indexed
 * columns, "Load more" through the engine's `@odata.nextLink` (a load reads at most five pages, so
 * its cost follows what is shown, never the list's size), and a link per row to the record.
 * Used by the app's register screen and by the "Register view" web part.
 */
export function RegisterList(props: RegisterListProps) {
  const { t } = useTranslation();
  const styles = useRegisterListStyles();
  const state = useRegisterList(props);
  const { list } = state;
  return (
    <div className={styles.root}>
      <Filters state={state} heading={`h${props.headingLevel ?? 2}` as 'h2' | 'h3'} />
      {list.isError && !list.isFetchNextPageError ? (
        <ErrorMessage error={list.error} context={t('registers.list.error')} onRetry={() => void list.refetch()} />
      ) : list.isPending ? (
        <Loading label={t('registers.list.loading')} />
      ) : (
        <>
          {props.renderAbove?.(state.rows)}
          <div className={styles.toolbar}>
            <Body1 role="status" className={styles.summary}>
              {list.hasNextPage ? t('registers.list.showingMore', { count: state.rows.length }) : t('registers.list.showing', { count: state.rows.length })}
            </Body1>
            {props.renderTools?.(state)}
          </div>
          {state.searchingLoaded && <Caption1 className={styles.note}>{t('registers.list.searchingLoaded', { count: state.loaded.length })}</Caption1>}
          <RecordsTable state={state} renderRecordLink={props.renderRecordLink} />
          {list.hasNextPage && (
            <div className={styles.footer}>
              <Button disabled={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
                {list.isFetchingNextPage ? t('registers.list.loadingMore') : t('registers.list.loadMore')}
              </Button>
            </div>
          )}
          {list.isFetchNextPageError && <ErrorMessage error={list.error} context={t('registers.list.error')} onRetry={() => void list.fetchNextPage()} />}
        </>
      )}
    </div>
  );
}

function Filters({ state, heading: Heading }: { state: RegisterListState; heading: 'h2' | 'h3' }) {
  const { t } = useTranslation();
  const styles = useRegisterListStyles();
  const headingId = useId();
  const { config } = state;
  const any = t('registers.list.any');
  return (
    <form role="search" aria-labelledby={headingId} onSubmit={(e) => e.preventDefault()}>
      <Heading id={headingId} className={styles.legend}>
        {t('registers.list.filtersHeading')}
      </Heading>
      <div className={styles.filters}>
        <Field className={styles.search} label={t('registers.list.search')} hint={config.schema.refPrefix ? t('registers.list.searchHint', { prefix: config.schema.refPrefix }) : t('registers.list.searchHintTitle')}>
          <Input type="search" value={state.search} onChange={(_, d) => state.setSearch(d.value)} />
        </Field>
        {config.filterColumns.map((name) => {
          const column = columnOf(config, name);
          const options =
            column.type === 'person'
              ? state.personOptions
              : column.type === 'boolean'
                ? [
                    { value: 'true', label: t('registers.value.yes') },
                    { value: 'false', label: t('registers.value.no') },
                  ]
                : (column.choices ?? []).map((c) => ({ value: c, label: name === config.statusColumn ? statusLabel(t, c) : c }));
          const value = state.filters[name] ?? '';
          return (
            <Field key={name} className={styles.filter} label={columnLabel(t, column)}>
              <Select className={styles.select} select={{ className: styles.selectControl }} value={value} onChange={(_, d) => state.setFilter(name, d.value || null)}>
                <option value="">{any}</option>
                {/* A filter from the address for a person the directory has not loaded yet stays selected. */}
                {value !== '' && !options.some((o) => o.value === value) && <option value={value}>{value}</option>}
                {options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </Select>
            </Field>
          );
        })}
        {state.extraFilters.map(({ column, value }) => {
          const label = t('registers.list.chip', { column: columnLabel(t, column), value: column.name === config.statusColumn ? statusLabel(t, value) : value });
          return (
            <div key={column.name}>
              <Button aria-label={t('registers.list.removeChip', { filter: label })} onClick={() => state.setFilter(column.name, null)}>
                {label}
                <span aria-hidden="true">{' ×'}</span>
              </Button>
            </div>
          );
        })}
        <div>
          <Button disabled={!state.filtered} onClick={state.clearFilters}>
            {t('registers.list.clear')}
          </Button>
        </div>
      </div>
      {state.people.isError && <Caption1 className={styles.note}>{t('registers.list.peopleError')}</Caption1>}
    </form>
  );
}

function RecordsTable({ state, renderRecordLink }: { state: RegisterListState; renderRecordLink: RegisterListProps['renderRecordLink'] }) {
  const { t } = useTranslation();
  const styles = useRegisterListStyles();
  const { config } = state;
  const format = useFieldFormat({ people: state.people.data, statusColumn: config.statusColumn });
  const linkColumn = config.listColumns[0];
  const columns: DataTableColumn<RegisterRecord>[] = state.columns.map((column) => ({
    key: column.name,
    header: columnLabel(t, column),
    sortable: config.sortColumns.includes(column.name),
    cellClassName: column.name === 'Title' ? styles.titleCell : column.type === 'dateOnly' || column.name === 'Ref' ? styles.nowrap : undefined,
    render: (record) => {
      if (column.name === linkColumn) {
        const text = record.values[column.name];
        return renderRecordLink(record, column.name !== 'Ref' && typeof text === 'string' && text !== '' ? text : refOf(record));
      }
      if (column.name === config.statusColumn && typeof record.values[column.name] === 'string') {
        return (
          <Badge appearance="tint" shape="rounded" color="informative" className={styles.badge}>
            {statusLabel(t, record.values[column.name] as string)}
          </Badge>
        );
      }
      return format(column, record.values[column.name]);
    },
  }));
  return (
    <DataTable
      label={registerName(t, config.schema)}
      columns={columns}
      rows={state.rows}
      rowKey={(r) => r.id}
      sort={state.sort}
      onSort={state.toggleSort}
      className={styles.table}
      empty={
        <div>
          <Body1 as="p">{state.filtered ? t('registers.list.empty') : t('registers.list.emptyAll')}</Body1>
          {state.filtered && <Button onClick={state.clearFilters}>{t('registers.list.clear')}</Button>}
        </div>
      }
    />
  );
}
