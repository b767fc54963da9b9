/**
 * The app's only contact with the Teams JavaScript client library (@microsoft/teams-js). It is
 * imported on demand, so a plain browser never downloads it. Nothing here waits without bound:
 * callers race `connectTeams()` against their own timeout (see detectHost).
 */

/** What the shell needs from Teams. */
export interface TeamsConnection {
  /** `default`, `dark`, `contrast` (or `glass` in newer hosts) at connection time. */
  theme: string;
  /** The user's Teams UI locale, e.g. `en-gb` or `zh-cn`. */
  locale: string;
  /** UPN of the signed-in Teams user, a login hint for nested app authentication. */
  loginHint: string | null;
  /** e.g. `Teams`, `Outlook`, `Office`. */
  hostName: string | null;
  /**
   * The host shows the tab inside a SharePoint page: teams-js gives the SharePoint page context
   * (`context.sharepoint`) there, or names SharePoint as the host. Such a tab is not in Teams.
   */
  inSharePoint?: boolean;
  /**
   * teams-js `nestedAppAuth.isNAAChannelRecommended()`: whether the host brokers MSAL nested app
   * authentication. Absent or false: the host does not (a down-level client), so sign-in falls back.
   */
  naaRecommended?: boolean;
  /** Receives every later theme change (Teams allows one handler, so this keeps a list). */
  onThemeChange(listener: (theme: string) => void): () => void;
}

/** True when a teams-js context comes from a tab shown in SharePoint rather than in Teams. */
export function isSharePointContext(context: { app: { host?: { name?: string } }; sharepoint?: unknown }): boolean {
  return context.sharepoint != null || context.app.host?.name?.toLowerCase() === 'sharepoint';
}

/** `nestedAppAuth.isNAAChannelRecommended()`, false when teams-js cannot say (it throws before initialization). */
function naaChannelRecommended(nestedAppAuth: { isNAAChannelRecommended(): boolean }): boolean {
  try {
    return nestedAppAuth.isNAAChannelRecommended();
  } catch {
    return false;
  }
}

/**
 * Initializes teams-js and reads the context. Rejects quickly as a top-level page; inside a
 * non-Teams iframe teams-js may never answer (stack notes), hence the caller's timeout.
 * `validMessageOrigins` are parent origins teams-js does not trust by itself: a SharePoint page
 * showing the tab (teams-js' own list holds Teams, Outlook and Microsoft 365 hosts, not SharePoint).
 * Learn: https://learn.microsoft.com/javascript/api/@microsoft/teams-js/app ,
 * https://learn.microsoft.com/javascript/api/@microsoft/teams-js/nestedappauth ,
 * https://learn.microsoft.com/microsoftteams/platform/concepts/authentication/nested-authentication
 */
export async function connectTeams(validMessageOrigins: readonly string[] = []): Promise<TeamsConnection> {
  const { app, nestedAppAuth } = await import('@microsoft/teams-js');
  await app.initialize(validMessageOrigins.length > 0 ? [...validMessageOrigins] : undefined);
  const context = await app.getContext();
  const listeners = new Set<(theme: string) => void>();
  app.registerOnThemeChangeHandler((theme) => {
    for (const listener of listeners) listener(theme);
  });
  // The manifest does not ask Teams to show a loading indicator, but telling it is harmless and
  // keeps a future `showLoadingIndicator: true` from hanging the tab.
  void app.notifySuccess().catch(() => undefined);
  return {
    theme: context.app.theme,
    locale: context.app.locale,
    loginHint: context.user?.loginHint ?? context.user?.userPrincipalName ?? null,
    hostName: context.app.host?.name ?? null,
    inSharePoint: isSharePointContext(context),
    // The NAA page: check isNAAChannelRecommended() before nested app authentication, and keep a
    // fallback for hosts where it says false.
    naaRecommended: naaChannelRecommended(nestedAppAuth),
    onThemeChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
