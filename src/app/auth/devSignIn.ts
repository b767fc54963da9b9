import type { AuthSession } from './session.js';
import { nextSessionId } from './session.js';
import { ConsentRequiredError, isAdminConsentMissing, withScopes } from './consent.js';

/**
 * The emulator's stand-in for Entra ID sign-in (emulator/README.md, "Dev endpoints"). These are
 * not Graph endpoints, so they live here in the composition root rather than in graph/.
 * Tokens are only ever held in memory.
 */
export interface DemoUser {
  id: string;
  displayName: string;
  userPrincipalName: string;
  jobTitle: string | null;
  /** Display names of every group the user belongs to. */
  groups: string[];
}

export interface DevToken {
  accessToken: string;
  expiresIn: number;
}

async function failure(res: Response, scopes: readonly string[] = []): Promise<Error> {
  let detail = `${res.status}`;
  try {
    // Graph-shaped `{ error: { message } }`, or the token endpoint's `{ error, error_description, suberror }`.
    const body = (await res.json()) as { error?: { message?: string } | string; error_description?: string; suberror?: string };
    if (typeof body.error === 'object' && body.error.message) detail += ` ${body.error.message}`;
    if (body.error_description) detail += ` ${body.error_description}`;
    if (isAdminConsentMissing(body)) return new ConsentRequiredError(scopes, 'admin', body.error_description);
  } catch {
    // not JSON; the status is enough
  }
  return new Error(`Dev sign-in request failed: ${detail}`);
}

/** `GET {devAuthUrl}/_dev/users`: the people one can sign in as. */
export async function listDemoUsers(devAuthUrl: string, signal?: AbortSignal): Promise<DemoUser[]> {
  const res = await fetch(new URL('/_dev/users', devAuthUrl), { signal });
  if (!res.ok) throw await failure(res);
  return (await res.json()) as DemoUser[];
}

/** `POST {devAuthUrl}/_dev/token`: a Graph access token for `upn` carrying `scopes`. */
export async function requestDevToken(devAuthUrl: string, upn: string, scopes: readonly string[]): Promise<DevToken> {
  const res = await fetch(new URL('/_dev/token', devAuthUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ upn, scopes }),
  });
  if (!res.ok) throw await failure(res, scopes);
  const body = (await res.json()) as { access_token: string; expires_in: number };
  return { accessToken: body.access_token, expiresIn: body.expires_in };
}

/** Renew this long before the token expires. */
const RENEW_MARGIN_MS = 60_000;

/**
 * Signs in to the emulator as `user` and returns a session whose token is renewed through the dev
 * endpoint shortly before it expires (and on demand after a 401).
 */
export async function signInToEmulator(
  devAuthUrl: string,
  user: Pick<DemoUser, 'displayName' | 'userPrincipalName'>,
  scopes: readonly string[],
  now: () => number = Date.now,
): Promise<AuthSession> {
  /** The scopes of the session: those of the sign-in, and every feature's scopes granted since. */
  let held: readonly string[] = scopes;
  const issue = async (asked: readonly string[] = held) => {
    const t = await requestDevToken(devAuthUrl, user.userPrincipalName, asked);
    return { token: t.accessToken, expiresAt: now() + t.expiresIn * 1000 };
  };
  let current = await issue();
  let renewing: Promise<void> | null = null;
  const renew = () => {
    renewing ??= issue()
      .then((next) => {
        current = next;
      })
      .finally(() => {
        renewing = null;
      });
    return renewing;
  };
  return {
    id: nextSessionId(),
    user: { displayName: user.displayName, upn: user.userPrincipalName },
    canSignOut: true,
    async getToken() {
      if (now() >= current.expiresAt - RENEW_MARGIN_MS) await renew();
      return current.token;
    },
    reauthenticate: renew,
    async requestScopes(more) {
      const wanted = withScopes(held, more);
      if (wanted.length === held.length) return;
      // The emulator's sign-in has no prompt: the dev endpoint grants what a user may consent to and
      // refuses (AADSTS65001) what needs an administrator the tenant has not granted.
      current = await issue(wanted);
      held = wanted;
    },
    async signOut() {
      // Nothing to tell the emulator: dropping the session forgets the token.
    },
  };
}
