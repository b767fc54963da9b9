import { Caption1 } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { TabHostContext } from './teamsSdk.js';
import { useTabStyles } from './Tabs.styles.js';

/** One line saying where the tab is shown (and for a channel tab, which team and channel). */
export function TabHostLine({ context }: { context: TabHostContext }) {
  const { t } = useTranslation();
  const styles = useTabStyles();
  const where =
    context.source === 'teams'
      ? t('tabs.host.real', { host: context.hostName })
      : context.hostName === 'browser'
        ? t('tabs.host.browser')
        : t('tabs.host.simulated', { host: context.hostName });
  const team = context.team?.displayName;
  const channel = context.channel?.displayName;
  return (
    <Caption1 as="p" className={styles.hostLine}>
      {where}
      {team && channel && ` · ${t('tabs.host.channel', { team, channel })}`}
    </Caption1>
  );
}
