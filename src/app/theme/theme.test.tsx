import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, renderHook } from '@testing-library/react';
import { teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import type { TeamsConnection } from '../host/teams.js';
import { themeForTeams, useHostTheme } from './theme.js';

afterEach(() => {
  cleanup();
  delete (window as { matchMedia?: unknown }).matchMedia;
});

/** A stand-in for teams-js: the theme at connection time, and a way to change it like Teams does. */
function fakeTeams(initial: string) {
  const listeners = new Set<(t: string) => void>();
  const teams: TeamsConnection = {
    theme: initial,
    locale: 'en-gb',
    loginHint: null,
    hostName: 'Teams',
    onThemeChange(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
  return { teams, change: (t: string) => listeners.forEach((l) => l(t)) };
}

/** A controllable `prefers-color-scheme: dark` media query (jsdom has no matchMedia). */
function fakeColorScheme(dark: boolean) {
  const listeners = new Set<() => void>();
  const media = {
    get matches() {
      return dark;
    },
    addEventListener: (_: string, l: () => void) => listeners.add(l),
    removeEventListener: (_: string, l: () => void) => listeners.delete(l),
  };
  window.matchMedia = (() => media) as unknown as typeof window.matchMedia;
  return (next: boolean) => {
    dark = next;
    listeners.forEach((l) => l());
  };
}

describe('themeForTeams', () => {
  it('maps the Teams themes to Fluent Teams themes, unknown ones to light', () => {
    expect(themeForTeams('default')).toBe(teamsLightTheme);
    expect(themeForTeams('dark')).toBe(teamsDarkTheme);
    expect(themeForTeams('contrast')).toBe(teamsHighContrastTheme);
    expect(themeForTeams('glass')).toBe(teamsLightTheme);
  });
});

describe('useHostTheme', () => {
  it('follows live theme changes in Teams', () => {
    const { teams, change } = fakeTeams('default');
    const { result } = renderHook(() => useHostTheme({ kind: 'teams', teams }));
    expect(result.current).toBe(teamsLightTheme);
    act(() => change('dark'));
    expect(result.current).toBe(teamsDarkTheme);
    act(() => change('contrast'));
    expect(result.current).toBe(teamsHighContrastTheme);
  });

  it('follows prefers-color-scheme live in a browser', () => {
    const setDark = fakeColorScheme(false);
    const { result } = renderHook(() => useHostTheme({ kind: 'browser' }));
    expect(result.current).toBe(webLightTheme);
    act(() => setDark(true));
    expect(result.current).toBe(webDarkTheme);
  });
});

describe('a theme asked for in the address, in a plain browser', () => {
  // The address is read once per page load: each test loads the module afresh.
  beforeEach(() => vi.resetModules());
  afterEach(() => window.history.replaceState(null, '', '/'));

  it('?theme=dark gives the dark theme even when the browser prefers light, and keeps it after navigating', async () => {
    fakeColorScheme(false);
    window.history.replaceState(null, '', '/?theme=dark');
    const fresh = await import('./theme.js');
    const { result, rerender } = renderHook(() => fresh.useHostTheme({ kind: 'browser' }));
    expect(result.current).toEqual(webDarkTheme);
    window.history.replaceState(null, '', '/documents');
    rerender();
    expect(result.current).toEqual(webDarkTheme);
  });

  it('?theme=contrast gives the high-contrast theme; an unknown value falls back to the colour scheme', async () => {
    fakeColorScheme(true);
    window.history.replaceState(null, '', '/?theme=contrast');
    const first = await import('./theme.js');
    expect(renderHook(() => first.useHostTheme({ kind: 'browser' })).result.current).toEqual(teamsHighContrastTheme);
    vi.resetModules();
    window.history.replaceState(null, '', '/?theme=sepia');
    const second = await import('./theme.js');
    expect(renderHook(() => second.useHostTheme({ kind: 'browser' })).result.current).toEqual(webDarkTheme);
  });

  it('Teams keeps its own theme whatever the address says', async () => {
    fakeColorScheme(false);
    window.history.replaceState(null, '', '/?theme=dark');
    const fresh = await import('./theme.js');
    const { teams } = fakeTeams('contrast');
    expect(renderHook(() => fresh.useHostTheme({ kind: 'teams', teams })).result.current).toEqual(teamsHighContrastTheme);
  });
});
