import { Button, Caption1 } from '@fluentui/react-components';
import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useRoles } from '../roles/useRoles.js';
import { AREA_LABEL_KEYS, AREA_PATHS } from './areas.js';
import { useShellStyles } from './Shell.styles.js';

/**
 * The main navigation: only the areas the user's roles may use (§6.2). While the roles load, or if
 * they cannot be read, it shows what every employee may use and says why.
 */
export function Navigation() {
  const { t } = useTranslation();
  const styles = useShellStyles();
  const { areas, isLoading, error, refetch } = useRoles();
  return (
    <nav aria-label={t('nav.label')} className={styles.nav}>
      <ul className={styles.navList}>
        {areas.map((area) => (
          <li key={area}>
            <NavLink to={AREA_PATHS[area]} end={area === 'home'} className={styles.navLink}>
              {t(AREA_LABEL_KEYS[area])}
            </NavLink>
          </li>
        ))}
      </ul>
      {isLoading && (
        <Caption1 role="status" className={styles.navNote}>
          {t('nav.rolesLoading')}
        </Caption1>
      )}
      {error != null && (
        <div className={styles.navNote}>
          <Caption1 block>{t('nav.rolesError')}</Caption1>
          <Button size="small" onClick={refetch}>
            {t('common.retry')}
          </Button>
        </div>
      )}
    </nav>
  );
}
