import { Body1, Caption1 } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { RouterLink } from '../../../../app/shell/RouterLink.js';
import { ScreenHeading } from '../../../../app/shell/ScreenHeading.js';
import { registerDescription, registerName } from '../../i18n/labels.js';
import { INDEX_REGISTERS } from '../../services/catalog.js';
import { competencePath, registerListPath } from '../../services/paths.js';
import { useRegistersIndexStyles } from './RegistersIndex.styles.js';

/** `/registers`: every register of the SMS with its clauses and what it holds, each a link to its list; the competence view last. */
export function RegistersIndex() {
  const { t } = useTranslation();
  const styles = useRegistersIndexStyles();
  const entries = [
    ...INDEX_REGISTERS.map((r) => ({ key: r.key, name: registerName(t, r.schema), clauses: r.clauses, description: registerDescription(t, r.schema), to: registerListPath(r.key) })),
    { key: 'competence', name: t('registers.index.competence'), clauses: ['7.2', '7.3'], description: t('registers.index.competenceDescription'), to: competencePath() },
  ];
  return (
    <>
      <ScreenHeading>{t('registers.index.heading')}</ScreenHeading>
      <Body1 as="p">{t('registers.index.intro')}</Body1>
      <ul className={styles.list}>
        {entries.map((e) => (
          <li key={e.key} className={styles.card}>
            <h2 className={styles.name}>
              <RouterLink to={e.to}>{e.name}</RouterLink>
            </h2>
            <Caption1 className={styles.clauses}>{t('registers.index.clauses', { clauses: e.clauses.join(t('registers.value.separator')) })}</Caption1>
            <Body1 as="p" className={styles.description}>
              {e.description}
            </Body1>
          </li>
        ))}
      </ul>
    </>
  );
}
