/**
 * Incremental consent: the app signs in with Home's scopes only and asks for a feature's scopes when the
 * feature is first opened (`AuthSession.requestScopes`, src/app/auth/scopes.ts FEATURE_SCOPES).
 *
 * With MSAL the pattern is Learn's: `acquireTokenSilent` with the feature's scopes, and an interactive
 * request (popup or redirect) only when that throws `InteractionRequiredAuthError`
 * (https://learn.microsoft.com/entra/msal/javascript/browser/acquire-token ,
 * https://learn.microsoft.com/entra/identity-platform/permissions-consent-overview "incremental consent").
 * When a scope needs an administrator's consent the tenant has not given, Entra ID answers AADSTS65001
 * (`consent_required`) to the silent request and shows "Need admin approval" (AADSTS90094) to the
 * interactive one; the app then explains what to ask the administrator for (ConsentRequiredError).
 * The emulator's dev sign-in refuses such scopes with the same AADSTS65001 answer.
 */

/** Why the feature's scopes could not be had: an administrator must consent, or the user did not. */
export type ConsentProblem = 'admin' | 'declined';

export class ConsentRequiredError extends Error {
  override readonly name = 'ConsentRequiredError';
  constructor(
    readonly scopes: readonly string[],
    readonly problem: ConsentProblem,
    detail?: string,
  ) {
    super(`Consent required for ${scopes.join(', ')}${detail ? `: ${detail}` : ''}`);
  }
}

/** What an MSAL or token endpoint error says, flattened for matching (errorCode, subError, message). */
function describe(e: unknown): string {
  if (!e || typeof e !== 'object') return String(e);
  const o = e as { errorCode?: unknown; subError?: unknown; suberror?: unknown; error?: unknown; errorMessage?: unknown; message?: unknown; error_description?: unknown };
  return [o.errorCode, o.subError, o.suberror, o.error, o.errorMessage, o.error_description, o.message].filter((v) => typeof v === 'string').join(' ');
}

/** AADSTS65001 / consent_required (silent) and AADSTS90094 / AADSTS90095 (admin approval needed, interactive). */
export const isAdminConsentMissing = (e: unknown): boolean => /AADSTS65001|AADSTS9009[45]|consent_required/i.test(describe(e));

/** The user closed the consent window or declined (AADSTS65004, MSAL `user_cancelled`, `access_denied`). */
export const isConsentDeclined = (e: unknown): boolean => /AADSTS65004|user_cancelled|access_denied/i.test(describe(e));

export interface ConsentSteps<T> {
  /** `acquireTokenSilent` with the scopes. */
  silent(): Promise<T>;
  /** The interactive request (popup, or a redirect that never settles). */
  interactive(): Promise<T>;
  /** `e instanceof InteractionRequiredAuthError`. */
  isInteractionRequired(e: unknown): boolean;
}

/**
 * Silent first, interactive on InteractionRequiredAuthError; the answers that mean "no consent" become a
 * ConsentRequiredError for `scopes`, anything else propagates as it is.
 */
export async function acquireWithConsent<T>(scopes: readonly string[], steps: ConsentSteps<T>): Promise<T> {
  try {
    return await steps.silent();
  } catch (e) {
    if (!steps.isInteractionRequired(e)) throw e;
  }
  try {
    return await steps.interactive();
  } catch (e) {
    if (isAdminConsentMissing(e)) throw new ConsentRequiredError(scopes, 'admin', describe(e));
    if (isConsentDeclined(e)) throw new ConsentRequiredError(scopes, 'declined', describe(e));
    throw e;
  }
}

/** The scopes a session holds after adding `more` (order kept, no duplicates). */
export const withScopes = (held: readonly string[], more: readonly string[]): string[] => [...new Set([...held, ...more])];
