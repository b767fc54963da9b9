import type { RuntimeConfig } from '../config.js';
import type { Host } from '../host/host.js';
import type { TeamsConnection } from '../host/teams.js';
import { isUnfilled } from './placeholders.js';

/**
 * Host simulation for emulator mode: every tab and web part opens in a plain browser, with query
 * parameters standing in for what Teams or SharePoint would provide:
 *
 * - `host=teams|sharepoint|browser`: which host to act as (`host=teams` is also what the manifest's
 *   tab URLs carry, as a hint, inside real Teams);
 * - `theme=default|dark|contrast`: the Teams theme (Teams' own names; `light` is accepted for `default`);
 * - `locale=zh-CN`: the UI locale, a BCP 47 tag as Teams' `{app.locale}` gives it;
 * - `sub=doc:SMS-POL-001`: the sub-page id (see subPageId.ts);
 * - `team=…`, `channel=…`: display names the tab would read from the Teams context.
 *
 * Unfilled manifest placeholders (`{app.theme}`) and empty values count as absent. Pure: no React.
 */
export type SimulatedHostKind = 'teams' | 'sharepoint' | 'browser';
export type SimulatedTheme = 'default' | 'dark' | 'contrast';

export interface HostSimulation {
  host: SimulatedHostKind | null;
  theme: SimulatedTheme | null;
  locale: string | null;
  sub: string | null;
  team: string | null;
  channel: string | null;
}

const HOSTS: readonly SimulatedHostKind[] = ['teams', 'sharepoint', 'browser'];
const THEMES: ReadonlyMap<string, SimulatedTheme> = new Map([
  ['default', 'default'],
  ['light', 'default'],
  ['dark', 'dark'],
  ['contrast', 'contrast'],
]);
/** A BCP 47 language tag such as `en`, `en-GB`, `zh-CN`, `zh-Hans-CN`. */
const LOCALE = /^[a-z]{2,3}(-[a-z0-9]{2,8}){0,3}$/i;
const MAX_NAME = 120;

function param(params: URLSearchParams, name: string): string | null {
  const value = params.get(name);
  return value == null || isUnfilled(value) ? null : value.trim();
}

/** Reads the simulation parameters of a query string (`location.search`, with or without `?`). */
export function parseHostSimulation(search: string): HostSimulation {
  const params = new URLSearchParams(search);
  const host = param(params, 'host')?.toLowerCase() ?? null;
  const theme = param(params, 'theme')?.toLowerCase() ?? null;
  const locale = param(params, 'locale');
  const name = (n: string) => {
    const v = param(params, n);
    return v && v.length <= MAX_NAME ? v : null;
  };
  return {
    host: HOSTS.find((h) => h === host) ?? null,
    theme: theme ? (THEMES.get(theme) ?? null) : null,
    locale: locale && LOCALE.test(locale) ? locale : null,
    sub: param(params, 'sub'),
    team: name('team'),
    channel: name('channel'),
  };
}

/** Connections made up by `simulateHost`, so tab code never mistakes one for a live teams-js. */
const simulatedConnections = new WeakSet<TeamsConnection>();

/** True when this Teams connection is the query-parameter simulation, not teams-js. */
export function isSimulatedTeams(connection: TeamsConnection): boolean {
  return simulatedConnections.has(connection);
}

/** A TeamsConnection that answers from the simulation parameters and never changes theme. */
export function simulatedTeamsConnection(sim: Pick<HostSimulation, 'theme' | 'locale'>): TeamsConnection {
  const connection: TeamsConnection = {
    theme: sim.theme ?? 'default',
    // Empty when not given: the app then keeps the browser's language (see hostLocale).
    locale: sim.locale ?? '',
    loginHint: null,
    hostName: 'Teams',
    onThemeChange: () => () => undefined,
  };
  simulatedConnections.add(connection);
  return connection;
}

/**
 * The host the app should use. In emulator mode only, `?host=teams` outside real Teams becomes a
 * simulated Teams host (theme and locale from the query), so the whole app looks and reads as it
 * would in Teams. A real Teams host, tenant mode, and every other case keep the detected host.
 */
export function simulateHost(detected: Host, config: Pick<RuntimeConfig, 'mode'>, search: string): Host {
  if (config.mode !== 'emulator' || detected.kind === 'teams') return detected;
  const sim = parseHostSimulation(search);
  if (sim.host !== 'teams') return detected;
  return { kind: 'teams', embedded: detected.embedded, teams: simulatedTeamsConnection(sim) };
}

/**
 * The UI locale the host asks for: Teams' locale, or in emulator mode the `locale` parameter of a
 * simulated host (Teams or SharePoint). Null leaves the browser's language.
 */
export function hostLocale(host: Host, config: Pick<RuntimeConfig, 'mode'>, search: string): string | null {
  if (host.kind === 'teams') return host.teams.locale || null;
  if (config.mode !== 'emulator') return null;
  return parseHostSimulation(search).locale;
}
