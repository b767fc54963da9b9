import { describe, expect, it } from 'vitest';
import type { Host } from '../host/host.js';
import type { TeamsConnection } from '../host/teams.js';
import { hostLocale, isSimulatedTeams, parseHostSimulation, simulateHost } from './simulation.js';

const EMULATOR = { mode: 'emulator' } as const;
const TENANT = { mode: 'tenant' } as const;
const BROWSER: Host = { kind: 'browser', embedded: false };

describe('parseHostSimulation', () => {
  it('reads host, theme, locale, sub-page, team and channel', () => {
    expect(parseHostSimulation('?host=teams&theme=contrast&locale=zh-CN&sub=doc%3ASMS-POL-001&team=Kestrel%20SMS&channel=General')).toEqual({
      host: 'teams',
      theme: 'contrast',
      locale: 'zh-CN',
      sub: 'doc:SMS-POL-001',
      team: 'Kestrel SMS',
      channel: 'General',
    });
  });

  it('takes Teams theme names in any case, and light for default', () => {
    expect(parseHostSimulation('theme=DARK').theme).toBe('dark');
    expect(parseHostSimulation('theme=light').theme).toBe('default');
    expect(parseHostSimulation('theme=default').theme).toBe('default');
  });

  it('treats unfilled manifest placeholders and unknown values as absent', () => {
    expect(parseHostSimulation('?host=teams&sub={page.subPageId}&locale={app.locale}&theme={app.theme}')).toEqual({
      host: 'teams',
      theme: null,
      locale: null,
      sub: null,
      team: null,
      channel: null,
    });
    expect(parseHostSimulation('?host=outlook&theme=glass&locale=not a locale')).toMatchObject({ host: null, theme: null, locale: null });
    expect(parseHostSimulation('?theme=constructor&host=toString')).toMatchObject({ host: null, theme: null });
    expect(parseHostSimulation('')).toEqual({ host: null, theme: null, locale: null, sub: null, team: null, channel: null });
  });

  it('accepts the locales Teams sends', () => {
    for (const locale of ['en-us', 'en-GB', 'zh-cn', 'zh-Hans-CN', 'pt']) expect(parseHostSimulation(`locale=${locale}`).locale, locale).toBe(locale);
  });
});

describe('simulateHost', () => {
  it('turns ?host=teams into a simulated Teams host in emulator mode, with the theme and locale asked for', () => {
    const host = simulateHost(BROWSER, EMULATOR, '?host=teams&theme=contrast&locale=zh-CN');
    expect(host.kind).toBe('teams');
    if (host.kind !== 'teams') return;
    expect(host.teams.theme).toBe('contrast');
    expect(host.teams.locale).toBe('zh-CN');
    expect(isSimulatedTeams(host.teams)).toBe(true);
    expect(host.embedded).toBe(false);
  });

  it('defaults a simulated Teams host to the default theme', () => {
    const host = simulateHost(BROWSER, EMULATOR, '?host=teams');
    expect(host.kind === 'teams' && host.teams.theme).toBe('default');
  });

  it('never simulates against a real tenant, nor replaces real Teams, nor acts without ?host=teams', () => {
    expect(simulateHost(BROWSER, TENANT, '?host=teams')).toBe(BROWSER);
    const real: TeamsConnection = { theme: 'dark', locale: 'en-gb', loginHint: null, hostName: 'Teams', onThemeChange: () => () => undefined };
    const teams: Host = { kind: 'teams', embedded: true, teams: real };
    expect(simulateHost(teams, EMULATOR, '?host=teams&theme=contrast')).toBe(teams);
    expect(isSimulatedTeams(real)).toBe(false);
    const sharePoint: Host = { kind: 'sharepoint', embedded: false };
    expect(simulateHost(sharePoint, EMULATOR, '?host=sharepoint&theme=dark')).toBe(sharePoint);
    expect(simulateHost(BROWSER, EMULATOR, '?theme=dark')).toBe(BROWSER);
  });
});

describe('hostLocale', () => {
  it("is Teams' locale in Teams, the simulated locale in emulator mode, else none", () => {
    expect(hostLocale(simulateHost(BROWSER, EMULATOR, '?host=teams&locale=zh-CN'), EMULATOR, '?host=teams&locale=zh-CN')).toBe('zh-CN');
    expect(hostLocale(simulateHost(BROWSER, EMULATOR, '?host=teams'), EMULATOR, '?host=teams')).toBeNull();
    expect(hostLocale({ kind: 'sharepoint', embedded: false }, EMULATOR, '?host=sharepoint&locale=zh-CN')).toBe('zh-CN');
    expect(hostLocale({ kind: 'sharepoint', embedded: false }, TENANT, '?host=sharepoint&locale=zh-CN')).toBeNull();
  });
});
