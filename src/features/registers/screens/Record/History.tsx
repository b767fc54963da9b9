import { Body1, Caption1 } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../../../app/errors/ErrorMessage.js';
import { Loading } from '../../../../app/shell/Loading.js';
import type { PeopleDirectory } from '../../../../platform/people.js';
import type { RegisterRecord } from '../../../../platform/registers/index.js';
import type { StampedActor } from '../../../../platform/stamps.js';
import { useDateTimeFormat } from '../../../../ui/dateFormat.js';
import { useFieldFormat, type ValueNames } from '../../components/FieldValue.js';
import { columnLabel } from '../../i18n/labels.js';
import { historyQuery } from '../../queries.js';
import { columnOf, type RegisterConfig } from '../../services/catalog.js';
import { useRecordStyles } from './Record.styles.js';

/** Columns SharePoint keeps in sync with another (the UPN twin of a person) are not listed as changes of their own. */
const isTwin = (config: RegisterConfig, column: string) => column.endsWith('UPN') && config.schema.columns.some((c) => `${c.name}UPN` === column && c.type === 'person');

/**
 * The record's history from its item versions: each version's writer as SharePoint stamped them
 * (from their token), when, and every column it changed from what to what; newest first.
 */
export function History({ client, siteId, config, record, people, timeZone, names }: { client: Parameters<typeof historyQuery>[0]; siteId: string; config: RegisterConfig; record: RegisterRecord; people: PeopleDirectory; timeZone: string; names: ValueNames }) {
  const { t } = useTranslation();
  const styles = useRecordStyles();
  const when = useDateTimeFormat();
  const format = useFieldFormat(names);
  const history = useQuery(historyQuery(client, siteId, config, record, people, timeZone));
  if (history.isError) return <ErrorMessage error={history.error} context={t('registers.history.error')} onRetry={() => void history.refetch()} />;
  if (history.isPending) return <Loading label={t('registers.history.loading')} />;
  if (history.data.length === 0) return <Body1 as="p">{t('registers.history.empty')}</Body1>;
  const who = (by: StampedActor) => (by.kind === 'person' ? by.person.displayName : by.kind === 'application' ? t('registers.history.app', { name: by.displayName }) : by.displayName || t('registers.history.unknown'));
  return (
    <ol className={styles.history} aria-label={t('registers.history.label')}>
      {history.data.map((entry) => {
        const changes = entry.changes.filter((c) => !isTwin(config, c.column));
        return (
          <li key={entry.version} className={styles.historyEntry}>
            <Body1 as="p" className={styles.value}>
              {entry.created ? t('registers.history.created', { who: who(entry.by), when: when(entry.at) }) : t('registers.history.changed', { who: who(entry.by), when: when(entry.at) })}
            </Body1>
            <Caption1 className={styles.version}>{t('registers.history.version', { version: entry.version })}</Caption1>
            {changes.length > 0 ? (
              <ul className={styles.changes}>
                {changes.map((c) => {
                  const column = columnOf(config, c.column);
                  return (
                    <li key={c.column}>
                      {entry.created ? (
                        <>
                          {columnLabel(t, column)}
                          {t('registers.history.setTo')}
                          {format(column, c.to)}
                        </>
                      ) : (
                        <>
                          {columnLabel(t, column)}
                          {t('registers.history.from')}
                          {format(column, c.from)}
                          {t('registers.history.to')}
                          {format(column, c.to)}
                        </>
                      )}
                    </li>
                  );
                })}
              </ul>
            ) : (
              <Caption1 className={styles.note}>{t('registers.history.noChanges')}</Caption1>
            )}
          </li>
        );
      })}
    </ol>
  );
}
