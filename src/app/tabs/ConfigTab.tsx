import { useEffect, useMemo, useRef, useState } from 'react';
import { Body1, Button, Field, MessageBar, MessageBarBody, MessageBarTitle, Radio, RadioGroup, Select } from '@fluentui/react-components';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Loading } from '../shell/Loading.js';
import { RouterLink } from '../shell/RouterLink.js';
import { ScreenHeading } from '../shell/ScreenHeading.js';
import { CHANNEL_REGISTERS, channelTabConfig, contentPathFor, registerDisplayName, type ChannelTabConfig, type ChannelTabView } from './channelTab.js';
import { registerConfigSave, simulatedPagesConfig, type PagesConfigApi, type SimulatedPagesConfig } from './configSave.js';
import { TabHostLine } from './TabHostLine.js';
import type { TabHostContext, TeamsSdk } from './teamsSdk.js';
import { useTabStyles } from './Tabs.styles.js';
import { useTabContext } from './useTabContext.js';
import { useTeamsSdk } from './useTeamsSdk.js';

type ViewChoice = '' | ChannelTabView['view'];

/**
 * `/tab/config`: the configurable tab's configuration page. A team owner picks one register or the
 * SMS dashboard; once the choice is complete the page tells Teams it may save
 * (`pages.config.setValidityState(true)`), and Teams' Save runs the handler registered with
 * `pages.config.registerOnSaveHandler`, which saves the tab with `pages.config.setConfig`.
 * Outside Teams the same code runs against a simulated `pages.config`, and the page shows the Save
 * button Teams would.
 */
export function ConfigTab() {
  const { t } = useTranslation();
  const state = useTabContext('config');
  const teams = useTeamsSdk();
  if (state.status === 'loading' || teams.isPending) return <Loading label={t('tabs.loading')} />;
  return <ConfigForm context={state.context} sdk={teams.sdk} />;
}

/** The tab's suggested name, in the user's language. */
function tabName(choice: ChannelTabView, t: TFunction): string {
  return choice.view === 'dashboard' ? t('tabs.config.nameDashboard') : t('tabs.config.nameRegister', { register: registerDisplayName(choice.register) });
}

function ConfigForm({ context, sdk }: { context: TabHostContext; sdk: TeamsSdk | null }) {
  const { t } = useTranslation();
  const styles = useTabStyles();
  const api = useMemo<PagesConfigApi>(() => (sdk ? sdk.pages.config : simulatedPagesConfig()), [sdk]);
  const simulated = sdk ? null : (api as SimulatedPagesConfig);
  const [view, setView] = useState<ViewChoice>('');
  const [register, setRegister] = useState('');
  const [saved, setSaved] = useState<ChannelTabConfig | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);

  const choice: ChannelTabView | null = view === 'dashboard' ? { view } : view === 'register' && register ? { view, register } : null;
  const config = choice ? channelTabConfig(choice, { origin: window.location.origin, displayName: tabName(choice, t) }) : null;

  // The save handler reads the latest choice and texts when Teams calls it.
  const latest = useRef({ config, t });
  useEffect(() => {
    latest.current = { config, t };
  });
  useEffect(() => {
    registerConfigSave(
      api,
      () => latest.current.config,
      () => ({ noChoice: latest.current.t('tabs.config.noChoice'), failed: latest.current.t('tabs.config.failed') }),
    );
  }, [api]);
  const valid = config !== null;
  useEffect(() => {
    api.setValidityState(valid);
  }, [api, valid]);

  async function simulateSave() {
    if (!simulated) return;
    setSaveError(null);
    const outcome = await simulated.save();
    if (outcome.ok) setSaved(outcome.config);
    else setSaveError(outcome.reason);
  }

  const team = context.team?.displayName;
  const channel = context.channel?.displayName;
  return (
    <>
      <ScreenHeading>{t('tabs.config.heading')}</ScreenHeading>
      {team && channel && <Body1 as="p">{t('tabs.config.where', { team, channel })}</Body1>}
      <form className={styles.form} onSubmit={(e) => e.preventDefault()}>
        <Field label={t('tabs.config.viewLabel')}>
          <RadioGroup value={view} onChange={(_, data) => setView(data.value as ViewChoice)}>
            <Radio value="register" label={t('tabs.config.viewRegister')} />
            <Radio value="dashboard" label={t('tabs.config.viewDashboard')} />
          </RadioGroup>
        </Field>
        {view === 'register' && (
          <Field label={t('tabs.config.registerLabel')} required>
            <Select value={register} onChange={(_, data) => setRegister(data.value)}>
              <option value="">{t('tabs.config.registerPlaceholder')}</option>
              {CHANNEL_REGISTERS.map((key) => (
                <option key={key} value={key}>
                  {registerDisplayName(key)}
                </option>
              ))}
            </Select>
          </Field>
        )}
        {config && <Body1 as="p">{t('tabs.config.preview', { name: config.suggestedDisplayName })}</Body1>}
        {simulated ? (
          <div className={styles.actions}>
            <Button appearance="primary" disabledFocusable={!valid} onClick={() => void simulateSave()}>
              {t('tabs.config.save')}
            </Button>
            <Body1>{t('tabs.config.simulatedNote')}</Body1>
          </div>
        ) : (
          <Body1 as="p">{t('tabs.config.teamsSave')}</Body1>
        )}
      </form>
      {saveError && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{t('tabs.config.failed')}</MessageBarBody>
        </MessageBar>
      )}
      {saved && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('tabs.config.saved', { name: saved.suggestedDisplayName })}</MessageBarTitle>
            <RouterLink to={contentPathFor(saved.contentUrl, { locale: context.locale, theme: context.theme })}>{t('tabs.config.openTab')}</RouterLink>
          </MessageBarBody>
        </MessageBar>
      )}
      <TabHostLine context={context} />
    </>
  );
}
