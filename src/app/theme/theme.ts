import { useSyncExternalStore } from 'react';
import { teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme, webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';
import type { Host } from '../host/host.js';
import type { TeamsConnection } from '../host/teams.js';
import { parseHostSimulation, type SimulatedTheme } from '../tabs/simulation.js';

/** Fluent's Teams theme for a Teams theme name: `dark`, `contrast`, anything else light. */
export function themeForTeams(teamsTheme: string): Theme {
  switch (teamsTheme.toLowerCase()) {
    case 'dark':
      return teamsDarkTheme;
    case 'contrast':
      return teamsHighContrastTheme;
    default:
      return teamsLightTheme;
  }
}

/** Fluent's web theme for the browser's colour scheme. */
export function themeForScheme(dark: boolean): Theme {
  return dark ? webDarkTheme : webLightTheme;
}

/**
 * The theme a page asks for in its address (`?theme=default|dark|contrast`, Teams' names): the
 * light and dark web themes and Fluent's high-contrast theme. Null: none asked for. The app in a
 * plain browser and the web parts (whose SharePoint section passes its theme) both honour it.
 */
export function themeForParameter(theme: SimulatedTheme | null): Theme | null {
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

const DARK_QUERY = '(prefers-color-scheme: dark)';

function subscribeScheme(onChange: () => void): () => void {
  if (typeof window === 'undefined' || !window.matchMedia) return () => undefined;
  const media = window.matchMedia(DARK_QUERY);
  media.addEventListener('change', onChange);
  return () => media.removeEventListener('change', onChange);
}

const prefersDark = () => typeof window !== 'undefined' && !!window.matchMedia?.(DARK_QUERY).matches;

/** Follows `prefers-color-scheme` live. */
function usePrefersDark(): boolean {
  return useSyncExternalStore(subscribeScheme, prefersDark, () => false);
}

/** A tiny store over the Teams theme: the value at connection time, then every change Teams reports. */
const teamsThemes = new WeakMap<TeamsConnection, { current: string }>();
function teamsThemeStore(teams: TeamsConnection) {
  let holder = teamsThemes.get(teams);
  if (!holder) {
    holder = { current: teams.theme };
    teamsThemes.set(teams, holder);
    const h = holder;
    teams.onThemeChange((theme) => {
      h.current = theme;
    });
  }
  return holder;
}

function useTeamsTheme(teams: TeamsConnection | null): string | null {
  return useSyncExternalStore(
    (onChange) => (teams ? teams.onThemeChange(() => onChange()) : () => undefined),
    () => (teams ? teamsThemeStore(teams).current : null),
    () => null,
  );
}

/**
 * The Fluent theme for the host: in Teams the Teams theme (default, dark, high contrast) following
 * `app.registerOnThemeChangeHandler`; elsewhere the `?theme=` of the address if there is one, else
 * light or dark following `prefers-color-scheme`.
 */
export function useHostTheme(host: Pick<Host, 'kind'> & { teams?: TeamsConnection }): Theme {
  const teams = host.kind === 'teams' && host.teams ? host.teams : null;
  const teamsTheme = useTeamsTheme(teams);
  const dark = usePrefersDark();
  if (teamsTheme !== null) return themeForTeams(teamsTheme);
  return themeAskedAtLoad() ?? themeForScheme(dark);
}

/**
 * The `?theme=` of the address the page was opened with, read once: moving between screens drops
 * the query string, and the theme must not change with it.
 */
let askedAtLoad: { theme: Theme | null } | null = null;
function themeAskedAtLoad(): Theme | null {
  if (typeof location === 'undefined') return null;
  askedAtLoad ??= { theme: themeForParameter(parseHostSimulation(location.search).theme) };
  return askedAtLoad.theme;
}
