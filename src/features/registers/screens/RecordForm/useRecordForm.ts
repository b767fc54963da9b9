import { useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { SmsColumn } from '../../../../../graph/schema/types.js';
import type { CellValue } from '../../../../platform/registers/index.js';
import { issueText, refusalText } from '../../i18n/labels.js';
import { columnOf, type RegisterConfig } from '../../services/catalog.js';
import { RecordValidationError, RegisterRefusalError } from '../../services/errors.js';
import { draftOf, type Draft, type DraftValue } from './recordDraft.js';

/** What a failed save says: one sentence, and the problem of each field (shown under it and listed). */
export interface FormProblems {
  readonly message: string;
  readonly byField: Readonly<Record<string, string>>;
  readonly list: readonly string[];
}

/** The problems a save failure carries, in words; null for failures that are not about the values (network, conflict). */
export function problemsOf(t: TFunction, config: RegisterConfig, error: unknown): FormProblems | null {
  if (error instanceof RecordValidationError) {
    const byField: Record<string, string> = {};
    const list: string[] = [];
    for (const issue of error.issues) {
      const text = issueText(t, config.schema, issue);
      byField[issue.column] = byField[issue.column] ? `${byField[issue.column]} ${text}` : text;
      list.push(text);
    }
    return { message: t('registers.form.fix', { count: error.issues.length }), byField, list };
  }
  if (error instanceof RegisterRefusalError) return { message: refusalText(t, error.refusal), byField: {}, list: [] };
  return null;
}

/**
 * A record form's state: the draft (what the user typed, kept through failures until they leave or
 * save), the columns it shows, and the problems of the last save.
 */
export function useRecordForm(config: RegisterConfig, values: Readonly<Record<string, CellValue>> | null, columnNames: readonly string[] = config.formColumns) {
  const { t } = useTranslation();
  const columns: SmsColumn[] = columnNames.map((name) => columnOf(config, name));
  const [draft, setDraft] = useState<Draft>(() => draftOf(columns, values));
  const [problems, setProblems] = useState<FormProblems | null>(null);
  return {
    columns,
    draft,
    setField: (column: string, value: DraftValue) => setDraft((d) => ({ ...d, [column]: value })),
    /** Starts again from these values (e.g. the record as it is now). */
    reset: (next: Readonly<Record<string, CellValue>> | null) => {
      setDraft(draftOf(columns, next));
      setProblems(null);
    },
    replaceDraft: setDraft,
    problems,
    /** Shows the problems a failed save carries; returns false when the failure is not about the values. */
    showFailure: (error: unknown): boolean => {
      const p = problemsOf(t, config, error);
      setProblems(p);
      return p !== null;
    },
    clearProblems: () => setProblems(null),
  };
}
