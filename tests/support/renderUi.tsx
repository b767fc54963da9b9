import type { ReactElement, ReactNode } from 'react';
import { render, type RenderResult } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { I18nextProvider } from 'react-i18next';
import { createI18n, type Language } from '../../src/app/i18n/i18n.js';
import { installLayoutShims } from './jsdom.js';

/**
 * Renders one shared component (src/ui) as the app would host it: Fluent's light theme and a
 * fresh i18n instance with the app's catalogs, plus the jsdom layout shims dialogs need. The
 * providers wrap `rerender` too.
 */
export function renderUi(ui: ReactElement, language: Language = 'en'): RenderResult {
  installLayoutShims();
  const i18n = createI18n(language);
  const wrapper = ({ children }: { children: ReactNode }) => (
    <FluentProvider theme={webLightTheme}>
      <I18nextProvider i18n={i18n}>{children}</I18nextProvider>
    </FluentProvider>
  );
  return render(ui, { wrapper });
}
