import { teamsHighContrastTheme, webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';
import type { SimulatedTheme } from '../src/app/tabs/simulation.js';

/**
 * The Fluent theme a web part uses for its `theme` parameter (the SharePoint section it sits in):
 * SharePoint's light and dark web themes, and Fluent's high-contrast theme. Null: keep the app's.
 */
export function webPartTheme(theme: SimulatedTheme | null): Theme | null {
  switch (theme) {
    case 'default':
      return webLightTheme;
    case 'dark':
      return webDarkTheme;
    case 'contrast':
      return teamsHighContrastTheme;
    default:
      return null;
  }
}
