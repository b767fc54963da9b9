import type { TFunction } from 'i18next';
import type { RegisterRow } from '../services/registerQuery.js';
import { clauseList, reviewLabel, statusLabel, typeLabel } from '../i18n/registerLabels.js';
import { dateCell, exportFile, textCell, type ExportFormat, type ExportTable, type SavedFile } from '../../../ui/export/index.js';

export type { ExportFormat };

/** Names for the owner and the process, as the register shows them. */
export interface ExportNames {
  /** The owner's name, from the row's `Owner` and `OwnerUPN` columns. */
  ownerName(row: Pick<RegisterRow, 'ownerLookupId' | 'ownerUpn'>): string;
  processName(lookupId: string | null): string;
}

/** The register rows as an export table, in the UI language (stored values translated as on screen). */
export function registerTable(rows: readonly RegisterRow[], t: TFunction, names: ExportNames): ExportTable {
  return {
    columns: [
      { header: t('documents.register.col.docId'), width: 16, kind: 'text' },
      { header: t('documents.register.col.title'), width: 48, kind: 'text' },
      { header: t('documents.register.col.type'), width: 18, kind: 'text' },
      { header: t('documents.register.col.owner'), width: 22, kind: 'text' },
      { header: t('documents.register.col.process'), width: 30, kind: 'text' },
      { header: t('documents.register.col.status'), width: 14, kind: 'text' },
      { header: t('documents.register.col.publishedVersion'), width: 12, kind: 'text' },
      { header: t('documents.register.col.effectiveDate'), width: 14, kind: 'date' },
      { header: t('documents.register.col.nextReview'), width: 14, kind: 'date' },
      { header: t('documents.register.col.review'), width: 14, kind: 'text' },
      { header: t('documents.register.col.clauses'), width: 28, kind: 'text' },
    ],
    rows: rows.map((r) => [
      textCell(r.docId),
      textCell(r.title),
      textCell(typeLabel(t, r.docType)),
      textCell(names.ownerName(r)),
      textCell(names.processName(r.processLookupId)),
      textCell(statusLabel(t, r.status)),
      textCell(r.publishedVersion),
      dateCell(r.effectiveDate),
      dateCell(r.nextReviewDate),
      textCell(reviewLabel(t, r.review)),
      textCell(clauseList(r.primaryClause, r.clauseRefs).join('; ')),
    ]),
  };
}

/** The export file of the register: `<name>-<today>.csv` or `.xlsx`. */
export async function registerFile(format: ExportFormat, rows: readonly RegisterRow[], t: TFunction, names: ExportNames, today: string): Promise<SavedFile> {
  return exportFile(format, registerTable(rows, t, names), `${t('documents.register.export.fileName')}-${today}`, t('documents.register.export.sheet'));
}
