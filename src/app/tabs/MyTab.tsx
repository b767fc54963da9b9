import { useId } from 'react';
import { Body1 } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { FeatureConsent } from '../auth/FeatureConsent.js';
import { MyAcknowledgements } from '../screens/lazyScreens.js';
import { AREA_PATHS } from '../shell/areas.js';
import { RouterLink } from '../shell/RouterLink.js';
import { ScreenHeading } from '../shell/ScreenHeading.js';
import { NotBuiltYet } from './NotBuiltYet.js';
import { StaticTabPage } from './TabPage.js';
import { useTabStyles } from './Tabs.styles.js';

/**
 * `/tab/my`: the personal static tab "My SMS" (manifest entityId `my`): first the user's
 * acknowledgements ("My acknowledgements": what to read and acknowledge, and what they acknowledged),
 * then their actions (not built yet, which it says); Home has the counts.
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
      <MyAcknowledgementsSection />
      <MySection heading={t('tabs.my.actions')} area="actions" />
      <RouterLink to={AREA_PATHS.home}>{t('tabs.my.home')}</RouterLink>
    </>
  );
}

/** "My acknowledgements", the tab's first part: its own consent for the area's scopes (it records acknowledgements). */
function MyAcknowledgementsSection() {
  const { t } = useTranslation();
  const styles = useTabStyles();
  const id = useId();
  return (
    <section className={styles.section} aria-labelledby={id}>
      <h2 id={id} className={styles.sectionHeading}>
        {t('tabs.my.acknowledgements')}
      </h2>
      <FeatureConsent feature="acknowledgements">
        <MyAcknowledgements headingLevel={3} />
      </FeatureConsent>
    </section>
  );
}

function MySection({ heading, area }: { heading: string; area: 'actions' }) {
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
