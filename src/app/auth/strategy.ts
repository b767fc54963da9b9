import type { RuntimeConfig } from '../config.js';
import type { Host } from '../host/host.js';

/**
 * How the app signs the user in:
 * - `emulator`: the emulator's dev sign-in page (pick a demo user), whatever the host;
 * - `naa`: MSAL nested app authentication, Teams acting as the broker (no prompt in the tab);
 * - `redirect`: MSAL redirect flow, for a top-level browser window;
 * - `popup`: MSAL popup flow, for any other iframe (e.g. a SharePoint Embed web part), because
 *   msal-browser refuses redirects inside an iframe (`allowRedirectInIframe` defaults to false) and
 *   the Entra sign-in page cannot be framed.
 */
export type AuthStrategy = 'emulator' | 'naa' | 'redirect' | 'popup';

/** Picks the sign-in strategy from the configured mode and the detected host. */
export function chooseAuthStrategy(config: Pick<RuntimeConfig, 'mode'>, host: Pick<Host, 'kind' | 'embedded'>): AuthStrategy {
  if (config.mode === 'emulator') return 'emulator';
  if (host.kind === 'teams') return 'naa';
  return host.embedded ? 'popup' : 'redirect';
}
