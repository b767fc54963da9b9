import type { ReactNode } from 'react';
import { Link, makeStyles } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { SmsColumn } from '../../../../graph/schema/types.js';
import type { PeopleDirectory } from '../../../platform/people.js';
import type { CellValue } from '../../../platform/registers/index.js';
import { useDateFormat, useDateTimeFormat } from '../../../ui/dateFormat.js';
import { statusLabel } from '../i18n/labels.js';

const useStyles = makeStyles({
  note: { whiteSpace: 'pre-wrap', overflowWrap: 'break-word' },
  text: { overflowWrap: 'break-word' },
});

/** Names for the values that hold ids: people (the directory) and lookups (their target list's items). */
export interface ValueNames {
  readonly people?: PeopleDirectory;
  /** Lookup column name → item id → `Ref – Title`. */
  readonly lookups?: Readonly<Record<string, ReadonlyMap<string, string>>>;
  /** The register's status column: its values show in the UI language. */
  readonly statusColumn?: string | null;
}

/** Only web addresses are links; anything else shows as text. */
const isWebUrl = (v: string) => /^https?:\/\//i.test(v);

/**
 * A function that shows one cell in the UI language: people by name (an unknown person by their
 * lookup id, said so), lookups by `Ref – Title`, dates in the language's format, yes/no in words,
 * statuses translated, web addresses as links, notes with their line breaks; empty as "—".
 */
export function useFieldFormat(names: ValueNames) {
  const { t, i18n } = useTranslation();
  const styles = useStyles();
  const date = useDateFormat();
  const dateTime = useDateTimeFormat();
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 });
  const person = (id: string) => names.people?.byLookupId(id)?.displayName ?? t('registers.value.unknownPerson', { id });
  const lookup = (column: string, id: string) => names.lookups?.[column]?.get(id) ?? `#${id}`;
  return (column: SmsColumn, value: CellValue | undefined): ReactNode => {
    if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return '—';
    switch (column.type) {
      case 'person':
        return person(String(value));
      case 'personMulti':
        return (value as readonly string[]).map(person).join(t('registers.value.separator'));
      case 'lookup':
        return lookup(column.name, String(value));
      case 'lookupMulti':
        return (value as readonly string[]).map((id) => lookup(column.name, id)).join(t('registers.value.separator'));
      case 'boolean':
        return value === true ? t('registers.value.yes') : t('registers.value.no');
      case 'dateOnly':
        return date(String(value));
      case 'dateTime':
        return dateTime(String(value));
      case 'number':
      case 'currency':
        return typeof value === 'number' ? number.format(value) : String(value);
      case 'choice':
        return column.name === names.statusColumn ? statusLabel(t, String(value)) : String(value);
      case 'multiChoice':
        return (value as readonly string[]).join(t('registers.value.separator'));
      case 'hyperlink':
        return isWebUrl(String(value)) ? (
          <Link href={String(value)} target="_blank" rel="noopener noreferrer" inline>
            {String(value)}
          </Link>
        ) : (
          String(value)
        );
      case 'note':
        return <span className={styles.note}>{String(value)}</span>;
      default:
        return <span className={styles.text}>{String(value)}</span>;
    }
  };
}
