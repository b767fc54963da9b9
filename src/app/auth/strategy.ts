import type { RuntimeConfig } from '../config.js';
import type { Host } from '../host/host.js';

/**
 * How the app signs the user in:
 * - `emulator`: the emulator's dev sign-in page (pick a demo user), whatever the host;
 * - `naa`: MSAL nested app authentication, the host (Teams, Outlook, Microsoft 365) acting as the
 *   broker; only where teams-js `nestedAppAuth.isNAAChannelRecommended()` says the host supports it;
 * - `redirect`: MSAL redirect flow, for a top-level browser window;
 * - `popup`: MSAL popup flow, for any other iframe (a SharePoint page showing the tab or an Embed
 *   web part, a Teams client without nested app authentication), because msal-browser refuses
 *   redirects inside an iframe (`allowRedirectInIframe` defaults to false) and the Entra sign-in
 *   page cannot be framed.
 * Learn: https://learn.microsoft.com/microsoftteams/platform/concepts/authentication/nested-authentication
 * ("check the support status using isNAAChannelRecommended() and provide a fallback").
 */
export type AuthStrategy = 'emulator' | 'naa' | 'redirect' | 'popup';

/** What the choice looks at: the host kind, whether it is framed, and (in Teams) whether NAA is recommended. */
export type StrategyHost =
  | { kind: 'teams'; embedded: boolean; teams: { naaRecommended?: boolean } }
  | { kind: Exclude<Host['kind'], 'teams'>; embedded: boolean };

/** Picks the sign-in strategy from the configured mode and the detected host. */
export function chooseAuthStrategy(config: Pick<RuntimeConfig, 'mode'>, host: StrategyHost): AuthStrategy {
  if (config.mode === 'emulator') return 'emulator';
  if (host.kind === 'teams') {
    if (host.teams.naaRecommended === true) return 'naa';
    // A Teams client that does not broker NAA: MSAL's own popup. Teams mobile shows the tab without
    // a frame, where a redirect would leave the tab; a popup is the one flow that works everywhere.
    return 'popup';
  }
  return host.embedded ? 'popup' : 'redirect';
}
