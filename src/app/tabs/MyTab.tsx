import { useId } from 'react';
import { Body1 } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { FeatureConsent } from '../auth/FeatureConsent.js';
import { MyActions, MyAcknowledgements } from '../screens/lazyScreens.js';
import { AREA_PATHS } from '../shell/areas.js';
import { RouterLink } from '../shell/RouterLink.js';
import { ScreenHeading } from '../shell/ScreenHeading.js';
import { StaticTabPage } from './TabPage.js';
import { useTabStyles } from './Tabs.styles.js';

/**
 * `/tab/my`: the personal static tab "My SMS" (manifest entityId `my`): first the user's
 * acknowledgements ("My acknowledgements": what to read and acknowledge, and what they acknowledged),
 * then their open actions ("My actions", synced with Planner when shown); Home has the counts.
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
      <MyActionsSection />
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

/** "My actions", the tab's second part: its own consent for the area's scopes (it syncs with Planner). */
function MyActionsSection() {
  const { t } = useTranslation();
  const styles = useTabStyles();
  const id = useId();
  return (
    <section className={styles.section} aria-labelledby={id}>
      <h2 id={id} className={styles.sectionHeading}>
        {t('tabs.my.actions')}
      </h2>
      <FeatureConsent feature="actions">
        <MyActions headingLevel={3} />
      </FeatureConsent>
    </section>
  );
}
