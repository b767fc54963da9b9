import { useState } from 'react';
import { Button, Caption1, Menu, MenuGroup, MenuGroupHeader, MenuItem, MenuList, MenuPopover, MenuTrigger, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { SmsColumn } from '../../../../graph/schema/types.js';
import { ErrorMessage } from '../../../app/errors/ErrorMessage.js';
import type { PeopleDirectory } from '../../../platform/people.js';
import { readAll, type CellValue, type RegisterRecord } from '../../../platform/registers/index.js';
import { dateCell, downloadFile, exportFile, textCell, type ExportCell, type ExportFormat, type ExportTable, type SaveFile } from '../../../ui/export/index.js';
import { columnLabel, registerName } from '../i18n/labels.js';
import { lookupOptionsQuery, type LookupOption } from '../queries.js';
import type { RegisterConfig } from '../services/catalog.js';
import { MULTI_VALUE_SEPARATOR } from '../services/importCsv.js';
import { definitionOf } from '../services/records.js';
import { usePeople, useRegisterSite } from '../useRegisterContext.js';

export interface ExportMenuProps {
  readonly register: RegisterConfig;
  /** The rows the list holds now (its filters and loaded pages): "Shown rows" exports these, with the list's columns. */
  readonly rows: readonly RegisterRecord[];
  /** How the file is saved (a browser download by default; tests collect it). */
  readonly saveFile?: SaveFile;
}

type Scope = 'shown' | 'all';
type ExportState = { phase: 'idle' } | { phase: 'reading'; read: number } | { phase: 'writing' } | { phase: 'done'; count: number; file: string } | { phase: 'failed'; error: unknown };

const WIDTH: Partial<Record<SmsColumn['type'], number>> = { note: 50, dateOnly: 12, number: 10, currency: 12, boolean: 8, multiChoice: 30, lookupMulti: 30, personMulti: 36, person: 30 };

/** Lookup labels (`Ref – Title`) by column, for the lookup columns of `columns`. */
type LookupLabels = ReadonlyMap<string, ReadonlyMap<string, string>>;

/**
 * A register's records as an export table: one column per column (its label in the UI language), values as
 * stored (statuses and choices as the list holds them, so the file imports back), people as UPNs, lookups as
 * `Ref – Title`, several values separated by `;`, calendar dates as dates.
 */
export function registerExportTable(config: RegisterConfig, columns: readonly string[], rows: readonly RegisterRecord[], t: TFunction, people: PeopleDirectory | undefined, lookups: LookupLabels): ExportTable {
  const cols = columns.map((name) => config.schema.columns.find((c) => c.name === name)).filter((c): c is SmsColumn => c !== undefined);
  const person = (id: string) => people?.byLookupId(id)?.upn ?? `#${id}`;
  const item = (column: SmsColumn, id: string) => lookups.get(column.name)?.get(id) ?? `#${id}`;
  const list = (v: CellValue | undefined) => (Array.isArray(v) ? (v as readonly string[]) : []);
  const cell = (column: SmsColumn, v: CellValue | undefined): ExportCell => {
    if (column.type === 'dateOnly') return dateCell(typeof v === 'string' ? v : null);
    if (v === null || v === undefined) return textCell(null);
    switch (column.type) {
      case 'multiChoice':
        return textCell(list(v).join(`${MULTI_VALUE_SEPARATOR} `));
      case 'boolean':
        return textCell(v === true ? t('registers.export.yes') : t('registers.export.no'));
      case 'person':
        return textCell(person(String(v)));
      case 'personMulti':
        return textCell(list(v).map(person).join(`${MULTI_VALUE_SEPARATOR} `));
      case 'lookup':
        return textCell(item(column, String(v)));
      case 'lookupMulti':
        return textCell(list(v).map((id) => item(column, id)).join(`${MULTI_VALUE_SEPARATOR} `));
      default:
        return textCell(String(v));
    }
  };
  return {
    columns: cols.map((c) => ({ header: columnLabel(t, c), width: WIDTH[c.type] ?? 24, kind: c.type === 'dateOnly' ? 'date' : 'text' })),
    rows: rows.map((r) => cols.map((c) => cell(c, r.values[c.name]))),
  };
}

const useStyles = makeStyles({
  root: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS, minWidth: 0 },
  note: { color: tokens.colorNeutralForeground2 },
});

