import { Body1, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { FeatureConsent } from '../auth/FeatureConsent.js';
import { HomeScreen, RegisterView as Register } from '../screens/lazyScreens.js';
import { Loading } from '../shell/Loading.js';
import { ScreenHeading } from '../shell/ScreenHeading.js';
import { parseChannelView, registerDisplayName } from './channelTab.js';
import { TabHostLine } from './TabHostLine.js';
import { useTabContext } from './useTabContext.js';

/**
 * `/tab/channel`: the configurable tab's content, as the configuration page saved it
 * (`view=register&list=<register>` or `view=dashboard`). In a team's channel, and in SharePoint as a
 * full page or a web part (manifest `supportedSharePointHosts`). The dashboard is the SMS home
 * (the user's work, upcoming reviews and audits); a register is the Registers area's register view.
 */
export function ChannelTab() {
  const { t } = useTranslation();
  const location = useLocation();
  const state = useTabContext('channel');
  if (state.status === 'loading') return <Loading label={t('tabs.loading')} />;
  const parsed = parseChannelView(location.search);
  return (
    <>
      {parsed.status === 'ok' && parsed.choice.view === 'dashboard' && <HomeScreen />}
      {parsed.status === 'ok' && parsed.choice.view === 'register' && <RegisterView register={parsed.choice.register} />}
      {parsed.status !== 'ok' && <NotSetUp problem={parsed.status === 'invalid' ? parsed.problem : 'missing'} />}
      <TabHostLine context={state.context} />
    </>
  );
}

function RegisterView({ register }: { register: string }) {
  const { t } = useTranslation();
  const name = registerDisplayName(register);
  return (
    <>
      <ScreenHeading>{name}</ScreenHeading>
      <Body1 as="p">{t('tabs.channel.registerNote', { register: name })}</Body1>
      <FeatureConsent feature="registers">
        <Register register={register} />
      </FeatureConsent>
    </>
  );
}

function NotSetUp({ problem }: { problem: 'missing' | 'view' | 'register' }) {
  const { t } = useTranslation();
  return (
    <>
      <ScreenHeading>{t('tabs.channel.notSetUpTitle')}</ScreenHeading>
      <MessageBar intent="warning" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{problem === 'register' ? t('tabs.channel.unknownRegister') : t('tabs.channel.noView')}</MessageBarTitle>
          {t('tabs.channel.notSetUpBody')}
        </MessageBarBody>
      </MessageBar>
    </>
  );
}
