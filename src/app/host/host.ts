import type { TeamsConnection } from './teams.js';

/**
 * Where the app runs: inside Teams (teams-js answered), inside SharePoint (`?host=sharepoint`, a
 * SharePoint page context, or a tab that teams-js says SharePoint shows), or a plain browser.
 * `embedded` says whether the app is in an iframe, which decides how an interactive sign-in may
 * happen (see chooseAuthStrategy). A tab shown in SharePoint keeps its teams-js connection in
 * `teams`, but it is SharePoint: no Teams theme, no nested app authentication.
 */
export type Host =
  | { kind: 'teams'; embedded: boolean; teams: TeamsConnection }
  | { kind: 'sharepoint'; embedded: boolean; teams?: TeamsConnection }
  | { kind: 'browser'; embedded: boolean };

export type HostKind = Host['kind'];

/** What detectHost looks at; `browserProbe()` reads it from the real window. */
export interface HostProbe {
  /** `location.search`, e.g. `?host=sharepoint`. */
  search: string;
  /** In an iframe (`window.self !== window.top`). */
  embedded: boolean;
  /** Opened by another window (Teams desktop pop-outs use an opener instead of a parent). */
  hasOpener: boolean;
  /** Teams mobile injects `window.nativeInterface` instead of hosting the app in a frame. */
  hasNativeInterface: boolean;
  /** A classic SharePoint page context (`window._spPageContextInfo`). */
  hasSharePointContext: boolean;
  /** `document.referrer`; a SharePoint Embed web part frames the app from `*.sharepoint.com`. */
  referrer: string;
  /** Connects teams-js, trusting `validOrigins` (a SharePoint page framing the tab) besides its own list. */
  connectTeams(validOrigins: readonly string[]): Promise<TeamsConnection>;
}

/** How long to wait for Teams before deciding the app is not in Teams. */
export const TEAMS_WAIT_MS = 3000;

const TIMED_OUT = Symbol('timed out');

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Teams operated by 21Vianet, whose web client is `https://teams.microsoftonline.cn` (Learn's Teams
 * sovereign cloud table: https://learn.microsoft.com/previous-versions/microsoftteams/platform/concepts/sovereign-cloud).
 * teams-js 2.x's bundled list of trusted hosts names the global and US Government Teams only.
 */
const TEAMS_CHINA_ORIGIN = 'https://teams.microsoftonline.cn';

/** The origin of a SharePoint Online page (`*.sharepoint.com`, `.us`, or `.cn` for 21Vianet) that framed the app, else null. */
function sharePointOrigin(referrer: string): string | null {
  try {
    const url = new URL(referrer);
    const host = url.hostname.toLowerCase();
    const isSharePoint = url.protocol === 'https:' && (host.endsWith('.sharepoint.com') || host.endsWith('.sharepoint.us') || host.endsWith('.sharepoint.cn'));
    return isSharePoint ? url.origin : null;
  } catch {
    return null;
  }
}

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/**
 * Decides the host. teams-js is only tried when Teams could be there at all (a parent frame, an
 * opener or Teams mobile's native interface) and never for `?host=sharepoint`; its answer is raced
 * against `timeoutMs`, so outside Teams the app never hangs (teams-js waits 60 s in a foreign
 * iframe). A Teams failure or timeout falls through to SharePoint or the plain browser. When
 * teams-js answers for a tab that SharePoint shows (supportedSharePointHosts), the host is
 * SharePoint, not Teams.
 */
export async function detectHost(probe: HostProbe, timeoutMs = TEAMS_WAIT_MS): Promise<Host> {
  const { embedded } = probe;
  const asked = new URLSearchParams(probe.search).get('host')?.toLowerCase();
  if (asked === 'sharepoint') return { kind: 'sharepoint', embedded };
  const framingSharePoint = embedded ? sharePointOrigin(probe.referrer) : null;
  const framingTeamsChina = embedded && originOf(probe.referrer) === TEAMS_CHINA_ORIGIN;

  const teamsPossible = embedded || probe.hasOpener || probe.hasNativeInterface;
  if (teamsPossible && asked !== 'browser') {
    const teams = await withTimeout(
      probe.connectTeams(framingSharePoint ? [framingSharePoint] : framingTeamsChina ? [TEAMS_CHINA_ORIGIN] : []).catch(() => null),
      timeoutMs,
    );
    if (teams && teams !== TIMED_OUT) return teams.inSharePoint ? { kind: 'sharepoint', embedded, teams } : { kind: 'teams', embedded, teams };
  }

  if (probe.hasSharePointContext || framingSharePoint) return { kind: 'sharepoint', embedded };
  return { kind: 'browser', embedded };
}

/** The probe for the real window. */
export function browserProbe(connect: (validOrigins: readonly string[]) => Promise<TeamsConnection>): HostProbe {
  let embedded: boolean;
  try {
    embedded = window.self !== window.top;
  } catch {
    // A cross-origin parent makes `window.top` throw in some browsers: certainly framed.
    embedded = true;
  }
  const w = window as Window & { nativeInterface?: unknown; _spPageContextInfo?: unknown };
  return {
    search: window.location.search,
    embedded,
    hasOpener: !!window.opener,
    hasNativeInterface: w.nativeInterface !== undefined,
    hasSharePointContext: w._spPageContextInfo !== undefined,
    referrer: document.referrer,
    connectTeams: connect,
  };
}
