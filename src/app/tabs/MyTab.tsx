import { useId } from 'react';
import { Body1 } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { AREA_PATHS } from '../shell/areas.js';
import { RouterLink } from '../shell/RouterLink.js';
import { ScreenHeading } from '../shell/ScreenHeading.js';
import { NotBuiltYet } from './NotBuiltYet.js';
import { StaticTabPage } from './TabPage.js';
import { useTabStyles } from './Tabs.styles.js';

/**
 * `/tab/my`: the personal static tab "My SMS" (manifest entityId `my`): the user's acknowledgements
 * and actions. Both areas are not built yet, so each says so; Home has the real counts.
 */
export function MyTab() {
  return <StaticTabPage pageId="my">{() => <MySms />}</StaticTabPage>;
}

function MySms() {
  const { t } = useTranslation();
  return (
    <>
      <ScreenHeading>{t('tabs.my.heading')}</ScreenHeading>
      <Body1 as="p">{t('tabs.my.intro')}</Body1>
      <MySection heading={t('tabs.my.acknowledgements')} area="acknowledgements" />
      <MySection heading={t('tabs.my.actions')} area="actions" />
      <RouterLink to={AREA_PATHS.home}>{t('tabs.my.home')}</RouterLink>
    </>
  );
}

function MySection({ heading, area }: { heading: string; area: 'acknowledgements' | 'actions' }) {
  const styles = useTabStyles();
  const id = useId();
  return (
    <section className={styles.section} aria-labelledby={id}>
      <h2 id={id} className={styles.sectionHeading}>
        {heading}
      </h2>
      <NotBuiltYet area={area} />
    </section>
  );
}
