import { useEffect, useState, type ReactNode } from 'react';
import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { App, AppProviders } from './App.js';
import { loadRuntimeConfig, type RuntimeConfig } from './config.js';
import { browserProbe, detectHost, type Host } from './host/host.js';
import { connectTeams } from './host/teams.js';
import { createI18n, ensureLanguage, languageReady, pickLanguage } from './i18n/i18n.js';
import { Loading } from './shell/Loading.js';
import { ShellFrame } from './shell/ShellFrame.js';
import { hostLocale, simulateHost } from './tabs/simulation.js';

type BootState = { status: 'booting' } | { status: 'failed'; error: unknown } | { status: 'ready'; config: RuntimeConfig; host: Host };

/**
 * Starts the app: in parallel, loads the runtime configuration and detects the host (Teams is given
 * at most 3 s to answer). The UI language comes from Teams' locale, else the browser's. In emulator
 * mode `?host=teams&theme=…&locale=…` simulates Teams (src/app/tabs/simulation.ts). `content` is
 * what a signed-in user sees instead of the app shell (the SharePoint web parts pass theirs).
 * Nothing is rendered until the browser language's catalog has arrived (only English is bundled),
 * so a Chinese user never sees English first; Teams' locale is loaded before the app appears.
 */
export function Boot({ content }: { content?: ReactNode } = {}) {
  const [i18n] = useState(() => createI18n(pickLanguage(navigator.languages?.[0] ?? navigator.language)));
  const [languageShown, setLanguageShown] = useState(() => languageReady(i18n));
  const [state, setState] = useState<BootState>({ status: 'booting' });

  useEffect(() => {
    if (languageShown) return;
    let live = true;
    void ensureLanguage(i18n, pickLanguage(i18n.language)).then(() => {
      if (live) setLanguageShown(true);
    });
    return () => {
      live = false;
    };
  }, [i18n, languageShown]);

  useEffect(() => {
    const controller = new AbortController();
    Promise.all([loadRuntimeConfig(controller.signal), detectHost(browserProbe(connectTeams))]).then(
      async ([config, detected]) => {
        const host = simulateHost(detected, config, window.location.search);
        const locale = hostLocale(host, config, window.location.search);
        if (locale) await ensureLanguage(i18n, pickLanguage(locale));
        if (!controller.signal.aborted) setState({ status: 'ready', config, host });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'failed', error });
      },
    );
    return () => controller.abort();
  }, [i18n]);

  if (!languageShown) return null;
  if (state.status === 'ready') return <App config={state.config} host={state.host} i18n={i18n} content={content} />;
  return (
    <AppProviders host={null} i18n={i18n}>
      <ShellFrame>{state.status === 'booting' ? <BootLoading /> : <BootFailed error={state.error} />}</ShellFrame>
    </AppProviders>
  );
}

function BootLoading() {
  const { t } = useTranslation();
  return <Loading label={t('boot.loading')} />;
}

function BootFailed({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{t('boot.configError')}</MessageBarTitle>
        {t('common.errorDetails', { message: error instanceof Error ? error.message : String(error) })}
      </MessageBarBody>
    </MessageBar>
  );
}
