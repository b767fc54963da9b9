import type { Context, Middleware } from '@microsoft/microsoft-graph-client';

/** Returns a bearer access token for Microsoft Graph (MSAL, Teams nested auth or the emulator's dev sign-in). */
export type TokenProvider = () => Promise<string>;

/**
 * Sets `Authorization: Bearer <token>` on every request, whatever the URL's scheme.
 *
 * The library's own `AuthenticationHandler` only adds the header for https Graph hosts (or
 * https custom hosts), so against the emulator over plain http it would silently send none.
 * This middleware mirrors what Graph requires of every call: a bearer token in `Authorization`
 * (https://learn.microsoft.com/graph/auth/auth-concepts).
 */
export class BearerTokenMiddleware implements Middleware {
  private next: Middleware | undefined;

  constructor(private readonly getToken: TokenProvider) {}

  async execute(context: Context): Promise<void> {
    const token = await this.getToken();
    setHeader(context, 'Authorization', `Bearer ${token}`);
    if (!this.next) throw new Error('BearerTokenMiddleware must not be the last middleware in the chain.');
    await this.next.execute(context);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}

/** Sets a header on the request whether it lives on a `Request` object or in the fetch options. */
export function setHeader(context: Context, name: string, value: string): void {
  if (typeof Request !== 'undefined' && context.request instanceof Request) {
    context.request.headers.set(name, value);
    return;
  }
  const options = (context.options ??= {});
  const headers = options.headers;
  if (headers instanceof Headers) {
    headers.set(name, value);
  } else if (Array.isArray(headers)) {
    options.headers = [...headers.filter(([k]) => k.toLowerCase() !== name.toLowerCase()), [name, value]];
  } else {
    const plain: Record<string, string> = {};
    for (const [k, v] of Object.entries(headers ?? {})) if (k.toLowerCase() !== name.toLowerCase()) plain[k] = String(v);
    plain[name] = value;
    options.headers = plain;
  }
}
