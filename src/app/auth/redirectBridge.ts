/**
 * Where MSAL popups and hidden iframes land (msal-browser 5's redirect bridge, handled in
 * main.tsx). Kept apart from msal.ts so the entry point does not pull MSAL into the first load.
 */
export const REDIRECT_BRIDGE_PATH = '/auth/redirect';
