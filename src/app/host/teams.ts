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
  /** Receives every later theme change (Teams allows one handler, so this keeps a list). */
  onThemeChange(listener: (theme: string) => void): () => void;
}

/**
 * Initializes teams-js and reads the context. Rejects quickly as a top-level page; inside a
 * non-Teams iframe teams-js may never answer (stack notes), hence the caller's timeout.
 * Learn: https://learn.microsoft.com/javascript/api/@microsoft/teams-js/app
 */
export async function connectTeams(): Promise<TeamsConnection> {
  const { app } = await import('@microsoft/teams-js');
  await app.initialize();
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
    onThemeChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
