import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppProviders } from '../../App.js';
import { createI18n, ensureLanguage, pickLanguage } from '../../i18n/i18n.js';
import { ShellFrame } from '../../shell/ShellFrame.js';
import { parseHostSimulation } from '../simulation.js';
import { LegalPage } from './LegalPage.js';

/**
 * Starts `/privacy` or `/terms` on their own (see src/main.tsx): no configuration, no host
 * detection, no sign-in; the language comes from `?locale=` or the browser, and the page appears
 * once that language's catalog has arrived.
 */
export async function mountLegalPage(container: HTMLElement): Promise<void> {
  const locale = parseHostSimulation(window.location.search).locale;
  const language = pickLanguage(locale ?? navigator.languages?.[0] ?? navigator.language);
  const i18n = createI18n(language);
  await ensureLanguage(i18n, language);
  const kind = window.location.pathname === '/terms' ? 'terms' : 'privacy';
  createRoot(container).render(
    <StrictMode>
      <AppProviders host={null} i18n={i18n}>
        <ShellFrame>
          <LegalPage kind={kind} />
        </ShellFrame>
      </AppProviders>
    </StrictMode>,
  );
}
