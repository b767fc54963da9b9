import type { TFunction } from 'i18next';
import type { RequestView } from '../../../../domain/acknowledgements/index.js';
import { siteDateOf } from '../../../../platform/clock.js';
import { dateCell, exportFile, textCell, type ExportFormat, type ExportTable, type SavedFile } from '../../../../ui/export/index.js';
import { requestStatusLabel } from '../../i18n/reportLabels.js';
import { departmentOf } from './reportFilter.js';

/** The drill-down rows as an export table, in the UI language (the same columns as on screen). */
export function reportTable(rows: readonly RequestView[], t: TFunction, timeZone: string): ExportTable {
  const none = t('ackReport.noDepartment');
  return {
    columns: [
      { header: t('ackReport.col.name'), width: 26, kind: 'text' },
      { header: t('ackReport.col.upn'), width: 34, kind: 'text' },
      { header: t('ackReport.col.department'), width: 22, kind: 'text' },
      { header: t('ackReport.col.status'), width: 14, kind: 'text' },
      { header: t('ackReport.col.dueDate'), width: 12, kind: 'date' },
      { header: t('ackReport.col.acknowledgedOn'), width: 14, kind: 'date' },
      { header: t('ackReport.col.late'), width: 8, kind: 'text' },
      { header: t('ackReport.col.reason'), width: 40, kind: 'text' },
    ],
    rows: rows.map((v) => [
      textCell(v.request.userName),
      textCell(v.request.userUpn),
      textCell(departmentOf(v, none)),
      textCell(requestStatusLabel(t, v.status)),
      dateCell(v.request.dueDate),
      dateCell(v.acknowledgedAt ? siteDateOf(v.acknowledgedAt, timeZone) : null),
      textCell(v.late ? t('ackReport.yes') : ''),
      textCell(v.request.reason),
    ]),
  };
}

/** The export file of a report's table: `<doc>-<version>-<filter>-<today>.csv` or `.xlsx`. */
export function reportFile(format: ExportFormat, rows: readonly RequestView[], t: TFunction, what: { docId: string; versionLabel: string; filter: string; today: string; timeZone: string }): Promise<SavedFile> {
  const base = `${what.docId}-${what.versionLabel}-${what.filter}-${what.today}`.replace(/[^\w.-]+/g, '_');
  return exportFile(format, reportTable(rows, t, what.timeZone), base, t('ackReport.export.sheet'));
}