/**
 * Export of a register as CSV or Excel (src/ui/export): the rows the list shows (its columns), or the whole
 * register with every column (read through the engine's `readAll`, 1,000 items a request). The file imports
 * back (`ImportDialog`): headers are the column labels, people their UPNs, lookups `Ref – Title`.
 */
export function ExportMenu({ register, rows, saveFile = downloadFile }: ExportMenuProps) {
  const { t } = useTranslation();
  const styles = useStyles();
  const site = useRegisterSite();
  const people = usePeople(site.client, site.siteId);
  const queryClient = useQueryClient();
  const [state, setState] = useState<ExportState>({ phase: 'idle' });
  const busy = state.phase === 'reading' || state.phase === 'writing';

  async function run(scope: Scope, format: ExportFormat) {
    if (!site.siteId) return;
    const siteId = site.siteId;
    setState(scope === 'all' ? { phase: 'reading', read: 0 } : { phase: 'writing' });
    try {
      const columns = scope === 'all' ? register.schema.columns.map((c) => c.name) : register.listColumns;
      const records =
        scope === 'all'
          ? await readAll(site.client, siteId, definitionOf(register), { filters: [], sort: null, timeZone: site.timeZone }, { onProgress: (read) => setState({ phase: 'reading', read }) })
          : rows;
      setState({ phase: 'writing' });
      const lookups = new Map<string, Map<string, string>>();
      for (const c of register.schema.columns) {
        if (!columns.includes(c.name) || (c.type !== 'lookup' && c.type !== 'lookupMulti') || !c.lookupList) continue;
        const options: LookupOption[] = await queryClient.fetchQuery(lookupOptionsQuery(site.client, siteId, c.lookupList));
        lookups.set(c.name, new Map(options.map((o) => [o.id, o.label])));
      }
      const table = registerExportTable(register, columns, records, t, people.data, lookups);
      const base = `${register.key}-${scope === 'all' ? 'all' : 'shown'}-${new Date().toISOString().slice(0, 10)}`;
      const file = await exportFile(format, table, base, registerName(t, register.schema));
      saveFile(file);
      setState({ phase: 'done', count: records.length, file: file.name });
    } catch (error) {
      setState({ phase: 'failed', error });
    }
  }

  const item = (scope: Scope, format: ExportFormat) => (
    <MenuItem key={`${scope}-${format}`} disabled={busy || (scope === 'shown' && rows.length === 0)} onClick={() => void run(scope, format)}>
      {t(`registers.export.${format === 'csv' ? 'csv' : 'excel'}`)}
    </MenuItem>
  );

  return (
    <div className={styles.root}>
      <Menu>
        <MenuTrigger disableButtonEnhancement>
          <Button disabled={busy || !site.siteId}>
            {t('registers.export.button')}
          </Button>
        </MenuTrigger>
        <MenuPopover>
          <MenuList>
            <MenuGroup>
              <MenuGroupHeader>{t('registers.export.shown', { count: rows.length })}</MenuGroupHeader>
              {item('shown', 'csv')}
              {item('shown', 'xlsx')}
            </MenuGroup>
            <MenuGroup>
              <MenuGroupHeader>{t('registers.export.all')}</MenuGroupHeader>
              {item('all', 'csv')}
              {item('all', 'xlsx')}
            </MenuGroup>
          </MenuList>
        </MenuPopover>
      </Menu>
      <div role="status" aria-live="polite">
        {state.phase === 'reading' && <Spinner size="extra-tiny" labelPosition="after" label={t('registers.export.reading', { count: state.read })} />}
        {state.phase === 'writing' && <Spinner size="extra-tiny" labelPosition="after" label={t('registers.export.writing')} />}
        {state.phase === 'done' && <Caption1 className={styles.note}>{t('registers.export.done', { count: state.count, file: state.file })}</Caption1>}
      </div>
      {state.phase === 'failed' && <ErrorMessage error={state.error} context={t('registers.export.failed')} />}
    </div>
  );
}
