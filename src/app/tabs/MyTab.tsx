import { useId, type ReactNode } from 'react';
import { Body1 } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { FeatureConsent } from '../auth/FeatureConsent.js';
import type { Feature } from '../auth/scopes.js';
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
      <AreaSection heading={t('tabs.my.acknowledgements')} feature="acknowledgements">
        <MyAcknowledgements headingLevel={3} />
      </AreaSection>
      <AreaSection heading={t('tabs.my.actions')} feature="actions">
        <MyActions headingLevel={3} />
      </AreaSection>
      <RouterLink to={AREA_PATHS.home}>{t('tabs.my.home')}</RouterLink>
    </>
  );
}

/** One part of the tab under its heading, with its area's own consent for that area's scopes (acknowledging, syncing with Planner). */
function AreaSection({ heading, feature, children }: { heading: string; feature: Feature; children: ReactNode }) {
  const styles = useTabStyles();
  const id = useId();
  return (
    <section className={styles.section} aria-labelledby={id}>
      <h2 id={id} className={styles.sectionHeading}>
        {heading}
      </h2>
      <FeatureConsent feature={feature}>{children}</FeatureConsent>
    </section>
  );
}
