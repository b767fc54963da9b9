/**
 * Which embeddable preview URLs (Graph's `driveItem: preview`, Office files) the app frames, and with
 * which sandbox. Pure: shared by every viewer of a document file.
 */

/** Where the app's Graph calls go: `tenant` (only `https:` previews) or the emulator at `emulatorOrigin`. */
export interface PreviewPolicy {
  readonly mode: 'emulator' | 'tenant';
  /** The emulator's origin (`http://127.0.0.1:PORT` or `http://localhost:PORT`); emulator mode only. */
  readonly emulatorOrigin?: string;
}

/** The policy for a runtime configuration (its mode and Graph base URL): in emulator mode, the origin of its Graph base URL. */
export function previewPolicyOf<C extends { readonly mode: string; readonly graphBaseUrl: string }>(config: C): PreviewPolicy {
  if (config.mode !== 'emulator') return { mode: 'tenant' };
  try {
    return { mode: 'emulator', emulatorOrigin: new URL(config.graphBaseUrl).origin };
  } catch {
    return { mode: 'emulator' };
  }
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Whether a preview URL may be framed, and with which sandbox. Accepted: an `https:` URL, or in
 * emulator mode an `http:` URL on the configured emulator origin (a loopback host). Anything else
 * (`javascript:`, `data:`, `about:`, `blob:`, plain `http:` elsewhere, or no URL) is refused.
 * `allow-scripts allow-same-origin` is granted only to a preview served from a real origin other
 * than the app's: never when the origin is `'null'` (opaque: `data:`, `javascript:`, `about:`),
 * and never for the app's own origin (the frame would gain the app's origin and its tokens).
 */
export function previewFrame(url: string, appOrigin: string, policy: PreviewPolicy): { readonly ok: true; readonly sandbox: string } | { readonly ok: false } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false };
  }
  const emulatorHttp =
    policy.mode === 'emulator' && parsed.protocol === 'http:' && policy.emulatorOrigin !== undefined && parsed.origin === policy.emulatorOrigin && LOOPBACK_HOSTS.has(parsed.hostname);
  if (parsed.protocol !== 'https:' && !emulatorHttp) return { ok: false };
  const origin = parsed.origin;
  if (!origin || origin === 'null' || origin === appOrigin) return { ok: true, sandbox: 'allow-popups' };
  return { ok: true, sandbox: 'allow-scripts allow-same-origin allow-popups' };
}
